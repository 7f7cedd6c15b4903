package markdown

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/distill-dev/distill/internal/highlight"
)

var update = flag.Bool("update", false, "rewrite golden files")

var testConverter = New(highlight.New())

// TestGolden converts every testdata/*.md and compares with its .golden
// file (HTML, then the diagnostics).
func TestGolden(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.md")
	if len(files) == 0 {
		t.Fatal("no golden inputs")
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".md")
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			res := testConverter.Convert(src, Env{File: "testdata/" + name + ".md"})
			var b strings.Builder
			b.Write(res.HTML)
			for _, d := range res.Diags {
				b.WriteString("-- diag: " + d.String() + "\n")
			}
			golden := strings.TrimSuffix(f, ".md") + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if b.String() != string(want) {
				t.Errorf("output differs from %s:\n--- got\n%s\n--- want\n%s", golden, b.String(), want)
			}
		})
	}
}
