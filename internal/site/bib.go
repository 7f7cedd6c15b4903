package site

import (
	"bytes"
	"hash/maphash"
	"io/fs"
	"path"
	"strings"
	"sync"

	"github.com/distill-dev/distill/internal/bib"
	"github.com/distill-dev/distill/internal/diag"
)

// BibDir is where a post's `bibliography:` file is looked for first.
const BibDir = AssetsDir + "/bibliography"

// bibCache keeps parsed bibliographies for the life of a Builder, keyed by
// path and content hash: a file is parsed once however many posts cite it,
// and not again in the next build (distill serve) unless it changed.
type bibCache struct {
	mu sync.Mutex
	m  map[string]*bibParse
}

// bibParse is one parse of one version of a file; once lets the first
// worker parse while the others wait for its result.
type bibParse struct {
	hash  uint64
	once  sync.Once
	lib   *bib.Library
	diags diag.List
}

// parse returns the library of file, whose bytes are src.
func (c *bibCache) parse(file string, src []byte) (*bib.Library, diag.List) {
	h := maphash.Bytes(hashSeed, src)
	c.mu.Lock()
	if c.m == nil {
		c.m = map[string]*bibParse{}
	}
	p := c.m[file]
	if p == nil || p.hash != h {
		p = &bibParse{hash: h}
		c.m[file] = p
	}
	c.mu.Unlock()
	p.once.Do(func() { p.lib, p.diags = bib.Parse(file, src) })
	return p.lib, p.diags
}

// bibCandidates are the files a `bibliography:` value may name, in the
// order they are tried: assets/bibliography/NAME, NAME beside the post,
// NAME from the site root.
func bibCandidates(post, name string) []string {
	name = strings.TrimPrefix(path.Clean("/"+name), "/")
	return []string{path.Join(BibDir, name), path.Join(path.Dir(post), name), name}
}

// bibliography loads the bibliography of page p: the file its front
// matter names, or else a .bib beside the post with the post's name. It
// records the file in p.Deps, so that editing it rebuilds the page, and
// returns the library and the file's path for messages. A named file that
// is missing is a warning (the citations then show as [?]).
func (b *Builder) bibliography(fsys fs.FS, p *Page, src []byte) (*bib.Library, string) {
	name := strings.TrimSpace(p.Meta.Bibliography)
	if name == "" {
		beside := strings.TrimSuffix(p.Source, path.Ext(p.Source)) + ".bib"
		data, err := fs.ReadFile(fsys, beside)
		if err != nil {
			return nil, ""
		}
		return b.useBib(p, beside, data), beside
	}
	cands := bibCandidates(p.Source, name)
	for _, f := range cands {
		if !fs.ValidPath(f) {
			continue
		}
		if data, err := fs.ReadFile(fsys, f); err == nil {
			return b.useBib(p, f, data), f
		}
	}
	p.Deps = append(p.Deps, cands[0])
	p.Diags.Warnf(p.Source, keyLine(src, "bibliography"), "cite", "bibliography %q not found (looked for %s and %s)", name, cands[0], cands[1])
	return nil, cands[0]
}

func (b *Builder) useBib(p *Page, file string, data []byte) *bib.Library {
	lib, ds := b.bibs.parse(file, data)
	p.Diags.Add(ds...)
	p.Deps = append(p.Deps, file)
	return lib
}

// keyLine returns the line of a top-level front-matter key in a source
// file, or 1.
func keyLine(src []byte, key string) int {
	for i, line := range bytes.Split(src, []byte("\n")) {
		if bytes.HasPrefix(line, []byte(key+":")) {
			return i + 1
		}
	}
	return 1
}

// depsHash hashes the current bytes of a page's Deps (a missing file
// hashes as missing), so the build cache can tell when one changed.
func depsHash(fsys fs.FS, deps []string) uint64 {
	var h maphash.Hash
	h.SetSeed(hashSeed)
	for _, d := range deps {
		h.WriteString(d)
		if data, err := fs.ReadFile(fsys, d); err == nil {
			h.WriteByte(1)
			h.Write(data)
		} else {
			h.WriteByte(0)
		}
	}
	return h.Sum64()
}

// depsFresh reports whether the files a cached page was made from besides
// its source are unchanged.
func depsFresh(fsys fs.FS, p *Page) bool {
	return len(p.Deps) == 0 || depsHash(fsys, p.Deps) == p.depsHash
}
