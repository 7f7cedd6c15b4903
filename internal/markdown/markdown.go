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

	"github.com/distill-dev/distill/internal/bib"
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
	// Lines, when set, is the file line of each line of the body: Liquid
	// (which ran before markdown) adds and removes lines.
	Lines []int
	// Bib is the post's bibliography for <d-cite> (nil when it has none);
	// BibFile names it in messages.
	Bib     *bib.Library
	BibFile string
	// MermaidZoom gives every mermaid diagram pan and zoom (front matter
	// mermaid.zoomable).
	MermaidZoom bool
	// MathMacros are TeX macros defined outside the document (site config
	// and front matter math.macros): name → expansion, #1…#9 its arguments.
	MathMacros map[string]string
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
	Citations    int            `json:"citations,omitempty"`  // <d-cite> elements
	References   int            `json:"references,omitempty"` // distinct works cited
	Footnotes    int            `json:"footnotes,omitempty"`
}

// Result is a converted document.
type Result struct {
	HTML     []byte
	Headings []Heading
	Stats    Stats
	// Libs lists the browser libraries the document needs (sorted).
	Libs []string
	// Cited lists the bibliography keys cited, numbered by first
	// appearance: Cited[0] is [1]. Notes are the footnotes in number order.
	Cited []string
	Notes []Note
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
	prioMathBlock   = 90   // before every default block parser (lists are 300)
	prioMathInline  = 50   // before code spans (100) and emphasis (200)
	prioTransformer = 1000 // our one AST transformer: after goldmark's footnotes (999) put the definitions in the document
	prioRenderer    = 100  // our node renderers win over goldmark's (1000)
	// kramdown.go: `{::nomarkdown}` must open before a paragraph claims the
	// line; `{:` attribute lists come after math and code spans, so a
	// brace inside a formula or code is never read as one.
	prioKramdownBlock  = 95
	prioKramdownInline = 150
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
			parser.WithBlockParsers(util.Prioritized(nomarkdownParser{}, prioKramdownBlock)),
			parser.WithInlineParsers(util.Prioritized(ialParser{}, prioKramdownInline)),
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
	citeNums  map[string]int // citation key → number (cite.go)
	cited     []string       // keys in number order
	math      *mathDoc       // formulas, macros, equation labels (mathrender.go)
}

// line returns the 1-based line of the file for a byte offset in the body.
func (s *docState) line(offset int) int {
	i := sort.SearchInts(s.lineStart, offset+1) // first start > offset
	if i >= 1 && i <= len(s.env.Lines) {
		return s.env.Lines[i-1]
	}
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
	pc := parser.NewContext(parser.WithIDs(newHeadingIDs())) // kramdown's ids (kramdown.go)
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
	applyKramdown(st, doc) // first: attribute lists set ids and classes the others read
	promoteDisplayMath(st.src, doc)
	collectHeadings(st, doc)
	t.c.distillElements(st, doc) // <d-math>, <d-code>: before the math passes see formulas
	prepareMath(st, doc)         // before code: pseudocode formulas use the post's macros
	t.c.prepareCode(st, doc)
	resolveCitations(st, doc)
	renderAllMath(st, doc)
	// Last: footnote cards are rendered from nodes the passes above finished.
	t.c.collectFootnotes(st, doc)
}

// nodeRenderer renders distill's own nodes and overrides goldmark's
// rendering of fenced code.
type nodeRenderer struct{ c *Converter }

func (r *nodeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindMath, r.renderMath)
	reg.Register(KindMathBlock, r.renderMathBlock)
	reg.Register(KindEqRef, r.renderEqRef)
	reg.Register(ast.KindFencedCodeBlock, r.renderFencedCode)
	reg.Register(ast.KindCodeBlock, r.renderIndentedCode)
	reg.Register(KindFigure, r.renderFigure)
	reg.Register(KindCitation, r.renderCitation)
	reg.Register(KindRawBlock, r.renderRawBlock)
	reg.Register(KindNoteRef, r.renderNoteRef)
	reg.Register(KindIAL, r.renderIAL)
	reg.Register(KindNoMarkdown, r.renderNoMarkdown)
}
