// Package frontmatter reads the YAML block at the top of a post into typed
// metadata (Meta) with line-accurate diagnostics.
//
// It is the only package that imports the YAML library: Decode turns any YAML
// document into a Node tree with file lines on every node, so the config
// package reads distill.yaml through it as well. Parsing is tolerant in the
// way Jekyll users expect (tabs, duplicate keys, wrong types warn and carry
// on); only real syntax errors fail.
package frontmatter

import (
	"bytes"

	"github.com/distill-dev/distill/internal/diag"
)

var bom = []byte("\xef\xbb\xbf")

// Split separates a leading YAML front-matter block from the body.
//
// A block opens with a first line "---" (trailing blanks allowed) and closes
// with a line "---" or "...". A UTF-8 BOM is dropped and CRLF line endings
// are normalised to "\n" in everything returned, so without front matter
// body is src itself only when src has neither. bodyLine is the 1-based line
// of the original file where the body starts. An opening line with no closing
// line is an error of type diag.Diagnostic on line 1 (File left empty for the
// caller to fill in); body is then the whole (normalised) source.
func Split(src []byte) (yaml, body []byte, bodyLine int, ok bool, err error) {
	src = bytes.TrimPrefix(src, bom)
	if bytes.Contains(src, []byte("\r\n")) {
		src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
	}
	first, rest, found := bytes.Cut(src, []byte("\n"))
	if !found || !isFence(first, "---") {
		return nil, src, 1, false, nil
	}
	start := len(first) + 1
	line := 2
	for len(rest) > 0 {
		l, next, _ := bytes.Cut(rest, []byte("\n"))
		if isFence(l, "---") || isFence(l, "...") {
			end := len(src) - len(rest)
			return src[start:end], next, line + 1, true, nil
		}
		rest = next
		line++
	}
	return nil, src, 1, false, diag.Diagnostic{
		Line: 1, Severity: diag.Error, Kind: "yaml",
		Msg: `front matter opened by "---" on line 1 is never closed (add a "---" line after it)`,
	}
}

// isFence reports whether line is fence followed only by blanks.
func isFence(line []byte, fence string) bool {
	rest, ok := bytes.CutPrefix(line, []byte(fence))
	return ok && len(bytes.Trim(rest, " \t")) == 0
}
