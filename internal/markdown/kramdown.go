package markdown

import (
	"bytes"
	"regexp"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// kramdown is Jekyll's markdown; al-folio posts use three of its
// extensions to markdown, which this file adds:
//
//   - attribute lists (IALs) after a block or a span: `{: .block-tip }` on
//     the line after a blockquote, `[x](u){:target="_blank"}`,
//     `{:data-toc-text="Short"}`;
//   - `{::nomarkdown}…{:/nomarkdown}` (passed through as HTML) and
//     `{::comment}…{:/comment}` (left out);
//   - heading ids by the rule of kramdown's GFM parser, which Jekyll uses:
//     lowercase, punctuation but - and _ removed, each space a -, and
//     -1, -2, … after a repeated id.
//
// An IAL is parsed as an inline node wherever it stands; the transformer
// pass applyKramdown then moves its attributes to the element kramdown
// would give them to and removes it.

// KindIAL is the kind of an attribute list not yet applied.
var KindIAL = ast.NewNodeKind("KramdownIAL")

// IAL is a kramdown inline attribute list.
type IAL struct {
	ast.BaseInline
	Attrs  []ast.Attribute
	Offset int  // of the '{' in the body
	done   bool // applied with the others of its line
}

// Kind implements ast.Node.
func (n *IAL) Kind() ast.NodeKind { return KindIAL }

// Dump implements ast.Node.
func (n *IAL) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// KindNoMarkdown is the kind of a {::nomarkdown} block or span.
var KindNoMarkdown = ast.NewNodeKind("KramdownNoMarkdown")

// NoMarkdown is HTML that markdown leaves alone; Drop marks a comment or an
// options line, which output nothing.
type NoMarkdown struct {
	ast.BaseBlock
	HTML   []byte
	Drop   bool
	inline bool
	closer string
	closed bool
}

// Kind implements ast.Node.
func (n *NoMarkdown) Kind() ast.NodeKind { return KindNoMarkdown }

// Dump implements ast.Node.
func (n *NoMarkdown) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// Type reports an inline span as inline, so it may sit in a paragraph.
func (n *NoMarkdown) Type() ast.NodeType {
	if n.inline {
		return ast.TypeInline
	}
	return ast.TypeBlock
}

// IsRaw implements ast.Node.
func (n *NoMarkdown) IsRaw() bool { return true }

// extOpenRE matches a kramdown extension opener: {::name attrs} or
// {::name attrs /}.
var extOpenRE = regexp.MustCompile(`^\{::(\w+)((?:[^}"']|"[^"]*"|'[^']*')*?)(/)?\}`)

// extCloser returns the position and length of the first closer of
// extension name ({:/name} or {:/}) in b.
func extCloser(b []byte, name string) (int, int) {
	full := []byte("{:/" + name + "}")
	short := []byte("{:/}")
	i, j := bytes.Index(b, full), bytes.Index(b, short)
	switch {
	case i >= 0 && (j < 0 || i < j):
		return i, len(full)
	case j >= 0:
		return j, len(short)
	}
	return -1, 0
}

// nomarkdownParser parses the block form of kramdown extensions.
type nomarkdownParser struct{}

func (nomarkdownParser) Trigger() []byte { return []byte{'{'} }

func (nomarkdownParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, _ := reader.PeekLine()
	pos := pc.BlockOffset()
	if pos < 0 || pos > len(line) {
		return nil, parser.NoChildren
	}
	m := extOpenRE.FindSubmatchIndex(line[pos:])
	if m == nil {
		return nil, parser.NoChildren
	}
	name := string(line[pos+m[2] : pos+m[3]])
	n := &NoMarkdown{Drop: name != "nomarkdown", closer: name}
	if name != "nomarkdown" && name != "comment" && name != "options" {
		return nil, parser.NoChildren
	}
	rest := line[pos+m[1]:]
	if m[6] >= 0 { // self-closing: {::options … /}
		n.closed = true
		reader.AdvanceToEOL()
		return n, parser.NoChildren
	}
	if i, _ := extCloser(rest, name); i >= 0 {
		n.HTML = append(n.HTML, rest[:i]...)
		n.closed = true
	} else {
		n.HTML = append(n.HTML, rest...)
	}
	reader.AdvanceToEOL()
	return n, parser.NoChildren
}

func (nomarkdownParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	n := node.(*NoMarkdown)
	line, _ := reader.PeekLine()
	if line == nil || n.closed {
		return parser.Close
	}
	if i, _ := extCloser(line, n.closer); i >= 0 {
		n.HTML = append(n.HTML, line[:i]...)
		n.closed = true
		reader.AdvanceToEOL()
		return parser.Close
	}
	n.HTML = append(n.HTML, line...)
	reader.AdvanceToEOL()
	return parser.Continue | parser.NoChildren
}

func (nomarkdownParser) Close(node ast.Node, reader text.Reader, pc parser.Context) {}

func (nomarkdownParser) CanInterruptParagraph() bool { return true }
func (nomarkdownParser) CanAcceptIndentedLine() bool { return false }

// ialParser parses `{: …}` attribute lists and one-line `{::nomarkdown}`
// spans inside a paragraph.
type ialParser struct{}

func (ialParser) Trigger() []byte { return []byte{'{'} }

func (ialParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	if !bytes.HasPrefix(line, []byte("{:")) {
		return nil
	}
	if bytes.HasPrefix(line, []byte("{::")) {
		return parseSpanExtension(line, block)
	}
	attrs, n, ok := parseIAL(line)
	if !ok {
		return nil
	}
	// After plain text on the same line kramdown keeps an IAL as text.
	if t, isText := parent.LastChild().(*ast.Text); isText && !t.SoftLineBreak() && !t.HardLineBreak() && !isBlank(t.Segment.Value(block.Source())) {
		if st := stateOf(pc); st != nil {
			st.warnf(seg.Start, "kramdown", "attribute list after plain text applies to nothing; kept as text (kramdown does the same)")
		}
		return nil
	}
	block.Advance(n)
	return &IAL{Attrs: attrs, Offset: seg.Start}
}

// parseSpanExtension parses {::nomarkdown}html{:/nomarkdown} and
// {::comment}…{:/comment} within one line.
func parseSpanExtension(line []byte, block text.Reader) ast.Node {
	m := extOpenRE.FindSubmatchIndex(line)
	if m == nil {
		return nil
	}
	name := string(line[m[2]:m[3]])
	if name != "nomarkdown" && name != "comment" && name != "options" {
		return nil
	}
	n := &NoMarkdown{inline: true, Drop: name != "nomarkdown", closed: true}
	if m[6] >= 0 {
		block.Advance(m[1])
		return n
	}
	i, l := extCloser(line[m[1]:], name)
	if i < 0 {
		return nil
	}
	n.HTML = append(n.HTML, line[m[1]:m[1]+i]...)
	block.Advance(m[1] + i + l)
	return n
}

// parseIAL reads `{: .cls #id key="v" key='v' key=v}` (the colon is
// required) and returns the attributes and the bytes used. A backslash
// escapes the next character in a value.
func parseIAL(b []byte) ([]ast.Attribute, int, bool) {
	if !bytes.HasPrefix(b, []byte("{:")) {
		return nil, 0, false
	}
	var attrs []ast.Attribute
	var classes []string
	i := 2
	for {
		for i < len(b) && (b[i] == ' ' || b[i] == '\t') {
			i++
		}
		if i >= len(b) || b[i] == '\n' || b[i] == '\r' {
			return nil, 0, false
		}
		switch c := b[i]; {
		case c == '}':
			if len(classes) > 0 {
				attrs = append([]ast.Attribute{{Name: []byte("class"), Value: []byte(strings.Join(classes, " "))}}, attrs...)
			}
			return attrs, i + 1, true
		case c == '.' || c == '#':
			j := i + 1
			for j < len(b) && isNameByte(b[j]) {
				j++
			}
			if j == i+1 {
				return nil, 0, false
			}
			if c == '.' {
				classes = append(classes, string(b[i+1:j]))
			} else {
				attrs = append(attrs, ast.Attribute{Name: []byte("id"), Value: b[i+1 : j]})
			}
			i = j
		case isNameByte(c):
			j := i
			for j < len(b) && (isNameByte(b[j]) || b[j] == ':') {
				j++
			}
			name := b[i:j]
			if j >= len(b) || b[j] != '=' {
				i = j // a reference to an attribute list definition: ignored
				continue
			}
			val, n, ok := parseIALValue(b[j+1:])
			if !ok {
				return nil, 0, false
			}
			attrs = append(attrs, ast.Attribute{Name: name, Value: val})
			i = j + 1 + n
		default:
			return nil, 0, false
		}
	}
}

func parseIALValue(b []byte) ([]byte, int, bool) {
	if len(b) == 0 {
		return nil, 0, false
	}
	q := b[0]
	if q != '"' && q != '\'' {
		j := 0
		for j < len(b) && b[j] != ' ' && b[j] != '}' && b[j] != '\t' && b[j] != '\n' {
			j++
		}
		return b[:j], j, true
	}
	var v []byte
	for i := 1; i < len(b); i++ {
		switch {
		case b[i] == '\\' && i+1 < len(b) && b[i+1] != '\n':
			i++
			v = append(v, b[i])
		case b[i] == q:
			return v, i + 1, true
		case b[i] == '\n':
			return nil, 0, false
		default:
			v = append(v, b[i])
		}
	}
	return nil, 0, false
}

func isNameByte(c byte) bool {
	return c == '-' || c == '_' || ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') || ('0' <= c && c <= '9')
}

// applyKramdown gives every attribute list to its element and removes it.
func applyKramdown(st *docState, doc *ast.Document) {
	var ials []*IAL
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if ial, ok := n.(*IAL); ok && entering {
			ials = append(ials, ial)
		}
		return ast.WalkContinue, nil
	})
	for _, ial := range ials {
		if ial.done || ial.Parent() == nil {
			continue // applied with an earlier one of its paragraph
		}
		applyIAL(st, ial)
	}
}

// applyIAL applies one attribute list, following kramdown: on a line of
// its own it belongs to the block before it (or, after a blank line, to
// the block after it); after a span element, to that span.
func applyIAL(st *docState, ial *IAL) {
	parent := ial.Parent()
	src := st.src
	if !startsLine(ial, src) || !endsLine(ial, src) {
		if target := spanTarget(ial); target != nil {
			setAttrs(target, ial.Attrs)
		} else {
			st.warnf(ial.Offset, "kramdown", "attribute list follows no element; left out")
		}
		removeInline(ial, src)
		return
	}
	switch blk := parent.(type) {
	case *ast.Paragraph, *ast.TextBlock: // a tight list item's text is a TextBlock
		if onlyIALs(blk, src) {
			var target ast.Node
			if prev := blk.PreviousSibling(); prev != nil && !blk.HasBlankPreviousLines() {
				target = prev
			} else {
				target = blk.NextSibling()
			}
			for c := blk.FirstChild(); c != nil; c = c.NextSibling() {
				if i, ok := c.(*IAL); ok {
					i.done = true
					if target != nil {
						setAttrs(target, i.Attrs)
					}
				}
			}
			if target == nil {
				st.warnf(ial.Offset, "kramdown", "attribute list belongs to no block; left out")
			}
			blk.Parent().RemoveChild(blk.Parent(), blk)
			return
		}
		if ial.PreviousSibling() == nil {
			setAttrs(blk, ial.Attrs) // an IAL line right before the paragraph's text
		} else {
			setAttrs(trailingTarget(st, blk, ial), ial.Attrs)
		}
		removeInline(ial, src)
	case *ast.Heading:
		setAttrs(blk, ial.Attrs)
		removeInline(ial, src)
	default:
		if cell := parent; cell.Kind().String() == "TableCell" {
			applyTableIAL(cell, ial, src)
			return
		}
		if target := spanTarget(ial); target != nil {
			setAttrs(target, ial.Attrs)
		}
		removeInline(ial, src)
	}
}

// trailingTarget is the block an IAL on the last line of a paragraph
// belongs to. Markdown takes an unprefixed line after a blockquote or a
// list item as a lazy continuation of its paragraph; kramdown ends the
// container there and gives the attributes to it.
func trailingTarget(st *docState, para ast.Node, ial *IAL) ast.Node {
	ls := ial.Offset
	for ls > 0 && st.src[ls-1] != '\n' {
		ls--
	}
	prefix := st.src[ls:ial.Offset]
	quotes := bytes.Count(prefix, []byte(">"))
	var quoteAncestors []ast.Node // innermost first
	top := para
	for n := para.Parent(); n != nil && n.Kind() != ast.KindDocument; n = n.Parent() {
		if n.Kind() == ast.KindBlockquote {
			quoteAncestors = append(quoteAncestors, n)
		}
		top = n
	}
	switch {
	case len(prefix) == 0:
		return top
	case quotes < len(quoteAncestors):
		return quoteAncestors[len(quoteAncestors)-1-quotes]
	}
	return para
}

// applyTableIAL handles `{: .table}` after a table, which markdown reads
// as one more row.
func applyTableIAL(cell ast.Node, ial *IAL, src []byte) {
	row := cell.Parent()
	table := row.Parent()
	if table != nil && row.NextSibling() == nil && onlyIALs(cell, src) && emptySiblings(cell) {
		setAttrs(table, ial.Attrs)
		table.RemoveChild(table, row)
		return
	}
	removeInline(ial, src)
}

func emptySiblings(cell ast.Node) bool {
	for c := cell.Parent().FirstChild(); c != nil; c = c.NextSibling() {
		if c != cell && c.HasChildren() {
			return false
		}
	}
	return true
}

// spanTarget is the span element right before an IAL, if any.
func spanTarget(ial *IAL) ast.Node {
	switch p := ial.PreviousSibling().(type) {
	case *ast.Link, *ast.Image, *ast.Emphasis, *ast.CodeSpan, *ast.AutoLink:
		return p
	case *ast.Text:
		if _, ok := ial.Parent().(*ast.Heading); ok && ial.NextSibling() == nil {
			return ial.Parent() // ## Heading {: .x}
		}
	}
	return nil
}

// startsLine reports whether only a line break comes before n in its
// parent.
func startsLine(n ast.Node, src []byte) bool {
	prev := n.PreviousSibling()
	for prev != nil {
		t, ok := prev.(*ast.Text)
		if !ok {
			return false
		}
		if t.SoftLineBreak() || t.HardLineBreak() {
			return true
		}
		if t.Segment.Len() > 0 && !isBlank(t.Segment.Value(src)) {
			return false
		}
		prev = prev.PreviousSibling()
	}
	return true
}

// endsLine reports whether only spaces follow n on its line.
func endsLine(n ast.Node, src []byte) bool {
	next := n.NextSibling()
	if next == nil {
		return true
	}
	if _, ok := next.(*IAL); ok {
		return endsLine(next, src)
	}
	t, ok := next.(*ast.Text)
	if !ok {
		return false
	}
	return (t.Segment.Len() == 0 || isBlank(t.Segment.Value(src))) && (t.SoftLineBreak() || t.HardLineBreak() || t.NextSibling() == nil)
}

func isBlank(b []byte) bool { return len(bytes.TrimSpace(b)) == 0 }

// onlyIALs reports whether a block holds nothing but attribute lists and
// white space.
func onlyIALs(n ast.Node, src []byte) bool {
	found := false
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *IAL:
			found = true
		case *ast.Text:
			if c.Segment.Len() > 0 && !isBlank(c.Segment.Value(src)) {
				return false
			}
		default:
			return false
		}
	}
	return found
}

// removeInline removes an inline node and the line break before it.
func removeInline(n ast.Node, src []byte) {
	if t, ok := n.PreviousSibling().(*ast.Text); ok && n.NextSibling() == nil {
		t.SetSoftLineBreak(false)
		t.Segment = t.Segment.TrimRightSpace(src)
	}
	n.Parent().RemoveChild(n.Parent(), n)
}

// setAttrs adds attributes to a node; classes add to its classes.
func setAttrs(n ast.Node, attrs []ast.Attribute) {
	for _, a := range attrs {
		if string(a.Name) == "class" {
			if old, ok := n.AttributeString("class"); ok {
				if ob, ok := old.([]byte); ok && len(ob) > 0 {
					n.SetAttribute(a.Name, []byte(string(ob)+" "+string(a.Value.([]byte))))
					continue
				}
			}
		}
		n.SetAttribute(a.Name, a.Value)
	}
}

// headingIDs makes heading ids as kramdown's GFM parser does.
type headingIDs struct {
	used map[string]bool
}

func newHeadingIDs() *headingIDs { return &headingIDs{used: map[string]bool{}} }

// GFMID is the id GitHub and kramdown's GFM parser give a heading's text,
// before the suffix of a repeated id.
func GFMID(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(strings.TrimSpace(s)) {
		switch {
		case r == ' ' || r == '\t':
			b.WriteByte('-')
		case r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Generate implements parser.IDs.
func (h *headingIDs) Generate(value []byte, kind ast.NodeKind) []byte {
	base := GFMID(string(value))
	if base == "" {
		base = "section"
	}
	id := base
	for i := 1; h.used[id]; i++ {
		id = base + "-" + itoa(i)
	}
	h.used[id] = true
	return []byte(id)
}

// Put implements parser.IDs.
func (h *headingIDs) Put(value []byte) { h.used[string(value)] = true }

func itoa(i int) string {
	var b [20]byte
	n := len(b)
	for {
		n--
		b[n] = byte('0' + i%10)
		i /= 10
		if i == 0 {
			return string(b[n:])
		}
	}
}

func (r *nodeRenderer) renderNoMarkdown(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		n := node.(*NoMarkdown)
		if !n.Drop {
			_, _ = w.Write(n.HTML)
		}
	}
	return ast.WalkSkipChildren, nil
}

// renderIAL renders an attribute list the transformer did not place:
// nothing.
func (r *nodeRenderer) renderIAL(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	return ast.WalkSkipChildren, nil
}
