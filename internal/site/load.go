package site

import (
	"hash/maphash"
	"html/template"
	"io/fs"
	"path"
	"strings"

	"github.com/distill-dev/distill/internal/config"
	"github.com/distill-dev/distill/internal/diag"
	"github.com/distill-dev/distill/internal/frontmatter"
	"github.com/distill-dev/distill/internal/markdown"
)

// source is a markdown file found by discovery.
type source struct {
	rel   string
	kind  string // KindPost or KindPage
	draft bool   // under a _drafts/ folder
}

// Source folders of a site, relative to its root.
const (
	ContentDir = "content"
	PostsDir   = "content/posts"
	AssetsDir  = "assets"
)

// discover lists the markdown sources and static files of a site.
func discover(fsys fs.FS) (srcs []source, static []string, err error) {
	if IsJekyll(fsys) {
		return discoverJekyll(fsys)
	}
	err = fs.WalkDir(fsys, ContentDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == ContentDir {
				return fs.SkipDir
			}
			return err
		}
		name := d.Name()
		if strings.HasPrefix(name, ".") && p != ContentDir {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		ext := path.Ext(name)
		if ext != ".md" && ext != ".markdown" {
			static = append(static, p)
			return nil
		}
		s := source{rel: p, kind: KindPage, draft: strings.Contains(p, "/_drafts/")}
		if strings.HasPrefix(p, PostsDir+"/") || s.draft {
			s.kind = KindPost
		}
		srcs = append(srcs, s)
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	err = fs.WalkDir(fsys, AssetsDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == AssetsDir {
				return fs.SkipDir
			}
			return err
		}
		if strings.HasPrefix(d.Name(), ".") && p != AssetsDir {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if !d.IsDir() {
			static = append(static, p)
		}
		return nil
	})
	return srcs, static, err
}

var hashSeed = maphash.MakeSeed()

// loadPage reads one source and converts it: front matter, markdown, TOC.
// It is called from parallel workers and touches nothing shared but the
// converter, which is safe for concurrent use.
func (b *Builder) loadPage(fsys fs.FS, s source, cfg *config.Config) *Page {
	p := &Page{Kind: s.kind, Source: s.rel, Draft: s.draft}
	src, err := fs.ReadFile(fsys, s.rel)
	if err != nil {
		p.Diags.Errorf(s.rel, 0, "read", "%v", err)
		return p
	}
	p.hash = maphash.Bytes(hashSeed, src)
	if cached := b.cached(s.rel, p.hash); cached != nil && depsFresh(fsys, cached) {
		return cached
	}
	yaml, body, bodyLine, ok, err := frontmatter.Split(src)
	if err != nil {
		p.Diags.Errorf(s.rel, 1, "frontmatter", "%v", err)
		return p
	}
	if ok {
		meta, ds := frontmatter.Parse(s.rel, 1, yaml)
		p.Meta = meta
		p.Diags.Add(ds...)
	} else {
		p.Meta.Published = true
	}
	lib, bibFile := b.bibliography(fsys, p, src)
	body, lines := b.liquidPass(fsys, p, cfg, body, bodyLine) // liquid.go
	p.depsHash = depsHash(fsys, p.Deps)
	res := b.conv.Convert(body, markdown.Env{File: s.rel, LineOffset: bodyLine - 1, Lines: lines, Bib: lib, BibFile: bibFile,
		MermaidZoom: p.Meta.Mermaid.Zoomable, MathMacros: mathMacros(cfg, &p.Meta)})
	p.Diags.Add(res.Diags...)
	p.Content = template.HTML(res.HTML)
	p.Headings = res.Headings
	p.Stats = res.Stats
	p.Libs = res.Libs
	p.Diags.Add(figureFlagDiags(p)...) // figures.go
	p.ReadingTime = readingTime(body)
	b.fill(p, cfg)
	finishArticle(p, res, lib, cfg)
	b.store(p)
	return p
}

// fill derives the page's title, date, layout, URL and TOC from its front
// matter and file name.
func (b *Builder) fill(p *Page, cfg *config.Config) {
	m := &p.Meta
	slug, fileDate, hasFileDate := slugFromFile(p.Source)
	if m.Slug != "" {
		slug = Slugify(m.Slug)
	}
	p.Title = m.Title
	if p.Title == "" {
		p.Title = titleFromSlug(slug)
	}
	p.Description = m.Description
	p.Tags = m.Tags
	p.Draft = p.Draft || m.Draft
	switch {
	case m.HasDate:
		p.Date = m.Date
	case hasFileDate:
		p.Date = fileDate
	}
	p.Styles = template.CSS(m.Styles)
	p.Layout = layoutFor(p.Kind, m.Layout)
	switch {
	case m.Permalink != "":
		p.URL = expandPermalink(m.Permalink, p.Date, slug, m.Categories)
	case p.Kind == KindPost:
		p.URL = expandPermalink(cfg.Permalink, p.Date, slug, m.Categories)
	default:
		rel := pageRel(p.Source) // content/ or _pages/ (jekyll.go)
		if path.Base(rel) == "index" {
			rel = path.Dir(rel)
		}
		if rel == "." {
			p.URL = "/"
		} else {
			p.URL = "/" + rel + "/"
		}
	}
	p.OutPath = outPath(p.URL)
	switch {
	case len(m.TOC) > 0:
		items, ds := matchTOC(p.Source, m.TOC, p.Headings)
		p.TOC = items
		p.Diags.Add(ds...)
	case m.TOCAuto || (cfg.TOC && p.Layout == "distill"):
		p.TOC = autoTOC(p.Headings)
	}
}

// layoutFor maps a front-matter layout to a theme layout.
func layoutFor(kind, layout string) string {
	switch layout {
	case "distill":
		return "distill"
	case "post":
		return "post"
	case "page", "about":
		return "page"
	}
	if kind == KindPost {
		return "post"
	}
	return "page"
}

func titleFromSlug(slug string) string {
	words := strings.Fields(strings.ReplaceAll(slug, "-", " "))
	for i, w := range words {
		words[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	return strings.Join(words, " ")
}

// cached returns the page built from identical bytes by an earlier build of
// this Builder, if any.
func (b *Builder) cached(rel string, hash uint64) *Page {
	b.mu.Lock()
	defer b.mu.Unlock()
	if p, ok := b.cache[rel]; ok && p.hash == hash {
		c := *p
		c.Diags = append(diag.List(nil), p.Diags...)
		return &c
	}
	return nil
}

func (b *Builder) store(p *Page) {
	b.mu.Lock()
	defer b.mu.Unlock()
	c := *p
	b.cache[p.Source] = &c
}
