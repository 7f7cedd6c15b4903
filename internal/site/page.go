package site

import (
	"html/template"
	"path"
	"regexp"
	"strings"
	"time"

	"github.com/distill-dev/distill/internal/diag"
	"github.com/distill-dev/distill/internal/frontmatter"
	"github.com/distill-dev/distill/internal/markdown"
)

// Kinds of page.
const (
	KindPost = "post"
	KindPage = "page"
	KindHome = "home"
	KindList = "list" // /blog/ and its pages
	KindTag  = "tag"
	KindTags = "tags"
	Kind404  = "404"
)

// Page is one output page and, for posts and pages, what its source said.
// Templates see these fields.
type Page struct {
	Kind   string
	Layout string // theme layout that renders it
	Source string // site-relative source path, "" for generated pages

	Title, Description string
	Date               time.Time
	Tags               []string
	Meta               frontmatter.Meta

	URL     string // site-relative URL without baseurl: "/blog/2016/slug/"
	OutPath string // output file: "blog/2016/slug/index.html"

	Content     template.HTML
	Appendix    template.HTML
	Article     *Article // footnotes, references, scholarly metadata (article.go)
	Styles      template.CSS
	TOC         []TOCItem
	ReadingTime int
	Headings    []markdown.Heading
	Libs        []string
	Stats       markdown.Stats
	Draft       bool

	// Blog pages (lists.go, related.go): the posts related to a post, the
	// terms an index page lists, the term a list page shows.
	Related []*Page
	Terms   []*Tag
	Term    *Tag

	Diags diag.List
	// Deps are the site-relative source files this page was made from,
	// besides Source (bibliographies, …): what incremental rebuilds follow.
	Deps     []string
	depsHash uint64 // of the Deps' bytes when loaded (bib.go)

	hash  uint64  // of the source bytes, for the build cache
	list  []*Page // the posts a list page shows
	pager *Pager
	memo  *pageMemo // values derived from this version (incremental.go)
}

// TOCItem is one entry of a page's table of contents.
type TOCItem struct {
	Text     string
	ID       string
	Children []TOCItem
}

var datePrefix = regexp.MustCompile(`^(\d{4})-(\d{2})-(\d{2})-`)

// slugFromFile returns the post slug and the date in a Jekyll-style file
// name: 2016-09-07-on-optimization.md → "on-optimization", 2016-09-07.
func slugFromFile(file string) (string, time.Time, bool) {
	base := strings.TrimSuffix(path.Base(file), path.Ext(file))
	m := datePrefix.FindStringSubmatch(base)
	if m == nil {
		return Slugify(base), time.Time{}, false
	}
	d, err := time.Parse("2006-01-02", m[1]+"-"+m[2]+"-"+m[3])
	if err != nil {
		return Slugify(base[len(m[0]):]), time.Time{}, false
	}
	return Slugify(base[len(m[0]):]), d, true
}

// Slugify lowercases s and keeps letters, digits, '-' and '_', turning runs
// of anything else into one '-'.
func Slugify(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(strings.TrimSpace(s)) {
		switch {
		case r == '-' || r == '_' || r == '.' || ('a' <= r && r <= 'z') || ('0' <= r && r <= '9') || r > 127 && isLetterOrDigit(r):
			if r == '.' {
				r = '-'
			}
			if r == '-' {
				if dash || b.Len() == 0 {
					continue
				}
				dash = true
			} else {
				dash = false
			}
			b.WriteRune(r)
		default:
			if !dash && b.Len() > 0 {
				b.WriteByte('-')
				dash = true
			}
		}
	}
	return strings.TrimRight(b.String(), "-")
}

// expandPermalink fills a permalink pattern (/blog/:year/:slug/).
func expandPermalink(pattern string, date time.Time, slug string, categories []string) string {
	cat := ""
	if len(categories) > 0 {
		parts := make([]string, len(categories))
		for i, c := range categories {
			parts[i] = Slugify(c)
		}
		cat = strings.Join(parts, "/")
	}
	r := strings.NewReplacer(
		":year", date.Format("2006"),
		":month", date.Format("01"),
		":i_month", date.Format("1"),
		":day", date.Format("02"),
		":i_day", date.Format("2"),
		":slug", slug,
		":title", slug,
		":categories", cat,
	)
	u := r.Replace(pattern)
	u = "/" + strings.TrimLeft(path.Clean("/"+u), "/")
	if strings.HasSuffix(pattern, "/") && u != "/" {
		u += "/"
	}
	return u
}

// outPath maps a URL to the file that serves it.
func outPath(url string) string {
	p := strings.TrimPrefix(url, "/")
	if p == "" || strings.HasSuffix(p, "/") {
		return p + "index.html"
	}
	if path.Ext(p) == "" {
		return p + "/index.html"
	}
	return p
}

// readingTime estimates minutes of reading at 220 words a minute.
func readingTime(body []byte) int {
	words, in := 0, false
	for _, c := range body {
		space := c == ' ' || c == '\n' || c == '\t' || c == '\r'
		if !space && !in {
			words++
		}
		in = !space
	}
	m := (words + 219) / 220
	if m < 1 {
		m = 1
	}
	return m
}
