package markdown

// Math rendering: every formula the delimiter parsers found (math.go) is
// converted to MathML at build time by internal/mathml, with MathJax's
// semantics for a whole post:
//
//   - macros: the site's and the front matter's (Env.MathMacros), and every
//     \newcommand, \def, \DeclareMathOperator … written in any formula of
//     the post, valid in all of them, even those before the definition;
//   - numbering: equation and each align, gather, multline, eqnarray row
//     takes the next number unless starred, \nonumber or \notag; \tag{x}
//     shows (x) instead; \label{x} gives the row the id eq-x;
//   - references: \eqref{x} (shown "(3)") and \ref{x} ("3") in a formula or
//     in the text are links to the row, whatever comes first in the post.
//
// So the pass runs in three steps: prepareMath collects the formulas and
// the macros (before the code pass, whose pseudocode formulas use them),
// renderAllMath converts and numbers them in document order, then resolves
// every reference.
//
// A formula the converter cannot handle is never dropped: it is emitted as
// its TeX for KaTeX to typeset in the browser (the page then loads the
// pinned katex library) and the build warns at its line.
//
// HTML produced:
//
//	inline         <math>…</math>
//	display block  <div class="math display"><math display="block">…</math></div>
//	\[…\] in text  <span class="math display"><math display="block">…</math></span>
//	fallback       <span class="math-fallback" data-tex="TeX" [data-display] [data-preamble="TeX"]>TeX</span>
//	               (inside the same div or span for display formulas)
//	text reference <a class="eqref" href="#eq-x">(3)</a>

import (
	"crypto/sha256"
	"encoding/hex"
	"html"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"

	"github.com/distill-dev/distill/internal/mathml"
)

// mathDoc is the math of one document.
type mathDoc struct {
	macros   *mathml.Macros
	key      string // fingerprint of the macros, "" for none (mathKey)
	preamble string // the definitions as TeX, for KaTeX

	nodes  []ast.Node // *Math, *MathBlock and *EqRef in document order
	last   int        // last automatic equation number
	labels map[string]eqLabel
}

// eqLabel is what a \label names.
type eqLabel struct {
	num string // "3", or the \tag text
	id  string // "eq-x"
}

// definers are the commands whose definitions hold for the whole document;
// a formula without any of these strings defines nothing.
var definers = []string{`\newcommand`, `\renewcommand`, `\providecommand`, `\def`, `\gdef`,
	`\edef`, `\xdef`, `\let`, `\DeclareMathOperator`, `\definecolor`}

func defines(tex string) bool {
	if !strings.Contains(tex, `\`) {
		return false
	}
	for _, d := range definers {
		if strings.Contains(tex, d) {
			return true
		}
	}
	return false
}

// prepareMath collects the document's formulas and its macros.
func prepareMath(st *docState, doc *ast.Document) {
	md := &mathDoc{labels: map[string]eqLabel{}}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			switch n.(type) {
			case *Math, *MathBlock, *EqRef:
				md.nodes = append(md.nodes, n)
				return ast.WalkSkipChildren, nil
			}
		}
		return ast.WalkContinue, nil
	})
	var defs []string
	for _, n := range md.nodes {
		if tex := texOf(n); defines(tex) {
			defs = append(defs, tex)
		}
	}
	md.macros, md.key, md.preamble = mathMacros(st.env.MathMacros, defs)
	st.math = md
}

func texOf(n ast.Node) string {
	switch n := n.(type) {
	case *Math:
		return n.Tex
	case *MathBlock:
		return n.Tex
	}
	return ""
}

// mathMacros builds the macro set of a document from the outside
// definitions (name → expansion, #1…#9 its arguments) and the formulas
// that define macros, and its fingerprint for the cache. A document without
// macros gets nil and "".
func mathMacros(outside map[string]string, defs []string) (m *mathml.Macros, key, preamble string) {
	if len(outside) == 0 && len(defs) == 0 {
		return nil, "", ""
	}
	m = mathml.NewMacros()
	h := sha256.New()
	var pre strings.Builder
	names := make([]string, 0, len(outside))
	for name := range outside {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		body := outside[name]
		nargs := macroArgs(body)
		m.Define(name, nargs, body)
		h.Write([]byte(name + "\x00" + body + "\x00"))
		pre.WriteString(`\def\` + name)
		for i := 1; i <= nargs; i++ {
			pre.WriteString("#" + strconv.Itoa(i))
		}
		pre.WriteString("{" + body + "}\n")
	}
	for _, tex := range defs {
		m.Collect(tex)
		h.Write([]byte("\x01" + tex))
		pre.WriteString(tex + "\n")
	}
	return m, hex.EncodeToString(h.Sum(nil)[:16]), pre.String()
}

// macroArgs is the number of arguments a macro body uses: its highest #n.
func macroArgs(body string) int {
	n := 0
	for i := 0; i+1 < len(body); i++ {
		if body[i] == '#' && body[i+1] >= '1' && body[i+1] <= '9' {
			n = max(n, int(body[i+1]-'0'))
		}
	}
	return n
}

// formula is one formula being rendered.
type formula struct {
	tex            string
	display, block bool
	offset         int
	mathml         string   // numbered MathML, references still unresolved
	refs           []string // labels its \eqref and \ref name
	fallback       string   // TeX for KaTeX when the conversion failed
	anchors        []string // ids of the labels of a fallback formula
}

// renderAllMath renders every formula and reference of the document.
func renderAllMath(st *docState, doc *ast.Document) {
	md := st.math
	if md == nil {
		prepareMath(st, doc)
		md = st.math
	}
	fs := make([]*formula, len(md.nodes))
	for i, n := range md.nodes {
		switch n := n.(type) {
		case *Math:
			fs[i] = st.convertMath(n.Tex, n.Display, false, n.Offset)
		case *MathBlock:
			fs[i] = st.convertMath(n.Tex, true, true, n.Offset)
		}
	}
	for i, n := range md.nodes {
		switch n := n.(type) {
		case *Math:
			n.HTML = st.finishMath(fs[i])
		case *MathBlock:
			n.HTML = st.finishMath(fs[i])
		case *EqRef:
			n.HTML = st.textRef(n)
		}
	}
}

// mathHTML renders one formula outside the document's nodes (pseudocode
// lines), numbered and resolved against what is known so far.
func (st *docState) mathHTML(tex string, display, block bool, offset int) string {
	if st.math == nil {
		st.math = &mathDoc{labels: map[string]eqLabel{}}
		st.math.macros, st.math.key, st.math.preamble = mathMacros(st.env.MathMacros, nil)
	}
	return st.finishMath(st.convertMath(tex, display, block, offset))
}

// convertMath converts one formula and numbers its rows.
func (st *docState) convertMath(tex string, display, block bool, offset int) *formula {
	md := st.math
	st.res.Stats.Math++
	f := &formula{tex: tex, display: display, block: block, offset: offset}
	res, err := formulas.convert(mathKey{tex: tex, display: display, macros: md.key}, md.macros)
	if err != nil {
		st.res.Stats.MathFallback++
		st.needLib("katex")
		st.warnf(st.texOffset(tex, offset, err), "math-fallback", "formula rendered in the browser: %s", reason(err))
		f.fallback, f.anchors = md.numberFallback(st, tex, display, offset)
		return f
	}
	f.mathml, f.refs = res.MathML, res.Refs
	if len(res.Rows) > 0 {
		nums, ids := make([]string, len(res.Rows)), make([]string, len(res.Rows))
		for i, r := range res.Rows {
			nums[i], ids[i] = md.number(st, r.Label, tagText(r.Tag), !r.Numbered, offset)
		}
		f.mathml = res.WithNumbers(nums, ids)
	}
	return f
}

// texOffset is the offset in the body of the place in tex an error names,
// when tex lies in the body as written (not inside a blockquote, whose
// markers the formula lost); else the formula's own offset.
func (st *docState) texOffset(tex string, offset int, err error) int {
	e, ok := err.(*mathml.Error)
	if !ok || offset < 0 || offset > len(st.src) {
		return offset
	}
	i := strings.Index(string(st.src[offset:min(len(st.src), offset+len(tex)+16)]), tex)
	if i < 0 || e.Offset < 0 || e.Offset > len(tex) {
		return offset
	}
	return offset + i + e.Offset
}

// tagText is the text a \tag shows, its math ($…$) spelled with the
// characters of its MathML: \tag{$\star$} shows ⋆.
func tagText(tag string) string {
	if !strings.Contains(tag, "$") {
		return tag
	}
	parts := strings.Split(tag, "$")
	for i := 1; i < len(parts); i += 2 {
		if res, err := mathml.Convert(parts[i], mathml.Options{}); err == nil {
			parts[i] = mathText(res.MathML)
		}
	}
	return strings.Join(parts, "")
}

// mathText is the text content of MathML, without its TeX annotation and
// the invisible operators.
func mathText(m string) string {
	m, _, _ = strings.Cut(m, "<annotation")
	var b strings.Builder
	in := false
	for _, r := range m {
		switch {
		case r == '<':
			in = true
		case r == '>':
			in = false
		case !in && (r < '\u2061' || r > '\u2064'):
			b.WriteRune(r)
		}
	}
	return html.UnescapeString(b.String())
}

// reason is the converter's message for an error, without the offset.
func reason(err error) string {
	if e, ok := err.(*mathml.Error); ok {
		return e.Reason
	}
	return err.Error()
}

// number gives a row its number (the next one, or tag when tagged) and
// records its label; it returns the number and the row's id.
func (md *mathDoc) number(st *docState, label, tag string, tagged bool, offset int) (num, id string) {
	if tagged {
		num = tag
	} else {
		md.last++
		num = strconv.Itoa(md.last)
	}
	if label == "" {
		return num, ""
	}
	id = labelID(label)
	if _, dup := md.labels[label]; dup {
		st.warnf(offset, "math", "label %q defined twice; references go to the first", label)
		return num, ""
	}
	md.labels[label] = eqLabel{num: num, id: id}
	return num, id
}

// labelID is the HTML id of a label: eq- and the label with characters
// that are awkward in a URL fragment replaced by '-'.
func labelID(label string) string {
	b := []byte("eq-" + label)
	for i := 3; i < len(b); i++ {
		c := b[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == ':' || c == '.') {
			b[i] = '-'
		}
	}
	return string(b)
}

// finishMath resolves a formula's references and wraps it.
func (st *docState) finishMath(f *formula) string {
	var body string
	if f.fallback != "" {
		body = st.fallbackHTML(f)
	} else {
		body = f.mathml
		if len(f.refs) > 0 {
			for _, l := range f.refs {
				st.checkLabel(l, f.offset)
			}
			body = mathml.ResolveRefs(body, st.math.lookup)
		}
	}
	switch {
	case f.block:
		return `<div class="math display">` + body + `</div>`
	case f.display:
		return `<span class="math display">` + body + `</span>`
	}
	return body
}

func (md *mathDoc) lookup(label string) (num, href string, ok bool) {
	l, ok := md.labels[label]
	return l.num, "#" + l.id, ok
}

func (st *docState) checkLabel(label string, offset int) {
	if _, ok := st.math.labels[label]; !ok {
		st.warnf(offset, "math", "unknown equation label %q", label)
	}
}

// fallbackHTML is the markup the browser's KaTeX renders (math.js).
func (st *docState) fallbackHTML(f *formula) string {
	tex := refInTeX.ReplaceAllStringFunc(f.fallback, func(s string) string {
		m := refInTeX.FindStringSubmatch(s)
		st.checkLabel(m[2], f.offset)
		num := "??"
		if l, ok := st.math.labels[m[2]]; ok {
			num = l.num
		}
		if m[1] == "eqref" {
			num = "(" + num + ")"
		}
		return `\text{` + num + `}`
	})
	var b strings.Builder
	for _, id := range f.anchors {
		b.WriteString(`<span class="eq-anchor" id="` + html.EscapeString(id) + `"></span>`)
	}
	b.WriteString(`<span class="math-fallback"`)
	if f.display {
		b.WriteString(` data-display`)
	}
	b.WriteString(` data-tex="` + html.EscapeString(tex) + `"`)
	if p := st.math.preamble; p != "" {
		b.WriteString(` data-preamble="` + html.EscapeString(p) + `"`)
	}
	b.WriteString(`>` + html.EscapeString(tex) + `</span>`)
	return b.String()
}

var (
	refInTeX   = regexp.MustCompile(`\\(eqref|ref)\s*\{([^{}]*)\}`)
	labelInTeX = regexp.MustCompile(`\\label\s*\{([^{}]*)\}`)
	tagInTeX   = regexp.MustCompile(`\\tag\*?\s*\{([^{}]*)\}`)
	noNumber   = regexp.MustCompile(`\\(nonumber|notag)\b`)
	envInTeX   = regexp.MustCompile(`(?s)^\\begin\{([a-z]+)(\*?)\}(.*)\\end\{([a-z]+\*?)\}$`)
)

// numberedEnvs take a number per row (single: one for the whole display).
var numberedEnvs = map[string]struct{ single bool }{
	"equation": {true}, "multline": {true}, "align": {}, "gather": {}, "eqnarray": {},
	"flalign": {}, "alignat": {},
}

// numberFallback numbers a formula the converter could not handle the way
// it would have, so that the numbers after it and the references to it
// stay right, and returns the TeX to give KaTeX: the environment starred,
// each number as a \tag, no \label (KaTeX has none).
func (md *mathDoc) numberFallback(st *docState, tex string, display bool, offset int) (string, []string) {
	var anchors []string
	anchor := func(id string) {
		if id != "" {
			anchors = append(anchors, id)
		}
	}
	m := envInTeX.FindStringSubmatch(strings.TrimSpace(tex))
	env, ok := numberedEnvs[safeIndex(m, 1)]
	if !display || m == nil || m[2] == "*" || !ok || m[4] != m[1] {
		l, t := labelInTeX.FindStringSubmatch(tex), tagInTeX.FindStringSubmatch(tex)
		if display && l != nil && t != nil {
			anchor(second(md.number(st, l[1], tagText(t[1]), true, offset)))
		}
		return labelInTeX.ReplaceAllString(tex, ""), anchors
	}
	rows := []string{m[3]}
	if !env.single {
		rows = splitRows(m[3])
	}
	for i, row := range rows {
		label := ""
		if l := labelInTeX.FindStringSubmatch(row); l != nil {
			label = l[1]
		}
		row = labelInTeX.ReplaceAllString(row, "")
		switch t := tagInTeX.FindStringSubmatch(row); {
		case t != nil:
			anchor(second(md.number(st, label, tagText(t[1]), true, offset)))
		case noNumber.MatchString(row):
			row = noNumber.ReplaceAllString(row, "")
		default:
			num, id := md.number(st, label, "", false, offset)
			anchor(id)
			row += `\tag{` + num + `}`
		}
		rows[i] = row
	}
	return `\begin{` + m[1] + `*}` + strings.Join(rows, `\\`) + `\end{` + m[1] + `*}`, anchors
}

func second(_, b string) string { return b }

func safeIndex(s []string, i int) string {
	if i < len(s) {
		return s[i]
	}
	return ""
}

// splitRows splits an environment's body at the \\ that are not inside a
// group or a nested environment.
func splitRows(body string) []string {
	var rows []string
	depth, start := 0, 0
	for i := 0; i < len(body); i++ {
		switch {
		case body[i] == '{':
			depth++
		case body[i] == '}':
			depth--
		case strings.HasPrefix(body[i:], `\begin{`):
			depth++
			i += len(`\begin`) - 1
		case strings.HasPrefix(body[i:], `\end{`):
			depth--
			i += len(`\end`) - 1
		case body[i] == '\\' && i+1 < len(body) && body[i+1] == '\\' && depth == 0:
			rows = append(rows, body[start:i])
			start = i + 2
			i++
		case body[i] == '\\':
			i++
		}
	}
	rows = append(rows, body[start:])
	if len(rows) > 1 && strings.TrimSpace(rows[len(rows)-1]) == "" {
		rows = rows[:len(rows)-1] // a trailing \\ ends no row
	}
	return rows
}

// textRef renders \eqref{x} or \ref{x} written in the text.
func (st *docState) textRef(n *EqRef) string {
	l, ok := st.math.labels[n.Label]
	if !ok {
		st.warnf(n.Offset, "math", "unknown equation label %q", n.Label)
		text := "??"
		if n.Paren {
			text = "(??)"
		}
		return `<span class="eqref unknown">` + text + `</span>`
	}
	text := html.EscapeString(l.num)
	if n.Paren {
		text = "(" + text + ")"
	}
	return `<a class="eqref" href="#` + html.EscapeString(l.id) + `">` + text + `</a>`
}
