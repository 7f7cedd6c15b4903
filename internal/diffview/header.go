package diffview

import (
	"strconv"
	"strings"
)

// fileHeader reads a "--- old" / "+++ new" pair (without the markers).
func (p *parser) fileHeader(oldSpec, newSpec string) {
	if p.cur == nil || p.sawHeader || len(p.cur.Hunks) > 0 || p.hunk != nil {
		p.startFile(false)
	}
	p.sawHeader = true
	if name, ok := headerName(oldSpec, "a/"); ok {
		p.cur.OldName = name
	} else {
		p.cur.IsNew = true
	}
	if name, ok := headerName(newSpec, "b/"); ok {
		p.cur.NewName = name
	} else {
		p.cur.IsDeleted = true
	}
	if p.cur.OldName == "" {
		p.cur.OldName = p.cur.NewName
	}
	if p.cur.NewName == "" {
		p.cur.NewName = p.cur.OldName
	}
}

// headerName extracts the path from a ---/+++ header: a trailing tab and
// timestamp is dropped, C-style quoting undone and the a/ or b/ prefix
// removed. ok is false for /dev/null.
func headerName(spec, prefix string) (name string, ok bool) {
	if i := strings.IndexByte(spec, '\t'); i >= 0 {
		spec = spec[:i]
	}
	spec = unquote(strings.TrimSpace(spec))
	if spec == "/dev/null" {
		return "", false
	}
	return strings.TrimPrefix(spec, prefix), true
}

func unquote(s string) string {
	if len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"' {
		if u, err := strconv.Unquote(s); err == nil {
			return u
		}
	}
	return s
}

// gitNames splits the "a/x b/y" part of a "diff --git" line. Names with
// spaces are ambiguous there; the symmetric split (same name on both sides)
// is tried first, as git itself does.
func gitNames(rest string) (oldName, newName string) {
	if strings.HasPrefix(rest, `"`) {
		if end := closingQuote(rest); end > 0 {
			o := unquote(rest[:end+1])
			n := unquote(strings.TrimSpace(rest[end+1:]))
			return strings.TrimPrefix(o, "a/"), strings.TrimPrefix(n, "b/")
		}
	}
	if n := len(rest); n%2 == 1 && rest[n/2] == ' ' {
		o, nn := rest[:n/2], rest[n/2+1:]
		if strings.TrimPrefix(o, "a/") == strings.TrimPrefix(nn, "b/") {
			return strings.TrimPrefix(o, "a/"), strings.TrimPrefix(nn, "b/")
		}
	}
	if i := strings.LastIndex(rest, " b/"); i >= 0 {
		return strings.TrimPrefix(rest[:i], "a/"), rest[i+3:]
	}
	if i := strings.IndexByte(rest, ' '); i >= 0 {
		return rest[:i], rest[i+1:]
	}
	return rest, rest
}

func closingQuote(s string) int {
	for i := 1; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '"':
			return i
		}
	}
	return -1
}

// extended reads git's extended header lines between "diff --git" and the
// first hunk. Unknown lines are ignored, as git may add new ones.
func (p *parser) extended(s string) {
	f := p.cur
	switch {
	case strings.HasPrefix(s, "new file mode "):
		f.IsNew, f.NewMode = true, strings.TrimPrefix(s, "new file mode ")
	case strings.HasPrefix(s, "deleted file mode "):
		f.IsDeleted, f.OldMode = true, strings.TrimPrefix(s, "deleted file mode ")
	case strings.HasPrefix(s, "old mode "):
		f.OldMode = strings.TrimPrefix(s, "old mode ")
	case strings.HasPrefix(s, "new mode "):
		f.NewMode = strings.TrimPrefix(s, "new mode ")
	case strings.HasPrefix(s, "rename from "):
		f.IsRename, f.OldName = true, unquote(strings.TrimPrefix(s, "rename from "))
	case strings.HasPrefix(s, "rename to "):
		f.IsRename, f.NewName = true, unquote(strings.TrimPrefix(s, "rename to "))
	case strings.HasPrefix(s, "copy from "):
		f.IsCopy, f.OldName = true, unquote(strings.TrimPrefix(s, "copy from "))
	case strings.HasPrefix(s, "copy to "):
		f.IsCopy, f.NewName = true, unquote(strings.TrimPrefix(s, "copy to "))
	case s == "GIT binary patch":
		f.Binary = true
	}
}

// binary reads "Binary files a/x and b/y differ", which plain diff -r also
// writes without any file header before it.
func (p *parser) binary(s string) {
	if p.cur == nil || len(p.cur.Hunks) > 0 || p.hunk != nil || p.sawHeader {
		p.startFile(false)
		mid := strings.TrimSuffix(strings.TrimPrefix(s, "Binary files "), " differ")
		o, n, _ := strings.Cut(mid, " and ")
		if name, ok := headerName(o, "a/"); ok {
			p.cur.OldName = name
		} else {
			p.cur.IsNew = true
		}
		if name, ok := headerName(n, "b/"); ok {
			p.cur.NewName = name
		} else {
			p.cur.IsDeleted = true
		}
	}
	p.cur.Binary = true
}
