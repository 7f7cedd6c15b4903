package pseudocode

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

type tokKind int

const (
	tEOF   tokKind = iota
	tCmd           // \name or \c; text holds the name without backslash
	tOpen          // {
	tClose         // }
	tMath          // $…$, $$…$$, \(…\), \[…\]; text holds the TeX
	tText          // ordinary characters
	tSpace         // whitespace, newlines and % comments
)

type token struct {
	kind tokKind
	text string
	line int
}

// lex splits src into tokens; it fails only on unclosed math.
func lex(src string) ([]token, error) {
	l := &lexer{src: src, line: 1}
	for {
		t, err := l.next()
		if err != nil {
			return nil, err
		}
		l.toks = append(l.toks, t)
		if t.kind == tEOF {
			return l.toks, nil
		}
	}
}

type lexer struct {
	src  string
	pos  int
	line int
	toks []token
}

func (l *lexer) next() (token, error) {
	if l.pos >= len(l.src) {
		return token{kind: tEOF, line: l.line}, nil
	}
	start, line := l.pos, l.line
	c := l.src[l.pos]
	switch {
	case c == '%' || c == ' ' || c == '\t' || c == '\n' || c == '\r':
		l.spaces()
		return token{kind: tSpace, text: " ", line: line}, nil
	case c == '{':
		l.pos++
		return token{kind: tOpen, line: line}, nil
	case c == '}':
		l.pos++
		return token{kind: tClose, line: line}, nil
	case c == '$':
		if strings.HasPrefix(l.src[l.pos:], "$$") {
			return l.math("$$", "$$")
		}
		return l.math("$", "$")
	case c == '\\':
		return l.command()
	}
	for l.pos < len(l.src) && !strings.ContainsRune("%{}$\\ \t\n\r", rune(l.src[l.pos])) {
		l.pos++
	}
	return token{kind: tText, text: l.src[start:l.pos], line: line}, nil
}

// spaces skips whitespace and % comments (to the end of their line).
func (l *lexer) spaces() {
	for l.pos < len(l.src) {
		switch l.src[l.pos] {
		case '\n':
			l.line++
		case ' ', '\t', '\r':
		case '%':
			for l.pos < len(l.src) && l.src[l.pos] != '\n' {
				l.pos++
			}
			continue
		default:
			return
		}
		l.pos++
	}
}

func (l *lexer) command() (token, error) {
	line := l.line
	rest := l.src[l.pos+1:]
	if rest == "" {
		l.pos++
		return token{kind: tText, text: `\`, line: line}, nil
	}
	switch rest[0] {
	case '(':
		return l.math(`\(`, `\)`)
	case '[':
		return l.math(`\[`, `\]`)
	}
	n := 0
	for n < len(rest) && (rest[n] >= 'a' && rest[n] <= 'z' || rest[n] >= 'A' && rest[n] <= 'Z') {
		n++
	}
	if n == 0 { // a control symbol such as \\ or \{
		_, n = utf8.DecodeRuneInString(rest)
		if rest[0] == '\n' {
			l.line++
		}
	}
	l.pos += 1 + n
	return token{kind: tCmd, text: rest[:n], line: line}, nil
}

// math reads inline math between open and close, which a backslash
// escapes (so \$ stays inside $…$).
func (l *lexer) math(open, close string) (token, error) {
	line := l.line
	body := l.pos + len(open)
	for i := body; i < len(l.src); i++ {
		switch {
		case l.src[i] == '\\' && close != `\)` && close != `\]`:
			i++
		case strings.HasPrefix(l.src[i:], close):
			tex := l.src[body:i]
			l.line += strings.Count(tex, "\n")
			l.pos = i + len(close)
			return token{kind: tMath, text: strings.TrimFunc(tex, unicode.IsSpace), line: line}, nil
		}
	}
	return token{}, &ParseError{Line: line, Msg: "unclosed math: " + open + " without " + close}
}
