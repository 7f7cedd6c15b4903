package server

import (
	"context"
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/distill-dev/distill/internal/browsertest"
)

// longPost is a post long enough to scroll, with a line that edits change.
func longPost(line string) string {
	var b strings.Builder
	b.WriteString("---\ntitle: First post\ndate: 2024-01-02\ntags: [a]\n---\n\n")
	b.WriteString(line + "\n\n")
	for i := range 60 {
		fmt.Fprintf(&b, "Paragraph %d of a post long enough to scroll, with a few more words to fill the line.\n\n", i)
	}
	return b.String()
}

// poll evaluates js until it returns true, through page reloads.
func poll(t *testing.T, ctx context.Context, js, what string) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](js)); err == nil && ok {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	png, _ := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	browsertest.SaveScreenshot(t, "serve-"+strings.ReplaceAll(what, " ", "-")+"-timeout.png", png)
	t.Fatalf("timed out waiting for %s (%s)", what, js)
}

func eval[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("%s: %v", js, err)
	}
	return v
}

// TestBrowserReloads: a page open in Chromium reloads by itself after an
// edit and keeps its scroll position; a broken build shows the overlay
// with file:line, the fix clears it; a stylesheet change restyles the
// page without reloading it.
func TestBrowserReloads(t *testing.T) {
	ctx := browsertest.New(t)
	dir := smallSite(t)
	writeSite(t, dir, map[string]string{
		oneFile:                                 longPost("The first version."),
		"themes/distill/static/css/zz-test.css": "body { outline-color: rgb(1, 2, 3); }\n",
	})
	r := start(t, dir, serveOpt)
	if err := chromedp.Do(ctx, chromedp.Navigate(r.url+oneURL)); err != nil {
		t.Fatal(err)
	}
	poll(t, ctx, `document.body.innerText.includes("The first version.")`, "first version")
	poll(t, ctx, `typeof EventSource !== "undefined" && !!document.querySelector('script[src="/__distill/reload.js"]')`, "reload script")
	time.Sleep(200 * time.Millisecond) // the event stream connects
	// The browser's own restoration off: the script must keep the place.
	y := eval[float64](t, ctx, `history.scrollRestoration = "manual"; window.scrollTo(0, 1500); window.__before = true; window.scrollY`)
	if y < 1000 {
		t.Fatalf("page does not scroll: scrollY %v", y)
	}

	// An edit: the page reloads by itself, at the same place.
	writeSite(t, dir, map[string]string{oneFile: longPost("The second version.")})
	poll(t, ctx, `document.body.innerText.includes("The second version.")`, "second version")
	if eval[bool](t, ctx, `window.__before === true`) {
		t.Error("page changed without a reload")
	}
	poll(t, ctx, `document.readyState === "complete"`, "load")
	if got := eval[float64](t, ctx, `window.scrollY`); math.Abs(got-y) > 2 {
		t.Errorf("scroll after reload %v, want %v", got, y)
	}

	// A broken build: the overlay lists the error at its line.
	writeSite(t, dir, map[string]string{oneFile: strings.Replace(longPost("Broken."), "title: First post", "title: [broken", 1)})
	poll(t, ctx, `!!document.getElementById("distill-error-overlay")`, "overlay")
	text := eval[string](t, ctx, `document.getElementById("distill-error-overlay").innerText`)
	if !strings.Contains(text, oneFile+":") {
		t.Errorf("overlay text lacks %s:LINE:\n%s", oneFile, text)
	}
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	browsertest.SaveScreenshot(t, "serve-error-overlay.png", png)
	if !eval[bool](t, ctx, `document.body.innerText.includes("The second version.")`) {
		t.Error("last good page not kept under the overlay")
	}

	// The fix: overlay gone, new text in.
	writeSite(t, dir, map[string]string{oneFile: longPost("The third version.")})
	poll(t, ctx, `document.body.innerText.includes("The third version.") && !document.getElementById("distill-error-overlay")`, "fix")

	// A stylesheet change: new style, same page.
	poll(t, ctx, `document.readyState === "complete"`, "load")
	eval[bool](t, ctx, `window.__kept = true`)
	if got := eval[string](t, ctx, `getComputedStyle(document.body).outlineColor`); got != "rgb(1, 2, 3)" {
		t.Fatalf("outline color %q before the change", got)
	}
	writeSite(t, dir, map[string]string{"themes/distill/static/css/zz-test.css": "body { outline-color: rgb(4, 5, 6); }\n"})
	poll(t, ctx, `getComputedStyle(document.body).outlineColor === "rgb(4, 5, 6)"`, "new style")
	if !eval[bool](t, ctx, `window.__kept === true`) {
		t.Error("a stylesheet change reloaded the page")
	}
	if n := eval[int](t, ctx, `document.querySelectorAll('link[rel="stylesheet"]').length`); n != 1 {
		t.Errorf("%d stylesheets after the swap, want 1", n)
	}
}
