package site

import (
	"html/template"
	"strings"
	"time"

	"github.com/distill-dev/distill/internal/config"
)

// PageScriptDir holds the theme scripts that only one page loads (search):
// they are written as files of their own, not added to the bundle.
const PageScriptDir = "js/page/"

// Month is the posts of one month in an archive, newest first.
type Month struct {
	Name  string // "September 2016"
	Posts []*Page
}

// blogFuncs are the template functions of the blog pages and the social
// metadata.
func blogFuncs(cfg *config.Config) template.FuncMap {
	return template.FuncMap{
		"relURL":      relURL,
		"postHref":    postHref,
		"categoryURL": CategoryURL,
		"byMonth":     byMonth,
		"offsite":     offsite,
		// canonical is the absolute URL search engines should keep: a
		// redirect page's target, else the page itself.
		"canonical": func(p *Page) string {
			if r := strings.TrimSpace(p.Meta.Redirect); r != "" {
				return AbsURL(cfg, relURL(r))
			}
			return AbsURL(cfg, p.URL)
		},
		// refreshURL is the target of a redirect page's meta refresh:
		// the attribute holds no link the output's baseurl pass sees, so
		// the baseurl is added here.
		"refreshURL": func(p *Page) string {
			r := relURL(p.Meta.Redirect)
			if strings.HasPrefix(r, "/") && !strings.HasPrefix(r, "//") {
				return cfg.BaseURL + r
			}
			return r
		},
		// cardImage is the absolute URL of a page's social-card image:
		// its thumbnail, else the site's image, else "".
		"cardImage": func(p *Page) string {
			img := p.Meta.Thumbnail
			if strings.TrimSpace(img) == "" {
				img = cfg.Image
			}
			if img = relURL(img); img == "" {
				return ""
			}
			return AbsURL(cfg, img)
		},
	}
}

// byMonth groups posts (newest first) by month.
func byMonth(posts []*Page) []Month {
	var out []Month
	var last time.Time
	for _, p := range posts {
		if len(out) == 0 || p.Date.Year() != last.Year() || p.Date.Month() != last.Month() {
			out = append(out, Month{Name: p.Date.Format("January 2006")})
			last = p.Date
		}
		out[len(out)-1].Posts = append(out[len(out)-1].Posts, p)
	}
	return out
}

// offsite reports whether a link leaves the site (a `redirect:` to
// another host).
func offsite(u string) bool { return strings.Contains(u, "://") || strings.HasPrefix(u, "//") }
