package diffview

import (
	"fmt"
	"strconv"
	"strings"
)

// startHunk reads "@@ -a,b +c,d @@ section".
func (p *parser) startHunk(s string) error {
	if p.cur == nil {
		return p.errf("hunk header before any file header (\"diff --git\" or \"---\"/\"+++\")")
	}
	h, ok := parseHunkHeader(s)
	if !ok {
		return p.errf("malformed hunk header %q (want \"@@ -a,b +c,d @@\")", s)
	}
	p.closeHunk()
	p.hunk = &h
	p.hunkLine = p.i + 1
	p.oldRem, p.newRem = h.OldLines, h.NewLines
	p.oldNo, p.newNo = h.OldStart, h.NewStart
	return nil
}

func parseHunkHeader(s string) (Hunk, bool) {
	h := Hunk{Header: s}
	rest, ok := strings.CutPrefix(s, "@@ -")
	if !ok {
		return h, false
	}
	ranges, _, ok := strings.Cut(rest, " @@")
	if !ok {
		return h, false
	}
	oldR, newR, ok := strings.Cut(ranges, " +")
	if !ok {
		return h, false
	}
	var ok1, ok2 bool
	h.OldStart, h.OldLines, ok1 = parseRange(oldR)
	h.NewStart, h.NewLines, ok2 = parseRange(newR)
	return h, ok1 && ok2
}

// parseRange reads "start[,count]"; a missing count means 1.
func parseRange(s string) (start, count int, ok bool) {
	a, b, hasCount := strings.Cut(s, ",")
	start, err := strconv.Atoi(a)
	if err != nil || start < 0 || start > 1<<30 {
		return 0, 0, false
	}
	if !hasCount {
		return start, 1, true
	}
	count, err = strconv.Atoi(b)
	if err != nil || count < 0 || count > 1<<30 {
		return 0, 0, false
	}
	return start, count, true
}

// hunkBody reads one line inside a hunk whose counts are not yet used up.
func (p *parser) hunkBody(s string) error {
	kind, text := byte(' '), ""
	if s != "" {
		kind, text = s[0], s[1:]
	}
	switch kind {
	case '\\':
		p.markNoNewline()
		return nil
	case ' ':
		if p.oldRem == 0 || p.newRem == 0 {
			p.miscount()
		}
		p.add(Line{Kind: ' ', Text: text, Old: p.oldNo, New: p.newNo})
		p.oldNo, p.newNo = p.oldNo+1, p.newNo+1
		p.oldRem, p.newRem = max(p.oldRem-1, 0), max(p.newRem-1, 0)
	case '-':
		if p.oldRem == 0 {
			p.miscount()
		}
		p.add(Line{Kind: '-', Text: text, Old: p.oldNo})
		p.cur.Deleted++
		p.oldNo, p.oldRem = p.oldNo+1, max(p.oldRem-1, 0)
	case '+':
		if p.newRem == 0 {
			p.miscount()
		}
		p.add(Line{Kind: '+', Text: text, New: p.newNo})
		p.cur.Added++
		p.newNo, p.newRem = p.newNo+1, max(p.newRem-1, 0)
	default:
		return p.errf("the hunk at line %d ends early: %s missing", p.hunkLine, p.missing())
	}
	if !p.inHunk() {
		p.closed = true
	}
	return nil
}

func (p *parser) add(l Line) { p.hunk.Lines = append(p.hunk.Lines, l) }

// miscount notes, once per hunk, that the hunk has more lines of a kind
// than its header announces. diff2html shows such hunks as written, and
// hand-edited diffs in real posts have them, so this is a warning and the
// line is kept (the hunk stays open for the lines that follow).
func (p *parser) miscount() {
	if p.warnedHunk == p.hunkLine {
		return
	}
	p.warnedHunk = p.hunkLine
	p.cur.Warnings = append(p.cur.Warnings, ParseError{Line: p.i + 1,
		Msg: fmt.Sprintf("the hunk header at line %d announces fewer lines than the hunk has; shown as written", p.hunkLine)})
}
