package site

import (
	"cmp"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/distill-dev/distill/internal/config"
	"github.com/distill-dev/distill/internal/diag"
)

// An al-folio (Jekyll) site is read where it stands: a root with
// _config.yml and _posts/ has its posts in _posts/ (and drafts in
// _drafts/), its pages in _pages/, its static files in assets/, and its
// settings in _config.yml.
const (
	JekyllConfig = "_config.yml"
	JekyllPosts  = "_posts"
	JekyllDrafts = "_drafts"
	JekyllPages  = "_pages"
)

// IsJekyll reports whether the site root is a Jekyll site.
func IsJekyll(fsys fs.FS) bool {
	if _, err := fs.Stat(fsys, JekyllConfig); err != nil {
		if _, err := fs.Stat(fsys, "_config.yaml"); err != nil {
			return false
		}
	}
	st, err := fs.Stat(fsys, JekyllPosts)
	return err == nil && st.IsDir()
}

// loadConfig reads distill.yaml, or _config.yml on a Jekyll site.
func loadConfig(fsys fs.FS) (config.Config, diag.List) {
	if IsJekyll(fsys) {
		return config.LoadJekyll(fsys)
	}
	return config.Load(fsys)
}

// discoverJekyll lists the sources and static files of a Jekyll site.
// Posts may sit in subfolders of _posts/; pages are the markdown files of
// _pages/. Other files of the source folders are not copied, as Jekyll
// does not copy them.
func discoverJekyll(fsys fs.FS) (srcs []source, static []string, err error) {
	add := func(root, kind string, draft, recurse bool) error {
		return walkVisible(fsys, root, func(p string, d fs.DirEntry) error {
			if d.IsDir() {
				if !recurse && p != root {
					return fs.SkipDir
				}
				return nil
			}
			if isMarkdown(p) {
				srcs = append(srcs, source{rel: p, kind: kind, draft: draft})
			}
			return nil
		})
	}
	if err := add(JekyllPosts, KindPost, false, true); err != nil {
		return nil, nil, err
	}
	if err := add(JekyllDrafts, KindPost, true, true); err != nil {
		return nil, nil, err
	}
	if err := add(JekyllPages, KindPage, false, false); err != nil {
		return nil, nil, err
	}
	err = walkVisible(fsys, AssetsDir, func(p string, d fs.DirEntry) error {
		if !d.IsDir() {
			static = append(static, p)
		}
		return nil
	})
	return srcs, static, err
}

// walkVisible walks root, skipping dot files and folders; a missing root
// is empty.
func walkVisible(fsys fs.FS, root string, fn func(p string, d fs.DirEntry) error) error {
	return fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == root {
				return fs.SkipDir
			}
			return err
		}
		if p != root && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		return fn(p, d)
	})
}

func isMarkdown(p string) bool {
	ext := path.Ext(p)
	return ext == ".md" || ext == ".markdown"
}

// pageRel is a page's path below its source folder, without extension:
// content/about.md and _pages/about.md are both "about".
func pageRel(source string) string {
	rel := strings.TrimPrefix(source, ContentDir+"/")
	rel = strings.TrimPrefix(rel, JekyllPages+"/")
	return strings.TrimSuffix(rel, path.Ext(rel))
}

// yieldToPages settles URLs that a page of a Jekyll site and a generated
// page both claim. al-folio's about page lives at "/": it replaces the
// generated home page, whose list stays at /blog/. al-folio's blog.md
// (and other pages at a generated list's URL) paginate posts with Jekyll
// plugins; the generated list replaces them, with a warning.
func yieldToPages(others, listed []*Page) ([]*Page, []*Page, diag.List) {
	var ds diag.List
	gen := map[string]bool{}
	for _, p := range listed {
		gen[p.URL] = true
	}
	var keep []*Page
	homeTaken := false
	for _, p := range others {
		switch {
		case p.URL == "/":
			homeTaken = true
			keep = append(keep, p)
		case gen[p.URL]:
			ds.Warnf(p.Source, 1, "url", "%s is distill's generated %s page; this page is left out", p.URL, strings.Trim(p.URL, "/"))
		default:
			keep = append(keep, p)
		}
	}
	if !homeTaken {
		return keep, listed, ds
	}
	var list []*Page
	for _, p := range listed {
		if p.URL != "/" {
			list = append(list, p)
		}
	}
	return keep, list, ds
}

// jekyllMenu is al-folio's navigation: the pages with `nav: true`, in
// `nav_order`, then by title.
func jekyllMenu(pages []*Page) []*Page {
	var menu []*Page
	for _, p := range pages {
		if p.Meta.Extra["nav"] == true && p.URL != "/" {
			menu = append(menu, p)
		}
	}
	order := func(p *Page) float64 {
		switch v := p.Meta.Extra["nav_order"].(type) {
		case int:
			return float64(v)
		case int64:
			return float64(v)
		case uint64:
			return float64(v)
		case float64:
			return v
		}
		return 1e9
	}
	slices.SortStableFunc(menu, func(a, b *Page) int {
		if c := cmp.Compare(order(a), order(b)); c != 0 {
			return c
		}
		return strings.Compare(a.Title, b.Title)
	})
	return menu
}
