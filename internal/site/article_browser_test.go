package site

import (
	"context"
	"fmt"
	"math"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/distill-dev/distill/internal/browsertest"
)

// The two posts the article tests open: the seed (no bibliography, as its
// front matter has it) and our citation-heavy post.
const (
	seedURL      = "/blog/2016/on-optimization-in-deep-learning/"
	citationsURL = "/blog/2024/citations-and-side-notes/"
)

// box is a getBoundingClientRect.
type box struct{ X, Y, Width, Height, Bottom float64 }

// cardState is what the browser says of a hover card.
type cardState struct {
	Visibility string
	Opacity    float64
	Box        box
}

func run[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("%s: %v", js, err)
	}
	return v
}

func do(t *testing.T, ctx context.Context, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatal(err)
	}
}

func screenshot(t *testing.T, ctx context.Context, name string, full bool) {
	t.Helper()
	a := chromedp.CaptureScreenshot()
	if full {
		a = chromedp.FullScreenshot(100)
	}
	png, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	browsertest.SaveScreenshot(t, name, png)
}

// rectJS is the box of the first element matching sel.
func rectJS(sel string) string {
	return fmt.Sprintf(`(() => { const r = document.querySelector(%q).getBoundingClientRect();
		return {X: r.x, Y: r.y, Width: r.width, Height: r.height, Bottom: r.bottom}; })()`, sel)
}

// cardJS reports the hover card of the n-th (0-based) element matching
// sel (a .citation or .footnote).
func cardJS(sel string, n int) string {
	return fmt.Sprintf(`(() => { const c = document.querySelectorAll(%q)[%d].querySelector(":scope > .hover-card");
		const s = getComputedStyle(c), r = c.getBoundingClientRect();
		return {Visibility: s.visibility, Opacity: +s.opacity, Box: {X: r.x, Y: r.y, Width: r.width, Height: r.height, Bottom: r.bottom}}; })()`, sel, n)
}

func near(a, b float64) bool { return math.Abs(a-b) < 1 }

// waitCard polls the n-th card of wrap until it is shown (fully opaque)
// or hidden, for up to three seconds (a loaded machine runs transitions
// late), and returns its last state.
func waitCard(t *testing.T, ctx context.Context, wrap string, n int, shown bool) cardState {
	t.Helper()
	var st cardState
	for deadline := time.Now().Add(3 * time.Second); ; {
		st = run[cardState](t, ctx, cardJS(wrap, n))
		done := st.Visibility == "hidden"
		if shown {
			done = st.Visibility == "visible" && st.Opacity > 0.99
		}
		if done || time.Now().After(deadline) {
			return st
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestArticleInBrowser opens the seed post and the citation post in
// headless Chromium: the text column's box at 1280 and 390 px, citation
// and footnote cards by hover, keyboard and tap (with JavaScript and,
// for hover and focus, without), dark mode and its persistence. It saves
// screenshots to compare with ../shared/reference/.
func TestArticleInBrowser(t *testing.T) {
	ctx := browsertest.New(t)
	_, mem := buildSample(t, Options{Minify: true})
	base := browsertest.Serve(t, http.FileServerFS(memFS(mem)))

	for _, p := range []struct{ name, url string }{{"seed", seedURL}, {"citations", citationsURL}} {
		t.Run("column/"+p.name, func(t *testing.T) {
			do(t, ctx, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(base+p.url))
			r := run[box](t, ctx, rectJS("d-article > p"))
			if !near(r.X, 288) || !near(r.Width, 704) {
				t.Errorf("1280 px: text column x=%.1f width=%.1f, want x=288 width=704", r.X, r.Width)
			}
			screenshot(t, ctx, "article-"+p.name+"-desktop.png", true)

			do(t, ctx, chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile), chromedp.Navigate(base+p.url))
			r = run[box](t, ctx, rectJS("d-article > p"))
			if !near(r.X, 16) || !near(r.Width, 358) {
				t.Errorf("390 px: text column x=%.1f width=%.1f, want x=16 width=358", r.X, r.Width)
			}
			if w := run[float64](t, ctx, `document.documentElement.scrollWidth`); w > 390 {
				t.Errorf("390 px: page is %v px wide, scrolls sideways", w)
			}
			screenshot(t, ctx, "article-"+p.name+"-mobile.png", true)
			do(t, ctx, chromedp.EmulateReset())
		})
	}

	for _, js := range []bool{true, false} {
		name := "cards/js"
		if !js {
			name = "cards/nojs"
		}
		t.Run(name, func(t *testing.T) {
			if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: !js}); err != nil {
				t.Fatal(err)
			}
			defer chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: false})
			do(t, ctx, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(base+citationsURL))
			for _, c := range []struct{ kind, wrap, link string }{
				{"cite", ".citation:has(> .hover-card)", ".citation-number"},
				{"footnote", ".footnote", ".footnote-ref"},
			} {
				checkHover(t, ctx, c.kind, c.wrap, c.link, js)
				checkFocus(t, ctx, c.kind, c.wrap, c.link, js)
			}
		})
	}

	t.Run("cards/tap", func(t *testing.T) {
		do(t, ctx, chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile, chromedp.EmulateTouch), chromedp.Navigate(base+citationsURL))
		do(t, ctx, chromedp.Tap(chromedp.CSS(".citation-number")))
		st := waitCard(t, ctx, ".citation:has(> .hover-card)", 0, true)
		if st.Visibility != "visible" {
			t.Errorf("tapped citation: card %s", st.Visibility)
		}
		if st.Box.X < 0 || st.Box.X+st.Box.Width > 390 {
			t.Errorf("tapped citation: card x=%.0f..%.0f leaves the 390 px screen", st.Box.X, st.Box.X+st.Box.Width)
		}
		if loc := run[string](t, ctx, `location.hash`); loc != "" {
			t.Errorf("first tap followed the link to %s", loc)
		}
		screenshot(t, ctx, "article-citations-tap-mobile.png", false)
		do(t, ctx, chromedp.TapXY(200, 830))
		if st := waitCard(t, ctx, ".citation:has(> .hover-card)", 0, false); st.Visibility != "hidden" {
			t.Errorf("tap elsewhere: card still %s", st.Visibility)
		}
		do(t, ctx, chromedp.EmulateReset())
	})

	t.Run("dark", func(t *testing.T) {
		do(t, ctx, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(base+citationsURL))
		colors := `(() => { const c = document.querySelector(".hover-card"); return [getComputedStyle(document.body).backgroundColor, getComputedStyle(document.body).color, getComputedStyle(c).backgroundColor, getComputedStyle(document.querySelector("d-article p")).color]; })()`
		light := run[[]string](t, ctx, colors)
		do(t, ctx, chromedp.Click(chromedp.CSS(".theme-toggle")), chromedp.Sleep(100*time.Millisecond))
		dark := run[[]string](t, ctx, colors)
		for i, what := range []string{"page background", "text", "card background", "article text"} {
			if light[i] == dark[i] {
				t.Errorf("%s did not change in dark mode: %s", what, dark[i])
			}
		}
		if lum := luminance(dark[0]); lum > 0.1 {
			t.Errorf("dark background %s is not dark (luminance %.2f)", dark[0], lum)
		}
		if lum := luminance(dark[2]); lum > 0.25 {
			t.Errorf("dark card background %s is not dark", dark[2])
		}
		do(t, ctx, chromedp.Reload(), chromedp.Sleep(100*time.Millisecond))
		if again := run[[]string](t, ctx, colors); again[0] != dark[0] {
			t.Errorf("after reload the background is %s, want the dark %s", again[0], dark[0])
		}
		link := run[box](t, ctx, rectJS(".citation-number"))
		do(t, ctx, chromedp.Evaluate[chromedp.Void](`document.querySelector(".citation-number").scrollIntoView({block: "center"})`))
		link = run[box](t, ctx, rectJS(".citation-number"))
		do(t, ctx, chromedp.MouseEvent(chromedp.MouseMoved, link.X+link.Width/2, link.Y+link.Height/2), chromedp.Sleep(300*time.Millisecond))
		screenshot(t, ctx, "article-citations-dark-hover.png", false)
		do(t, ctx, chromedp.MouseEvent(chromedp.MouseMoved, 5, 5), chromedp.Click(chromedp.CSS(".theme-toggle")), chromedp.Reload())
		if again := run[[]string](t, ctx, colors); again[0] != light[0] {
			t.Errorf("toggled back and reloaded: background %s, want %s", again[0], light[0])
		}
	})
}

// checkHover moves the mouse onto the first card's link, then into the
// card, then away: the card shows, stays, and hides.
func checkHover(t *testing.T, ctx context.Context, kind, wrap, link string, js bool) {
	t.Helper()
	suffix := map[bool]string{true: "", false: "-nojs"}[js]
	do(t, ctx, chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`document.querySelector(%q).scrollIntoView({block: "center"})`, link)))
	l := run[box](t, ctx, rectJS(link))
	if st := run[cardState](t, ctx, cardJS(wrap, 0)); st.Visibility != "hidden" {
		t.Errorf("%s: card is %s before hover", kind, st.Visibility)
	}
	do(t, ctx, chromedp.MouseEvent(chromedp.MouseMoved, l.X+l.Width/2, l.Y+l.Height/2))
	st := waitCard(t, ctx, wrap, 0, true)
	if st.Visibility != "visible" || st.Opacity < 0.99 {
		t.Fatalf("%s: hovering the number, card is %s (opacity %.2f)", kind, st.Visibility, st.Opacity)
	}
	if st.Box.Y < l.Bottom-2 || st.Box.Y > l.Bottom+16 {
		t.Errorf("%s: card top %.0f is not just below the number (bottom %.0f)", kind, st.Box.Y, l.Bottom)
	}
	if !near(st.Box.X, 288) || !near(st.Box.Width, 704) {
		t.Errorf("%s: card x=%.0f width=%.0f, want the text column 288/704", kind, st.Box.X, st.Box.Width)
	}
	if kind == "cite" {
		screenshot(t, ctx, "article-citations-hover-cite"+suffix+".png", false)
	} else {
		screenshot(t, ctx, "article-citations-hover-footnote"+suffix+".png", false)
	}
	// Into the card, through the gap: it must stay open.
	do(t, ctx,
		chromedp.MouseEvent(chromedp.MouseMoved, l.X+l.Width/2, l.Bottom+4),
		chromedp.MouseEvent(chromedp.MouseMoved, st.Box.X+st.Box.Width/2, st.Box.Y+st.Box.Height/2),
		chromedp.Sleep(500*time.Millisecond))
	if st := run[cardState](t, ctx, cardJS(wrap, 0)); st.Visibility != "visible" {
		t.Errorf("%s: pointer in the card, card is %s", kind, st.Visibility)
	}
	do(t, ctx, chromedp.MouseEvent(chromedp.MouseMoved, 5, 5))
	if st := waitCard(t, ctx, wrap, 0, false); st.Visibility != "hidden" {
		t.Errorf("%s: pointer gone, card is still %s", kind, st.Visibility)
	}
}

// checkFocus focuses the first card's link as the keyboard would, tabs
// into the card when it has a link, and (with JavaScript) closes it with
// Escape.
func checkFocus(t *testing.T, ctx context.Context, kind, wrap, link string, js bool) {
	t.Helper()
	do(t, ctx, chromedp.Focus(chromedp.CSS(link)))
	if st := waitCard(t, ctx, wrap, 0, true); st.Visibility != "visible" {
		t.Fatalf("%s: focused number, card is %s", kind, st.Visibility)
	}
	if run[bool](t, ctx, fmt.Sprintf(`!!document.querySelector(%q).querySelector(".hover-card a")`, wrap)) {
		do(t, ctx, chromedp.KeyEvent(kb.Tab), chromedp.Sleep(300*time.Millisecond))
		inCard := run[bool](t, ctx, `!!document.activeElement.closest(".hover-card")`)
		if !inCard {
			t.Errorf("%s: Tab from the number does not go into the card", kind)
		}
		if st := run[cardState](t, ctx, cardJS(wrap, 0)); st.Visibility != "visible" {
			t.Errorf("%s: focus in the card, card is %s", kind, st.Visibility)
		}
	}
	if !js {
		do(t, ctx, chromedp.Blur(chromedp.CSS(link)))
		run[bool](t, ctx, `(document.activeElement.blur(), true)`)
		return
	}
	do(t, ctx, chromedp.KeyEvent(kb.Escape))
	if st := waitCard(t, ctx, wrap, 0, false); st.Visibility != "hidden" {
		t.Errorf("%s: after Escape the card is %s", kind, st.Visibility)
	}
}

// luminance of a CSS rgb()/rgba() colour, 0 (black) to 1 (white).
func luminance(css string) float64 {
	var r, g, b float64
	s := strings.NewReplacer("rgba(", "", "rgb(", "", ")", "", ",", " ").Replace(css)
	if _, err := fmt.Sscan(s, &r, &g, &b); err != nil {
		return -1
	}
	return (0.2126*r + 0.7152*g + 0.0722*b) / 255
}
