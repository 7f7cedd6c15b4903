package site

import (
	"bytes"
	"encoding/json"
	"html"
	"strings"
)

// SearchIndexFile is the search index, at the site root; the search page's
// script (themes/distill/static/js/page/search.js) fetches it.
const SearchIndexFile = "search.json"

// excerptLen is the length, in bytes, of the text excerpt of each page in
// the search index and of RSS descriptions written from the text.
const excerptLen = 280

// searchDoc is one page of the search index. Keys are one letter: the
// index of a thousand posts is fetched whole.
type searchDoc struct {
	Title    string   `json:"t"`
	URL      string   `json:"u"` // site URL, without the baseurl
	Desc     string   `json:"d,omitempty"`
	Headings []string `json:"h,omitempty"`
	Tags     []string `json:"g,omitempty"`
	Excerpt  string   `json:"x,omitempty"`
	Date     string   `json:"y,omitempty"` // 2006-01-02
}

// searchIndex is the JSON index of the posts (newest first) and pages,
// in the order of pages; redirects and generated pages are left out.
func searchIndex(pages []*Page) ([]byte, error) {
	docs := []searchDoc{}
	for _, p := range pages {
		if p.Source == "" || p.Meta.Redirect != "" || (p.Kind != KindPost && p.Kind != KindPage) {
			continue
		}
		d := searchDoc{Title: p.Title, URL: p.URL, Desc: p.Description, Tags: p.Tags,
			Excerpt: p.searchExcerpt()}
		for _, h := range p.Headings {
			if h.Level <= 3 && h.Text != "" {
				d.Headings = append(d.Headings, h.Text)
			}
		}
		if p.Kind == KindPost {
			d.Date = p.Date.Format("2006-01-02")
		}
		docs = append(docs, d)
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	err := enc.Encode(struct {
		Version int         `json:"v"`
		Docs    []searchDoc `json:"docs"`
	}{1, docs})
	return b.Bytes(), err
}

// skippedText are the elements whose text is not prose: math (MathML
// spells formulas as one token a letter), code, scripts, drawings, the
// TOC, footnote numbers.
var skippedText = map[string]bool{
	"math": true, "pre": true, "script": true, "style": true, "svg": true,
	"nav": true, "template": true, "d-math": true, "noscript": true, "sup": true,
}

// notProse reports whether a tag's attributes mark text that is not read
// in place: hover cards (a footnote's text repeated) and hidden elements.
func notProse(tag string) bool {
	return strings.Contains(tag, `role="tooltip"`) || strings.Contains(tag, `aria-hidden="true"`) ||
		strings.Contains(tag, `class="math`)
}

// blockTags end a run of text: their boundaries become spaces.
var blockTags = map[string]bool{
	"p": true, "div": true, "li": true, "br": true, "td": true, "th": true, "tr": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"blockquote": true, "figure": true, "figcaption": true, "section": true,
	"ul": true, "ol": true, "table": true, "hr": true, "aside": true, "dt": true, "dd": true,
}

// plainText returns the prose of rendered HTML, one space between words.
func plainText(s string) string {
	var b strings.Builder
	skip, skipName := 0, ""
	for i := 0; i < len(s); {
		if s[i] != '<' {
			j := strings.IndexByte(s[i:], '<')
			if j < 0 {
				j = len(s) - i
			}
			if skip == 0 {
				b.WriteString(s[i : i+j])
			}
			i += j
			continue
		}
		if strings.HasPrefix(s[i:], "<!--") {
			end := strings.Index(s[i:], "-->")
			if end < 0 {
				break
			}
			i += end + 3
			continue
		}
		end := strings.IndexByte(s[i:], '>')
		if end < 0 {
			break
		}
		inside := s[i+1 : i+end]
		name, closing, selfClosing := tagName(inside)
		i += end + 1
		switch {
		case skip > 0:
			if name == skipName && !selfClosing {
				if closing {
					skip--
				} else {
					skip++
				}
			}
		case (skippedText[name] || notProse(inside)) && !closing && !selfClosing:
			skip, skipName = 1, name
		case blockTags[name]:
			b.WriteByte(' ')
		}
	}
	return strings.Join(strings.Fields(html.UnescapeString(b.String())), " ")
}

// tagName reads the element name of the inside of a tag ("/p", "br/",
// "a href=…"), lowercased.
func tagName(tag string) (name string, closing, selfClosing bool) {
	closing = strings.HasPrefix(tag, "/")
	selfClosing = strings.HasSuffix(tag, "/")
	tag = strings.TrimPrefix(tag, "/")
	n := strings.IndexAny(tag, " \t\n\r/")
	if n < 0 {
		n = len(tag)
	}
	return strings.ToLower(tag[:n]), closing, selfClosing
}

// excerpt cuts text at a word boundary before n bytes, marking the cut.
func excerpt(text string, n int) string {
	if len(text) <= n {
		return text
	}
	cut := strings.LastIndexByte(text[:n], ' ')
	if cut <= 0 {
		cut = n
		for cut > 0 && !utf8Start(text[cut]) {
			cut--
		}
	}
	return strings.TrimRight(text[:cut], " ,;:.") + "…"
}

func utf8Start(c byte) bool { return c&0xC0 != 0x80 }
