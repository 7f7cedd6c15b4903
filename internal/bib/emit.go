package bib

import (
	"slices"
	"strings"
)

// String writes the library back as BibTeX, entries in file order. Values
// are re-encoded (EncodeTeX) so that parsing the output gives the same
// entries; @string macros have already been expanded.
func (l *Library) String() string {
	var b strings.Builder
	for i, k := range l.Keys {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(l.Entries[k].String())
	}
	return b.String()
}

// String writes the entry as BibTeX: fields in file order, then any others
// sorted by name; author and editor come from the parsed names.
func (e *Entry) String() string {
	var b strings.Builder
	b.WriteString("@" + e.Type + "{" + e.Key)
	for _, name := range e.fieldOrder() {
		b.WriteString(",\n  " + name + " = {" + e.encodeField(name) + "}")
	}
	b.WriteString("\n}\n")
	return b.String()
}

func (e *Entry) fieldOrder() []string {
	var out []string
	seen := map[string]bool{}
	for _, n := range e.order {
		if _, ok := e.Fields[n]; ok && !seen[n] {
			out = append(out, n)
			seen[n] = true
		}
	}
	var rest []string
	for n := range e.Fields {
		if !seen[n] {
			rest = append(rest, n)
		}
	}
	slices.Sort(rest)
	return append(out, rest...)
}

func (e *Entry) encodeField(name string) string {
	switch {
	case name == "author" && (len(e.Authors) > 0 || e.OthersAuthors):
		return encodeNames(e.Authors, e.OthersAuthors)
	case name == "editor" && (len(e.editors) > 0 || e.othersEditors):
		return encodeNames(e.editors, e.othersEditors)
	case verbatimFields[name]:
		return encodeVerbatim(e.Fields[name])
	}
	return EncodeTeX(e.Fields[name])
}

// encodeNames writes names as "von Last, Jr, First" joined by " and ".
func encodeNames(names []Name, others bool) string {
	s := make([]string, 0, len(names)+1)
	for _, n := range names {
		s = append(s, encodeName(n))
	}
	if others {
		s = append(s, "others")
	}
	return strings.Join(s, " and ")
}

func encodeName(n Name) string {
	last := protect(EncodeTeX(n.Last), strings.ContainsAny(n.Last, " ,") || hasAnd(n.Last) || strings.EqualFold(n.Last, "others"))
	s := joinNonEmpty(" ", EncodeTeX(n.Von), last)
	first := protect(EncodeTeX(n.First), strings.Contains(n.First, ",") || hasAnd(n.First))
	switch {
	case n.Jr != "":
		s += ", " + protect(EncodeTeX(n.Jr), strings.Contains(n.Jr, ",") || hasAnd(n.Jr))
		s += ", " + protect(first, first == "")
	case first != "":
		s += ", " + first
	}
	return s
}

// protect wraps s in braces when cond holds.
func protect(s string, cond bool) string {
	if cond {
		return "{" + s + "}"
	}
	return s
}

// hasAnd reports whether s contains the word "and", which would split a name.
func hasAnd(s string) bool {
	for _, w := range strings.Fields(s) {
		if strings.EqualFold(w, "and") {
			return true
		}
	}
	return false
}
