// Package check verifies a built site before it is deployed: every internal
// link and asset (href, src, srcset, poster) of every HTML page resolves to
// a file of the output, every #fragment names an id on its target page,
// root-relative links carry the site's baseurl, and the absolute URLs of the
// site itself (canonical links, feeds, the sitemap) point at files that
// exist. It reads the output through an fs.FS, so tests check a build in
// memory and `distill check` a folder on disk.
package check

import (
	"fmt"
	"html"
	"io/fs"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strings"
)

// Options say what the site's own URLs look like.
type Options struct {
	// BaseURL is "" or the project-site prefix ("/repo"); root-relative
	// links must start with it.
	BaseURL string
	// SiteURL is the absolute URL of the site root with its baseurl
	// ("https://me.github.io/repo"); absolute URLs under it are checked
	// as internal ones. "" checks none.
	SiteURL string
}

// Problem is one broken link, in the file that holds it.
type Problem struct {
	File string
	Msg  string
}

func (p Problem) String() string { return p.File + ": " + p.Msg }

// Report is the outcome of a check.
type Report struct {
	Problems []Problem
	Files    int // files read (HTML, XML, JSON, text)
	Links    int // internal links followed
}

var (
	htmlURL = regexp.MustCompile(`\b(href|src|srcset|poster)\s*=\s*(?:"([^"]*)"|'([^']*)')`)
	idAttr  = regexp.MustCompile(`\b(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)')`)
	absURL  = regexp.MustCompile(`https?://[^\s"'<>\\)]+`)
	metaURL = regexp.MustCompile(`\bcontent\s*=\s*"(https?://[^"]*)"`)
	baseAt  = regexp.MustCompile(`<html[^>]*\bdata-baseurl="([^"]*)"`)
	canonAt = regexp.MustCompile(`<link rel="?canonical"? href="([^"]+)"`)
)

// Detect reads the options from the built home page: the baseurl the theme
// writes on <html data-baseurl> and the site URL of its canonical link.
func Detect(fsys fs.FS) Options {
	var o Options
	b, err := fs.ReadFile(fsys, "index.html")
	if err != nil {
		return o
	}
	if m := baseAt.FindSubmatch(b); m != nil {
		o.BaseURL = strings.TrimRight(string(m[1]), "/")
	}
	if m := canonAt.FindSubmatch(b); m != nil {
		canon := html.UnescapeString(string(m[1]))
		if u, err := url.Parse(canon); err == nil && u.Host != "" && strings.TrimRight(u.Path, "/") == o.BaseURL {
			o.SiteURL = strings.TrimRight(canon, "/")
		}
	}
	return o
}

// Site checks every file of a built site.
func Site(fsys fs.FS, opt Options) (*Report, error) {
	c := &checker{fsys: fsys, opt: opt, ids: map[string]map[string]bool{}, rep: &Report{}}
	c.opt.BaseURL = strings.TrimRight(opt.BaseURL, "/")
	c.opt.SiteURL = strings.TrimRight(opt.SiteURL, "/")
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		switch path.Ext(p) {
		case ".html":
			return c.page(p)
		case ".xml", ".json", ".txt":
			return c.data(p)
		}
		return nil
	})
	slices.SortStableFunc(c.rep.Problems, func(a, b Problem) int { return strings.Compare(a.File, b.File) })
	return c.rep, err
}

type checker struct {
	fsys fs.FS
	opt  Options
	ids  map[string]map[string]bool // file → ids, read once
	rep  *Report
}

func (c *checker) problem(file, format string, args ...any) {
	c.rep.Problems = append(c.rep.Problems, Problem{File: file, Msg: fmt.Sprintf(format, args...)})
}

// page checks the links of one HTML file.
func (c *checker) page(file string) error {
	b, err := fs.ReadFile(c.fsys, file)
	if err != nil {
		return err
	}
	c.rep.Files++
	for _, m := range htmlURL.FindAllSubmatch(b, -1) {
		val := string(m[2]) + string(m[3])
		if string(m[1]) != "srcset" {
			c.link(file, html.UnescapeString(val))
			continue
		}
		for _, cand := range strings.Split(val, ",") {
			if f := strings.Fields(cand); len(f) > 0 {
				c.link(file, html.UnescapeString(f[0]))
			}
		}
	}
	if site := c.opt.SiteURL; site != "" {
		// og:url, og:image and the like.
		for _, m := range metaURL.FindAllSubmatch(b, -1) {
			if u := html.UnescapeString(string(m[1])); u == site || strings.HasPrefix(u, site+"/") {
				c.link(file, u)
			}
		}
	}
	return nil
}

// data checks the site's absolute URLs in a feed, sitemap or robots.txt.
func (c *checker) data(file string) error {
	if c.opt.SiteURL == "" {
		return nil
	}
	b, err := fs.ReadFile(c.fsys, file)
	if err != nil {
		return err
	}
	c.rep.Files++
	// Feeds hold HTML escaped once as XML text (&lt;a href=&#34;…&#34;&gt;):
	// unescape it before looking for URLs, so they end where the HTML
	// attribute does.
	b = []byte(html.UnescapeString(string(b)))
	for _, m := range absURL.FindAll(b, -1) {
		u := string(m)
		if u == c.opt.SiteURL || strings.HasPrefix(u, c.opt.SiteURL+"/") {
			c.link(file, u)
		}
	}
	return nil
}

// link checks one URL found in file.
func (c *checker) link(file, u string) {
	u = strings.TrimSpace(u)
	orig := u
	if site := c.opt.SiteURL; site != "" && (u == site || strings.HasPrefix(u, site+"/") || strings.HasPrefix(u, site+"#")) {
		u = c.opt.BaseURL + "/" + strings.TrimPrefix(strings.TrimPrefix(u, site), "/")
	}
	if u == "" || u == "#" || strings.HasPrefix(u, "//") || hasScheme(u) {
		return
	}
	c.rep.Links++
	target, frag, _ := strings.Cut(u, "#")
	target, _, _ = strings.Cut(target, "?")
	if t, err := url.PathUnescape(target); err == nil {
		target = t
	}
	var rel string
	switch {
	case target == "":
		rel = file
	case strings.HasPrefix(target, "/"):
		if base := c.opt.BaseURL; base != "" {
			if target != base && !strings.HasPrefix(target, base+"/") {
				c.problem(file, "link %q lacks the baseurl %s", orig, base)
				return
			}
			target = strings.TrimPrefix(target, base)
		}
		rel = strings.TrimPrefix(path.Clean("/"+target), "/")
		if strings.HasSuffix(target, "/") && rel != "" {
			rel += "/"
		}
	default:
		rel = path.Join(path.Dir(file), target)
		if strings.HasSuffix(target, "/") {
			rel += "/"
		}
	}
	resolved, ok := c.resolve(rel)
	if !ok {
		c.problem(file, "link %q: no file %s", orig, wantFile(rel))
		return
	}
	if frag != "" && path.Ext(resolved) == ".html" && !c.hasID(resolved, frag) {
		c.problem(file, "link %q: no id %q in %s", orig, frag, resolved)
	}
}

// wantFile names the file a site path needs, for messages.
func wantFile(rel string) string {
	if rel == "" || strings.HasSuffix(rel, "/") {
		return rel + "index.html"
	}
	return rel
}

// resolve finds the file a site path is served from, as GitHub Pages does:
// "dir/" and "dir" serve dir/index.html, "x" also serves x.html.
func (c *checker) resolve(rel string) (string, bool) {
	rel = strings.TrimSuffix(rel, "/")
	if rel == "" || rel == "." {
		return "index.html", c.exists("index.html")
	}
	for _, cand := range []string{rel, rel + "/index.html", rel + ".html"} {
		if c.exists(cand) {
			return cand, true
		}
	}
	return "", false
}

func (c *checker) exists(rel string) bool {
	st, err := fs.Stat(c.fsys, rel)
	return err == nil && !st.IsDir()
}

// hasID reports whether an HTML file has an element with the id (or an
// anchor with the name) frag, raw or percent-decoded.
func (c *checker) hasID(file, frag string) bool {
	ids, ok := c.ids[file]
	if !ok {
		ids = map[string]bool{}
		b, _ := fs.ReadFile(c.fsys, file)
		for _, m := range idAttr.FindAllSubmatch(b, -1) {
			ids[html.UnescapeString(string(m[1])+string(m[2]))] = true
		}
		c.ids[file] = ids
	}
	if ids[frag] {
		return true
	}
	dec, err := url.PathUnescape(frag)
	return err == nil && ids[dec]
}

// hasScheme reports whether u starts with a URL scheme (https:, mailto:,
// data:, javascript:, …): such links are not the site's files.
func hasScheme(u string) bool {
	for i, r := range u {
		switch {
		case r == ':':
			return i > 0
		case 'a' <= r && r <= 'z', 'A' <= r && r <= 'Z', i > 0 && ('0' <= r && r <= '9' || r == '+' || r == '-' || r == '.'):
		default:
			return false
		}
	}
	return false
}
