package pseudocode

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

// fakeMath stands in for the MathML renderer.
func fakeMath(tex string) string { return "<math>" + strings.ReplaceAll(tex, "<", "&lt;") + "</math>" }

func TestGolden(t *testing.T) {
	inputs, _ := filepath.Glob("testdata/*.tex")
	if len(inputs) == 0 {
		t.Fatal("no testdata/*.tex")
	}
	for _, in := range inputs {
		name := strings.TrimSuffix(filepath.Base(in), ".tex")
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			a, err := Parse(string(src))
			if err != nil {
				t.Fatal(err)
			}
			got := Render(a, Options{LineNumbers: true, Number: 1, Math: fakeMath}) +
				"<!-- no line numbers, no math renderer -->\n" + Render(a, Options{Number: 2})
			golden := strings.TrimSuffix(in, ".tex") + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if got != string(want) {
				t.Errorf("output differs from %s (run go test -update and review the diff)", golden)
			}
		})
	}
}

func render(t *testing.T, src string, opt Options) string {
	t.Helper()
	a, err := Parse(src)
	if err != nil {
		t.Fatal(err)
	}
	return Render(a, opt)
}

func wrap(body string) string {
	return "\\begin{algorithm}\n\\caption{T}\n\\begin{algorithmic}\n" + body + "\n\\end{algorithmic}\n\\end{algorithm}\n"
}

func TestRenderPieces(t *testing.T) {
	tests := []struct {
		name, body, want string
		opt              Options
	}{
		{"caption numbered", "", `<span class="ps-keyword">Algorithm 3</span> T</p>`, Options{Number: 3}},
		{"caption unnumbered", "", `<span class="ps-keyword">Algorithm</span> T</p>`, Options{}},
		{"state", `\STATE x`, `<p class="ps-line ps-code">x</p>`, Options{}},
		{"line numbers", `\STATE a \STATE b`, `<span class="ps-linenum">2:</span>b</p>`, Options{LineNumbers: true}},
		{"require unnumbered", `\REQUIRE n`, `<p class="ps-line"><span class="ps-keyword">Require:</span> n</p>`, Options{LineNumbers: true}},
		{"end if", `\IF{c}\STATE x\ENDIF`, `<p class="ps-line ps-code"><span class="ps-keyword">end if</span></p>`, Options{}},
		{"elsif", `\IF{a}\ELSIF{b}\ELSE\ENDIF`, `<span class="ps-keyword">else if</span> b <span class="ps-keyword">then</span>`, Options{}},
		{"forall", `\FORALL{x}\ENDFOR`, `<span class="ps-keyword">for all</span> x <span class="ps-keyword">do</span>`, Options{}},
		{"to keyword", `\FOR{i = 1 \TO n}\ENDFOR`, `i = 1 <span class="ps-keyword">to</span> n`, Options{}},
		{"call", `\STATE \CALL{Sort}{A}`, `<span class="ps-funcname">Sort</span>(A)`, Options{}},
		{"math default", `\STATE $a<b$`, `<code class="ps-math">a&lt;b</code>`, Options{}},
		{"math callback", `\STATE \(x\)`, `<math>x</math>`, Options{Math: fakeMath}},
		{"double dollar is inline", `\STATE $$x$$ y`, `<math>x</math> y`, Options{Math: fakeMath}},
		{"comment on line", `\STATE x \COMMENT{why}`, `x<span class="ps-comment">// why</span></p>`, Options{}},
		{"comment on control line", `\WHILE{c}\COMMENT{loop}\STATE x\ENDWHILE`, `<span class="ps-keyword">do</span><span class="ps-comment">// loop</span></p>`, Options{}},
		{"escaped html", `\STATE <script>&`, `&lt;script&gt;&amp;`, Options{}},
		{"styles", `\STATE \textbf{b} \textit{i} \texttt{t}`, `<b>b</b> <i>i</i> <code>t</code>`, Options{}},
		{"specials", `\STATE \{a\} \$ \% \_ \&`, `{a} $ % _ &amp;`, Options{}},
		{"percent comment dropped", "\\STATE a % hidden\n\\STATE b", `<p class="ps-line ps-code">a</p>`, Options{}},
		{"quotes", "\\STATE ``q'' it's", `“q” it’s`, Options{}},
		{"case-insensitive commands", `\If{c}\State x\EndIf`, `<span class="ps-keyword">end if</span>`, Options{}},
		{"repeat until", `\REPEAT\STATE x\UNTIL{done}`, `<span class="ps-keyword">until</span> done</p>`, Options{}},
		{"procedure", `\PROCEDURE{P}{a, b}\ENDPROCEDURE`, `<span class="ps-keyword">procedure</span> <span class="ps-funcname">P</span>(a, b)`, Options{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := render(t, wrap(tt.body), tt.opt)
			if !strings.Contains(got, tt.want) {
				t.Errorf("output lacks %s\n%s", tt.want, got)
			}
		})
	}
}

func TestIndentation(t *testing.T) {
	got := render(t, wrap(`\IF{a}\FOR{b}\STATE x\ENDFOR\ENDIF`), Options{})
	// algorithmic > block > if line, block > for line, block > x
	if n := strings.Count(got, `<div class="ps-block">`); n != 3 {
		t.Errorf("%d blocks, want 3:\n%s", n, got)
	}
	if strings.Index(got, "end for") > strings.Index(got, "end if") {
		t.Errorf("end for must come before end if:\n%s", got)
	}
}

func TestParseStructure(t *testing.T) {
	src, err := os.ReadFile("testdata/quicksort.tex")
	if err != nil {
		t.Fatal(err)
	}
	a, err := Parse(string(src))
	if err != nil {
		t.Fatal(err)
	}
	if plain(a.Caption) != "Quicksort" || len(a.Body) != 1 || len(a.Body[0]) != 2 {
		t.Fatalf("caption %q, body %+v", plain(a.Caption), a.Body)
	}
	p := a.Body[0][1]
	if p.Kind != Procedure || plain(p.Name) != "Partition" || p.Line != 12 || len(p.Body) != 3 {
		t.Errorf("second procedure = %+v", p)
	}
	loop := p.Body[2]
	if loop.Kind != For || loop.Line != 15 || len(loop.Body) != 2 || loop.Body[0].Kind != If {
		t.Errorf("for loop = %+v", loop)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, src string
		line      int
		msg       string
	}{
		{"unclosed if", "\\begin{algorithmic}\n\\IF{x}\n\\STATE y\n\\end{algorithmic}", 2, `unclosed \IF`},
		{"unclosed if at eof", "\\begin{algorithmic}\n\\STATE a\n\\IF{x}\n\\STATE y\n", 3, `unclosed \IF`},
		{"wrong closer", "\\begin{algorithmic}\n\\FOR{x}\n\\STATE y\n\\ENDWHILE\n\\end{algorithmic}", 4, `inside \FOR opened at line 2`},
		{"stray endif", "\\begin{algorithmic}\n\\STATE a\n\\ENDIF\n\\end{algorithmic}", 3, `without an open \IF`},
		{"missing condition", "\\begin{algorithmic}\n\\IF x\n\\ENDIF\n\\end{algorithmic}", 2, `\IF needs a {…} argument`},
		{"unclosed brace", "\\begin{algorithmic}\n\\IF{x\n\\ENDIF\n\\end{algorithmic}", 2, "never closed"},
		{"unclosed math", "\\begin{algorithmic}\n\\STATE $x\n\\end{algorithmic}", 2, "unclosed math"},
		{"unknown command", "\\begin{algorithmic}\n\n\\STATE \\frac{a}{b}\n\\end{algorithmic}", 3, `unknown command \frac`},
		{"no environment", "\\STATE x", 1, `expected \begin{algorithm}`},
		{"unclosed algorithm", "\\begin{algorithm}\n\\caption{x}\n", 1, `\begin{algorithm} is never closed`},
		{"unclosed algorithmic", "\\begin{algorithm}\n\\begin{algorithmic}\n\\STATE x\n", 2, `\begin{algorithmic} is never closed`},
		{"mismatched end", "\\begin{algorithm}\n\\begin{algorithmic}\n\\end{algorithm}", 3, "does not match"},
		{"text outside statement", "\\begin{algorithmic}\nhello\n\\end{algorithmic}", 2, `missing \STATE`},
		{"second else", "\\begin{algorithmic}\n\\IF{a}\n\\ELSE\n\\ELSE\n\\ENDIF\n\\end{algorithmic}", 4, `second \ELSE`},
		{"two algorithms", "\\begin{algorithmic}\n\\end{algorithmic}\n\\begin{algorithmic}\n\\end{algorithmic}", 3, "own block"},
		{"repeat without until", "\\begin{algorithmic}\n\\REPEAT\n\\STATE x\n\\end{algorithmic}", 2, `unclosed \REPEAT`},
		{"unmatched brace", "\\begin{algorithmic}\n\\STATE a}\n\\end{algorithmic}", 2, `unmatched "}"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(tt.src)
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("err = %v, want *ParseError", err)
			}
			if pe.Line != tt.line || !strings.Contains(pe.Msg, tt.msg) {
				t.Errorf("got line %d %q, want line %d containing %q", pe.Line, pe.Msg, tt.line, tt.msg)
			}
		})
	}
}

func FuzzParse(f *testing.F) {
	inputs, _ := filepath.Glob("testdata/*.tex")
	for _, in := range inputs {
		b, err := os.ReadFile(in)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b))
	}
	f.Add(wrap(`\STATE $x$ \( y \) \\ \{ \IF{\CALL{f}{}}\ENDIF`))
	f.Fuzz(func(t *testing.T, src string) {
		a, err := Parse(src)
		if err != nil {
			if _, ok := err.(*ParseError); !ok {
				t.Fatalf("error %T is not *ParseError", err)
			}
			return
		}
		out := Render(a, Options{LineNumbers: true, Number: 1})
		if out != Render(a, Options{LineNumbers: true, Number: 1}) {
			t.Fatal("not deterministic")
		}
		if strings.Count(out, "<p ") != strings.Count(out, "</p>") || strings.Count(out, "<div ") != strings.Count(out, "</div>") {
			t.Fatalf("unbalanced output:\n%s", out)
		}
	})
}

func BenchmarkParseRender(b *testing.B) {
	src, err := os.ReadFile("testdata/quicksort.tex")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		a, err := Parse(string(src))
		if err != nil {
			b.Fatal(err)
		}
		Render(a, Options{LineNumbers: true, Number: 1, Math: fakeMath})
	}
}
