// Package browsertest starts Debian's headless Chromium for tests that need
// a real browser (layout, hover cards, diagrams, live reload), driven with
// chromedp. Tests call New; when no Chromium is installed the test is
// skipped, except under DISTILL_BROWSER_TESTS=1 (set by .ci/run) where a
// missing browser is a failure.
package browsertest

import (
	"context"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// Browser finds the Chromium binary: $CHROMIUM, else chromium or
// chromium-browser on PATH.
func Browser() string {
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// Required reports whether browser tests must run (CI).
func Required() bool { return os.Getenv("DISTILL_BROWSER_TESTS") == "1" }

// New returns a chromedp context for one headless browser with a fresh
// profile, closed at the end of the test. The flags keep Chromium off the
// network (this machine has none) and make screenshots stable.
func New(t testing.TB) context.Context {
	t.Helper()
	if testing.Short() && !Required() {
		t.Skip("browser test skipped in -short mode")
	}
	bin := Browser()
	if bin == "" {
		if Required() {
			t.Fatal("DISTILL_BROWSER_TESTS=1 but no chromium found (apt-get install chromium)")
		}
		t.Skip("no chromium installed; browser test skipped (set DISTILL_BROWSER_TESTS=1 to require it)")
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(bin),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.Flag("mute-audio", true),
		chromedp.Flag("font-render-hinting", "none"),
		chromedp.WindowSize(1280, 900),
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelC := chromedp.NewContext(actx)
	ctx, cancelT := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(func() { cancelT(); cancelC(); cancelA() })
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting %s: %v", bin, err)
	}
	return ctx
}

// Serve serves h on a loopback port for the duration of the test and
// returns its base URL ("http://127.0.0.1:PORT").
func Serve(t testing.TB, h http.Handler) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 5 * time.Second}
	go func() { _ = srv.Serve(ln) }()
	t.Cleanup(func() { _ = srv.Close() })
	return "http://" + ln.Addr().String()
}

// ArtifactDir is where tests save screenshots: $DISTILL_ARTIFACTS, else
// test-artifacts/ at the repository root (ignored by git).
func ArtifactDir(t testing.TB) string {
	t.Helper()
	dir := os.Getenv("DISTILL_ARTIFACTS")
	if dir == "" {
		_, file, _, _ := runtime.Caller(0)
		dir = filepath.Join(filepath.Dir(file), "..", "..", "test-artifacts")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// SaveScreenshot writes png bytes as ArtifactDir/name.
func SaveScreenshot(t testing.TB, name string, png []byte) {
	t.Helper()
	name = strings.ReplaceAll(name, "/", "_")
	if err := os.WriteFile(filepath.Join(ArtifactDir(t), name), png, 0o644); err != nil {
		t.Fatal(err)
	}
}
