package site

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/distill-dev/distill/internal/check"
	"github.com/distill-dev/distill/internal/output"
)

// repoRoot is the sample site: the repository root.
const repoRoot = "../.."

var fixedNow = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

func buildSample(t *testing.T, opt Options) (*Result, *output.Mem) {
	t.Helper()
	if opt.FS == nil {
		opt.FS = os.DirFS(repoRoot)
	}
	if opt.Now.IsZero() {
		opt.Now = fixedNow
	}
	mem := output.NewMem()
	res, err := NewBuilder().Build(context.Background(), opt, mem)
	if err != nil {
		t.Fatal(err)
	}
	if res.Diags.HasErrors() {
		t.Fatalf("build errors:\n%v", res.Diags)
	}
	return res, mem
}

// TestSampleSite builds content/ end to end and checks the output tree.
func TestSampleSite(t *testing.T) {
	res, mem := buildSample(t, Options{Minify: true})
	want := []string{
		"index.html",
		"blog/index.html",
		"blog/2016/on-optimization-in-deep-learning/index.html",
		"blog/2024/a-tour-of-math-and-code/index.html",
		"blog/tag/index.html",
		"blog/tag/optimization/index.html",
		"about/index.html",
		"feed.xml", "sitemap.xml", "robots.txt", "404.html", ".nojekyll",
		"assets/img/loss-surface.svg",
	}
	for _, f := range want {
		if _, ok := mem.Get(f); !ok {
			t.Errorf("missing %s", f)
		}
	}
	if len(res.Posts) < 4 {
		t.Errorf("posts = %d, want at least 4", len(res.Posts))
	}
	seed, _ := mem.Get("blog/2016/on-optimization-in-deep-learning/index.html")
	for _, s := range []string{"<h1>On Optimization in Deep Learning</h1>", "Sept. 7, 2016", "Hao Chen", `href="#why-sgd-works"`, "CAG&amp;CG, Zhejiang University"} {
		if !bytes.Contains(seed, []byte(s)) {
			t.Errorf("seed post lacks %q", s)
		}
	}
	// The duplicate TOC entry is warned about once, at its line.
	var dup int
	for _, d := range res.Diags {
		if strings.Contains(d.Msg, "listed twice") {
			dup++
			if d.File != "content/posts/2016-09-07-on-optimization-in-deep-learning.md" || d.Line != 41 {
				t.Errorf("duplicate TOC warning at %s:%d", d.File, d.Line)
			}
		}
	}
	if dup != 1 {
		t.Errorf("%d duplicate-TOC warnings, want 1", dup)
	}
	checkLinks(t, mem, "")
}

// TestSampleSiteBaseURL builds for a project site and checks that every
// internal link, asset and anchor resolves under the prefix.
func TestSampleSiteBaseURL(t *testing.T) {
	base := "/myrepo"
	_, mem := buildSample(t, Options{BaseURL: &base, Minify: true})
	checkLinks(t, mem, base)
	page, _ := mem.Get("blog/2023/writing-plain-posts/index.html")
	if !bytes.Contains(page, []byte(`src="/myrepo/assets/img/loss-surface.svg"`)) {
		t.Error("root-relative image in a post did not get the baseurl")
	}
	feed, _ := mem.Get("feed.xml")
	if !bytes.Contains(feed, []byte("https://example.github.io/myrepo/blog/2016/on-optimization-in-deep-learning/")) {
		t.Error("feed entry URL lacks url+baseurl")
	}
}

// TestSampleSiteBaseURLIsAlsoAPath: a repository named "blog" gets the
// baseurl /blog, which is also the prefix of every post URL; links must
// still get it exactly once.
func TestSampleSiteBaseURLIsAlsoAPath(t *testing.T) {
	base := "/blog"
	_, mem := buildSample(t, Options{BaseURL: &base, Minify: true})
	checkLinks(t, mem, base)
	home, _ := mem.Get("index.html")
	if !bytes.Contains(home, []byte(`href="/blog/blog/2016/on-optimization-in-deep-learning/"`)) {
		t.Error("post link on the home page lacks the /blog prefix")
	}
}

// TestDeterministic builds twice and compares every byte.
func TestDeterministic(t *testing.T) {
	_, a := buildSample(t, Options{Minify: true})
	_, b := buildSample(t, Options{Minify: true, Workers: 1})
	fa, fb := a.Files(), b.Files()
	if strings.Join(fa, "\n") != strings.Join(fb, "\n") {
		t.Fatalf("file lists differ")
	}
	for _, f := range fa {
		x, _ := a.Get(f)
		y, _ := b.Get(f)
		if !bytes.Equal(x, y) {
			t.Errorf("%s differs between two builds", f)
		}
	}
}

// checkLinks runs the link checker (internal/check) over a build: every
// href and src resolves to a file, every #fragment to an id on its page,
// under a baseurl every root-relative link carries it, and the site's own
// absolute URLs (canonical, og:image, feeds, sitemap) exist.
func checkLinks(t *testing.T, mem *output.Mem, base string) {
	t.Helper()
	rep, err := check.Site(memFS(mem), check.Options{BaseURL: base, SiteURL: "https://example.github.io" + base})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range rep.Problems {
		t.Error(p)
	}
	if rep.Links < 50 {
		t.Errorf("only %d internal links checked; the crawl is broken", rep.Links)
	}
}

// TestDuplicatePostURLs: two posts with the same slug in the same year
// both get a page; the second by file name gets -2 and a warning.
func TestDuplicatePostURLs(t *testing.T) {
	fsys := fstest.MapFS{
		"content/posts/2020-01-01-same.md": {Data: []byte("---\ntitle: A\n---\nA\n")},
		"content/posts/2020-06-01-same.md": {Data: []byte("---\ntitle: B\n---\nB\n")},
	}
	res, mem := buildSample(t, Options{FS: fsys})
	for _, f := range []string{"blog/2020/same/index.html", "blog/2020/same-2/index.html"} {
		if _, ok := mem.Get(f); !ok {
			t.Errorf("missing %s", f)
		}
	}
	var warned bool
	for _, d := range res.Diags {
		if d.File == "content/posts/2020-06-01-same.md" && strings.Contains(d.Msg, "/blog/2020/same-2/") {
			warned = true
		}
	}
	if !warned {
		t.Errorf("no warning for the renamed post: %v", res.Diags)
	}
	checkLinks(t, mem, "")
}
