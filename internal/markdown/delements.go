package markdown

// distill's <d-math> and <d-code> elements, which its template.v2.js
// renders in the browser, are rendered at build time instead:
//
//	<d-math>TEX</d-math>            inline in a paragraph → a formula (Math)
//	<d-math block>TEX</d-math>      an HTML block of its own → a display formula (MathBlock)
//	<d-code block language="L">…</d-code>  an HTML block of its own → a highlighted code block
//
// The TeX of an inline <d-math> is taken from the source between the tags,
// so markdown never sees it. Elements mixed into larger HTML blocks stay as
// written; the theme styles them (monospace code, TeX as text).

import (
	"html"
	"regexp"
	"strings"

	"github.com/yuin/goldmark/ast"
)

var (
	dMathOpen  = regexp.MustCompile(`(?is)^<d-math\b([^>]*)>$`)
	dMathClose = regexp.MustCompile(`(?is)^</d-math\s*>$`)
	// dWhole matches an HTML block that is one <d-math> or <d-code> element.
	dWhole  = regexp.MustCompile(`(?is)^\s*<(d-math|d-code)\b([^>]*)>(.*?)</(d-math|d-code)\s*>\s*$`)
	langRe  = regexp.MustCompile(`(?is)\blanguage\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))`)
	blockRe = regexp.MustCompile(`(?is)(^|\s)block(\s|=|$)`)
)

// distillElements replaces <d-math> and <d-code> elements. It runs before
// renderAllMath, which renders the formulas it makes in document order.
func (c *Converter) distillElements(st *docState, doc *ast.Document) {
	var opens []*ast.RawHTML
	var blocks []*ast.HTMLBlock
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.RawHTML:
			if dMathOpen.MatchString(rawText(n, st.src)) {
				opens = append(opens, n)
			}
		case *ast.HTMLBlock:
			if t, _ := blockText(n, st.src); dWhole.MatchString(t) {
				blocks = append(blocks, n)
			}
		}
		return ast.WalkContinue, nil
	})
	for _, o := range opens {
		st.inlineDMath(o)
	}
	for _, b := range blocks {
		c.wholeElement(st, b)
	}
}

// inlineDMath turns <d-math>…</d-math> in a paragraph into a Math node
// whose TeX is the source between the tags.
func (st *docState) inlineDMath(open *ast.RawHTML) {
	parent := open.Parent()
	if parent == nil || open.Segments.Len() == 0 {
		return
	}
	var between []ast.Node
	for s := open.NextSibling(); s != nil; s = s.NextSibling() {
		r, ok := s.(*ast.RawHTML)
		if !ok || !dMathClose.MatchString(rawText(r, st.src)) || r.Segments.Len() == 0 {
			between = append(between, s)
			continue
		}
		from := open.Segments.At(open.Segments.Len() - 1).Stop
		to := r.Segments.At(0).Start
		if from > to {
			return
		}
		display := blockRe.MatchString(dMathOpen.FindStringSubmatch(rawText(open, st.src))[1])
		m := &Math{Tex: strings.TrimSpace(string(st.src[from:to])), Display: display, Delim: "d-math", Offset: from}
		for _, b := range between {
			parent.RemoveChild(parent, b)
		}
		parent.RemoveChild(parent, r)
		parent.ReplaceChild(parent, open, m)
		return
	}
}

// wholeElement replaces an HTML block that is one <d-math> or <d-code>.
func (c *Converter) wholeElement(st *docState, b *ast.HTMLBlock) {
	t, segs := blockText(b, st.src)
	m := dWhole.FindStringSubmatch(t)
	if !strings.EqualFold(m[1], m[4]) {
		return
	}
	var n ast.Node
	if strings.EqualFold(m[1], "d-math") {
		n = &MathBlock{Tex: strings.TrimSpace(m[3]), Delim: "d-math", Offset: segOffset(segs, 0)}
	} else {
		var w strings.Builder
		code := html.UnescapeString(strings.Trim(m[3], "\n"))
		writeCode(&w, c.hl, codeLang(m[2]), dedent(code)+"\n")
		n = &RawBlock{HTML: w.String()}
	}
	b.Parent().ReplaceChild(b.Parent(), b, n)
}

func codeLang(attrs string) string {
	if m := langRe.FindStringSubmatch(attrs); m != nil {
		return strings.ToLower(m[1] + m[2] + m[3])
	}
	return ""
}

// dedent removes the indentation all non-blank lines share.
func dedent(s string) string {
	lines := strings.Split(s, "\n")
	common := -1
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			continue
		}
		n := len(l) - len(strings.TrimLeft(l, " \t"))
		if common < 0 || n < common {
			common = n
		}
	}
	if common <= 0 {
		return strings.TrimRight(s, "\n ")
	}
	for i, l := range lines {
		if len(l) >= common {
			lines[i] = l[common:]
		} else {
			lines[i] = strings.TrimLeft(l, " \t")
		}
	}
	return strings.TrimRight(strings.Join(lines, "\n"), "\n ")
}
