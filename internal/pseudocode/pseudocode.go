// Package pseudocode renders pseudocode.js input — LaTeX algorithmic
// environments from ```pseudocode fenced blocks — to HTML at build time,
// following pseudocode.js's output: a captioned, numbered algorithm with
// bold keywords, indented blocks, optional line numbers and "end if" lines.
//
// Parse builds an Algorithm (statements with their source lines, so errors
// such as an unclosed \IF point at the right line); Render writes HTML with
// the ps-* classes CSS styles.
package pseudocode

import "fmt"

// ParseError reports a syntax error; Line is 1-based within the source.
type ParseError struct {
	Line int
	Msg  string
}

func (e *ParseError) Error() string { return fmt.Sprintf("pseudocode line %d: %s", e.Line, e.Msg) }

// Algorithm is one algorithm environment (or a bare algorithmic one).
type Algorithm struct {
	// Caption is the \caption text; nil when there is none.
	Caption Text
	// Body holds one statement list per algorithmic environment.
	Body [][]Stmt
}

// Kind says what a statement is.
type Kind int

// Statement kinds; the names follow the LaTeX commands.
const (
	State Kind = iota
	Return
	Print
	Break
	Continue
	Require
	Ensure
	Input
	Output
	Comment
	If
	For
	ForAll
	While
	Repeat
	Loop
	Procedure
	Function
)

// Stmt is one statement; which fields are used depends on Kind.
type Stmt struct {
	Kind Kind
	Line int
	// Text is the statement text, the condition of If/For/While/Until (the
	// Until condition of Repeat), a comment's text, or a routine's arguments.
	Text Text
	// Name is the name of a Procedure or Function.
	Name Text
	// Body is the block of a control statement or routine.
	Body []Stmt
	// Elifs are the \ELSIF branches of an If.
	Elifs []Branch
	// Else is the \ELSE block of an If; HasElse tells an empty one from none.
	Else    []Stmt
	HasElse bool
}

// Branch is an \ELSIF condition and its block.
type Branch struct {
	Line int
	Cond Text
	Body []Stmt
}

// Text is inline content: words, math, keywords, calls, styled groups.
type Text []Inline

// InlineKind says what an Inline is.
type InlineKind int

// Inline kinds.
const (
	Word    InlineKind = iota // Text is literal text (spaces included)
	Math                      // Text is TeX for inline math
	Keyword                   // Text is a keyword such as "and", "true", "to"
	Call                      // Text is the routine name, Args its arguments
	Styled                    // Text is the LaTeX command (textbf, …), Args the content
	Group                     // Args is a {…} group
	Newline                   // a forced line break (\\)
)

// Inline is one piece of Text.
type Inline struct {
	Kind InlineKind
	Text string
	Args Text
}
