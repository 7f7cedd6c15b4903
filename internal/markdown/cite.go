package markdown

// Citations: distill's <d-cite key="a,b"></d-cite>, written by real posts
// also self-closing (<d-cite key="a"/>) and unclosed (<d-cite key="a">).
// goldmark parses each tag as an inline RawHTML node, or leaves it inside
// the text of an HTML block. resolveCitations replaces every one with a
// Citation node (or rewrites the block's text), numbering the works cited
// by first appearance in the document, and renders it as
//
//	<span class="citation"><a class="citation-number" href="#bib-1">[1, 2]</a><span class="hover-card" role="tooltip">…</span></span>
//
// The hover card holds Entry.HoverHTML for each work; it opens on :hover
// and :focus-within without JavaScript. A key the bibliography does not
// have is a warning at its line and shows as "?", never dropped.

import (
	"html"
	"regexp"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// KindCitation is the node kind of a resolved <d-cite>.
var KindCitation = ast.NewNodeKind("Citation")

// Citation is one <d-cite> element.
type Citation struct {
	ast.BaseInline
	Keys []string
	HTML string // rendered by resolveCitations
}

// Kind implements ast.Node.
func (n *Citation) Kind() ast.NodeKind { return KindCitation }

// Dump implements ast.Node.
func (n *Citation) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Keys": strings.Join(n.Keys, ",")}, nil)
}

// KindRawBlock is the node kind of an HTML block whose text a pass rewrote.
var KindRawBlock = ast.NewNodeKind("RawBlock")

// RawBlock is an HTML block after citations or footnotes inside it were
// rewritten; it renders HTML as it is.
type RawBlock struct {
	ast.BaseBlock
	HTML string
}

// Kind implements ast.Node.
func (n *RawBlock) Kind() ast.NodeKind { return KindRawBlock }

// IsRaw implements ast.Node.
func (n *RawBlock) IsRaw() bool { return true }

// Dump implements ast.Node.
func (n *RawBlock) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"HTML": n.HTML}, nil)
}

var (
	// citeOpenTag matches a whole inline tag: <d-cite key="a">, <d-cite …/>.
	citeOpenTag = regexp.MustCompile(`(?is)^<d-cite\b([^>]*?)/?>$`)
	citeClose   = regexp.MustCompile(`(?is)^</d-cite\s*>$`)
	strayClose  = regexp.MustCompile(`(?is)</d-cite\s*>`)
	// citeInBlock finds citations in the text of an HTML block, with the
	// closing tag when it follows directly.
	citeInBlock = regexp.MustCompile(`(?is)<d-cite\b([^>]*?)/?>(?:\s*</d-cite\s*>)?`)
	keyAttr     = regexp.MustCompile("(?is)(?:^|\\s)key\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'=<>`]+))")
)

// citeKeys returns the keys of a key="a, b" attribute, in order, without
// duplicates.
func citeKeys(attrs string) []string {
	m := keyAttr.FindStringSubmatch(attrs)
	if m == nil {
		return nil
	}
	var keys []string
	seen := map[string]bool{}
	for k := range strings.SplitSeq(html.UnescapeString(m[1]+m[2]+m[3]), ",") {
		k = strings.TrimSpace(k)
		if k != "" && !seen[k] {
			seen[k] = true
			keys = append(keys, k)
		}
	}
	return keys
}

// rawText is the source text of a RawHTML node.
func rawText(n *ast.RawHTML, src []byte) string {
	var b strings.Builder
	for i := 0; i < n.Segments.Len(); i++ {
		s := n.Segments.At(i)
		b.Write(s.Value(src))
	}
	return b.String()
}

// blockText is the source text of an HTML block, and the body offset of
// each of its lines (for messages).
func blockText(n *ast.HTMLBlock, src []byte) (string, []text.Segment) {
	var b strings.Builder
	var segs []text.Segment
	for i := 0; i < n.Lines().Len(); i++ {
		segs = append(segs, n.Lines().At(i))
	}
	if n.HasClosure() {
		segs = append(segs, n.ClosureLine)
	}
	for _, s := range segs {
		b.Write(s.Value(src))
	}
	return b.String(), segs
}

// segOffset maps a byte index into the joined text of segs to a body
// offset.
func segOffset(segs []text.Segment, i int) int {
	for _, s := range segs {
		if i < s.Len() {
			return s.Start + i
		}
		i -= s.Len()
	}
	if len(segs) == 0 {
		return 0
	}
	return segs[len(segs)-1].Stop
}

// resolveCitations replaces every <d-cite> of the document, in document
// order, so that numbers follow first appearance. A [^label] footnote's
// citations count where the footnote is first referenced, not where its
// definition sits (usually at the end), as distill numbers the citations
// of an inline <d-footnote>.
func resolveCitations(st *docState, doc *ast.Document) {
	var defs []*extast.Footnote
	byIndex := map[int]*extast.Footnote{}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if fn, ok := n.(*extast.Footnote); ok && entering {
			defs = append(defs, fn)
			byIndex[fn.Index] = fn
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	var found []ast.Node
	done := map[*extast.Footnote]bool{}
	var collect func(root ast.Node)
	collect = func(root ast.Node) {
		_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if !entering {
				return ast.WalkContinue, nil
			}
			switch n := n.(type) {
			case *extast.Footnote:
				if n != root {
					return ast.WalkSkipChildren, nil
				}
			case *extast.FootnoteLink:
				if fn := byIndex[n.Index]; fn != nil && !done[fn] {
					done[fn] = true
					collect(fn)
				}
			case *ast.RawHTML:
				if t := rawText(n, st.src); citeOpenTag.MatchString(t) || citeClose.MatchString(t) {
					found = append(found, n)
				}
			case *ast.HTMLBlock:
				if t, _ := blockText(n, st.src); strings.Contains(strings.ToLower(t), "d-cite") {
					found = append(found, n)
				}
			}
			return ast.WalkContinue, nil
		})
	}
	collect(doc)
	for _, fn := range defs { // never referenced: where they stand
		if !done[fn] {
			done[fn] = true
			collect(fn)
		}
	}
	for _, n := range found {
		switch n := n.(type) {
		case *ast.RawHTML:
			st.replaceCiteTag(n)
		case *ast.HTMLBlock:
			t, segs := blockText(n, st.src)
			t = st.citeBlock(t, segs)
			n.Parent().ReplaceChild(n.Parent(), n, &RawBlock{HTML: t})
		}
	}
	st.res.Cited = st.cited
	st.res.Stats.References = len(st.cited)
}

// replaceCiteTag turns an inline <d-cite> tag into a Citation node. Its
// closing tag, and anything between (distill shows none of it), goes; a
// stray </d-cite> goes too.
func (st *docState) replaceCiteTag(n *ast.RawHTML) {
	parent := n.Parent()
	if parent == nil { // removed as the content of an earlier citation
		return
	}
	t := rawText(n, st.src)
	if citeClose.MatchString(t) {
		parent.RemoveChild(parent, n)
		return
	}
	offset := 0
	if n.Segments.Len() > 0 {
		offset = n.Segments.At(0).Start
	}
	m := citeOpenTag.FindStringSubmatch(t)
	c := &Citation{Keys: citeKeys(m[1])}
	c.HTML = st.citationHTML(c.Keys, offset)
	if !strings.HasSuffix(t, "/>") {
		st.removeThroughClose(n)
	}
	parent.ReplaceChild(parent, n, c)
}

// removeThroughClose removes the siblings after an opening <d-cite> up to
// and including its </d-cite>, when that comes before the next citation.
func (st *docState) removeThroughClose(open *ast.RawHTML) {
	parent := open.Parent()
	var between []ast.Node
	for s := open.NextSibling(); s != nil; s = s.NextSibling() {
		between = append(between, s)
		r, ok := s.(*ast.RawHTML)
		if !ok {
			continue
		}
		t := rawText(r, st.src)
		if citeOpenTag.MatchString(t) {
			return
		}
		if citeClose.MatchString(t) {
			for _, b := range between {
				parent.RemoveChild(parent, b)
			}
			return
		}
	}
}

// citationHTML numbers the keys of one citation and renders it. offset
// places messages.
func (st *docState) citationHTML(keys []string, offset int) string {
	st.res.Stats.Citations++
	if len(keys) == 0 {
		st.warnf(offset, "cite", "<d-cite> without a key attribute")
		return `<span class="citation citation-unknown">[?]</span>`
	}
	var nums, cards []string
	first := 0
	for _, k := range keys {
		e := st.env.Bib.Lookup(k)
		if e == nil {
			st.warnUnknownKey(offset, k)
			nums = append(nums, "?")
			cards = append(cards, `<span class="hover-item">?&#x2002;<code>`+html.EscapeString(k)+`</code> is not in the bibliography</span>`)
			continue
		}
		n := st.citeNumber(k)
		if first == 0 {
			first = n
		}
		nums = append(nums, strconv.Itoa(n))
		cards = append(cards, `<span class="hover-item">`+e.HoverHTML()+`</span>`)
	}
	label := "[" + strings.Join(nums, ", ") + "]"
	if first == 0 {
		return `<span class="citation citation-unknown">` + label + `</span>`
	}
	return `<span class="citation"><a class="citation-number" href="#bib-` + strconv.Itoa(first) + `">` + label +
		`</a><span class="hover-card" role="tooltip">` + strings.Join(cards, "") + `</span></span>`
}

func (st *docState) warnUnknownKey(offset int, key string) {
	switch {
	case st.env.Bib == nil && st.env.BibFile == "":
		st.warnf(offset, "cite", "unknown citation key %q (the post names no bibliography: add `bibliography: FILE.bib`)", key)
	case st.env.Bib == nil:
		st.warnf(offset, "cite", "unknown citation key %q (bibliography %s could not be read)", key, st.env.BibFile)
	default:
		st.warnf(offset, "cite", "unknown citation key %q (not in %s)", key, st.env.BibFile)
	}
}

// citeNumber returns the number of a key, giving it the next one the first
// time it is cited.
func (st *docState) citeNumber(key string) int {
	if st.citeNums == nil {
		st.citeNums = map[string]int{}
	}
	if n, ok := st.citeNums[key]; ok {
		return n
	}
	st.cited = append(st.cited, key)
	st.citeNums[key] = len(st.cited)
	return len(st.cited)
}

// citeBlock rewrites the citations in the text of an HTML block.
func (st *docState) citeBlock(t string, segs []text.Segment) string {
	var b strings.Builder
	last := 0
	for _, m := range citeInBlock.FindAllStringSubmatchIndex(t, -1) {
		b.WriteString(t[last:m[0]])
		b.WriteString(st.citationHTML(citeKeys(t[m[2]:m[3]]), segOffset(segs, m[0])))
		last = m[1]
	}
	b.WriteString(t[last:])
	return strayClose.ReplaceAllString(b.String(), "")
}

func (r *nodeRenderer) renderCitation(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		_, _ = w.WriteString(node.(*Citation).HTML)
	}
	return ast.WalkSkipChildren, nil
}

func (r *nodeRenderer) renderRawBlock(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		_, _ = w.WriteString(node.(*RawBlock).HTML)
	}
	return ast.WalkSkipChildren, nil
}
