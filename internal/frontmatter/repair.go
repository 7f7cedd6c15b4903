package frontmatter

import (
	"regexp"
	"strings"

	"github.com/distill-dev/distill/internal/diag"
)

// repair fixes what Jekyll users get away with and strict YAML rejects, so
// the parse can be retried. It returns nil when it has nothing to fix.
// errLine is the failing line of src (1-based, 0 if unknown). Lines are never
// added or removed, so later diagnostics keep their file lines.
func repair(src []byte, errLine int, file string, off int) ([]byte, diag.List) {
	lines := strings.Split(string(src), "\n")
	if ds := untab(lines, file, off); ds != nil {
		return []byte(strings.Join(lines, "\n")), ds
	}
	if ds := fold(lines, errLine-1, file, off); ds != nil {
		return []byte(strings.Join(lines, "\n")), ds
	}
	return nil, nil
}

// untab replaces each tab in the indentation of a line with two spaces.
func untab(lines []string, file string, off int) diag.List {
	var ds diag.List
	for i, l := range lines {
		indent := len(l) - len(strings.TrimLeft(l, " \t"))
		if !strings.Contains(l[:indent], "\t") {
			continue
		}
		lines[i] = strings.ReplaceAll(l[:indent], "\t", "  ") + l[indent:]
		ds.Warnf(file, i+1+off, "yaml", "tab used for indentation (YAML allows only spaces); read as two spaces")
	}
	return ds
}

// fold joins line i, an unindented continuation of the plain scalar on the
// line before it, onto that line and blanks it.
func fold(lines []string, i int, file string, off int) diag.List {
	if i <= 0 || i >= len(lines) || !continuation(lines[i]) {
		return nil
	}
	p := i - 1
	for p >= 0 && isBlankOrComment(lines[p]) {
		p--
	}
	if p < 0 {
		return nil
	}
	key, ok := plainValueKey(lines[p])
	if !ok {
		return nil
	}
	lines[p] = strings.TrimRight(lines[p], " ") + " " + strings.TrimSpace(lines[i])
	lines[i] = ""
	var ds diag.List
	ds.Warnf(file, i+1+off, "yaml", "continuation of %q on line %d is not indented; joined to it (indent it, or quote the value)", key, p+1+off)
	return ds
}

func isBlankOrComment(l string) bool {
	t := strings.TrimSpace(l)
	return t == "" || t[0] == '#'
}

// continuation reports whether l can only be more words of a value: not a
// key, a list item, a comment or a document marker.
func continuation(l string) bool {
	t := strings.TrimSpace(l)
	if t == "" || strings.ContainsAny(t[:1], "#-?:&*!|>'\"%@`[]{},") {
		return false
	}
	return !strings.Contains(t, ": ") && !strings.HasSuffix(t, ":") && !strings.Contains(t, " #") && !keyNoSpace.MatchString(t)
}

// keyNoSpace matches "title:foo", a key missing the space after its colon.
var keyNoSpace = regexp.MustCompile(`^[A-Za-z_][\w-]*:[^\s/]`)

// plainValueKey returns the key of a "key: value" or "- key: value" line
// whose value is a plain (unquoted, inline) scalar.
func plainValueKey(l string) (string, bool) {
	t := strings.TrimLeft(l, " ")
	for strings.HasPrefix(t, "- ") {
		t = strings.TrimLeft(t[2:], " ")
	}
	key, val, ok := strings.Cut(t, ": ")
	val = strings.TrimSpace(val)
	if !ok || key == "" || val == "" || strings.ContainsAny(key[:1], "'\"[{#") {
		return "", false
	}
	if strings.ContainsAny(val[:1], "|>'\"[{&*!#%@`") || strings.Contains(val, " #") {
		return "", false
	}
	return key, true
}
