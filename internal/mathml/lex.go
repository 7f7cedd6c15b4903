package mathml

import (
	"unicode/utf8"
)

// tokKind classifies a TeX token.
type tokKind uint8

const (
	tEOF   tokKind = iota
	tChar          // one character; text holds it
	tCmd           // control sequence; text holds the name without the backslash
	tOpen          // {
	tClose         // }
	tSup           // ^
	tSub           // _
	tAmp           // &
	tParam         // #n in a macro body; text holds the digit
	tSpace         // a run of white space
)

// token is one lexed unit of TeX. pos is the byte offset in the formula the
// token came from (for expanded macros, the offset of the macro call).
type token struct {
	kind tokKind
	text string
	pos  int
}

// String returns the token as TeX source, used when an argument is read as
// plain text (\label{…}, \begin{…}, colours and lengths).
func (t token) String() string {
	switch t.kind {
	case tCmd:
		if isLetters(t.text) {
			return `\` + t.text + " "
		}
		return `\` + t.text
	case tOpen:
		return "{"
	case tClose:
		return "}"
	case tSup:
		return "^"
	case tSub:
		return "_"
	case tAmp:
		return "&"
	case tParam:
		return "#" + t.text
	case tSpace:
		return " "
	case tEOF:
		return ""
	}
	return t.text
}

func isLetters(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isLetter(s[i]) {
			return false
		}
	}
	return s != ""
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
func isDigit(c byte) bool  { return c >= '0' && c <= '9' }

// lexer splits TeX source into tokens. Comments (% to end of line) vanish.
type lexer struct {
	src string
	pos int
}

func (l *lexer) next() token {
	for {
		if l.pos >= len(l.src) {
			return token{kind: tEOF, pos: len(l.src)}
		}
		start := l.pos
		c := l.src[l.pos]
		switch c {
		case ' ', '\t', '\n', '\r', '\f':
			for l.pos < len(l.src) && isSpace(l.src[l.pos]) {
				l.pos++
			}
			return token{kind: tSpace, text: " ", pos: start}
		case '%':
			for l.pos < len(l.src) && l.src[l.pos] != '\n' {
				l.pos++
			}
			continue
		case '\\':
			return l.command()
		case '{':
			l.pos++
			return token{kind: tOpen, pos: start}
		case '}':
			l.pos++
			return token{kind: tClose, pos: start}
		case '^':
			l.pos++
			return token{kind: tSup, pos: start}
		case '_':
			l.pos++
			return token{kind: tSub, pos: start}
		case '&':
			l.pos++
			return token{kind: tAmp, pos: start}
		case '#':
			if l.pos+1 < len(l.src) && l.src[l.pos+1] >= '1' && l.src[l.pos+1] <= '9' {
				l.pos += 2
				return token{kind: tParam, text: l.src[start+1 : l.pos], pos: start}
			}
		}
		_, n := utf8.DecodeRuneInString(l.src[l.pos:])
		l.pos += n
		return token{kind: tChar, text: l.src[start:l.pos], pos: start}
	}
}

// command lexes a control word (letters, trailing spaces skipped) or a
// control symbol (one character).
func (l *lexer) command() token {
	start := l.pos
	l.pos++
	if l.pos >= len(l.src) {
		return token{kind: tChar, text: `\`, pos: start}
	}
	if !isLetter(l.src[l.pos]) {
		_, n := utf8.DecodeRuneInString(l.src[l.pos:])
		l.pos += n
		name := l.src[start+1 : l.pos]
		if isSpace(name[0]) {
			name = " "
		}
		return token{kind: tCmd, text: name, pos: start}
	}
	for l.pos < len(l.src) && isLetter(l.src[l.pos]) {
		l.pos++
	}
	name := l.src[start+1 : l.pos]
	for l.pos < len(l.src) && isSpace(l.src[l.pos]) {
		l.pos++
	}
	return token{kind: tCmd, text: name, pos: start}
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

// tokenize lexes all of src.
func tokenize(src string) []token {
	l := lexer{src: src}
	var out []token
	for {
		t := l.next()
		if t.kind == tEOF {
			return out
		}
		out = append(out, t)
	}
}
