package bib

import (
	"strings"
	"unicode/utf8"
)

// accentMarks maps accent commands (\"u, \c{c}, …) to combining marks.
var accentMarks = map[string]rune{
	`"`: '\u0308', `'`: '\u0301', "`": '\u0300', "^": '\u0302', "~": '\u0303',
	"=": '\u0304', ".": '\u0307', "u": '\u0306', "v": '\u030C', "H": '\u030B',
	"c": '\u0327', "k": '\u0328', "r": '\u030A', "d": '\u0323', "b": '\u0331',
	"t": '\u0361',
}

// spacingAccents is what an accent with an empty argument (\^{}) prints.
var spacingAccents = map[rune]string{
	'\u0308': "¨", '\u0301': "´", '\u0300': "`", '\u0302': "^", '\u0303': "~",
	'\u0304': "¯", '\u0307': "˙", '\u0306': "˘", '\u030C': "ˇ", '\u030B': "˝",
	'\u0327': "¸", '\u0328': "˛", '\u030A': "˚",
}

// symbols maps argument-less control words to their text.
var symbols = map[string]string{
	"ss": "ß", "SS": "SS", "o": "ø", "O": "Ø", "ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ",
	"aa": "å", "AA": "Å", "l": "ł", "L": "Ł", "i": "ı", "j": "ȷ", "dh": "ð", "DH": "Ð",
	"th": "þ", "TH": "Þ", "ng": "ŋ", "NG": "Ŋ",
	"ldots": "…", "dots": "…", "textellipsis": "…",
	"LaTeX": "LaTeX", "TeX": "TeX", "BibTeX": "BibTeX", "LaTeXe": "LaTeX2ε",
	"textendash": "–", "textemdash": "—", "textbackslash": `\`, "textasciitilde": "~",
	"textasciicircum": "^", "textasciigrave": "`", "textunderscore": "_", "textbar": "|",
	"textless": "<", "textgreater": ">", "textbraceleft": "{", "textbraceright": "}",
	"S": "§", "P": "¶", "copyright": "©", "textcopyright": "©", "textregistered": "®",
	"texttrademark": "™", "pounds": "£", "textsterling": "£", "euro": "€", "texteuro": "€",
	"dag": "†", "ddag": "‡", "textdagger": "†", "textdaggerdbl": "‡", "textbullet": "•",
	"textdegree": "°", "textquoteleft": "‘", "textquoteright": "’",
	"textquotedblleft": "“", "textquotedblright": "”", "guillemotleft": "«",
	"guillemotright": "»", "textexclamdown": "¡", "textquestiondown": "¿",
	"quad": "\u2003", "qquad": "\u2003\u2003", "slash": "/", "textperiodcentered": "·",
}

// argDropped lists commands whose first braced argument is not text.
var argDropped = map[string]bool{
	"href": true, "cite": true, "citep": true, "citet": true, "label": true, "ref": true,
}

// maxAccentDepth bounds recursion on nested accent arguments (\"{\"{\"{…}}}).
const maxAccentDepth = 32

// DecodeTeX turns a BibTeX field value into plain Unicode text: accents and
// special letters become precomposed characters, dashes, ties and quotes
// become typographic characters, font and protective braces disappear, and
// runs of white space collapse to one space. Math between $…$ is kept as is.
// Unknown control words are dropped and their arguments kept.
func DecodeTeX(s string) string {
	return collapseSpace(decode(s, 0))
}

func decode(s string, depth int) string {
	if !strings.ContainsAny(s, "{}\\$~-`'\t\n\r ") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '{' || c == '}':
			i++
		case c == '$':
			i = copyMath(&b, s, i)
		case c == '\\':
			i = command(&b, s, i+1, depth)
		case c == '~':
			b.WriteString("\u00a0")
			i++
		case c == '-':
			n := run(s, i, '-')
			b.WriteString(dashes(n))
			i += n
		case c == '`':
			if strings.HasPrefix(s[i:], "``") {
				b.WriteString("“")
				i += 2
			} else {
				b.WriteString("‘")
				i++
			}
		case c == '\'' && strings.HasPrefix(s[i:], "''"):
			b.WriteString("”")
			i += 2
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			b.WriteByte(' ')
			i++
		default:
			b.WriteByte(c)
			i++
		}
	}
	return b.String()
}

// run counts consecutive c bytes starting at s[i].
func run(s string, i int, c byte) int {
	n := 0
	for i+n < len(s) && s[i+n] == c {
		n++
	}
	return n
}

// dashes renders n hyphens the TeX way: -- en dash, --- em dash.
func dashes(n int) string {
	var b strings.Builder
	for n > 0 {
		switch {
		case n >= 3:
			b.WriteString("—")
			n -= 3
		case n == 2:
			b.WriteString("–")
			n -= 2
		default:
			b.WriteByte('-')
			n--
		}
	}
	return b.String()
}

// copyMath copies $…$ or $$…$$ starting at s[i] verbatim and returns the
// index after it; an unmatched $ is copied as a literal dollar.
func copyMath(b *strings.Builder, s string, i int) int {
	delim := "$"
	if strings.HasPrefix(s[i:], "$$") {
		delim = "$$"
	}
	for j := i + len(delim); j < len(s); j++ {
		if s[j] == '\\' {
			j++
			continue
		}
		if strings.HasPrefix(s[j:], delim) {
			end := j + len(delim)
			b.WriteString(s[i:end])
			return end
		}
	}
	b.WriteByte('$')
	return i + 1
}

// collapseSpace trims ASCII white space and squeezes inner runs to one
// space; other spaces (the no-break space of a tie) are kept.
func collapseSpace(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteByte(s[i])
	}
	return b.String()
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// controlWord reads the name after a backslash at s[i]: a run of letters or
// a single other character. It returns the name and the index after it.
func controlWord(s string, i int) (string, int) {
	if i >= len(s) {
		return "", i
	}
	if !isLetter(s[i]) {
		_, n := utf8.DecodeRuneInString(s[i:])
		return s[i : i+n], i + n
	}
	j := i
	for j < len(s) && isLetter(s[j]) {
		j++
	}
	return s[i:j], j
}

// skipSpace returns the index of the first non-blank byte at or after i.
func skipSpace(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r') {
		i++
	}
	return i
}
