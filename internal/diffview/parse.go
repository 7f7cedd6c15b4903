package diffview

import (
	"fmt"
	"strings"
)

// Parse reads a unified diff: git diff output, git format-patch mails (the
// mail header, message and diffstat before the first file are skipped, as is
// the "-- " signature after the last hunk) or plain diff -u output. Hunk line
// counts are checked against the lines that follow, so a truncated or
// hand-edited hunk is reported instead of silently misnumbered. Blank lines
// inside a hunk are read as empty context lines, because editors and
// markdown tooling strip the lone space git writes there.
func Parse(src string) ([]File, error) {
	p := &parser{lines: splitLines(src)}
	for p.i = 0; p.i < len(p.lines); p.i++ {
		if err := p.line(p.lines[p.i]); err != nil {
			return nil, err
		}
	}
	if p.inHunk() {
		p.short(len(p.lines))
	}
	p.flush()
	if len(p.files) == 0 {
		for i, l := range p.lines {
			if strings.TrimSpace(l) != "" {
				return nil, p.errAt(i+1, `not a unified diff: no "diff --git" or "---"/"+++" file header found`)
			}
		}
	}
	return p.files, nil
}

// splitLines splits on "\n", dropping the terminator of the last line and
// any "\r" of CRLF sources.
func splitLines(src string) []string {
	if src == "" {
		return nil
	}
	lines := strings.Split(strings.TrimSuffix(src, "\n"), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimSuffix(l, "\r")
	}
	return lines
}

type parser struct {
	lines []string
	i     int // index of the line being read
	files []File

	cur       *File // file being read, nil before the first header
	git       bool  // cur started with "diff --git"
	sawHeader bool  // cur has had its ---/+++ pair

	hunk           *Hunk
	hunkLine       int  // 1-based line of the current hunk header
	oldRem, newRem int  // lines the current hunk still expects
	oldNo, newNo   int  // next line numbers
	closed         bool // the previous line completed a hunk
	warnedHunk     int  // hunkLine of the last miscount warning
}

func (p *parser) errAt(line int, format string, args ...any) error {
	return &ParseError{Line: line, Msg: fmt.Sprintf(format, args...)}
}

func (p *parser) errf(format string, args ...any) error {
	return p.errAt(p.i+1, format, args...)
}

func (p *parser) inHunk() bool { return p.hunk != nil && (p.oldRem > 0 || p.newRem > 0) }

func (p *parser) missing() string {
	return fmt.Sprintf("%d old and %d new lines", p.oldRem, p.newRem)
}

func (p *parser) flush() {
	p.closeHunk()
	if p.cur != nil {
		p.files = append(p.files, *p.cur)
		p.cur = nil
	}
}

func (p *parser) closeHunk() {
	if p.hunk != nil {
		p.cur.Hunks = append(p.cur.Hunks, *p.hunk)
		p.hunk = nil
	}
}

func (p *parser) startFile(git bool) {
	p.flush()
	p.cur = &File{Line: p.i + 1}
	p.git, p.sawHeader = git, false
}

// line reads one line outside or inside a hunk.
func (p *parser) line(s string) error {
	if p.inHunk() {
		if !startsHeader(s) {
			return p.hunkBody(s)
		}
		p.short(p.i + 1)
	}
	closed := p.closed
	p.closed = false
	switch {
	case strings.HasPrefix(s, `\`):
		p.markNoNewline()
		p.closed = closed
	case strings.HasPrefix(s, "diff --git "):
		p.startFile(true)
		p.cur.OldName, p.cur.NewName = gitNames(s[len("diff --git "):])
	case strings.HasPrefix(s, "@@@"):
		return p.errf("combined diffs (@@@) are not supported")
	case strings.HasPrefix(s, "@@"):
		return p.startHunk(s)
	case strings.HasPrefix(s, "--- ") && p.i+1 < len(p.lines) && strings.HasPrefix(p.lines[p.i+1], "+++ "):
		p.fileHeader(s[4:], p.lines[p.i+1][4:])
		p.i++
	case strings.HasPrefix(s, "Binary files ") && strings.HasSuffix(s, " differ"):
		p.binary(s)
	case p.cur != nil && len(p.cur.Hunks) == 0 && p.hunk == nil:
		p.extended(s)
	case closed && s != "" && strings.ContainsRune(" +-", rune(s[0])) && s != "-- " && p.hunk != nil:
		// More lines than the header announced: keep them in the hunk.
		p.closed = true
		return p.hunkBody(s)
	}
	return nil
}

// startsHeader reports whether s opens a new file or hunk: inside a hunk
// that is still short of lines, such a line ends it early.
func startsHeader(s string) bool {
	return strings.HasPrefix(s, "diff --git ") || strings.HasPrefix(s, "@@ ")
}

// short notes a hunk with fewer lines than its header announces (the diff
// was cut, or the header miscounts). diff2html shows such hunks as they
// are, so this is a warning, not an error.
func (p *parser) short(line int) {
	p.cur.Warnings = append(p.cur.Warnings, ParseError{Line: line,
		Msg: fmt.Sprintf("the hunk at line %d has fewer lines than its header announces (%s missing); shown as written", p.hunkLine, p.missing())})
	p.oldRem, p.newRem = 0, 0
}

// markNoNewline handles "\ No newline at end of file" (in any language).
func (p *parser) markNoNewline() {
	h := p.hunk
	if h == nil && p.cur != nil && len(p.cur.Hunks) > 0 {
		h = &p.cur.Hunks[len(p.cur.Hunks)-1]
	}
	if h != nil && len(h.Lines) > 0 {
		h.Lines[len(h.Lines)-1].NoNewline = true
	}
}
