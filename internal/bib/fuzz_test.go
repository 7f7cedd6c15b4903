package bib

import (
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"
)

func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.bib")
	for _, name := range files {
		src, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
	}
	for _, s := range []string{
		"", "@", "@misc{", "@misc{k,", `@string{a="x"} @misc{k, t = a # "y" # 1}`,
		`@article(k, author = {A and {B and C} and others})`, `@comment{`, `@preamble{"x" # {y}}`,
		"@misc{k, title = {$\\alpha$ \\\"{\\i} --- ~}}", "@misc{k, title = \"{\\\"u}\"}",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		lib, diags := Parse("f.bib", src)
		for _, d := range diags {
			if d.Line < 1 || d.File != "f.bib" {
				t.Fatalf("diagnostic without a place: %+v", d)
			}
		}
		if len(lib.Keys) != len(lib.Entries) {
			t.Fatalf("%d keys but %d entries", len(lib.Keys), len(lib.Entries))
		}
		for _, k := range lib.Keys {
			e := lib.Entries[k]
			if e == nil || e.Line < 1 {
				t.Fatalf("entry %q missing or without a line", k)
			}
			_, _ = e.ReferenceHTML(), e.HoverHTML()
		}
		if utf8.Valid(src) {
			for _, k := range lib.Keys {
				for n, v := range lib.Entries[k].Fields {
					if !utf8.ValidString(v) {
						t.Fatalf("field %s of %q is not UTF-8: %q", n, k, v)
					}
				}
			}
		}
		Parse("again.bib", []byte(lib.String())) // must not panic either
	})
}

func FuzzDecodeTeX(f *testing.F) {
	for _, s := range []string{`M{\"u}ller`, `\c{c} \v s`, `$x_1$ -- ---`, `\url{a_b}`, "``q''", `\"{\"{\"{u}}}`, `a\`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d := DecodeTeX(s)
		if utf8.ValidString(s) && !utf8.ValidString(d) {
			t.Fatalf("DecodeTeX(%q) = %q is not UTF-8", s, d)
		}
		if got := DecodeTeX(EncodeTeX(d)); utf8.ValidString(s) && got != d {
			t.Fatalf("DecodeTeX(EncodeTeX(%q)) = %q (encoded %q)", d, got, EncodeTeX(d))
		}
	})
}
