package site

import (
	"encoding/json"
	"html/template"
	"strconv"
	"strings"
	"unicode"

	"github.com/distill-dev/distill/internal/bib"
	"github.com/distill-dev/distill/internal/config"
	"github.com/distill-dev/distill/internal/markdown"
)

// Article is what the theme needs to finish an article besides its body:
// the appendix (footnotes, references, how to cite the post, where to
// report mistakes) and the scholarly metadata of the head (Google
// Scholar's citation_* tags, JSON-LD). Everything is computed at load
// time, once per source version.
type Article struct {
	Notes      []ArticleNote
	References []Reference
	// CiteText ("Chen, "On Optimization", distill, 2016.") and BibTeX say
	// how to cite the post itself; empty for pages that are not posts.
	CiteText, BibTeX string
	// UpdatesURL lists the changes since publication; IssuesURL is where
	// readers report mistakes.
	UpdatesURL, IssuesURL string
	Scholar               []MetaTag
	JSONLD                template.JS
}

// ArticleNote is a footnote in the appendix; Refs are the ids of its
// references in the text, for the back links.
type ArticleNote struct {
	Number int
	ID     string
	HTML   template.HTML
	Refs   []string
}

// Reference is one work cited, numbered as in the text.
type Reference struct {
	Number int
	ID     string // "bib-1", what the citation links to
	Key    string
	HTML   template.HTML // bib.Entry.ReferenceHTML: escaped by package bib
}

// MetaTag is one <meta name content> of the head.
type MetaTag struct{ Name, Content string }

// HasAppendix reports whether the article has anything to show in its
// appendix.
func (a *Article) HasAppendix() bool {
	return a != nil && (len(a.Notes) > 0 || len(a.References) > 0 || a.BibTeX != "" || a.UpdatesURL != "" || a.IssuesURL != "")
}

// finishArticle fills p.Article from the converted body and the
// bibliography. It runs after fill, which sets the URL and date.
func finishArticle(p *Page, res *markdown.Result, lib *bib.Library, cfg *config.Config) {
	a := &Article{}
	for _, n := range res.Notes {
		// The HTML comes from the markdown renderer, which escapes text.
		a.Notes = append(a.Notes, ArticleNote{Number: n.Number, ID: n.ID, HTML: template.HTML(n.HTML), Refs: n.Refs})
	}
	for i, k := range res.Cited {
		a.References = append(a.References, Reference{
			Number: i + 1, ID: "bib-" + strconv.Itoa(i+1), Key: k,
			HTML: template.HTML(lib.Lookup(k).ReferenceHTML()),
		})
	}
	a.UpdatesURL = firstString(p.Meta.Extra, cfg.Extra, "updates_url", "githubCompareUpdatesUrl")
	a.IssuesURL = firstString(p.Meta.Extra, cfg.Extra, "issues_url")
	if a.IssuesURL == "" {
		if gh := firstString(p.Meta.Extra, cfg.Extra, "githubUrl", "github_url"); gh != "" {
			a.IssuesURL = strings.TrimRight(gh, "/") + "/issues/new"
		}
	}
	if p.Kind == KindPost {
		a.citeSelf(p, cfg)
		a.Scholar = scholarTags(p, cfg, a, lib, res.Cited)
		a.JSONLD = jsonLD(p, cfg, lib, res.Cited)
	}
	p.Article = a
}

// firstString returns the first non-empty string value of keys, looked up
// in the front matter, then in the site configuration.
func firstString(page, site map[string]any, keys ...string) string {
	for _, m := range []map[string]any{page, site} {
		for _, k := range keys {
			if s, ok := m[k].(string); ok && strings.TrimSpace(s) != "" {
				return strings.TrimSpace(s)
			}
		}
	}
	return ""
}

// authorNames returns the post's authors, the site author standing in
// when it names none.
func authorNames(p *Page, cfg *config.Config) []string {
	var out []string
	for _, a := range p.Meta.Authors {
		if strings.TrimSpace(a.Name) != "" {
			out = append(out, a.Name)
		}
	}
	if len(out) == 0 && cfg.Author != "" {
		out = append(out, cfg.Author)
	}
	return out
}

// splitName splits a full name ("Hao Chen", "Chen, Hao") as BibTeX would.
func splitName(full string) bib.Name {
	names, _ := bib.SplitNames(bib.EncodeTeX(full))
	if len(names) == 0 {
		return bib.Name{Last: full}
	}
	n := names[0]
	n.First, n.Last = bib.DecodeTeX(n.First), bib.DecodeTeX(n.Last)
	n.Von, n.Jr = bib.DecodeTeX(n.Von), bib.DecodeTeX(n.Jr)
	return n
}

func lastName(n bib.Name) string {
	return strings.TrimSpace(strings.Join(strings.Fields(n.Von+" "+n.Last), " "))
}

// scholarName is "Last, First", the form Google Scholar asks for.
func scholarName(n bib.Name) string {
	if n.First == "" {
		return lastName(n)
	}
	return lastName(n) + ", " + n.First
}

// citeSelf writes distill's "Citation" block for the post: the text form
// "Chen & Olah, "Title", Site, 2016." and a BibTeX entry whose key is
// distill's: first author's last name, year, first word of the title.
func (a *Article) citeSelf(p *Page, cfg *config.Config) {
	authors := authorNames(p, cfg)
	var last []string
	for _, n := range authors {
		last = append(last, lastName(splitName(n)))
	}
	var who string
	switch {
	case len(last) > 2:
		who = last[0] + ", et al."
	case len(last) == 2:
		who = last[0] + " & " + last[1]
	case len(last) == 1:
		who = last[0]
	}
	year := ""
	if !p.Date.IsZero() {
		year = p.Date.Format("2006")
	}
	parts := []string{}
	if who != "" {
		parts = append(parts, who)
	}
	parts = append(parts, "\u201c"+p.Title+"\u201d")
	if cfg.Title != "" {
		parts = append(parts, cfg.Title)
	}
	if year != "" {
		parts = append(parts, year)
	}
	a.CiteText = strings.Join(parts, ", ") + "."
	key := keyWord(strings.Join(last[:min(1, len(last))], "")) + year + keyWord(firstWord(p.Title))
	a.BibTeX = bib.CitationBibTeX(key, p.Title, authors, year, AbsURL(cfg, p.URL))
}

func firstWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return f[0]
}

// keyWord lowercases s and keeps its letters and digits.
func keyWord(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return unicode.ToLower(r)
		}
		return -1
	}, s)
}

// scholarTags are Google Scholar's citation_* meta tags (distill writes
// the same), one citation_reference per work cited.
func scholarTags(p *Page, cfg *config.Config, a *Article, lib *bib.Library, cited []string) []MetaTag {
	tags := []MetaTag{{"citation_title", p.Title}}
	for _, n := range authorNames(p, cfg) {
		tags = append(tags, MetaTag{"citation_author", scholarName(splitName(n))})
	}
	if !p.Date.IsZero() {
		tags = append(tags, MetaTag{"citation_publication_date", p.Date.Format("2006/01/02")})
	}
	if cfg.Title != "" {
		tags = append(tags, MetaTag{"citation_journal_title", cfg.Title})
	}
	tags = append(tags, MetaTag{"citation_fulltext_html_url", AbsURL(cfg, p.URL)})
	if d := bib.DOI(p.Meta.DOI); d != "" {
		tags = append(tags, MetaTag{"citation_doi", d})
	}
	for _, k := range cited {
		if e := lib.Lookup(k); e != nil {
			tags = append(tags, MetaTag{"citation_reference", scholarReference(e)})
		}
	}
	return tags
}

// scholarReference is the content of a citation_reference tag:
// "citation_title=…;citation_author=…;citation_publication_date=…".
func scholarReference(e *bib.Entry) string {
	clean := func(s string) string { return strings.ReplaceAll(s, ";", ",") }
	parts := []string{"citation_title=" + clean(e.Field("title"))}
	for _, n := range e.Authors {
		parts = append(parts, "citation_author="+clean(scholarName(n)))
	}
	if y := e.Year(); y != "" {
		parts = append(parts, "citation_publication_date="+y)
	}
	if j := e.Field("journal"); j != "" {
		parts = append(parts, "citation_journal_title="+clean(j))
	} else if b := e.Field("booktitle"); b != "" {
		parts = append(parts, "citation_conference_title="+clean(b))
	}
	return strings.Join(parts, ";")
}

// jsonLD is the post as a schema.org ScholarlyArticle. json.Marshal
// escapes <, > and &, so the result is safe inside <script>.
func jsonLD(p *Page, cfg *config.Config, lib *bib.Library, cited []string) template.JS {
	type thing = map[string]any
	url := AbsURL(cfg, p.URL)
	doc := thing{
		"@context":         "https://schema.org",
		"@type":            "ScholarlyArticle",
		"headline":         p.Title,
		"url":              url,
		"mainEntityOfPage": url,
	}
	if p.Description != "" {
		doc["description"] = p.Description
	}
	if !p.Date.IsZero() {
		doc["datePublished"] = p.Date.Format("2006-01-02")
	}
	if !p.Meta.LastModified.IsZero() {
		doc["dateModified"] = p.Meta.LastModified.Format("2006-01-02")
	}
	var authors []thing
	for _, a := range p.Meta.Authors {
		au := thing{"@type": "Person", "name": a.Name}
		if a.URL != "" {
			au["url"] = a.URL
		}
		var affs []thing
		for _, af := range a.Affiliations {
			affs = append(affs, thing{"@type": "Organization", "name": af.Name})
		}
		if len(affs) > 0 {
			au["affiliation"] = affs
		}
		authors = append(authors, au)
	}
	if len(authors) == 0 && cfg.Author != "" {
		authors = append(authors, thing{"@type": "Person", "name": cfg.Author})
	}
	if len(authors) > 0 {
		doc["author"] = authors
	}
	if cfg.Title != "" {
		doc["publisher"] = thing{"@type": "Organization", "name": cfg.Title}
	}
	if len(p.Tags) > 0 {
		doc["keywords"] = strings.Join(p.Tags, ", ")
	}
	if d := bib.DOI(p.Meta.DOI); d != "" {
		doc["identifier"] = "https://doi.org/" + d
	}
	var works []thing
	for _, k := range cited {
		e := lib.Lookup(k)
		if e == nil {
			continue
		}
		w := thing{"@type": "CreativeWork", "name": e.Field("title")}
		if u := e.URL(); u != "" {
			w["url"] = u
		}
		if y := e.Year(); y != "" {
			w["datePublished"] = y
		}
		var names []thing
		for _, n := range e.Authors {
			names = append(names, thing{"@type": "Person", "name": n.String()})
		}
		if len(names) > 0 {
			w["author"] = names
		}
		works = append(works, w)
	}
	if len(works) > 0 {
		doc["citation"] = works
	}
	b, err := json.Marshal(doc)
	if err != nil {
		return ""
	}
	return template.JS(b)
}
