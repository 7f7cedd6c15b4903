package mathml

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzConvert checks that no input panics, hangs or yields markup that
// breaks out of the <math> element.
func FuzzConvert(f *testing.F) {
	for _, c := range readCases(f) {
		f.Add(c.tex, c.display)
	}
	for _, s := range []string{`\def\a#1{#1#1}\a{\a{\a{x}}}`, `\left(\right.`, `x^`, `{`, `\begin{align}`,
		`\newcommand{\x}[2][a]{#1#2}\x`, `\text{$`, `\sqrt[`, `\color[rgb]{1,2}`, `\\&\\&`} {
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, tex string, display bool) {
		start := time.Now()
		res, err := Convert(tex, Options{Display: display})
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("Convert took %v", d)
		}
		if err != nil {
			if e, ok := err.(*Error); !ok || strings.HasPrefix(e.Reason, "internal error") {
				t.Fatalf("Convert(%q): %v", tex, err)
			}
			return
		}
		if !utf8.ValidString(res.MathML) {
			t.Errorf("invalid UTF-8 in output")
		}
		body := strings.TrimSuffix(res.MathML, "</math>")
		if strings.Contains(body, "</math>") || strings.Count(res.MathML, "<annotation") != 1 {
			t.Errorf("output escapes its element: %s", res.MathML)
		}
		if strings.Count(res.MathML, "<") != strings.Count(res.MathML, ">") {
			t.Errorf("unbalanced angle brackets: %s", res.MathML)
		}
	})
}
