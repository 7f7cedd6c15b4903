package markdown

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestGFMID(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"words", "Why SGD works", "why-sgd-works"},
		{"punctuation goes, - and _ stay", "Chartjs, Echarts and Vega-Lite", "chartjs-echarts-and-vega-lite"},
		{"each space is a dash", "a  b", "a--b"},
		{"underscore kept", "snake_case name", "snake_case-name"},
		{"letters of any script", "Héllo wörld Привет 你好", "héllo-wörld-привет-你好"},
		{"markup characters go", "`code` and *em* [link](x)", "code-and-em-linkx"},
		{"question mark", "Other Typography?", "other-typography"},
		{"math", `The $\alpha$ term`, "the-alpha-term"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := GFMID(tt.in); got != tt.want {
				t.Errorf("GFMID(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestHeadingIDsRepeat(t *testing.T) {
	ids := newHeadingIDs()
	ids.Put([]byte("intro-1"))
	var got []string
	for _, h := range []string{"Intro", "Intro", "Intro", "", "!"} {
		got = append(got, string(ids.Generate([]byte(h), 0)))
	}
	if want := "intro intro-2 intro-3 section section-1"; strings.Join(got, " ") != want {
		t.Errorf("ids = %q, want %q", strings.Join(got, " "), want)
	}
}

func TestParseIAL(t *testing.T) {
	tests := []struct {
		in   string
		want string // name=value pairs, or "no"
		n    int
	}{
		{"{: .block-tip }", "class=block-tip", 15},
		{`{:target="\_blank"} rest`, "target=_blank", 19},
		{`{:data-toc-text="Customizing"}`, "data-toc-text=Customizing", 30},
		{"{: #id .a .b key=v k2='x y'}", "class=a b id=id key=v k2=x y", 28},
		{`{: title="a \"quoted\" \}"}`, `title=a "quoted" }`, 27},
		{"{: refname .x}", "class=x", 14},
		{"{:}", "", 3},
		{"{: .x", "no", 0},
		{"{: =x}", "no", 0},
		{`{: a="unclosed}`, "no", 0},
		{"{ .x}", "no", 0},
		{"{: .x\n}", "no", 0},
	}
	for _, tt := range tests {
		attrs, n, ok := parseIAL([]byte(tt.in))
		var got []string
		for _, a := range attrs {
			got = append(got, fmt.Sprintf("%s=%s", a.Name, a.Value))
		}
		gs := strings.Join(got, " ")
		if !ok {
			gs = "no"
		}
		if gs != tt.want || n != tt.n {
			t.Errorf("parseIAL(%q) = %q, %d; want %q, %d", tt.in, gs, n, tt.want, tt.n)
		}
	}
}

// TestIALLines: an IAL names its file line in warnings even after Liquid
// changed the body's lines.
func TestIALLines(t *testing.T) {
	res := testConverter.Convert([]byte("a\n\ntext {: .x}\n"), Env{File: "p.md", Lines: []int{10, 11, 20}})
	if len(res.Diags) != 1 || res.Diags[0].Line != 20 {
		t.Errorf("diags = %v, want one at line 20", res.Diags)
	}
}

// TestIALNotInMathOrCode: braces in formulas and code are never
// attribute lists.
func TestIALNotInMathOrCode(t *testing.T) {
	res := testConverter.Convert([]byte("$\\{: .x\\}$ and $${a}_{: .y}$$ and `{: .z}`\n"), Env{File: "m.md"})
	if html := string(res.HTML); strings.Contains(html, `class="x"`) || strings.Contains(html, `class="y"`) || strings.Contains(html, `class="z"`) || !strings.Contains(html, "{: .z}") {
		t.Errorf("an attribute list was read inside math or code:\n%s", html)
	}
}

// FuzzKramdown: any document with kramdown syntax converts without a
// panic.
func FuzzKramdown(f *testing.F) {
	if src, err := os.ReadFile("testdata/kramdown.md"); err == nil {
		f.Add(string(src))
	}
	for _, s := range []string{"{: .x}", "> a\n{: .b}", "- a\n  - b\n{: .c}", "|a|\n|-|\n{: .t}", "{::nomarkdown}\n<b>", "x {::nomarkdown}<i>", "*a*{: #i}{: .j}", "{:a='b'}\n\n{:c=d}", "## h\n{:}"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		testConverter.Convert([]byte(src), Env{File: "f.md"})
	})
}
