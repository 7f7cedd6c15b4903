package markdown

import (
	"html"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"
)

// figureLangs are fence languages that hold a figure's source, not code to
// highlight. They never reach chroma: asking chroma for a language it does
// not know costs a match against every lexer's filename globs.
var figureLangs = map[string]string{
	"mermaid":    "mermaid",
	"chartjs":    "chartjs",
	"echarts":    "echarts",
	"vega_lite":  "vega",
	"plotly":     "plotly",
	"geojson":    "leaflet",
	"topojson":   "leaflet",
	"diff2html":  "",
	"typograms":  "",
	"pseudocode": "",
}

// fenceLang returns the language word of a fenced block's info string
// (`python {linenos}` → "python").
func fenceLang(n *ast.FencedCodeBlock, src []byte) string {
	if n.Info == nil {
		return ""
	}
	info := strings.TrimSpace(string(n.Info.Segment.Value(src)))
	if i := strings.IndexAny(info, " \t{"); i >= 0 {
		info = info[:i]
	}
	return strings.ToLower(info)
}

func codeText(n ast.Node, src []byte) string {
	var b strings.Builder
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		b.Write(seg.Value(src))
	}
	return b.String()
}

// prepareCode counts code blocks and figures and records the browser
// libraries figures need.
func (c *Converter) prepareCode(st *docState, doc *ast.Document) {
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		fc, ok := n.(*ast.FencedCodeBlock)
		if !ok {
			return ast.WalkContinue, nil
		}
		lang := fenceLang(fc, st.src)
		if _, fig := figureLangs[lang]; fig {
			if st.res.Stats.Figures == nil {
				st.res.Stats.Figures = map[string]int{}
			}
			st.res.Stats.Figures[lang]++
			return ast.WalkSkipChildren, nil
		}
		st.res.Stats.Code++
		return ast.WalkSkipChildren, nil
	})
}

func (r *nodeRenderer) renderFencedCode(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.FencedCodeBlock)
	lang := fenceLang(n, src)
	code := codeText(n, src)
	if _, fig := figureLangs[lang]; fig {
		_, _ = w.WriteString(`<pre class="figure-source language-` + lang + `"><code>`)
		_, _ = w.WriteString(html.EscapeString(code))
		_, _ = w.WriteString("</code></pre>\n")
		return ast.WalkSkipChildren, nil
	}
	writeCode(w, r.c.hl, lang, code)
	return ast.WalkSkipChildren, nil
}

func (r *nodeRenderer) renderIndentedCode(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		writeCode(w, nil, "", codeText(node, src))
	}
	return ast.WalkSkipChildren, nil
}

// writeCode writes a code block; see doc.go for the markup.
func writeCode(w util.BufWriter, hl interface{ Code(string, string) string }, lang, code string) {
	_, _ = w.WriteString(`<pre class="code chroma`)
	if lang != "" {
		_, _ = w.WriteString(` language-` + html.EscapeString(lang))
	}
	_, _ = w.WriteString(`"`)
	if lang != "" {
		_, _ = w.WriteString(` data-lang="` + html.EscapeString(lang) + `"`)
	}
	_, _ = w.WriteString(`><code>`)
	if hl != nil && lang != "" {
		_, _ = w.WriteString(hl.Code(lang, code))
	} else {
		_, _ = w.WriteString(html.EscapeString(code))
	}
	_, _ = w.WriteString("</code></pre>\n")
}
