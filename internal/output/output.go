// Package output is the one place where bytes leave distill. Every file a
// build produces goes through an Emitter, which prefixes root-relative URLs
// with the site's baseurl, minifies by file type and hands the bytes to a
// Writer: a Dir that becomes the output tree atomically, or Mem for tests
// and the live-preview server.
package output

import (
	"bytes"
	"path"
	"regexp"
	"strings"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"
	"github.com/tdewolff/minify/v2/xml"
)

// Writer stores one output file. rel is slash-separated and relative to
// the output root.
type Writer interface {
	WriteFile(rel string, data []byte) error
}

// Emitter is the choke point every output file passes through. It is safe
// for concurrent use when its Writer is.
type Emitter struct {
	W       Writer
	BaseURL string // "" or "/repo"
	Minify  bool
	m       *minify.M
}

// NewEmitter builds an Emitter; the minifier is built once and shared.
func NewEmitter(w Writer, baseURL string, minifyOutput bool) *Emitter {
	e := &Emitter{W: w, BaseURL: strings.TrimRight(baseURL, "/"), Minify: minifyOutput}
	if minifyOutput {
		m := minify.New()
		m.Add("text/html", &html.Minifier{
			KeepDocumentTags:    true,
			KeepEndTags:         true,
			KeepQuotes:          true,
			KeepSpecialComments: true,
		})
		m.AddFunc("text/css", css.Minify)
		m.AddFunc("application/javascript", js.Minify)
		m.AddFunc("application/json", json.Minify)
		m.AddFunc("image/svg+xml", svg.Minify)
		m.AddFunc("application/xml", xml.Minify)
		e.m = m
	}
	return e
}

var mediaTypes = map[string]string{
	".html": "text/html",
	".css":  "text/css",
	".js":   "application/javascript",
	".json": "application/json",
	".svg":  "image/svg+xml",
	".xml":  "application/xml",
}

// Emit writes a generated file: HTML gets the baseurl prefix on its
// root-relative links, and every known text format is minified.
func (e *Emitter) Emit(rel string, data []byte) error {
	ext := path.Ext(rel)
	if ext == ".html" && e.BaseURL != "" {
		data = PrefixURLs(data, e.BaseURL)
	}
	if e.m != nil {
		if mt, ok := mediaTypes[ext]; ok {
			var buf bytes.Buffer
			buf.Grow(len(data))
			if err := e.m.Minify(mt, &buf, bytes.NewReader(data)); err == nil {
				data = buf.Bytes()
			}
		}
	}
	return e.W.WriteFile(rel, data)
}

// Copy writes a static file unchanged.
func (e *Emitter) Copy(rel string, data []byte) error { return e.W.WriteFile(rel, data) }

// urlAttr matches a root-relative URL in an attribute that holds one:
// href="/x", src='/x', srcset, poster, action, data and the data-*
// variants lazy loaders and al-folio's includes use, and data-tiles (a
// map's tile URL template, map.tile_url). "//host"
// (protocol-relative) is left alone.
var urlAttr = regexp.MustCompile(`\b(href|src|poster|action|data|srcset|data-src|data-url|data-href|data-srcset|data-tiles)=("|')/([^/"'][^"']*|)("|')`)

// PrefixURLs prefixes every root-relative URL in HTML attributes with base,
// so a project site served under /repo/ works. It is the only place the
// baseurl is added: templates, markdown and Liquid write root-relative
// URLs without it, so a baseurl that is also a path of the site (/blog)
// is never mistaken for an existing prefix.
func PrefixURLs(page []byte, base string) []byte {
	base = strings.TrimRight(base, "/")
	if base == "" {
		return page
	}
	return urlAttr.ReplaceAllFunc(page, func(m []byte) []byte {
		eq := bytes.IndexByte(m, '=')
		val := m[eq+2 : len(m)-1]
		out := make([]byte, 0, len(m)+len(base))
		out = append(out, m[:eq+2]...)
		out = append(out, base...)
		out = append(out, val...)
		out = append(out, m[len(m)-1])
		return out
	})
}
