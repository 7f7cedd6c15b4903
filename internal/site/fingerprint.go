package site

import (
	"encoding/binary"
	"fmt"
	"hash/maphash"
	"io/fs"
	"math"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/distill-dev/distill/internal/theme"
	distilltheme "github.com/distill-dev/distill/themes/distill"
)

// A render fingerprint hashes everything a page's template can read, so
// that Update re-renders a page exactly when its fingerprint changed:
//
//   - the page's own fields; for a page loaded from a source, its
//     generation, which changes when the source (or a file it uses) does,
//     stands for everything that comes from the source, and only its
//     scalar fields and links, which Build may set later, are hashed;
//   - every page it links to (a list's posts, related posts, a term's
//     posts) by that page's summary: its fields minus its body, so that a
//     list is not re-rendered when a post's text changes, but is when its
//     title, date, tags or reading time do;
//   - the .Site fields its layout, baseof and partials mention, found by
//     scanning the templates (a bare .Site counts as all of them).
//
// Hashing is by reflection over the Page and siteData types, so a field
// added to either is followed without changes here.

// summary is a loaded page's summary hash for one generation.
type summary struct{ gen, sum uint64 }

// maxDepth bounds the walk of nested values.
const maxDepth = 16

var (
	pageType = reflect.TypeFor[Page]()
	timeType = reflect.TypeFor[time.Time]()
	// notSummarized are the fields of a post that come from its body and
	// that lists do not show.
	notSummarized = []string{"Content", "Appendix", "Article", "Headings", "TOC", "Stats", "Diags", "Deps"}
)

// scalar reports whether t is a plain value: the fields of a loaded page
// that Build may still set after loading it (Layout, for a redirect) are
// scalars or links; structured fields (Meta, Article, TOC, …) come from
// the source alone, and its generation stands for them.
func scalar(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Bool, reflect.String, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Float32, reflect.Float64:
		return true
	}
	return t == timeType
}

// fingerprinter computes the render fingerprints of one build.
type fingerprinter struct {
	l     *live
	nonce uint64 // unique to this build: for pages that cannot be compared

	index  sync.Once
	gens   map[*Page]uint64  // loaded pages: their generation
	byAddr map[uintptr]*Page // loaded pages by address

	mu       sync.Mutex
	keys     map[string]uint64 // layout → hash of the .Site fields it reads
	site     map[string]uint64 // .Site field → hash
	contents map[*Page]uint64  // f.content of pages met so far
	sums     map[*Page]uint64  // summaries of pages met so far
	shared   map[shared]uint64 // values behind pointers met so far
}

func newFingerprinter(l *live) *fingerprinter {
	l.gen++
	return &fingerprinter{l: l, nonce: l.gen, keys: map[string]uint64{}, site: map[string]uint64{}, contents: map[*Page]uint64{}, sums: map[*Page]uint64{}, shared: map[shared]uint64{}}
}

// fields are the Page fields each kind of hash reads, found once.
type fields struct {
	own     []int // a loaded page's own fingerprint: scalars and links
	scalars []int // a loaded page's content: scalars
	summary []int // what lists show: exported, not body, not links
}

var pageFields = sync.OnceValue(func() fields {
	var fs fields
	for i := range pageType.NumField() {
		fd := pageType.Field(i)
		body := slices.Contains(notSummarized, fd.Name) // its generation stands for it
		if links(fd.Type) || scalar(fd.Type) && !body {
			fs.own = append(fs.own, i)
		}
		if scalar(fd.Type) && !body {
			fs.scalars = append(fs.scalars, i)
		}
		if fd.IsExported() && !slices.Contains(notSummarized, fd.Name) && !links(fd.Type) {
			fs.summary = append(fs.summary, i)
		}
	}
	return fs
})

// page returns the fingerprint of what p's layout will read.
func (f *fingerprinter) page(s *siteData, p *Page) uint64 {
	h := newHash()
	putU64(h, f.siteKey(s, p.Layout))
	v := reflect.ValueOf(p).Elem()
	if gen, ok := f.generation(p); ok {
		putU64(h, gen)
		for _, i := range pageFields().own {
			f.value(h, v.Field(i), 1, bySummary)
		}
	} else {
		f.value(h, v, 0, bySummary)
	}
	return h.Sum64()
}

// loaded indexes the pages loaded in this build; it is called once phase 3
// is over, when they no longer change.
func (f *fingerprinter) loaded() {
	f.index.Do(func() {
		f.l.mu.Lock()
		defer f.l.mu.Unlock()
		f.gens = make(map[*Page]uint64, len(f.l.next.pages))
		f.byAddr = make(map[uintptr]*Page, len(f.l.next.pages))
		for src, q := range f.l.next.pages {
			f.gens[q] = f.l.next.gens[src]
			f.byAddr[reflect.ValueOf(q).Pointer()] = q
		}
	})
}

// generation returns the generation of p when it is a page loaded from a
// source in this build.
func (f *fingerprinter) generation(p *Page) (uint64, bool) {
	f.loaded()
	gen, ok := f.gens[p]
	return gen, ok
}

// pageAt returns the loaded page at address p (read from a field that
// reflection may not turn back into a *Page), or nil.
func (f *fingerprinter) pageAt(p uintptr) *Page {
	f.loaded()
	return f.byAddr[p]
}

// ref hashes a page that another page links to.
func (f *fingerprinter) ref(h *maphash.Hash, q *Page) {
	gen, ok := uint64(0), false
	if q != nil {
		gen, ok = f.generation(q)
	}
	if !ok {
		putU64(h, f.nonce) // a generated page: assume it changed
		return
	}
	f.mu.Lock()
	s, ok := f.sums[q]
	if !ok {
		var c summary
		c, ok = f.l.next.sums[q.Source]
		ok = ok && c.gen == gen
		s = c.sum
	}
	f.mu.Unlock()
	if !ok {
		s = f.summarize(q)
		f.mu.Lock()
		f.l.next.sums[q.Source] = summary{gen: gen, sum: s}
		f.mu.Unlock()
	}
	f.mu.Lock()
	f.sums[q] = s
	f.mu.Unlock()
	putU64(h, s)
}

// content hashes everything of a page a generated file may show: for a
// loaded page its generation and scalar fields, for a generated page all
// its fields.
func (f *fingerprinter) content(h *maphash.Hash, q *Page) {
	if q == nil {
		putU64(h, f.nonce)
		return
	}
	gen, loaded := f.generation(q)
	f.mu.Lock()
	sum, ok := f.contents[q]
	if !ok && loaded {
		// Kept across builds: what Build sets on a loaded page follows
		// from its source, so one generation has one content.
		var c summary
		c, ok = f.l.next.conts[q.Source]
		ok = ok && c.gen == gen
		sum = c.sum
	}
	f.mu.Unlock()
	if !ok {
		ch := newHash()
		v := reflect.ValueOf(q).Elem()
		if loaded {
			putU64(ch, gen)
			for _, i := range pageFields().scalars {
				f.value(ch, v.Field(i), 1, byContent)
			}
		} else {
			f.value(ch, v, 1, byContent)
		}
		sum = ch.Sum64()
		f.mu.Lock()
		f.contents[q] = sum
		if loaded {
			f.l.next.conts[q.Source] = summary{gen: gen, sum: sum}
		}
		f.mu.Unlock()
	}
	putU64(h, sum)
}

// key hashes v, a value a generated file is made from, with the pages in
// it by content.
func (f *fingerprinter) key(v any) uint64 {
	h := newHash()
	f.value(h, reflect.ValueOf(v), 0, byContent)
	return h.Sum64()
}

// summarize hashes what a list can show of q: its exported fields but the
// body and its own links (unexported ones are build bookkeeping, such as
// the hash of the source bytes).
func (f *fingerprinter) summarize(q *Page) uint64 {
	h := newHash()
	v := reflect.ValueOf(q).Elem()
	for _, i := range pageFields().summary {
		f.value(h, v.Field(i), 1, bySummary)
	}
	return h.Sum64()
}

// links reports whether values of t lead to other pages.
func links(t reflect.Type) bool {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Array {
		t = t.Elem()
	}
	if t == pageType {
		return true
	}
	if t.Kind() == reflect.Struct {
		for i := range t.NumField() {
			ft := t.Field(i).Type
			for ft.Kind() == reflect.Pointer || ft.Kind() == reflect.Slice {
				ft = ft.Elem()
			}
			if ft == pageType {
				return true
			}
		}
	}
	return false
}

// refMode says how a page met inside a value is hashed.
type refMode int

const (
	bySummary refMode = iota // f.ref: what a list shows of it
	byContent                // f.content: everything
)

// shared is a value reached through a pointer, hashed once per build: a
// tag and its posts are linked from every page of its list.
type shared struct {
	at   uintptr
	t    reflect.Type
	mode refMode
}

// value hashes v deeply; pages met on the way are hashed by ref.
func (f *fingerprinter) value(h *maphash.Hash, v reflect.Value, depth int, ref refMode) {
	if depth > maxDepth {
		h.WriteByte('~')
		return
	}
	switch v.Kind() {
	case reflect.Invalid:
		h.WriteByte(0)
	case reflect.Bool:
		if v.Bool() {
			h.WriteByte(1)
		} else {
			h.WriteByte(2)
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		putU64(h, uint64(v.Int()))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		putU64(h, v.Uint())
	case reflect.Float32, reflect.Float64:
		putU64(h, math.Float64bits(v.Float()))
	case reflect.String:
		putU64(h, uint64(v.Len()))
		h.WriteString(v.String())
	case reflect.Slice, reflect.Array:
		putU64(h, uint64(v.Len()))
		for i := range v.Len() {
			f.value(h, v.Index(i), depth+1, ref)
		}
	case reflect.Map:
		f.mapValue(h, v, depth, ref)
	case reflect.Pointer:
		switch {
		case v.IsNil():
			h.WriteByte(0)
		case v.Type().Elem() == pageType:
			q := f.pageAt(v.Pointer())
			if q == nil && v.CanInterface() {
				q = v.Interface().(*Page)
			}
			if ref == byContent {
				f.content(h, q)
			} else {
				f.ref(h, q)
			}
		case v.Elem().Kind() == reflect.Struct:
			putU64(h, f.pointee(v, depth, ref))
		default:
			f.value(h, v.Elem(), depth+1, ref)
		}
	case reflect.Interface:
		if v.IsNil() {
			h.WriteByte(0)
			return
		}
		h.WriteString(v.Elem().Type().String())
		f.value(h, v.Elem(), depth+1, ref)
	case reflect.Struct:
		if v.Type() == timeType && v.CanAddr() && v.CanInterface() {
			t := v.Addr().Interface().(*time.Time)
			putU64(h, uint64(t.UnixNano()))
			h.WriteString(t.Location().String())
			return
		}
		for i := range v.NumField() {
			f.value(h, v.Field(i), depth+1, ref)
		}
	default: // funcs, channels: nothing a template prints
		h.WriteString(v.Kind().String())
	}
}

// pointee hashes the struct v points to, once per build.
func (f *fingerprinter) pointee(v reflect.Value, depth int, ref refMode) uint64 {
	k := shared{at: v.Pointer(), t: v.Type(), mode: ref}
	f.mu.Lock()
	sum, ok := f.shared[k]
	f.mu.Unlock()
	if ok {
		return sum
	}
	h := newHash()
	f.value(h, v.Elem(), depth+1, ref)
	sum = h.Sum64()
	f.mu.Lock()
	f.shared[k] = sum
	f.mu.Unlock()
	return sum
}

func (f *fingerprinter) mapValue(h *maphash.Hash, v reflect.Value, depth int, ref refMode) {
	keys := v.MapKeys()
	names := make([]string, len(keys))
	for i, k := range keys {
		names[i] = fmt.Sprint(k)
	}
	order := make([]int, len(keys))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return strings.Compare(names[a], names[b]) })
	putU64(h, uint64(len(keys)))
	for _, i := range order {
		h.WriteString(names[i])
		f.value(h, v.MapIndex(keys[i]), depth+1, ref)
	}
}

// siteKey hashes the .Site fields that a layout's templates read.
func (f *fingerprinter) siteKey(s *siteData, layout string) uint64 {
	f.mu.Lock()
	k, ok := f.keys[layout]
	f.mu.Unlock()
	if ok {
		return k
	}
	fields := f.refs(layout)
	h := newHash()
	for _, name := range fields {
		h.WriteString(name)
		putU64(h, f.siteField(s, name))
	}
	k = h.Sum64()
	f.mu.Lock()
	f.keys[layout] = k
	f.mu.Unlock()
	return k
}

func (f *fingerprinter) siteField(s *siteData, name string) uint64 {
	f.mu.Lock()
	k, ok := f.site[name]
	f.mu.Unlock()
	if ok {
		return k
	}
	h := newHash()
	f.value(h, reflect.ValueOf(s).Elem().FieldByName(name), 1, bySummary)
	k = h.Sum64()
	f.mu.Lock()
	f.site[name] = k
	f.mu.Unlock()
	return k
}

// refs returns the .Site fields a layout reads, scanning the theme once.
func (f *fingerprinter) refs(layout string) []string {
	l := f.l
	l.mu.Lock()
	defer l.mu.Unlock()
	if !l.next.themed {
		l.next.refs, l.next.themed = scanSiteRefs(l.fsys), true
	}
	if r, ok := l.next.refs[layout]; ok {
		return r
	}
	return allSiteFields()
}

// siteRef matches .Site and the field read from it, if any.
var siteRef = regexp.MustCompile(`\.Site\b(?:\.([A-Za-z_][A-Za-z0-9_]*))?`)

// scanSiteRefs maps each layout of the theme (with fsys's overrides) to the
// .Site fields read by it, baseof.html and the partials.
func scanSiteRefs(fsys fs.FS) map[string][]string {
	files := theme.Files(fsys)
	var names []string
	for _, root := range []fs.FS{distilltheme.FS, sub(fsys, theme.OverrideDir)} {
		if root == nil {
			continue
		}
		_ = fs.WalkDir(root, "layouts", func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && !slices.Contains(names, p) {
				names = append(names, p)
			}
			return nil
		})
	}
	shared := map[string]bool{}
	own := map[string]map[string]bool{}
	for _, n := range names {
		src, err := fs.ReadFile(files, n)
		set := map[string]bool{}
		if err != nil {
			set["*"] = true
		}
		for _, m := range siteRef.FindAllStringSubmatch(string(src), -1) {
			if m[1] == "" {
				m[1] = "*"
			}
			set[m[1]] = true
		}
		rel := strings.TrimPrefix(n, "layouts/")
		if strings.Contains(rel, "/") || rel == "baseof.html" || !strings.HasSuffix(rel, ".html") {
			for k := range set {
				shared[k] = true
			}
			continue
		}
		own[strings.TrimSuffix(rel, ".html")] = set
	}
	out := map[string][]string{}
	for layout, set := range own {
		for k := range shared {
			set[k] = true
		}
		if set["*"] {
			out[layout] = allSiteFields()
			continue
		}
		var fields []string
		for k := range set {
			if _, ok := reflect.TypeFor[siteData]().FieldByName(k); ok {
				fields = append(fields, k)
			}
		}
		slices.Sort(fields)
		out[layout] = fields
	}
	return out
}

func allSiteFields() []string {
	t := reflect.TypeFor[siteData]()
	out := make([]string, 0, t.NumField())
	for i := range t.NumField() {
		out = append(out, t.Field(i).Name)
	}
	return out
}

// sub is fsys's dir as a file system, or nil when it has none.
func sub(fsys fs.FS, dir string) fs.FS {
	if fsys == nil {
		return nil
	}
	if st, err := fs.Stat(fsys, dir); err != nil || !st.IsDir() {
		return nil
	}
	s, err := fs.Sub(fsys, dir)
	if err != nil {
		return nil
	}
	return s
}

func newHash() *maphash.Hash {
	h := new(maphash.Hash)
	h.SetSeed(hashSeed)
	return h
}

func putU64(h *maphash.Hash, x uint64) {
	var b [8]byte
	binary.LittleEndian.PutUint64(b[:], x)
	h.Write(b[:])
}
