// Package highlight is the one place distill talks to chroma. It turns code
// into HTML spans with CSS classes and writes the stylesheet for a light and
// a dark style.
//
// Highlighting dominates build time on code-heavy sites, so this package
// does as little chroma work as it can: lexer lookups are cached (a miss
// makes chroma match every lexer's filename globs), and highlighted HTML is
// cached by (language, code), since real blogs repeat snippets.
package highlight

import (
	"hash/maphash"
	"html"
	"strings"
	"sync"

	"github.com/alecthomas/chroma/v2"
	chtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/styles"
)

// Light and Dark are the chroma styles used for the two colour schemes.
const (
	Light = "github"
	Dark  = "github-dark"
)

// maxCache bounds the number of cached snippets so a long `distill serve`
// session cannot grow without limit; the cache is simply reset when full.
const maxCache = 1 << 14

// Highlighter highlights code. It is safe for concurrent use; build one per
// process and share it.
type Highlighter struct {
	formatter *chtml.Formatter
	seed      maphash.Seed

	lexers sync.Map // normalised language → *lexer (nil entry: unknown)

	mu    sync.RWMutex
	cache map[cacheKey]string
}

type cacheKey struct {
	lang string
	hash uint64
	n    int
}

// New returns a Highlighter that emits class-based HTML.
func New() *Highlighter {
	return &Highlighter{
		formatter: chtml.New(chtml.WithClasses(true), chtml.PreventSurroundingPre(true)),
		seed:      maphash.MakeSeed(),
		cache:     make(map[cacheKey]string),
	}
}

// Lexer returns the chroma lexer for a fence language, or nil when chroma
// does not know it. Results, misses included, are cached.
func (h *Highlighter) Lexer(lang string) chroma.Lexer {
	if l := h.lexer(lang); l != nil {
		return l.chroma
	}
	return nil
}

// lexer is a chroma lexer and, when it is a regex lexer, its fast driver.
type lexer struct {
	chroma chroma.Lexer
	fast   *fastLexer
}

func (h *Highlighter) lexer(lang string) *lexer {
	lang = strings.ToLower(strings.TrimSpace(lang))
	if lang == "" {
		return nil
	}
	if l, ok := h.lexers.Load(lang); ok {
		return l.(*lexer)
	}
	var l *lexer
	if cl := lexers.Get(lang); cl != nil {
		l = &lexer{chroma: chroma.Coalesce(cl), fast: newFastLexer(cl)}
	}
	h.lexers.Store(lang, l)
	return l
}

// Known reports whether chroma has a lexer for lang.
func (h *Highlighter) Known(lang string) bool { return h.lexer(lang) != nil }

// Code returns the highlighted HTML for code (spans only, no <pre>). Code in
// a language chroma does not know is HTML-escaped and returned as is.
func (h *Highlighter) Code(lang, code string) string {
	lexer := h.lexer(lang)
	if lexer == nil {
		return html.EscapeString(code)
	}
	key := cacheKey{lang: lang, hash: maphash.String(h.seed, code), n: len(code)}
	h.mu.RLock()
	out, ok := h.cache[key]
	h.mu.RUnlock()
	if ok {
		return out
	}
	out = h.render(lexer, code)
	h.mu.Lock()
	if len(h.cache) >= maxCache {
		clear(h.cache)
	}
	h.cache[key] = out
	h.mu.Unlock()
	return out
}

func (h *Highlighter) render(l *lexer, code string) string {
	var it chroma.Iterator
	if l.fast != nil {
		it = coalesce(l.fast.Tokenise(code))
	} else {
		var err error
		if it, err = l.chroma.Tokenise(nil, code); err != nil {
			return html.EscapeString(code)
		}
	}
	var b strings.Builder
	b.Grow(len(code) * 3)
	if err := h.formatter.Format(&b, styles.Get(Light), it); err != nil {
		return html.EscapeString(code)
	}
	return b.String()
}

// CSS returns the stylesheet for highlighted code: the light style by
// default, the dark one under prefers-color-scheme: dark unless the page
// forces light, and under html[data-theme=dark].
func CSS() string {
	var light, dark strings.Builder
	f := chtml.New(chtml.WithClasses(true))
	_ = f.WriteCSS(&light, styles.Get(Light))
	_ = f.WriteCSS(&dark, styles.Get(Dark))
	var b strings.Builder
	b.WriteString("/* chroma " + Light + " */\n")
	b.WriteString(scope(light.String(), ""))
	b.WriteString("/* chroma " + Dark + " */\n")
	b.WriteString(scope(dark.String(), "html[data-theme=dark] "))
	b.WriteString("@media (prefers-color-scheme: dark) {\n")
	b.WriteString(scope(dark.String(), "html:not([data-theme=light]) "))
	b.WriteString("}\n")
	return b.String()
}

// scope prefixes every rule of chroma's stylesheet, drops its background
// rules for the wrapper (the theme styles <pre> itself) and keeps token
// colours only.
func scope(css, prefix string) string {
	var b strings.Builder
	for _, line := range strings.Split(css, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		// chroma emits "/* Name */ .chroma .x { … }".
		if i := strings.Index(line, "*/"); strings.HasPrefix(line, "/*") && i > 0 {
			line = strings.TrimSpace(line[i+2:])
		}
		if !strings.HasPrefix(line, ".chroma") || strings.HasPrefix(line, ".chroma {") || strings.HasPrefix(line, ".bg ") {
			continue
		}
		if strings.Contains(line, ".chroma .lntd") || strings.Contains(line, ".chroma .lntable") || strings.Contains(line, ".chroma .hl") {
			continue
		}
		b.WriteString(prefix)
		b.WriteString(line)
		b.WriteByte('\n')
	}
	return b.String()
}

// coalesce merges adjacent tokens of the same type, as chroma.Coalesce
// does for its own driver.
func coalesce(it chroma.Iterator) chroma.Iterator {
	var prev chroma.Token
	return func() chroma.Token {
		for t := it(); t != chroma.EOF; t = it() {
			if len(t.Value) == 0 {
				continue
			}
			if prev == chroma.EOF {
				prev = t
			} else if prev.Type == t.Type && len(prev.Value) < 8192 {
				prev.Value += t.Value
			} else {
				out := prev
				prev = t
				return out
			}
		}
		out := prev
		prev = chroma.EOF
		return out
	}
}
