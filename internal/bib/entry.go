package bib

import (
	"regexp"
	"strings"
)

// Entry is one BibTeX entry (@article, @inproceedings, …).
type Entry struct {
	Type, Key string
	// Fields maps lowercased field names to values decoded to Unicode.
	Fields map[string]string
	// Authors is the parsed author field; OthersAuthors is set by "and others".
	Authors       []Name
	OthersAuthors bool
	// Line is the 1-based line of the entry's @ in its file.
	Line int

	order         []string // field names in file order, for String
	editors       []Name   // parsed editor field
	othersEditors bool     // "and others" in the editor field
}

// Field returns the decoded value of the named field (any case), or "".
func (e *Entry) Field(name string) string {
	if e == nil {
		return ""
	}
	return e.Fields[strings.ToLower(name)]
}

// Library is a parsed .bib file.
type Library struct {
	Entries map[string]*Entry
	Keys    []string // entry keys in file order
}

// Lookup returns the entry for key, or nil.
func (l *Library) Lookup(key string) *Entry {
	if l == nil {
		return nil
	}
	return l.Entries[key]
}

var yearRe = regexp.MustCompile(`\d{4}`)

// Year returns the year field, or the year of the biblatex date field.
func (e *Entry) Year() string {
	if y := e.Field("year"); y != "" {
		return y
	}
	return yearRe.FindString(e.Field("date"))
}

var arxivID = regexp.MustCompile(`^(\d{4}\.\d{4,5}|[a-z.-]+/\d{7})(v\d+)?$`)

// URL returns the entry's link: the url field, else https://doi.org/DOI,
// else the arXiv page of an arXiv eprint, else "".
func (e *Entry) URL() string {
	if u := e.Field("url"); u != "" {
		return u
	}
	if d := DOI(e.Field("doi")); d != "" {
		return "https://doi.org/" + d
	}
	return e.arxivURL()
}

func (e *Entry) arxivURL() string {
	id := e.Field("eprint")
	kind := strings.ToLower(e.Field("archiveprefix") + e.Field("eprinttype"))
	if id != "" && (kind == "arxiv" || kind == "" && arxivID.MatchString(id)) {
		return "https://arxiv.org/abs/" + id
	}
	return ""
}

// DOI strips resolver prefixes ("https://doi.org/", "doi:") from a DOI.
func DOI(s string) string {
	s = strings.TrimSpace(s)
	low := strings.ToLower(s)
	for _, p := range []string{"https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:"} {
		if strings.HasPrefix(low, p) {
			return strings.TrimSpace(s[len(p):])
		}
	}
	return s
}

// Editors returns the parsed editor field and whether it ends in "and others".
func (e *Entry) Editors() ([]Name, bool) {
	return e.editors, e.othersEditors
}
