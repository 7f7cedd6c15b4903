package cli

import (
	"bytes"
	"context"
	"errors"
	"net"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer the server goroutine and the test share.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

var servedURL = regexp.MustCompile(`at (http://\S+) \(Ctrl-C to stop\)`)

// serve runs `distill serve args…` until the test cancels it.
func serve(t *testing.T, args ...string) (url string, stdout, stderr *syncBuffer, stop func() int) {
	t.Helper()
	stdout, stderr = &syncBuffer{}, &syncBuffer{}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int, 1)
	go func() { done <- Run(ctx, append([]string{"serve"}, args...), stdout, stderr) }()
	stop = func() int {
		cancel()
		select {
		case code := <-done:
			return code
		case <-time.After(10 * time.Second):
			t.Fatal("serve did not stop")
			return -1
		}
	}
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		if m := servedURL.FindStringSubmatch(stdout.String()); m != nil {
			return m[1], stdout, stderr, stop
		}
		select {
		case code := <-done:
			t.Fatalf("serve exited %d\n%s", code, stderr)
		case <-time.After(20 * time.Millisecond):
		}
	}
	stop()
	t.Fatalf("serve printed no URL\n%s", stderr)
	return
}

// TestServe: --port 0 picks a port, the URL carries the baseurl, --open
// without a browser only says so, and cancelling (Ctrl-C) exits 0.
func TestServe(t *testing.T) {
	site := t.TempDir()
	writeFiles(t, site, map[string]string{"content/posts/2020-01-02-good.md": goodPost})
	opened := ""
	openBrowser = func(url string) error { opened = url; return errors.New("no browser here") }
	t.Cleanup(func() { openBrowser = defaultOpenBrowser })
	url, _, stderr, stop := serve(t, "-s", site, "--port", "0", "--baseurl", "/proj", "--open")
	if !strings.HasSuffix(url, "/proj/") || strings.Contains(url, ":0/") {
		t.Errorf("URL %s: want a real port and the baseurl", url)
	}
	resp, err := http.Get(url + "blog/2020/good/")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("GET post: %d", resp.StatusCode)
	}
	if code := stop(); code != 0 {
		t.Errorf("exit %d after Ctrl-C\n%s", code, stderr)
	}
	if opened != url || !strings.Contains(stderr.String(), "cannot open a browser") {
		t.Errorf("--open: opened %q, stderr:\n%s", opened, stderr)
	}
}

// TestServePortBusy: a busy port is exit 1 with a message that says what
// to do.
func TestServePortBusy(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	site := t.TempDir()
	writeFiles(t, site, map[string]string{"content/posts/2020-01-02-good.md": goodPost})
	port := strconv.Itoa(ln.Addr().(*net.TCPAddr).Port)
	code, _, stderr := run(t, "serve", "-s", site, "--port", port)
	if code != 1 || !strings.Contains(stderr, "in use") || !strings.Contains(stderr, "--port 0") {
		t.Errorf("exit %d\n%s", code, stderr)
	}
}

func TestServeHelp(t *testing.T) {
	code, out, _ := run(t, "help", "serve")
	for _, flag := range []string{"-port", "-bind", "-baseurl", "-no-drafts", "-open"} {
		if !strings.Contains(out, flag) {
			t.Errorf("serve -h lacks %s:\n%s", flag, out)
		}
	}
	if code != 0 {
		t.Errorf("exit %d", code)
	}
}
