package bib

import (
	"strings"
	"unicode/utf8"
)

// texEscapes maps characters that DecodeTeX would not give back unchanged.
// Braces use \textbrace… because BibTeX counts "\{" as a brace too.
var texEscapes = map[rune]string{
	'\\': `\textbackslash{}`, '{': `\textbraceleft{}`, '}': `\textbraceright{}`,
	'&': `\&`, '%': `\%`, '#': `\#`, '_': `\_`, '$': `\$`,
	'~': `\textasciitilde{}`, '^': `\textasciicircum{}`, '`': `\textasciigrave{}`,
	'\u00a0': "~",
}

// EncodeTeX is the inverse of DecodeTeX for text it produced: it escapes
// TeX's special characters so that DecodeTeX(EncodeTeX(s)) == s for any
// s with collapsed white space. Balanced $…$ math is written as is.
func EncodeTeX(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		if s[i] == '$' {
			if end := mathEnd(s, i); end > 0 && balanced(s[i:end]) {
				b.WriteString(s[i:end])
				i = end
				continue
			}
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case texEscapes[r] != "":
			b.WriteString(texEscapes[r])
		case (r == '-' || r == '\'') && i+1 < len(s) && s[i+1] == byte(r):
			b.WriteString(string(r) + "{}") // keep "--" and "''" from turning into – and ”
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// mathEnd returns the index after the $…$ or $$…$$ span at s[i], or -1.
func mathEnd(s string, i int) int {
	var b strings.Builder
	end := copyMath(&b, s, i)
	if b.Len() == 1 {
		return -1
	}
	return end
}

// balanced reports whether braces in s nest properly (BibTeX ignores
// backslashes when counting them).
func balanced(s string) bool {
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '{':
			depth++
		case '}':
			depth--
			if depth < 0 {
				return false
			}
		}
	}
	return depth == 0
}

// CitationBibTeX writes the BibTeX entry readers can use to cite a post,
// as in distill's "Citation" appendix: authors are full names ("Yann
// Dauphin") written as "Dauphin, Yann". The result is plain text; HTML
// callers must escape it.
func CitationBibTeX(key, title string, authors []string, year, url string) string {
	names := make([]Name, 0, len(authors))
	for _, a := range authors {
		if n, ok := parseName(EncodeTeX(collapseSpace(a))); ok {
			names = append(names, n)
		}
	}
	e := &Entry{Type: "article", Key: citationKey(key), Fields: map[string]string{}, Authors: names}
	add := func(name, value string) {
		if value = collapseSpace(value); value != "" {
			e.Fields[name] = value
			e.order = append(e.order, name)
		}
	}
	if len(names) > 0 {
		add("author", joinNames(names))
	}
	add("title", title)
	add("year", year)
	add("url", url)
	return strings.TrimSuffix(e.String(), "\n")
}

// citationKey keeps the characters BibTeX accepts in a key.
func citationKey(k string) string {
	k = strings.Map(func(r rune) rune {
		if r <= ' ' || strings.ContainsRune(",{}()\"#%'=\\@~", r) {
			return -1
		}
		return r
	}, k)
	if k == "" {
		return "post"
	}
	return k
}

func joinNames(names []Name) string {
	s := make([]string, len(names))
	for i, n := range names {
		s[i] = n.String()
	}
	return strings.Join(s, " and ")
}

// verbatimFields hold URLs and identifiers, where TeX's ~ and _ are literal
// (as in biblatex); only braces and escapes like \_ are removed.
var verbatimFields = map[string]bool{"url": true, "doi": true, "eprint": true, "file": true}

// verbatim decodes the raw value of a verbatim field.
func verbatim(raw string) string {
	var b strings.Builder
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		switch {
		case c == '{' || c == '}':
		case c == '\\' && i+1 < len(raw) && strings.IndexByte("_%&#$~", raw[i+1]) >= 0:
			b.WriteByte(raw[i+1])
			i++
		default:
			b.WriteByte(c)
		}
	}
	return strings.TrimPrefix(collapseSpace(b.String()), `\url`)
}

// encodeVerbatim writes a verbatim field; braces, which it cannot hold,
// are percent-encoded.
func encodeVerbatim(s string) string {
	return strings.NewReplacer("{", "%7B", "}", "%7D").Replace(s)
}
