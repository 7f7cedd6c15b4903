package markdown

import (
	"strings"
	"testing"
)

// TestFootnoteGolden: markdown and distill footnotes share one numbering by
// first appearance, get hover cards, and leave the body for Result.Notes.
func TestFootnoteGolden(t *testing.T) { goldenDir(t, "footnote") }

func TestFootnoteNumbering(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      []string // note HTML in number order
		refs      string   // ids of the references, in the order of the notes
	}{
		{"markdown then distill",
			"a[^x] b<d-footnote>two</d-footnote>\n\n[^x]: one\n",
			[]string{"one", "two"}, "fnref-1 fnref-2"},
		{"distill then markdown",
			"a<d-footnote>one</d-footnote> b[^x]\n\n[^x]: two\n",
			[]string{"one", "two"}, "fnref-1 fnref-2"},
		{"definition order does not matter",
			"[^y]: two\n[^x]: one\n\na[^x] b[^y]\n",
			[]string{"one", "two"}, "fnref-1 fnref-2"},
		{"second reference gets its own id",
			"a[^x] b[^x]\n\n[^x]: one\n",
			[]string{"one"}, "fnref-1 fnref-1-2"},
		{"reference inside a footnote has no id",
			"a<d-footnote>one[^x]</d-footnote>\n\n[^x]: two\n",
			[]string{`one<sup class="footnote-index"><a class="footnote-ref" href="#fn-2" role="doc-noteref">2</a></sup>`, "two"}, "fnref-1"},
		{"no footnotes", "plain text\n", nil, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := testConverter.Convert([]byte(tc.src), Env{File: "x.md"})
			var got, refs []string
			for _, n := range res.Notes {
				got = append(got, n.HTML)
				refs = append(refs, n.Refs...)
			}
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("notes = %q, want %q", got, tc.want)
			}
			if strings.Join(refs, " ") != tc.refs {
				t.Errorf("refs = %q, want %q", refs, tc.refs)
			}
			for _, id := range refs {
				if strings.Count(string(res.HTML), `id="`+id+`"`) != 1 {
					t.Errorf("id %s not exactly once in\n%s", id, res.HTML)
				}
			}
			if strings.Contains(string(res.HTML), "footnotes") || strings.Contains(string(res.HTML), "d-footnote") {
				t.Errorf("footnote list or tag left in the body:\n%s", res.HTML)
			}
		})
	}
}
