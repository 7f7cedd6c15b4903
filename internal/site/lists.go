package site

import (
	"fmt"
	"sort"
	"strconv"

	"github.com/distill-dev/distill/internal/config"
)

// Kinds of generated page besides those in page.go.
const (
	KindCategory   = "category"   // /blog/category/<c>/ and its pages
	KindCategories = "categories" // /blog/category/
	KindArchive    = "archive"    // /blog/2016/
	KindArchives   = "archives"   // /blog/archive/: the years
	KindSearch     = "search"     // /search/
	KindRedirect   = "redirect"   // a redirect_from alias
)

// Blog URLs that do not depend on a post.
const (
	blogURL       = "/blog/"
	tagsURL       = "/blog/tag/"
	categoriesURL = "/blog/category/"
	archivesURL   = "/blog/archive/"
	searchURL     = "/search/"
)

// featuredMax is the number of featured posts pinned above the first page
// of the blog: a site that features a tenth of a thousand posts still gets
// a short block.
const featuredMax = 6

// Tag is a taxonomy term (a tag, a category or a year) with the posts that
// carry it, newest first.
type Tag struct {
	Name  string
	Slug  string
	URL   string
	Count int
	Posts []*Page
}

// Pager links the pages of a paginated list.
type Pager struct {
	Number, Total    int
	PrevURL, NextURL string
}

// TagURL is the URL of a tag's page.
func TagURL(tag string) string { return tagsURL + Slugify(tag) + "/" }

// CategoryURL is the URL of a category's page.
func CategoryURL(c string) string { return categoriesURL + Slugify(c) + "/" }

// YearURL is the URL of a year's archive.
func YearURL(year int) string { return blogURL + strconv.Itoa(year) + "/" }

func collectTags(posts []*Page) []*Tag {
	return collectTerms(posts, func(p *Page) []string { return p.Tags }, TagURL)
}

func collectCategories(posts []*Page) []*Tag {
	return collectTerms(posts, func(p *Page) []string { return p.Meta.Categories }, CategoryURL)
}

// collectTerms groups posts by the terms of(p) lists, by slug, sorted by
// slug. Posts keep their order (newest first).
func collectTerms(posts []*Page, of func(*Page) []string, url func(string) string) []*Tag {
	bySlug := map[string]*Tag{}
	for _, p := range posts {
		for _, t := range of(p) {
			slug := Slugify(t)
			if slug == "" {
				continue
			}
			tag, ok := bySlug[slug]
			if !ok {
				tag = &Tag{Name: t, Slug: slug, URL: url(t)}
				bySlug[slug] = tag
			}
			if n := len(tag.Posts); n > 0 && tag.Posts[n-1] == p {
				continue // the same term twice on one post
			}
			tag.Posts = append(tag.Posts, p)
			tag.Count++
		}
	}
	tags := make([]*Tag, 0, len(bySlug))
	for _, t := range bySlug {
		tags = append(tags, t)
	}
	sort.Slice(tags, func(i, j int) bool { return tags[i].Slug < tags[j].Slug })
	return tags
}

// collectYears groups posts by year, newest year first; undated posts
// are in no year.
func collectYears(posts []*Page) []*Tag {
	var years []*Tag
	for _, p := range posts {
		if p.Date.IsZero() {
			continue
		}
		y := p.Date.Year()
		if n := len(years); n == 0 || years[n-1].Slug != strconv.Itoa(y) {
			years = append(years, &Tag{Name: strconv.Itoa(y), Slug: strconv.Itoa(y), URL: YearURL(y)})
		}
		t := years[len(years)-1]
		t.Posts = append(t.Posts, p)
		t.Count++
	}
	return years
}

// featured returns the newest featured posts, at most featuredMax.
func featured(posts []*Page) []*Page {
	var out []*Page
	for _, p := range posts {
		if p.Meta.Featured && len(out) < featuredMax {
			out = append(out, p)
		}
	}
	return out
}

// generatedPages returns the home page, the /blog/ pages, the tag,
// category and year archives with their indexes, the search page and the
// 404 page.
func generatedPages(cfg config.Config, s *siteData) []*Page {
	per := cfg.Paginate
	if per < 1 {
		per = 10
	}
	blog := paginate(s.Posts, per, blogURL)
	for _, p := range blog {
		p.Kind, p.Layout, p.Title = KindList, "list", "Blog"
		p.Description = cfg.Description
	}
	// The home page is the first page of the blog, whose later pages live
	// under /blog/page/N/.
	home := *blog[0]
	home.Kind, home.Layout, home.Title, home.URL, home.OutPath = KindHome, "home", cfg.Title, "/", "index.html"
	out := append([]*Page{&home}, blog...)

	out = append(out, termIndex(KindTags, "Tags", tagsURL, s.Tags))
	out = append(out, termPages(s.Tags, per, KindTag, "#", "tagged")...)
	if len(s.Categories) > 0 {
		out = append(out, termIndex(KindCategories, "Categories", categoriesURL, s.Categories))
		out = append(out, termPages(s.Categories, per, KindCategory, "", "in")...)
	}
	out = append(out, termIndex(KindArchives, "Archive", archivesURL, s.Years))
	for _, y := range s.Years {
		out = append(out, &Page{Kind: KindArchive, Layout: "archive", Title: y.Name, Description: countPosts(y.Count, "from", y.Name),
			URL: y.URL, OutPath: outPath(y.URL), Date: y.Posts[0].Date, list: y.Posts, Term: y})
	}
	out = append(out, &Page{Kind: KindSearch, Layout: "search", Title: "Search", Description: "Search the posts of " + cfg.Title + ".",
		URL: searchURL, OutPath: outPath(searchURL)})
	out = append(out, &Page{Kind: Kind404, Layout: "404", Title: "Page not found", URL: "/404.html", OutPath: "404.html"})
	return out
}

// termIndex is the page that lists every term of a taxonomy with counts.
func termIndex(kind, title, url string, terms []*Tag) *Page {
	return &Page{Kind: kind, Layout: "tags", Title: title, URL: url, OutPath: outPath(url), Terms: terms}
}

// termPages returns the paginated list of each term: "#go", "12 posts
// tagged go".
func termPages(terms []*Tag, per int, kind, mark, verb string) []*Page {
	var out []*Page
	for _, t := range terms {
		for _, p := range paginate(t.Posts, per, t.URL) {
			p.Kind, p.Layout, p.Term = kind, "list", t
			p.Title = mark + t.Name
			p.Description = countPosts(t.Count, verb, t.Name)
			out = append(out, p)
		}
	}
	return out
}

// countPosts says "1 post tagged go", "3 posts from 2016".
func countPosts(n int, verb, name string) string {
	if n == 1 {
		return fmt.Sprintf("1 post %s %s", verb, name)
	}
	return fmt.Sprintf("%d posts %s %s", n, verb, name)
}

// paginate splits posts into list pages: the first at first, page n at
// first + "page/n/". There is always at least one page.
func paginate(posts []*Page, per int, first string) []*Page {
	total := (len(posts) + per - 1) / per
	if total == 0 {
		total = 1
	}
	url := func(n int) string {
		if n == 1 {
			return first
		}
		return fmt.Sprintf("%spage/%d/", first, n)
	}
	pages := make([]*Page, total)
	for i := range pages {
		lo, hi := i*per, min((i+1)*per, len(posts))
		pg := &Pager{Number: i + 1, Total: total}
		if i > 0 {
			pg.PrevURL = url(i)
		}
		if i+1 < total {
			pg.NextURL = url(i + 2)
		}
		u := url(i + 1)
		pages[i] = &Page{URL: u, OutPath: outPath(u), list: posts[lo:hi], pager: pg}
	}
	return pages
}
