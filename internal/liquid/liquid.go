// Package liquid evaluates the Liquid in a post before markdown sees it, as
// Jekyll does for al-folio sites. It is the only package that imports
// github.com/osteele/liquid.
//
// On top of standard Liquid it provides what al-folio posts use: Jekyll's
// include with key=value parameters (figure, video and audio built in, a
// site's own _includes/ rendered), highlight, raw with any spacing,
// relative_url and the other Jekyll filters, post_url, link, details,
// file_exists, jekyll-tabs and jekyll-scholar's cite. Anything else is a
// warning at its file and line, and the page still builds: an unknown tag
// renders as nothing, an invalid expression stays as text.
//
// Liquid changes the number of lines of a document; Render returns, with
// the output, the source line of every output line so that markdown's
// messages still name lines of the file.
package liquid

import (
	"bytes"
	"fmt"
	"io/fs"
	"strings"

	"github.com/osteele/liquid"

	"github.com/distill-dev/distill/internal/diag"
)

// Env is what the engine needs to know about one document.
type Env struct {
	// File is the source path relative to the site root, for messages.
	File string
	// LineOffset is the number of lines of the file before the body.
	LineOffset int
	// FS is the site root: includes come from _includes/, file_exists and
	// link look here. May be nil.
	FS fs.FS
	// Site and Page are the `site` and `page` variables.
	Site, Page map[string]any
	// URLOf returns the URL (without baseurl) of the post or page made from
	// a site-relative source file, for post_url and link.
	URLOf func(source string) (string, bool)
	// Highlight returns highlighted HTML (spans only) for code; nil leaves
	// code escaped but plain.
	Highlight func(lang, code string) string
}

// Result is an evaluated document.
type Result struct {
	Body []byte
	// Lines holds, for each line of Body, the line of the file it came
	// from; nil when Body is the input unchanged.
	Lines []int
	Diags diag.List
	// Deps are the site files the output depends on: includes, the posts
	// post_url and link point to, the files file_exists asked about.
	Deps []string
}

// Options are the site settings the engine's filters and tags depend on.
type Options struct {
	// BaseURL ("" or "/repo") is what relative_url, post_url and link
	// prefix; URL ("https://host") is what absolute_url adds before it.
	BaseURL, URL string
}

// Engine evaluates documents. It is safe for concurrent use; build one per
// site configuration and share it.
type Engine struct {
	e   *liquid.Engine
	opt Options
}

// New builds an Engine with the Jekyll tags and filters.
func New(opt Options) *Engine {
	opt.BaseURL = strings.TrimRight(opt.BaseURL, "/")
	opt.URL = strings.TrimRight(opt.URL, "/")
	en := &Engine{e: liquid.NewEngine(), opt: opt}
	en.addFilters()
	en.addTags()
	return en
}

// Has reports whether src contains Liquid markup at all; documents without
// any skip the engine.
func Has(src []byte) bool {
	return bytes.Contains(src, []byte("{%")) || bytes.Contains(src, []byte("{{"))
}

// stateKey is the binding under which a render's state travels to the
// tags. A space makes it unreachable from templates.
const stateKey = " distill"

// state is the per-render state the tags read and write.
type state struct {
	en    *Engine
	env   *Env
	file  string // the file being rendered: the document or an include
	diags *diag.List
	deps  map[string]bool
	depth int // include nesting
	tabs  int // jekyll-tabs groups so far, for unique ids
	warn  map[string]bool
}

func (s *state) warnf(line int, kind, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	key := fmt.Sprintf("%s\x00%d\x00%s", s.file, line, msg)
	if s.warn[key] {
		return
	}
	s.warn[key] = true
	s.diags.Warnf(s.file, line, kind, "%s", msg)
}

// maxAttempts bounds the parse-repair loop: each failed attempt removes the
// tags on the line the error names.
const maxAttempts = 20

// Render evaluates the Liquid in one document body.
func (en *Engine) Render(src []byte, env Env) (res *Result) {
	res = &Result{Body: src}
	if !Has(src) {
		return res
	}
	st := &state{en: en, file: env.File, env: &env, diags: &res.Diags, deps: map[string]bool{}, warn: map[string]bool{}}
	doc := prescan(string(src), st)
	first := env.LineOffset + 1
	var out []byte
	for attempt := 0; ; attempt++ {
		text := doc.text()
		var line int
		var err error
		out, line, err = en.try(text, env.File, first, st)
		if err == nil {
			break
		}
		if attempt == maxAttempts || !doc.neutralize(line) {
			st.warnf(line, "liquid", "%s; Liquid markup left out of this page", cleanErr(err))
			out = []byte(doc.stripped())
			break
		}
		st.warnf(line, "liquid", "%s; the tags on this line are left out", cleanErr(err))
	}
	res.Body, res.Lines = unmark(out, first)
	for d := range st.deps {
		res.Deps = append(res.Deps, d)
	}
	sortStrings(res.Deps)
	return res
}

// try parses and renders once. A panic in the engine is an error like any
// other.
func (en *Engine) try(text, file string, first int, st *state) (out []byte, line int, err error) {
	defer func() {
		if r := recover(); r != nil {
			out, line, err = nil, 0, fmt.Errorf("liquid engine failure: %v", r)
		}
	}()
	tpl, perr := en.e.ParseTemplateLocation([]byte(text), file, first)
	if perr != nil {
		return nil, perr.LineNumber(), perr
	}
	vars := map[string]any{
		"site":    orEmpty(st.env.Site),
		"page":    orEmpty(st.env.Page),
		"jekyll":  map[string]any{"environment": "production"},
		stateKey:  st,
		"content": "",
	}
	out, rerr := tpl.Render(vars)
	if rerr != nil {
		return nil, rerr.LineNumber(), rerr
	}
	return out, 0, nil
}

func orEmpty(m map[string]any) map[string]any {
	if m == nil {
		return map[string]any{}
	}
	return m
}

// cleanErr shortens the engine's messages, which repeat the file name.
func cleanErr(err error) string {
	msg := err.Error()
	msg = strings.TrimPrefix(msg, "Liquid error")
	if i := strings.Index(msg, "): "); i >= 0 && strings.HasPrefix(msg, " (line") {
		msg = msg[i+3:]
	} else {
		msg = strings.TrimPrefix(msg, ": ")
	}
	if i := strings.LastIndex(msg, " in "); i > 0 {
		msg = msg[:i]
	}
	return "Liquid: " + msg
}

func stateOf(vars map[string]any) *state {
	st, _ := vars[stateKey].(*state)
	return st
}
