package mathml

import (
	"runtime/debug"
	"testing"
)

// benchMix is a realistic mix: mostly short inline formulas, some displays.
var benchMix = []struct {
	tex     string
	display bool
}{
	{`x`, false},
	{`\theta`, false},
	{`x_i`, false},
	{`\mathbf{x} \in \mathbb{R}^{d}`, false},
	{`O(n \log n)`, false},
	{`\eta = 0.001`, false},
	{`z \sim q_\phi(z \mid x)`, false},
	{`\lim_{n \to \infty} \hat{\mu}_n = \mu`, false},
	{`p(x) = \frac{1}{Z} \exp(-E(x))`, false},
	{`\|W\|_F \le C`, false},
	{`\sum_{k=1}^\infty |\langle x, e_k \rangle|^2 \leq \|x\|^2`, true},
	{`\mathcal{L}(\theta) = \mathbb{E}_{x \sim p}\left[\log \frac{p(x)}{q_\phi(x)}\right]`, true},
	{"\\begin{aligned}\nD_{\\mathrm{KL}}(q \\,\\|\\, p) &= \\sum_i q_i \\log \\frac{q_i}{p_i} \\\\\n&\\ge 0\n\\end{aligned}", true},
	{`f(x) = \begin{cases} x & \text{if } x > 0, \\ 0 & \text{otherwise.} \end{cases}`, true},
}

func benchConvert(b *testing.B, parallel bool) {
	run := func(i int) {
		f := benchMix[i%len(benchMix)]
		if _, err := Convert(f.tex, Options{Display: f.display}); err != nil {
			b.Fatal(err)
		}
	}
	// The heap target distill build runs with (internal/cli): with Go's
	// default, this benchmark's tiny heap makes it measure the collector.
	defer debug.SetGCPercent(debug.SetGCPercent(400))
	b.ReportAllocs()
	b.ResetTimer()
	if parallel {
		b.RunParallel(func(pb *testing.PB) {
			for i := 0; pb.Next(); i++ {
				run(i)
			}
		})
	} else {
		for i := 0; i < b.N; i++ {
			run(i)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "formulas/s")
}

func BenchmarkConvert(b *testing.B) {
	b.Run("single", func(b *testing.B) { benchConvert(b, false) })
	b.Run("parallel", func(b *testing.B) { benchConvert(b, true) })
}
