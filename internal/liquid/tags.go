package liquid

import (
	"html"
	"io/fs"
	"path"
	"regexp"
	"strings"

	"github.com/osteele/liquid/render"
)

// addTags defines Jekyll's and al-folio's tags. A tag never fails the
// render: what it cannot do is a warning, and it outputs what it can.
func (en *Engine) addTags() {
	e := en.e
	e.RegisterTag("include", includeTag)
	e.RegisterTag("post_url", postURLTag)
	e.RegisterTag("link", linkTag)
	e.RegisterTag("file_exists", fileExistsTag)
	e.RegisterTag("cite", citeTag)
	e.RegisterTag("reference", citeTag)
	e.RegisterTag("twitter", twitterTag)
	e.RegisterTag(unknownTag, unknownTagFn)
	e.RegisterTag(dropTag, func(render.Context) (string, error) { return "", nil })
	e.RegisterBlock("highlight", highlightTag)
	e.RegisterBlock("details", detailsTag)
	e.RegisterBlock("quote", quoteTag)
	e.RegisterBlock("tabs", tabsTag)
	e.RegisterBlock("tab", tabTag)
}

// lineOf is the file line of the tag being rendered.
func lineOf(ctx render.Context) int {
	return ctx.Errorf("%s", "").LineNumber()
}

// unknownTagFn renders a tag no one defines, rewritten by prescan: a
// warning, and nothing in the page.
func unknownTagFn(ctx render.Context) (string, error) {
	st := stateOf(ctx.Bindings())
	name, _, _ := strings.Cut(strings.TrimSpace(ctx.TagArgs()), " ")
	st.warnf(lineOf(ctx), "liquid", "unknown Liquid tag {%% %s %%} (a Jekyll plugin distill does not have); left out", name)
	return "", nil
}

// twitterTag is jekyll-twitter-plugin's tag. The plugin asks Twitter's
// API for the embed at build time; distill makes no network requests, so
// the tweet is a link.
func twitterTag(ctx render.Context) (string, error) {
	st := stateOf(ctx.Bindings())
	u, _, _ := strings.Cut(strings.TrimSpace(ctx.TagArgs()), " ")
	st.warnf(lineOf(ctx), "liquid", "{%% twitter %%} needs the Twitter API at build time; shown as a link")
	if !strings.HasPrefix(u, "https://") && !strings.HasPrefix(u, "http://") {
		return "", nil
	}
	u = html.EscapeString(u)
	return `<blockquote class="twitter-tweet"><p><a href="` + u + `">` + u + `</a></p></blockquote>`, nil
}

// highlightTag is Jekyll's {% highlight lang [linenos] %}: code
// highlighted by the same highlighter as fenced code, in the markup of
// fenced code. A <pre> starting a line stays one HTML block to its end
// in markdown, blank lines included.
func highlightTag(ctx render.Context) (string, error) {
	st := stateOf(ctx.Bindings())
	code, err := ctx.InnerString()
	if err != nil {
		return "", err
	}
	f := strings.Fields(ctx.TagArgs())
	lang := ""
	if len(f) > 0 {
		lang = strings.ToLower(f[0])
	}
	linenos := false
	for _, a := range f[1:] {
		if a == "linenos" || strings.HasPrefix(a, "linenos=") {
			linenos = true
		}
	}
	code = trimLineBreaks(code)
	var body string
	if st.env.Highlight != nil && lang != "" {
		body = st.env.Highlight(lang, code+"\n")
	} else {
		body = html.EscapeString(code + "\n")
	}
	class := "code chroma"
	if lang != "" {
		class += " language-" + html.EscapeString(lang)
	}
	if linenos {
		class += " linenos"
		body = numberLines(body)
	}
	var b strings.Builder
	b.WriteString("<pre class=\"" + class + "\"")
	if lang != "" {
		b.WriteString(` data-lang="` + html.EscapeString(lang) + `"`)
	}
	b.WriteString("><code>")
	b.WriteString(body)
	b.WriteString("</code></pre>")
	return b.String(), nil
}

// trimLineBreaks removes the empty lines around code, as Jekyll does.
func trimLineBreaks(s string) string {
	s = strings.TrimRight(s, " \t\r\n")
	for {
		i := strings.IndexByte(s, '\n')
		if i < 0 || strings.TrimSpace(s[:i]) != "" {
			return s
		}
		s = s[i+1:]
	}
}

// numberLines wraps each line of highlighted HTML in <span class="code-line">
// for the CSS line counter. The highlighter closes every span at the end
// of its line, after the newline; moving the newline out first keeps
// every line's spans balanced.
func numberLines(h string) string {
	for strings.Contains(h, "\n</span>") {
		h = strings.ReplaceAll(h, "\n</span>", "</span>\n")
	}
	h = strings.TrimSuffix(h, "\n")
	lines := strings.Split(h, "\n")
	var b strings.Builder
	for _, l := range lines {
		b.WriteString(`<span class="code-line">` + l + "</span>\n")
	}
	return b.String()
}

// detailsTag is al-folio's {% details summary %}: a <details> whose body is
// markdown. The blank lines end the HTML blocks so markdown converts the
// body.
func detailsTag(ctx render.Context) (string, error) {
	body, err := ctx.InnerString()
	if err != nil {
		return "", err
	}
	summary := spanMarkdown(strings.TrimSpace(ctx.TagArgs()))
	return "<details><summary>" + summary + "</summary>\n\n" + strings.Trim(body, "\n") + "\n\n</details>", nil
}

// The summary of a details box sits in an HTML block, where markdown
// does not look; al-folio converts it, so spanMarkdown does for the spans
// a summary has: code, strong and emphasis.
var (
	codeSpanRE = regexp.MustCompile("`([^`]+)`")
	strongRE   = regexp.MustCompile(`\*\*([^*]+)\*\*|__([^_]+)__`)
	emRE       = regexp.MustCompile(`\*([^*]+)\*|\b_([^_]+)_\b`)
)

func spanMarkdown(s string) string {
	s = codeSpanRE.ReplaceAllStringFunc(s, func(m string) string {
		return "<code>" + html.EscapeString(m[1:len(m)-1]) + "</code>"
	})
	s = strongRE.ReplaceAllString(s, "<strong>$1$2</strong>")
	return emRE.ReplaceAllString(s, "<em>$1$2</em>")
}

// postURLTag is {% post_url 2018-12-22-distill %}: the URL of a post,
// named by its file name without extension.
func postURLTag(ctx render.Context) (string, error) {
	st := stateOf(ctx.Bindings())
	name := strings.TrimSpace(ctx.TagArgs())
	if exp, err := ctx.ExpandTagArg(); err == nil {
		name = strings.TrimSpace(exp)
	}
	dir, base := path.Split(name)
	var cands []string
	for _, ext := range []string{".md", ".markdown", ".html"} {
		cands = append(cands, path.Join("_posts", dir, base+ext), path.Join(dir, "_posts", base+ext), path.Join("content/posts", dir, base+ext))
	}
	for _, c := range cands {
		if u, ok := st.urlOf(c); ok {
			st.deps[c] = true
			return st.en.relativeURL(u), nil
		}
	}
	st.deps[cands[0]] = true // creating it fixes the link
	st.warnf(lineOf(ctx), "liquid", "{%% post_url %s %%}: no such post in _posts/", name)
	return "#", nil
}

// linkTag is {% link path %}: the URL of the page or file made from a
// site-relative source path.
func linkTag(ctx render.Context) (string, error) {
	st := stateOf(ctx.Bindings())
	rel, err := ctx.ExpandTagArg()
	if err != nil {
		rel = ctx.TagArgs()
	}
	rel = strings.TrimPrefix(strings.TrimSpace(rel), "/")
	if fs.ValidPath(rel) {
		st.deps[rel] = true
	}
	if u, ok := st.urlOf(rel); ok {
		return st.en.relativeURL(u), nil
	}
	if st.exists(rel) {
		return st.en.relativeURL("/" + rel), nil
	}
	st.warnf(lineOf(ctx), "liquid", "{%% link %s %%}: no such file in the site", rel)
	return "#", nil
}

// fileExistsTag is al-folio's {% file_exists path %}: "true" or "false".
func fileExistsTag(ctx render.Context) (string, error) {
	st := stateOf(ctx.Bindings())
	rel, err := ctx.ExpandTagArg()
	if err != nil {
		rel = ctx.TagArgs()
	}
	rel = strings.TrimPrefix(strings.TrimSpace(rel), "/")
	if fs.ValidPath(rel) {
		st.deps[rel] = true
	}
	if st.exists(rel) {
		return "true", nil
	}
	return "false", nil
}

func (st *state) urlOf(rel string) (string, bool) {
	if st.env.URLOf == nil {
		return "", false
	}
	return st.env.URLOf(rel)
}

func (st *state) exists(rel string) bool {
	if st.env.FS == nil || rel == "" || !fs.ValidPath(rel) {
		return false
	}
	_, err := fs.Stat(st.env.FS, rel)
	return err == nil
}

// citeKeys returns the keys of a jekyll-scholar tag; options (--file x,
// -l 23) and what follows them are not keys.
func citeKeys(args string) []string {
	var keys []string
	for _, f := range strings.Fields(args) {
		if strings.HasPrefix(f, "-") {
			break
		}
		keys = append(keys, f)
	}
	return keys
}

var citeKeyRE = regexp.MustCompile(`^[^\s",]+$`)

// dcite is the distill citation markup for keys.
func dcite(keys []string) string {
	var ok []string
	for _, k := range keys {
		if citeKeyRE.MatchString(k) {
			ok = append(ok, k)
		}
	}
	return `<d-cite key="` + html.EscapeString(strings.Join(ok, ",")) + `"></d-cite>`
}

// citeTag is jekyll-scholar's {% cite key … %} (and {% reference key %}):
// a distill citation, numbered and listed like every other.
func citeTag(ctx render.Context) (string, error) {
	st := stateOf(ctx.Bindings())
	keys := citeKeys(ctx.TagArgs())
	if len(keys) == 0 {
		st.warnf(lineOf(ctx), "cite", "{%% %s %%} without a key", ctx.TagName())
		return "", nil
	}
	if ctx.TagName() == "reference" {
		st.warnf(lineOf(ctx), "cite", "{%% reference %%} is shown as a citation; the full reference is in the reference list")
	}
	return dcite(keys), nil
}

// quoteTag is jekyll-scholar's {% quote key %}…{% endquote %}: a
// blockquote that ends with its citation.
func quoteTag(ctx render.Context) (string, error) {
	body, err := ctx.InnerString()
	if err != nil {
		return "", err
	}
	var b strings.Builder
	for _, l := range strings.Split(strings.Trim(body, "\n"), "\n") {
		b.WriteString(strings.TrimRight("> "+l, " ") + "\n")
	}
	if keys := citeKeys(ctx.TagArgs()); len(keys) > 0 {
		b.WriteString(">\n> <cite>" + dcite(keys) + "</cite>\n")
	}
	return b.String(), nil
}
