package site

import (
	"bytes"
	"context"
	"io/fs"
	"maps"
	"math/rand/v2"
	"os"
	"path"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/distill-dev/distill/internal/output"
	"github.com/distill-dev/distill/internal/theme"
)

// memStore is the preview server's store in small: Update writes into a
// clone of the last good output, and the new output is what it wrote plus
// the pages it kept.
type memStore struct {
	mu      sync.Mutex
	files   map[string][]byte
	written map[string]bool
}

func (m *memStore) WriteFile(rel string, data []byte) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.files[rel] = data
	m.written[rel] = true
	return nil
}

func (m *memStore) next() *memStore {
	return &memStore{files: maps.Clone(m.files), written: map[string]bool{}}
}

func (m *memStore) prune(res *Result) {
	keep := map[string]bool{}
	for _, p := range res.Pages {
		keep[p.OutPath] = true
	}
	for rel := range m.files {
		if !m.written[rel] && !keep[rel] {
			delete(m.files, rel)
		}
	}
}

// writtenHTML lists the pages a build rendered again.
func (m *memStore) writtenHTML() []string {
	var out []string
	for rel := range m.written {
		if path.Ext(rel) == ".html" {
			out = append(out, rel)
		}
	}
	slices.Sort(out)
	return out
}

// sampleFS loads the sample site into memory, where edits are cheap.
func sampleFS(t *testing.T) fstest.MapFS {
	t.Helper()
	fsys := fstest.MapFS{}
	root := os.DirFS(repoRoot)
	for _, dir := range []string{"content", "assets"} {
		err := fs.WalkDir(root, dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := fs.ReadFile(root, p)
			fsys[p] = &fstest.MapFile{Data: data}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	data, err := fs.ReadFile(root, "distill.yaml")
	if err != nil {
		t.Fatal(err)
	}
	fsys["distill.yaml"] = &fstest.MapFile{Data: data}
	return fsys
}

const (
	plainPost = "content/posts/2023-11-20-writing-plain-posts.md"
	citePost  = "content/posts/2024-03-05-citations-and-side-notes.md"
	citeBib   = "assets/bibliography/2024-03-05-citations.bib"
	plainURL  = "blog/2023/writing-plain-posts/index.html"
)

// edit is one change to the site: it mutates fsys and returns the paths
// it touched, as the watcher would report them.
type edit struct {
	name string
	do   func(t *testing.T, fsys fstest.MapFS) []string
	// rendered, when set, is exactly the pages the Update must render.
	rendered []string
	// most, when set, bounds how many pages it may render.
	most int
}

func replaceIn(fsys fstest.MapFS, file, old, new string) []string {
	f := fsys[file]
	f.Data = []byte(strings.Replace(string(f.Data), old, new, 1))
	return []string{file}
}

func appendTo(fsys fstest.MapFS, file, text string) []string {
	f := fsys[file]
	f.Data = append(bytes.Clone(f.Data), text...)
	return []string{file}
}

var edits = []edit{
	{name: "first build", do: func(*testing.T, fstest.MapFS) []string { return nil }},
	{name: "nothing changed", do: func(*testing.T, fstest.MapFS) []string { return []string{plainPost} }, rendered: []string{}},
	{name: "body of a post", do: func(_ *testing.T, f fstest.MapFS) []string {
		return appendTo(f, plainPost, "\nOne more paragraph, long enough to read.\n")
	}, rendered: []string{plainURL}},
	{name: "title of a post", do: func(_ *testing.T, f fstest.MapFS) []string {
		return replaceIn(f, plainPost, "title: ", "title: Renamed ")
	}, most: 12},
	{name: "tags of a post", do: func(_ *testing.T, f fstest.MapFS) []string {
		return replaceIn(f, plainPost, "tags: [", "tags: [brand-new-tag, ")
	}},
	{name: "date of a post", do: func(_ *testing.T, f fstest.MapFS) []string {
		return replaceIn(f, plainPost, "date: 2023-11-20", "date: 2025-01-01")
	}},
	{name: "bibliography a post cites", do: func(_ *testing.T, f fstest.MapFS) []string {
		return replaceIn(f, citeBib, "title", "title = {An Edited Title},\n  note")
	}, most: 3},
	{name: "new post", do: func(_ *testing.T, f fstest.MapFS) []string {
		p := "content/posts/2025-06-01-fresh.md"
		f[p] = &fstest.MapFile{Data: []byte("---\ntitle: Fresh\ndate: 2025-06-01\ntags: [distill]\n---\n\nNew $x^2$.\n")}
		return []string{p}
	}},
	{name: "deleted post", do: func(_ *testing.T, f fstest.MapFS) []string {
		delete(f, plainPost)
		return []string{plainPost}
	}},
	{name: "draft", do: func(_ *testing.T, f fstest.MapFS) []string {
		return replaceIn(f, "content/posts/2025-06-01-fresh.md", "title: Fresh", "title: Fresh\ndraft: true")
	}},
	{name: "page title in the menu", do: func(_ *testing.T, f fstest.MapFS) []string {
		return replaceIn(f, "content/about.md", "title: ", "title: All About ")
	}},
	{name: "new static file", do: func(_ *testing.T, f fstest.MapFS) []string {
		f["assets/img/new.svg"] = &fstest.MapFile{Data: []byte(`<svg xmlns="http://www.w3.org/2000/svg"/>`)}
		return []string{"assets/img/new.svg"}
	}, rendered: []string{}},
	{name: "edited static file", do: func(_ *testing.T, f fstest.MapFS) []string {
		f["assets/img/new.svg"] = &fstest.MapFile{Data: []byte(`<svg xmlns="http://www.w3.org/2000/svg" width="2"/>`)}
		return []string{"assets/img/new.svg"}
	}, rendered: []string{}},
	{name: "deleted static file", do: func(_ *testing.T, f fstest.MapFS) []string {
		delete(f, "assets/img/new.svg")
		return []string{"assets/img/new.svg"}
	}, rendered: []string{}},
	{name: "theme override", do: func(_ *testing.T, f fstest.MapFS) []string {
		data, err := fs.ReadFile(theme.Files(f), "layouts/partials/footer.html")
		if err != nil {
			panic(err)
		}
		p := "themes/distill/layouts/partials/footer.html"
		f[p] = &fstest.MapFile{Data: append(data, "<!-- overridden -->\n"...)}
		return []string{p}
	}},
	{name: "config", do: func(_ *testing.T, f fstest.MapFS) []string {
		return replaceIn(f, "distill.yaml", "title: distill", "title: Edited Site")
	}},
	{name: "body after a full rebuild", do: func(_ *testing.T, f fstest.MapFS) []string {
		return appendTo(f, citePost, "\nA closing line.\n")
	}, rendered: []string{"blog/2024/citations-and-side-notes/index.html"}},
}

// TestUpdateMatchesBuild: after every kind of edit, the incremental
// output is byte for byte the output of a fresh full build, and an edit
// renders only the pages it must.
func TestUpdateMatchesBuild(t *testing.T) {
	fsys := sampleFS(t)
	opt := Options{FS: fsys, Drafts: true, Future: true, Now: fixedNow}
	b := NewBuilder()
	cur := &memStore{files: map[string][]byte{}}
	for _, e := range edits {
		changed := e.do(t, fsys)
		next := cur.next()
		res, err := b.Update(context.Background(), opt, changed, next)
		if err != nil {
			t.Fatalf("%s: %v", e.name, err)
		}
		if res.Diags.HasErrors() {
			t.Fatalf("%s: build errors:\n%v", e.name, res.Diags)
		}
		next.prune(res)
		if _, err := b.Finish(); err != nil {
			t.Fatalf("%s: Finish: %v", e.name, err)
		}
		want := output.NewMem()
		if _, err := NewBuilder().Build(context.Background(), opt, want); err != nil {
			t.Fatal(err)
		}
		if got, wantFiles := slices.Sorted(maps.Keys(next.files)), want.Files(); !slices.Equal(got, wantFiles) {
			t.Errorf("%s: files differ from a full build:\n got %d %v\nwant %d %v", e.name, len(got), diffNames(got, wantFiles), len(wantFiles), diffNames(wantFiles, got))
		}
		for _, rel := range want.Files() {
			w, _ := want.Get(rel)
			if g, ok := next.files[rel]; ok && !bytes.Equal(g, w) {
				t.Errorf("%s: %s differs from a full build", e.name, rel)
			}
		}
		html := next.writtenHTML()
		if e.rendered != nil && !slices.Equal(html, e.rendered) && !(len(html) == 0 && len(e.rendered) == 0) {
			t.Errorf("%s: rendered %v, want %v", e.name, html, e.rendered)
		}
		if e.most > 0 && len(html) > e.most {
			t.Errorf("%s: rendered %d pages, want at most %d: %v", e.name, len(html), e.most, html)
		}
		t.Logf("%s: rendered %d pages", e.name, len(html))
		cur = next
	}
}

// TestUpdateAfterFailure: a build with errors is not remembered; the next
// Update starts from the last good build with the changes of both.
func TestUpdateAfterFailure(t *testing.T) {
	fsys := sampleFS(t)
	opt := Options{FS: fsys, Drafts: true, Future: true, Now: fixedNow}
	b := NewBuilder()
	cur := &memStore{files: map[string][]byte{}}
	step := func(changed []string) (*Result, *memStore) {
		next := cur.next()
		res, err := b.Update(context.Background(), opt, changed, next)
		if err != nil {
			t.Fatal(err)
		}
		next.prune(res)
		if _, err := b.Finish(); err != nil {
			t.Fatal(err)
		}
		return res, next
	}
	_, cur = step(nil)
	good := string(cur.files[plainURL])
	res, _ := step(replaceIn(fsys, plainPost, "title: ", "title: [broken\n"))
	if !res.Diags.HasErrors() {
		t.Fatal("broken front matter built without errors")
	}
	// Another edit while broken, then the fix: both must show.
	if res, _ := step(appendTo(fsys, citePost, "\nWritten while the other post was broken.\n")); !res.Diags.HasErrors() {
		t.Fatal("still broken front matter built without errors")
	}
	res, next := step(replaceIn(fsys, plainPost, "title: [broken\n", "title: Fixed "))
	if res.Diags.HasErrors() {
		t.Fatalf("fixed build has errors:\n%v", res.Diags)
	}
	if got := string(next.files[plainURL]); got == good || !strings.Contains(got, "Fixed") {
		t.Error("fixed post was not rendered again")
	}
	if !bytes.Contains(next.files["blog/2024/citations-and-side-notes/index.html"], []byte("Written while the other post was broken")) {
		t.Error("edit made during the failure was lost")
	}
}

func diffNames(a, b []string) []string {
	var out []string
	for _, x := range a {
		if !slices.Contains(b, x) {
			out = append(out, x)
		}
	}
	return out
}

// TestBestRelated: the one-pass pick of related posts (best, made for
// the speed of Update) agrees with sorting every candidate.
func TestBestRelated(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range 500 {
		n := rng.IntN(40)
		shared := make([]int, 60)
		var touched []int
		for _, j := range rng.Perm(60)[:n] {
			touched = append(touched, j)
			shared[j] = 1 + rng.IntN(4)
		}
		want := slices.Clone(touched)
		slices.SortFunc(want, func(a, b int) int {
			if shared[a] != shared[b] {
				return shared[b] - shared[a]
			}
			return a - b
		})
		want = want[:min(relatedMax, len(want))]
		if got := best(touched, shared); !slices.Equal(got, want) {
			t.Fatalf("best(%v) = %v, want %v", touched, got, want)
		}
	}
}

// TestFinishAfterBrokenTheme: files left for Finish by the last good
// build are still made, into its output, when a later build fails.
func TestFinishAfterBrokenTheme(t *testing.T) {
	fsys := sampleFS(t)
	opt := Options{FS: fsys, Drafts: true, Future: true, Now: fixedNow}
	b := NewBuilder()
	first := &memStore{files: map[string][]byte{}, written: map[string]bool{}}
	if _, err := b.Update(context.Background(), opt, nil, first); err != nil {
		t.Fatal(err)
	}
	good := first.next()
	res, err := b.Update(context.Background(), opt, appendTo(fsys, citePost, "\nA line for the feed.\n"), good)
	if err != nil || res.Diags.HasErrors() {
		t.Fatalf("%v %v", err, res.Diags)
	}
	if len(b.Stale()) == 0 {
		t.Fatal("no feed left for Finish")
	}
	p := "themes/distill/layouts/post.html"
	fsys[p] = &fstest.MapFile{Data: []byte("{{define \"main\"}}{{.Broken")}
	res, err = b.Update(context.Background(), opt, []string{p}, good.next())
	if err == nil && !res.Diags.HasErrors() {
		t.Fatal("broken theme built")
	}
	if _, err := b.Finish(); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(good.files["feed.xml"], []byte("A line for the feed.")) {
		t.Error("feed of the last good build not made")
	}
}
