// Package diffview turns unified diffs (git diff and git format-patch output)
// from ```diff2html fenced blocks into static HTML at build time, in the
// spirit of diff2html: one header and one table per file, line-by-line or
// side-by-side, old and new line numbers, changed words marked with <ins> and
// <del>, and syntax colours from a caller-supplied highlighter.
//
// Parse reads the diff into Files; Render writes the HTML. CSS holds the
// matching stylesheet (light and dark through CSS variables).
package diffview

import "fmt"

// File is one file's section of a diff.
type File struct {
	OldName, NewName string
	Hunks            []Hunk
	// Added and Deleted count the '+' and '-' lines over all hunks.
	Added, Deleted int
	// Binary is set by "Binary files … differ" and "GIT binary patch".
	Binary bool
	// IsNew, IsDeleted, IsRename and IsCopy come from the git extended
	// headers (or from /dev/null names in plain unified diffs).
	IsNew, IsDeleted, IsRename, IsCopy bool
	// OldMode and NewMode are file modes ("100644") when git reports them.
	OldMode, NewMode string
	// Line is the 1-based line of the file's first header line in the source.
	Line int
	// Warnings are problems that diff2html also tolerates, such as a hunk
	// header that miscounts its lines (common in hand-edited diffs): the
	// lines are kept and shown as they are.
	Warnings []ParseError
}

// Hunk is one "@@ -a,b +c,d @@ section" block.
type Hunk struct {
	OldStart, OldLines, NewStart, NewLines int
	// Header is the whole "@@ … @@ section" line as written.
	Header string
	Lines  []Line
}

// Line is one line of a hunk.
type Line struct {
	// Kind is ' ' (context), '+' (added) or '-' (deleted).
	Kind byte
	Text string
	// Old and New are 1-based line numbers in the old and new file; 0 where
	// the line does not exist on that side.
	Old, New int
	// NoNewline is set when "\ No newline at end of file" follows the line.
	NoNewline bool
}

// ParseError reports where a diff stops making sense. Line is 1-based within
// the source given to Parse.
type ParseError struct {
	Line int
	Msg  string
}

func (e *ParseError) Error() string { return fmt.Sprintf("diff line %d: %s", e.Line, e.Msg) }

// Name is the name shown for the file: the new name, or the old one for a
// deleted file.
func (f *File) Name() string {
	if f.IsDeleted || f.NewName == "" {
		return f.OldName
	}
	return f.NewName
}
