// Package site builds a whole site: it discovers sources over an fs.FS,
// turns them into pages (in parallel), adds the generated pages (home,
// blog pages, tags, feeds, sitemap), renders every page through the theme
// and hands the bytes to output. Build reads top to bottom as the list of
// its phases.
package site

import (
	"context"
	"fmt"
	"io/fs"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/distill-dev/distill/internal/config"
	"github.com/distill-dev/distill/internal/diag"
	"github.com/distill-dev/distill/internal/highlight"
	"github.com/distill-dev/distill/internal/markdown"
	"github.com/distill-dev/distill/internal/output"
)

// Options are what a build is asked to do.
type Options struct {
	// FS is the site root.
	FS fs.FS
	// BaseURL overrides the config's baseurl when not nil.
	BaseURL *string
	// URL overrides the config's url (scheme and host) when not nil.
	URL    *string
	Drafts bool // include drafts and published: false posts
	Future bool // include posts dated after Now
	Minify bool
	// Now decides which posts are in the future; zero means time.Now().
	Now time.Time
	// Workers is the number of parallel renderers; 0 means all cores.
	Workers int
	// Strict makes a formula left to the browser's KaTeX an error (math.go).
	Strict bool
}

// Result describes a finished build.
type Result struct {
	Config config.Config
	Pages  []*Page // every rendered page, sorted by output path
	Posts  []*Page // published posts, newest first
	Diags  diag.List
	Files  int
	Bytes  int64
	Took   time.Duration
}

// Builder builds sites. It keeps what it converted, keyed by source path
// and content hash, so the next build of the same site (distill serve)
// re-renders only what changed. A Builder is not for concurrent builds.
type Builder struct {
	hl   *highlight.Highlighter
	conv *markdown.Converter

	mu      sync.Mutex
	cache   map[string]*Page
	cfgHash string
	bibs    bibCache // parsed bibliographies (bib.go)
	live    live     // the last good build, for Update (incremental.go)
}

// NewBuilder builds the shared, compiled parts once.
func NewBuilder() *Builder {
	hl := highlight.New()
	return &Builder{hl: hl, conv: markdown.New(hl), cache: map[string]*Page{}}
}

// Build renders the site in opt.FS and writes it to w. Problems are in the
// result's Diags; the error is for failures of the build itself (a
// broken theme, an unwritable output).
func (b *Builder) Build(ctx context.Context, opt Options, w output.Writer) (*Result, error) {
	start := time.Now()
	if opt.Now.IsZero() {
		opt.Now = time.Now()
	}
	res := &Result{}

	// Phase 1: configuration.
	cfg, ds := loadConfig(opt.FS) // distill.yaml, or _config.yml (jekyll.go)
	res.Diags.Add(ds...)
	if opt.BaseURL != nil {
		cfg.BaseURL = *opt.BaseURL
	}
	if opt.URL != nil {
		cfg.URL = *opt.URL
	}
	res.Diags.Add(cfg.Validate()...)
	res.Config = cfg
	b.resetCacheIfChanged(fmt.Sprintf("%#v", cfg))

	// Phase 2: discovery.
	srcs, static, err := b.sources(opt.FS) // discover, or Update's last lists
	if err != nil {
		return res, err
	}

	// Phase 3: sources to pages, in parallel.
	pages := make([]*Page, len(srcs))
	parallel(ctx, opt.Workers, len(srcs), func(i int) {
		pages[i] = b.page(opt.FS, srcs[i], &cfg) // loadPage, or Update's unchanged page
	})
	for _, p := range pages {
		res.Diags.Add(strictMath(p.Diags, opt.Strict)...)
	}

	// Phase 4: what is published, in which order.
	var posts, others []*Page
	for _, p := range pages {
		if !p.Meta.Published || p.Draft {
			if !opt.Drafts {
				continue
			}
		}
		if p.Kind == KindPost && p.Date.After(opt.Now) && !opt.Future {
			continue
		}
		if p.Kind == KindPost {
			posts = append(posts, p)
		} else {
			others = append(others, p)
		}
	}
	sortPosts(posts)
	res.Diags.Add(dedupePostURLs(posts)...)
	res.Posts = posts

	// Phase 5: generated pages.
	s := &siteData{Config: cfg, Posts: posts}
	s.Tags = collectTags(posts)
	s.Categories, s.Years, s.Featured = collectCategories(posts), collectYears(posts), featured(posts)
	linkRelated(posts)
	for _, p := range others {
		if p.URL != "/" && p.Meta.Extra["nav"] != false {
			s.Menu = append(s.Menu, p)
		}
	}
	sort.Slice(s.Menu, func(i, j int) bool { return s.Menu[i].URL < s.Menu[j].URL })
	listed := generatedPages(cfg, s)
	if IsJekyll(opt.FS) { // al-folio's about page is the home page (jekyll.go)
		var ds diag.List
		others, listed, ds = yieldToPages(others, listed)
		res.Diags.Add(ds...)
		s.Menu = jekyllMenu(others)
	}
	all := append(append([]*Page{}, posts...), others...)
	all = append(all, listed...)
	all = append(all, redirectPages(all)...)
	res.Diags.Add(checkCollisions(all)...)

	// Phase 6: theme and shared assets.
	th, err := b.theme(opt.FS, &cfg) // theme.Load, or Update's last theme
	if err != nil {
		return res, err
	}
	em := output.NewEmitter(w, cfg.BaseURL, opt.Minify)
	css, js, err := b.writeThemeAssets(th, em)
	if err != nil {
		return res, err
	}
	s.CSS, s.JS = css, js

	// Phase 7: render every page, in parallel.
	var mu sync.Mutex
	var files int
	var size int64
	parallel(ctx, opt.Workers, len(all), func(i int) {
		p := all[i]
		if b.unchanged(s, p) { // Update: the writer holds this page as it would render
			mu.Lock()
			files++
			mu.Unlock()
			return
		}
		data := &pageData{Site: s, Page: p, Posts: p.list, Pager: p.pager}
		out, err := th.RenderBytes(p.Layout, data)
		if err == nil {
			err = em.Emit(p.OutPath, out)
		}
		mu.Lock()
		defer mu.Unlock()
		if err != nil {
			res.Diags.Errorf(p.Source, 0, "render", "%s: %v", p.OutPath, err)
			return
		}
		files++
		size += int64(len(out))
	})

	// Phase 8: feeds, sitemap, static files.
	n, bytes, err := b.writeSiteFiles(opt.FS, em, &cfg, posts, all, static)
	if err != nil {
		return res, err
	}
	files += n
	size += bytes

	if err := ctx.Err(); err != nil {
		return res, err
	}
	slices.SortFunc(all, func(a, b *Page) int { return strings.Compare(a.OutPath, b.OutPath) })
	res.Pages = all
	res.Files, res.Bytes = files, size
	res.Diags.Sort()
	res.Took = time.Since(start)
	return res, nil
}

func (b *Builder) resetCacheIfChanged(cfgHash string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if cfgHash != b.cfgHash {
		clear(b.cache)
		b.cfgHash = cfgHash
	}
}

// sortPosts orders posts newest first; equal dates by source path, so the
// order never depends on the file system.
func sortPosts(posts []*Page) {
	slices.SortStableFunc(posts, func(a, b *Page) int {
		if c := b.Date.Compare(a.Date); c != 0 {
			return c
		}
		return strings.Compare(a.Source, b.Source)
	})
}

// checkCollisions reports two pages written to the same file.
func checkCollisions(pages []*Page) diag.List {
	var ds diag.List
	seen := map[string]*Page{}
	for _, p := range pages {
		if q, ok := seen[p.OutPath]; ok {
			ds.Errorf(p.Source, 0, "url", "%s is also written by %s (URL %s); set a different permalink", p.OutPath, orGenerated(q.Source), p.URL)
			continue
		}
		seen[p.OutPath] = p
	}
	return ds
}

// dedupePostURLs gives each post its own URL. Two posts whose permalinks
// coincide (the same slug in the same year under /blog/:year/:slug/) are
// what Jekyll reports as a conflict and then overwrites; here the first
// by file name keeps the URL, the others get -2, -3, … and a warning.
// Posts are replaced by copies, so cached pages stay as they were.
func dedupePostURLs(posts []*Page) diag.List {
	var ds diag.List
	byPath := map[string][]int{}
	for i, p := range posts {
		byPath[p.OutPath] = append(byPath[p.OutPath], i)
	}
	taken := map[string]bool{}
	for _, p := range posts {
		taken[p.OutPath] = true
	}
	for _, idx := range byPath {
		if len(idx) < 2 {
			continue
		}
		slices.SortFunc(idx, func(a, b int) int { return strings.Compare(posts[a].Source, posts[b].Source) })
		first := posts[idx[0]]
		for _, i := range idx[1:] {
			q := *posts[i]
			base := strings.TrimSuffix(q.URL, "/")
			for n := 2; ; n++ {
				u := fmt.Sprintf("%s-%d/", base, n)
				if !taken[outPath(u)] {
					q.URL, q.OutPath = u, outPath(u)
					break
				}
			}
			taken[q.OutPath] = true
			ds.Warnf(q.Source, 0, "url", "URL %s is also the URL of %s; this post is written to %s instead (set `permalink:` or `slug:` to choose)", first.URL, first.Source, q.URL)
			posts[i] = &q
		}
	}
	return ds
}

func orGenerated(s string) string {
	if s == "" {
		return "a generated page"
	}
	return s
}

// parallel runs fn(0..n-1) on workers goroutines.
func parallel(ctx context.Context, workers, n int, fn func(i int)) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	if workers > n {
		workers = n
	}
	var next int
	var mu sync.Mutex
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for ctx.Err() == nil {
				mu.Lock()
				i := next
				next++
				mu.Unlock()
				if i >= n {
					return
				}
				fn(i)
			}
		})
	}
	wg.Wait()
}
