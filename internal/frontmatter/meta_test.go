package frontmatter

import (
	"reflect"
	"testing"
)

func TestParse(t *testing.T) {
	yes := true
	tests := []struct {
		name  string
		src   string
		check func(m Meta) bool
		diags []string // prefixes; the block starts on file line 2
	}{
		{name: "empty block keeps defaults", src: "",
			check: func(m Meta) bool { return m.Published && !m.Draft && m.Title == "" && m.Extra == nil }},
		{name: "strings", src: "layout: distill\ntitle: T\ndescription: D\npermalink: /x/\nslug: s\nthumbnail: a.jpg\nredirect: /r\ndoi: 10.1/x\nbibliography: b.bib\n",
			check: func(m Meta) bool {
				return m.Layout == "distill" && m.Title == "T" && m.Description == "D" && m.Permalink == "/x/" && m.Slug == "s" &&
					m.Thumbnail == "a.jpg" && m.Redirect == "/r" && m.DOI == "10.1/x" && m.Bibliography == "b.bib"
			}},
		{name: "number title taken as written", src: "title: 1984\n", check: func(m Meta) bool { return m.Title == "1984" }},
		{name: "tags as words", src: "tags: distill formatting\ncategories: sample-posts\n",
			check: func(m Meta) bool {
				return reflect.DeepEqual(m.Tags, []string{"distill", "formatting"}) && reflect.DeepEqual(m.Categories, []string{"sample-posts"})
			}},
		{name: "tags as list, items kept whole, duplicates dropped", src: "tags: [machine learning, 2019, ml, ml]\n",
			check: func(m Meta) bool { return reflect.DeepEqual(m.Tags, []string{"machine learning", "2019", "ml"}) }},
		{name: "tags wrong type", src: "tags: 5\n", check: func(m Meta) bool { return m.Tags == nil },
			diags: []string{"W2:tags should be"}},
		{name: "tags map", src: "tags: {a: b}\n", diags: []string{"W2:tags should be"}},
		{name: "empty tags are silent", src: "tags:\ncategories: []\n", check: func(m Meta) bool { return len(m.Tags)+len(m.Categories) == 0 }},
		{name: "description list joined", src: "title: t\ndescription:\n  - one\n  - two\n",
			check: func(m Meta) bool { return m.Description == "one two" }, diags: []string{"W3:description is a list"}},
		{name: "booleans", src: "draft: true\npublished: false\nfeatured: yes\ngiscus_comments: true\nrelated_posts: false\n",
			check: func(m Meta) bool {
				return m.Draft && !m.Published && m.Featured && m.GiscusComments && m.RelatedPosts != nil && !*m.RelatedPosts
			}},
		{name: "boolean wrong type", src: "draft: maybe\n", check: func(m Meta) bool { return !m.Draft },
			diags: []string{"W2:draft should be true or false, got a string"}},
		{name: "related posts absent is nil", src: "title: t\n", check: func(m Meta) bool { return m.RelatedPosts == nil }},
		{name: "related posts true", src: "related_posts: true\n", check: func(m Meta) bool { return reflect.DeepEqual(m.RelatedPosts, &yes) }},
		{name: "redirect_from string and list", src: "redirect_from: /a\n",
			check: func(m Meta) bool { return reflect.DeepEqual(m.RedirectFrom, []string{"/a"}) }},
		{name: "redirect_from list", src: "redirect_from:\n  - /a\n  - /b\n",
			check: func(m Meta) bool { return reflect.DeepEqual(m.RedirectFrom, []string{"/a", "/b"}) }},
		{name: "bad date warns", src: "date: someday\n", check: func(m Meta) bool { return !m.HasDate },
			diags: []string{`W2:date "someday" is not a valid date`}},
		{name: "date with zone", src: "title: t\ndate: 2015-10-20 11:59:00-0400\n",
			check: func(m Meta) bool {
				return m.HasDate && m.DateZoned && m.DateLine == 3 && m.Date.UTC().Format("2006-01-02 15:04") == "2015-10-20 15:59"
			}},
		{name: "last_updated", src: "last_updated: 2024-04-14 04:30:00\n",
			check: func(m Meta) bool { return m.LastModified.Format("2006-01-02 15:04") == "2024-04-14 04:30" }},
		{name: "authors with map affiliations", src: "authors:\n  - name: A\n    url: \"https://a\"\n    affiliations:\n      name: IAS, Princeton\n      url: https://ias\n  - name: B\n    email: b@x\n    affiliations:\n      - name: X\n      - Y\n",
			check: func(m Meta) bool {
				return reflect.DeepEqual(m.Authors, []Author{
					{Name: "A", URL: "https://a", Affiliations: []Affiliation{{Name: "IAS, Princeton", URL: "https://ias"}}},
					{Name: "B", Email: "b@x", Affiliations: []Affiliation{{Name: "X"}, {Name: "Y"}}},
				})
			}},
		{name: "authors as names", src: "authors: [A, B]\n",
			check: func(m Meta) bool { return reflect.DeepEqual(m.Authors, []Author{{Name: "A"}, {Name: "B"}}) }},
		{name: "single author key", src: "author: Ada\n",
			check: func(m Meta) bool { return reflect.DeepEqual(m.Authors, []Author{{Name: "Ada"}}) }},
		{name: "author without name", src: "authors:\n  - url: u\n", diags: []string{"W3:authors: author without a name"}},
		{name: "toc true", src: "toc: true\n", check: func(m Meta) bool { return m.TOCAuto && m.TOC == nil }},
		{name: "toc sidebar (al-folio)", src: "toc:\n  sidebar: left\n",
			check: func(m Meta) bool {
				return m.TOCAuto && reflect.DeepEqual(m.Extra["toc"], map[string]any{"sidebar": "left"})
			}},
		{name: "toc list with lines", src: "toc:\n  - name: A\n    subsections:\n      - name: A1\n  - name: B\n  - C\n",
			check: func(m Meta) bool {
				return reflect.DeepEqual(m.TOC, []TOCEntry{
					{Name: "A", Line: 3, Subsections: []TOCEntry{{Name: "A1", Line: 5}}},
					{Name: "B", Line: 6}, {Name: "C", Line: 7},
				}) && !m.TOCAuto
			}},
		{name: "toc entry without name", src: "toc:\n  - title: A\n", diags: []string{"W3:toc: entry without a name"}},
		{name: "mermaid true", src: "mermaid: true\n",
			check: func(m Meta) bool {
				return m.Mermaid.Enabled && !m.Mermaid.Zoomable && m.Flags["mermaid"] && m.FlagLines["mermaid"] == 2
			}},
		{name: "mermaid map", src: "mermaid:\n  enabled: false\n  zoomable: true\n",
			check: func(m Meta) bool {
				return !m.Mermaid.Enabled && m.Mermaid.Zoomable && !m.Flags["mermaid"] && m.Flags["mermaid.zoomable"] && m.FlagLines["mermaid.zoomable"] == 4
			}},
		{name: "chart and flags", src: "code_diff: true\nchart:\n  chartjs: true\n  plotly: false\nimages:\n  compare: true\n",
			check: func(m Meta) bool {
				return reflect.DeepEqual(m.Chart, map[string]bool{"chartjs": true, "plotly": false}) &&
					reflect.DeepEqual(m.Flags, map[string]bool{"code_diff": true, "chart": true, "chart.chartjs": true, "chart.plotly": false, "images": true, "images.compare": true}) &&
					reflect.DeepEqual(m.FlagLines, map[string]int{"code_diff": 2, "chart": 3, "chart.chartjs": 4, "chart.plotly": 5, "images": 6, "images.compare": 7})
			}},
		{name: "chart wrong type", src: "chart: true\n", check: func(m Meta) bool { return m.Chart == nil }, diags: []string{"W2:chart should be a mapping"}},
		{name: "math macros", src: "math:\n  macros:\n    RR: \"\\\\mathbb{R}\"\n    bad: [1]\n",
			check: func(m Meta) bool { return reflect.DeepEqual(m.MathMacros, map[string]string{"RR": `\mathbb{R}`}) },
			diags: []string{"W5:macro bad should be a string"}},
		{name: "extra keeps every key", src: "title: T\ncustom:\n  a: [1, x]\n",
			check: func(m Meta) bool {
				return reflect.DeepEqual(m.Extra, map[string]any{"title": "T", "custom": map[string]any{"a": []any{1, "x"}}})
			}},
		{name: "styles", src: "_styles: >\n  .a {\n    b: c;\n  }\n", check: func(m Meta) bool { return m.Styles == ".a {\n  b: c;\n}\n" }},
		{name: "not a mapping", src: "- a\n- b\n", diags: []string{"E2:front matter must be a mapping"}},
		{name: "syntax error keeps defaults", src: "title: x\ndescription: a: b\n",
			check: func(m Meta) bool { return m.Published && m.Title == "" }, diags: []string{"E3:invalid YAML"}},
		{name: "duplicate title", src: "title: a\ntitle: b\n", check: func(m Meta) bool { return m.Title == "b" },
			diags: []string{`W3:duplicate key "title" (first on line 2)`}},
		{name: "tabs", src: "title: a\nauthors:\n\t- name: A\n", check: func(m Meta) bool { return len(m.Authors) == 1 && m.Authors[0].Name == "A" },
			diags: []string{"W4:tab used for indentation"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, ds := Parse("p.md", 1, []byte(tt.src))
			if got := show(ds); !match(got, tt.diags) {
				t.Errorf("diags = %q, want prefixes %q", got, tt.diags)
			}
			for _, d := range ds {
				if d.File != "p.md" || d.Line < 1 {
					t.Errorf("diagnostic without a place: %+v", d)
				}
			}
			if tt.check != nil && !tt.check(m) {
				t.Errorf("unexpected Meta: %+v", m)
			}
		})
	}
}
