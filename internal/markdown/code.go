package markdown

import (
	"html"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"
)

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

// prepareCode counts code blocks and turns figure blocks into figures
// (figure.go), recording the browser libraries they need.
func (c *Converter) prepareCode(st *docState, doc *ast.Document) {
	c.prepareFigures(st, doc)
}

func (r *nodeRenderer) renderFencedCode(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.FencedCodeBlock)
	lang := fenceLang(n, src)
	code := codeText(n, src)
	if isFigureLang(lang) && lang != "diff" {
		// A figure block the transformer left as code (it reported why):
		// its language is not one chroma knows.
		writeCode(w, nil, lang, code)
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

// stringWriter is what writeCode writes to: a goldmark writer, or a
// strings.Builder when a figure embeds its source.
type stringWriter interface{ WriteString(string) (int, error) }

// writeCode writes a code block; see doc.go for the markup.
func writeCode(w stringWriter, hl interface{ Code(string, string) string }, lang, code string) {
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
