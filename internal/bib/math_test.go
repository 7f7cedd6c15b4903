package bib

import (
	"strings"
	"testing"
)

func TestTextHTML(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain <b> & text", "plain &lt;b&gt; &amp; text"},
		{"rate $O(1/k^2)$ here", `rate <math><semantics><mrow><mi>O</mi>`},
		{"display $$x$$ too", `display <math><semantics><mi>x</mi>`},
		{"costs $5 and $10", "costs $5 and $10"},
		{"a $ b$ c", "a $ b$ c"},
		{"a $x$5", "a $x$5"},
		{"unclosed $x", "unclosed $x"},
		{`escaped \$x$`, `escaped \$x$`},
		{`bad $\frac{$ math`, `bad $\frac{$ math`},
		{"$a$ and $b$", `<math><semantics><mi>a</mi>`},
	}
	for _, tt := range tests {
		got := textHTML(tt.in)
		if !strings.HasPrefix(got, tt.want) {
			t.Errorf("textHTML(%q) = %q, want prefix %q", tt.in, got, tt.want)
		}
	}
	if got := textHTML("$a$ and $b$"); strings.Count(got, "<math>") != 2 || !strings.Contains(got, "</math> and <math>") {
		t.Errorf("two spans: %q", got)
	}
}

func TestReferenceTitleMath(t *testing.T) {
	db, _ := Parse("t.bib", []byte("@article{k, title={Convergence rate {$O(1/k^2)$}}, author={Nesterov, Yurii}, year={1983}}"))
	e := db.Lookup("k")
	for name, got := range map[string]string{"reference": e.ReferenceHTML(), "hover": e.HoverHTML()} {
		if strings.Contains(got, "$") || !strings.Contains(got, "<math>") {
			t.Errorf("%s: title math not rendered: %s", name, got)
		}
	}
}
