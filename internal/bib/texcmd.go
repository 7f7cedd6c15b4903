package bib

import (
	"strings"
	"unicode/utf8"
)

// command decodes the control sequence whose name starts at s[i] (just after
// the backslash) and returns the index after it and its arguments.
func command(b *strings.Builder, s string, i, depth int) int {
	name, j := controlWord(s, i)
	if name == "" {
		return j
	}
	word := isLetter(name[0])
	if word {
		j = skipSpace(s, j) // TeX eats the blanks after a control word
	}
	if mark, ok := accentMarks[name]; ok {
		arg, k := accentArg(s, j, depth)
		b.WriteString(applyAccent(mark, arg))
		return k
	}
	if word {
		return wordCommand(b, s, name, j)
	}
	switch name {
	case " ", "\t", "\n", "\r", `\`:
		b.WriteByte(' ')
	case ",":
		b.WriteString("\u2009")
	case "-", "/", "@", ";", ":", "!":
		// discretionary hyphen, italic correction, spacing: nothing to print
	default:
		b.WriteString(name) // \& \% \$ \_ \# \{ \} and any other escaped character
	}
	return j
}

// wordCommand handles a control word (letters) whose name ends before s[j].
func wordCommand(b *strings.Builder, s, name string, j int) int {
	if t, ok := symbols[name]; ok {
		b.WriteString(t)
		return j
	}
	if name == "url" {
		arg, k := group(s, j)
		b.WriteString(arg) // verbatim: URLs keep their ~, _ and %
		return k
	}
	if argDropped[name] {
		_, k := group(s, j)
		return k
	}
	// Font commands (\textit, \emph, \bf, …) and unknown words vanish; their
	// braced argument follows and is decoded as ordinary text.
	return j
}

// group returns the content of the braced group at s[j] and the index after
// it, or "" and j when s[j] is not '{'. An unclosed group runs to the end.
func group(s string, j int) (string, int) {
	if j >= len(s) || s[j] != '{' {
		return "", j
	}
	depth := 0
	for k := j; k < len(s); k++ {
		switch s[k] {
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				return s[j+1 : k], k + 1
			}
		case '\\':
			k++
		}
	}
	return s[j+1:], len(s)
}

// accentArg reads an accent's argument at s[j]: a braced group, a control
// sequence (\i) or a single character. It returns the decoded text.
func accentArg(s string, j, depth int) (string, int) {
	j = skipSpace(s, j)
	if j >= len(s) {
		return "", j
	}
	var raw string
	k := j
	switch s[j] {
	case '{':
		raw, k = group(s, j)
	case '\\':
		var name string
		name, k = controlWord(s, j+1)
		raw = s[j:k]
		if name != "" && isLetter(name[0]) {
			k = skipSpace(s, k)
		}
	case '}':
		return "", j
	default:
		_, n := utf8.DecodeRuneInString(s[j:])
		k = j + n
		raw = s[j:k]
	}
	if depth >= maxAccentDepth {
		return raw, k
	}
	return decode(raw, depth+1), k
}

// applyAccent puts mark on the first letter of arg, precomposed when
// Unicode has such a letter.
func applyAccent(mark rune, arg string) string {
	if arg == "" {
		if t, ok := spacingAccents[mark]; ok {
			return t
		}
		return string(mark)
	}
	r, n := utf8.DecodeRuneInString(arg)
	switch r {
	case 'ı':
		r = 'i'
	case 'ȷ':
		r = 'j'
	}
	if c, ok := composed[[2]rune{mark, r}]; ok {
		return string(c) + arg[n:]
	}
	return string(r) + string(mark) + arg[n:]
}
