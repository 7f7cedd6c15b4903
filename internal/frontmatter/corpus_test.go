package frontmatter

import (
	"flag"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestCorpus parses the front matter of the seed post and of every al-folio
// sample post (testdata/corpus): none may produce a diagnostic, and the
// decoded metadata must match testdata/corpus.golden.
func TestCorpus(t *testing.T) {
	files, _ := filepath.Glob("testdata/corpus/*.md")
	if len(files) < 31 {
		t.Fatalf("found %d corpus files, want the seed and 30 al-folio posts", len(files))
	}
	var out strings.Builder
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		y, _, _, ok, err := Split(src)
		if !ok || err != nil {
			t.Fatalf("%s: Split ok=%v err=%v", f, ok, err)
		}
		m, ds := Parse(filepath.Base(f), 1, y)
		for _, d := range ds {
			t.Errorf("%s", d)
		}
		fmt.Fprintf(&out, "== %s\n%s", filepath.Base(f), dump(m))
	}
	golden(t, "testdata/corpus.golden", out.String())
}

// TestSeedTOCLines pins the seed post's TOC lines, including the repeated
// "Spin-glass Hamiltonian" entry.
func TestSeedTOCLines(t *testing.T) {
	src, err := os.ReadFile("testdata/corpus/seed-2016-09-07-on-optimization-in-deep-learning.md")
	if err != nil {
		t.Fatal(err)
	}
	y, _, _, _, _ := Split(src)
	m, _ := Parse("seed.md", 1, y)
	var got []string
	for _, e := range m.TOC {
		got = append(got, fmt.Sprintf("%d %s", e.Line, e.Name))
		for _, s := range e.Subsections {
			got = append(got, fmt.Sprintf("%d   %s", s.Line, s.Name))
		}
	}
	want := []string{
		"36 Why SGD works?", "38   Saddle points", "39   Spin-glass Hamiltonian", "40   Implicit Bias in SGD",
		"41   Spin-glass Hamiltonian", "42 What does the minima look like?", "44   No poor local minima",
		"45   Arriving on flatter minima", "46 Should 2-nd order methods ever work?", "47 Gradient Starvation",
	}
	if !slices.Equal(got, want) {
		t.Errorf("toc =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// dump renders the typed part of m deterministically.
func dump(m Meta) string {
	var b strings.Builder
	w := func(k string, v any) {
		if s := fmt.Sprint(v); s != "" && s != "0" && s != "[]" && s != "map[]" && s != "false" && s != "<nil>" {
			fmt.Fprintf(&b, "%s: %s\n", k, s)
		}
	}
	w("layout", m.Layout)
	w("title", m.Title)
	w("description", m.Description)
	if m.HasDate {
		w("date", fmt.Sprintf("%s zoned=%v line=%d", m.Date.Format(time.RFC3339), m.DateZoned, m.DateLine))
	}
	if !m.LastModified.IsZero() {
		w("last_modified", m.LastModified.Format(time.RFC3339))
	}
	w("tags", m.Tags)
	w("categories", m.Categories)
	for _, a := range m.Authors {
		w("author", fmt.Sprintf("%+v", a))
	}
	dumpTOC(&b, m.TOC, "")
	w("toc_auto", m.TOCAuto)
	w("unpublished", !m.Published)
	w("draft", m.Draft)
	w("featured", m.Featured)
	w("giscus", m.GiscusComments)
	w("styles", len(m.Styles))
	w("bibliography", m.Bibliography)
	w("thumbnail", m.Thumbnail)
	w("redirect", m.Redirect)
	if m.RelatedPosts != nil {
		w("related_posts", fmt.Sprintf("%v", *m.RelatedPosts))
	}
	if m.Mermaid.Enabled || m.Mermaid.Zoomable {
		w("mermaid", fmt.Sprintf("%+v", m.Mermaid))
	}
	w("chart", m.Chart)
	for _, k := range slices.Sorted(maps.Keys(m.Flags)) {
		w("flag", fmt.Sprintf("%s=%v line=%d", k, m.Flags[k], m.FlagLines[k]))
	}
	w("extra", slices.Sorted(maps.Keys(m.Extra)))
	return b.String()
}

func dumpTOC(b *strings.Builder, toc []TOCEntry, indent string) {
	for _, e := range toc {
		fmt.Fprintf(b, "toc: %s%s (line %d)\n", indent, e.Name, e.Line)
		dumpTOC(b, e.Subsections, indent+"  ")
	}
}

// golden compares got with the file at path, or rewrites it under -update.
func golden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs (run go test -update and review the diff):\n%s", path, firstDiff(string(want), got))
	}
}

func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := range min(len(wl), len(gl)) {
		if wl[i] != gl[i] {
			return fmt.Sprintf("line %d:\n- %s\n+ %s", i+1, wl[i], gl[i])
		}
	}
	return fmt.Sprintf("lengths differ: %d vs %d lines", len(wl), len(gl))
}
