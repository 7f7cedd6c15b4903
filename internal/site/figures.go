package site

// Figures on pages: the <head> of a page with figures loads the pinned
// libraries its markdown asked for (Page.Libs, internal/libs) and the
// theme's small script that draws each kind (static/js/page/figure-*.js);
// a page without figures loads neither. Front-matter flags (mermaid,
// chart, map, …) load nothing by themselves: one with no matching block is
// warned about at its line.

import (
	"html/template"
	"slices"
	"strings"

	"github.com/distill-dev/distill/internal/config"
	"github.com/distill-dev/distill/internal/diag"
	"github.com/distill-dev/distill/internal/diffview"
	"github.com/distill-dev/distill/internal/libs"
	"github.com/distill-dev/distill/internal/pseudocode"
)

// figureCSS styles the figures drawn at build time by their own packages;
// it joins the stylesheet bundle (extraCSS). The theme's figures.css styles
// the rest.
var figureCSS = diffview.CSS + "\n" + pseudocode.CSS

// figureScripts maps the library a figure kind asks for to the theme
// script that draws those figures with it.
var figureScripts = map[string]string{
	"mermaid":    "figure-mermaid.js",
	"chartjs":    "figure-chartjs.js",
	"echarts":    "figure-echarts.js",
	"vega-embed": "figure-vega.js",
	"plotly":     "figure-plotly.js",
	"leaflet":    "figure-map.js",
}

// FigureScript is a theme script a page with figures loads; Lib is the
// library it drives.
type FigureScript struct{ Lib, URL string }

// figureFuncs are the template functions of partials/libs.html.
func figureFuncs(cfg *config.Config) template.FuncMap {
	return template.FuncMap{
		// libTags is the <link> and <script> tags of the libraries a
		// page needs, from the configured base URL with SRI hashes.
		"libTags": func(names []string) (template.HTML, error) {
			s, err := libs.Tags(cfg.Libs.BaseURL, names)
			return template.HTML(s), err // internal/libs escapes what it writes
		},
		"figureScripts": pageFigureScripts,
	}
}

// pageFigureScripts lists the theme scripts for a page's libraries, in
// the order of the libraries.
func pageFigureScripts(names []string) []FigureScript {
	var out []FigureScript
	for _, n := range names {
		if s, ok := figureScripts[n]; ok {
			out = append(out, FigureScript{Lib: n, URL: "/assets/theme/" + PageScriptDir + s})
		}
	}
	return out
}

// figureFlags maps the front-matter flags of al-folio that announce
// figures to the fence languages (Stats.Figures keys) that fulfil them.
var figureFlags = map[string][]string{
	"mermaid":         {"mermaid"},
	"chart":           {"chartjs", "echarts", "vega_lite", "plotly"},
	"chart.chartjs":   {"chartjs"},
	"chart.echarts":   {"echarts"},
	"chart.vega_lite": {"vega_lite"},
	"chart.plotly":    {"plotly"},
	"map":             {"geojson", "topojson"},
	"code_diff":       {"diff2html", "diff"},
	"tikzjax":         {"tikz"},
	"typograms":       {"typograms"},
	"pseudocode":      {"pseudocode"},
}

// figureFlagDiags warns about each true figure flag of p's front matter
// whose figures the page does not have.
func figureFlagDiags(p *Page) diag.List {
	var ds diag.List
	flags := p.Meta.Flags
	keys := make([]string, 0, len(flags))
	for k := range flags {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		langs, ok := figureFlags[k]
		if !ok || !flags[k] || (k == "chart" && hasSubFlag(flags, "chart.")) {
			continue
		}
		if slices.ContainsFunc(langs, func(l string) bool { return p.Stats.Figures[l] > 0 }) {
			continue
		}
		line := p.Meta.FlagLines[k]
		if k == "mermaid" && p.Meta.FlagLines["mermaid.enabled"] > 0 {
			line = p.Meta.FlagLines["mermaid.enabled"]
		}
		var blocks []string
		for _, l := range langs {
			if l == "tikz" {
				blocks = append(blocks, `<script type="text/tikz">`)
			} else {
				blocks = append(blocks, "```"+l)
			}
		}
		ds.Warnf(p.Source, line, "figure", "front matter %s: true, but the page has no %s block, so nothing is loaded for it; the flag can go",
			k, strings.Join(blocks, " or "))
	}
	return ds
}

func hasSubFlag(flags map[string]bool, prefix string) bool {
	for k := range flags {
		if strings.HasPrefix(k, prefix) {
			return true
		}
	}
	return false
}
