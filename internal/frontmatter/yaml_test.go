package frontmatter

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/distill-dev/distill/internal/diag"
)

// show renders diagnostics compactly: "E3:msg" / "W5:msg".
func show(ds diag.List) []string {
	var out []string
	for _, d := range ds {
		out = append(out, fmt.Sprintf("%c%d:%s", strings.ToUpper(d.Severity.String())[0], d.Line, d.Msg))
	}
	return out
}

// match reports whether each got[i] starts with want[i].
func match(got, want []string) bool {
	if len(got) != len(want) {
		return false
	}
	for i := range got {
		if !strings.HasPrefix(got[i], want[i]) {
			return false
		}
	}
	return true
}

func TestDecode(t *testing.T) {
	tests := []struct {
		name  string
		src   string
		plain any      // nil: not checked
		diags []string // prefixes of show(ds); lines include offset 1
	}{
		{name: "empty", src: "", plain: nil},
		{name: "comment only", src: "# nothing\n", plain: nil},
		{name: "scalars", src: "s: x\ni: 3\nf: 1.5\nb: true\nn: ~\nq: \"2\"\n",
			plain: map[string]any{"s": "x", "i": 3, "f": 1.5, "b": true, "n": nil, "q": "2"}},
		{name: "literal and folded", src: "a: |\n  x\n  y\nb: >\n  x\n  y\n",
			plain: map[string]any{"a": "x\ny\n", "b": "x y\n"}},
		{name: "duplicate key, last wins", src: "title: a\nx: 1\ntitle: b\n",
			plain: map[string]any{"title": "b", "x": 1},
			diags: []string{`W4:duplicate key "title" (first on line 2)`}},
		{name: "nested duplicate", src: "a:\n  b: 1\n  b: 2\n",
			plain: map[string]any{"a": map[string]any{"b": 2}},
			diags: []string{`W4:duplicate key "b" (first on line 3)`}},
		{name: "tab indentation", src: "authors:\n\t- name: A\n\t  url: u\n",
			plain: map[string]any{"authors": []any{map[string]any{"name": "A", "url": "u"}}},
			diags: []string{"W3:tab used for indentation", "W4:tab used for indentation"}},
		{name: "tab in a valid literal is kept", src: "a: |\n  x\n  \ty\n",
			plain: map[string]any{"a": "x\n\ty\n"}},
		{name: "unindented continuation folded", src: "description: a long\ndescription wrapped\ntitle: t\n",
			plain: map[string]any{"description": "a long description wrapped", "title": "t"},
			diags: []string{`W3:continuation of "description" on line 2 is not indented`}},
		{name: "continuation in a list item folded", src: "toc:\n- name: Why SGD\n  works\n- name: B\n",
			plain: map[string]any{"toc": []any{map[string]any{"name": "Why SGD works"}, map[string]any{"name": "B"}}},
			diags: []string{`W4:continuation of "name" on line 3`}},
		{name: "indented continuation is plain YAML", src: "d: a\n  b\n", plain: map[string]any{"d": "a b"}},
		{name: "unquoted colon", src: "title: a: b\n",
			diags: []string{`E2:invalid YAML: mapping value is not allowed in this context (a value containing ": " must be quoted)`}},
		{name: "missing space after colon is not a continuation", src: "layout: post\ntitle:foo\n",
			diags: []string{`E3:invalid YAML: non-map value is specified (put a space after the ":" of a key)`}},
		{name: "url continuation still folds", src: "description: see\nhttps://x.org/a\n",
			plain: map[string]any{"description": "see https://x.org/a"}, diags: []string{"W3:continuation"}},
		{name: "unclosed flow", src: "a: 1\ntags: [x, y\n", diags: []string{"E3:invalid YAML"}},
		{name: "unclosed quote", src: "a: 1\n\nt: 'x\n", diags: []string{"E4:invalid YAML"}},
		{name: "bad indentation", src: "a:\n  b: 1\n c: 2\n", diags: []string{"E4:invalid YAML"}},
		{name: "merge key", src: "base: &b {x: 1, y: 2}\nm:\n  <<: *b\n  y: 3\n",
			plain: map[string]any{"base": map[string]any{"x": 1, "y": 2}, "m": map[string]any{"x": 1, "y": 3}}},
		{name: "alias", src: "a: &x [1, 2]\nb: *x\n", plain: map[string]any{"a": []any{1, 2}, "b": []any{1, 2}}},
		{name: "str tag", src: "a: !!str 123\n", plain: map[string]any{"a": "123"}},
		{name: "non-string keys", src: "1: a\ntrue: b\n", plain: map[string]any{"1": "a", "true": "b"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root, ds := Decode("f.md", 1, []byte(tt.src))
			if got := show(ds); !match(got, tt.diags) {
				t.Errorf("diags = %q, want prefixes %q", got, tt.diags)
			}
			if ds.HasErrors() {
				if root != nil {
					t.Error("root not nil after a syntax error")
				}
				return
			}
			if got := root.Plain(); !reflect.DeepEqual(got, tt.plain) {
				t.Errorf("Plain() = %#v, want %#v", got, tt.plain)
			}
		})
	}
}

func TestDecodeLines(t *testing.T) {
	src := "a: 1\n\nb:\n  c: x\n  d:\n    - y\n    - z\n"
	root, ds := Decode("f.md", 10, []byte(src))
	if len(ds) != 0 {
		t.Fatal(ds)
	}
	b := root.Get("b")
	got := []int{root.Pairs[0].Line, root.Pairs[1].Line, b.Get("c").Line, b.Get("d").Items[0].Line, b.Get("d").Items[1].Line}
	if want := []int{11, 13, 14, 16, 17}; !reflect.DeepEqual(got, want) {
		t.Errorf("lines = %v, want %v", got, want)
	}
}

func TestDecodeAliasBomb(t *testing.T) {
	var b strings.Builder
	b.WriteString("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n")
	for i := 1; i < 12; i++ {
		fmt.Fprintf(&b, "a%d: &a%d [*a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d]\n", i, i, i-1, i-1, i-1, i-1, i-1, i-1, i-1, i-1, i-1, i-1)
	}
	root, ds := Decode("f.md", 0, []byte(b.String()))
	if !ds.HasErrors() {
		t.Fatal("no error for an alias bomb")
	}
	_ = root.Plain() // must stay cheap
}

func TestDecodeDeepNesting(t *testing.T) {
	src := strings.Repeat("[", 300) + strings.Repeat("]", 300)
	_, ds := Decode("f.md", 0, []byte(src))
	if !ds.HasErrors() {
		t.Error("no error for nesting deeper than the limit")
	}
}
