package libs

import (
	"strings"
	"testing"
)

func TestMathFontFace(t *testing.T) {
	got := MathFontFace(`https://cdn.example/npm/`)
	want := `@font-face{font-family:"STIX Two Math";src:local("STIX Two Math"),local("STIXTwoMath-Regular"),url("https://cdn.example/npm/@fontsource/stix-two-math@5.3.0/files/stix-two-math-latin-400-normal.woff2") format("woff2");font-display:swap}`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if bad := MathFontFace(`/a"b\c`); strings.Contains(bad, `a"b`) || strings.Contains(bad, `\c`) {
		t.Errorf("base URL not escaped in CSS: %s", bad)
	}
	if _, ok := Get("katex"); !ok {
		t.Error("katex is not pinned")
	}
}
