package server

import (
	"bytes"
	"encoding/json"
	"slices"
	"testing"
)

func TestRelevant(t *testing.T) {
	for _, tc := range []struct {
		rel  string
		want bool
	}{
		{"content/posts/2024-01-02-x.md", true},
		{"content/posts", true},
		{"content", true},
		{"assets/img/a.png", true},
		{"assets/bibliography/x.bib", true},
		{"themes/distill/layouts/post.html", true},
		{"distill.yaml", true},
		{"_config.yml", true},
		{"_posts/2018-12-22-distill.md", true},
		{"_bibliography/papers.bib", true},
		{"public/index.html", false},   // the output of distill build
		{"README.md", false},           // not read by the build
		{"node_modules/x/y.js", false}, // not a site folder
		{"content/posts/.x.md.swp", false},
		{"content/posts/x.md.swp", false},
		{"content/posts/x.md~", false},
		{"content/posts/4913", false},     // vim's write test
		{"content/posts/#x.md#", false},   // emacs autosave
		{"content/posts/.#x.md", false},   // emacs lock
		{"content/posts/x.md.tmp", false}, // atomic-save temporary
		{"content/.git/HEAD", false},      // hidden folder
		{"content/posts/x.md___jb_tmp___", false},
		{"content/posts/.DS_Store", false},
	} {
		if got := relevant(tc.rel); got != tc.want {
			t.Errorf("relevant(%q) = %v, want %v", tc.rel, got, tc.want)
		}
	}
}

func storeOf(files map[string]string) *store {
	s := newStore()
	for k, v := range files {
		s.files[k] = []byte(v)
	}
	return s
}

// TestClassify: what a rebuild's changed output tells the browsers.
func TestClassify(t *testing.T) {
	page := func(css string) string {
		return `<html><head><link rel="stylesheet" href="/` + css + `"></head><body>text</body></html>`
	}
	for _, tc := range []struct {
		name      string
		old, next map[string]string
		base      string
		css       []cssSwap
		pages     []string
		assets    []string
	}{
		{
			name:  "page edited",
			old:   map[string]string{"blog/x/index.html": "<p>a</p>", "index.html": "home"},
			next:  map[string]string{"blog/x/index.html": "<p>b</p>", "index.html": "home"},
			pages: []string{"/blog/x/"},
		},
		{
			name:  "under a baseurl",
			old:   map[string]string{"index.html": "a", "404.html": "x"},
			next:  map[string]string{"index.html": "b", "404.html": "y"},
			base:  "/repo",
			pages: []string{"/repo/404.html", "/repo/"},
		},
		{
			name: "stylesheet renamed: swap, no reload",
			old: map[string]string{
				"assets/css/distill.0123abcd.css": "a{}", "index.html": page("assets/css/distill.0123abcd.css"),
				"blog/x/index.html": page("assets/css/distill.0123abcd.css"),
			},
			next: map[string]string{
				"assets/css/distill.89abcdef.css": "b{}", "index.html": page("assets/css/distill.89abcdef.css"),
				"blog/x/index.html": page("assets/css/distill.89abcdef.css"),
			},
			css: []cssSwap{{From: "/assets/css/distill.0123abcd.css", To: "/assets/css/distill.89abcdef.css"}},
		},
		{
			name: "stylesheet renamed and a page edited",
			old: map[string]string{
				"assets/css/distill.0123abcd.css": "a{}", "blog/x/index.html": page("assets/css/distill.0123abcd.css"),
			},
			next: map[string]string{
				"assets/css/distill.89abcdef.css": "b{}", "blog/x/index.html": page("assets/css/distill.89abcdef.css") + "more",
			},
			css:   []cssSwap{{From: "/assets/css/distill.0123abcd.css", To: "/assets/css/distill.89abcdef.css"}},
			pages: []string{"/blog/x/"},
		},
		{
			name: "stylesheet changed in place",
			old:  map[string]string{"assets/site.css": "a{}"},
			next: map[string]string{"assets/site.css": "b{}"},
			css:  []cssSwap{{From: "/assets/site.css", To: "/assets/site.css"}},
		},
		{
			name:   "image changed, page removed",
			old:    map[string]string{"assets/img/a.png": "1", "old/index.html": "x"},
			next:   map[string]string{"assets/img/a.png": "2"},
			pages:  []string{"/old/"},
			assets: []string{"/assets/img/a.png"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			old, next := storeOf(tc.old), storeOf(tc.next)
			for k := range tc.next {
				next.written[k] = true
			}
			var css []cssSwap
			var rl reloadData
			for _, ev := range classify(next.diff(old), old, next, tc.base) {
				switch ev.name {
				case evCSS:
					var d cssData
					_ = json.Unmarshal(ev.data, &d)
					css = d.Swap
				case evReload:
					_ = json.Unmarshal(ev.data, &rl)
				}
			}
			if !slices.Equal(css, tc.css) {
				t.Errorf("css %v, want %v", css, tc.css)
			}
			if !slices.Equal(rl.Pages, tc.pages) {
				t.Errorf("pages %v, want %v", rl.Pages, tc.pages)
			}
			if !slices.Equal(rl.Assets, tc.assets) {
				t.Errorf("assets %v, want %v", rl.Assets, tc.assets)
			}
		})
	}
}

func TestInject(t *testing.T) {
	for _, tc := range []struct {
		name, page, rel, base, want string
	}{
		{"before the last body end", "<body><p>x</p></body></html>", "index.html", "",
			`<body><p>x</p><script src="/__distill/reload.js" data-page="/" data-base=""></script></body></html>`},
		{"any case", "<BODY>x</BODY>", "blog/a/index.html", "/repo",
			`<BODY>x<script src="/__distill/reload.js" data-page="/repo/blog/a/" data-base="/repo"></script></BODY>`},
		{"no body end", "<p>x", "404.html", "",
			`<p>x<script src="/__distill/reload.js" data-page="/404.html" data-base=""></script>`},
	} {
		if got := string(inject([]byte(tc.page), tc.rel, tc.base)); got != tc.want {
			t.Errorf("%s:\n got %s\nwant %s", tc.name, got, tc.want)
		}
	}
}

func TestResolve(t *testing.T) {
	for _, tc := range []struct {
		path, want string
		ok         bool
	}{
		{"/", "index.html", true},
		{"/blog/x/", "blog/x/index.html", true},
		{"/feed.xml", "feed.xml", true},
		{"/a//b", "a/b", true},
		{"/../etc/passwd", "", false},
		{"/a/../../b", "", false},
		{"/a\\..\\b", "", false},
		{"/a\x00", "", false},
	} {
		got, ok := Resolve(tc.path)
		if got != tc.want || ok != tc.ok {
			t.Errorf("Resolve(%q) = %q, %v; want %q, %v", tc.path, got, ok, tc.want, tc.ok)
		}
	}
}

// TestBuildOutputHasNoScript: the live-reload script is added when a
// page is served, never written by a build.
func TestBuildOutputHasNoScript(t *testing.T) {
	r := start(t, smallSite(t), serveOpt)
	files, _ := r.current()
	if len(files.files) < 10 {
		t.Fatalf("only %d files built", len(files.files))
	}
	for rel, data := range files.files {
		if bytes.Contains(data, []byte(reservedPrefix)) {
			t.Errorf("%s: the build output holds the live-reload script", rel)
		}
	}
}
