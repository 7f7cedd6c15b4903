package bib

import (
	"strings"
	"unicode"
)

// Name is one person (or a braced corporate name) from an author or editor
// field, split the way BibTeX splits it.
type Name struct{ First, Von, Last, Jr string }

// String formats the name as "First von Last, Jr".
func (n Name) String() string {
	s := joinNonEmpty(" ", n.First, n.Von, n.Last)
	if n.Jr != "" {
		s += ", " + n.Jr
	}
	return s
}

func joinNonEmpty(sep string, parts ...string) string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, sep)
}

// SplitNames parses a raw (undecoded) author or editor field: names are
// separated by "and" at brace depth 0, and a final "and others" sets others.
func SplitNames(raw string) (names []Name, others bool) {
	for _, part := range splitAnd(raw) {
		if strings.EqualFold(strings.TrimSpace(part), "others") {
			others = true
			continue
		}
		if n, ok := parseName(part); ok {
			names = append(names, n)
		}
	}
	return names, others
}

// splitAnd splits s on the word "and" (any case) surrounded by blanks at
// brace depth 0.
func splitAnd(s string) []string {
	var parts []string
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '{':
			depth++
		case c == '}':
			if depth > 0 {
				depth--
			}
		case depth == 0 && isBlank(c) && i+4 < len(s) &&
			strings.EqualFold(s[i+1:i+4], "and") && isBlank(s[i+4]):
			parts = append(parts, s[start:i])
			start = i + 4
			i += 3
		}
	}
	return append(parts, s[start:])
}

func isBlank(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '~' }

// words splits one name into comma-separated parts of blank-separated
// tokens, all at brace depth 0.
func words(s string) [][]string {
	parts := [][]string{nil}
	depth, start := 0, -1
	flush := func(i int) {
		if start >= 0 {
			parts[len(parts)-1] = append(parts[len(parts)-1], s[start:i])
			start = -1
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case depth == 0 && isBlank(c):
			flush(i)
			continue
		case depth == 0 && c == ',':
			flush(i)
			parts = append(parts, nil)
			continue
		case c == '{':
			depth++
		case c == '}' && depth > 0:
			depth--
		}
		if start < 0 {
			start = i
		}
	}
	flush(len(s))
	return parts
}

// parseName splits one raw name into its four parts (BibTeX's rules).
func parseName(raw string) (Name, bool) {
	parts := words(raw)
	for len(parts) > 1 && len(parts[len(parts)-1]) == 0 {
		parts = parts[:len(parts)-1] // trailing comma
	}
	var n Name
	switch len(parts) {
	case 1:
		t := parts[0]
		if len(t) == 0 {
			return n, false
		}
		first, von, last := splitFirstVonLast(t)
		n = Name{First: tokens(first), Von: tokens(von), Last: tokens(last)}
	case 2:
		von, last := splitVonLast(parts[0])
		n = Name{First: tokens(parts[1]), Von: tokens(von), Last: tokens(last)}
	default:
		von, last := splitVonLast(parts[0])
		var first []string
		for _, p := range parts[2:] {
			first = append(first, tokens(p)) // "too many commas": keep them in First
		}
		n = Name{First: joinNonEmpty(", ", first...), Von: tokens(von), Last: tokens(last), Jr: tokens(parts[1])}
	}
	if n.Last == "" && n.Von == "" {
		n.Last, n.First = n.First, "" // "{}, Plato" and similar
	}
	return n, n != Name{}
}

// splitFirstVonLast applies the "First von Last" rule: von runs from the
// first to the last lowercase token before the final one.
func splitFirstVonLast(t []string) (first, von, last []string) {
	n := len(t)
	i := 0
	for i < n-1 && !isVon(t[i]) {
		i++
	}
	if i == n-1 {
		return t[:n-1], nil, t[n-1:]
	}
	j := n - 2
	for j > i && !isVon(t[j]) {
		j--
	}
	return t[:i], t[i : j+1], t[j+1:]
}

// splitVonLast applies the "von Last" rule to the part before a comma.
func splitVonLast(t []string) (von, last []string) {
	if len(t) < 2 || !isVon(t[0]) {
		return nil, t
	}
	j := len(t) - 2
	for j > 0 && !isVon(t[j]) {
		j--
	}
	return t[:j+1], t[j+1:]
}

// isVon reports whether a raw token starts with a lowercase letter. A token
// starting with a plain brace group ({OpenAI Team}) has no case and is not
// von; a special character ({\"u}ber) takes the case of its letter.
func isVon(tok string) bool {
	if strings.HasPrefix(tok, "{") && !strings.HasPrefix(tok, `{\`) {
		return false
	}
	for _, r := range decode(tok, 0) {
		if unicode.IsLetter(r) {
			return unicode.IsLower(r)
		}
	}
	return false
}

func tokens(t []string) string {
	if len(t) == 0 {
		return ""
	}
	return DecodeTeX(strings.Join(t, " "))
}
