package frontmatter

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzSplitParse checks that no input panics and that every diagnostic has a
// file line.
func FuzzSplitParse(f *testing.F) {
	files, _ := filepath.Glob("testdata/corpus/*.md")
	for _, p := range files {
		if src, err := os.ReadFile(p); err == nil {
			f.Add(src)
		}
	}
	for _, s := range []string{
		"", "---\n", "---\n---\n", "\xef\xbb\xbf---\r\na: 1\r\n---\r\n", "---\ntitle: a: b\n---\n",
		"---\nauthors:\n\t- name: A\n---\n", "---\ndescription: a\nb\n---\n", "---\na: &x [*x]\n---\n",
		"---\ntoc:\n  - name: A\n    subsections: 5\n---\n", "---\n[a, b\n---\n", "---\n? [a]\n: b\n---\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		y, _, line, ok, err := Split(src)
		if line < 1 || (err != nil && ok) {
			t.Fatalf("Split: line %d ok %v err %v", line, ok, err)
		}
		if !ok {
			y = src
		}
		m, ds := Parse("f.md", 1, y)
		for _, d := range ds {
			if d.Line < 1 || d.File != "f.md" {
				t.Fatalf("diagnostic without a place: %+v", d)
			}
		}
		if !ds.HasErrors() && m.Extra != nil {
			_ = m.Extra
		}
	})
}
