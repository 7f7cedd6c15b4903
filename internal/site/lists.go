package site

import (
	"fmt"
	"sort"

	"github.com/distill-dev/distill/internal/config"
)

// Tag is a tag with the posts that carry it, newest first.
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
func TagURL(tag string) string { return "/blog/tag/" + Slugify(tag) + "/" }

func collectTags(posts []*Page) []*Tag {
	bySlug := map[string]*Tag{}
	for _, p := range posts {
		for _, t := range p.Tags {
			slug := Slugify(t)
			if slug == "" {
				continue
			}
			tag, ok := bySlug[slug]
			if !ok {
				tag = &Tag{Name: t, Slug: slug, URL: TagURL(t)}
				bySlug[slug] = tag
			}
			if n := len(tag.Posts); n > 0 && tag.Posts[n-1] == p {
				continue // the same tag twice on one post
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

// generatedPages returns the home page, the /blog/ pages, the tag index
// and one paginated list per tag, plus the 404 page.
func generatedPages(cfg config.Config, posts []*Page, tags []*Tag) []*Page {
	var out []*Page
	per := cfg.Paginate
	if per < 1 {
		per = 10
	}
	blog := paginate(posts, per, "/blog/", func(n int) string { return fmt.Sprintf("/blog/page/%d/", n) })
	for _, p := range blog {
		p.Kind, p.Layout, p.Title = KindList, "list", "Blog"
		p.Description = cfg.Description
	}
	// The home page is the first page of the blog, whose later pages live
	// under /blog/page/N/.
	home := *blog[0]
	home.Kind, home.Layout, home.Title, home.URL, home.OutPath = KindHome, "home", cfg.Title, "/", "index.html"
	out = append(out, &home)
	out = append(out, blog...)
	tagIndex := &Page{Kind: KindTags, Layout: "tags", Title: "Tags", URL: "/blog/tag/", OutPath: outPath("/blog/tag/")}
	out = append(out, tagIndex)
	for _, t := range tags {
		base := t.URL
		for _, p := range paginate(t.Posts, per, base, func(n int) string { return fmt.Sprintf("%spage/%d/", base, n) }) {
			p.Kind, p.Layout = KindTag, "list"
			p.Title = "#" + t.Name
			p.Description = fmt.Sprintf("%d posts tagged %s", t.Count, t.Name)
			if t.Count == 1 {
				p.Description = fmt.Sprintf("1 post tagged %s", t.Name)
			}
			out = append(out, p)
		}
	}
	out = append(out, &Page{Kind: Kind404, Layout: "404", Title: "Page not found", URL: "/404.html", OutPath: "404.html"})
	return out
}

// paginate splits posts into list pages: the first at first, page n at
// nth(n). There is always at least one page.
func paginate(posts []*Page, per int, first string, nth func(int) string) []*Page {
	total := (len(posts) + per - 1) / per
	if total == 0 {
		total = 1
	}
	url := func(n int) string {
		if n == 1 {
			return first
		}
		return nth(n)
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
