package site

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/distill-dev/distill/internal/config"
	"github.com/distill-dev/distill/internal/diag"
	"github.com/distill-dev/distill/internal/frontmatter"
	"github.com/distill-dev/distill/internal/output"
)

func buildMath(t *testing.T, cfg string, strict bool) (*Result, *output.Mem) {
	t.Helper()
	fsys := fstest.MapFS{
		"distill.yaml":                     {Data: []byte(cfg)},
		"content/posts/2024-01-01-ok.md":   {Data: []byte("---\ntitle: Ok\nmath:\n  macros:\n    VV: \\mathbf{v}\n---\n\n$\\RR \\ni \\VV$ and \\eqref{eq:x}\n\n\\begin{equation}\nx \\label{eq:x}\n\\end{equation}\n")},
		"content/posts/2024-01-02-bad.md":  {Data: []byte("---\ntitle: Bad\n---\n\nOne $\\nosuchcommand$.\n")},
		"content/posts/2024-01-03-none.md": {Data: []byte("---\ntitle: None\n---\n\nNo math.\n")},
	}
	mem := output.NewMem()
	res, err := NewBuilder().Build(context.Background(), Options{FS: fsys, Now: fixedNow, Strict: strict}, mem)
	if err != nil {
		t.Fatal(err)
	}
	return res, mem
}

func TestMathPages(t *testing.T) {
	res, mem := buildMath(t, "libs:\n  base_url: /libs\nbaseurl: /b\nmath:\n  macros:\n    RR: \\mathbb{R}\n", false)
	var msgs []string
	for _, d := range res.Diags {
		if strings.HasPrefix(d.Kind, "math") {
			msgs = append(msgs, d.String())
		}
	}
	if want := "content/posts/2024-01-02-bad.md:5: warning: formula rendered in the browser: unknown command \\nosuchcommand"; len(msgs) != 1 || msgs[0] != want {
		t.Errorf("math diagnostics %q, want %q", msgs, want)
	}
	page := func(p string) string {
		b, ok := mem.Get(p)
		if !ok {
			t.Fatalf("no %s", p)
		}
		return string(b)
	}
	ok, bad, none := page("blog/2024/ok/index.html"), page("blog/2024/bad/index.html"), page("blog/2024/none/index.html")
	font := `url("/b/libs/@fontsource/stix-two-math@5.3.0/files/stix-two-math-latin-400-normal.woff2")`
	if !strings.Contains(ok, font) || !strings.Contains(ok, "𝐯") || !strings.Contains(ok, "ℝ") || !strings.Contains(ok, `href="/b/blog/2024/ok/#eq-eq:x"`) && !strings.Contains(ok, `href="#eq-eq:x"`) {
		t.Errorf("math page lacks the font, the macros or the reference:\n%s", ok)
	}
	if !strings.Contains(ok, "math .flat{margin-right:-0.418em}") {
		t.Error("the math page lacks the CSS fitted to the math font")
	}
	if strings.Contains(ok, "katex") || strings.Contains(ok, "math-fallback.js") {
		t.Error("a page whose formulas all rendered loads KaTeX")
	}
	if !strings.Contains(bad, "/b/libs/katex@0.18.11/dist/katex.min.js") || !strings.Contains(bad, "/b/assets/theme/js/page/math-fallback.js") {
		t.Errorf("fallback page does not load KaTeX and its script:\n%s", bad)
	}
	if strings.Contains(none, "@font-face") || strings.Contains(none, "katex") {
		t.Error("a page without math declares the math font or loads KaTeX")
	}
	if _, ok := mem.Get("assets/theme/js/page/math-fallback.js"); !ok {
		t.Error("math-fallback.js not written")
	}
	_, mem = buildMath(t, "math:\n  web_font: false\n", false)
	if b, _ := mem.Get("blog/2024/ok/index.html"); strings.Contains(string(b), "@font-face") || strings.Contains(string(b), "margin-right:-0.418em") {
		t.Error("web_font: false still declares the font or the CSS fitted to it")
	}
}

func TestMathStrict(t *testing.T) {
	res, _ := buildMath(t, "math:\n  macros:\n    RR: \\mathbb{R}\n", true)
	if n := res.Diags.Count(diag.Error); n != 1 || !strings.Contains(fmt.Sprint(res.Diags), "formula rendered in the browser") {
		t.Errorf("--strict: %d errors: %v", n, res.Diags)
	}
}

func TestMathMacrosMerge(t *testing.T) {
	cfg := config.Default()
	cfg.Math.Macros = map[string]string{"a": "1", "b": "2"}
	m := &frontmatter.Meta{MathMacros: map[string]string{"b": "3", "c": "4"}}
	got := mathMacros(&cfg, m)
	if len(got) != 3 || got["a"] != "1" || got["b"] != "3" || got["c"] != "4" || cfg.Math.Macros["b"] != "2" {
		t.Errorf("merged %v (site %v)", got, cfg.Math.Macros)
	}
}
