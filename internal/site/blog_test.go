package site

import (
	"bytes"
	"encoding/json"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/distill-dev/distill/internal/frontmatter"
	"github.com/distill-dev/distill/internal/output"
)

// blogFixture is a small blog with every page kind: featured posts,
// thumbnails, categories, redirects both ways, drafts, a future post.
const blogFixture = "testdata/blog"

func buildBlog(t *testing.T, opt Options) (*Result, *output.Mem) {
	t.Helper()
	opt.FS = os.DirFS(blogFixture)
	return buildSample(t, opt)
}

func get(t *testing.T, mem *output.Mem, file string) string {
	t.Helper()
	b, ok := mem.Get(file)
	if !ok {
		t.Fatalf("no file %s", file)
	}
	return string(b)
}

// TestBlogPages checks each generated page kind of the fixture blog.
func TestBlogPages(t *testing.T) {
	_, mem := buildBlog(t, Options{})
	tests := []struct {
		name, file  string
		has, hasNot []string
	}{
		{name: "home: featured pinned, newest first, redirect posts link out", file: "index.html",
			has: []string{
				`<section class="featured"`, `href="/blog/2015/first-steps/">First steps</a>`,
				`<img src="/assets/img/thumb.svg"`, "1 min read",
				`href="https://example.org/elsewhere">A post elsewhere</a> <span class="post-item-out"`,
				`href="/blog/2016/on-gradients/">Renamed post</a></h2>`,
				`<a rel="next" href="/blog/page/2/">`, "page 1 of 3",
				`href="/blog/category/notes/">notes</a>`, `href="/blog/tag/go/">#go</a>`,
			},
			hasNot: []string{"From the future", "Unpublished", "A draft", "In the drafts folder"}},
		{name: "blog page 1 also pins featured", file: "blog/index.html", has: []string{`<section class="featured"`, "page 1 of 3"}},
		{name: "blog page 2: no featured block", file: "blog/page/2/index.html",
			has:    []string{"page 2 of 3", `rel="prev" href="/blog/"`, `rel="next" href="/blog/page/3/"`, "On gradients", "Second post"},
			hasNot: []string{`<section class="featured"`}},
		{name: "tag index with counts", file: "blog/tag/index.html",
			has: []string{`<a href="/blog/tag/go/">#go</a> <span class="count">4</span>`, `<a href="/blog/tag/math/">#math</a> <span class="count">3</span>`}},
		{name: "tag page: count, pager and its feeds", file: "blog/tag/go/index.html",
			has: []string{"4 posts tagged go", "page 1 of 2", `href="/blog/tag/go/feed.xml"`, `href="/blog/tag/go/rss.xml"`, `href="/blog/tag/go/feed.json"`,
				`<link rel="alternate" type="application/atom+xml" title="Fixture Blog · #go" href="/blog/tag/go/feed.xml">`}},
		{name: "category index with counts", file: "blog/category/index.html",
			has: []string{`<a href="/blog/category/notes/">notes</a> <span class="count">2</span>`, `<a href="/blog/category/tutorials/">tutorials</a> <span class="count">1</span>`}},
		{name: "category page", file: "blog/category/notes/index.html", has: []string{"2 posts in notes", "First steps", "Second post"}},
		{name: "year archive grouped by month", file: "blog/2016/index.html",
			has: []string{"2 posts from 2016", "<h2>July 2016</h2>", "<h2>May 2016</h2>", `<time datetime="2016-07-01">Jul 1</time> <a href="/blog/2016/on-gradients/">`}},
		{name: "archive index: the years with counts", file: "blog/archive/index.html",
			has: []string{`<a href="/blog/2017/">2017</a> <span class="count">2</span>`, `<a href="/blog/2015/">2015</a> <span class="count">1</span>`}},
		{name: "search page loads its own script, not in the bundle", file: "search/index.html",
			has: []string{`<form class="search-form" action="/search/"`, `<script defer src="/assets/theme/js/page/search.js"></script>`, "<noscript>"}},
		{name: "post with related posts", file: "blog/2015/first-steps/index.html",
			has: []string{`<section class="related-posts"`, `<a href="/blog/2016/on-gradients/">On gradients</a>`, `<a href="/blog/2016/second-post/">Second post</a>`}},
		{name: "related_posts: false", file: "blog/2016/on-gradients/index.html", hasNot: []string{"related-posts"}},
		{name: "redirect_from alias", file: "old/second.html",
			has: []string{`<meta http-equiv="refresh" content="0; url=/blog/2016/second-post/">`, `<link rel="canonical" href="https://example.github.io/blog/2016/second-post/">`,
				`<meta name="robots" content="noindex">`, `<a href="/blog/2016/second-post/">Second post</a>`}},
		{name: "redirect_from alias as a folder", file: "2016/second/index.html", has: []string{`url=/blog/2016/second-post/`}},
		{name: "redirect_from on a page", file: "about-me/index.html", has: []string{`url=/about/`}},
		{name: "redirect: to another site", file: "blog/2017/elsewhere/index.html",
			has: []string{`<meta http-equiv="refresh" content="0; url=https://example.org/elsewhere">`, `<link rel="canonical" href="https://example.org/elsewhere">`}},
		{name: "redirect: within the site", file: "blog/2017/renamed/index.html",
			has: []string{`url=/blog/2016/on-gradients/`, `<link rel="canonical" href="https://example.github.io/blog/2016/on-gradients/">`}},
		{name: "post card uses the thumbnail", file: "blog/2015/first-steps/index.html",
			has: []string{`<meta property="og:image" content="https://example.github.io/assets/img/thumb.svg">`, `<meta name="twitter:card" content="summary_large_image">`,
				`<link rel="canonical" href="https://example.github.io/blog/2015/first-steps/">`, `<meta property="og:url" content="https://example.github.io/blog/2015/first-steps/">`}},
		{name: "other pages use the site image", file: "blog/tag/index.html",
			has: []string{`<meta property="og:image" content="https://example.github.io/assets/img/card.svg">`, `<meta property="og:title" content="Tags">`,
				`<link rel="alternate" type="application/rss+xml"`, `<link rel="alternate" type="application/feed+json"`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			page := get(t, mem, tc.file)
			for _, s := range tc.has {
				if !strings.Contains(page, s) {
					t.Errorf("%s lacks %q", tc.file, s)
				}
			}
			for _, s := range tc.hasNot {
				if strings.Contains(page, s) {
					t.Errorf("%s has %q", tc.file, s)
				}
			}
		})
	}
	sm := get(t, mem, "sitemap.xml")
	for _, s := range []string{"/old/second.html", "/about-me/", "/blog/2017/elsewhere/", "404"} {
		if strings.Contains(sm, s) {
			t.Errorf("sitemap lists %s", s)
		}
	}
	if !strings.Contains(sm, "<loc>https://example.github.io/blog/2016/</loc><lastmod>2016-07-01</lastmod>") {
		t.Error("sitemap lacks the 2016 archive with its lastmod")
	}
	if robots := get(t, mem, "robots.txt"); !strings.Contains(robots, "Sitemap: https://example.github.io/sitemap.xml") {
		t.Errorf("robots.txt = %q", robots)
	}
	if js := get(t, mem, "assets/theme/js/page/search.js"); !strings.Contains(js, "search.json") {
		t.Error("search.js not written")
	}
	for _, f := range mem.Files() {
		if strings.HasPrefix(f, "assets/js/distill.") && strings.Contains(get(t, mem, f), "search.json") {
			t.Errorf("the search script is in the shared bundle %s", f)
		}
	}
}

// TestBlogDrafts: drafts (front matter or _drafts/), future and
// unpublished posts are built only when asked for.
func TestBlogDrafts(t *testing.T) {
	hidden := map[string]string{
		"blog/2099/from-the-future/index.html": "future",
		"blog/2018/unpublished/index.html":     "drafts",
		"blog/2018/a-draft/index.html":         "drafts",
		"blog/2018/in-drafts/index.html":       "drafts",
	}
	for _, opt := range []Options{{}, {Drafts: true}, {Future: true}} {
		res, mem := buildBlog(t, opt)
		for file, flag := range hidden {
			_, ok := mem.Get(file)
			want := (flag == "drafts" && opt.Drafts) || (flag == "future" && opt.Future)
			if ok != want {
				t.Errorf("drafts=%v future=%v: %s built = %v, want %v", opt.Drafts, opt.Future, file, ok, want)
			}
		}
		if n := len(res.Posts); opt == (Options{}) && n != 5 {
			t.Errorf("%d posts published, want 5", n)
		}
	}
}

func TestLinkRelated(t *testing.T) {
	post := func(name string, tags ...string) *Page {
		return &Page{Title: name, Tags: tags}
	}
	off := false
	// Newest first, as linkRelated expects.
	a := post("a", "go", "math")
	b := post("b", "go")
	c := post("c", "go", "math")
	d := post("d", "math", "go")
	d.Meta.RelatedPosts = &off
	e := post("e", "art")
	f := post("f", "Go", "go") // the same tag twice counts once
	g := post("g", "go", "math")
	g.Meta.Redirect = "https://x.org" // never related
	posts := []*Page{g, a, b, c, d, e, f}
	linkRelated(posts)
	names := func(ps []*Page) string {
		var s []string
		for _, p := range ps {
			s = append(s, p.Title)
		}
		return strings.Join(s, " ")
	}
	tests := []struct {
		p    *Page
		want string
	}{
		{a, "c d b"}, // two shared tags first (c newer than d), then one
		{b, "a c d"}, // one tag each: newest first
		{d, ""},      // related_posts: false
		{e, ""},      // no shared tag: nothing, not the newest posts
		{f, "a b c"}, // one distinct tag
		{c, "a d b"}, // never itself
		{g, "a c d"}, // a redirect post still gets its list
	}
	for _, tc := range tests {
		if got := names(tc.p.Related); got != tc.want {
			t.Errorf("related(%s) = %q, want %q", tc.p.Title, got, tc.want)
		}
	}
}

func TestAliasURL(t *testing.T) {
	tests := map[string]string{
		"/old/x.html":          "/old/x.html",
		"old/x.html":           "/old/x.html",
		"/old/dir/":            "/old/dir/",
		"/a/../../b/":          "/b/",
		" /spaced/ ":           "/spaced/",
		"/x#frag":              "/x",
		"https://other.org/x/": "",
		"/":                    "",
		"":                     "",
	}
	for in, want := range tests {
		if got := aliasURL(in); got != want {
			t.Errorf("aliasURL(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestRelURL(t *testing.T) {
	tests := map[string]string{
		"assets/img/x.jpg":      "/assets/img/x.jpg",
		"/assets/img/x.jpg":     "/assets/img/x.jpg",
		"https://cdn.org/x.jpg": "https://cdn.org/x.jpg",
		"#top":                  "#top",
		"":                      "",
	}
	for in, want := range tests {
		if got := relURL(in); got != want {
			t.Errorf("relURL(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSearchIndex(t *testing.T) {
	_, mem := buildBlog(t, Options{Minify: true})
	var idx struct {
		V    int         `json:"v"`
		Docs []searchDoc `json:"docs"`
	}
	if err := json.Unmarshal([]byte(get(t, mem, SearchIndexFile)), &idx); err != nil {
		t.Fatal(err)
	}
	var urls []string
	byURL := map[string]searchDoc{}
	for _, d := range idx.Docs {
		urls = append(urls, d.URL)
		byURL[d.URL] = d
	}
	if want := "/blog/2016/on-gradients/ /blog/2016/second-post/ /blog/2015/first-steps/ /about/"; strings.Join(urls, " ") != want {
		t.Errorf("index URLs = %q, want %q (posts newest first, then pages; no redirects)", strings.Join(urls, " "), want)
	}
	d := byURL["/blog/2015/first-steps/"]
	if idx.V != 1 || d.Title != "First steps" || d.Desc != "Where it all began." || strings.Join(d.Tags, ",") != "go,math" ||
		strings.Join(d.Headings, ",") != "Getting started" || d.Date != "2015-03-01" {
		t.Errorf("doc = %+v", d)
	}
	if !strings.HasPrefix(d.Excerpt, "The first post, with a link to the second and a footnote. An image:") {
		t.Errorf("excerpt = %q (footnote numbers and hover cards are not prose)", d.Excerpt)
	}
	if x := byURL["/blog/2016/on-gradients/"].Excerpt; strings.Contains(x, "eta") || strings.Contains(x, "<") {
		t.Errorf("math or markup in the excerpt: %q", x)
	}
}

func TestPlainText(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"blocks become spaces", "<p>One.</p><p>Two <em>three</em>.</p>", "One. Two three."},
		{"entities decoded", "<p>A &amp; B &lt;c&gt; &#8212; d</p>", "A & B <c> — d"},
		{"math, code and scripts skipped", `<p>x <math><mi>x</mi></math> y</p><pre><code>code</code></pre><script>s()</script><p>z</p>`, "x y z"},
		{"nested skipped elements", "<svg><g><svg><text>a</text></svg></g></svg>b", "b"},
		{"hover cards and hidden text skipped", `a<span class="hover-card" role="tooltip">card <span>x</span></span> <span aria-hidden="true">h</span>b`, "a b"},
		{"comments skipped", "a<!-- <p>x</p> -->b", "ab"},
		{"unclosed tag ends the text", "a <p", "a"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := plainText(tc.in); got != tc.want {
				t.Errorf("plainText = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestExcerpt(t *testing.T) {
	tests := []struct {
		in   string
		n    int
		want string
	}{
		{"short", 10, "short"},
		{"one two three four", 12, "one two…"},
		{"one, two; three", 10, "one, two…"},
		{"ééééé", 5, "éé…"}, // never cuts a rune
	}
	for _, tc := range tests {
		if got := excerpt(tc.in, tc.n); got != tc.want {
			t.Errorf("excerpt(%q, %d) = %q, want %q", tc.in, tc.n, got, tc.want)
		}
	}
}

func TestAbsolutize(t *testing.T) {
	self, root := "https://x.org/repo/blog/2016/p/", "https://x.org/repo"
	tests := []struct{ in, want string }{
		{`<a href="/blog/">`, `<a href="https://x.org/repo/blog/">`},
		{`<a href="#fn-1">`, `<a href="https://x.org/repo/blog/2016/p/#fn-1">`},
		{`<img src="fig.png">`, `<img src="https://x.org/repo/blog/2016/p/fig.png">`},
		{`<a href="../../2015/q/">`, `<a href="https://x.org/repo/blog/2015/q/">`},
		{`<a href="https://go.dev">`, `<a href="https://go.dev">`},
		{`<a href="mailto:a@b.org">`, `<a href="mailto:a@b.org">`},
		{`<script src="//cdn.org/x.js">`, `<script src="//cdn.org/x.js">`},
		{`<img srcset="/a.png 1x, b.png 2x">`, `<img srcset="https://x.org/repo/a.png 1x, https://x.org/repo/blog/2016/p/b.png 2x">`},
		{`<video poster="/p.jpg">`, `<video poster="https://x.org/repo/p.jpg">`},
	}
	for _, tc := range tests {
		if got := absolutize(tc.in, self, root); got != tc.want {
			t.Errorf("absolutize(%s) = %s, want %s", tc.in, got, tc.want)
		}
	}
}

func TestByMonth(t *testing.T) {
	_, mem := buildBlog(t, Options{})
	page := get(t, mem, "blog/2017/index.html")
	if strings.Count(page, `<section class="archive-month">`) != 2 {
		t.Errorf("2017 archive should have two months:\n%s", page)
	}
}

// TestAliasCollision: an alias that lands on a page is an error naming
// the source of the alias.
func TestAliasCollision(t *testing.T) {
	pages := []*Page{
		{Kind: KindPost, Source: "content/posts/a.md", URL: "/a/", OutPath: "a/index.html", Meta: frontmatter.Meta{RedirectFrom: []string{"/b/"}}},
		{Kind: KindPost, Source: "content/posts/b.md", URL: "/b/", OutPath: "b/index.html"},
	}
	all := append(pages, redirectPages(pages)...)
	ds := checkCollisions(all)
	if len(ds) != 1 || ds[0].File != "content/posts/a.md" {
		t.Errorf("diags = %v", ds)
	}
}

var rootRelative = regexp.MustCompile(`\b(?:href|src)=\\?"(/[^/]|#)`)

// TestFeedContentIsAbsolute: feed readers show content away from the
// site, so no feed has a root-relative or fragment-only link.
func TestFeedContentIsAbsolute(t *testing.T) {
	base := "/myrepo"
	_, mem := buildBlog(t, Options{BaseURL: &base})
	for _, f := range feedFiles(mem) {
		body := get(t, mem, f)
		if m := rootRelative.FindString(strings.ReplaceAll(body, "&#34;", `"`)); m != "" {
			t.Errorf("%s has a relative link: %s", f, m)
		}
	}
	feed := get(t, mem, "feed.xml")
	for _, s := range []string{
		"https://example.github.io/myrepo/blog/2016/second-post/", // a link written /blog/…
		"https://example.github.io/myrepo/blog/2015/first-steps/#fn-1",
		"https://example.github.io/myrepo/assets/img/thumb.svg",
	} {
		if !strings.Contains(feed, s) {
			t.Errorf("feed.xml lacks %s", s)
		}
	}
}

func feedFiles(mem *output.Mem) []string {
	var out []string
	for _, f := range mem.Files() {
		if strings.HasSuffix(f, AtomFile) || strings.HasSuffix(f, RSSFile) || strings.HasSuffix(f, JSONFile) {
			out = append(out, f)
		}
	}
	return out
}

func TestFeedsOfTags(t *testing.T) {
	_, mem := buildBlog(t, Options{})
	var doc struct {
		Title string `json:"title"`
		Items []struct {
			Title string `json:"title"`
		} `json:"items"`
	}
	if err := json.Unmarshal([]byte(get(t, mem, "blog/tag/math/feed.json")), &doc); err != nil {
		t.Fatal(err)
	}
	var titles []string
	for _, it := range doc.Items {
		titles = append(titles, it.Title)
	}
	if got := strings.Join(titles, "|"); doc.Title != "Fixture Blog · #math" || got != "Renamed post|On gradients|First steps" {
		t.Errorf("math feed %q: %q", doc.Title, got)
	}
	if b := []byte(get(t, mem, "feed.xml")); bytes.Count(b, []byte("<entry>")) != 5 {
		t.Errorf("site feed has %d entries, want 5", bytes.Count(b, []byte("<entry>")))
	}
}
