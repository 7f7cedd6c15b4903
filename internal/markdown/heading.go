package markdown

import (
	"strings"

	"github.com/yuin/goldmark/ast"
)

// collectHeadings records every heading with its id and plain text, for the
// table of contents and the report.
func collectHeadings(st *docState, doc *ast.Document) {
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		h, ok := n.(*ast.Heading)
		if !ok || !entering {
			return ast.WalkContinue, nil
		}
		id := ""
		if v, ok := h.AttributeString("id"); ok {
			if b, ok := v.([]byte); ok {
				id = string(b)
			}
		}
		offset := 0
		if h.Lines().Len() > 0 {
			offset = h.Lines().At(0).Start
		}
		st.res.Headings = append(st.res.Headings, Heading{
			Level: h.Level,
			Text:  strings.TrimSpace(plainText(h, st.src)),
			ID:    id,
			Line:  st.line(offset),
		})
		return ast.WalkSkipChildren, nil
	})
}

// plainText returns the text of an inline tree without markup; formulas
// keep their TeX.
func plainText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			b.Write(c.Value(src))
			if c.SoftLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(c.Value)
		case *Math:
			b.WriteString(c.Tex)
			return ast.WalkSkipChildren, nil
		case *ast.RawHTML:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}
