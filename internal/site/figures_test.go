package site

import (
	"context"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/distill-dev/distill/internal/libs"
	"github.com/distill-dev/distill/internal/output"
)

// buildFigureSite builds the sample figures post, a post with one mermaid
// diagram, a post without figures and two with front-matter flags, with
// the given distill.yaml.
func buildFigureSite(t *testing.T, config string, minify bool) (*Result, *output.Mem) {
	t.Helper()
	post, err := os.ReadFile(repoRoot + "/content/posts/2024-04-01-figures.md")
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{
		"distill.yaml":                         {Data: []byte(config)},
		"content/posts/2024-04-01-figures.md":  {Data: post},
		"content/posts/2024-04-02-mermaid.md":  {Data: []byte("---\nlayout: distill\ntitle: One diagram\n---\n\n```mermaid\nflowchart LR\n  a --> b\n```\n")},
		"content/posts/2024-04-03-nothing.md":  {Data: []byte("---\nlayout: distill\ntitle: No figures\n---\n\nJust text, and `code`.\n")},
		"content/posts/2024-04-04-flags.md":    {Data: []byte("---\nlayout: distill\ntitle: Flags only\nmermaid:\n  enabled: true\nchart:\n  echarts: true\n  plotly: false\ntikzjax: true\n---\n\n```plotly\n{\"data\": []}\n```\n")},
		"content/posts/2024-04-05-no-flags.md": {Data: []byte("---\nlayout: distill\ntitle: No flags\n---\n\n```echarts\n{\"series\": []}\n```\n")},
	}
	mem := output.NewMem()
	res, err := NewBuilder().Build(context.Background(), Options{FS: fsys, Now: fixedNow, Minify: minify}, mem)
	if err != nil {
		t.Fatal(err)
	}
	return res, mem
}

// TestFigurePages: each page loads the libraries of its own figures, with
// SRI hashes, from libs.base_url, and the scripts that draw them.
func TestFigurePages(t *testing.T) {
	res, mem := buildFigureSite(t, "libs:\n  base_url: https://libs.example/npm\nmap:\n  tile_url: https://tiles.example/{z}/{x}/{y}.png\n", false)
	if res.Diags.HasErrors() {
		t.Fatalf("errors: %v", res.Diags)
	}
	page := func(url string) string {
		b, ok := mem.Get(outPath(url))
		if !ok {
			t.Fatalf("no page %s", url)
		}
		return string(b)
	}
	all := page("/blog/2024/figures/")
	want, err := libs.Resolve([]string{"mermaid", "svg-pan-zoom", "chartjs", "echarts", "vega-embed", "plotly", "leaflet", "topojson", "tikzjax"})
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range want {
		for _, f := range l.Files {
			tag := l.URL("https://libs.example/npm", f) + `" integrity="` + f.Integrity + `" crossorigin="anonymous"`
			if !strings.Contains(all, tag) {
				t.Errorf("figures post does not load %s with its hash", l.URL("", f))
			}
		}
	}
	for _, s := range figureScripts {
		if !strings.Contains(all, "/assets/theme/js/page/"+s) {
			t.Errorf("figures post lacks %s", s)
		}
		if _, ok := mem.Get("assets/theme/js/page/" + s); !ok {
			t.Errorf("%s not written", s)
		}
	}
	if !strings.Contains(all, `data-tiles="https://tiles.example/{z}/{x}/{y}.png"`) {
		t.Error("map script lacks the configured tile URL")
	}
	one := page("/blog/2024/mermaid/")
	if n := strings.Count(one, "https://libs.example/"); n != 1 || !strings.Contains(one, "mermaid@") || !strings.Contains(one, "figure-mermaid.js") || strings.Contains(one, "figure-chartjs.js") {
		t.Errorf("one-diagram post loads %d libraries:\n%s", n, one)
	}
	none := page("/blog/2024/nothing/")
	if strings.Contains(none, "libs.example") || strings.Contains(none, "/js/page/figure-") {
		t.Error("a post without figures loads figure scripts")
	}
	if flags := page("/blog/2024/flags/"); strings.Contains(flags, "mermaid@") || strings.Contains(flags, "echarts@") || !strings.Contains(flags, "plotly") {
		t.Error("flags without blocks loaded libraries, or a block without its flag did not")
	}
}

// TestFigureFlagWarnings: a true flag without a matching block is warned
// about at the flag's line; a false flag and a block without a flag are
// fine.
func TestFigureFlagWarnings(t *testing.T) {
	res, _ := buildFigureSite(t, "", false)
	var got []string
	for _, d := range res.Diags {
		if d.Kind == "figure" {
			got = append(got, d.String())
		}
	}
	want := []string{
		"content/posts/2024-04-04-flags.md:5: warning: front matter mermaid: true, but the page has no ```mermaid block, so nothing is loaded for it; the flag can go",
		"content/posts/2024-04-04-flags.md:7: warning: front matter chart.echarts: true, but the page has no ```echarts block, so nothing is loaded for it; the flag can go",
		"content/posts/2024-04-04-flags.md:9: warning: front matter tikzjax: true, but the page has no <script type=\"text/tikz\"> block, so nothing is loaded for it; the flag can go",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestFigureErrorsFailTheBuild: invalid JSON in a chart is an error at
// its file line, after the front matter.
func TestFigureErrorsFailTheBuild(t *testing.T) {
	fsys := fstest.MapFS{
		"content/posts/2024-01-01-bad.md": {Data: []byte("---\ntitle: Bad\n---\n\n```chartjs\n{\n  \"type\": \"bar\"\n  \"data\": {}\n}\n```\n")},
	}
	res, err := NewBuilder().Build(context.Background(), Options{FS: fsys, Now: fixedNow}, output.NewMem())
	if err != nil {
		t.Fatal(err)
	}
	if !res.Diags.HasErrors() {
		t.Fatal("no error")
	}
	var found bool
	for _, d := range res.Diags {
		if d.File == "content/posts/2024-01-01-bad.md" && d.Line == 8 && strings.Contains(d.Msg, "invalid JSON") {
			found = true
		}
	}
	if !found {
		t.Errorf("no invalid-JSON error at line 8: %v", res.Diags)
	}
}
