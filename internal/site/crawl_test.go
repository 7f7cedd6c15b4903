package site

import (
	"html"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path"
	"regexp"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/distill-dev/distill/internal/output"
)

// builds keeps the builds several tests read, by site folder and
// baseurl: the sample site is slow to build under the race detector.
var builds = struct {
	sync.Mutex
	m map[string]cachedBuild
}{m: map[string]cachedBuild{}}

type cachedBuild struct {
	res *Result
	mem *output.Mem
}

// buildOnce builds the site in dir with baseurl base (minified), once per
// test binary. Callers must not change what it returns.
func buildOnce(t *testing.T, dir, base string) (*Result, *output.Mem) {
	t.Helper()
	builds.Lock()
	defer builds.Unlock()
	key := dir + "\x00" + base
	if b, ok := builds.m[key]; ok {
		return b.res, b.mem
	}
	res, mem := buildSample(t, Options{FS: os.DirFS(dir), BaseURL: &base, Minify: true})
	builds.m[key] = cachedBuild{res, mem}
	return res, mem
}

// memFS is a build held in memory as an fs.FS, for the link checker and
// an HTTP file server.
func memFS(mem *output.Mem) fstest.MapFS {
	fsys := fstest.MapFS{}
	for _, f := range mem.Files() {
		b, _ := mem.Get(f)
		fsys[f] = &fstest.MapFile{Data: b, Mode: 0o644}
	}
	return fsys
}

// TestBaseURLCrawl deploys a build made with --baseurl /myrepo the way
// GitHub Pages serves a project site — under /myrepo/ on a host where
// nothing else exists — and follows every link, asset, redirect, feed
// entry and sitemap URL from the home page, the feeds and the sitemap:
// each must answer 200. The site's absolute URLs
// (https://example.github.io/myrepo/…) are rewritten to the test server.
func TestBaseURLCrawl(t *testing.T) {
	const base = "/myrepo"
	for _, tc := range []struct {
		name, dir string
		min       int // URLs the crawl must reach
	}{
		{"sample site", repoRoot, 60},
		{"blog fixture", blogFixture, 40},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, mem := buildOnce(t, tc.dir, base)
			mux := http.NewServeMux()
			mux.Handle(base+"/", http.StripPrefix(base, http.FileServerFS(memFS(mem))))
			srv := httptest.NewServer(mux)
			defer srv.Close()
			c := &crawler{t: t, srv: srv.URL, site: "https://example.github.io", seen: map[string]string{}}
			for _, start := range []string{"/", "/feed.xml", "/rss.xml", "/feed.json", "/sitemap.xml", "/robots.txt", "/search.json"} {
				c.visit(srv.URL+base+start, "start")
			}
			// Pages no link leads to: redirect_from aliases (their
			// refresh targets are followed) and the 404 page.
			for _, p := range res.Pages {
				if p.Kind == KindRedirect || p.Kind == Kind404 {
					c.visit(srv.URL+base+p.URL, "start")
				}
			}
			c.run()
			t.Logf("crawled %d URLs", len(c.seen))
			for _, f := range mem.Files() {
				u := srv.URL + base + "/" + strings.TrimSuffix(f, "index.html")
				if _, ok := c.seen[u]; !ok && path.Ext(f) == ".html" {
					t.Errorf("no link leads to %s", f)
				}
			}
			if len(c.seen) < tc.min {
				t.Errorf("crawled %d URLs, want at least %d", len(c.seen), tc.min)
			}
			// Nothing answers outside the prefix: a link without the
			// baseurl would have failed above.
			if code := c.status(srv.URL + "/index.html"); code != http.StatusNotFound {
				t.Errorf("GET /index.html outside the baseurl = %d, want 404", code)
			}
		})
	}
}

// crawler follows URLs breadth first on one server.
type crawler struct {
	t     *testing.T
	srv   string            // http://127.0.0.1:port
	site  string            // the site's configured url, rewritten to srv
	seen  map[string]string // URL (no fragment) → where it was found
	queue []string
}

var (
	crawlAttr    = regexp.MustCompile(`\b(href|src|srcset|poster)="([^"]*)"`)
	crawlRefresh = regexp.MustCompile(`http-equiv="?refresh"? content="\d+; ?url=([^"]+)"`)
	crawlMeta    = regexp.MustCompile(`\bcontent="(https?://[^"]+)"`)
	crawlAbs     = regexp.MustCompile(`https?://[^\s"'<>\\)]+`)
)

// visit queues u, found on page from, when it is on the server.
func (c *crawler) visit(u, from string) {
	u = strings.Replace(u, c.site, c.srv, 1)
	if !strings.HasPrefix(u, c.srv+"/") {
		return // another site
	}
	u, _, _ = strings.Cut(u, "#")
	if _, ok := c.seen[u]; ok {
		return
	}
	c.seen[u] = from
	c.queue = append(c.queue, u)
}

func (c *crawler) run() {
	for len(c.queue) > 0 {
		u := c.queue[0]
		c.queue = c.queue[1:]
		resp, err := http.Get(u)
		if err != nil {
			c.t.Errorf("GET %s (linked from %s): %v", u, c.seen[u], err)
			continue
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			c.t.Errorf("GET %s (linked from %s) = %d", u, c.seen[u], resp.StatusCode)
			continue
		}
		final := resp.Request.URL // after the server's redirects (dir → dir/)
		switch ext := path.Ext(final.Path); {
		case strings.HasSuffix(final.Path, "/") || ext == ".html":
			c.links(final, string(body))
		case ext == ".xml" || ext == ".json" || ext == ".txt":
			// Feed content is HTML escaped once as XML text.
			for _, m := range crawlAbs.FindAllString(html.UnescapeString(string(body)), -1) {
				c.visit(m, u)
			}
		}
	}
}

// links queues every URL of an HTML page.
func (c *crawler) links(page *url.URL, body string) {
	resolve := func(ref string) {
		ref = html.UnescapeString(strings.TrimSpace(ref))
		if ref == "" || strings.HasPrefix(ref, "#") || strings.HasPrefix(ref, "data:") || strings.HasPrefix(ref, "mailto:") {
			return
		}
		r, err := url.Parse(ref)
		if err != nil {
			c.t.Errorf("%s: bad URL %q", page, ref)
			return
		}
		c.visit(page.ResolveReference(r).String(), page.String())
	}
	for _, m := range crawlAttr.FindAllStringSubmatch(body, -1) {
		if m[1] != "srcset" {
			resolve(m[2])
			continue
		}
		for _, cand := range strings.Split(m[2], ",") {
			if f := strings.Fields(cand); len(f) > 0 {
				resolve(f[0])
			}
		}
	}
	for _, m := range crawlRefresh.FindAllStringSubmatch(body, -1) {
		resolve(m[1])
	}
	for _, m := range crawlMeta.FindAllStringSubmatch(body, -1) {
		resolve(m[1]) // og:image, og:url
	}
}

func (c *crawler) status(u string) int {
	resp, err := http.Get(u)
	if err != nil {
		c.t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}
