package typogram

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

func TestGolden(t *testing.T) {
	inputs, _ := filepath.Glob("testdata/*.typogram")
	if len(inputs) == 0 {
		t.Fatal("no testdata/*.typogram")
	}
	for _, in := range inputs {
		name := strings.TrimSuffix(filepath.Base(in), ".typogram")
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			got, err := Render(string(src))
			if err != nil {
				t.Fatal(err)
			}
			got = strings.ReplaceAll(got, "><", ">\n<") + "\n" // reviewable diffs
			golden := strings.TrimSuffix(in, ".typogram") + ".golden"
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

// texts returns the characters Render kept as text, in order.
func texts(svg string) string {
	var b strings.Builder
	for _, m := range regexp.MustCompile(`<text [^>]*>([^<]*)</text>`).FindAllStringSubmatch(svg, -1) {
		b.WriteString(m[1])
	}
	return b.String()
}

func TestTextOrGlyph(t *testing.T) {
	tests := []struct {
		name, src, text string
		lines, shapes   int // <line> and filled shape counts
	}{
		{"dash run merges into one line", "---", "", 1, 0},
		{"words stay text", "foo bar", "foobar", 0, 0},
		{"o inside word is text", "hello", "hello", 0, 0},
		{"lone o is a ring", "o", "", 0, 0},
		{"v between letters is text", "eve", "eve", 0, 0},
		{"quoted drawing chars are text", `"+--+"`, "+--+", 0, 0},
		{"quotes are not drawn", `"a"`, "a", 0, 0},
		{"lone plus is text", "1 + 2", "1+2", 0, 0},
		{"lone dot is text", "e.g", "e.g", 0, 0},
		{"dot ending a line is dropped", ".--.", "", 1, 0},
		{"joined plus is a corner", "+-\n|", "", 2, 1},
		{"arrow", "->", "", 1, 1},
		{"escapes text", `"<a & b>"`, "&lt;a&amp;b&gt;", 0, 0},
		{"arrows are not text", "<a & b>", "a&amp;b", 0, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			svg, err := Render(tt.src)
			if err != nil {
				t.Fatal(err)
			}
			if got := texts(svg); got != tt.text {
				t.Errorf("text = %q, want %q\n%s", got, tt.text, svg)
			}
			if got := strings.Count(svg, "<line "); got != tt.lines {
				t.Errorf("%d lines, want %d\n%s", got, tt.lines, svg)
			}
			if got := strings.Count(svg, "<polygon ") + strings.Count(svg, "<path "); got != tt.shapes {
				t.Errorf("%d filled shapes, want %d\n%s", got, tt.shapes, svg)
			}
		})
	}
}

func TestRingIsStroked(t *testing.T) {
	svg, err := Render("o-o")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Count(svg, "<circle ") != 2 || strings.Contains(svg, "white") {
		t.Errorf("want two rings and no white masks:\n%s", svg)
	}
}

func TestViewBox(t *testing.T) {
	svg, err := Render("\n\n+----+\n|    |---> My first diagram!\n+----+\n\n")
	if err != nil {
		t.Fatal(err)
	}
	want := `viewBox="0 0 840 162" width="252" height="48.6"`
	if !strings.Contains(svg, want) {
		t.Errorf("want %s in\n%s", want, svg)
	}
	if !strings.Contains(svg, `stroke="currentColor"`) || strings.Contains(svg, "black") {
		t.Errorf("colours must follow currentColor:\n%s", svg)
	}
}

func TestErrors(t *testing.T) {
	tests := []struct {
		name, src string
		line      int
		msg       string
	}{
		{"empty", "", 0, "empty"},
		{"blank", "  \n\t\n", 0, "empty"},
		{"too wide", "\n" + strings.Repeat("-", maxCols+1), 2, "wider"},
		{"too tall", strings.Repeat("|\n", maxLines+1), maxLines + 1, "more than"},
		{"bad utf-8", "ok\n\xff\n", 2, "UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Render(tt.src)
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("err = %v, want *ParseError", err)
			}
			if pe.Line != tt.line || !strings.Contains(pe.Msg, tt.msg) {
				t.Errorf("got line %d %q, want line %d with %q", pe.Line, pe.Msg, tt.line, tt.msg)
			}
		})
	}
}

func FuzzRender(f *testing.F) {
	inputs, _ := filepath.Glob("testdata/*.typogram")
	for _, in := range inputs {
		b, err := os.ReadFile(in)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b))
	}
	f.Add(".\n'\n`\n/\\\n\\/\n_|_\n:+:\nv^<>\n*#o=~")
	f.Fuzz(func(t *testing.T, src string) {
		svg, err := Render(src)
		if err != nil {
			return
		}
		if again, _ := Render(src); again != svg {
			t.Fatal("not deterministic")
		}
		if !strings.HasPrefix(svg, "<svg ") || !strings.HasSuffix(svg, "</svg>") || strings.Count(svg, "<text") != strings.Count(svg, "</text>") {
			t.Fatalf("malformed svg: %s", svg)
		}
		if strings.Contains(texts(svg), "<") {
			t.Fatal("unescaped text")
		}
	})
}

func BenchmarkRender(b *testing.B) {
	src, err := os.ReadFile("testdata/alfolio-browser.typogram")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if _, err := Render(string(src)); err != nil {
			b.Fatal(err)
		}
	}
}
