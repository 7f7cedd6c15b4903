package bib

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

// dump renders everything Parse and the formatters produce for a file, in
// a stable order, for golden comparison.
func dump(lib *Library, diags []string) string {
	var b strings.Builder
	b.WriteString("# diagnostics\n")
	for _, d := range diags {
		b.WriteString(d + "\n")
	}
	for _, k := range lib.Keys {
		e := lib.Entries[k]
		fmt.Fprintf(&b, "\n# @%s{%s} line %d\n", e.Type, e.Key, e.Line)
		names := make([]string, 0, len(e.Fields))
		for n := range e.Fields {
			names = append(names, n)
		}
		slices.Sort(names)
		for _, n := range names {
			fmt.Fprintf(&b, "%s: %q\n", n, e.Fields[n])
		}
		for _, a := range e.Authors {
			fmt.Fprintf(&b, "author: %q (first %q, von %q, last %q, jr %q)\n", a.String(), a.First, a.Von, a.Last, a.Jr)
		}
		if e.OthersAuthors {
			b.WriteString("author: and others\n")
		}
		fmt.Fprintf(&b, "Year(): %q\nURL(): %q\nShortAuthors(): %q\n", e.Year(), e.URL(), e.ShortAuthors())
		fmt.Fprintf(&b, "ReferenceHTML():\n%s\nHoverHTML():\n%s\n", e.ReferenceHTML(), e.HoverHTML())
	}
	return b.String()
}

func TestGolden(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.bib")
	if len(files) < 3 {
		t.Fatalf("want at least 3 testdata/*.bib files, found %v", files)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			lib, diags := Parse(filepath.Base(f), src)
			got := dump(lib, diagStrings(diags))
			golden := strings.TrimSuffix(f, ".bib") + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if got != string(want) {
				t.Errorf("output differs from %s (run go test -update and review the diff):\n%s", golden, got)
			}
		})
	}
}
