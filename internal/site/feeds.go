package site

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"html/template"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/distill-dev/distill/internal/config"
)

// Number of posts in the blog's feeds and in each tag's. Every feed
// carries full text; a tag's holds only its newest few posts, since a
// thousand-post site with fifty tags would otherwise spend most of its
// output, and its build time, on copies of the same posts.
const (
	feedSize    = 20
	tagFeedSize = 5
)

// Feed files, in the site root for the whole blog and in each tag's
// folder for that tag.
const (
	AtomFile = "feed.xml"
	RSSFile  = "rss.xml"
	JSONFile = "feed.json"
)

// feed is one subject of the feeds: the whole blog or one tag. Each is
// written as Atom, RSS 2.0 and JSON Feed 1.1, with the full content of
// its newest posts and only absolute URLs.
type feed struct {
	Title, Description string
	Dir                string // site URL of the folder of the feed files: "/" or "/blog/tag/go/"
	Home               string // site URL of the page the feed follows
	Posts              []*Page
	Size               int // posts in the feed, at most
}

// feeds lists the site's feed and one per tag.
func feeds(cfg *config.Config, posts []*Page, tags []*Tag) []feed {
	desc := cfg.Description
	if desc == "" {
		desc = cfg.Title
	}
	out := []feed{{Title: cfg.Title, Description: desc, Dir: "/", Home: "/", Posts: posts, Size: feedSize}}
	for _, t := range tags {
		out = append(out, feed{
			Title:       cfg.Title + " · #" + t.Name,
			Description: countPosts(t.Count, "tagged", t.Name) + " on " + cfg.Title,
			Dir:         t.URL, Home: t.URL, Posts: t.Posts, Size: tagFeedSize,
		})
	}
	return out
}

// feedItem is what the three formats say about one post.
type feedItem struct {
	ID, Link, Title, Summary, Content, Image string
	Published, Updated                       time.Time
	Authors, Tags                            []string
}

// feedItems turns posts into items once for all feeds: a post in ten tag
// feeds has its content made absolute once.
type feedItems struct {
	cfg  *config.Config
	mu   sync.Mutex
	m    map[*Page]*feedItem
	full map[*Page]string
}

// get is safe for concurrent use; two feeds asking for one post at once
// may both compute it, with the same result. The item's Content is left
// empty: content fills it for the feeds that carry full text.
func (fi *feedItems) get(p *Page) *feedItem {
	fi.mu.Lock()
	it, ok := fi.m[p]
	fi.mu.Unlock()
	if ok {
		return it
	}
	cfg := fi.cfg
	self := AbsURL(cfg, p.URL)
	it = &feedItem{
		ID:        self,
		Link:      AbsURL(cfg, postHref(p)),
		Title:     p.Title,
		Summary:   p.Description,
		Published: p.Date,
		Updated:   lastMod(p),
		Tags:      p.Tags,
	}
	if img := relURL(p.Meta.Thumbnail); img != "" {
		it.Image = AbsURL(cfg, img)
	}
	for _, a := range p.Meta.Authors {
		it.Authors = append(it.Authors, a.Name)
	}
	if len(it.Authors) == 0 {
		it.Authors = []string{siteAuthor(cfg)}
	}
	fi.mu.Lock()
	fi.m[p] = it
	fi.mu.Unlock()
	return it
}

// content is the post's full HTML with every URL made absolute, computed
// once per post.
func (fi *feedItems) content(p *Page, it *feedItem) string {
	fi.mu.Lock()
	c, ok := fi.full[p]
	fi.mu.Unlock()
	if ok {
		return c
	}
	c = absolutize(string(p.Content)+string(p.Appendix), it.ID, AbsURL(fi.cfg, ""))
	if strings.TrimSpace(c) == "" && p.Meta.Redirect != "" {
		// A post that lives elsewhere: the entry says where.
		c = `<p><a href="` + template.HTMLEscapeString(it.Link) + `">` + template.HTMLEscapeString(p.Title) + `</a></p>`
	}
	fi.mu.Lock()
	fi.full[p] = c
	fi.mu.Unlock()
	return c
}

func siteAuthor(cfg *config.Config) string {
	if cfg.Author != "" {
		return cfg.Author
	}
	return cfg.Title
}

// items returns the feed's newest items and the time of the latest change.
func (f feed) items(fi *feedItems) ([]*feedItem, time.Time) {
	var out []*feedItem
	var updated time.Time
	for _, p := range f.Posts[:min(f.Size, len(f.Posts))] {
		c := *fi.get(p)
		c.Content = fi.content(p, &c)
		it := &c
		if it.Updated.After(updated) {
			updated = it.Updated
		}
		out = append(out, it)
	}
	if updated.IsZero() {
		updated = time.Unix(0, 0).UTC()
	}
	return out, updated
}

// --- Atom (RFC 4287) ---

type atomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
}

type atomText struct {
	Type string `xml:"type,attr,omitempty"`
	Body string `xml:",chardata"`
}

type atomEntry struct {
	Title     string    `xml:"title"`
	Link      atomLink  `xml:"link"`
	ID        string    `xml:"id"`
	Published string    `xml:"published"`
	Updated   string    `xml:"updated"`
	Authors   []string  `xml:"author>name"`
	Summary   *atomText `xml:"summary,omitempty"`
	Content   atomText  `xml:"content"`
	Category  []atomCat `xml:"category"`
}

type atomCat struct {
	Term string `xml:"term,attr"`
}

type atomFeedXML struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Title   string      `xml:"title"`
	Sub     string      `xml:"subtitle,omitempty"`
	Links   []atomLink  `xml:"link"`
	ID      string      `xml:"id"`
	Updated string      `xml:"updated"`
	Author  string      `xml:"author>name"`
	Gen     string      `xml:"generator"`
	Entries []atomEntry `xml:"entry"`
}

func atomFeed(cfg *config.Config, f feed, fi *feedItems) ([]byte, error) {
	items, updated := f.items(fi)
	x := atomFeedXML{
		Title: f.Title,
		Sub:   f.Description,
		Links: []atomLink{
			{Href: AbsURL(cfg, f.Dir+AtomFile), Rel: "self", Type: "application/atom+xml"},
			{Href: AbsURL(cfg, f.Home), Rel: "alternate", Type: "text/html"},
		},
		ID:      AbsURL(cfg, f.Home),
		Updated: updated.Format(time.RFC3339),
		Author:  siteAuthor(cfg),
		Gen:     "distill",
	}
	for _, it := range items {
		e := atomEntry{
			Title:     it.Title,
			Link:      atomLink{Href: it.Link, Rel: "alternate", Type: "text/html"},
			ID:        it.ID,
			Published: it.Published.Format(time.RFC3339),
			Updated:   it.Updated.Format(time.RFC3339),
			Authors:   it.Authors,
			Content:   atomText{Type: "html", Body: it.Content},
		}
		if it.Summary != "" {
			e.Summary = &atomText{Type: "text", Body: it.Summary}
		}
		for _, t := range it.Tags {
			e.Category = append(e.Category, atomCat{Term: t})
		}
		x.Entries = append(x.Entries, e)
	}
	return encodeXML(x)
}

// --- RSS 2.0 (with content:encoded for the full text) ---

type rssXML struct {
	XMLName xml.Name   `xml:"rss"`
	Version string     `xml:"version,attr"`
	Atom    string     `xml:"xmlns:atom,attr"`
	Content string     `xml:"xmlns:content,attr"`
	DC      string     `xml:"xmlns:dc,attr"`
	Channel rssChannel `xml:"channel"`
}

type rssChannel struct {
	Title       string    `xml:"title"`
	Link        string    `xml:"link"`
	Description string    `xml:"description"`
	Language    string    `xml:"language,omitempty"`
	BuildDate   string    `xml:"lastBuildDate"`
	Generator   string    `xml:"generator"`
	Self        atomLink  `xml:"atom:link"`
	Items       []rssItem `xml:"item"`
}

type rssItem struct {
	Title       string   `xml:"title"`
	Link        string   `xml:"link"`
	GUID        rssGUID  `xml:"guid"`
	PubDate     string   `xml:"pubDate"`
	Creators    []string `xml:"dc:creator"`
	Categories  []string `xml:"category"`
	Description string   `xml:"description"`
	Content     string   `xml:"content:encoded"`
}

type rssGUID struct {
	PermaLink bool   `xml:"isPermaLink,attr"`
	Value     string `xml:",chardata"`
}

func rssFeed(cfg *config.Config, f feed, fi *feedItems) ([]byte, error) {
	items, updated := f.items(fi)
	x := rssXML{
		Version: "2.0",
		Atom:    "http://www.w3.org/2005/Atom",
		Content: "http://purl.org/rss/1.0/modules/content/",
		DC:      "http://purl.org/dc/elements/1.1/",
		Channel: rssChannel{
			Title:       f.Title,
			Link:        AbsURL(cfg, f.Home),
			Description: f.Description,
			Language:    cfg.Language,
			BuildDate:   updated.Format(time.RFC1123Z),
			Generator:   "distill",
			Self:        atomLink{Href: AbsURL(cfg, f.Dir+RSSFile), Rel: "self", Type: "application/rss+xml"},
		},
	}
	for _, it := range items {
		desc := it.Summary
		if desc == "" {
			desc = excerpt(plainText(it.Content), excerptLen)
		}
		x.Channel.Items = append(x.Channel.Items, rssItem{
			Title:       it.Title,
			Link:        it.Link,
			GUID:        rssGUID{PermaLink: true, Value: it.ID},
			PubDate:     it.Published.Format(time.RFC1123Z),
			Creators:    it.Authors,
			Categories:  it.Tags,
			Description: desc,
			Content:     it.Content,
		})
	}
	return encodeXML(x)
}

func encodeXML(v any) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b) // compact: the emitter does not minify feeds
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	b.WriteByte('\n')
	return b.Bytes(), nil
}

// --- JSON Feed 1.1 (https://jsonfeed.org/version/1.1) ---

type jsonFeedAuthor struct {
	Name string `json:"name"`
}

type jsonFeedItem struct {
	ID          string           `json:"id"`
	URL         string           `json:"url"`
	ExternalURL string           `json:"external_url,omitempty"`
	Title       string           `json:"title"`
	ContentHTML string           `json:"content_html"`
	Summary     string           `json:"summary,omitempty"`
	Image       string           `json:"image,omitempty"`
	Published   string           `json:"date_published"`
	Modified    string           `json:"date_modified"`
	Authors     []jsonFeedAuthor `json:"authors"`
	Tags        []string         `json:"tags,omitempty"`
}

type jsonFeedDoc struct {
	Version     string           `json:"version"`
	Title       string           `json:"title"`
	HomePageURL string           `json:"home_page_url"`
	FeedURL     string           `json:"feed_url"`
	Description string           `json:"description,omitempty"`
	Language    string           `json:"language,omitempty"`
	Authors     []jsonFeedAuthor `json:"authors"`
	Items       []jsonFeedItem   `json:"items"`
}

func jsonFeed(cfg *config.Config, f feed, fi *feedItems) ([]byte, error) {
	items, _ := f.items(fi)
	doc := jsonFeedDoc{
		Version:     "https://jsonfeed.org/version/1.1",
		Title:       f.Title,
		HomePageURL: AbsURL(cfg, f.Home),
		FeedURL:     AbsURL(cfg, f.Dir+JSONFile),
		Description: f.Description,
		Language:    cfg.Language,
		Authors:     []jsonFeedAuthor{{Name: siteAuthor(cfg)}},
		Items:       []jsonFeedItem{},
	}
	for _, it := range items {
		ji := jsonFeedItem{
			ID: it.ID, URL: it.Link, Title: it.Title, ContentHTML: it.Content,
			Summary: it.Summary, Image: it.Image, Tags: it.Tags,
			Published: it.Published.Format(time.RFC3339),
			Modified:  it.Updated.Format(time.RFC3339),
		}
		if !strings.HasPrefix(it.Link, AbsURL(cfg, "/")) {
			ji.ExternalURL = it.Link
		}
		for _, a := range it.Authors {
			ji.Authors = append(ji.Authors, jsonFeedAuthor{Name: a})
		}
		doc.Items = append(doc.Items, ji)
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	err := enc.Encode(doc)
	return b.Bytes(), err
}

// linkAttr matches the URL attributes of HTML that feeds make absolute.
var linkAttr = regexp.MustCompile(`\b(href|src|poster|srcset)="([^"]*)"`)

// absolutize makes every link of a post's HTML absolute, since feed
// readers show it away from the site: "#fn1" and "img.png" against the
// post's URL self, "/x" against root (url + baseurl).
func absolutize(html, self, root string) string {
	base, err := url.Parse(self)
	if err != nil {
		return html
	}
	resolve := func(v string) string {
		switch {
		case v == "", strings.HasPrefix(v, "//"), hasScheme(v):
			return v
		case strings.HasPrefix(v, "#"):
			return self + v
		case strings.HasPrefix(v, "/"):
			return root + v
		}
		ref, err := url.Parse(v)
		if err != nil {
			return v
		}
		return base.ResolveReference(ref).String()
	}
	return linkAttr.ReplaceAllStringFunc(html, func(m string) string {
		sub := linkAttr.FindStringSubmatch(m)
		name, val := sub[1], sub[2]
		if name != "srcset" {
			return name + `="` + resolve(val) + `"`
		}
		parts := strings.Split(val, ",")
		for i, part := range parts {
			fields := strings.Fields(part)
			if len(fields) > 0 {
				fields[0] = resolve(fields[0])
				parts[i] = strings.Join(fields, " ")
			}
		}
		return name + `="` + strings.Join(parts, ", ") + `"`
	})
}

// hasScheme reports whether u starts with a URL scheme (https:, mailto:,
// data:, …).
func hasScheme(u string) bool {
	for i, r := range u {
		switch {
		case r == ':':
			return i > 0
		case 'a' <= r && r <= 'z', 'A' <= r && r <= 'Z', i > 0 && ('0' <= r && r <= '9' || r == '+' || r == '-' || r == '.'):
		default:
			return false
		}
	}
	return false
}
