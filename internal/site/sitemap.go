package site

import (
	"bytes"
	"encoding/xml"
	"time"

	"github.com/distill-dev/distill/internal/config"
)

// sitemap lists every page a search engine should index, with the date of
// its last change when it has one; redirects and the 404 page are left out.
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

// lastMod is when a page last changed: last_modified when later than its
// date.
func lastMod(p *Page) time.Time {
	if p.Meta.LastModified.After(p.Date) {
		return p.Meta.LastModified
	}
	return p.Date
}
