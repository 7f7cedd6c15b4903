package frontmatter

import (
	"errors"
	"testing"

	"github.com/distill-dev/distill/internal/diag"
)

func TestSplit(t *testing.T) {
	tests := []struct {
		name     string
		src      string
		yaml     string
		body     string
		bodyLine int
		ok       bool
		err      bool
	}{
		{name: "basic", src: "---\ntitle: x\n---\nbody\n", yaml: "title: x\n", body: "body\n", bodyLine: 4, ok: true},
		{name: "crlf normalised", src: "---\r\ntitle: x\r\n---\r\nbody\r\nmore\r\n", yaml: "title: x\n", body: "body\nmore\n", bodyLine: 4, ok: true},
		{name: "bom", src: "\xef\xbb\xbf---\ntitle: x\n---\nbody", yaml: "title: x\n", body: "body", bodyLine: 4, ok: true},
		{name: "bom and crlf", src: "\xef\xbb\xbf---\r\na: 1\r\n---\r\n", yaml: "a: 1\n", body: "", bodyLine: 4, ok: true},
		{name: "fences with trailing blanks", src: "---   \na: 1\n--- \t\nbody\n", yaml: "a: 1\n", body: "body\n", bodyLine: 4, ok: true},
		{name: "dots closer", src: "---\na: 1\n...\nbody\n", yaml: "a: 1\n", body: "body\n", bodyLine: 4, ok: true},
		{name: "empty block", src: "---\n---\nbody\n", yaml: "", body: "body\n", bodyLine: 3, ok: true},
		{name: "closer at EOF without newline", src: "---\na: 1\n---", yaml: "a: 1\n", body: "", bodyLine: 4, ok: true},
		{name: "body line counts block lines", src: "---\na: 1\n\nb: 2\n# c\n---\n\n# Title\n", yaml: "a: 1\n\nb: 2\n# c\n", body: "\n# Title\n", bodyLine: 7, ok: true},
		{name: "no front matter", src: "# Title\n\ntext\n", body: "# Title\n\ntext\n", bodyLine: 1},
		{name: "empty file", src: "", body: "", bodyLine: 1},
		{name: "dashes only, no newline", src: "---", body: "---", bodyLine: 1},
		{name: "rule needs its own line", src: "----\na: 1\n---\n", body: "----\na: 1\n---\n", bodyLine: 1},
		{name: "text after fence is not a fence", src: "--- x\na\n", body: "--- x\na\n", bodyLine: 1},
		{name: "indented closer does not close", src: "---\na: |\n  ---\n---\nb\n", yaml: "a: |\n  ---\n", body: "b\n", bodyLine: 5, ok: true},
		{name: "unterminated", src: "---\ntitle: x\nbody\n", body: "---\ntitle: x\nbody\n", bodyLine: 1, err: true},
		{name: "unterminated, opener only", src: "---\n", body: "---\n", bodyLine: 1, err: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			y, body, line, ok, err := Split([]byte(tt.src))
			if string(y) != tt.yaml || string(body) != tt.body || line != tt.bodyLine || ok != tt.ok {
				t.Errorf("Split = (%q, %q, %d, %v), want (%q, %q, %d, %v)", y, body, line, ok, tt.yaml, tt.body, tt.bodyLine, tt.ok)
			}
			if (err != nil) != tt.err {
				t.Fatalf("err = %v, want error: %v", err, tt.err)
			}
			var d diag.Diagnostic
			if err != nil && (!errors.As(err, &d) || d.Line != 1 || d.Severity != diag.Error) {
				t.Errorf("err = %#v, want a diag.Diagnostic error on line 1", err)
			}
		})
	}
}

// TestSplitSharesMemory guards the fast path: plain LF input is not copied.
func TestSplitSharesMemory(t *testing.T) {
	src := []byte("---\na: 1\n---\nbody\n")
	_, body, _, _, _ := Split(src)
	if &body[0] != &src[len(src)-5] {
		t.Error("body was copied")
	}
}
