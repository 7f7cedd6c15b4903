package site

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"

	"github.com/distill-dev/distill/internal/config"
	"github.com/distill-dev/distill/internal/output"
	"github.com/distill-dev/distill/internal/theme"
)

// Incremental rebuilds, for distill serve. Update runs the ordinary Build
// with a few hooks switched on (sources, page, theme, unchanged,
// readStatic, deferred): they reuse what the last successful build found,
// loaded and wrote, so an edit of one post reads one file, converts one
// post and renders that post and the pages that show it, and skips
// everything else; the feeds and the search index it changes are made
// after the pages are out (Finish). What a page shows is decided by its
// render fingerprint (fingerprint.go), so nothing here knows which page
// lists which post. Without Update (distill build) the hooks do nothing.

// live is a Builder's memory of its last successful build. Its fields are
// touched by Build's parallel workers only through the hooks, under mu.
type live struct {
	mu      sync.Mutex
	active  bool            // an Update is running: the hooks record
	prev    *snapshot       // what the last good build did; nil: redo everything
	next    *snapshot       // what this build does
	pending map[string]bool // paths changed since the last good build
	forced  map[string]bool // sources to reload: they use a changed file
	gen     uint64          // last page generation handed out
	fp      *fingerprinter  // of this build
	fsys    fs.FS
	later   []later         // of the last good build: files left stale until Finish
	em      *output.Emitter // writes them into its writer
	making  []later         // of the build running
	made    map[string]made // generated files of the last good build
}

// later is a generated file to make again once the pages are out.
type later struct {
	rel  string
	key  uint64
	make func() ([]byte, error)
}

// snapshot is what one build found, loaded and rendered.
type snapshot struct {
	opt    optionsKey
	srcs   []source
	static []string
	known  map[string]bool     // every source and static file
	pages  map[string]*Page    // loaded pages by source
	gens   map[string]uint64   // by source: changes when its page changes
	users  map[string][]string // a dependency (Page.Deps) → sources using it
	outs   map[string]uint64   // rendered page → fingerprint of its inputs
	data   map[string][]byte   // static file → bytes
	made   map[string]made     // generated file → its key and bytes
	refs   map[string][]string // layout → .Site fields its templates read
	sums   map[string]summary  // by source, kept across builds
	themed bool                // refs were computed for this theme
	theme  *theme.Theme        // the theme this build loaded
	conts  map[string]summary  // f.content of loaded pages, by source
}

// optionsKey is what of Options decides the whole output.
type optionsKey struct {
	baseURL, url           string
	hasBase, hasURL        bool
	drafts, future, minify bool
}

func keyOf(opt Options) optionsKey {
	k := optionsKey{drafts: opt.Drafts, future: opt.Future, minify: opt.Minify}
	if opt.BaseURL != nil {
		k.baseURL, k.hasBase = *opt.BaseURL, true
	}
	if opt.URL != nil {
		k.url, k.hasURL = *opt.URL, true
	}
	return k
}

func newSnapshot(opt Options) *snapshot {
	return &snapshot{
		opt: keyOf(opt), known: map[string]bool{}, pages: map[string]*Page{},
		gens: map[string]uint64{}, users: map[string][]string{}, outs: map[string]uint64{},
		data: map[string][]byte{}, sums: map[string]summary{}, made: map[string]made{},
		conts: map[string]summary{},
	}
}

// made is a generated file of the last build and what it was made from.
type made struct {
	key  uint64
	data []byte
}

// configFiles are the site files whose change rebuilds everything.
var configFiles = []string{"distill.yaml", "distill.yml", "_config.yml", "_config.yaml"}

// Update builds the site again after the files in changed (site-relative,
// slash-separated; edited, created or removed) changed since the last
// call. w must hold the output of the last build that had no errors:
// Update writes only the files that may differ, and the new output is
// every file written plus the OutPath of every page of the result, which
// was left as it was. Other files of w are no longer part of the site.
//
// The first Update, and any after a change to the config, the theme
// overrides or opt, or with "." among changed, renders everything. A
// build with errors is not remembered: the next Update starts again from
// the last good one, with the changes of both.
func (b *Builder) Update(ctx context.Context, opt Options, changed []string, w output.Writer) (*Result, error) {
	l := &b.live
	l.begin(opt, changed)
	res, err := b.Build(ctx, opt, w)
	ok := err == nil && ctx.Err() == nil && !res.Diags.HasErrors()
	var em *output.Emitter
	if ok && len(l.making) > 0 {
		em = output.NewEmitter(w, res.Config.BaseURL, opt.Minify)
	}
	l.end(ok, em)
	return res, err
}

// Stale lists the generated files the last good Update left as they were
// until Finish makes them.
func (b *Builder) Stale() []string {
	l := &b.live
	l.mu.Lock()
	defer l.mu.Unlock()
	out := make([]string, len(l.later))
	for i, j := range l.later {
		out[i] = j.rel
	}
	return out
}

// Finish makes the generated files that the last good Update left as
// they were because they take long to make and no page shows them (the
// feeds of the posts that changed, the search index), and writes them to
// that Update's writer. Until then those files are the previous build's
// (Stale). It returns the files written.
func (b *Builder) Finish() ([]string, error) {
	l := &b.live
	l.mu.Lock()
	jobs, em, snap := l.later, l.em, l.made
	l.later, l.em = nil, nil
	l.mu.Unlock()
	var written []string
	var errs []error
	for _, j := range jobs {
		data, err := j.make()
		if err == nil {
			err = em.Emit(j.rel, data)
		}
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", j.rel, err))
			continue
		}
		l.mu.Lock()
		snap[j.rel] = made{key: j.key, data: data}
		l.mu.Unlock()
		written = append(written, j.rel)
	}
	return written, errors.Join(errs...)
}

// begin prepares the hooks for one build.
func (l *live) begin(opt Options, changed []string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.pending == nil {
		l.pending = map[string]bool{}
	}
	for _, c := range changed {
		l.pending[path.Clean(strings.TrimPrefix(c, "./"))] = true
	}
	if l.prev != nil && (l.prev.opt != keyOf(opt) || l.global()) {
		l.prev = nil
	}
	l.forced = map[string]bool{}
	if l.prev != nil {
		for c := range l.pending {
			for _, src := range l.prev.users[c] {
				l.forced[src] = true
			}
		}
	}
	l.next = newSnapshot(opt)
	if l.prev != nil {
		l.next.sums, l.next.conts = l.prev.sums, l.prev.conts
		l.next.refs, l.next.themed = l.prev.refs, l.prev.themed
	}
	l.fsys = opt.FS
	l.fp = newFingerprinter(l)
	l.making = nil
	l.active = true
}

// global reports whether a pending change affects every page: the config,
// the theme, or "." (anything: the watcher lost events).
func (l *live) global() bool {
	for c := range l.pending {
		if c == "." || slices.Contains(configFiles, c) || c == "themes" || strings.HasPrefix(c, "themes/") {
			return true
		}
	}
	return false
}

// end turns the hooks off and, when the build succeeded, remembers it
// and what is left to make with em.
func (l *live) end(ok bool, em *output.Emitter) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.active = false
	if !ok {
		l.next, l.fp, l.making = nil, nil, nil
		return
	}
	l.later, l.em, l.making = l.making, em, nil
	n := l.next
	l.made = n.made
	for _, s := range n.srcs {
		n.known[s.rel] = true
	}
	for _, s := range n.static {
		n.known[s] = true
	}
	for src, p := range n.pages {
		for _, d := range p.Deps {
			n.users[d] = append(n.users[d], src)
		}
	}
	for src := range n.sums {
		if _, ok := n.pages[src]; !ok {
			delete(n.sums, src)
			delete(n.conts, src)
		}
	}
	l.prev, l.next, l.fp = n, nil, nil
	clear(l.pending)
}

// sources is discovery (phase 2). During an Update whose changes are all
// edits of files the last build knew, the last lists are still right.
func (b *Builder) sources(fsys fs.FS) ([]source, []string, error) {
	l := &b.live
	if !l.active {
		return discover(fsys)
	}
	var srcs []source
	var static []string
	var err error
	if l.prev != nil && l.onlyEdits(fsys) {
		srcs, static = l.prev.srcs, l.prev.static
	} else {
		srcs, static, err = discover(fsys)
	}
	l.next.srcs, l.next.static = srcs, static
	return srcs, static, err
}

// onlyEdits reports whether every pending path is a file the last build
// knew that still exists.
func (l *live) onlyEdits(fsys fs.FS) bool {
	for c := range l.pending {
		if !l.prev.known[c] {
			return false
		}
		if st, err := fs.Stat(fsys, c); err != nil || !st.Mode().IsRegular() {
			return false
		}
	}
	return true
}

// page loads one source (phase 3). During an Update a source that did not
// change, and uses no file that changed, is the page of the last build.
func (b *Builder) page(fsys fs.FS, s source, cfg *config.Config) *Page {
	l := &b.live
	if !l.active {
		return b.loadPage(fsys, s, cfg)
	}
	l.mu.Lock()
	prev := l.prev
	var old *Page
	if prev != nil {
		old = prev.pages[s.rel]
	}
	forced := l.forced[s.rel]
	stale := forced || l.pending[s.rel]
	l.mu.Unlock()
	if old != nil && !stale {
		p := copyPage(old)
		l.keep(s.rel, p, prev.gens[s.rel])
		return p
	}
	if forced {
		b.forget(s.rel)
	}
	p := b.loadPage(fsys, s, cfg)
	var gen uint64
	if old != nil && old.hash == p.hash && !forced {
		gen = prev.gens[s.rel] // saved unchanged
	}
	l.keep(s.rel, p, gen)
	return p
}

// keep records a loaded page; gen 0 asks for a new generation.
func (l *live) keep(src string, p *Page, gen uint64) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if gen == 0 {
		l.gen++
		gen = l.gen
	}
	if p.memo == nil || l.prev == nil || gen != l.prev.gens[src] {
		p.memo = &pageMemo{}
	}
	l.next.pages[src] = p
	l.next.gens[src] = gen
}

func copyPage(p *Page) *Page {
	c := *p
	c.Diags = slices.Clone(p.Diags)
	return &c
}

// forget drops a source from the conversion cache, so it is converted
// again although its bytes did not change (a file it uses did).
func (b *Builder) forget(rel string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	delete(b.cache, rel)
}

// theme loads the theme (phase 6). During an Update without a change to
// the theme or the config, it is the last build's: its template functions
// read a config equal to this one.
func (b *Builder) theme(fsys fs.FS, cfg *config.Config) (*theme.Theme, error) {
	l := &b.live
	if !l.active {
		return theme.Load(fsys, funcs(cfg))
	}
	if l.prev != nil && l.prev.theme != nil {
		l.next.theme = l.prev.theme
		return l.prev.theme, nil
	}
	th, err := theme.Load(fsys, funcs(cfg))
	l.next.theme = th
	return th, err
}

// unchanged reports, during an Update, that p would render exactly as in
// the last build, whose output is still in the writer (phase 7).
func (b *Builder) unchanged(s *siteData, p *Page) bool {
	l := &b.live
	if !l.active {
		return false
	}
	fp := l.fp.page(s, p)
	l.mu.Lock()
	defer l.mu.Unlock()
	l.next.outs[p.OutPath] = fp
	if l.prev == nil {
		return false
	}
	old, ok := l.prev.outs[p.OutPath]
	return ok && old == fp
}

// readStatic reads a static file (phase 8); during an Update an unchanged
// one is the bytes of the last build.
func (b *Builder) readStatic(fsys fs.FS, rel string) ([]byte, error) {
	l := &b.live
	if !l.active {
		return fs.ReadFile(fsys, rel)
	}
	l.mu.Lock()
	data, ok := []byte(nil), false
	if l.prev != nil && !l.pending[rel] {
		data, ok = l.prev.data[rel]
	}
	l.mu.Unlock()
	var err error
	if !ok {
		data, err = fs.ReadFile(fsys, rel)
	}
	if err == nil {
		l.mu.Lock()
		l.next.data[rel] = data
		l.mu.Unlock()
	}
	return data, err
}

// deferred makes a generated file that no page shows (a feed, the search
// index) from key, the value it is computed from. During an Update, when
// key hashes as in the last build (pages in it by content:
// fingerprinter.key), it is the last build's bytes; when it changed, it
// is too, until Finish makes it again.
func (b *Builder) deferred(rel string, key any, make func() ([]byte, error)) ([]byte, error) {
	l := &b.live
	if !l.active {
		return make()
	}
	k := l.fp.key(key)
	// After a change that renders everything the last good build's file
	// still stands in until Finish: a stylesheet tweak need not wait for
	// every feed.
	l.mu.Lock()
	old, ok := l.made[rel]
	l.mu.Unlock()
	if !ok {
		data, err := make()
		if err == nil {
			l.remember(rel, made{key: k, data: data})
		}
		return data, err
	}
	l.remember(rel, old)
	if old.key != k {
		l.mu.Lock()
		l.making = append(l.making, later{rel: rel, key: k, make: make})
		l.mu.Unlock()
	}
	return old.data, nil
}

func (l *live) remember(rel string, m made) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.next.made[rel] = m
}

// feedKey is what a feed file is made from: its subject and newest posts.
func feedKey(f feed) feed {
	f.Posts = f.Posts[:min(feedSize, len(f.Posts))]
	return f
}

// pageMemo keeps values derived from one version of a loaded page, shared
// by the copies Update makes of it.
type pageMemo struct {
	once    sync.Once
	excerpt string
}

// searchExcerpt is the page's text excerpt for the search index, computed
// once per version of the page while distill serve runs.
func (p *Page) searchExcerpt() string {
	if p.memo == nil {
		return excerpt(plainText(string(p.Content)), excerptLen)
	}
	p.memo.once.Do(func() { p.memo.excerpt = excerpt(plainText(string(p.Content)), excerptLen) })
	return p.memo.excerpt
}
