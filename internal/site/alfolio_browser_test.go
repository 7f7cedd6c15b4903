package site

import (
	"net/http"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/distill-dev/distill/internal/browsertest"
)

// TestAlFolioInBrowser opens the post with every Liquid tag with
// JavaScript off: jekyll-tabs switch by CSS alone, highlight linenos
// numbers its lines, al-folio's custom blockquote and grid are styled,
// and the sidebar TOC is there. It saves screenshots.
func TestAlFolioInBrowser(t *testing.T) {
	ctx := browsertest.New(t)
	fsys := alfolioSubset(t, "2025-04-01-every-liquid-tag.md", "2023-05-12-custom-blockquotes.md", "2015-05-15-images.md")
	_, mem := buildAlFolio(t, Options{FS: fsys})
	base := browsertest.Serve(t, http.FileServerFS(memFS(mem)))
	if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	do(t, ctx, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(base+"/blog/2025/every-liquid-tag/"))

	shown := func(sel string) bool {
		return run[bool](t, ctx, `getComputedStyle(document.querySelector(`+quoteJS(sel)+`)).display !== "none"`)
	}
	first, second := `.tab-panel[data-label="python"]`, `.tab-panel[data-label="text"]`
	if !shown(first) || shown(second) {
		t.Errorf("before a click: first tab shown=%v, second shown=%v; want true, false", shown(first), shown(second))
	}
	run[bool](t, ctx, `(document.querySelector('label[for="tabs-demo-1-2"]').click(), true)`)
	if shown(first) || !shown(second) {
		t.Errorf("after clicking the second label: first shown=%v, second shown=%v; want false, true", shown(first), shown(second))
	}
	if n := run[string](t, ctx, `getComputedStyle(document.querySelectorAll("pre.linenos .code-line")[2], "::before").content`); n != `counter(line)` {
		t.Errorf("linenos line number content = %q", n)
	}
	if s := run[string](t, ctx, `document.querySelector("pre.linenos .code-line").innerText`); s != "def f(x):" {
		t.Errorf("first numbered line reads %q, want %q", s, "def f(x):")
	}
	if d := run[float64](t, ctx, `(() => { const l = document.querySelectorAll("pre.linenos .code-line"); return l[1].getBoundingClientRect().top - l[0].getBoundingClientRect().top; })()`); d < 15 || d > 25 {
		t.Errorf("numbered lines are %v px apart, want one line (21 px)", d)
	}
	if c := run[string](t, ctx, `getComputedStyle(document.querySelector("blockquote.block-tip")).borderLeftColor`); c != "rgb(58, 159, 91)" {
		t.Errorf("block-tip border colour = %q", c)
	}
	if n := run[int](t, ctx, `document.querySelectorAll(".post-toc a").length`); n < 10 {
		t.Errorf("sidebar TOC has %d links", n)
	}
	screenshot(t, ctx, "alfolio-every-liquid-tag.png", true)

	do(t, ctx, chromedp.Navigate(base+"/blog/2015/images/"))
	cols := run[[]box](t, ctx, `[...document.querySelectorAll(".row")[0].children].map(e => { const r = e.getBoundingClientRect(); return {X: r.x, Y: r.y, Width: r.width, Height: r.height, Bottom: r.bottom}; })`)
	if len(cols) != 2 || cols[0].Y != cols[1].Y || cols[1].X <= cols[0].X+cols[0].Width-1 {
		t.Errorf("the two columns of a .row are not side by side: %+v", cols)
	}
	screenshot(t, ctx, "alfolio-images.png", true)
}

func quoteJS(s string) string {
	return "'" + s + "'"
}
