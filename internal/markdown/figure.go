package markdown

// Figures: fenced blocks whose language names a figure kind. Diffs,
// typograms and pseudocode are drawn here at build time; the other kinds
// become a container that a browser library fills, keeping the block's
// source for readers without JavaScript, and add the library they need to
// Result.Libs. doc.go states the markup and the info-string options
// (caption="…", id, height, zoomable, layout, linenos).

import (
	"html"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"
)

// KindFigure is the node kind of a figure block.
var KindFigure = ast.NewNodeKind("Figure")

// Figure is a fenced block turned into a figure; HTML is computed by the
// transformer.
type Figure struct {
	ast.BaseBlock
	Lang string
	HTML string
}

// Kind implements ast.Node.
func (n *Figure) Kind() ast.NodeKind { return KindFigure }

// Dump implements ast.Node.
func (n *Figure) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Lang": n.Lang}, nil)
}

// figureKind says how one fence language becomes a figure.
type figureKind struct {
	// libs are the browser libraries (internal/libs names) the figure
	// needs; none for figures drawn at build time.
	libs []string
	// check validates a JSON source's shape (nil: the source is not JSON).
	check func(v any) string
	// build draws the figure at build time (nil: the browser draws it).
	build func(f *figureBuilder, b *fenceBlock) (string, error)
	// options are the info-string options the kind takes besides caption
	// and id.
	options []string
}

// figureKinds maps fence languages to figure kinds. The languages never
// reach chroma: asking chroma for a language it does not know costs a match
// against every lexer's filename globs.
var figureKinds = map[string]figureKind{
	"mermaid":    {libs: []string{"mermaid"}, options: []string{"zoomable"}},
	"chartjs":    {libs: []string{"chartjs"}, check: checkChartJS, options: []string{"height"}},
	"echarts":    {libs: []string{"echarts"}, check: checkObject, options: []string{"height"}},
	"vega_lite":  {libs: []string{"vega-embed"}, check: checkObject, options: []string{"height"}},
	"plotly":     {libs: []string{"plotly"}, check: checkPlotly, options: []string{"height"}},
	"geojson":    {libs: []string{"leaflet"}, check: checkGeoJSON, options: []string{"height"}},
	"topojson":   {libs: []string{"topojson"}, check: checkTopoJSON, options: []string{"height"}},
	"diff2html":  {build: buildDiff, options: []string{"layout"}},
	"diff":       {build: buildDiff, options: []string{"layout"}},
	"typograms":  {build: buildTypogram},
	"pseudocode": {build: buildPseudocode, options: []string{"linenos"}},
}

// fenceBlock is one fenced block as the figure code sees it.
type fenceBlock struct {
	node   *ast.FencedCodeBlock
	lang   string
	src    string            // the block's text
	opts   map[string]string // info-string options
	line   int               // file line of the opening fence
	offset int               // body offset of the opening fence
}

// figureBuilder turns a document's figure blocks into Figure nodes. It
// lives for one transformer pass.
type figureBuilder struct {
	c          *Converter
	st         *docState
	algorithms int // captioned algorithms so far, for their numbers
}

// errorf reports an error at a line of the file.
func (f *figureBuilder) errorf(line int, format string, args ...any) {
	f.st.res.Diags.Errorf(f.st.env.File, line, "figure", format, args...)
}

func (f *figureBuilder) warnf(line int, format string, args ...any) {
	f.st.res.Diags.Warnf(f.st.env.File, line, "figure", format, args...)
}

// figure builds the Figure for a fenced block of a figure language, or
// returns nil to leave the block as code (after an error, or a ```diff that
// is not a unified diff).
func (f *figureBuilder) figure(n *ast.FencedCodeBlock, lang string) *Figure {
	kind := figureKinds[lang]
	b := &fenceBlock{node: n, lang: lang, src: codeText(n, f.st.src), offset: n.Info.Segment.Start}
	b.line = f.st.line(b.offset)
	b.opts = f.options(b, kind, string(n.Info.Segment.Value(f.st.src)))
	var body string
	switch {
	case kind.build != nil:
		html, err := kind.build(f, b)
		if err != nil {
			line, msg := blockError(err)
			f.errorf(f.fileLine(b, line), "%s block: %s", lang, msg)
			return nil
		}
		if html == "" {
			return nil
		}
		body = html
	default:
		if kind.check != nil && !f.checkJSON(b, kind) {
			return nil
		}
		for _, l := range kind.libs {
			f.st.needLib(l)
		}
		if lang == "mermaid" && b.has("zoomable") {
			f.st.needLib("svg-pan-zoom")
		}
		body = f.browserFigure(b, kind)
	}
	if f.st.res.Stats.Figures == nil {
		f.st.res.Stats.Figures = map[string]int{}
	}
	f.st.res.Stats.Figures[lang]++
	return &Figure{Lang: lang, HTML: wrapFigure(b, body)}
}

func (b *fenceBlock) has(opt string) bool { _, ok := b.opts[opt]; return ok }

// fileLine is the file line of line k (1-based) of the block's text; k = 0
// is the opening fence. Each line is mapped on its own, since the body's
// lines need not follow the file's one to one (Env.Lines).
func (f *figureBuilder) fileLine(b *fenceBlock, k int) int {
	lines := b.node.Lines()
	switch {
	case k <= 0 || lines.Len() == 0:
		return b.line
	case k <= lines.Len():
		return f.st.line(lines.At(k - 1).Start)
	}
	return f.st.line(lines.At(lines.Len()-1).Start) + k - lines.Len()
}

// wrapFigure puts a figure's body in its <figure> with the caption.
func wrapFigure(b *fenceBlock, body string) string {
	var w strings.Builder
	w.WriteString(`<figure class="d-figure" data-figure="` + b.lang + `"`)
	if id := b.opts["id"]; id != "" {
		w.WriteString(` id="` + html.EscapeString(id) + `"`)
	}
	if b.lang == "mermaid" && b.has("zoomable") {
		w.WriteString(" data-zoomable")
	}
	w.WriteString(">\n")
	w.WriteString(body)
	if c := b.opts["caption"]; c != "" {
		w.WriteString("<figcaption>" + html.EscapeString(c) + "</figcaption>\n")
	}
	w.WriteString("</figure>")
	return w.String()
}

// browserFigure is the body of a figure the browser draws: an empty view
// and the source, which the page script reads back with textContent.
func (f *figureBuilder) browserFigure(b *fenceBlock, kind figureKind) string {
	var w strings.Builder
	w.WriteString(`<div class="d-figure-view"`)
	if h := b.opts["height"]; h != "" {
		w.WriteString(` style="height:` + h + `"`)
	}
	w.WriteString("></div>\n")
	w.WriteString(`<details class="d-figure-source"><summary>Source</summary>`)
	if kind.check != nil && f.c.hl != nil {
		writeCode(&w, f.c.hl, "json", b.src)
	} else {
		writeCode(&w, nil, b.lang, b.src)
	}
	w.WriteString("</details>\n")
	return w.String()
}

// cssLength is what a height option may be.
var cssLength = regexp.MustCompile(`^[0-9]+(\.[0-9]+)?(px|em|rem|vh|%)$`)

// options parses the info string after the language and checks each
// option against the kind.
func (f *figureBuilder) options(b *fenceBlock, kind figureKind, info string) map[string]string {
	opts, problems := parseFenceOptions(info)
	for _, p := range problems {
		f.warnf(b.line, "%s block: %s", b.lang, p)
	}
	known := append([]string{"caption", "id"}, kind.options...)
	for _, k := range sortedKeys(opts) {
		v := opts[k]
		switch {
		case !slices.Contains(known, k):
			f.warnf(b.line, "%s block: unknown option %q ignored (it takes %s)", b.lang, k, strings.Join(known, ", "))
			delete(opts, k)
		case k == "height" && !cssLength.MatchString(v):
			f.warnf(b.line, "%s block: height %q is not a CSS length like 400px; ignored", b.lang, v)
			delete(opts, k)
		case k == "layout" && v != "side-by-side" && v != "line-by-line":
			f.warnf(b.line, "%s block: layout %q is neither side-by-side nor line-by-line; ignored", b.lang, v)
			delete(opts, k)
		}
	}
	if b.lang == "mermaid" && f.st.env.MermaidZoom {
		opts["zoomable"] = ""
	}
	return opts
}

// parseFenceOptions reads `lang key=value key="a value" flag {k=v}`: the
// first word (the language) is skipped, braces are ignored, a quoted value
// may contain \" and \\. It returns the options and what it could not read.
func parseFenceOptions(info string) (map[string]string, []string) {
	opts := map[string]string{}
	var problems []string
	s := strings.TrimSpace(info)
	if i := strings.IndexAny(s, " \t{"); i >= 0 {
		s = s[i:]
	} else {
		s = ""
	}
	for {
		s = strings.TrimLeft(s, " \t{}")
		if s == "" {
			return opts, problems
		}
		end := strings.IndexAny(s, " \t{}=")
		if end < 0 {
			end = len(s)
		}
		key := s[:end]
		s = s[end:]
		if key == "" { // a stray '='
			problems = append(problems, "option without a name")
			s = s[1:]
			continue
		}
		if !strings.HasPrefix(s, "=") {
			opts[key] = ""
			continue
		}
		s = s[1:]
		val, rest, ok := optionValue(s)
		if !ok {
			problems = append(problems, "unclosed quote in option "+key)
		}
		opts[key] = val
		s = rest
	}
}

// optionValue reads a bare or quoted value at the start of s.
func optionValue(s string) (val, rest string, ok bool) {
	if s == "" || (s[0] != '"' && s[0] != '\'') {
		end := strings.IndexAny(s, " \t{}")
		if end < 0 {
			end = len(s)
		}
		return s[:end], s[end:], true
	}
	q := s[0]
	var v strings.Builder
	for i := 1; i < len(s); i++ {
		switch {
		case s[i] == '\\' && i+1 < len(s) && (s[i+1] == q || s[i+1] == '\\'):
			v.WriteByte(s[i+1])
			i++
		case s[i] == q:
			return v.String(), s[i+1:], true
		default:
			v.WriteByte(s[i])
		}
	}
	return v.String(), "", false
}

// tikzScript finds TikZ sources in raw HTML, for TikZJax.
var tikzScript = regexp.MustCompile(`(?is)<script\b[^>]*\btype\s*=\s*["']?text/tikz\b[^>]*>(.*?)</script\s*>`)

// tikzOpen finds a TikZ script's start tag, for raw HTML inside a
// paragraph, where the TeX is not part of the same node.
var tikzOpen = regexp.MustCompile(`(?i)<script\b[^>]*\btype\s*=\s*["']?text/tikz\b`)

// tikz records the TikZ pictures of a raw HTML block and returns the
// figure that keeps their TeX for readers without JavaScript (nil when
// the block has none). TikZJax replaces each script with its SVG in the
// browser; the TeX stays as written.
func (f *figureBuilder) tikz(n *ast.HTMLBlock) *Figure {
	var raw strings.Builder
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		raw.Write(seg.Value(f.st.src))
	}
	if n.HasClosure() {
		raw.Write(n.ClosureLine.Value(f.st.src))
	}
	ms := tikzScript.FindAllStringSubmatch(raw.String(), -1)
	if len(ms) == 0 {
		return nil
	}
	var w strings.Builder
	for _, m := range ms {
		f.countTikz()
		w.WriteString(`<noscript class="d-figure-tikz"><pre class="d-figure-tex"><code>` + html.EscapeString(strings.Trim(m[1], "\n")) + "</code></pre></noscript>")
	}
	return &Figure{Lang: "tikz", HTML: w.String()}
}

func (f *figureBuilder) countTikz() {
	f.st.needLib("tikzjax")
	if f.st.res.Stats.Figures == nil {
		f.st.res.Stats.Figures = map[string]int{}
	}
	f.st.res.Stats.Figures["tikz"]++
}

// prepareFigures replaces figure blocks by Figure nodes and records what
// raw HTML needs TikZJax, in document order.
func (c *Converter) prepareFigures(st *docState, doc *ast.Document) {
	f := &figureBuilder{c: c, st: st}
	type swap struct{ old, new ast.Node }
	var swaps, appends []swap
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.FencedCodeBlock:
			if lang := fenceLang(n, st.src); isFigureLang(lang) {
				if fig := f.figure(n, lang); fig != nil {
					swaps = append(swaps, swap{n, fig})
					return ast.WalkSkipChildren, nil
				}
			}
			st.res.Stats.Code++
			return ast.WalkSkipChildren, nil
		case *ast.HTMLBlock:
			if fig := f.tikz(n); fig != nil {
				appends = append(appends, swap{n, fig})
			}
		case *ast.RawHTML:
			segs := n.Segments
			for i := 0; i < segs.Len(); i++ {
				seg := segs.At(i)
				if tikzOpen.Match(seg.Value(st.src)) {
					f.countTikz()
				}
			}
		}
		return ast.WalkContinue, nil
	})
	for _, s := range swaps {
		s.old.Parent().ReplaceChild(s.old.Parent(), s.old, s.new)
	}
	for _, s := range appends {
		s.old.Parent().InsertAfter(s.old.Parent(), s.old, s.new)
	}
}

func isFigureLang(lang string) bool { _, ok := figureKinds[lang]; return ok }

func (r *nodeRenderer) renderFigure(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		_, _ = w.WriteString(node.(*Figure).HTML)
		_ = w.WriteByte('\n')
	}
	return ast.WalkSkipChildren, nil
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
