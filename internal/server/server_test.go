package server

import (
	"bufio"
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/distill-dev/distill/internal/site"
)

var serveOpt = site.Options{Drafts: true, Future: true}

// TestEditReloads: an edited post sends a reload event naming that post
// (and not the other one), and the new content is served.
func TestEditReloads(t *testing.T) {
	dir := smallSite(t)
	r := start(t, dir, serveOpt)
	code, body := get(t, r.url+oneURL)
	if code != 200 || !strings.Contains(body, "The first words.") {
		t.Fatalf("GET %s: %d\n%s", oneURL, code, body)
	}
	if !strings.Contains(body, `<script src="/__distill/reload.js" data-page="/blog/2024/one/"`) {
		t.Error("served page lacks the live-reload script")
	}
	events := listen(t, r.url)
	writeSite(t, dir, map[string]string{oneFile: "---\ntitle: First post\ndate: 2024-01-02\ntags: [a]\n---\n\nThe edited words.\n"})
	rl := decode[reloadData](t, next(t, events, evReload))
	if !slices.Contains(rl.Pages, oneURL) || slices.Contains(rl.Pages, twoURL) {
		t.Errorf("reload pages %v: want %s and not %s", rl.Pages, oneURL, twoURL)
	}
	if _, body := get(t, r.url+oneURL); !strings.Contains(body, "The edited words.") {
		t.Error("edited content not served")
	}
	// The feed is made after the reload, but never served stale.
	if _, body := get(t, r.url+"/feed.xml"); !strings.Contains(body, "The edited words.") {
		t.Error("feed served stale")
	}
	writeSite(t, dir, map[string]string{oneFile: "---\ntitle: First post\ndate: 2024-01-02\ntags: [a]\n---\n\nWords of the third version.\n"})
	next(t, events, evReload)
	deadline := time.Now().Add(10 * time.Second)
	for len(r.builder.Stale()) > 0 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if stale := r.builder.Stale(); len(stale) > 0 {
		t.Errorf("still stale after a pause: %v", stale)
	}
	files, _ := r.current()
	if b, _ := files.get("feed.xml"); !strings.Contains(string(b), "Words of the third version.") {
		t.Error("feed not made after a pause")
	}
}

// TestOverlay: broken front matter sends every error as file:line and
// keeps the last good page served; the fix clears the overlay and reloads.
func TestOverlay(t *testing.T) {
	dir := smallSite(t)
	r := start(t, dir, serveOpt)
	events := listen(t, r.url)
	writeSite(t, dir, map[string]string{
		oneFile:                           "---\ntitle: [broken\ndate: 2024-01-02\n---\n\nNew words.\n",
		"content/posts/2024-02-03-two.md": "---\ntitle: Second post\ndate: 2024-02-03\ntags: [b\n---\n\nThe second words.\n",
	})
	ev := next(t, events, evErrors)
	errs := decode[errorsData](t, ev).Errors
	for _, file := range []string{oneFile, "content/posts/2024-02-03-two.md"} {
		at := regexp.MustCompile(`^` + regexp.QuoteMeta(file) + `:[1-9][0-9]*:`)
		if !slices.ContainsFunc(errs, at.MatchString) {
			t.Errorf("errors %q lack %s:LINE: …", errs, file)
		}
	}
	if _, body := get(t, r.url+oneURL); !strings.Contains(body, "The first words.") {
		t.Error("last good page not served while the build is broken")
	}
	// A browser that connects now learns about the failure at once.
	late := listen(t, r.url)
	if got := decode[errorsData](t, next(t, late, evErrors)).Errors; !slices.Equal(got, errs) {
		t.Errorf("late client got %q, want %q", got, errs)
	}

	writeSite(t, dir, map[string]string{
		oneFile:                           "---\ntitle: Fixed\ndate: 2024-01-02\n---\n\nNew words.\n",
		"content/posts/2024-02-03-two.md": "---\ntitle: Second post\ndate: 2024-02-03\ntags: [b]\n---\n\nThe second words.\n",
	})
	next(t, events, evOK)
	rl := decode[reloadData](t, next(t, events, evReload))
	if !slices.Contains(rl.Pages, oneURL) {
		t.Errorf("reload after the fix lacks %s: %v", oneURL, rl.Pages)
	}
	if _, body := get(t, r.url+oneURL); !strings.Contains(body, "New words.") {
		t.Error("fixed page not served")
	}
}

// TestTraversal: nothing outside the site is served, however it is asked
// for, and a symlink pointing out of the site is not served either.
func TestTraversal(t *testing.T) {
	dir := smallSite(t)
	outside := filepath.Join(t.TempDir(), "secret.txt")
	if err := os.WriteFile(outside, []byte("TOP SECRET"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(dir, "assets", "secret.txt")); err != nil {
		t.Skip("no symlinks here:", err)
	}
	if err := os.Symlink("../../../"+filepath.Base(filepath.Dir(outside))+"/secret.txt", filepath.Join(dir, "assets", "img", "rel.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("dot.svg", filepath.Join(dir, "assets", "img", "inside.svg")); err != nil {
		t.Fatal(err)
	}
	r := start(t, dir, serveOpt)
	if errs := r.errors(); errs != nil {
		t.Fatalf("a symlink out of the site broke the build: %q", errs)
	}
	for _, target := range []string{
		"/../distill.yaml",
		"/%2e%2e/distill.yaml",
		"/..%2fdistill.yaml",
		"/assets/..%2f..%2fdistill.yaml",
		"/assets/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
		"/assets/..\\..\\distill.yaml",
		"/assets/secret.txt",
		"/assets/img/rel.txt",
		"/content/posts/2024-01-02-one.md",
		"/distill.yaml",
	} {
		status, body := rawGet(t, r.url, target)
		if status != 404 && status != 400 || strings.Contains(body, "TOP SECRET") || strings.Contains(body, "title: Preview") {
			t.Errorf("GET %s: %d, want 404\n%.200s", target, status, body)
		}
	}
	if status, _ := rawGet(t, r.url, "/assets/img/inside.svg"); status != 200 {
		t.Errorf("a symlink inside the site: %d, want 200", status)
	}
}

// rawGet sends target unaltered, as a hostile client would.
func rawGet(t *testing.T, base, target string) (int, string) {
	t.Helper()
	conn, err := net.Dial("tcp", strings.TrimPrefix(base, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", target)
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("%s: %v", target, err)
	}
	defer resp.Body.Close()
	var b strings.Builder
	_, _ = bufio.NewReader(resp.Body).WriteTo(&b)
	return resp.StatusCode, b.String()
}

// TestPortBusy: a port in use fails with a message that says what to do;
// port 0 picks a free one.
func TestPortBusy(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	s := &Server{Root: smallSite(t), Options: serveOpt, Addr: ln.Addr().String()}
	err = s.Run(context.Background(), nil)
	if err == nil || !strings.Contains(err.Error(), "in use") || !strings.Contains(err.Error(), "--port 0") {
		t.Fatalf("busy port: %v", err)
	}
	r := start(t, smallSite(t), serveOpt)
	if _, port, _ := net.SplitHostPort(strings.TrimPrefix(r.url, "http://")); port == "0" || port == "" {
		t.Errorf("--port 0 served at %s", r.url)
	}
}

// TestBaseURL: the site lives under its baseurl, the printed URL says so.
func TestBaseURL(t *testing.T) {
	dir := smallSite(t)
	writeSite(t, dir, map[string]string{"distill.yaml": "title: Preview\nbaseurl: /repo\n"})
	r := start(t, dir, serveOpt)
	if !strings.HasSuffix(r.url, "/repo") {
		t.Fatalf("URL %s lacks the baseurl", r.url)
	}
	if code, body := get(t, r.url+oneURL); code != 200 || !strings.Contains(body, `href="/repo/blog/2024/two/"`) && !strings.Contains(body, `href="/repo/`) {
		t.Errorf("GET under baseurl: %d", code)
	}
	root := strings.TrimSuffix(r.url, "/repo")
	if code, _ := get(t, root+oneURL); code != 404 {
		t.Errorf("GET outside baseurl: %d, want 404", code)
	}
	if code, _ := rawGet(t, root, "/repo/../repo/blog/"); code != 404 {
		t.Errorf("traversal under baseurl: %d, want 404", code)
	}
}

// TestCSSOnly: a stylesheet change swaps the stylesheet and reloads no
// page, although every page now links to the new fingerprinted bundle.
func TestCSSOnly(t *testing.T) {
	dir := smallSite(t)
	writeSite(t, dir, map[string]string{"themes/distill/static/css/zz-local.css": ".x { color: red }\n"})
	r := start(t, dir, serveOpt)
	events := listen(t, r.url)
	writeSite(t, dir, map[string]string{"themes/distill/static/css/zz-local.css": ".x { color: blue }\n"})
	css := decode[cssData](t, next(t, events, evCSS))
	if len(css.Swap) != 1 || !strings.HasPrefix(css.Swap[0].From, "/assets/css/distill.") || css.Swap[0].From == css.Swap[0].To {
		t.Fatalf("swap %+v", css.Swap)
	}
	if rl := <-r.outcomes; len(rl.Changed) == 0 {
		t.Fatal("no change seen")
	}
	quiet(t, events, 300*time.Millisecond)
	if _, body := get(t, r.url+css.Swap[0].To); !strings.Contains(body, "color: blue") && !strings.Contains(body, "color:blue") {
		t.Error("new stylesheet lacks the change")
	}
}

// TestEditorSaves: the ways editors save are one change each; their
// scratch files rebuild nothing; new folders are watched.
func TestEditorSaves(t *testing.T) {
	dir := smallSite(t)
	r := start(t, dir, serveOpt)
	events := listen(t, r.url)
	post := filepath.Join(dir, filepath.FromSlash(oneFile))

	// vim: write test file, backup by rename, write anew, drop the backup.
	must(t, os.WriteFile(filepath.Join(filepath.Dir(post), "4913"), nil, 0o644))
	must(t, os.Remove(filepath.Join(filepath.Dir(post), "4913")))
	must(t, os.Rename(post, post+"~"))
	must(t, os.WriteFile(post, []byte("---\ntitle: First post\ndate: 2024-01-02\n---\n\nSaved by vim.\n"), 0o644))
	must(t, os.Remove(post+"~"))
	rl := decode[reloadData](t, next(t, events, evReload))
	if !slices.Contains(rl.Pages, oneURL) {
		t.Errorf("vim save: reload %v", rl.Pages)
	}

	// Atomic save: a temporary file renamed over the original.
	tmp := filepath.Join(filepath.Dir(post), ".one.md.tmp1234")
	must(t, os.WriteFile(tmp, []byte("---\ntitle: First post\ndate: 2024-01-02\n---\n\nSaved atomically.\n"), 0o644))
	must(t, os.Rename(tmp, post))
	next(t, events, evReload)
	if _, body := get(t, r.url+oneURL); !strings.Contains(body, "Saved atomically.") {
		t.Error("atomic save not served")
	}

	// Scratch files only: nothing to rebuild.
	for _, name := range []string{".one.md.swp", "one.md~", "#one.md#", ".#one.md"} {
		must(t, os.WriteFile(filepath.Join(filepath.Dir(post), name), []byte("x"), 0o644))
	}
	quiet(t, events, 300*time.Millisecond)

	// A new folder with a post in it.
	writeSite(t, dir, map[string]string{"content/posts/2024/2024-03-04-three.md": "---\ntitle: Third\ndate: 2024-03-04\n---\n\nIn a new folder.\n"})
	rl = decode[reloadData](t, next(t, events, evReload))
	if !slices.Contains(rl.Pages, "/blog/2024/three/") {
		t.Errorf("post in a new folder: reload %v", rl.Pages)
	}
	writeSite(t, dir, map[string]string{"content/posts/2024/2024-03-04-three.md": "---\ntitle: Third\ndate: 2024-03-04\n---\n\nEdited in the new folder.\n"})
	next(t, events, evReload)
	if _, body := get(t, r.url+"/blog/2024/three/"); !strings.Contains(body, "Edited in the new folder.") {
		t.Error("edit in a new folder not seen")
	}
}

// TestShutdown: cancelling the context stops the server promptly, with a
// browser still listening.
func TestShutdown(t *testing.T) {
	s := &Server{Root: smallSite(t), Options: serveOpt, Addr: "127.0.0.1:0"}
	ctx, cancel := context.WithCancel(context.Background())
	urlc := make(chan string, 1)
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx, func(u string) { urlc <- u }) }()
	u := strings.TrimSuffix(<-urlc, "/")
	listen(t, u)
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("Run: %v", err)
		}
	case <-time.After(2 * time.Second):
		t.Fatal("server did not stop within 2s")
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
