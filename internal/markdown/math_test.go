package markdown

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/distill-dev/distill/internal/mathml"
)

// convert is the markdown pipeline on one document.
func convert(t testing.TB, src string, env Env) *Result {
	t.Helper()
	if env.File == "" {
		env.File = "post.md"
	}
	return testConverter.Convert([]byte(src), env)
}

func diagStrings(r *Result) []string {
	var out []string
	for _, d := range r.Diags {
		out = append(out, d.String())
	}
	return out
}

func TestMathMacrosFromOutside(t *testing.T) {
	env := Env{MathMacros: map[string]string{"RR": `\mathbb{R}`, "norm": `\left\lVert #1 \right\rVert`, "pair": `(#1, #2)`}}
	r := convert(t, "Site and front matter macros: $x \\in \\RR^n$, $\\norm{v}$ and $\\pair{a}{b}$.\n", env)
	if r.Stats.Math != 3 || r.Stats.MathFallback != 0 {
		t.Fatalf("stats %+v, diags %v", r.Stats, diagStrings(r))
	}
	for _, want := range []string{"ℝ", "‖", "<mi>a</mi><mo>,</mo><mi>b</mi>"} {
		if !strings.Contains(string(r.HTML), want) {
			t.Errorf("output lacks %q:\n%s", want, r.HTML)
		}
	}
}

func TestMacroArgs(t *testing.T) {
	for body, want := range map[string]int{`\mathbb{R}`: 0, `#1`: 1, `\frac{#2}{#1}`: 2, `#9#3`: 9, `\#`: 0, `#`: 0} {
		if got := macroArgs(body); got != want {
			t.Errorf("macroArgs(%q) = %d, want %d", body, got, want)
		}
	}
}

// TestMathDefinitionsAnywhere: a \newcommand in a later formula holds in
// earlier ones (MathJax), and two posts with different definitions of the
// same name do not share a cached rendering.
func TestMathDefinitionsAnywhere(t *testing.T) {
	a := convert(t, "Use $\\V$ first.\n\n$$\n\\newcommand{\\V}{\\mathbf{v}} \\V\n$$\n", Env{})
	b := convert(t, "Use $\\V$ first.\n\n$$\n\\newcommand{\\V}{\\mathbf{w}} \\V\n$$\n", Env{})
	if a.Stats.MathFallback+b.Stats.MathFallback != 0 {
		t.Fatalf("fallbacks: %v %v", diagStrings(a), diagStrings(b))
	}
	first := func(r *Result) string { return strings.SplitN(string(r.HTML), "</math>", 2)[0] }
	if !strings.Contains(first(a), "𝐯") || !strings.Contains(first(b), "𝐰") {
		t.Errorf("definitions not applied before their formula:\n%s\n%s", first(a), first(b))
	}
}

func TestEqRefParse(t *testing.T) {
	tests := []struct {
		line  string
		label string
		paren bool
		n     int
	}{
		{`\eqref{eq:a} rest`, "eq:a", true, 12},
		{`\ref{ x }`, "x", false, 9},
		{`\eqref{}`, "", false, 0},
		{`\eqref{a`, "", false, 0},
		{`\eqref{a{b}}`, "", false, 0},
		{`\refx{a}`, "", false, 0},
		{`\eqrefs{a}`, "", false, 0},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			m := parseEqRef([]byte(tt.line), 0)
			if m == nil {
				if tt.n != 0 {
					t.Fatalf("no reference, want %q", tt.label)
				}
				return
			}
			if m.Label != tt.label || m.Paren != tt.paren || m.len != tt.n {
				t.Errorf("got %q paren=%v len=%d", m.Label, m.Paren, m.len)
			}
		})
	}
}

func TestSplitRows(t *testing.T) {
	tests := []struct{ body, want string }{
		{`a \\ b`, `a | b`},
		{`a \\ b \\`, `a | b`},
		{`\begin{matrix} 1 \\ 2 \end{matrix} \\ c`, `\begin{matrix} 1 \\ 2 \end{matrix} | c`},
		{`\frac{1}{2} \\ {x \\ y}`, `\frac{1}{2} | {x \\ y}`},
		{`x`, `x`},
	}
	for _, tt := range tests {
		got := strings.Join(splitRows(tt.body), "|")
		want := strings.ReplaceAll(tt.want, " | ", " |")
		if strings.ReplaceAll(got, " ", "") != strings.ReplaceAll(want, " ", "") {
			t.Errorf("splitRows(%q) = %q, want %q", tt.body, got, tt.want)
		}
	}
}

func TestTagText(t *testing.T) {
	for tag, want := range map[string]string{"A.1": "A.1", `$\star$`: "⋆", `$*$a`: "∗a", `$\alpha'$`: "α′"} {
		if got := tagText(tag); got != want {
			t.Errorf("tagText(%q) = %q, want %q", tag, got, want)
		}
	}
}

func TestLabelID(t *testing.T) {
	for label, want := range map[string]string{"eq:one": "eq-eq:one", "a b/c#d": "eq-a-b-c-d", "x_1.2": "eq-x_1.2"} {
		if got := labelID(label); got != want {
			t.Errorf("labelID(%q) = %q, want %q", label, got, want)
		}
	}
}

// TestMathLibs: only a page with a formula left to the browser asks for
// KaTeX.
func TestMathLibs(t *testing.T) {
	ok := convert(t, "All fine $x^2$ and\n\n$$\n\\int f\n$$\n", Env{})
	if len(ok.Libs) != 0 || ok.Stats.Math != 2 || ok.Stats.MathFallback != 0 {
		t.Errorf("rendered page: libs %v, stats %+v", ok.Libs, ok.Stats)
	}
	bad := convert(t, "One bad $\\notacommand x$ and one good $y$.\n", Env{File: "posts/x.md", LineOffset: 4})
	if !slices.Equal(bad.Libs, []string{"katex"}) || bad.Stats.Math != 2 || bad.Stats.MathFallback != 1 {
		t.Errorf("fallback page: libs %v, stats %+v", bad.Libs, bad.Stats)
	}
	want := []string{"posts/x.md:5: warning: formula rendered in the browser: unknown command \\notacommand"}
	if got := diagStrings(bad); !slices.Equal(got, want) {
		t.Errorf("diags %q, want %q", got, want)
	}
	if bad.Diags[0].Kind != "math-fallback" {
		t.Errorf("kind %q: --strict looks for math-fallback", bad.Diags[0].Kind)
	}
	if !strings.Contains(string(bad.HTML), `<span class="math-fallback" data-tex="\notacommand x">\notacommand x</span>`) {
		t.Errorf("fallback markup:\n%s", bad.HTML)
	}
}

// TestMathCache: a formula is converted once per process, whatever the
// number of documents and workers; a different macro set is a different
// entry.
func TestMathCache(t *testing.T) {
	var calls atomic.Int64
	saved := mathConvert
	mathConvert = func(tex string, opt mathml.Options) (mathml.Result, error) {
		if strings.Contains(tex, "cachetest") {
			calls.Add(1)
		}
		return saved(tex, opt)
	}
	defer func() { mathConvert = saved }()
	doc := "$\\mathrm{cachetest}_1$ twice $\\mathrm{cachetest}_1$ and\n\n$$\n\\mathrm{cachetest}_1\n$$\n"
	var wg sync.WaitGroup
	for range 4 * runtime.GOMAXPROCS(0) {
		wg.Go(func() { convert(t, doc, Env{}) })
	}
	wg.Wait()
	if n := calls.Load(); n < 2 || n > int64(2*runtime.GOMAXPROCS(0)+2) {
		// inline and display are two entries; racing workers may both
		// convert a formula the first time
		t.Errorf("%d conversions for 2 distinct formulas", n)
	}
	before := calls.Load()
	convert(t, doc, Env{})
	if calls.Load() != before {
		t.Error("a warm cache converted again")
	}
	convert(t, doc, Env{MathMacros: map[string]string{"x": "y"}})
	if calls.Load() != before+2 {
		t.Errorf("another macro set: %d conversions, want 2", calls.Load()-before)
	}
}

func TestMathCacheBound(t *testing.T) {
	c := newMathCache(mathCacheShards * 4096)
	for i := range 2000 {
		if _, err := c.convert(mathKey{tex: fmt.Sprintf(`x_{%d} + \frac{1}{%d}`, i, i)}, nil); err != nil {
			t.Fatal(err)
		}
	}
	total := 0
	for i := range c.shards {
		if c.shards[i].bytes > c.limit {
			t.Errorf("shard %d holds %d bytes, limit %d", i, c.shards[i].bytes, c.limit)
		}
		total += len(c.shards[i].m)
	}
	if total == 0 || total >= 2000 || c.len() != total {
		t.Errorf("%d entries kept of 2000", total)
	}
	zero := newMathCache(0)
	if _, err := zero.convert(mathKey{tex: "x"}, nil); err != nil || zero.len() != 0 {
		t.Errorf("a zero cache keeps %d entries (err %v)", zero.len(), err)
	}
}

// mathSeeds are the golden inputs and the sample site's posts with math.
func mathSeeds(t testing.TB) [][]byte {
	var seeds [][]byte
	files, _ := filepath.Glob("testdata/math*.md")
	files = append(files, "../../content/posts/2024-05-01-math-gallery.md", "../../content/posts/2024-02-10-a-tour-of-math-and-code.md")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		seeds = append(seeds, b)
	}
	return seeds
}

// FuzzMath runs the delimiter scanner and the math pass on arbitrary
// documents: no panic, every formula counted once, every <math> closed,
// every fallback counted.
func FuzzMath(f *testing.F) {
	for _, s := range mathSeeds(f) {
		f.Add(string(s))
	}
	for _, s := range []string{"$", "$$", "$$$", `\(`, `\[x`, "$x$5", "\\begin{equation}\n", "a $b\n\nc$ d", "\\eqref{", "$$x$$ $y$ \\[z\\]", "> $$\n> x\n", "- $a\n- b$"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		r := testConverter.Convert([]byte(src), Env{File: "fuzz.md"})
		html := string(r.HTML)
		if r.Stats.MathFallback > r.Stats.Math {
			t.Fatalf("%d fallbacks of %d formulas", r.Stats.MathFallback, r.Stats.Math)
		}
		if strings.Count(html, "<math") != strings.Count(html, "</math>") {
			t.Fatalf("unbalanced <math> in\n%s", html)
		}
		warned := 0
		for _, d := range r.Diags {
			if d.Kind == "math-fallback" {
				warned++
			}
		}
		if warned != r.Stats.MathFallback {
			t.Fatalf("%d fallback warnings for %d fallbacks", warned, r.Stats.MathFallback)
		}
	})
}

// BenchmarkMath converts the gallery post and the construct goldens
// through the whole markdown pipeline and reports formulas per second:
// cached (every formula seen before, the steady state of a build or of
// distill serve) and uncached (every formula converted). -cpu 1 is one
// core; -cpu N runs N documents at once.
func BenchmarkMath(b *testing.B) {
	var docs [][]byte
	for _, f := range []string{"testdata/math_constructs.md", "testdata/math_numbering.md", "../../content/posts/2024-05-01-math-gallery.md"} {
		d, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, d)
	}
	formulasPerRound := 0
	for _, d := range docs {
		formulasPerRound += testConverter.Convert(d, Env{File: "bench.md"}).Stats.Math
	}
	run := func(b *testing.B) {
		var n atomic.Int64
		defer debug.SetGCPercent(debug.SetGCPercent(400)) // as distill build runs (internal/cli)
		b.ResetTimer()
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				for _, d := range docs {
					n.Add(int64(testConverter.Convert(d, Env{File: "bench.md"}).Stats.Math))
				}
			}
		})
		b.ReportMetric(float64(n.Load())/b.Elapsed().Seconds(), "formulas/s")
		b.ReportMetric(float64(formulasPerRound), "formulas/round")
	}
	b.Run("cached", run)
	b.Run("uncached", func(b *testing.B) {
		saved := formulas
		formulas = newMathCache(0)
		defer func() { formulas = saved }()
		run(b)
	})
}
