package bib

import (
	"html"
	"net/url"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ReferenceHTML formats the entry as an item of distill's reference list
// (template.v2's bibliography_cite): title, link, authors "Last, I.",
// year, venue and DOI. Every value is HTML-escaped. A nil entry gives "?",
// as distill prints for an unknown key.
func (e *Entry) ReferenceHTML() string {
	if e == nil {
		return "?"
	}
	var b strings.Builder
	b.WriteString(`<span class="title">` + textHTML(e.Field("title")) + `</span> `)
	b.WriteString(e.linkHTML())
	b.WriteString("<br>")
	authors := e.authorList(refName, ", ", " and ")
	year := e.Year()
	switch {
	case authors != "" && year != "":
		b.WriteString(html.EscapeString(authors + ", " + year + ". "))
	case authors != "" || year != "":
		b.WriteString(html.EscapeString(ensureStop(authors+year) + " "))
	}
	b.WriteString(html.EscapeString(e.venue()))
	return strings.TrimSpace(b.String()) + e.doiHTML()
}

// HoverHTML formats the entry for a citation's hover card (template.v2's
// hover_cite): the title in bold, linked when the entry has a URL, then
// authors "I. Last" and venue with year, on one line when short. A nil
// entry gives "?".
func (e *Entry) HoverHTML() string {
	if e == nil {
		return "?"
	}
	title := textHTML(e.Field("title"))
	if u := safeURL(e.URL()); u != "" {
		title = `<a href="` + html.EscapeString(u) + `">` + title + `</a>`
	}
	a := e.authorList(hoverName, ", ", ", ")
	if a != "" {
		a = ensureStop(a)
	}
	v := strings.TrimSpace(e.venue())
	if y := e.Year(); y != "" {
		v = joinNonEmpty(" ", v, y+".")
	}
	sep := "<br>"
	if utf8.RuneCountInString(a+v) < min(40, utf8.RuneCountInString(e.Field("title"))) {
		sep = " "
	}
	body := html.EscapeString(a)
	if a != "" && v != "" {
		body += sep
	}
	body += html.EscapeString(v)
	out := "<strong>" + title + "</strong>"
	if body != "" {
		out += "<br>" + body
	}
	return out
}

// ShortAuthors names the authors for inline use: "Dauphin", "Dauphin and
// Bengio", or "Dauphin et al."; editors stand in when there are no authors.
func (e *Entry) ShortAuthors() string {
	if e == nil {
		return ""
	}
	names, others := e.Authors, e.OthersAuthors
	if len(names) == 0 {
		names, others = e.editors, e.othersEditors
	}
	switch {
	case len(names) == 0:
		return ""
	case len(names) > 2 || others:
		return surname(names[0]) + " et al."
	case len(names) == 2:
		return surname(names[0]) + " and " + surname(names[1])
	}
	return surname(names[0])
}

func surname(n Name) string { return joinNonEmpty(" ", n.Von, n.Last) }

// refName formats a name as "von Last, I." (", Jr" appended).
func refName(n Name) string {
	s := surname(n)
	if i := initials(n.First); i != "" {
		s += ", " + i
	}
	if n.Jr != "" {
		s += ", " + n.Jr
	}
	return s
}

// hoverName formats a name as "I. von Last".
func hoverName(n Name) string {
	return joinNonEmpty(" ", initials(n.First), surname(n), n.Jr)
}

// initials abbreviates first names the way distill does ("Danilo Jimenez"
// → "D.J."), keeping hyphens ("Jean-Pierre" → "J.-P.") and names that
// are already abbreviated.
func initials(first string) string {
	var b strings.Builder
	for _, w := range strings.Fields(first) {
		if strings.Contains(w, ".") {
			b.WriteString(w)
			continue
		}
		for i, part := range strings.Split(w, "-") {
			r, _ := utf8.DecodeRuneInString(part)
			if r == utf8.RuneError || !unicode.IsLetter(r) {
				continue
			}
			if i > 0 {
				b.WriteByte('-')
			}
			b.WriteString(string(r) + ".")
		}
	}
	return b.String()
}

// authorList joins formatted authors (or editors, marked "(Eds.)").
func (e *Entry) authorList(format func(Name) string, sep, finalSep string) string {
	names, others, suffix := e.Authors, e.OthersAuthors, ""
	if len(names) == 0 && len(e.editors) > 0 {
		names, others, suffix = e.editors, e.othersEditors, " (Eds.)"
		if len(names) == 1 && !others {
			suffix = " (Ed.)"
		}
	}
	if len(names) == 0 {
		return ""
	}
	s := make([]string, len(names))
	for i, n := range names {
		s[i] = format(n)
	}
	if others {
		return strings.Join(s, ", ") + ", et al." + suffix
	}
	if len(s) == 1 {
		return s[0] + suffix
	}
	return strings.Join(s[:len(s)-1], sep) + finalSep + s[len(s)-1] + suffix
}

// ensureStop ends s with a period unless it already ends with one.
func ensureStop(s string) string {
	if s == "" || strings.HasSuffix(s, ".") {
		return s
	}
	return s + "."
}

// venue is distill's venue_string: "Journal, Vol 3(2), pp. 1–10. Publisher."
func (e *Entry) venue() string {
	cite := e.firstField("journal", "booktitle", "school", "institution")
	if cite == "" && e.arxivURL() != "" {
		cite = "arXiv preprint arXiv:" + e.Field("eprint")
	}
	if v := e.Field("volume"); v != "" {
		cite += ", Vol " + v
		if n := e.firstField("issue", "number"); n != "" {
			cite += "(" + n + ")"
		}
	}
	if pp := e.Field("pages"); pp != "" {
		cite += ", pp. " + pp
	}
	cite = strings.TrimPrefix(cite, ", ")
	if cite != "" {
		cite = ensureStop(cite) + " "
	}
	if pub := e.Field("publisher"); pub != "" {
		cite += ensureStop(pub)
	}
	return cite
}

func (e *Entry) firstField(names ...string) string {
	for _, n := range names {
		if v := e.Field(n); v != "" {
			return v
		}
	}
	return ""
}

var arxivAbs = regexp.MustCompile(`arxiv\.org/abs/([0-9.]+)`)

// linkHTML is distill's link_string: " &ensp;<a href=…>[PDF]</a>", with
// arXiv abstract pages turned into their PDF.
func (e *Entry) linkHTML() string {
	u := safeURL(e.firstField("url"))
	if u == "" {
		u = e.arxivURL()
	}
	if u == "" {
		return ""
	}
	if m := arxivAbs.FindStringSubmatch(u); m != nil {
		u = "https://arxiv.org/pdf/" + m[1] + ".pdf"
	}
	label := "link"
	switch {
	case strings.HasSuffix(u, ".pdf"):
		label = "PDF"
	case strings.HasSuffix(u, ".html"):
		label = "HTML"
	}
	return ` &ensp;<a href="` + html.EscapeString(u) + `">[` + label + `]</a>`
}

// doiHTML is distill's doi_string.
func (e *Entry) doiHTML() string {
	d := DOI(e.Field("doi"))
	if d == "" {
		return ""
	}
	u := (&url.URL{Scheme: "https", Host: "doi.org", Path: "/" + d}).String()
	return ` <a href="` + html.EscapeString(u) + `" style="text-decoration:inherit;">DOI: ` + html.EscapeString(d) + `</a>`
}

// safeURL returns u when it is a web, mail or relative link, else "" so
// that a .bib file cannot inject javascript: links.
func safeURL(u string) string {
	u = strings.TrimSpace(u)
	p, err := url.Parse(u)
	if err != nil || u == "" {
		return ""
	}
	switch strings.ToLower(p.Scheme) {
	case "", "http", "https", "ftp", "mailto":
		return u
	}
	return ""
}
