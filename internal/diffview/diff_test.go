package diffview

import (
	"errors"
	"flag"
	"html"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

// fakeHighlight marks a few keywords so tests see marks cross spans
// without depending on a real highlighter.
func fakeHighlight(lang, code string) string {
	var b strings.Builder
	for i, w := range strings.Split(code, " ") {
		if i > 0 {
			b.WriteByte(' ')
		}
		switch w {
		case "import", "def", "for", "in", "func", "return", "var", "function":
			b.WriteString(`<span class="k">` + w + `</span>`)
		default:
			b.WriteString(html.EscapeString(w))
		}
	}
	return b.String()
}

func TestGolden(t *testing.T) {
	inputs, _ := filepath.Glob("testdata/*.diff")
	if len(inputs) == 0 {
		t.Fatal("no testdata/*.diff")
	}
	for _, in := range inputs {
		name := strings.TrimSuffix(filepath.Base(in), ".diff")
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			files, err := Parse(string(src))
			if err != nil {
				t.Fatal(err)
			}
			got := Render(files, Options{Highlight: fakeHighlight}) +
				"<!-- side by side -->\n" + Render(files, Options{SideBySide: true, Highlight: fakeHighlight})
			golden := strings.TrimSuffix(in, ".diff") + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if got != string(want) {
				t.Errorf("output differs from %s (run go test -update and review the diff)", golden)
			}
		})
	}
}

func mustParse(t *testing.T, src string) []File {
	t.Helper()
	files, err := Parse(src)
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func TestFormatPatchCounts(t *testing.T) {
	src, err := os.ReadFile("testdata/diff2html-commit.diff")
	if err != nil {
		t.Fatal(err)
	}
	files := mustParse(t, string(src))
	// The two mails' diffstats: 11 files, +62 -29; 3 files, +33 -1.
	if len(files) != 14 {
		t.Fatalf("got %d files, want 14", len(files))
	}
	add, del := 0, 0
	for _, f := range files[:11] {
		add, del = add+f.Added, del+f.Deleted
	}
	if add != 62 || del != 29 {
		t.Errorf("first patch +%d -%d, want +62 -29", add, del)
	}
	add, del = 0, 0
	for _, f := range files[11:] {
		add, del = add+f.Added, del+f.Deleted
	}
	if add != 33 || del != 1 {
		t.Errorf("second patch +%d -%d, want +33 -1", add, del)
	}
	if f := files[0]; f.Name() != "scripts/hulk.js" || f.Hunks[0].OldStart != 173 || f.Hunks[0].Lines[0].Old != 173 {
		t.Errorf("first file = %+v", f)
	}
}

func TestParseGitFeatures(t *testing.T) {
	src, err := os.ReadFile("testdata/git-features.diff")
	if err != nil {
		t.Fatal(err)
	}
	files := mustParse(t, string(src))
	type want struct {
		name                   string
		isNew, isDel, ren, bin bool
		added, deleted, nhunks int
	}
	wants := []want{
		{"lib/model.py", false, false, false, false, 3, 2, 1},
		{"docs/new.md", true, false, false, false, 2, 0, 1},
		{"old.txt", false, true, false, false, 0, 1, 1},
		{"src/b.go", false, false, true, false, 1, 1, 1},
		{"run.sh", false, false, false, false, 0, 0, 0},
		{"img/logo.png", false, false, false, true, 0, 0, 0},
		{"moved/same.txt", false, false, true, false, 0, 0, 0},
	}
	if len(files) != len(wants) {
		t.Fatalf("got %d files, want %d", len(files), len(wants))
	}
	for i, w := range wants {
		f := files[i]
		got := want{f.Name(), f.IsNew, f.IsDeleted, f.IsRename, f.Binary, f.Added, f.Deleted, len(f.Hunks)}
		if got != w {
			t.Errorf("file %d = %+v, want %+v", i, got, w)
		}
	}
	if files[3].OldName != "src/a.go" {
		t.Errorf("rename old name = %q", files[3].OldName)
	}
	if files[4].OldMode != "100644" || files[4].NewMode != "100755" {
		t.Errorf("modes = %q %q", files[4].OldMode, files[4].NewMode)
	}
	nl := files[1].Hunks[0].Lines
	if !nl[1].NoNewline || nl[0].NoNewline || nl[1].New != 2 {
		t.Errorf("no-newline marker lines = %+v", nl)
	}
	py := files[0].Hunks[0]
	last := py.Lines[len(py.Lines)-1]
	if last.Kind != '+' || last.New != 8 || py.Header != "@@ -1,7 +1,8 @@ import torch" {
		t.Errorf("python hunk last line %+v header %q", last, py.Header)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, src string
		line      int
		msg       string
	}{
		{"not a diff", "hello\nworld\n", 1, "not a unified diff"},
		{"not a diff after blank", "\n\nhello\n", 3, "not a unified diff"},
		{"hunk without header", "some text\n@@ -1 +1 @@\n-a\n+b\n", 2, "before any file header"},
		{"malformed hunk header", "--- a/x\n+++ b/x\n@@ -1,a +1 @@\n", 3, "malformed hunk header"},
		{"hunk header missing @@", "--- a/x\n+++ b/x\n@@ -1 +1\n", 3, "malformed hunk header"},
		{"combined diff", "diff --cc x\n--- a/x\n+++ b/x\n@@@ -1,1 -1,1 +1,1 @@@\n", 4, "combined"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(tt.src)
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("err = %v, want *ParseError", err)
			}
			if pe.Line != tt.line || !strings.Contains(pe.Msg, tt.msg) {
				t.Errorf("got line %d %q, want line %d containing %q", pe.Line, pe.Msg, tt.line, tt.msg)
			}
		})
	}
}

// TestParseMiscountedHunks: a hunk with more or fewer lines than its header
// announces (hand-edited diffs, al-folio's own sample post) is shown as
// written with one warning, as diff2html does.
func TestParseMiscountedHunks(t *testing.T) {
	tests := []struct {
		name, src string
		add, del  int
		warnLine  int
	}{
		{"too many deletions", "--- a/x\n+++ b/x\n@@ -1 +1,2 @@\n-a\n-b\n+c\n+d\n", 2, 2, 5},
		{"too many additions", "--- a/x\n+++ b/x\n@@ -1,2 +1 @@\n+a\n+b\n-c\n-d\n", 2, 2, 5},
		{"context when old exhausted", "--- a/x\n+++ b/x\n@@ -1 +1,2 @@\n-a\n c\n+d\n", 1, 1, 5},
		{"extra line after hunk", "--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b\n+c\n", 2, 1, 6},
		{"hunk too short at eof", "--- a/x\n+++ b/x\n@@ -1,3 +1,3 @@\n a\n-b\n+c\n", 1, 1, 6},
		{"hunk too short before next file", "diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1,2 +1,2 @@\n-a\n+b\ndiff --git a/y b/y\n", 1, 1, 7},
		{"crlf hunk too short", "--- a/x\r\n+++ b/x\r\n@@ -1 +1 @@\r\n-a\r\n", 0, 1, 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files, err := Parse(tt.src)
			if err != nil {
				t.Fatal(err)
			}
			f := files[0]
			if f.Added != tt.add || f.Deleted != tt.del {
				t.Errorf("+%d -%d, want +%d -%d", f.Added, f.Deleted, tt.add, tt.del)
			}
			if len(f.Warnings) != 1 || f.Warnings[0].Line != tt.warnLine || !strings.Contains(f.Warnings[0].Msg, "announces") && !strings.Contains(f.Warnings[0].Msg, "fewer lines") {
				t.Errorf("warnings %+v, want one at line %d", f.Warnings, tt.warnLine)
			}
		})
	}
}

func TestParseTolerance(t *testing.T) {
	tests := []struct {
		name, src       string
		files, add, del int
	}{
		{"empty", "", 0, 0, 0},
		{"blank lines only", "\n\n", 0, 0, 0},
		{"blank line as empty context", "--- a/x\n+++ b/x\n@@ -1,3 +1,3 @@\n a\n\n-b\n+c\n", 1, 1, 1},
		{"omitted counts", "--- a/x\n+++ b/x\n@@ -5 +5 @@\n-a\n+b\n", 1, 1, 1},
		{"format-patch signature", "--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b\n-- \n2.43.0\n\n", 1, 1, 1},
		{"mail preamble", "From 1 Mon\nSubject: x\n---\n x | 2 +-\n\ndiff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b\n", 1, 1, 1},
		{"crlf", "--- a/x\r\n+++ b/x\r\n@@ -1 +1 @@\r\n-a\r\n+b\r\n", 1, 1, 1},
		{"no newline marker after hunk end", "--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b\n\\ No newline at end of file\n", 1, 1, 1},
		{"plain binary notice", "Binary files x.png and y.png differ\n", 1, 0, 0},
		{"two plain files", "--- a\n+++ a\n@@ -1 +1 @@\n-x\n+y\n--- b\n+++ b\n@@ -1 +1 @@\n-x\n+y\n", 2, 2, 2},
		{"deletion of line starting with dashes", "--- a/x\n+++ b/x\n@@ -1 +1 @@\n--- a/y\n+++ b/y\n", 1, 1, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := mustParse(t, tt.src)
			add, del := 0, 0
			for _, f := range files {
				add, del = add+f.Added, del+f.Deleted
			}
			if len(files) != tt.files || add != tt.add || del != tt.del {
				t.Errorf("got %d files +%d -%d, want %d +%d -%d", len(files), add, del, tt.files, tt.add, tt.del)
			}
		})
	}
}

func TestGitNames(t *testing.T) {
	tests := []struct{ in, old, new string }{
		{"a/x.go b/x.go", "x.go", "x.go"},
		{"a/my file.go b/my file.go", "my file.go", "my file.go"},
		{"a/x.go b/y.go", "x.go", "y.go"},
		{`"a/t\303\251st" "b/t\303\251st"`, "tést", "tést"},
		{"x.go x.go", "x.go", "x.go"},
	}
	for _, tt := range tests {
		o, n := gitNames(tt.in)
		if o != tt.old || n != tt.new {
			t.Errorf("gitNames(%q) = %q, %q; want %q, %q", tt.in, o, n, tt.old, tt.new)
		}
	}
}
