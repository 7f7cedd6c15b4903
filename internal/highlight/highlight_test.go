package highlight

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var samples = map[string]string{
	"go": `package main

import "fmt"

// Sum adds the numbers.
func Sum(xs []float64) (s float64) {
	for _, x := range xs {
		s += x * 0.5 // half
	}
	return s
}

func main() { fmt.Println(Sum([]float64{1, 2, 3}), "done\n") }
`,
	"python": `import numpy as np

def train(model, data, lr=1e-3):
    """Train the model."""
    for epoch in range(10):
        loss = model(data).mean()  # forward
        print(f"epoch {epoch}: {loss:.3f}")
    return model
`,
	"javascript": `const f = (x) => x * 2;
// comment
function g(a, b) { return a + b + "str" + ` + "`t${a}`" + `; }
console.log([1, 2, 3].map(f));
`,
	"bash": `#!/bin/bash
for f in *.md; do
  echo "file: $f" | grep -v x > /dev/null
done
export PATH=$HOME/bin:$PATH
`,
}

func TestCodeHighlightsAndEscapes(t *testing.T) {
	h := New()
	for lang, code := range samples {
		out := h.Code(lang, code)
		if !strings.Contains(out, `<span class="`) {
			t.Errorf("%s: no token spans in %q", lang, out)
		}
		if h.Code(lang, code) != out {
			t.Errorf("%s: cached result differs", lang)
		}
	}
	if got := h.Code("mermaid", "a-->b <x>"); got != "a--&gt;b &lt;x&gt;" {
		t.Errorf("unknown language not escaped: %q", got)
	}
	if h.Known("no-such-lang") || !h.Known("Go") {
		t.Error("Known is wrong")
	}
}

func TestCSSHasBothSchemes(t *testing.T) {
	css := CSS()
	for _, want := range []string{".chroma .k", "html[data-theme=dark] .chroma .k", "prefers-color-scheme: dark"} {
		if !strings.Contains(css, want) {
			t.Errorf("CSS lacks %q", want)
		}
	}
}

// BenchmarkUncached highlights each sample with a fresh cache every time:
// the cost of chroma itself, per language.
func BenchmarkUncached(b *testing.B) {
	for lang, code := range samples {
		b.Run(lang, func(b *testing.B) {
			h := New()
			lexer := h.lexer(lang)
			b.SetBytes(int64(len(code)))
			for b.Loop() {
				_ = h.render(lexer, code)
			}
		})
	}
}

// TestFastLexerMatchesChroma lexes chroma's own test inputs (copied into
// testdata/lexers, named by language) with chroma's driver and with ours,
// and requires the same tokens, plus every sample above and the sample
// site's code.
func TestFastLexerMatchesChroma(t *testing.T) {
	files, _ := filepath.Glob("testdata/lexers/*.txt")
	if len(files) < 20 {
		t.Fatalf("only %d lexer inputs", len(files))
	}
	inputs := map[string]string{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		inputs[strings.TrimSuffix(filepath.Base(f), ".txt")] = string(b)
	}
	for lang, code := range samples {
		inputs[lang+"-sample"] = code
	}
	h := New()
	for name, code := range inputs {
		lang, _, _ := strings.Cut(name, "-")
		l := h.lexer(lang)
		if l == nil {
			t.Errorf("%s: no lexer", lang)
			continue
		}
		if l.fast == nil {
			if lang == "go" || lang == "python" || lang == "bash" || lang == "javascript" {
				t.Errorf("%s: no fast driver", lang)
			}
			continue
		}
		it, err := l.chroma.Tokenise(nil, code)
		if err != nil {
			t.Fatal(err)
		}
		want := it.Tokens()
		got := coalesce(l.fast.Tokenise(code)).Tokens()
		if len(got) != len(want) {
			t.Errorf("%s: %d tokens, chroma has %d", name, len(got), len(want))
		}
		for i := range min(len(got), len(want)) {
			if got[i] != want[i] {
				t.Errorf("%s: token %d = %v, chroma has %v", name, i, got[i], want[i])
				break
			}
		}
	}
}

// TestFirstSet checks the first-character filter on patterns of each kind.
func TestFirstSet(t *testing.T) {
	tests := []struct {
		pattern string
		ok      bool
		in, out string
	}{
		{"(?:func|var)", true, "fv", "xF"},
		{"(?i)(?:func)", true, "fF", "x"},
		{`(?:\s+)`, true, " \t\n\v", "a"},
		{`(?:[a-z_]\w*)`, true, "az_", "A0"},
		{`(?:x?y)`, true, "xy", "z"},
		{`(?:a*)`, false, "", ""},     // can match empty: no filter
		{`(?:(?=x)x)`, false, "", ""}, // lookahead: Go cannot parse it
		{`(?:^#)`, true, "#", "a"},    // zero-width then literal
		{`(?m)(?:.)`, true, "a ", "\n"},
	}
	for _, tc := range tests {
		set, ok := firstSet(tc.pattern)
		if ok != tc.ok {
			t.Errorf("%q: ok = %v", tc.pattern, ok)
			continue
		}
		for _, r := range tc.in {
			if !set.has(r) {
				t.Errorf("%q: %q missing", tc.pattern, r)
			}
		}
		for _, r := range tc.out {
			if set.has(r) {
				t.Errorf("%q: %q should not be in the set", tc.pattern, r)
			}
		}
		if ok && !set.has('é') {
			t.Errorf("%q: non-ASCII must always pass", tc.pattern)
		}
	}
}
