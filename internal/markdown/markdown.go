// Package markdown turns the body of a post into HTML. It is the only
// package that imports goldmark; every markdown extension distill adds lives
// here, one file per extension (math.go, code.go, heading.go, …), and doc.go
// states the HTML contract themes may rely on.
//
// One Converter (goldmark instance, parsers, renderers) is built per process
// and shared by all workers. Everything that belongs to one document — its
// file name for messages, headings, counters, diagnostics — lives in a
// docState stored in that document's parser.Context, never in a field.
package markdown

import (
	"bytes"
	"sort"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/distill-dev/distill/internal/diag"
	"github.com/distill-dev/distill/internal/highlight"
)

// Env is what the converter needs to know about one document besides its
// bytes.
type Env struct {
	// File is the source path relative to the site root, for messages.
	File string
	// LineOffset is the number of lines of the file before the body (the
	// front matter), so that messages name lines of the file.
	LineOffset int
}

// Heading is a section heading of the document, as the TOC needs it.
type Heading struct {
	Level int    `json:"level"`
	Text  string `json:"text"` // plain text, markup stripped
	ID    string `json:"id"`
	Line  int    `json:"line"`
}

// Stats counts what a document contains, for the build report.
type Stats struct {
	Math         int            `json:"math"`
	MathFallback int            `json:"math_fallback"`
	Code         int            `json:"code"`
	Figures      map[string]int `json:"figures,omitempty"`
}

// Result is a converted document.
type Result struct {
	HTML     []byte
	Headings []Heading
	Stats    Stats
	// Libs lists the browser libraries the document needs (sorted).
	Libs  []string
	Diags diag.List
}

// Converter converts markdown documents. It is safe for concurrent use.
type Converter struct {
	md goldmark.Markdown
	hl *highlight.Highlighter
}

// Parser and renderer priorities, in one place. Lower runs first. Math must
// see `$` and `\(` before the default inline parsers (emphasis, escapes) so
// that nothing inside a formula is parsed as markdown; the math block must
// open before a paragraph or a list can claim its lines.
const (
	prioMathBlock   = 90  // before every default block parser (lists are 300)
	prioMathInline  = 50  // before code spans (100) and emphasis (200)
	prioTransformer = 100 // our one AST transformer
	prioRenderer    = 100 // our node renderers win over goldmark's (1000)
)

var stateKey = parser.NewContextKey()

// New builds a Converter. hl may be shared with other users.
func New(hl *highlight.Highlighter) *Converter {
	c := &Converter{hl: hl}
	c.md = goldmark.New(
		goldmark.WithExtensions(
			extension.GFM,
			extension.Footnote,
			extension.Typographer,
		),
		goldmark.WithParserOptions(
			parser.WithAutoHeadingID(),
			parser.WithAttribute(),
			parser.WithBlockParsers(util.Prioritized(mathBlockParser{}, prioMathBlock)),
			parser.WithInlineParsers(util.Prioritized(mathInlineParser{}, prioMathInline)),
			parser.WithASTTransformers(util.Prioritized(transformer{c}, prioTransformer)),
		),
		goldmark.WithRendererOptions(
			html.WithUnsafe(),
			renderer.WithNodeRenderers(util.Prioritized(&nodeRenderer{c}, prioRenderer)),
		),
	)
	return c
}

// docState is the per-document state, kept in the parser.Context.
type docState struct {
	env       Env
	src       []byte
	lineStart []int // byte offset of each line start in src
	res       *Result
	libs      map[string]bool
}

// line returns the 1-based line of the file for a byte offset in the body.
func (s *docState) line(offset int) int {
	i := sort.SearchInts(s.lineStart, offset+1) // first start > offset
	return i + s.env.LineOffset
}

func (s *docState) warnf(offset int, kind, format string, args ...any) {
	s.res.Diags.Warnf(s.env.File, s.line(offset), kind, format, args...)
}

func (s *docState) errorf(offset int, kind, format string, args ...any) {
	s.res.Diags.Errorf(s.env.File, s.line(offset), kind, format, args...)
}

func (s *docState) needLib(name string) { s.libs[name] = true }

// Convert renders one document body.
func (c *Converter) Convert(src []byte, env Env) *Result {
	res := &Result{}
	st := &docState{env: env, src: src, res: res, libs: map[string]bool{}}
	st.lineStart = append(st.lineStart, 0)
	for i, b := range src {
		if b == '\n' {
			st.lineStart = append(st.lineStart, i+1)
		}
	}
	pc := parser.NewContext()
	pc.Set(stateKey, st)
	doc := c.md.Parser().Parse(text.NewReader(src), parser.WithContext(pc))
	var buf bytes.Buffer
	buf.Grow(len(src) * 2)
	if err := c.md.Renderer().Render(&buf, src, doc); err != nil {
		res.Diags.Errorf(env.File, env.LineOffset+1, "markdown", "render: %v", err)
	}
	res.HTML = buf.Bytes()
	for l := range st.libs {
		res.Libs = append(res.Libs, l)
	}
	sort.Strings(res.Libs)
	return res
}

func stateOf(pc parser.Context) *docState {
	st, _ := pc.Get(stateKey).(*docState)
	return st
}

// transformer runs the document-level passes after parsing, in order.
type transformer struct{ c *Converter }

func (t transformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	st := stateOf(pc)
	if st == nil {
		return
	}
	promoteDisplayMath(st.src, doc)
	collectHeadings(st, doc)
	t.c.prepareCode(st, doc)
	renderAllMath(st, doc)
}

// nodeRenderer renders distill's own nodes and overrides goldmark's
// rendering of fenced code.
type nodeRenderer struct{ c *Converter }

func (r *nodeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindMath, r.renderMath)
	reg.Register(KindMathBlock, r.renderMathBlock)
	reg.Register(ast.KindFencedCodeBlock, r.renderFencedCode)
	reg.Register(ast.KindCodeBlock, r.renderIndentedCode)
}
