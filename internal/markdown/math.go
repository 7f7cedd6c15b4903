package markdown

// Math: delimiters as real posts write them, all on by default.
//
//	$…$      inline, pandoc's rule: non-space after the opener, non-space
//	         before the closer, no digit after it ("costs $5 and $10" is text)
//	$$…$$    inline inside a line of text; a paragraph of its own is display
//	         (kramdown's rule); a $$ at the start of a line opens a block
//	\(…\)    inline
//	\[…\]    display
//	\begin{equation} … \end{equation} (and align, gather, multline,
//	         eqnarray, starred or not) at block level: display
//
// Nothing inside a formula is parsed as markdown: the parsers run before
// emphasis, escapes and code spans see the characters.
//
// \eqref{label} and \ref{label} in the text (outside any formula) are
// references to numbered equations, as MathJax reads them; mathrender.go
// turns them into links.

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// KindMath is the node kind of an inline formula.
var KindMath = ast.NewNodeKind("Math")

// KindMathBlock is the node kind of a display formula on lines of its own.
var KindMathBlock = ast.NewNodeKind("MathBlock")

// Math is a formula inside a paragraph.
type Math struct {
	ast.BaseInline
	Tex     string
	Display bool   // \[…\] inline, or promoted $$…$$
	Delim   string // "$", "$$", "\\(", "\\["
	Offset  int    // byte offset of the opener in the body
	HTML    string // rendered by the transformer
}

// Kind implements ast.Node.
func (n *Math) Kind() ast.NodeKind { return KindMath }

// Dump implements ast.Node.
func (n *Math) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Tex": n.Tex, "Delim": n.Delim}, nil)
}

// MathBlock is a display formula.
type MathBlock struct {
	ast.BaseBlock
	Tex    string
	Delim  string // "$$", "\\[", or the environment name
	Offset int
	HTML   string
	closer string
	closed bool
	buf    strings.Builder
}

// Kind implements ast.Node.
func (n *MathBlock) Kind() ast.NodeKind { return KindMathBlock }

// IsRaw implements ast.Node: a formula's lines are not markdown.
func (n *MathBlock) IsRaw() bool { return true }

// Dump implements ast.Node.
func (n *MathBlock) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Tex": n.Tex, "Delim": n.Delim}, nil)
}

// KindEqRef is the node kind of an equation reference in the text.
var KindEqRef = ast.NewNodeKind("EqRef")

// EqRef is \eqref{Label} (Paren) or \ref{Label} written in the text.
type EqRef struct {
	ast.BaseInline
	Label  string
	Paren  bool
	Offset int
	HTML   string // rendered by the transformer
}

// Kind implements ast.Node.
func (n *EqRef) Kind() ast.NodeKind { return KindEqRef }

// Dump implements ast.Node.
func (n *EqRef) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Label": n.Label}, nil)
}

// mathEnvs are the environments that open a display formula at block
// level without dollars.
var mathEnvs = map[string]bool{
	"equation": true, "equation*": true, "align": true, "align*": true,
	"gather": true, "gather*": true, "multline": true, "multline*": true,
	"eqnarray": true, "eqnarray*": true, "alignat": true, "alignat*": true,
	"flalign": true, "flalign*": true,
}

type mathBlockParser struct{}

func (mathBlockParser) Trigger() []byte { return []byte{'$', '\\'} }

// opener recognises the start of a display block on a line and returns the
// closing delimiter, the TeX that starts on this line and how many bytes of
// the line the opener used.
func opener(line []byte) (delim, closer string, skip int, ok bool) {
	switch {
	case bytes.HasPrefix(line, []byte("$$")):
		return "$$", "$$", 2, true
	case bytes.HasPrefix(line, []byte(`\[`)):
		return `\[`, `\]`, 2, true
	case bytes.HasPrefix(line, []byte(`\begin{`)):
		end := bytes.IndexByte(line, '}')
		if end < 0 {
			return "", "", 0, false
		}
		env := string(line[len(`\begin{`):end])
		if !mathEnvs[env] {
			return "", "", 0, false
		}
		// The environment stays part of the TeX: the converter numbers it.
		return env, `\end{` + env + `}`, 0, true
	}
	return "", "", 0, false
}

func (mathBlockParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, seg := reader.PeekLine()
	pos := pc.BlockOffset()
	if pos < 0 || pos > len(line) {
		return nil, parser.NoChildren
	}
	rest := line[pos:]
	delim, closer, skip, ok := opener(rest)
	if !ok {
		return nil, parser.NoChildren
	}
	n := &MathBlock{Delim: delim, closer: closer, Offset: seg.Start + pos}
	body := rest[skip:]
	search := body
	if skip == 0 { // environment: look for \end after the \begin
		search = body[len(`\begin{`):]
	}
	if i := indexUnescaped(search, closer); i >= 0 {
		i += len(body) - len(search)
		after := body[i+len(closer):]
		if len(util.TrimRightSpace(util.TrimLeftSpace(after))) != 0 {
			return nil, parser.NoChildren // text follows: inline math in a paragraph
		}
		if skip == 0 {
			i += len(closer)
		}
		n.buf.Write(body[:i])
		n.closed = true
		reader.AdvanceToEOL()
		return n, parser.NoChildren // Continue closes it
	}
	n.buf.Write(body)
	reader.AdvanceToEOL()
	return n, parser.NoChildren
}

func (mathBlockParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	n := node.(*MathBlock)
	line, _ := reader.PeekLine()
	if line == nil || n.closed {
		return parser.Close
	}
	if i := indexUnescaped(line, n.closer); i >= 0 {
		if n.Delim != "$$" && n.Delim != `\[` {
			i += len(n.closer)
		}
		n.buf.Write(line[:i])
		n.closed = true
		reader.AdvanceToEOL()
		return parser.Close
	}
	n.buf.Write(line)
	reader.AdvanceToEOL()
	return parser.Continue | parser.NoChildren
}

func (mathBlockParser) Close(node ast.Node, reader text.Reader, pc parser.Context) {
	n := node.(*MathBlock)
	n.Tex = strings.TrimSpace(n.buf.String())
	n.buf.Reset()
	if !n.closed {
		if st := stateOf(pc); st != nil {
			st.errorf(n.Offset, "math", "unclosed math: %s opened here has no %s", n.Delim, n.closer)
		}
	}
}

func (mathBlockParser) CanInterruptParagraph() bool { return true }
func (mathBlockParser) CanAcceptIndentedLine() bool { return false }

// indexUnescaped finds sep in b, skipping characters escaped by a backslash
// (so \$ never closes a formula).
func indexUnescaped(b []byte, sep string) int {
	for i := 0; i < len(b); i++ {
		if b[i] == '\\' && sep[0] != '\\' {
			i++
			continue
		}
		if bytes.HasPrefix(b[i:], []byte(sep)) {
			return i
		}
		if b[i] == '\\' {
			i++ // skip the escaped character when looking for \] or \)
		}
	}
	return -1
}

type mathInlineParser struct{}

func (mathInlineParser) Trigger() []byte { return []byte{'$', '\\'} }

func (mathInlineParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	if len(line) < 2 {
		return nil
	}
	if ref := parseEqRef(line, seg.Start); ref != nil {
		block.Advance(ref.len)
		return ref.EqRef
	}
	var delim, closer string
	var valid func(line []byte, i int) bool
	switch {
	case line[0] == '\\' && line[1] == '(':
		delim, closer = `\(`, `\)`
	case line[0] == '\\' && line[1] == '[':
		delim, closer = `\[`, `\]`
	case line[0] == '$' && line[1] == '$':
		delim, closer = "$$", "$$"
	case line[0] == '$':
		// pandoc: the opener is followed by a non-space.
		if util.IsSpace(line[1]) {
			return nil
		}
		delim, closer = "$", "$"
		valid = func(l []byte, i int) bool {
			if i == 0 || util.IsSpace(l[i-1]) {
				return false
			}
			return i+1 >= len(l) || l[i+1] < '0' || l[i+1] > '9'
		}
	default:
		return nil
	}
	offset := seg.Start
	tex, ok := scanMath(block, len(delim), closer, valid)
	if !ok || strings.TrimSpace(tex) == "" {
		return nil // the caller restores the reader
	}
	return &Math{Tex: tex, Delim: delim, Display: delim == `\[`, Offset: offset}
}

type eqRefMatch struct {
	*EqRef
	len int // bytes of the line it takes
}

// parseEqRef reads \eqref{label} or \ref{label} at the start of line; the
// label ends on the same line and holds no braces.
func parseEqRef(line []byte, offset int) *eqRefMatch {
	var rest []byte
	paren := false
	switch {
	case bytes.HasPrefix(line, []byte(`\eqref{`)):
		rest, paren = line[len(`\eqref{`):], true
	case bytes.HasPrefix(line, []byte(`\ref{`)):
		rest = line[len(`\ref{`):]
	default:
		return nil
	}
	end := bytes.IndexAny(rest, "{}\n")
	if end <= 0 || rest[end] != '}' {
		return nil
	}
	label := strings.TrimSpace(string(rest[:end]))
	if label == "" {
		return nil
	}
	n := len(line) - len(rest) + end + 1
	return &eqRefMatch{EqRef: &EqRef{Label: label, Paren: paren, Offset: offset}, len: n}
}

// scanMath reads from the opener (skip bytes into the current line) to the
// closer, across the lines of the paragraph, and leaves the reader after the
// closer. ok is false when there is no valid closer.
func scanMath(block text.Reader, skip int, closer string, valid func([]byte, int) bool) (string, bool) {
	var tex strings.Builder
	line, _ := block.PeekLine()
	start := skip
	for {
		for i := start; i < len(line); i++ {
			c := line[i]
			if c == '\\' && closer[0] != '\\' {
				i++
				continue
			}
			if bytes.HasPrefix(line[i:], []byte(closer)) && (valid == nil || valid(line, i)) {
				tex.Write(line[start:i])
				block.Advance(i + len(closer))
				return tex.String(), true
			}
			if c == '\\' {
				i++
			}
		}
		tex.Write(line[start:])
		block.AdvanceLine()
		line, _ = block.PeekLine()
		if line == nil {
			return "", false
		}
		start = 0
	}
}

// promoteDisplayMath applies kramdown's rule: a paragraph that holds nothing
// but one $$…$$ formula is a display formula.
func promoteDisplayMath(src []byte, doc *ast.Document) {
	var paras []*ast.Paragraph
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if p, ok := n.(*ast.Paragraph); ok && entering {
			paras = append(paras, p)
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	for _, p := range paras {
		m := soleMath(p, src)
		if m == nil {
			continue
		}
		b := &MathBlock{Tex: strings.TrimSpace(m.Tex), Delim: m.Delim, Offset: m.Offset, closed: true}
		p.Parent().ReplaceChild(p.Parent(), p, b)
	}
}

func soleMath(p *ast.Paragraph, src []byte) *Math {
	var m *Math
	for c := p.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *Math:
			if m != nil || (c.Delim != "$$" && c.Delim != `\[`) {
				return nil
			}
			m = c
		case *ast.Text:
			if len(bytes.TrimSpace(c.Value(src))) != 0 {
				return nil
			}
		default:
			return nil
		}
	}
	return m
}

func (r *nodeRenderer) renderMath(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		_, _ = w.WriteString(node.(*Math).HTML)
	}
	return ast.WalkSkipChildren, nil
}

func (r *nodeRenderer) renderMathBlock(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		_, _ = w.WriteString(node.(*MathBlock).HTML)
		_ = w.WriteByte('\n')
	}
	return ast.WalkSkipChildren, nil
}

func (r *nodeRenderer) renderEqRef(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		_, _ = w.WriteString(node.(*EqRef).HTML)
	}
	return ast.WalkSkipChildren, nil
}
