package bib

import (
	"fmt"
	"sort"
	"strings"

	"github.com/distill-dev/distill/internal/diag"
)

// kind is the diag.Kind of every message from this package.
const kind = "bib"

// months are BibTeX's predefined month macros.
var months = map[string]string{
	"jan": "January", "feb": "February", "mar": "March", "apr": "April",
	"may": "May", "jun": "June", "jul": "July", "aug": "August",
	"sep": "September", "oct": "October", "nov": "November", "dec": "December",
}

// syntaxError stops the current entry; pos is the byte offset to report.
type syntaxError struct {
	pos int
	msg string
}

func (e *syntaxError) Error() string { return e.msg }

// parser holds the state of one Parse call.
type parser struct {
	file string
	src  string
	pos  int
	// entryPos is the offset of the current entry's '@'.
	entryPos int
	nl       []int // offsets of '\n', for line numbers
	diags    diag.List
	macros   map[string]string
	lib      *Library
}

// Parse reads a .bib file. Text outside entries is ignored, as BibTeX does.
// A syntax error drops the entry it occurs in, is reported as a diag Error
// with file:line, and parsing resumes at the next '@' (preferring one that
// starts a line). Duplicate keys are warnings; the first entry wins.
// Parse never panics.
func Parse(file string, src []byte) (*Library, diag.List) {
	p := &parser{file: file, src: string(src), macros: map[string]string{}, lib: &Library{Entries: map[string]*Entry{}}}
	for i := 0; i < len(p.src); i++ {
		if p.src[i] == '\n' {
			p.nl = append(p.nl, i)
		}
	}
	for {
		at := strings.IndexByte(p.src[p.pos:], '@')
		if at < 0 {
			break
		}
		start := p.pos + at
		p.pos = start + 1
		if err := p.entry(start); err != nil {
			se := err.(*syntaxError)
			p.diags.Errorf(file, p.line(se.pos), kind, "%s", se.msg)
			p.pos = p.resync(max(se.pos, start+1))
		}
	}
	return p.lib, p.diags
}

// line returns the 1-based line of byte offset pos.
func (p *parser) line(pos int) int {
	return sort.SearchInts(p.nl, pos) + 1
}

// resync finds where to resume after an error: the next '@' that is the
// first non-blank on its line, else the next '@' at all, else the end.
func (p *parser) resync(from int) int {
	if from > len(p.src) {
		return len(p.src)
	}
	for i := from; i < len(p.src); i++ {
		if p.src[i] == '@' && p.atLineStart(i) {
			return i
		}
	}
	if at := strings.IndexByte(p.src[from:], '@'); at >= 0 {
		return from + at
	}
	return len(p.src)
}

// atLineStart reports whether only blanks precede offset i on its line.
func (p *parser) atLineStart(i int) bool {
	for j := i - 1; j >= 0; j-- {
		switch p.src[j] {
		case '\n':
			return true
		case ' ', '\t', '\r':
		default:
			return false
		}
	}
	return true
}

func (p *parser) errorf(pos int, format string, args ...any) error {
	return &syntaxError{pos: pos, msg: fmt.Sprintf(format, args...)}
}

// skipSpace skips blanks and, inside entries, %-comments to the end of
// the line (which BibTeX rejects but biber and many .bib files accept).
func (p *parser) skipSpace() {
	for {
		p.pos = skipSpace(p.src, p.pos)
		if p.peek() != '%' {
			return
		}
		if nl := strings.IndexByte(p.src[p.pos:], '\n'); nl >= 0 {
			p.pos += nl
		} else {
			p.pos = len(p.src)
		}
	}
}

// inWord reports whether the '@' at offset i follows a letter or digit, as
// in an e-mail address in free text, which is ignored without a warning.
func (p *parser) inWord(i int) bool {
	if i == 0 {
		return false
	}
	c := p.src[i-1]
	return c >= '0' && c <= '9' || isLetter(c) || c == '.' || c == '_' || c == '-'
}

// isIdent reports whether c may appear in an entry type, field or macro
// name (BibTeX allows any printable character but these).
func isIdent(c byte) bool {
	return c > ' ' && c != 0x7f && !strings.ContainsRune("\"#%'(),={}@\\", rune(c))
}

// ident reads a name at p.pos (possibly empty).
func (p *parser) ident() string {
	start := p.pos
	for p.pos < len(p.src) && isIdent(p.src[p.pos]) {
		p.pos++
	}
	return p.src[start:p.pos]
}

// peek returns the byte at p.pos, or 0 at the end.
func (p *parser) peek() byte {
	if p.pos < len(p.src) {
		return p.src[p.pos]
	}
	return 0
}

// where names the place at pos for "before …" in messages.
func (p *parser) where(pos int) string {
	if pos >= len(p.src) {
		return "the end of the file"
	}
	return fmt.Sprintf("the entry at line %d", p.line(pos))
}

// describe names the byte at pos for error messages.
func (p *parser) describe(pos int) string {
	if pos >= len(p.src) {
		return "end of file"
	}
	return fmt.Sprintf("%q", p.src[pos])
}
