package site

import (
	"context"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"sync"

	"github.com/distill-dev/distill/internal/config"
	"github.com/distill-dev/distill/internal/output"
)

// feedFormats are the formats every feed is written in.
var feedFormats = []struct {
	file string
	gen  func(*config.Config, feed, *feedItems) ([]byte, error)
}{{AtomFile, atomFeed}, {RSSFile, rssFeed}, {JSONFile, jsonFeed}}

// writeSiteFiles writes what is not a themed page: the feeds (the blog's
// and each tag's, in three formats), the sitemap, robots.txt, the search
// index, .nojekyll, CNAME and the site's static files.
func (b *Builder) writeSiteFiles(fsys fs.FS, em *output.Emitter, cfg *config.Config, posts, pages []*Page, static []string) (int, int64, error) {
	w := &fileWriter{em: em}
	w.feeds(b, cfg, feeds(cfg, posts, collectTags(posts)))
	w.emit("sitemap.xml", sitemap(cfg, pages), false)
	robots := fmt.Sprintf("User-agent: *\nAllow: /\n\nSitemap: %s\n", AbsURL(cfg, "/sitemap.xml"))
	w.emit("robots.txt", []byte(robots), true)
	// Update: the index is made after the pages are out (Finish); Build
	// sorts pages once this phase is over, so it keeps its own list.
	listed := slices.Clone(pages)
	index, err := b.deferred(SearchIndexFile, listed, func() ([]byte, error) { return searchIndex(listed) })
	if err != nil {
		return w.n, w.size, err
	}
	w.emit(SearchIndexFile, index, false)
	w.emit(".nojekyll", nil, true)
	if cfg.CNAME != "" {
		w.emit("CNAME", []byte(cfg.CNAME+"\n"), true)
	}
	for _, rel := range static {
		if w.failed() {
			break
		}
		data, err := b.readStatic(fsys, rel) // Update: unchanged files are not read again
		if err != nil {
			return w.n, w.size, err
		}
		w.emit(strings.TrimPrefix(rel, ContentDir+"/"), data, true)
	}
	return w.n, w.size, w.err
}

// feeds writes every feed in every format, in parallel: they are most of
// the encoding and minifying work of this phase.
func (w *fileWriter) feeds(b *Builder, cfg *config.Config, list []feed) {
	fi := &feedItems{cfg: cfg, m: map[*Page]*feedItem{}, full: map[*Page]string{}}
	n := len(feedFormats)
	parallel(context.Background(), 0, len(list)*n, func(i int) {
		f, ff := list[i/n], feedFormats[i%n]
		rel := strings.TrimPrefix(f.Dir, "/") + ff.file
		// Update: a feed whose posts did not change is the last build's;
		// one whose posts did is made after the pages are out (Finish).
		data, err := b.deferred(rel, feedKey(f), func() ([]byte, error) { return ff.gen(cfg, f, fi) })
		if err != nil {
			w.fail(err)
			return
		}
		w.emit(rel, data, true) // already compact
	})
}

// fileWriter counts what it writes and keeps the first error. It is safe
// for concurrent use.
type fileWriter struct {
	em *output.Emitter

	mu   sync.Mutex
	n    int
	size int64
	err  error
}

// emit writes a generated file (raw: a static one, copied unchanged).
func (w *fileWriter) emit(rel string, data []byte, raw bool) {
	if w.failed() {
		return
	}
	var err error
	if raw {
		err = w.em.Copy(rel, data)
	} else {
		err = w.em.Emit(rel, data)
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	w.n++
	w.size += int64(len(data))
	if w.err == nil {
		w.err = err
	}
}

func (w *fileWriter) fail(err error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.err == nil {
		w.err = err
	}
}

func (w *fileWriter) failed() bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.err != nil
}
