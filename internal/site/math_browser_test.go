package site

import (
	"context"
	"fmt"
	"html"
	"net/http"
	"os"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/chromedp/chromedp"

	"github.com/distill-dev/distill/internal/browsertest"
	"github.com/distill-dev/distill/internal/libs"
	"github.com/distill-dev/distill/internal/output"
)

const galleryPost = "content/posts/2024-05-01-math-gallery.md"

// buildMathSite builds the math gallery, a post whose formulas the build
// cannot convert, and a post without math, with the libraries and the math
// font from libURL.
func buildMathSite(t *testing.T, libURL string) (*Result, *output.Mem) {
	t.Helper()
	gallery, err := os.ReadFile(repoRoot + "/" + galleryPost)
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{
		"distill.yaml": {Data: []byte("libs:\n  base_url: " + libURL + "/npm\nmath:\n  web_font: true\n  macros:\n    RR: \\mathbb{R}\n")},
		galleryPost:    {Data: gallery},
		"content/posts/2024-05-02-fallback.md": {Data: []byte("---\nlayout: distill\ntitle: Fallback\n---\n\n" +
			"Underbars $\\underbar{x} + \\RR$ and a commutative square\n\n$$\n\\begin{CD} A @>f>> B \\\\ @VgVV @VVhV \\\\ C @>>k> D \\end{CD}\n$$\n\n" +
			"\\begin{align}\na &= \\sum_{n} \\underbar{b}_n \\label{eq:side} \\\\\nc &= d\n\\end{align}\n\nSee \\eqref{eq:side}; $x^2$ renders at build time.\n")},
		"content/posts/2024-05-03-plain.md": {Data: []byte("---\nlayout: distill\ntitle: Plain\n---\n\nNo formulas, a price of $5.\n")},
	}
	mem := output.NewMem()
	res, err := NewBuilder().Build(context.Background(), Options{FS: fsys, Now: fixedNow}, mem)
	if err != nil {
		t.Fatal(err)
	}
	return res, mem
}

var (
	mathElem   = regexp.MustCompile(`(?s)<math( display="block")?>.*?</math>`)
	annotation = regexp.MustCompile(`(?s)<annotation encoding="application/x-tex">(.*?)</annotation>`)
)

// compareHTML is a page with every formula of page twice, side by side:
// the MathML distill wrote and the same TeX typeset by KaTeX in the
// browser.
func compareHTML(page, libURL string) string {
	var rows strings.Builder
	for i, m := range mathElem.FindAllString(page, -1) {
		tex := ""
		if a := annotation.FindStringSubmatch(m); a != nil {
			tex = html.UnescapeString(a[1])
		}
		fmt.Fprintf(&rows, "<tr><td class=n>%d</td><td class=ours>%s</td><td class=katex-cell data-display=%q data-tex=\"%s\"></td></tr>\n",
			i+1, m, fmt.Sprint(strings.Contains(m, `display="block"`)), html.EscapeString(tex))
	}
	return `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,">
<link rel="stylesheet" href="` + libURL + `/npm/katex@0.18.11/dist/katex-swap.min.css">
<style>` + mathFontFaceFor(libURL) + libs.MathFontMetrics + themeMathCSS + `
body { font: 17px/1.6 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; margin: 16px; }
table { border-collapse: collapse; width: 1240px; table-layout: fixed; }
td { border-top: 1px solid #ddd; padding: 6px 8px; vertical-align: middle; overflow: hidden; position: relative; }
td.n { width: 32px; color: #999; font-size: 12px; }
math { font-family: "STIX Two Math", math; }
th { text-align: left; }
</style></head><body>
<table><tr><th></th><th>distill: MathML at build time</th><th>KaTeX in the browser</th></tr>
` + rows.String() + `</table>
<script src="` + libURL + `/npm/katex@0.18.11/dist/katex.min.js"></script>
<script>
const macros = {"\\RR": "\\mathbb{R}", "\\E": "\\mathbb{E}", "\\KL": "D_{\\mathrm{KL}}\\left(#1 \\,\\middle\\|\\, #2\\right)"};
const cells = [...document.querySelectorAll("td.katex-cell")];
const clean = t => t.replace(/\\label\{[^}]*\}/g, "").replace(/\\eqref\{[^}]*\}/g, "\\text{(1)}").replace(/\\ref\{[^}]*\}/g, "\\text{1}");
for (const c of cells) {
  const t = c.dataset.tex;
  if (/\\(newcommand|def|DeclareMathOperator|renewcommand)/.test(t)) katex.renderToString(clean(t), {macros, globalGroup: true, throwOnError: false, displayMode: true});
}
for (const c of cells) katex.render(clean(c.dataset.tex), c, {macros, displayMode: c.dataset.display === "true", throwOnError: false, strict: "ignore"});
document.body.dataset.done = "1";
</script></body></html>`
}

// themeMathCSS is the theme's stylesheet for math, read once.
var themeMathCSS = func() string {
	b, err := os.ReadFile(repoRoot + "/themes/distill/static/css/math.css")
	if err != nil {
		panic(err)
	}
	return string(b)
}()

func mathFontFaceFor(libURL string) string {
	return `@font-face{font-family:"STIX Two Math";src:url("` + libURL + `/npm/@fontsource/stix-two-math@5.3.0/files/stix-two-math-latin-400-normal.woff2") format("woff2")}`
}

// TestMathInBrowser renders the math gallery in Chromium: every formula
// lays out as MathML (none blank), with the math font, no math script, no
// formula wider than the column except inside its scrolling box, and
// equation links that land on their row. It saves a screenshot of the
// gallery and one of every formula beside KaTeX's rendering of the same
// TeX, and checks that the two agree in size. A post whose formulas the
// build could not convert gets them typeset by KaTeX.
func TestMathInBrowser(t *testing.T) {
	if _, err := os.Stat(nodeModules); err != nil {
		if browsertest.Required() {
			t.Fatalf("%s missing: .ci/run installs it with npm ci", nodeModules)
		}
		t.Skipf("%s missing (cd testdata/browser && npm ci)", nodeModules)
	}
	t.Parallel()
	libURL := libServer(t)
	res, mem := buildMathSite(t, libURL)
	if res.Diags.HasErrors() {
		t.Fatalf("build errors: %v", res.Diags)
	}
	gallery, ok := mem.Get("blog/2024/math-gallery/index.html")
	if !ok {
		t.Fatal("gallery not built")
	}
	mux := http.NewServeMux()
	mux.Handle("/", memHandler(mem))
	mux.HandleFunc("/compare.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write([]byte(compareHTML(string(gallery), libURL)))
	})
	site := browsertest.Serve(t, mux)

	t.Run("gallery", func(t *testing.T) {
		b := openBrowser(t, site)
		b.open("/blog/2024/math-gallery/")
		b.wait(`document.readyState === "complete" && document.fonts.status === "loaded"`)
		b.checkConsole("gallery")
		b.shot("math-gallery.png")
		if ok := evaluate[bool](t, b, `document.fonts.check('16px "STIX Two Math"')`); !ok {
			t.Error("the math font did not load")
		}
		scripts := evaluate[[]string](t, b, `performance.getEntriesByType("resource").map(e => e.name).filter(n => /katex|math-fallback/.test(n))`)
		if len(scripts) > 0 {
			t.Errorf("a page whose formulas all rendered loads %v", scripts)
		}
		blank := evaluate[int](t, b, `[...document.querySelectorAll("math")].filter(m => { const r = m.getBoundingClientRect(); return r.width < 2 || r.height < 2 }).length`)
		total := evaluate[int](t, b, `document.querySelectorAll("d-article math").length`)
		if total < 150 || blank > 0 {
			t.Errorf("%d formulas laid out, %d of them blank", total, blank)
		}
		// Every formula starts inside the window (a numbered display once
		// pushed its rows a million pixels to the right).
		if lost := evaluate[[]string](t, b, `[...document.querySelectorAll("d-article math")].filter(m => {
				const leaf = m.querySelector("mi, mn, mo, mtext"); if (!leaf) return false;
				const r = leaf.getBoundingClientRect(); return r.left < 0 || r.left > window.innerWidth })
			.map(m => m.querySelector("annotation").textContent.slice(0, 60))`); len(lost) > 0 {
			t.Errorf("%d formulas drawn outside the window: %q", len(lost), lost)
		}
		// Nothing sticks out of the page; the wide formula scrolls in its box.
		if over := evaluate[int](t, b, `document.documentElement.scrollWidth - window.innerWidth`); over > 0 {
			t.Errorf("the page is %dpx wider than the window", over)
		}
		if !evaluate[bool](t, b, `(() => { const d = [...document.querySelectorAll("div.math.display")].pop(); return d.scrollWidth > d.clientWidth && getComputedStyle(d).overflowX === "auto" })()`) {
			t.Error("the wide formula does not scroll inside its box")
		}
		// \left( \frac{a}{b} \right): the parentheses stretch to the fraction.
		if r := evaluate[float64](t, b, `(() => { const m = [...document.querySelectorAll("math")].find(m => m.textContent.includes("\\left( \\frac{a}{b} \\right)")); const o = m.querySelector("mo"); return o.getBoundingClientRect().height / parseFloat(getComputedStyle(o).fontSize) })()`); r < 1.6 {
			t.Errorf("stretchy parenthesis is %.2f em tall, want a fraction's height", r)
		}
		// Inline math sits on the baseline: the text of $\text{if } x > 0$
		// and the same text in the same font set in the paragraph beside it
		// have the same glyph box.
		if d := evaluate[float64](t, b, `(() => {
			const m = [...document.querySelectorAll("d-article p math")].find(m => m.textContent.includes("\\text{if } x > 0"));
			const mt = m.querySelector("mtext"), cs = getComputedStyle(mt);
			const s = document.createElement("span");
			s.style.cssText = "font-family:" + cs.fontFamily + ";font-size:" + cs.fontSize;
			s.textContent = mt.textContent;
			m.before(s);
			const box = n => { const r = document.createRange(); r.selectNodeContents(n); return r.getBoundingClientRect() };
			const d = box(mt).bottom - box(s).bottom;
			s.remove();
			return d })()`); d < -1 || d > 1 {
			t.Errorf("inline math's baseline is %.1fpx off the text's", d)
		}
		// Equation numbers sit flush with the text column's right edge, on
		// their row's baseline.
		if off := evaluate[[]string](t, b, `[...document.querySelectorAll("d-article mtable.eqnum mpadded > mtext")].filter(n => {
				const box = e => { const r = document.createRange(); r.selectNodeContents(e); return r.getBoundingClientRect() };
				const col = n.closest(".math.display").getBoundingClientRect(), r = box(n);
				const row = n.closest("mtr").getBoundingClientRect();
				return Math.abs(col.right - r.right) > 3 || r.top < row.top - 1 || r.bottom > row.bottom + 1 })
			.map(n => n.textContent)`); len(off) > 0 {
			t.Errorf("equation numbers not at the column's right edge on their row: %q", off)
		}
		// Labelled arrows (\xrightarrow and kin) and wide tildes are boxes
		// the theme paints: each is as wide as what it spans (an arrow at
		// least 1.8em), painted, and its character (for screen readers and
		// feeds) hidden. Chromium stretches neither from STIX Two Math.
		marks := evaluate[[]string](t, b, `[...document.querySelectorAll("d-article math [class^=arrow-], d-article math .wide-tilde")].map(m => {
				const tex = m.closest("math").querySelector("annotation").textContent, cs = getComputedStyle(m);
				const w = m.getBoundingClientRect().width, stack = m.parentElement;
				const spans = m.matches(".wide-tilde") || stack.hasAttribute("accent") ? [stack.firstElementChild] : [...stack.children].slice(1);
				const need = Math.max(...spans.map(c => c.getBoundingClientRect().width));
				if (!/svg/.test(cs.maskImage)) return tex + ": not painted";
				if (getComputedStyle(m.querySelector("mo")).color !== "rgba(0, 0, 0, 0)") return tex + ": its character shows";
				if (m.matches(".wide-tilde") || stack.hasAttribute("accent")) return Math.abs(w - need) > 1 ? tex + ": " + w.toFixed(0) + "px over " + need.toFixed(0) + "px" : "";
				const em = parseFloat(getComputedStyle(stack).fontSize);
				return w < need - 1 || w < 1.75 * em ? tex + ": arrow " + w.toFixed(0) + "px, labels " + need.toFixed(0) + "px" : "" })`)
		var bad []string
		for _, m := range marks {
			if m != "" {
				bad = append(bad, m)
			}
		}
		if len(bad) > 0 {
			t.Errorf("drawn marks: %q", bad)
		}
		if len(marks) < 8 {
			t.Errorf("%d drawn arrows and tildes found in the gallery", len(marks))
		}
		// A root over a flat or raised radicand ends where its radicand
		// does: no gap after \sqrt{2}, \sqrt[3]{8} or \sqrt{x^2 + y^2}
		// (Chromium keeps 0.418em or 0.171em there).
		if gaps := evaluate[[]string](t, b, `[...document.querySelectorAll("d-article .flat, d-article .raised")].filter(r => {
				const cs = getComputedStyle(r), em = parseFloat(cs.fontSize);
				const room = r.getBoundingClientRect().right + parseFloat(cs.marginRight) - r.firstElementChild.getBoundingClientRect().right;
				return Math.abs(room) > 0.1 * em })
			.map(r => r.closest("math").querySelector("annotation").textContent)`); len(gaps) > 0 {
			t.Errorf("roots followed by a gap: %q", gaps)
		}
		if n := evaluate[int](t, b, `document.querySelectorAll("d-article .flat").length`); n < 3 {
			t.Errorf("%d flat roots found", n)
		}
		if n := evaluate[int](t, b, `document.querySelectorAll("d-article .raised").length`); n < 2 {
			t.Errorf("%d raised roots found", n)
		}
		if n := evaluate[int](t, b, `document.querySelectorAll("d-article mtable.eqnum mpadded > mtext").length`); n < 3 {
			t.Errorf("%d equation numbers found", n)
		}
		// An equation reference lands on its row.
		if err := chromedp.Do(b.ctx, chromedp.Click(chromedp.CSS(`a.eqref[href="#eq-eq:softmax"]`))); err != nil {
			t.Fatal(err)
		}
		b.wait(`location.hash === "#eq-eq:softmax"`)
		if top := evaluate[float64](t, b, `document.getElementById("eq-eq:softmax").getBoundingClientRect().top`); top < -1 || top > 900 {
			t.Errorf("after the link the row is at %.0fpx, not in view", top)
		}
	})

	t.Run("beside KaTeX", func(t *testing.T) {
		b := openBrowser(t, site)
		b.open("/compare.html")
		b.wait(`document.body.dataset.done === "1" && document.fonts.status === "loaded"`)
		b.checkConsole("compare")
		b.shot("math-vs-katex.png")
		// Width of each formula, ours over KaTeX's: the same TeX should
		// take about the same room. Rows KaTeX cannot render are skipped.
		ratios := evaluate[[]float64](t, b, `[...document.querySelectorAll("tr")].slice(1).map(tr => {
			const ours = tr.querySelector("td.ours math"), k = tr.querySelector("td.katex-cell .katex-html");
			if (!ours || !k || tr.querySelector(".katex-error")) return 0;
			const w = e => { const r = document.createRange(); r.selectNodeContents(e); return r.getBoundingClientRect().width };
			return w(ours) / Math.max(1, w(k)) })`)
		var odd []string
		n := 0
		for i, r := range ratios {
			if r == 0 {
				continue
			}
			n++
			if r < 0.6 || r > 1.6 {
				odd = append(odd, fmt.Sprintf("#%d: %.2f", i+1, r))
			}
		}
		t.Logf("%d formulas compared with KaTeX; width ratio outside 0.6–1.6: %v", n, odd)
		if n < 150 || len(odd) > n/20 {
			t.Errorf("%d of %d formulas differ in width from KaTeX's by more than 60%%: %v", len(odd), n, odd)
		}
	})

	t.Run("fallback", func(t *testing.T) {
		b := openBrowser(t, site)
		b.open("/blog/2024/fallback/")
		b.wait(`document.querySelectorAll(".math-fallback").length > 0 && document.querySelectorAll(".math-fallback:not(.math-rendered)").length === 0`)
		b.checkConsole("fallback")
		if n := evaluate[int](t, b, `document.querySelectorAll(".math-fallback .katex").length`); n != 3 {
			t.Errorf("KaTeX rendered %d fallback formulas, want 3", n)
		}
		if n := evaluate[int](t, b, `document.querySelectorAll(".katex-error").length`); n != 0 {
			t.Errorf("KaTeX reports %d errors", n)
		}
		b.shot("math-fallback.png")
		b.open("/blog/2024/plain/")
		b.wait(`document.readyState === "complete"`)
		if n := evaluate[int](t, b, `document.querySelectorAll("script[src*=katex], script[src*=math-fallback], style").length`); n != 0 {
			t.Errorf("a post without math loads %d math scripts or styles", n)
		}
	})
}

func evaluate[T any](t *testing.T, b *browser, js string) T {
	t.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("%s: %v", js, err)
	}
	return v
}
