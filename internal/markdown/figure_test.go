package markdown

import (
	"encoding/json"
	"maps"
	"os"
	"slices"
	"strings"
	"testing"
)

// TestFigureLibs: a document needs a library exactly when it has a block
// that needs it, and the report counts figures by fence language.
func TestFigureLibs(t *testing.T) {
	tests := []struct {
		name    string
		src     string
		env     Env
		libs    []string
		figures map[string]int
		code    int
	}{
		{name: "no figures", src: "text\n\n```go\nx := 1\n```\n", code: 1},
		{name: "mermaid", src: "```mermaid\ngraph TD; A-->B\n```\n", libs: []string{"mermaid"}, figures: map[string]int{"mermaid": 1}},
		{name: "zoomable block", src: "```mermaid zoomable\ngraph TD; A-->B\n```\n", libs: []string{"mermaid", "svg-pan-zoom"}, figures: map[string]int{"mermaid": 1}},
		{name: "zoomable front matter", src: "```mermaid\ngraph TD; A-->B\n```\n", env: Env{MermaidZoom: true},
			libs: []string{"mermaid", "svg-pan-zoom"}, figures: map[string]int{"mermaid": 1}},
		{name: "zoom without diagrams loads nothing", src: "text\n", env: Env{MermaidZoom: true}},
		{name: "two charts one library", src: "```chartjs\n{\"type\":\"bar\",\"data\":{}}\n```\n\n```chartjs\n{\"type\":\"pie\",\"data\":{}}\n```\n",
			libs: []string{"chartjs"}, figures: map[string]int{"chartjs": 2}},
		{name: "vega", src: "```vega_lite\n{}\n```\n", libs: []string{"vega-embed"}, figures: map[string]int{"vega_lite": 1}},
		{name: "maps", src: "```geojson\n{\"type\":\"Point\",\"coordinates\":[0,0]}\n```\n\n```topojson\n{\"type\":\"Topology\",\"objects\":{\"a\":{}},\"arcs\":[]}\n```\n",
			libs: []string{"leaflet", "topojson"}, figures: map[string]int{"geojson": 1, "topojson": 1}},
		{name: "build-time figures load nothing", src: "```typograms\n+--+\n```\n\n```diff2html\n--- a\n+++ b\n@@ -1 +1 @@\n-a\n+b\n```\n\n```pseudocode\n\\begin{algorithmic}\n\\STATE x\n\\end{algorithmic}\n```\n",
			figures: map[string]int{"typograms": 1, "diff2html": 1, "pseudocode": 1}},
		{name: "a diff snippet is code", src: "```diff\n-a\n+b\n```\n", code: 1},
		{name: "invalid JSON loads nothing", src: "```plotly\n{\n```\n", code: 1},
		{name: "tikz block", src: "<script type=\"text/tikz\">\n\\draw (0,0) circle (1);\n</script>\n", libs: []string{"tikzjax"}, figures: map[string]int{"tikz": 1}},
		{name: "tikz inline", src: "a <script type='text/tikz'>\\draw (0,0);</script> b\n", libs: []string{"tikzjax"}, figures: map[string]int{"tikz": 1}},
		{name: "other scripts", src: "<script>alert(1)</script>\n", libs: nil},
		{name: "fenced example of a figure", src: "````markdown\n```mermaid\ngraph TD\n```\n````\n", code: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.env.File = "x.md"
			res := testConverter.Convert([]byte(tt.src), tt.env)
			if !slices.Equal(res.Libs, tt.libs) {
				t.Errorf("libs %v, want %v", res.Libs, tt.libs)
			}
			if !maps.Equal(res.Stats.Figures, tt.figures) {
				t.Errorf("figures %v, want %v", res.Stats.Figures, tt.figures)
			}
			if res.Stats.Code != tt.code {
				t.Errorf("code %d, want %d", res.Stats.Code, tt.code)
			}
		})
	}
}

func TestParseFenceOptions(t *testing.T) {
	tests := []struct {
		info     string
		want     map[string]string
		problems int
	}{
		{info: "mermaid", want: map[string]string{}},
		{info: "mermaid zoomable", want: map[string]string{"zoomable": ""}},
		{info: `mermaid caption="A b" id=x`, want: map[string]string{"caption": "A b", "id": "x"}},
		{info: `chartjs {caption='it\'s' height=3px}`, want: map[string]string{"caption": "it's", "height": "3px"}},
		{info: `chartjs{caption="a \"q\" \\ b"}`, want: map[string]string{"caption": `a "q" \ b`}},
		{info: `x caption="open`, want: map[string]string{"caption": "open"}, problems: 1},
		{info: `x =v k=`, want: map[string]string{"v": "", "k": ""}, problems: 1},
		{info: `x caption=`, want: map[string]string{"caption": ""}},
	}
	for _, tt := range tests {
		t.Run(tt.info, func(t *testing.T) {
			got, problems := parseFenceOptions(tt.info)
			if !maps.Equal(got, tt.want) || len(problems) != tt.problems {
				t.Errorf("got %q %q, want %q and %d problems", got, problems, tt.want, tt.problems)
			}
		})
	}
}

func TestJSONErrLine(t *testing.T) {
	tests := []struct {
		name, src string
		line      int
	}{
		{"first line", "x\n", 1},
		{"third line", "{\n  \"a\": 1,\n  }\n", 3},
		{"unexpected end blames the last text", "{\n  \"a\": [1,\n\n\n", 2},
		{"trailing data", "{}\n{}\n", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var v any
			err := json.Unmarshal([]byte(tt.src), &v)
			if err == nil {
				t.Fatal("no error")
			}
			if got := jsonErrLine(tt.src, err); got != tt.line {
				t.Errorf("line %d, want %d (%v)", got, tt.line, err)
			}
		})
	}
}

// TestFigureErrorLines: errors name the file line of the problem, after
// the front matter, and through the line map a Liquid pass leaves
// (Env.Lines).
func TestFigureErrorLines(t *testing.T) {
	src := "para\n\n```chartjs\n{\n  \"type\": \"bar\",\n  \"data\": {,}\n}\n```\n"
	tests := []struct {
		name string
		env  Env
		line int
	}{
		{"front matter", Env{File: "p.md", LineOffset: 10}, 16},
		{"line map", Env{File: "p.md", Lines: []int{3, 4, 5, 6, 7, 40, 41, 42}}, 40},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := testConverter.Convert([]byte(src), tt.env)
			if len(res.Diags) != 1 || res.Diags[0].Line != tt.line || !res.Diags.HasErrors() {
				t.Fatalf("diags %v, want one error at line %d", res.Diags, tt.line)
			}
			if !strings.Contains(string(res.HTML), `<pre class="code chroma language-chartjs"`) {
				t.Errorf("a broken figure should stay visible as code:\n%s", res.HTML)
			}
		})
	}
}

var fuzzLangs = slices.Sorted(maps.Keys(figureKinds))

// FuzzFigure feeds every figure kind arbitrary options and sources: no
// panic; a JSON figure without an error holds valid JSON; and nothing from
// the block reaches the page as markup.
func FuzzFigure(f *testing.F) {
	for _, file := range []string{"testdata/figure.md", "testdata/figure_errors.md"} {
		src, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		for _, block := range strings.Split(string(src), "```")[1:] {
			info, body, _ := strings.Cut(block, "\n")
			lang, opts, _ := strings.Cut(info, " ")
			if i := slices.Index(fuzzLangs, lang); i >= 0 {
				f.Add(uint8(i), opts, body)
			}
		}
	}
	f.Fuzz(func(t *testing.T, k uint8, opts, body string) {
		lang := fuzzLangs[int(k)%len(fuzzLangs)]
		if strings.ContainsAny(opts, "`\n\r") {
			return // not an info string
		}
		src := "```" + lang + " " + opts + "\n" + body + "\n```\n"
		res := testConverter.Convert([]byte(src), Env{File: "f.md"})
		if strings.ContainsAny(body, "`~\r\x00") {
			return // the block may end early, or goldmark rewrites bytes
		}
		if strings.Contains(string(res.HTML), "<script") {
			t.Errorf("block text became a script:\n%s", res.HTML)
		}
		if figureKinds[lang].check != nil && !res.Diags.HasErrors() && !json.Valid([]byte(body+"\n")) {
			t.Errorf("invalid JSON accepted: %q", body)
		}
	})
}
