package check

import (
	"strings"
	"testing"
	"testing/fstest"
)

func site(files map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for name, body := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(body)}
	}
	return fsys
}

const home = `<!doctype html><html data-baseurl="/repo"><head><link rel="canonical" href="https://me.github.io/repo/"></head><body id="top"></body></html>`

func TestSite(t *testing.T) {
	opt := Options{BaseURL: "/repo", SiteURL: "https://me.github.io/repo"}
	tests := []struct {
		name  string
		page  string // body of a/index.html
		extra map[string]string
		want  []string // substrings of the problems, in order; none means clean
	}{
		{name: "good links of every form", page: `<a href="/repo/">home</a> <a href="../b/x.html">rel</a> <a href="/repo/b/x.html#sec">frag</a>
			<a href="#here">self</a><p id="here"></p><img src='/repo/i.png'> <img srcset="/repo/i.png 1x, /repo/i.png 2x">
			<a href="/repo/b">dir without slash</a> <a href="/repo/b/x">no .html</a> <a href="/repo/b/?q=1&amp;r=2">query</a>
			<a href="https://elsewhere.org/x">external</a> <a href="mailto:me@x.org">mail</a> <a href="data:,x">data</a> <a href="//cdn.org/x.js">cdn</a>
			<meta property="og:image" content="https://me.github.io/repo/i.png"> <a href="https://me.github.io/repo/b/x.html#sec">absolute</a>`},
		{name: "missing file", page: `<a href="/repo/nope/">x</a>`, want: []string{`link "/repo/nope/": no file nope/index.html`}},
		{name: "missing fragment", page: `<a href="/repo/b/x.html#gone">x</a>`, want: []string{`no id "gone" in b/x.html`}},
		{name: "missing fragment on the page itself", page: `<a href="#gone">x</a>`, want: []string{`no id "gone" in a/index.html`}},
		{name: "root-relative link without the baseurl", page: `<a href="/b/x.html">x</a>`, want: []string{`lacks the baseurl /repo`}},
		{name: "missing relative image", page: `<img src="pic.png">`, want: []string{`no file a/pic.png`}},
		{name: "missing srcset candidate", page: `<img srcset="/repo/i.png 1x, /repo/j.png 2x">`, want: []string{`no file j.png`}},
		{name: "missing social image", page: `<meta property="og:image" content="https://me.github.io/repo/card.png">`, want: []string{`no file card.png`}},
		{name: "feed entry to a missing page", extra: map[string]string{"feed.xml": `<feed><link href="https://me.github.io/repo/gone/"/><link href="https://other.org/x"/></feed>`},
			want: []string{`feed.xml: link "https://me.github.io/repo/gone/": no file gone/index.html`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			files := map[string]string{
				"index.html":    home,
				"a/index.html":  "<html><body>" + tc.page + "</body></html>",
				"b/index.html":  "<html></html>",
				"b/x.html":      `<html><h2 id="sec">S</h2></html>`,
				"i.png":         "png",
				"sitemap.xml":   `<urlset><url><loc>https://me.github.io/repo/b/x.html</loc></url></urlset>`,
				"robots.txt":    "Sitemap: https://me.github.io/repo/sitemap.xml\n",
				"assets/x.json": `{"u":"https://me.github.io/repo/i.png"}`,
			}
			for k, v := range tc.extra {
				files[k] = v
			}
			rep, err := Site(site(files), opt)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, p := range rep.Problems {
				got = append(got, p.String())
			}
			if len(got) != len(tc.want) {
				t.Fatalf("problems:\n%s\nwant %d matching %q", strings.Join(got, "\n"), len(tc.want), tc.want)
			}
			for i, w := range tc.want {
				if !strings.Contains(got[i], w) {
					t.Errorf("problem %d = %q, want it to contain %q", i, got[i], w)
				}
			}
			if rep.Links < 4 {
				t.Errorf("only %d links followed", rep.Links)
			}
		})
	}
}

func TestDetect(t *testing.T) {
	tests := []struct {
		name, index string
		want        Options
	}{
		{"project site", home, Options{BaseURL: "/repo", SiteURL: "https://me.github.io/repo"}},
		{"user site", `<html lang="en" data-baseurl=""><link rel="canonical" href="https://me.github.io/">`, Options{SiteURL: "https://me.github.io"}},
		{"minified, unquoted rel", `<html data-baseurl=""><link rel=canonical href="https://x.org/">`, Options{SiteURL: "https://x.org"}},
		{"canonical of another path is not the root", `<html data-baseurl=""><link rel="canonical" href="https://x.org/blog/">`, Options{}},
		{"no theme markers", `<html>`, Options{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Detect(site(map[string]string{"index.html": tc.index})); got != tc.want {
				t.Errorf("Detect = %+v, want %+v", got, tc.want)
			}
		})
	}
	if got := Detect(site(nil)); got != (Options{}) {
		t.Errorf("no index.html: %+v", got)
	}
}
