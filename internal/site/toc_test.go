package site

import (
	"fmt"
	"strings"
	"testing"

	"github.com/distill-dev/distill/internal/diag"
	"github.com/distill-dev/distill/internal/frontmatter"
	"github.com/distill-dev/distill/internal/markdown"
)

func TestNormTOC(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Why SGD works?", "why sgd works"},
		{"why  sgd   WORKS", "why sgd works"},
		{"Spin-glass Hamiltonian", "spin glass hamiltonian"},
		{"Should 2-nd order methods ever work?", "should 2 nd order methods ever work"},
		{"**Bold** and _em_ `code`", "bold and em code"},
		{"Über die Konvergenz", "über die konvergenz"},
		{"  ", ""},
	} {
		if got := normTOC(tc.in); got != tc.want {
			t.Errorf("normTOC(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// dumpTOC writes items as "text#id" with children indented.
func dumpTOC(items []TOCItem, indent string) string {
	var b strings.Builder
	for _, it := range items {
		fmt.Fprintf(&b, "%s%s#%s\n", indent, it.Text, it.ID)
		b.WriteString(dumpTOC(it.Children, indent+"  "))
	}
	return b.String()
}

func diagLines(ds diag.List) string {
	var s []string
	for _, d := range ds {
		s = append(s, d.String())
	}
	return strings.Join(s, "\n")
}

func TestMatchTOC(t *testing.T) {
	hs := []markdown.Heading{
		{Level: 2, Text: "Why SGD works?", ID: "why-sgd-works"},
		{Level: 3, Text: "Saddle points", ID: "saddle-points"},
		{Level: 2, Text: "Results", ID: "results"},
		{Level: 2, Text: "Results", ID: "results-1"},
		{Level: 2, Text: "Should 2-nd order methods work?", ID: "custom-id"},
	}
	e := func(name string, line int, subs ...frontmatter.TOCEntry) frontmatter.TOCEntry {
		return frontmatter.TOCEntry{Name: name, Line: line, Subsections: subs}
	}
	for _, tc := range []struct {
		name    string
		entries []frontmatter.TOCEntry
		want    string
		diags   string
	}{
		{"matched by text, linked to the real id",
			[]frontmatter.TOCEntry{e("why SGD works", 3, e("Saddle Points", 5)), e("Should 2-nd order methods work", 6)},
			"why SGD works#why-sgd-works\n  Saddle Points#saddle-points\nShould 2-nd order methods work#custom-id\n", ""},
		{"duplicate entry warned and left out",
			[]frontmatter.TOCEntry{e("Why SGD works?", 3), e("Saddle points", 4), e("Saddle points", 9)},
			"Why SGD works?#why-sgd-works\nSaddle points#saddle-points\n",
			`p.md:9: warning: toc entry "Saddle points" is listed twice (first on line 4); the duplicate is left out`},
		{"unmatched entry warned, its subsections kept",
			[]frontmatter.TOCEntry{e("Introduction", 3, e("Saddle points", 4))},
			"Saddle points#saddle-points\n",
			`p.md:3: warning: toc entry "Introduction" matches no heading of the post`},
		{"same heading text twice: entries take them in order",
			[]frontmatter.TOCEntry{e("Results", 3), e("Results", 4)},
			"Results#results\n",
			`p.md:4: warning: toc entry "Results" is listed twice (first on line 3); the duplicate is left out`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			items, ds := matchTOC("p.md", tc.entries, hs)
			if got := dumpTOC(items, ""); got != tc.want {
				t.Errorf("toc:\n%s\nwant:\n%s", got, tc.want)
			}
			if got := diagLines(ds); got != tc.diags {
				t.Errorf("diags:\n%s\nwant:\n%s", got, tc.diags)
			}
		})
	}
}

func TestAutoTOC(t *testing.T) {
	hs := []markdown.Heading{
		{Level: 3, Text: "Before any h2", ID: "a"},
		{Level: 2, Text: "One", ID: "one"},
		{Level: 3, Text: "One.a", ID: "one-a"},
		{Level: 4, Text: "deep", ID: "deep"},
		{Level: 2, Text: "Two", ID: "two"},
	}
	want := "Before any h2#a\nOne#one\n  One.a#one-a\nTwo#two\n"
	if got := dumpTOC(autoTOC(hs), ""); got != want {
		t.Errorf("autoTOC:\n%s\nwant:\n%s", got, want)
	}
}

// TestSeedTOC: the seed's `toc:` list matches every heading, and its
// duplicate "Spin-glass Hamiltonian" is one warning at its line.
func TestSeedTOC(t *testing.T) {
	res, mem := buildSample(t, Options{})
	var seed *Page
	for _, p := range res.Posts {
		if strings.HasSuffix(p.Source, "on-optimization-in-deep-learning.md") {
			seed = p
		}
	}
	if seed == nil {
		t.Fatal("no seed post")
	}
	want := `Why SGD works?#why-sgd-works
  Saddle points#saddle-points
  Spin-glass Hamiltonian#spin-glass-hamiltonian
  Implicit Bias in SGD#implicit-bias-in-sgd
What does the minima look like?#what-does-the-minima-look-like
  No poor local minima#no-poor-local-minima
  Arriving on flatter minima#arriving-on-flatter-minima
Should 2-nd order methods ever work?#should-2-nd-order-methods-ever-work
Gradient Starvation#gradient-starvation
`
	if got := dumpTOC(seed.TOC, ""); got != want {
		t.Errorf("seed toc:\n%s\nwant:\n%s", got, want)
	}
	var toc []string
	for _, d := range res.Diags {
		if d.Kind == "toc" {
			toc = append(toc, d.String())
		}
	}
	if got := strings.Join(toc, "\n"); got != `content/posts/2016-09-07-on-optimization-in-deep-learning.md:41: warning: toc entry "Spin-glass Hamiltonian" is listed twice (first on line 39); the duplicate is left out` {
		t.Errorf("toc warnings:\n%s", got)
	}
	html := page(t, mem, seed.OutPath)
	if n := strings.Count(html, `href="#spin-glass-hamiltonian"`); n != 1 {
		t.Errorf("the duplicate entry is rendered %d times", n)
	}
}
