package site

import (
	"path"
	"strings"

	"github.com/distill-dev/distill/internal/frontmatter"
)

// redirectPages gives every page with `redirect:` the redirect layout (a
// meta refresh to the target, with the target as canonical URL) and
// returns one redirect page for each `redirect_from:` alias, pointing at
// the page (or at its own redirect target). An alias that lands on another
// page's file is reported by checkCollisions with the alias's source.
func redirectPages(pages []*Page) []*Page {
	var out []*Page
	for _, p := range pages {
		if p.Source == "" {
			continue
		}
		if strings.TrimSpace(p.Meta.Redirect) != "" {
			p.Layout = "redirect"
		}
		for _, from := range p.Meta.RedirectFrom {
			u := aliasURL(from)
			if u == "" || u == p.URL {
				continue
			}
			out = append(out, &Page{
				Kind: KindRedirect, Layout: "redirect", Source: p.Source,
				Title: p.Title, URL: u, OutPath: outPath(u),
				Meta: frontmatter.Meta{Redirect: postHref(p), Published: true},
			})
		}
	}
	return out
}

// aliasURL cleans a redirect_from entry into a site URL: "old/x.html" →
// "/old/x.html", "/old/" stays, ".." cannot leave the site. Full URLs
// (another host) cannot be served and give "".
func aliasURL(from string) string {
	from = strings.TrimSpace(from)
	if from == "" || strings.Contains(from, "://") || strings.HasPrefix(from, "//") {
		return ""
	}
	from, _, _ = strings.Cut(from, "#")
	u := path.Clean("/" + from)
	if strings.HasSuffix(from, "/") && u != "/" {
		u += "/"
	}
	if u == "/" {
		return ""
	}
	return u
}

// relURL makes a link written in front matter (thumbnail, redirect) a site
// URL: al-folio writes "assets/img/x.jpg" for "/assets/img/x.jpg". Full
// URLs, fragments and data: URLs are kept.
func relURL(u string) string {
	u = strings.TrimSpace(u)
	switch {
	case u == "", strings.Contains(u, "://"), strings.HasPrefix(u, "/"),
		strings.HasPrefix(u, "#"), strings.HasPrefix(u, "data:"), strings.HasPrefix(u, "mailto:"):
		return u
	}
	return "/" + u
}
