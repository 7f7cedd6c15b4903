package mathml

import (
	"encoding/xml"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

// goldenCase is one entry of testdata/cases.txt.
type goldenCase struct {
	name    string
	display bool
	tex     string
}

func readCases(t testing.TB) []goldenCase {
	t.Helper()
	data, err := os.ReadFile("testdata/cases.txt")
	if err != nil {
		t.Fatal(err)
	}
	var cases []goldenCase
	for _, block := range strings.Split(string(data), "\n### ")[1:] {
		name, tex, _ := strings.Cut(block, "\n")
		c := goldenCase{name: name}
		if rest, ok := strings.CutPrefix(tex, "display\n"); ok {
			c.display, tex = true, rest
		}
		c.tex = strings.TrimRight(tex, "\n")
		cases = append(cases, c)
	}
	return cases
}

// render formats one conversion for the golden file.
func render(c goldenCase) string {
	res, err := Convert(c.tex, Options{Display: c.display})
	var b strings.Builder
	fmt.Fprintf(&b, "### %s\n", c.name)
	if err != nil {
		fmt.Fprintf(&b, "error: %v\n", err)
		return b.String()
	}
	b.WriteString(res.MathML + "\n")
	for _, r := range res.Rows {
		fmt.Fprintf(&b, "row: label=%q tag=%q numbered=%v\n", r.Label, r.Tag, r.Numbered)
	}
	if len(res.Refs) > 0 {
		fmt.Fprintf(&b, "refs: %q\n", res.Refs)
	}
	return b.String()
}

func TestGolden(t *testing.T) {
	cases := readCases(t)
	var all strings.Builder
	got := map[string]string{}
	for _, c := range cases {
		out := render(c)
		got[c.name] = out
		all.WriteString(out)
	}
	const path = "testdata/cases.golden"
	if *update {
		if err := os.WriteFile(path, []byte(all.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	want := map[string]string{}
	for _, block := range strings.SplitAfter(string(data), "\n### ") {
		block = strings.TrimSuffix(block, "### ")
		if !strings.HasPrefix(block, "### ") {
			block = "### " + block
		}
		name, _, _ := strings.Cut(strings.TrimPrefix(block, "### "), "\n")
		want[name] = block
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got[c.name] != want[c.name] {
				t.Errorf("tex: %s\ngot:\n%s\nwant:\n%s", c.tex, got[c.name], want[c.name])
			}
			if strings.Contains(got[c.name], "error: ") {
				t.Errorf("golden case fails: %s", got[c.name])
			}
		})
	}
}

func TestErrors(t *testing.T) {
	tests := []struct {
		name, tex, reason string
	}{
		{"unknown command", `x + \foo`, `unknown command \foo`},
		{"unbalanced open", `\frac{a}{b`, "unbalanced braces"},
		{"unbalanced close", `a}`, "unexpected }"},
		{"missing right", `\left( x`, `missing \right`},
		{"right alone", `x \right)`, `unexpected \right`},
		{"bad delimiter", `\left x \right)`, `missing delimiter after \left`},
		{"double superscript", `x^a^b`, "double superscript"},
		{"double subscript", `x_a_b`, "double subscript"},
		{"missing end", `\begin{matrix} a`, `missing \end{matrix}`},
		{"mismatched end", `\begin{matrix} a \end{pmatrix}`, `\begin{matrix} ended by \end{pmatrix}`},
		{"unknown env", `\begin{foo} a \end{foo}`, `unknown environment "foo"`},
		{"missing argument", `\frac{a}`, `missing argument for \frac`},
		{"bad colour", `\color{red;x}{y}`, `bad colour`},
		{"bad length", `\hspace{fast}`, `bad length`},
		{"recursive macro", `\def\a{\a}\a`, "too many macro expansions"},
		{"exponential macro", `\def\a{\b\b}\def\b{\c\c}\def\c{\d\d}\def\d{\e\e}\def\e{\f\f}\def\f{\g\g}\def\g{\h\h}\def\h{\i\i}\def\i{\j\j}\def\j{\k\k}\def\k{\l\l}\def\l{\m\m}\def\m{\n\n}\def\n{\o\o}\def\o{x}\a`, "too many macro expansions"},
		{"deep nesting", strings.Repeat("{", 2000) + strings.Repeat("}", 2000), "formula nested too deeply"},
		{"deep arguments", strings.Repeat(`\sqrt`, 3000) + "x", "formula nested too deeply"},
		{"deep accents", strings.Repeat(`\hat`, 3000) + "x", "formula nested too deeply"},
		{"end alone", `\end{x}`, `unexpected \end`},
		{"param outside", `#1`, "macro parameter outside a definition"},
		{"multiple tags", `x \tag{1} \tag{2}`, `multiple \tag`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Convert(tt.tex, Options{Display: true})
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("Convert(%q) error = %v, want *Error", tt.tex, err)
			}
			if !strings.Contains(e.Reason, tt.reason) {
				t.Errorf("reason = %q, want it to contain %q", e.Reason, tt.reason)
			}
			if e.Offset < 0 || e.Offset > len(tt.tex) {
				t.Errorf("offset %d outside the formula", e.Offset)
			}
		})
	}
}

func TestMacros(t *testing.T) {
	m := NewMacros()
	m.Define("RR", 0, `\mathbb{R}`)
	m.Define("pair", 2, `\langle #1, #2 \rangle`)
	m.Collect(`\newcommand{\norm}[1]{\lVert #1 \rVert} \DeclareMathOperator{\rank}{rank} \def\half{\frac12}`)
	m.Collect(`\definecolor{cvred}{RGB}{230, 29, 0}`)
	c := m.Clone()
	c.Define("extra", 0, "e")
	if m.lookup("extra") != nil {
		t.Error("Clone shares definitions with its original")
	}
	res, err := Convert(`\RR \pair{a}{b} \norm{x} \rank A \half \color{cvred} z`, Options{Macros: m})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"<mi>ℝ</mi>", "⟨", `<mi>rank</mi><mo>&#x2061;</mo>`, "‖", "<mfrac><mn>1</mn><mn>2</mn></mfrac>", `mathcolor="rgb(230,29,0)"`} {
		if !strings.Contains(res.MathML, want) {
			t.Errorf("missing %q in %s", want, res.MathML)
		}
	}
}

func TestWithNumbers(t *testing.T) {
	res, err := Convert(`\begin{align} a &= b \label{x} \\ c &= d \tag{T} \\ e &= f \tag*{[*]} \end{align}`, Options{Display: true})
	if err != nil {
		t.Fatal(err)
	}
	want := []Row{{Label: "x", Numbered: true}, {Tag: "T"}, {Tag: "[*]"}}
	if fmt.Sprint(res.Rows) != fmt.Sprint(want) {
		t.Fatalf("rows = %v, want %v", res.Rows, want)
	}
	out := res.WithNumbers([]string{"3", "T", "[*]"}, []string{"eq-x", "", ""})
	for _, s := range []string{`<mtr id="eq-x">`, "<mtext>(3)</mtext>", "<mtext>(T)</mtext>", "<mtext>[*]</mtext>"} {
		if !strings.Contains(out, s) {
			t.Errorf("missing %q in %s", s, out)
		}
	}
	if strings.Contains(out, "data-eq") {
		t.Errorf("placeholders left: %s", out)
	}
	if inline, _ := Convert(`x \tag{1}`, Options{}); len(inline.Rows) != 0 {
		t.Errorf("inline math got rows %v", inline.Rows)
	}
}

func TestResolveRefs(t *testing.T) {
	res, err := Convert(`\eqref{a} \ref{b} \eqref{missing} \eqref{a}`, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(res.Refs) != "[a b missing]" {
		t.Errorf("refs = %q", res.Refs)
	}
	out := ResolveRefs(res.MathML, func(label string) (string, string, bool) {
		switch label {
		case "a":
			return "1", "#eq-a", true
		case "b":
			return "2", "", true
		}
		return "", "", false
	})
	for _, s := range []string{`<mtext><a href="#eq-a">(1)</a></mtext>`, "<mtext>2</mtext>", "<mtext>(??)</mtext>"} {
		if !strings.Contains(out, s) {
			t.Errorf("missing %q in %s", s, out)
		}
	}
}

func TestDeterministic(t *testing.T) {
	for _, c := range readCases(t) {
		a, b := render(c), render(c)
		if a != b {
			t.Errorf("%s: two conversions differ", c.name)
		}
	}
}

// TestPreamble follows a post that defines its macros in one hidden
// formula and uses them in the others.
func TestPreamble(t *testing.T) {
	pre, err := os.ReadFile("testdata/preamble.tex")
	if err != nil {
		t.Fatal(err)
	}
	m := NewMacros()
	m.Collect(string(pre))
	if _, err := Convert(string(pre), Options{Display: true, Macros: m}); err != nil {
		t.Fatalf("the preamble itself: %v", err)
	}
	for _, tex := range []string{
		`\Kale{\qof{\W}}{\pof{\W}} \ge \Kale{\qof{Y}}{\pof{Y}}.`,
		`\begin{align} \E{\qof{\w}}{-\log \pof{\Dany \given \w}} + \Kale{\qof{Y... \given \x...}}{\pof{Y... \given \x...}}, \end{align}`,
		`\Hof{X \given Y} = \underbrace{\MIof{X ; Z \given Y}}_{\overset{(1)}{=}0} + \Hof{X \given Y, Z} \overset{(2)}{\le} \Hof{X \given Z}.`,
		`X \overset{\fof{y \given x}}{\longrightarrow} Y`,
		`\CrossEntropy{\pof{X}}{\qof{X}} = \E{\pof{x}}{-\log \qof{x}} + \pdata{x} + \L + \czero`,
	} {
		res, err := Convert(tex, Options{Display: true, Macros: m})
		if err != nil {
			t.Errorf("%v\n\t%s", err, tex)
			continue
		}
		if strings.Contains(res.MathML, `<mtext>\`) {
			t.Errorf("unexpanded macro in %s", res.MathML)
		}
	}
}

// TestWellFormed parses every golden output as XML.
func TestWellFormed(t *testing.T) {
	for _, c := range readCases(t) {
		res, err := Convert(c.tex, Options{Display: c.display})
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		out := res.WithNumbers([]string{"1", "2", "3"}, []string{"a", "b", "c"})
		dec := xml.NewDecoder(strings.NewReader(out))
		for {
			_, err := dec.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Errorf("%s: %v\n%s", c.name, err, out)
				break
			}
		}
	}
}
