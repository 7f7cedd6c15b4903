package diffview

import (
	"html"
	"strings"
	"unicode"
	"unicode/utf8"
)

// span is a byte range [start, end) of a line's text.
type span struct{ start, end int }

// changed finds the differing middle of two paired lines by stripping their
// common prefix and suffix, counted in whole tokens (words, runs of spaces,
// single punctuation runes) so marks never split a word. ok is false when
// the lines share too little for marking to help reading.
func changed(a, b string) (da, db span, ok bool) {
	ta, tb := tokens(a), tokens(b)
	p := 0
	for p < len(ta) && p < len(tb) && a[ta[p].start:ta[p].end] == b[tb[p].start:tb[p].end] {
		p++
	}
	s := 0
	for s < len(ta)-p && s < len(tb)-p &&
		a[ta[len(ta)-1-s].start:ta[len(ta)-1-s].end] == b[tb[len(tb)-1-s].start:tb[len(tb)-1-s].end] {
		s++
	}
	da = span{edge(ta, p, len(a)), edge(ta, len(ta)-s, len(a))}
	db = span{edge(tb, p, len(b)), edge(tb, len(tb)-s, len(b))}
	if da.start == da.end && db.start == db.end {
		return da, db, false
	}
	indent := len(a) - len(strings.TrimLeft(a, " \t"))
	common := da.start - min(da.start, indent) + len(a) - da.end
	return da, db, common > 0 && 4*common >= max(len(a), len(b))-indent
}

// edge converts token index i into a byte offset: the start of token i, or
// n past the last token.
func edge(ts []span, i, n int) int {
	if i < len(ts) {
		return ts[i].start
	}
	return n
}

func tokens(s string) []span {
	var ts []span
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		j := i + n
		switch {
		case isWord(r):
			for j < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if !isWord(r2) {
					break
				}
				j += n2
			}
		case r == ' ' || r == '\t':
			for j < len(s) && (s[j] == ' ' || s[j] == '\t') {
				j++
			}
		}
		ts = append(ts, span{i, j})
		i = j
	}
	return ts
}

func isWord(r rune) bool { return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) }

// mark wraps the text bytes [sp.start, sp.end) of an HTML fragment in
// <tag>…</tag>. The fragment is escaped text with tags (a highlighter's
// output); text offsets count decoded characters, and the mark is closed and
// reopened around every tag so elements stay properly nested.
func mark(h string, sp span, tag string) string {
	if sp.start >= sp.end {
		return h
	}
	var b strings.Builder
	b.Grow(len(h) + 16)
	pos, open := 0, false
	for i := 0; i < len(h); {
		if h[i] == '<' {
			j := strings.IndexByte(h[i:], '>')
			if j < 0 {
				j = len(h) - i - 1
			}
			if open {
				b.WriteString("</" + tag + ">")
				open = false
			}
			b.WriteString(h[i : i+j+1])
			i += j + 1
			continue
		}
		n, tl := charAt(h, i)
		if want := pos >= sp.start && pos < sp.end; want != open {
			if want {
				b.WriteString("<" + tag + ">")
			} else {
				b.WriteString("</" + tag + ">")
			}
			open = want
		}
		b.WriteString(h[i : i+n])
		pos += tl
		i += n
	}
	if open {
		b.WriteString("</" + tag + ">")
	}
	return b.String()
}

// charAt measures the character at h[i]: n bytes of HTML standing for tl
// bytes of text (an entity like &lt; is 4 bytes for 1).
func charAt(h string, i int) (n, tl int) {
	if h[i] == '&' {
		if j := strings.IndexByte(h[i:min(len(h), i+12)], ';'); j > 0 {
			if u := html.UnescapeString(h[i : i+j+1]); u != h[i:i+j+1] {
				return j + 1, len(u)
			}
		}
	}
	_, n = utf8.DecodeRuneInString(h[i:])
	return n, n
}
