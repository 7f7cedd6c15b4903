package site

import (
	"io/fs"
	"maps"
	"strings"
	"sync"

	"github.com/distill-dev/distill/internal/config"
	"github.com/distill-dev/distill/internal/frontmatter"
	"github.com/distill-dev/distill/internal/liquid"
)

// Posts written for Jekyll go through Liquid before markdown, as Jekyll
// does it. This file connects the liquid package to the site: the `site`
// and `page` variables, URLs of other posts for post_url and link, and
// the shared highlighter.

// liquidEngines holds one engine per (baseurl, url): the Jekyll URL
// filters depend on them, and a process builds few sites.
var liquidEngines sync.Map // string → *liquid.Engine

func liquidEngine(cfg *config.Config) *liquid.Engine {
	key := cfg.BaseURL + "\x00" + cfg.URL
	if en, ok := liquidEngines.Load(key); ok {
		return en.(*liquid.Engine)
	}
	// Liquid writes root-relative URLs without the baseurl: the output
	// emitter adds it to every root-relative link exactly once, so
	// {{ site.baseurl }}, relative_url and post_url must not (a baseurl
	// such as /blog would otherwise be ambiguous with the site's own
	// /blog/ paths). absolute_url still gets url + baseurl.
	en, _ := liquidEngines.LoadOrStore(key, liquid.New(liquid.Options{URL: strings.TrimRight(cfg.URL, "/") + cfg.BaseURL}))
	return en.(*liquid.Engine)
}

// liquidPass evaluates the Liquid of a page body. It returns the body for
// markdown and the file line of each of its lines (nil when the body had
// no Liquid and is returned as it was).
func (b *Builder) liquidPass(fsys fs.FS, p *Page, cfg *config.Config, body []byte, bodyLine int) ([]byte, []int) {
	// Liquid is Jekyll's: it runs on al-folio sites only, so that "{{" in
	// the TeX of a native distill post stays TeX.
	if cfg.Source != "_config.yml" || !liquid.Has(body) {
		return body, nil
	}
	self := *p
	self.Diags = nil
	b.fill(&self, cfg)
	res := liquidEngine(cfg).Render(body, liquid.Env{
		File:       p.Source,
		LineOffset: bodyLine - 1,
		FS:         fsys,
		Site:       siteVars(cfg),
		Page:       pageVars(&self),
		URLOf:      func(rel string) (string, bool) { return b.urlOf(fsys, rel, cfg) },
		Highlight:  b.hl.Code,
	})
	p.Diags.Add(res.Diags...)
	p.Deps = append(p.Deps, res.Deps...)
	return res.Body, res.Lines
}

// siteVars is Liquid's `site`: every key of the configuration file, with
// the values distill settled on for the ones it reads.
func siteVars(cfg *config.Config) map[string]any {
	m := maps.Clone(cfg.Extra)
	if m == nil {
		m = map[string]any{}
	}
	m["title"] = cfg.Title
	m["description"] = cfg.Description
	m["url"] = cfg.URL
	m["baseurl"] = "" // added by the output emitter; see liquidEngine
	m["lang"] = cfg.Language
	m["permalink"] = cfg.Permalink
	return m
}

// pageVars is Liquid's `page`: the front matter, and the values Jekyll
// adds.
func pageVars(p *Page) map[string]any {
	m := maps.Clone(p.Meta.Extra)
	if m == nil {
		m = map[string]any{}
	}
	m["title"] = p.Title
	m["url"] = p.URL
	m["path"] = p.Source
	m["date"] = p.Date
	m["layout"] = p.Meta.Layout
	slug, _, _ := slugFromFile(p.Source)
	m["slug"] = slug
	tags := make([]any, len(p.Tags))
	for i, t := range p.Tags {
		tags[i] = t
	}
	m["tags"] = tags
	cats := make([]any, len(p.Meta.Categories))
	for i, c := range p.Meta.Categories {
		cats[i] = c
	}
	m["categories"] = cats
	return m
}

// urlOf returns the URL of the post or page made from a site-relative
// source file, reading only its front matter.
func (b *Builder) urlOf(fsys fs.FS, rel string, cfg *config.Config) (string, bool) {
	if !fs.ValidPath(rel) || !isMarkdown(rel) {
		return "", false
	}
	src, err := fs.ReadFile(fsys, rel)
	if err != nil {
		return "", false
	}
	p := &Page{Source: rel, Kind: KindPage}
	if strings.HasPrefix(rel, JekyllPosts+"/") || strings.Contains(rel, "/"+JekyllPosts+"/") ||
		strings.HasPrefix(rel, PostsDir+"/") || strings.HasPrefix(rel, JekyllDrafts+"/") {
		p.Kind = KindPost
	}
	p.Meta.Published = true
	if yaml, _, _, ok, err := frontmatter.Split(src); err == nil && ok {
		p.Meta, _ = frontmatter.Parse(rel, 1, yaml)
	}
	b.fill(p, cfg)
	return p.URL, true
}
