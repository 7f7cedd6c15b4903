package bib

import (
	"reflect"
	"strings"
	"testing"

	"github.com/distill-dev/distill/internal/diag"
)

// diagStrings renders diagnostics as "file:line: [warning: ]msg".
func diagStrings(l diag.List) []string {
	var out []string
	for _, d := range l {
		out = append(out, d.String())
	}
	return out
}

func TestParseFields(t *testing.T) {
	tests := []struct {
		name  string
		src   string
		field string
		want  string
	}{
		{"braced", `@article{k, title = {Deep Learning}}`, "title", "Deep Learning"},
		{"quoted", `@article{k, title = "Deep Learning"}`, "title", "Deep Learning"},
		{"quoted with braces", `@article{k, title = "The {"}quote{"} and {BERT}"}`, "title", `The "quote" and BERT`},
		{"quoted with accent", `@article{k, author = "M{\"u}ller, J."}`, "author", "Müller, J."},
		{"bare number", `@article{k, year = 2015}`, "year", "2015"},
		{"bare page range", `@article{k, pages = 1-10}`, "pages", "1-10"},
		{"nested braces", `@article{k, title = {a {b {c}} d}}`, "title", "a b c d"},
		{"concatenation", `@string{a = "Foo"} @article{k, title = a # " " # {Bar} # 1}`, "title", "Foo Bar1"},
		{"macro is case-insensitive", `@STRING{Nips = {NeurIPS}} @article{k, booktitle = nIPS}`, "booktitle", "NeurIPS"},
		{"macro using macro", `@string{a = "x"} @string{b = a # "y"} @article{k, note = b}`, "note", "xy"},
		{"string with parentheses", `@string(a = "x") @article{k, note = a}`, "note", "x"},
		{"month macro", `@article{k, month = dec}`, "month", "December"},
		{"month macro uppercase", `@article{k, month = JAN}`, "month", "January"},
		{"user macro overrides month", `@string{jan = "1"} @article{k, month = jan}`, "month", "1"},
		{"month concatenated", `@article{k, month = "1~" # jan}`, "month", "1\u00a0January"},
		{"field name lowercased", `@article{k, TiTLe = {x}}`, "title", "x"},
		{"field name with dash", `@article{k, date-added = {x}}`, "date-added", "x"},
		{"trailing comma", "@article{k,\n title = {x},\n}", "title", "x"},
		{"parenthesised entry", `@article(k, title = {a (b) c})`, "title", "a (b) c"},
		{"multi-line value", "@article{k, title = {a\n   b}}", "title", "a b"},
		{"url stays verbatim", `@misc{k, url = {https://a.org/~u/x_y}}`, "url", "https://a.org/~u/x_y"},
		{"doi unescaped", `@misc{k, doi = {10.1000/a\_b}}`, "doi", "10.1000/a_b"},
		{"url macro form", `@misc{k, url = {\url{https://a.org/x}}}`, "url", "https://a.org/x"},
		{"empty value", `@misc{k, note = {}}`, "note", ""},
		{"percent comments inside entry", "@misc{k,\n % a comment, with = signs\n title = {50% off}, % trailing\n}", "title", "50% off"},
		{"crlf line endings", "@misc{k,\r\n  title = {a\r\n b},\r\n}", "title", "a b"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lib, diags := Parse("t.bib", []byte(tt.src))
			if len(diags) > 0 {
				t.Fatalf("unexpected diagnostics: %v", diagStrings(diags))
			}
			e := lib.Lookup("k")
			if e == nil {
				t.Fatalf("entry k not parsed; keys %v", lib.Keys)
			}
			if got, ok := e.Fields[tt.field]; !ok || got != tt.want {
				t.Errorf("field %q = %q (present %v), want %q", tt.field, got, ok, tt.want)
			}
		})
	}
}

func TestParseEntries(t *testing.T) {
	tests := []struct {
		name  string
		src   string
		keys  []string
		types []string
		lines []int
	}{
		{"type lowercased", `@ARTICLE{a, title={x}}`, []string{"a"}, []string{"article"}, []int{1}},
		{"any type", "@Online{a,}\n@customtype{b,}", []string{"a", "b"}, []string{"online", "customtype"}, []int{1, 2}},
		{"no fields", `@misc{a}`, []string{"a"}, []string{"misc"}, []int{1}},
		{"key with punctuation", `@misc{Dauphin:2014/saddle-point.v2,}`, []string{"Dauphin:2014/saddle-point.v2"}, []string{"misc"}, []int{1}},
		{"space before brace", "@article {a, title={x}}", []string{"a"}, []string{"article"}, []int{1}},
		{"text between entries", "junk text\n\n@misc{a,}\nmore junk { with } braces\n@misc{b,}", []string{"a", "b"}, []string{"misc", "misc"}, []int{3, 5}},
		{"comment ignored", "@comment{@misc{hidden,}}\n@misc{a,}", []string{"a"}, []string{"misc"}, []int{2}},
		{"comment without braces", "@comment this is text\n@misc{a,}", []string{"a"}, []string{"misc"}, []int{2}},
		{"preamble ignored", "@preamble{ \"\\def\\x{y}\" # {z} }\n@misc{a,}", []string{"a"}, []string{"misc"}, []int{2}},
		{"file order kept", "@misc{z,}\n@misc{a,}\n@misc{m,}", []string{"z", "a", "m"}, []string{"misc", "misc", "misc"}, []int{1, 2, 3}},
		{"line counts multi-line values", "@misc{a, note={1\n2\n3}}\n\n@misc{b,}", []string{"a", "b"}, []string{"misc", "misc"}, []int{1, 5}},
		{"empty input", "", nil, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lib, diags := Parse("t.bib", []byte(tt.src))
			if len(diags) > 0 {
				t.Fatalf("unexpected diagnostics: %v", diagStrings(diags))
			}
			if !reflect.DeepEqual(lib.Keys, tt.keys) {
				t.Fatalf("keys = %q, want %q", lib.Keys, tt.keys)
			}
			for i, k := range tt.keys {
				e := lib.Entries[k]
				if e.Key != k || e.Type != tt.types[i] || e.Line != tt.lines[i] {
					t.Errorf("entry %d = {%s %s line %d}, want {%s %s line %d}", i, e.Type, e.Key, e.Line, tt.types[i], k, tt.lines[i])
				}
			}
		})
	}
}

func TestParseAuthors(t *testing.T) {
	src := `@article{k, author = {Gregor, Karol and {OpenAI Team} and others}, editor = {Smith, J. and Doe, J.}}`
	lib, diags := Parse("t.bib", []byte(src))
	if len(diags) > 0 {
		t.Fatal(diagStrings(diags))
	}
	e := lib.Entries["k"]
	want := []Name{{First: "Karol", Last: "Gregor"}, {Last: "OpenAI Team"}}
	if !reflect.DeepEqual(e.Authors, want) || !e.OthersAuthors {
		t.Errorf("Authors = %#v, others %v", e.Authors, e.OthersAuthors)
	}
	if got := e.Field("Author"); got != "Gregor, Karol and OpenAI Team and others" {
		t.Errorf("Field(Author) = %q", got)
	}
	eds, others := e.Editors()
	if len(eds) != 2 || eds[1].Last != "Doe" || others {
		t.Errorf("Editors() = %#v, %v", eds, others)
	}
}

func TestParseDiagnostics(t *testing.T) {
	tests := []struct {
		name  string
		src   string
		keys  []string
		diags []string
	}{
		{"duplicate key first wins", "@misc{a, note={1}}\n@misc{a, note={2}}",
			[]string{"a"}, []string{`t.bib:2: warning: duplicate key "a" (first defined at line 1); ignoring this entry`}},
		{"duplicate field first wins", "@misc{a,\n note={1},\n NOTE={2}}",
			[]string{"a"}, []string{`t.bib:3: warning: duplicate field "note" in entry "a"; keeping the first`}},
		{"undefined macro", "@misc{a,\n note = nope}",
			[]string{"a"}, []string{`t.bib:2: warning: undefined macro "nope" (define it with @string)`}},
		{"missing comma resumes at next entry", "@misc{a,\n title={x}\n year={1}}\n@misc{b,}",
			[]string{"b"}, []string{`t.bib:3: expected ',' or '}' after field "title" in entry "a", found 'y' (missing comma?)`}},
		{"unclosed value stops at next entry", "@misc{a,\n title={x,\n\n@misc{b,}",
			[]string{"b"}, []string{`t.bib:2: value is never closed (unbalanced braces?) before the entry at line 4`}},
		{"unclosed entry stops at next entry", "@misc{a,\n title={x,\n}\n\n@misc{b,}",
			[]string{"b"}, []string{`t.bib:1: entry "a" is never closed (unbalanced braces?) before the entry at line 5`}},
		{"unclosed at end of file", "@misc{a,\n title={x",
			nil, []string{`t.bib:2: value is never closed (unbalanced braces or quotes?)`}},
		{"missing key", "@misc{, title={x}}\n@misc{b,}",
			[]string{"b"}, []string{`t.bib:1: missing citation key in @misc, found ','`}},
		{"missing equals", "@misc{a,\n title {x}}\n@misc{b,}",
			[]string{"b"}, []string{`t.bib:2: expected '=' after field "title" in entry "a", found '{'`}},
		{"missing value", "@misc{a, title = }\n@misc{b,}",
			[]string{"b"}, []string{`t.bib:1: expected a value, found '}'`}},
		{"unclosed entry at eof", "@misc{a, title = {x}",
			nil, []string{`t.bib:1: entry "a" is never closed (unbalanced braces?) before the end of the file`}},
		{"stray at sign warns", "see @example here\n@misc{b,}",
			[]string{"b"}, []string{`t.bib:1: warning: ignoring @example: not followed by '{' or '('`}},
		{"e-mail address is quietly ignored", "mail me@example.org or x.y@z\n@misc{b,}",
			[]string{"b"}, nil},
		{"lone at sign warns", "@ \n@misc{b,}",
			[]string{"b"}, []string{`t.bib:1: warning: ignoring '@' not followed by an entry type`}},
		{"stray close in quotes", "@misc{a, title = \"x}\"}\n@misc{b,}",
			[]string{"b"}, []string{`t.bib:1: unbalanced '}' in quoted value`}},
		{"bad string", "@string{= \"x\"}\n@misc{b,}",
			[]string{"b"}, []string{`t.bib:1: expected a macro name in @string, found '='`}},
		{"unclosed preamble", "@preamble{\"x\"\n@misc{b,}",
			[]string{"b"}, []string{`t.bib:2: expected '}' to close @preamble, found '@'`}},
		{"error mid-line resumes at any @", "@misc{a, title={x} year={1}} @misc{b,}",
			[]string{"b"}, []string{`t.bib:1: expected ',' or '}' after field "title" in entry "a", found 'y' (missing comma?)`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lib, diags := Parse("t.bib", []byte(tt.src))
			if got := diagStrings(diags); !reflect.DeepEqual(got, tt.diags) {
				t.Errorf("diagnostics:\n got %q\nwant %q", got, tt.diags)
			}
			if !reflect.DeepEqual(lib.Keys, tt.keys) {
				t.Errorf("keys = %q, want %q", lib.Keys, tt.keys)
			}
			for _, d := range diags {
				if d.Kind != "bib" || d.Line < 1 {
					t.Errorf("diagnostic %+v: want kind bib and a line", d)
				}
			}
		})
	}
}

func TestParseNeverReturnsNil(t *testing.T) {
	for _, src := range []string{"", "@", "@{", "@misc{", "}}}{{{", strings.Repeat("{", 1000)} {
		lib, _ := Parse("t.bib", []byte(src))
		if lib == nil || lib.Entries == nil {
			t.Errorf("Parse(%q) returned nil library", src)
		}
	}
}
