package bib

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// sameEntries compares two libraries on everything String must preserve:
// keys in order, types, decoded fields and parsed names (author and editor
// text may be respelled as "Last, First").
func sameEntries(t *testing.T, a, b *Library) {
	t.Helper()
	if !reflect.DeepEqual(a.Keys, b.Keys) {
		t.Fatalf("keys differ: %q vs %q", a.Keys, b.Keys)
	}
	for _, k := range a.Keys {
		x, y := a.Entries[k], b.Entries[k]
		if x.Type != y.Type {
			t.Errorf("%s: type %q vs %q", k, x.Type, y.Type)
		}
		if len(x.Fields) != len(y.Fields) {
			t.Errorf("%s: fields %v vs %v", k, x.Fields, y.Fields)
		}
		for n, v := range x.Fields {
			if n != "author" && n != "editor" && y.Fields[n] != v {
				t.Errorf("%s: field %s = %q, after round trip %q", k, n, v, y.Fields[n])
			}
		}
		if !reflect.DeepEqual(x.Authors, y.Authors) || x.OthersAuthors != y.OthersAuthors {
			t.Errorf("%s: authors %#v vs %#v", k, x.Authors, y.Authors)
		}
		if !reflect.DeepEqual(x.editors, y.editors) || x.othersEditors != y.othersEditors {
			t.Errorf("%s: editors %#v vs %#v", k, x.editors, y.editors)
		}
	}
}

func TestRoundTrip(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.bib")
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			lib, _ := Parse(f, src)
			out := lib.String()
			again, diags := Parse("out.bib", []byte(out))
			if len(diags) > 0 {
				t.Fatalf("re-parse: %v\n%s", diagStrings(diags), out)
			}
			sameEntries(t, lib, again)
			if out2 := again.String(); out2 != out {
				t.Errorf("String is not a fixed point:\n%s\n---\n%s", out, out2)
			}
		})
	}
}

func TestEntryString(t *testing.T) {
	src := "@ARTICLE{k,\n TITLE = {A {\\&} B},\n author = {Karol Gregor and {OpenAI Team} and others},\n year = 2015,\n url = {https://a.org/~x_y}\n}"
	lib, _ := Parse("t.bib", []byte(src))
	want := "@article{k,\n  title = {A \\& B},\n  author = {Gregor, Karol and {OpenAI Team} and others},\n  year = {2015},\n  url = {https://a.org/~x_y}\n}\n"
	if got := lib.String(); got != want {
		t.Errorf("String()\n got %q\nwant %q", got, want)
	}
}

func TestEntryStringWithoutOrder(t *testing.T) {
	e := &Entry{Type: "misc", Key: "k", Fields: map[string]string{"year": "2020", "title": "T {x}", "url": "https://a.org/{x}"}}
	want := "@misc{k,\n  title = {T \\textbraceleft{}x\\textbraceright{}},\n  url = {https://a.org/%7Bx%7D},\n  year = {2020}\n}\n"
	if got := e.String(); got != want {
		t.Errorf("String()\n got %q\nwant %q", got, want)
	}
}

func TestCitationBibTeX(t *testing.T) {
	tests := []struct {
		name    string
		key     string
		title   string
		authors []string
		year    string
		url     string
		want    string
	}{
		{"distill post", "Dauphin2016", "On Optimization in Deep Learning", []string{"Yann Dauphin", "Ludwig van Beethoven"}, "2016",
			"https://example.org/blog/2016/opt/",
			"@article{Dauphin2016,\n  author = {Dauphin, Yann and van Beethoven, Ludwig},\n  title = {On Optimization in Deep Learning},\n  year = {2016},\n  url = {https://example.org/blog/2016/opt/}\n}"},
		{"escaping", "my key{1}", "Costs $5 & 50% of {x}_1", []string{"Jörg Müller", "OpenAI"}, "2024", "https://a.org/~u?x=1&y={2}",
			"@article{mykey1,\n  author = {Müller, Jörg and OpenAI},\n  title = {Costs \\$5 \\& 50\\% of \\textbraceleft{}x\\textbraceright{}\\_1},\n  year = {2024},\n  url = {https://a.org/~u?x=1&y=%7B2%7D}\n}"},
		{"empty parts omitted", "", "T", nil, "", "",
			"@article{post,\n  title = {T}\n}"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := CitationBibTeX(tt.key, tt.title, tt.authors, tt.year, tt.url)
			if got != tt.want {
				t.Errorf("CitationBibTeX\n got %q\nwant %q", got, tt.want)
			}
			lib, diags := Parse("c.bib", []byte(got))
			if len(diags) > 0 || len(lib.Keys) != 1 {
				t.Fatalf("output does not parse: %v", diagStrings(diags))
			}
			if e := lib.Entries[lib.Keys[0]]; e.Field("title") != tt.title || len(e.Authors) != len(tt.authors) {
				t.Errorf("parsed back title %q, %d authors", e.Field("title"), len(e.Authors))
			}
		})
	}
}
