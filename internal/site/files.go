package site

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io/fs"
	"strings"
	"time"

	"github.com/distill-dev/distill/internal/config"
	"github.com/distill-dev/distill/internal/output"
)

// feedSize is the number of posts in feed.xml.
const feedSize = 20

// writeSiteFiles writes what is not a themed page: the Atom feed, the
// sitemap, robots.txt, .nojekyll, CNAME and the site's static files.
func (b *Builder) writeSiteFiles(fsys fs.FS, em *output.Emitter, cfg *config.Config, posts, pages []*Page, static []string) (int, int64, error) {
	var n int
	var size int64
	emit := func(rel string, data []byte, raw bool) error {
		n++
		size += int64(len(data))
		if raw {
			return em.Copy(rel, data)
		}
		return em.Emit(rel, data)
	}
	feed, err := atomFeed(cfg, posts)
	if err != nil {
		return n, size, err
	}
	if err := emit("feed.xml", feed, false); err != nil {
		return n, size, err
	}
	if err := emit("sitemap.xml", sitemap(cfg, pages), false); err != nil {
		return n, size, err
	}
	robots := fmt.Sprintf("User-agent: *\nAllow: /\n\nSitemap: %s\n", AbsURL(cfg, "/sitemap.xml"))
	if err := emit("robots.txt", []byte(robots), true); err != nil {
		return n, size, err
	}
	if err := emit(".nojekyll", nil, true); err != nil {
		return n, size, err
	}
	if cfg.CNAME != "" {
		if err := emit("CNAME", []byte(cfg.CNAME+"\n"), true); err != nil {
			return n, size, err
		}
	}
	for _, rel := range static {
		data, err := fs.ReadFile(fsys, rel)
		if err != nil {
			return n, size, err
		}
		out := strings.TrimPrefix(rel, ContentDir+"/")
		if err := emit(out, data, true); err != nil {
			return n, size, err
		}
	}
	return n, size, nil
}

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

func atomFeed(cfg *config.Config, posts []*Page) ([]byte, error) {
	f := atomFeedXML{
		Title: cfg.Title,
		Sub:   cfg.Description,
		Links: []atomLink{
			{Href: AbsURL(cfg, "/feed.xml"), Rel: "self", Type: "application/atom+xml"},
			{Href: AbsURL(cfg, "/"), Rel: "alternate", Type: "text/html"},
		},
		ID:     AbsURL(cfg, "/"),
		Author: cfg.Author,
		Gen:    "distill",
	}
	if f.Author == "" {
		f.Author = cfg.Title
	}
	var updated time.Time
	abs := strings.TrimRight(cfg.URL, "/") + cfg.BaseURL
	for i, p := range posts {
		if i == feedSize {
			break
		}
		if p.Date.After(updated) {
			updated = p.Date
		}
		e := atomEntry{
			Title:     p.Title,
			Link:      atomLink{Href: AbsURL(cfg, p.URL), Rel: "alternate", Type: "text/html"},
			ID:        AbsURL(cfg, p.URL),
			Published: p.Date.Format(time.RFC3339),
			Updated:   lastMod(p).Format(time.RFC3339),
			Content:   atomText{Type: "html", Body: string(output.PrefixURLs([]byte(p.Content), abs))},
		}
		for _, a := range p.Meta.Authors {
			e.Authors = append(e.Authors, a.Name)
		}
		if len(e.Authors) == 0 {
			e.Authors = []string{f.Author}
		}
		if p.Description != "" {
			e.Summary = &atomText{Type: "text", Body: p.Description}
		}
		for _, t := range p.Tags {
			e.Category = append(e.Category, atomCat{Term: t})
		}
		f.Entries = append(f.Entries, e)
	}
	if updated.IsZero() {
		updated = time.Unix(0, 0).UTC()
	}
	f.Updated = updated.Format(time.RFC3339)
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", " ")
	if err := enc.Encode(f); err != nil {
		return nil, err
	}
	b.WriteByte('\n')
	return b.Bytes(), nil
}

func lastMod(p *Page) time.Time {
	if p.Meta.LastModified.After(p.Date) {
		return p.Meta.LastModified
	}
	return p.Date
}

func sitemap(cfg *config.Config, pages []*Page) []byte {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	for _, p := range pages {
		if p.Kind == Kind404 || p.Meta.Redirect != "" {
			continue
		}
		b.WriteString("<url><loc>")
		_ = xml.EscapeText(&b, []byte(AbsURL(cfg, p.URL)))
		b.WriteString("</loc>")
		if t := lastMod(p); !t.IsZero() {
			b.WriteString("<lastmod>" + t.Format("2006-01-02") + "</lastmod>")
		}
		b.WriteString("</url>\n")
	}
	b.WriteString("</urlset>\n")
	return b.Bytes()
}
