package server

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/distill-dev/distill/internal/site"
)

// writeSite writes files (slash paths → contents) under root.
func writeSite(t testing.TB, root string, files map[string]string) {
	t.Helper()
	for name, body := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// smallSite is a site of two posts and a page.
func smallSite(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	writeSite(t, dir, map[string]string{
		"distill.yaml":                    "title: Preview\n",
		"content/posts/2024-01-02-one.md": "---\ntitle: First post\ndate: 2024-01-02\ntags: [a]\n---\n\nThe first words.\n",
		"content/posts/2024-02-03-two.md": "---\ntitle: Second post\ndate: 2024-02-03\ntags: [b]\n---\n\nThe second words.\n",
		"content/about.md":                "---\ntitle: About\n---\n\nAbout this site.\n",
		"assets/img/dot.svg":              `<svg xmlns="http://www.w3.org/2000/svg"/>`,
	})
	return dir
}

const (
	oneFile = "content/posts/2024-01-02-one.md"
	oneURL  = "/blog/2024/one/"
	twoURL  = "/blog/2024/two/"
)

// running is a Server started by start, with its URL (no trailing slash)
// and the outcomes of its rebuilds.
type running struct {
	*Server
	url      string
	outcomes chan Outcome
	done     chan error
}

// start runs a server on a free loopback port for the test's duration.
func start(t testing.TB, dir string, opt site.Options) *running {
	t.Helper()
	r := &running{outcomes: make(chan Outcome, 64), done: make(chan error, 1)}
	r.Server = &Server{Root: dir, Options: opt, Addr: "127.0.0.1:0"}
	r.observe = func(o Outcome) {
		select {
		case r.outcomes <- o:
		default:
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	urlc := make(chan string, 1)
	go func() { r.done <- r.Run(ctx, func(u string) { urlc <- u }) }()
	t.Cleanup(func() {
		cancel()
		select {
		case <-r.done:
		case <-time.After(10 * time.Second):
			t.Error("server did not stop")
		}
	})
	select {
	case u := <-urlc:
		r.url = strings.TrimSuffix(u, "/")
	case err := <-r.done:
		t.Fatalf("server stopped: %v", err)
	case <-time.After(5 * time.Minute):
		t.Fatal("server did not start")
	}
	<-r.outcomes // the first build
	return r
}

// get fetches a URL path and returns status and body.
func get(t testing.TB, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(b)
}

// sseEvent is one event as a browser receives it.
type sseEvent struct {
	Name string
	Data string
	At   time.Time
}

// listen opens the event stream and returns its events.
func listen(t testing.TB, base string) <-chan sseEvent {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, base+eventsPath, nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		cancel()
		t.Fatalf("event stream Content-Type %q", ct)
	}
	out := make(chan sseEvent, 64)
	t.Cleanup(func() { cancel(); resp.Body.Close() })
	go func() {
		defer close(out)
		sc := bufio.NewScanner(resp.Body)
		sc.Buffer(nil, 1<<20)
		var ev sseEvent
		for sc.Scan() {
			line := sc.Text()
			switch {
			case strings.HasPrefix(line, "event: "):
				ev.Name = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: "):
				ev.Data = strings.TrimPrefix(line, "data: ")
			case line == "" && ev.Name != "":
				ev.At = time.Now()
				out <- ev
				ev = sseEvent{}
			}
		}
	}()
	return out
}

// next waits for the next event named name, skipping others.
func next(t testing.TB, events <-chan sseEvent, name string) sseEvent {
	t.Helper()
	timeout := time.After(20 * time.Second)
	for {
		select {
		case ev, ok := <-events:
			if !ok {
				t.Fatalf("event stream ended waiting for %q", name)
			}
			if ev.Name == name {
				return ev
			}
		case <-timeout:
			t.Fatalf("no %q event", name)
		}
	}
}

// quiet asserts that no event arrives for d.
func quiet(t testing.TB, events <-chan sseEvent, d time.Duration) {
	t.Helper()
	select {
	case ev := <-events:
		t.Fatalf("unexpected event %s %s", ev.Name, ev.Data)
	case <-time.After(d):
	}
}

func decode[T any](t testing.TB, ev sseEvent) T {
	t.Helper()
	var v T
	if err := json.Unmarshal([]byte(ev.Data), &v); err != nil {
		t.Fatalf("%s event: %v: %s", ev.Name, err, ev.Data)
	}
	return v
}
