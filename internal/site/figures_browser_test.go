package site

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"mime"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/distill-dev/distill/internal/browsertest"
	"github.com/distill-dev/distill/internal/libs"
	"github.com/distill-dev/distill/internal/output"
)

// nodeModules is where .ci/run installs the pinned browser libraries.
var nodeModules = filepath.Join(repoRoot, "testdata", "browser", "node_modules")

// libServer serves the pinned packages from node_modules laid out as the
// CDN lays them out (/npm/PACKAGE@VERSION/PATH), cross-origin like the
// CDN, and map tiles at /tiles/Z/X/Y.png.
func libServer(t *testing.T) string {
	t.Helper()
	var tile bytes.Buffer
	img := image.NewRGBA(image.Rect(0, 0, 256, 256))
	for i := range img.Pix {
		img.Pix[i] = []uint8{0xcc, 0xdd, 0xcc, 0xff}[i%4]
	}
	img.Set(128, 128, color.Black)
	if err := png.Encode(&tile, img); err != nil {
		t.Fatal(err)
	}
	return browsertest.Serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Access-Control-Allow-Origin", "*")
		w.Header().Set("Timing-Allow-Origin", "*")
		if strings.HasPrefix(r.URL.Path, "/tiles/") {
			w.Header().Set("Content-Type", "image/png")
			_, _ = w.Write(tile.Bytes())
			return
		}
		rest := strings.TrimPrefix(r.URL.Path, "/npm/")
		for _, l := range libs.All() {
			if p, ok := strings.CutPrefix(rest, l.Package+"@"+l.Version+"/"); ok {
				http.ServeFile(w, r, filepath.Join(nodeModules, l.Package, filepath.FromSlash(path.Clean("/"+p))))
				return
			}
		}
		http.NotFound(w, r)
	}))
}

// memHandler serves a built site from memory.
func memHandler(mem *output.Mem) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := strings.TrimPrefix(r.URL.Path, "/")
		if p == "" || strings.HasSuffix(p, "/") {
			p += "index.html"
		}
		b, ok := mem.Get(p)
		if !ok {
			http.NotFound(w, r)
			return
		}
		if ct := mime.TypeByExtension(path.Ext(p)); ct != "" {
			w.Header().Set("Content-Type", ct)
		}
		_, _ = w.Write(b)
	})
}

// consoleErrors collects what the page reports as errors: console.error,
// uncaught exceptions, and browser log errors (failed loads, SRI
// mismatches).
type consoleErrors struct {
	mu   sync.Mutex
	errs []string
}

func (c *consoleErrors) listen(t *testing.T, ctx context.Context) {
	err := chromedp.Listen(ctx, func(ev any) {
		var msg string
		switch ev := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			if ev.Type != runtime.ConsoleAPICalledTypeError && ev.Type != runtime.ConsoleAPICalledTypeAssert {
				return
			}
			var parts []string
			for _, a := range ev.Args {
				if a.Description != "" {
					parts = append(parts, a.Description)
				} else {
					parts = append(parts, string(a.Value))
				}
			}
			msg = "console." + string(ev.Type) + ": " + strings.Join(parts, " ")
		case *runtime.EventExceptionThrown:
			d := ev.ExceptionDetails
			msg = fmt.Sprintf("exception: %s %s:%d", d.Text, d.URL, d.LineNumber)
			if d.Exception != nil {
				msg += " " + d.Exception.Description
			}
		case *cdplog.EventEntryAdded:
			if ev.Entry.Level != cdplog.EntryLevelError {
				return
			}
			msg = "log: " + ev.Entry.Text + " " + ev.Entry.URL
		default:
			return
		}
		c.mu.Lock()
		c.errs = append(c.errs, msg)
		c.mu.Unlock()
	})
	if err != nil {
		t.Fatal(err)
	}
}

func (c *consoleErrors) take() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	e := c.errs
	c.errs = nil
	return e
}

// figureChecks say, for each kind of figure, what it must contain once
// drawn; live kinds are drawn by a script and re-drawn on a theme change.
var figureChecks = []struct {
	kind, selector string
	live           bool
}{
	{"mermaid", ".d-figure-view svg", true},
	{"chartjs", ".d-figure-view canvas", true},
	{"echarts", ".d-figure-view canvas", true},
	{"vega_lite", ".d-figure-view svg", true},
	{"plotly", ".d-figure-view svg.main-svg", true},
	{"geojson", ".leaflet-tile-pane img.leaflet-tile-loaded", true},
	{"topojson", ".leaflet-overlay-pane svg path", true},
	{"diff2html", "table.d-table", false},
	{"diff", "table.d-table", false},
	{"typograms", "svg.typogram", false},
	{"pseudocode", ".ps-root .ps-line", false},
}

// drawnJS is a predicate: every figure is drawn for theme, and TikZJax
// replaced its script with an SVG.
func drawnJS(theme string) string {
	var conds []string
	for _, c := range figureChecks {
		f := fmt.Sprintf(`document.querySelector('figure[data-figure=%q]')`, c.kind)
		cond := fmt.Sprintf(`%s && %s.querySelector(%q)`, f, f, c.selector)
		if c.live {
			cond += fmt.Sprintf(` && %s.dataset.rendered === %q`, f, theme)
		}
		conds = append(conds, "("+cond+")")
	}
	conds = append(conds, `document.querySelectorAll('script[type="text/tikz"]').length === 0`,
		`!!document.querySelector('svg[role=img]:has(+ noscript.d-figure-tikz)')`)
	return strings.Join(conds, " && ")
}

// missingJS lists the figures not yet drawn, for the failure message.
func missingJS(theme string) string {
	var b strings.Builder
	b.WriteString("(() => { const m = [];")
	for _, c := range figureChecks {
		f := fmt.Sprintf(`document.querySelector('figure[data-figure=%q]')`, c.kind)
		cond := fmt.Sprintf(`%s && %s.querySelector(%q)`, f, f, c.selector)
		if c.live {
			cond += fmt.Sprintf(` && %s.dataset.rendered === %q`, f, theme)
		}
		fmt.Fprintf(&b, "if (!(%s)) m.push(%q + ' ' + ((%s||{}).className||''));", cond, c.kind, f)
	}
	b.WriteString(`if (!document.querySelector('svg[role=img]:has(+ noscript.d-figure-tikz)')) m.push("tikz");`)
	b.WriteString("return m.join(', '); })()")
	return b.String()
}

// scriptWeight is a script a page fetched, from Resource Timing.
type scriptWeight struct {
	Name string `json:"name"`
	Size int    `json:"size"`
}

const scriptsJS = `performance.getEntriesByType("resource")
  .filter(e => e.initiatorType === "script" || /\.m?js(\?|$)/.test(e.name))
  .map(e => ({name: e.name, size: e.decodedBodySize}))`

// TestFiguresInBrowser builds the sample figures post against the pinned
// libraries served locally, and checks in headless Chromium that every
// figure is drawn, in light mode and after switching to dark, without a
// console error; it saves screenshots, and the script weight of pages with
// no figures, one diagram and every kind.
func TestFiguresInBrowser(t *testing.T) {
	if _, err := os.Stat(nodeModules); err != nil {
		if browsertest.Required() {
			t.Fatalf("%s missing: .ci/run installs it with npm ci", nodeModules)
		}
		t.Skipf("%s missing (cd testdata/browser && npm ci)", nodeModules)
	}
	t.Parallel()
	libURL := libServer(t)
	res, mem := buildFigureSite(t, "libs:\n  base_url: "+libURL+"/npm\nmap:\n  tile_url: "+libURL+"/tiles/{z}/{x}/{y}.png\n  attribution: test tiles\n", true)
	if res.Diags.HasErrors() {
		t.Fatalf("build errors: %v", res.Diags)
	}
	site := browsertest.Serve(t, memHandler(mem))

	b := openBrowser(t, site)
	b.open("/blog/2024/figures/")
	b.waitDrawn("light")
	fetched := b.scripts()
	b.shot("figures-light.png")
	// The toggle re-draws every live figure in the dark palette.
	if err := chromedp.Do(b.ctx, chromedp.Click(chromedp.CSS(".theme-toggle"))); err != nil {
		t.Fatal(err)
	}
	b.waitDrawn("dark")
	b.shot("figures-dark.png")

	// The page fetched exactly the scripts its HTML names, so the weights
	// below, summed from the HTML, are what a browser loads.
	var got, want []string
	for _, s := range fetched {
		got = append(got, strings.TrimPrefix(s.Name, site))
	}
	page, _ := mem.Get("blog/2024/figures/index.html")
	want = pageScripts(page)
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("the page fetched scripts\n%s\nits HTML names\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	reportWeights(t, mem, libURL)
}

// browser is one headless Chromium on the test site.
type browser struct {
	t    *testing.T
	ctx  context.Context
	site string
	errs consoleErrors
}

func openBrowser(t *testing.T, site string) *browser {
	b := &browser{t: t, ctx: browsertest.New(t), site: site}
	b.errs.listen(t, b.ctx)
	return b
}

func (b *browser) open(url string) {
	b.t.Helper()
	if err := chromedp.Do(b.ctx, chromedp.Navigate(b.site+url)); err != nil {
		b.t.Fatal(err)
	}
}

func (b *browser) wait(predicate string) {
	b.t.Helper()
	if err := chromedp.Do(b.ctx, chromedp.Poll[chromedp.Void](predicate, chromedp.WithPollingInterval(100*time.Millisecond), chromedp.WithPollingTimeout(60*time.Second))); err != nil {
		b.t.Fatalf("waiting for %s: %v; console: %v", predicate, err, b.errs.take())
	}
}

func (b *browser) waitDrawn(theme string) {
	b.t.Helper()
	if err := chromedp.Do(b.ctx, chromedp.Poll[chromedp.Void](drawnJS(theme), chromedp.WithPollingInterval(100*time.Millisecond), chromedp.WithPollingTimeout(60*time.Second))); err != nil {
		missing, _ := chromedp.Run(b.ctx, chromedp.Evaluate[string](missingJS(theme)))
		b.t.Fatalf("%s: figures not drawn: %s (%v); console: %v", theme, missing, err, b.errs.take())
	}
	b.checkConsole(theme)
}

func (b *browser) checkConsole(when string) {
	b.t.Helper()
	if e := b.errs.take(); len(e) > 0 {
		b.t.Errorf("%s: console errors:\n%s", when, strings.Join(e, "\n"))
	}
}

func (b *browser) shot(name string) {
	b.t.Helper()
	png, err := chromedp.Run(b.ctx, chromedp.FullScreenshot(100))
	if err != nil {
		b.t.Fatal(err)
	}
	browsertest.SaveScreenshot(b.t, name, png)
}

func (b *browser) scripts() []scriptWeight {
	b.t.Helper()
	ws, err := chromedp.Run(b.ctx, chromedp.Evaluate[[]scriptWeight](scriptsJS))
	if err != nil {
		b.t.Fatal(err)
	}
	return ws
}

// scriptSrc finds the scripts a page loads.
var scriptSrc = regexp.MustCompile(`<script\b[^>]*\bsrc="?([^" >]+)`)

// pageScripts lists the script URLs in a page.
func pageScripts(html []byte) []string {
	var out []string
	for _, m := range scriptSrc.FindAllSubmatch(html, -1) {
		out = append(out, string(m[1]))
	}
	return out
}

// reportWeights logs and saves the bytes of script of a page with no
// figures, one with a mermaid diagram and one with every kind, raw and
// gzipped (as a CDN sends them). TikZJax's worker, WebAssembly and TeX
// files, fetched later by the worker, are not counted.
func reportWeights(t *testing.T, mem *output.Mem, libURL string) {
	t.Helper()
	type total struct {
		Page    string   `json:"page"`
		Scripts []string `json:"scripts"`
		Bytes   int      `json:"bytes"`
		Gzipped int      `json:"gzipped"`
	}
	var out []total
	for _, pg := range []struct{ label, url string }{
		{"no figures", "/blog/2024/nothing/"},
		{"one mermaid diagram", "/blog/2024/mermaid/"},
		{"every kind", "/blog/2024/figures/"},
	} {
		html, ok := mem.Get(outPath(pg.url))
		if !ok {
			t.Fatalf("no page %s", pg.url)
		}
		tt := total{Page: pg.label, Scripts: pageScripts(html)}
		for _, s := range tt.Scripts {
			b := scriptBytes(t, s, libURL, mem)
			tt.Bytes += len(b)
			tt.Gzipped += gzipSize(t, b)
		}
		out = append(out, tt)
		t.Logf("script on a page with %s: %d files, %d bytes (%d gzipped)", pg.label, len(tt.Scripts), tt.Bytes, tt.Gzipped)
	}
	if out[0].Bytes >= out[1].Bytes || out[1].Bytes >= out[2].Bytes {
		t.Errorf("script weights should grow with the figures: %d, %d, %d", out[0].Bytes, out[1].Bytes, out[2].Bytes)
	}
	b, _ := json.MarshalIndent(out, "", "  ")
	if err := os.WriteFile(filepath.Join(browsertest.ArtifactDir(t), "figures-script-weight.json"), b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// scriptBytes reads back a script the page loaded, from the built site or
// node_modules.
func scriptBytes(t *testing.T, url, libURL string, mem *output.Mem) []byte {
	t.Helper()
	if p, ok := strings.CutPrefix(url, "/"); ok {
		b, found := mem.Get(p)
		if !found {
			t.Errorf("page script %s not built", url)
		}
		return b
	}
	rest := strings.TrimPrefix(url, libURL+"/npm/")
	for _, l := range libs.All() {
		if p, ok := strings.CutPrefix(rest, l.Package+"@"+l.Version+"/"); ok {
			b, err := os.ReadFile(filepath.Join(nodeModules, l.Package, filepath.FromSlash(p)))
			if err != nil {
				t.Fatal(err)
			}
			return b
		}
	}
	t.Errorf("unexpected script %s", url)
	return nil
}

func gzipSize(t *testing.T, b []byte) int {
	var buf bytes.Buffer
	z, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	_, _ = z.Write(b)
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Len()
}
