package markdown

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/distill-dev/distill/internal/bib"
)

// testBib is the bibliography the citation and footnote golden files cite.
func testBib(t testing.TB) *bib.Library {
	t.Helper()
	src, err := os.ReadFile("testdata/cite/refs.bib")
	if err != nil {
		t.Fatal(err)
	}
	lib, ds := bib.Parse("testdata/cite/refs.bib", src)
	if len(ds) > 0 {
		t.Fatalf("refs.bib: %v", ds)
	}
	return lib
}

// dumpResult writes what a golden file checks: the HTML, the works cited,
// the notes, the counts and the messages.
func dumpResult(res *Result) string {
	var b strings.Builder
	b.Write(res.HTML)
	for i, k := range res.Cited {
		fmt.Fprintf(&b, "-- cited [%d] %s\n", i+1, k)
	}
	for _, n := range res.Notes {
		fmt.Fprintf(&b, "-- note %d %s refs=%v\n%s\n", n.Number, n.ID, n.Refs, n.HTML)
	}
	s := res.Stats
	fmt.Fprintf(&b, "-- stats citations=%d references=%d footnotes=%d\n", s.Citations, s.References, s.Footnotes)
	for _, d := range res.Diags {
		b.WriteString("-- diag: " + d.String() + "\n")
	}
	return b.String()
}

// goldenDir converts every testdata/DIR/*.md with the test bibliography
// (none for files named nobib*) and compares with its .golden file.
func goldenDir(t *testing.T, dir string) {
	files, _ := filepath.Glob(filepath.Join("testdata", dir, "*.md"))
	if len(files) == 0 {
		t.Fatal("no golden inputs")
	}
	lib := testBib(t)
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".md")
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			env := Env{File: filepath.ToSlash(f), Bib: lib, BibFile: "refs.bib", LineOffset: 2}
			if strings.HasPrefix(name, "nobib") {
				env.Bib, env.BibFile = nil, ""
			}
			got := dumpResult(testConverter.Convert(src, env))
			golden := strings.TrimSuffix(f, ".md") + ".golden"
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
				t.Errorf("output differs from %s:\n--- got\n%s\n--- want\n%s", golden, got, want)
			}
		})
	}
}

// TestCiteGolden: numbering by first appearance, hover markup, unknown
// keys, and citations in lists, quotes and HTML blocks.
func TestCiteGolden(t *testing.T) { goldenDir(t, "cite") }

func TestCiteKeys(t *testing.T) {
	for _, tc := range []struct{ name, attrs, want string }{
		{"double quotes", ` key="a"`, "a"},
		{"list with spaces", ` key="a, b ,c"`, "a|b|c"},
		{"duplicates once", ` key="a,b,a"`, "a|b"},
		{"single quotes", ` key='a,b'`, "a|b"},
		{"unquoted", ` key=a`, "a"},
		{"entity", ` key="a&amp;b"`, "a&b"},
		{"other attribute first", ` class="x" key="k"`, "k"},
		{"bibtex-key is not key", ` bibtex-key="k"`, ""},
		{"none", ``, ""},
		{"empty", ` key=""`, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := strings.Join(citeKeys(tc.attrs), "|"); got != tc.want {
				t.Errorf("citeKeys(%q) = %q, want %q", tc.attrs, got, tc.want)
			}
		})
	}
}

// TestCiteNumbers checks the numbers directly, independent of markup.
func TestCiteNumbers(t *testing.T) {
	src := `<d-cite key="ge2015escaping"></d-cite> <d-cite key="blum1992training,ge2015escaping"/> <d-cite key="dauphin2014identifying">` + "\n"
	res := testConverter.Convert([]byte(src), Env{File: "x.md", Bib: testBib(t), BibFile: "refs.bib"})
	if got := strings.Join(res.Cited, " "); got != "ge2015escaping blum1992training dauphin2014identifying" {
		t.Errorf("cited = %q", got)
	}
	for _, want := range []string{`href="#bib-1">[1]</a>`, `href="#bib-2">[2, 1]</a>`, `href="#bib-3">[3]</a>`} {
		if !strings.Contains(string(res.HTML), want) {
			t.Errorf("missing %s in\n%s", want, res.HTML)
		}
	}
	if strings.Contains(string(res.HTML), "d-cite") {
		t.Errorf("a d-cite tag is left in\n%s", res.HTML)
	}
	if len(res.Diags) != 0 {
		t.Errorf("diags: %v", res.Diags)
	}
}

// citeTagLeft finds a d-cite tag (not d-cite0, not &lt;d-cite).
var citeTagLeft = regexp.MustCompile(`(?is)<d-cite(\s[^>]*)?/?>|</d-cite\s*>`)

// FuzzCite: any text around citation and footnote tags converts without
// panicking and leaves no d-cite or d-footnote tag in the output.
func FuzzCite(f *testing.F) {
	for _, dir := range []string{"cite", "footnote"} {
		files, _ := filepath.Glob(filepath.Join("testdata", dir, "*.md"))
		for _, file := range files {
			if b, err := os.ReadFile(file); err == nil {
				f.Add(string(b))
			}
		}
	}
	f.Add("<d-cite key=\"a\">\n\n</d-cite>")
	f.Add("<d-footnote><d-footnote>x</d-footnote></d-footnote>")
	f.Add("[^a]\n\n[^a]: <d-footnote>x</d-footnote>[^a]")
	lib := testBib(f)
	f.Fuzz(func(t *testing.T, src string) {
		res := testConverter.Convert([]byte(src), Env{File: "f.md", Bib: lib, BibFile: "refs.bib"})
		if citeTagLeft.Match(res.HTML) {
			t.Errorf("d-cite tag left in output of %q:\n%s", src, res.HTML)
		}
		for i, n := range res.Notes {
			if n.Number != i+1 {
				t.Fatalf("note %d numbered %d", i, n.Number)
			}
		}
	})
}

// TestDistillElementsGolden: <d-math> and <d-code> rendered at build time.
func TestDistillElementsGolden(t *testing.T) { goldenDir(t, "delements") }
