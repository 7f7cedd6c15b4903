package diffview

import (
	"os"
	"strings"
	"testing"
)

func TestRenderEscapes(t *testing.T) {
	src := "diff --git a/<b>.js b/<b>.js\n--- a/<b>.js\n+++ b/<b>.js\n@@ -1 +1 @@ </td><script>\n" +
		"-x = '</td></tr><script>alert(1)</script>' && y\n+x = '</td></tr><script>alert(2)</script>' && y\n"
	files := mustParse(t, src)
	for _, sbs := range []bool{false, true} {
		out := Render(files, Options{SideBySide: sbs})
		for _, bad := range []string{"<script", "<b>", "</td></tr><s"} {
			if strings.Contains(out, bad) {
				t.Errorf("side-by-side=%v: output contains %q:\n%s", sbs, bad, out)
			}
		}
		if !strings.Contains(out, "alert(<del>1</del>)") || !strings.Contains(out, "alert(<ins>2</ins>)") {
			t.Errorf("side-by-side=%v: word marks missing:\n%s", sbs, out)
		}
	}
}

func TestRenderStructure(t *testing.T) {
	files := mustParse(t, "--- a/x.txt\n+++ b/x.txt\n@@ -1,3 +1,3 @@\n keep\n-old line\n+new line\n tail\n")
	lbl := Render(files, Options{})
	for _, want := range []string{
		`<tr class="d-ctx"><td class="d-num">1</td><td class="d-num">1</td>`,
		`<tr class="d-del"><td class="d-num">2</td><td class="d-num"></td><td class="d-code"><span class="d-sign">-</span><del>old</del> line</td></tr>`,
		`<tr class="d-add"><td class="d-num"></td><td class="d-num">2</td><td class="d-code"><span class="d-sign">+</span><ins>new</ins> line</td></tr>`,
		`<span class="d-stat-add">+1</span> <span class="d-stat-del">-1</span>`,
	} {
		if !strings.Contains(lbl, want) {
			t.Errorf("line-by-line output lacks %s\n%s", want, lbl)
		}
	}
	sbs := Render(files, Options{SideBySide: true})
	want := `<tr class="d-change"><td class="d-num d-del">2</td><td class="d-code d-del"><span class="d-sign">-</span><del>old</del> line</td>` +
		`<td class="d-num d-add">2</td><td class="d-code d-add"><span class="d-sign">+</span><ins>new</ins> line</td></tr>`
	if !strings.Contains(sbs, want) {
		t.Errorf("side-by-side output lacks %s\n%s", want, sbs)
	}
}

func TestRenderUnbalancedSides(t *testing.T) {
	files := mustParse(t, "--- a/x\n+++ b/x\n@@ -1,2 +1 @@\n-a\n-b\n+c\n")
	out := Render(files, Options{SideBySide: true})
	if strings.Count(out, `<td class="d-num d-empty"></td>`) != 1 {
		t.Errorf("want one empty cell pair:\n%s", out)
	}
}

func TestRenderHighlighterOnlyForKnownLanguages(t *testing.T) {
	called := ""
	hl := func(lang, code string) string { called += lang + ";"; return code }
	Render(mustParse(t, "--- a/x.py\n+++ b/x.py\n@@ -1 +1 @@\n-a\n+b\n"), Options{Highlight: hl})
	Render(mustParse(t, "--- a/x.unknown\n+++ b/x.unknown\n@@ -1 +1 @@\n-a\n+b\n"), Options{Highlight: hl})
	if called != "python;python;" {
		t.Errorf("highlighter calls = %q", called)
	}
}

func TestMark(t *testing.T) {
	tests := []struct {
		name, h    string
		start, end int
		want       string
	}{
		{"plain", "hello world", 6, 11, "hello <ins>world</ins>"},
		{"empty range", "abc", 1, 1, "abc"},
		{"entity counts as one", "a &lt; b", 2, 3, "a <ins>&lt;</ins> b"},
		{"across span", `<span class="k">def</span> f`, 1, 5, `<span class="k">d<ins>ef</ins></span><ins> f</ins>`},
		{"multibyte", "héllo", 1, 3, "h<ins>é</ins>llo"},
		{"stray ampersand", "a & b", 2, 3, "a <ins>&</ins> b"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := mark(tt.h, span{tt.start, tt.end}, "ins"); got != tt.want {
				t.Errorf("got %s, want %s", got, tt.want)
			}
		})
	}
}

func TestChanged(t *testing.T) {
	tests := []struct {
		a, b   string
		ok     bool
		da, db string
	}{
		{`console.log("Hello World!")`, `console.log("Hello from Diff2Html!")`, true, "World", "from Diff2Html"},
		{"    var x = 1;", "    var x = 2;", true, "1", "2"},
		{"abc", "xyz", false, "", ""},
		{"same", "same", false, "", ""},
		{"    foo(a)", "    bar(b, c, d, e, f, g)", false, "", ""},
		{"x = 1", "x = 1 + y", true, "", " + y"},
	}
	for _, tt := range tests {
		da, db, ok := changed(tt.a, tt.b)
		if ok != tt.ok {
			t.Errorf("changed(%q, %q) ok = %v", tt.a, tt.b, ok)
			continue
		}
		if ok && (tt.a[da.start:da.end] != tt.da || tt.b[db.start:db.end] != tt.db) {
			t.Errorf("changed(%q, %q) = %q, %q; want %q, %q", tt.a, tt.b, tt.a[da.start:da.end], tt.b[db.start:db.end], tt.da, tt.db)
		}
	}
}

func TestLang(t *testing.T) {
	for name, want := range map[string]string{
		"a/b.py": "python", "x.GO": "go", "src/app.ts": "typescript", "Dockerfile": "docker",
		"README.md": "markdown", "_config.yml": "yaml", "noext": "", "x.c": "c",
	} {
		if got := Lang(name); got != want {
			t.Errorf("Lang(%q) = %q, want %q", name, got, want)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, p := range []string{"testdata/sample.diff", "testdata/git-features.diff", "testdata/plain.diff"} {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b))
	}
	f.Add("--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a &amp; <b>\n+a & <i>\n\\ x\n")
	f.Add("diff --git \"a/x\" \"b/y\nBinary files a and b differ\n")
	f.Fuzz(func(t *testing.T, src string) {
		files, err := Parse(src)
		if err != nil {
			if _, ok := err.(*ParseError); !ok {
				t.Fatalf("error %T is not *ParseError", err)
			}
			return
		}
		a := Render(files, Options{Highlight: fakeHighlight})
		b := Render(files, Options{SideBySide: true})
		if a != Render(files, Options{Highlight: fakeHighlight}) {
			t.Fatal("render not deterministic")
		}
		for _, out := range []string{a, b} {
			if strings.Count(out, "<tr") != strings.Count(out, "</tr>") {
				t.Fatalf("unbalanced rows:\n%s", out)
			}
		}
	})
}

func BenchmarkParseRender(b *testing.B) {
	src, err := os.ReadFile("testdata/diff2html-commit.diff")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		files, err := Parse(string(src))
		if err != nil {
			b.Fatal(err)
		}
		Render(files, Options{Highlight: fakeHighlight})
	}
}
