package markdown

// Footnotes: markdown's [^label] (parsed by goldmark's footnote extension)
// and distill's <d-footnote>…</d-footnote> (raw HTML tags around markdown)
// share one numbering, by first appearance. Each reference becomes a
// NoteRef rendered as
//
//	<span class="footnote"><sup class="footnote-index"><a class="footnote-ref" href="#fn-1" id="fnref-1" role="doc-noteref">1</a></sup><span class="hover-card" role="tooltip">…</span></span>
//
// and the footnotes themselves leave the body for Result.Notes, which the
// theme lists in the appendix (with ids fn-N and links back to fnref-N).
// A reference inside a footnote is a plain numbered link: a footnote's HTML
// appears both in a card and in the appendix, so it must carry no ids.

import (
	"bytes"
	"html"
	"regexp"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/util"
)

// KindNoteRef is the node kind of a footnote reference.
var KindNoteRef = ast.NewNodeKind("NoteRef")

// NoteRef is a footnote reference. For <d-footnote> its children are the
// footnote's content.
type NoteRef struct {
	ast.BaseInline
	Number int
	HTML   string // rendered by collectFootnotes
	inline bool   // a <d-footnote>: the content is the children
	nested bool   // inside a footnote: no id, no card
	fnIdx  int    // goldmark's footnote index for [^label]
}

// Kind implements ast.Node.
func (n *NoteRef) Kind() ast.NodeKind { return KindNoteRef }

// Dump implements ast.Node.
func (n *NoteRef) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Number": strconv.Itoa(n.Number)}, nil)
}

// Note is one footnote for the appendix.
type Note struct {
	Number int      `json:"number"`
	ID     string   `json:"id"`   // "fn-1"
	HTML   string   `json:"html"` // the content, inline when it is one paragraph
	Refs   []string `json:"refs"` // ids of the references in the text, for back links
	card   string   // inline HTML for the hover card
}

var (
	noteOpen  = regexp.MustCompile(`(?is)^<d-footnote\b[^>]*>$`)
	noteClose = regexp.MustCompile(`(?is)^</d-footnote\s*>$`)
	// noteInBlock finds a whole footnote in the text of an HTML block.
	noteInBlock = regexp.MustCompile(`(?is)<d-footnote\b[^>]*>(.*?)</d-footnote\s*>`)
)

// footnotes is the state of one collectFootnotes pass.
type footnotes struct {
	st    *docState
	c     *Converter
	notes []*Note
	byIdx map[int]*Note // goldmark footnote index → note
	refs  []*NoteRef
}

func (f *footnotes) newNote() *Note {
	n := &Note{Number: len(f.notes) + 1}
	n.ID = "fn-" + strconv.Itoa(n.Number)
	f.notes = append(f.notes, n)
	return n
}

// collectFootnotes numbers, renders and lifts out every footnote of the
// document. It runs after every other pass, because it renders footnote
// content (math, citations, code) to HTML.
func (c *Converter) collectFootnotes(st *docState, doc *ast.Document) {
	f := &footnotes{st: st, c: c, byIdx: map[int]*Note{}}
	f.groupTags(doc)
	list, blocks := f.number(doc)
	for _, r := range f.refs { // nested refs first: the content below contains them
		if r.nested {
			r.HTML = refHTML(f.notes[r.Number-1], "", false)
		}
	}
	for _, r := range f.refs {
		if r.inline {
			n := f.notes[r.Number-1]
			n.HTML = strings.TrimSpace(c.renderChildren(st, r))
			n.card = n.HTML
		}
	}
	if list != nil {
		f.definitions(list)
		list.Parent().RemoveChild(list.Parent(), list)
	}
	for _, r := range f.refs {
		if !r.nested {
			n := f.notes[r.Number-1]
			id := "fnref-" + strconv.Itoa(n.Number)
			if len(n.Refs) > 0 {
				id += "-" + strconv.Itoa(len(n.Refs)+1)
			}
			n.Refs = append(n.Refs, id)
			r.HTML = refHTML(n, id, true)
		}
	}
	for _, b := range blocks {
		f.rewriteBlock(b)
	}
	for _, n := range f.notes {
		st.res.Notes = append(st.res.Notes, *n)
	}
	st.res.Stats.Footnotes = len(f.notes)
}

// groupTags turns each inline <d-footnote> … </d-footnote> into a NoteRef
// whose children are the nodes between the tags.
func (f *footnotes) groupTags(doc *ast.Document) {
	var opens, closes []*ast.RawHTML
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if r, ok := n.(*ast.RawHTML); ok && entering {
			switch t := rawText(r, f.st.src); {
			case noteOpen.MatchString(t):
				opens = append(opens, r)
			case noteClose.MatchString(t):
				closes = append(closes, r)
			}
		}
		return ast.WalkContinue, nil
	})
	closed := map[ast.Node]bool{}
	for _, open := range opens {
		ref := &NoteRef{inline: true}
		parent := open.Parent()
		s := open.NextSibling()
		for s != nil {
			next := s.NextSibling()
			if r, ok := s.(*ast.RawHTML); ok && noteClose.MatchString(rawText(r, f.st.src)) {
				closed[s] = true
				parent.RemoveChild(parent, s)
				break
			}
			parent.RemoveChild(parent, s)
			ref.AppendChild(ref, s)
			s = next
		}
		if s == nil {
			off := 0
			if open.Segments.Len() > 0 {
				off = open.Segments.At(0).Start
			}
			f.st.warnf(off, "footnote", "<d-footnote> is not closed within its paragraph; the footnote runs to the end of the paragraph")
		}
		parent.ReplaceChild(parent, open, ref)
	}
	for _, c := range closes { // a </d-footnote> without its opening tag
		if !closed[c] && c.Parent() != nil {
			c.Parent().RemoveChild(c.Parent(), c)
		}
	}
}

// number walks the document in order, giving each footnote its number at
// its first reference and turning [^label] links into NoteRefs. It returns
// goldmark's footnote list and the HTML blocks with <d-footnote> inside.
func (f *footnotes) number(doc *ast.Document) (list *extast.FootnoteList, blocks []noteBlock) {
	depth := 0 // inside a footnote
	var links []*extast.FootnoteLink
	linkRef := map[*extast.FootnoteLink]*NoteRef{}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch n := n.(type) {
		case *extast.FootnoteList:
			list = n
			depth += step(entering)
		case *NoteRef:
			if entering {
				n.nested = depth > 0
				n.Number = f.newNote().Number
				f.refs = append(f.refs, n)
			}
			depth += step(entering)
		case *extast.FootnoteLink:
			if entering {
				links = append(links, n)
				ref := &NoteRef{nested: depth > 0, fnIdx: n.Index}
				note := f.byIdx[n.Index]
				if note == nil {
					note = f.newNote()
					f.byIdx[n.Index] = note
				}
				ref.Number = note.Number
				f.refs = append(f.refs, ref)
				linkRef[n] = ref
			}
		case *ast.HTMLBlock, *RawBlock:
			if !entering {
				break
			}
			nb := noteBlock{n: n}
			for range noteInBlock.FindAllStringIndex(f.blockHTML(n), -1) {
				nb.notes = append(nb.notes, f.newNote())
			}
			if len(nb.notes) > 0 {
				blocks = append(blocks, nb)
			}
		}
		return ast.WalkContinue, nil
	})
	for _, l := range links {
		l.Parent().ReplaceChild(l.Parent(), l, linkRef[l])
	}
	return list, blocks
}

func step(entering bool) int {
	if entering {
		return 1
	}
	return -1
}

// noteBlock is an HTML block with <d-footnote> elements inside, and their
// notes in order.
type noteBlock struct {
	n     ast.Node
	notes []*Note
}

// blockHTML is the text of an HTML block, rewritten or not.
func (f *footnotes) blockHTML(n ast.Node) string {
	if r, ok := n.(*RawBlock); ok {
		return r.HTML
	}
	t, _ := blockText(n.(*ast.HTMLBlock), f.st.src)
	return t
}

// definitions renders the content of each [^label] definition.
func (f *footnotes) definitions(list *extast.FootnoteList) {
	for d := list.FirstChild(); d != nil; d = d.NextSibling() {
		fn, ok := d.(*extast.Footnote)
		if !ok || f.byIdx[fn.Index] == nil {
			continue
		}
		removeBacklinks(fn)
		n := f.byIdx[fn.Index]
		var cards, blocks []string
		paragraphs := true
		for b := fn.FirstChild(); b != nil; b = b.NextSibling() {
			if b.Kind() == ast.KindParagraph || b.Kind() == ast.KindTextBlock {
				cards = append(cards, strings.TrimSpace(f.c.renderChildren(f.st, b)))
			} else {
				paragraphs = false
				cards = append(cards, html.EscapeString(strings.TrimSpace(plainText(b, f.st.src))))
			}
			blocks = append(blocks, f.c.render(f.st, b))
		}
		n.card = strings.Join(cards, "<br>")
		n.HTML = n.card
		if !paragraphs || len(cards) > 1 {
			n.HTML = strings.TrimSpace(strings.Join(blocks, ""))
		}
	}
}

func removeBacklinks(n ast.Node) {
	var bl []ast.Node
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering && c.Kind() == extast.KindFootnoteBacklink {
			bl = append(bl, c)
		}
		return ast.WalkContinue, nil
	})
	for _, b := range bl {
		b.Parent().RemoveChild(b.Parent(), b)
	}
}

// rewriteBlock replaces the <d-footnote> elements in the text of an HTML
// block; their content is HTML already.
func (f *footnotes) rewriteBlock(b noteBlock) {
	t := f.blockHTML(b.n)
	var out strings.Builder
	last := 0
	for i, m := range noteInBlock.FindAllStringSubmatchIndex(t, -1) {
		out.WriteString(t[last:m[0]])
		n := b.notes[i]
		n.HTML = strings.TrimSpace(t[m[2]:m[3]])
		n.card = n.HTML
		id := "fnref-" + strconv.Itoa(n.Number)
		n.Refs = append(n.Refs, id)
		out.WriteString(refHTML(n, id, true))
		last = m[1]
	}
	out.WriteString(t[last:])
	b.n.Parent().ReplaceChild(b.n.Parent(), b.n, &RawBlock{HTML: out.String()})
}

// refHTML is the markup of a reference: the number, and for a reference
// in the text (id set) the hover card.
func refHTML(n *Note, id string, card bool) string {
	num := strconv.Itoa(n.Number)
	a := `<sup class="footnote-index"><a class="footnote-ref" href="#` + n.ID + `"`
	if id != "" {
		a += ` id="` + id + `"`
	}
	a += ` role="doc-noteref">` + num + `</a></sup>`
	if !card || id == "" {
		return a
	}
	return `<span class="footnote">` + a + `<span class="hover-card" role="tooltip">` + n.card + `</span></span>`
}

// renderChildren renders the children of n (the inline content of a
// paragraph or a <d-footnote>).
func (c *Converter) renderChildren(st *docState, n ast.Node) string {
	var b bytes.Buffer
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		if err := c.md.Renderer().Render(&b, st.src, ch); err != nil {
			st.res.Diags.Errorf(st.env.File, st.env.LineOffset+1, "markdown", "render footnote: %v", err)
		}
	}
	return b.String()
}

// render renders n itself.
func (c *Converter) render(st *docState, n ast.Node) string {
	var b bytes.Buffer
	if err := c.md.Renderer().Render(&b, st.src, n); err != nil {
		st.res.Diags.Errorf(st.env.File, st.env.LineOffset+1, "markdown", "render footnote: %v", err)
	}
	return b.String()
}

func (r *nodeRenderer) renderNoteRef(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		_, _ = w.WriteString(node.(*NoteRef).HTML)
	}
	return ast.WalkSkipChildren, nil
}
