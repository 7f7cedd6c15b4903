package site

import (
	"bytes"
	"context"
	"fmt"
	"html"
	"io/fs"
	"os"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/distill-dev/distill/internal/diag"
	"github.com/distill-dev/distill/internal/frontmatter"
	"github.com/distill-dev/distill/internal/output"
)

// alfolioDir is an al-folio site: al-folio's own sample posts (MIT, see
// its SOURCE.md) plus posts of ours for what the samples lack (every
// Liquid tag, heavy math, hundreds of citations, odd front matter), a
// draft, pages and an include.
const alfolioDir = "testdata/alfolio"

func buildAlFolio(t *testing.T, opt Options) (*Result, *output.Mem) {
	t.Helper()
	if opt.FS == nil {
		opt.FS = os.DirFS(alfolioDir)
	}
	if opt.Now.IsZero() {
		opt.Now = fixedNow
	}
	mem := output.NewMem()
	res, err := NewBuilder().Build(context.Background(), opt, mem)
	if err != nil {
		t.Fatal(err)
	}
	return res, mem
}

var alfolioOnce struct {
	sync.Once
	res *Result
	mem *output.Mem
}

// alfolio is the build of the site with default options, shared by the
// tests that only read it.
func alfolio(t *testing.T) (*Result, *output.Mem) {
	alfolioOnce.Do(func() { alfolioOnce.res, alfolioOnce.mem = buildAlFolio(t, Options{}) })
	if alfolioOnce.res == nil {
		t.Fatal("the al-folio build failed")
	}
	return alfolioOnce.res, alfolioOnce.mem
}

// TestAlFolioSite builds the al-folio site as it stands: no errors, every
// post and page where al-folio puts it, no Liquid left in any page outside
// code (but what {% raw %} kept on purpose), and every TOC link resolving.
func TestAlFolioSite(t *testing.T) {
	res, mem := alfolio(t)
	for _, d := range res.Diags {
		if d.Severity == diag.Error {
			t.Errorf("error: %v", d)
		}
	}
	if res.Config.Source != "_config.yml" || res.Config.Title != "Sample Lab" {
		t.Errorf("config not read from _config.yml: %q %q", res.Config.Source, res.Config.Title)
	}
	posts, _ := fs.Glob(os.DirFS(alfolioDir), "_posts/*.md")
	if len(res.Posts) != len(posts) {
		t.Errorf("%d posts built, want %d (one per file of _posts/)", len(res.Posts), len(posts))
	}
	for _, want := range []string{
		"blog/2021/distill/index.html",              // date from front matter (2021), not the file name (2018)
		"blog/2015/formatting-and-links/index.html", // /blog/:year/:title/
		"blog/2025/every-liquid-tag/index.html",
		"index.html",          // _pages/about.md, permalink: /
		"blog/index.html",     // the generated list, not _pages/blog.md
		"projects/index.html", // _pages/projects.md without a permalink
		"assets/img/test.svg", // assets/ copied
		"assets/bibliography/2018-12-22-distill.bib",
	} {
		if _, ok := mem.Get(want); !ok {
			t.Errorf("missing %s", want)
		}
	}
	if _, ok := mem.Get("blog/2025/a-draft/index.html"); ok {
		t.Error("a draft was published without --drafts")
	}
	home, _ := mem.Get("index.html")
	if !bytes.Contains(home, []byte("about page of the sample lab")) {
		t.Error("the home page is not _pages/about.md")
	}
	sources := rawRegions(t)
	for _, p := range res.Pages {
		if p.Source == "" {
			continue
		}
		page, _ := mem.Get(p.OutPath)
		for _, leak := range liquidLeaks(page) {
			if !sources[p.Source].contains(leak) {
				t.Errorf("%s: Liquid left in the page outside code: %q", p.Source, leak)
			}
		}
		checkTOC(t, p, page)
	}
	checkInternalLinks(t, mem)
}

// alfolioSubset is the al-folio site with only some of its posts, for
// tests that need a few: the whole site takes seconds under -race.
func alfolioSubset(t *testing.T, posts ...string) fstest.MapFS {
	t.Helper()
	site := os.DirFS(alfolioDir)
	out := fstest.MapFS{}
	err := fs.WalkDir(site, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if strings.HasPrefix(p, JekyllPosts+"/") && !slices.Contains(posts, strings.TrimPrefix(p, JekyllPosts+"/")) {
			return nil
		}
		data, err := fs.ReadFile(site, p)
		out[p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestAlFolioDrafts: _drafts/ is read with --drafts.
func TestAlFolioDrafts(t *testing.T) {
	_, mem := buildAlFolio(t, Options{FS: alfolioSubset(t, "2015-10-20-math.md"), Drafts: true})
	if _, ok := mem.Get("blog/2025/a-draft/index.html"); !ok {
		t.Error("_drafts/a-draft.md not built with Drafts")
	}
}

// TestAlFolioBaseURL builds for a project site: Liquid writes root-relative
// URLs and the output emitter adds the prefix exactly once. (So
// {{ site.baseurl }} printed as text, outside a URL, is empty.)
func TestAlFolioBaseURL(t *testing.T) {
	base := "/lab"
	fsys := alfolioSubset(t, "2025-04-01-every-liquid-tag.md", "2023-03-21-tables.md", "2018-12-22-distill.md", "2015-10-20-math.md")
	_, mem := buildAlFolio(t, Options{FS: fsys, BaseURL: &base})
	page, _ := mem.Get("blog/2025/every-liquid-tag/index.html")
	for _, want := range []string{
		`The base URL is &ldquo;&rdquo;`,
		`href="/lab/assets/img/test.svg"`,
		`href="https://example.github.io/lab/assets/img/test.svg"`,
		`href="/lab/blog/2021/distill/"`,
		`href="/lab/blog/2015/math/"`,
		`src="/lab/assets/img/test.svg"`,
		`src="/lab/assets/video/clip.mp4"`,
	} {
		if !bytes.Contains(page, []byte(want)) {
			t.Errorf("page lacks %s", want)
		}
	}
	if bytes.Contains(page, []byte("/lab/lab/")) {
		t.Error("baseurl added twice")
	}
	tables, _ := mem.Get("blog/2023/tables/index.html")
	if !bytes.Contains(tables, []byte(`data-url="/lab/assets/json/table_data.json"`)) {
		t.Error("relative_url in a data- attribute lacks the baseurl")
	}
}

// TestAlFolioFeatures checks what each Liquid tag and kramdown extension
// became, page by page.
func TestAlFolioFeatures(t *testing.T) {
	_, mem := alfolio(t)
	tests := []struct {
		name, page string
		want, not  []string
	}{
		{"figure.liquid with every parameter", "blog/2025/every-liquid-tag/",
			[]string{`<figure><picture><img src="/assets/img/test.svg" class="img-fluid rounded z-depth-1" width="320" height="200" sizes="(min-width: 800px) 50vw, 95vw" style="min-width: 100px; min-height: 50px; max-width: 600px; max-height: 400px" alt="A test image" title="Test" data-zoomable loading="lazy"></picture><figcaption class="caption">A caption with <em>HTML</em>.</figcaption></figure>`}, nil},
		{"figure.html, leading slash", "blog/2025/every-liquid-tag/", []string{`<img src="/assets/img/test.svg" class="img-fluid">`}, nil},
		{"include parameter from a variable", "blog/2025/every-liquid-tag/", []string{`<img src="/assets/img/test.svg" alt="single quoted">`}, nil},
		{"video file", "blog/2025/every-liquid-tag/", []string{`<video src="/assets/video/clip.mp4" class="img-fluid rounded z-depth-1" autoplay controls loop muted playsinline></video><figcaption class="caption">A local video.</figcaption>`}, nil},
		{"video embed", "blog/2025/every-liquid-tag/", []string{`<iframe src="https://www.youtube.com/embed/jNQXAC9IVRw" class="img-fluid rounded z-depth-1"`, `allowfullscreen width="100%"`}, nil},
		{"audio", "blog/2025/every-liquid-tag/", []string{`<audio src="/assets/audio/tone.mp3" controls></audio><figcaption class="caption">A tone.</figcaption>`}, nil},
		{"site include", "blog/2025/every-liquid-tag/", []string{`<aside class="note">Note: from the site's own _includes on Sample Lab.</aside>`}, nil},
		{"highlight linenos", "blog/2025/every-liquid-tag/", []string{`<pre class="code chroma language-python linenos" data-lang="python"><code><span class="code-line"><span class="k">def</span>`}, nil},
		{"highlight", "blog/2025/every-liquid-tag/", []string{`<pre class="code chroma language-go" data-lang="go"><code><span class="kn">package</span>`}, nil},
		{"raw around a fence", "blog/2025/every-liquid-tag/", []string{`{% include figure.liquid path=&#34;x.jpg&#34; %}`, `{{ site.baseurl }}`}, nil},
		{"raw with extra spaces", "blog/2025/every-liquid-tag/", []string{`{{ &#39;/assets/img/x.jpg&#39; | relative_url }}`}, []string{"endraw"}},
		{"four-backtick fence", "blog/2025/every-liquid-tag/", []string{"```python"}, nil},
		{"URL filters and tags", "blog/2025/every-liquid-tag/", []string{`<a href="/assets/img/test.svg">an asset</a>`, `<a href="https://example.github.io/assets/img/test.svg">absolute</a>`,
			`<a href="/blog/2021/distill/">the distill post</a>`, `<a href="/blog/2015/math/">the math post</a>`, `<a href="/">the about page</a>`, "SAMPLE LAB", "every Liquid tag al-folio posts use"}, nil},
		{"details", "blog/2025/every-liquid-tag/", []string{`<details><summary>Click to see <strong>more</strong></summary>`, `<a href="https://example.org">link</a>`, `</details>`}, nil},
		{"for and capture", "blog/2025/every-liquid-tag/", []string{"<li>Ada</li>", "<li>Barbara</li>", "The test image exists."}, []string{"missing"}},
		{"tabs", "blog/2025/every-liquid-tag/", []string{`<div class="tabs" id="tabs-demo-1">`, `<label class="tab-label" for="tabs-demo-1-2">text</label>`, `<div class="tab-panel" data-label="text">`, "<p>Plain <em>markdown</em> text.</p>"}, nil},
		{"unknown tag and include", "blog/2025/every-liquid-tag/", []string{"The paragraph after them still renders."}, []string{"jupyter_notebook", "unknown_widget"}},
		{"block IAL on a blockquote", "blog/2025/every-liquid-tag/", []string{`<blockquote class="block-tip">`}, []string{"{:"}},
		{"span IALs", "blog/2025/every-liquid-tag/", []string{`<a href="https://example.org" target="_blank">`, `<em class="highlight">a styled span</em>`}, nil},
		{"nomarkdown", "blog/2025/every-liquid-tag/", []string{`<p class="raw">Not *markdown*.</p>`}, []string{"nomarkdown"}},
		{"GFM heading ids", "blog/2025/every-liquid-tag/", []string{`<h2 id="a-heading-with-punctuation" data-toc-text="Punctuation">`, `<h2 id="a-heading-with-punctuation-1">`}, nil},
		{"al-folio custom blockquotes", "blog/2023/custom-blockquotes/", []string{`<blockquote class="block-tip">`, `<blockquote class="block-warning">`, `<blockquote class="block-danger">`}, nil},
		{"al-folio link target", "blog/2021/diagrams/", []string{`<a href="https://mermaid-js.github.io/mermaid/" target="_blank">mermaid</a>`}, []string{"{:target"}},
		{"al-folio figure", "blog/2015/images/", []string{`<img src="/assets/img/9.jpg" class="img-fluid rounded z-depth-1" loading="eager">`}, nil},
		{"al-folio highlight in raw is text", "blog/2015/code/", []string{`{% highlight c++ linenos %} <br/> code code code <br/> {% endhighlight %}`, `language-c++ linenos`}, nil},
		{"al-folio details with math", "blog/2021/distill/", []string{"<details><summary>Click here to know more</summary>"}, []string{"{% details"}},
		{"al-folio post_url", "blog/2023/post-bibliography/", []string{`<a href="/blog/2021/distill/">distill style post</a>`}, nil},
		{"jekyll-scholar cite", "blog/2023/post-bibliography/", []string{"[?]"}, []string{"{% cite", "{% quote"}},
		{"al-folio nomarkdown after Liquid", "blog/2023/jupyter-notebook/", []string{"<p>Sorry, the notebook you are looking for does not exist.</p>"}, []string{"{::nomarkdown}\n<p>"}},
		{"al-folio twitter", "blog/2020/twitter/", []string{`<a href="https://twitter.com/rubygems/status/518821243320287232">`}, []string{"{% twitter"}},
		{"al-folio tabs", "blog/2024/tabs/", []string{`<label class="tab-label" for="tabs-log-1-3">ruby</label>`}, []string{"{% tab log"}},
		{"Liquid undefined variable renders empty, as in Jekyll", "blog/2024/code-diff/", []string{"&lt;p&gt;&lt;/p&gt;"}, []string{"{{myName}}"}},
		{"front matter oddities", "blog/2025/frontmatter-oddities/", []string{"front matter the way people write it", "a description given as a list of two lines", "[?]", "#oddities"}, nil},
		{"hundreds of citations", "blog/2025/hundreds-of-citations/", []string{"[?]"}, []string{"{% cite"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page, ok := mem.Get(outPath(tt.page))
			if !ok {
				t.Fatalf("no page %s", tt.page)
			}
			for _, w := range tt.want {
				if !bytes.Contains(page, []byte(w)) {
					t.Errorf("%s lacks %s", tt.page, w)
				}
			}
			body := articleOf(page)
			for _, n := range tt.not {
				if bytes.Contains(body, []byte(n)) {
					t.Errorf("%s has %s", tt.page, n)
				}
			}
		})
	}
}

// TestAlFolioDiagnostics checks the warnings al-folio posts get, and that
// they name the file line even after Liquid changed the line count.
func TestAlFolioDiagnostics(t *testing.T) {
	res, _ := alfolio(t)
	type want struct {
		file string
		line int
		kind string
		msg  string
	}
	liq := "_posts/2025-04-01-every-liquid-tag.md"
	odd := "_posts/2025-04-20-frontmatter-oddities.md"
	for _, w := range []want{
		{liq, 118, "liquid", "unknown Liquid tag {% jupyter_notebook %}"},
		{liq, 120, "include", `unknown include "unknown_widget.html"`},
		{"_posts/2020-09-28-twitter.md", 15, "liquid", "{% twitter %}"},
		{"_posts/2020-09-28-twitter.md", 20, "liquid", "{% twitter %}"},
		{"_posts/2024-01-27-code-diff.md", 337, "liquid", "{{myName}} names no variable"},
		{"_posts/2024-01-27-code-diff.md", 460, "liquid", "{{myName}} names no variable"},
		{odd, 9, "yaml", "duplicate"},
		{odd, 12, "yaml", "not indented"},
		{odd, 15, "yaml", "tab"},
		{odd, 16, "cite", `bibliography "no-such-file.bib" not found`},
		{odd, 24, "cite", `"missing2025"`},
		{odd, 25, "cite", `"alsomissing"`},
		{manyCitesPost, strings.Count(manyCites(manyCitesN), "\n"), "cite", `"nosuchkey2025"`},
	} {
		var at []int
		for _, d := range res.Diags {
			if d.File == w.file && d.Kind == w.kind && strings.Contains(d.Msg, w.msg) {
				at = append(at, d.Line)
			}
		}
		if !slices.Contains(at, w.line) {
			t.Errorf("%s:%d: no %s warning %q (found at lines %v)", w.file, w.line, w.kind, w.msg, at)
		}
	}
	t.Log("warnings by post and kind:\n" + warningTable(res))
}

// warningTable counts the warnings of each source by kind.
func warningTable(res *Result) string {
	counts := map[string]map[string]int{}
	for _, d := range res.Diags {
		if counts[d.File] == nil {
			counts[d.File] = map[string]int{}
		}
		counts[d.File][d.Kind]++
	}
	files := make([]string, 0, len(counts))
	for f := range counts {
		files = append(files, f)
	}
	sort.Strings(files)
	var b strings.Builder
	for _, f := range files {
		kinds := make([]string, 0, len(counts[f]))
		for k, n := range counts[f] {
			kinds = append(kinds, fmt.Sprintf("%s=%d", k, n))
		}
		sort.Strings(kinds)
		fmt.Fprintf(&b, "  %s: %s\n", f, strings.Join(kinds, " "))
	}
	return b.String()
}

func TestIsJekyll(t *testing.T) {
	tests := []struct {
		name string
		fs   fstest.MapFS
		want bool
	}{
		{"al-folio", fstest.MapFS{"_config.yml": {}, "_posts/x.md": {}}, true},
		{"config without posts", fstest.MapFS{"_config.yml": {}}, false},
		{"distill site", fstest.MapFS{"distill.yaml": {}, "content/posts/x.md": {}}, false},
		{"posts without config", fstest.MapFS{"_posts/x.md": {}}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := IsJekyll(tt.fs); got != tt.want {
				t.Errorf("IsJekyll = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestJekyllLiquidOnly: a Liquid error costs the tags of its line, not
// the page; markdown messages after it keep their file lines.
func TestJekyllLiquidErrors(t *testing.T) {
	fsys := fstest.MapFS{
		"_config.yml": {Data: []byte("title: T\n")},
		"_posts/2024-01-02-x.md": {Data: []byte("---\ntitle: X\nbibliography: b.bib\n---\n" +
			"{% if true %}\n{% endfor %}\n" + // line 5-6: a stray end tag
			"{% for i in (1..3) %}\n{{ i }}\n{% endfor %}\n" + // lines 7-9: three lines become many
			"after <d-cite key=\"nokey\"></d-cite>\n")}, // line 10
		"assets/bibliography/b.bib": {Data: []byte("@misc{a, title={A}, year=2000}\n")},
	}
	res, mem := buildAlFolio(t, Options{FS: fsys})
	var lines []string
	for _, d := range res.Diags {
		lines = append(lines, fmt.Sprintf("%d:%s", d.Line, d.Kind))
	}
	for _, w := range []string{"6:liquid", "10:cite"} {
		if !slices.Contains(lines, w) {
			t.Errorf("diagnostics %v lack %s", lines, w)
		}
	}
	page, _ := mem.Get("blog/2024/x/index.html")
	if !bytes.Contains(page, []byte("after")) || !bytes.Contains(page, []byte("<p>3</p>")) {
		t.Errorf("page body lost:\n%s", articleOf(page))
	}
}

func TestYieldToPages(t *testing.T) {
	about := &Page{URL: "/", Source: "_pages/about.md"}
	blog := &Page{URL: "/blog/", Source: "_pages/blog.md"}
	cv := &Page{URL: "/cv/", Source: "_pages/cv.md"}
	home := &Page{URL: "/", Kind: KindHome}
	list := &Page{URL: "/blog/", Kind: KindList}
	others, listed, ds := yieldToPages([]*Page{about, blog, cv}, []*Page{home, list})
	if !slices.Equal(others, []*Page{about, cv}) || !slices.Equal(listed, []*Page{list}) || len(ds) != 1 || ds[0].File != "_pages/blog.md" {
		t.Errorf("yieldToPages = %v, %v, %v", others, listed, ds)
	}
	others, listed, _ = yieldToPages([]*Page{cv}, []*Page{home, list})
	if len(others) != 1 || len(listed) != 2 {
		t.Error("the generated home page was dropped without a page at /")
	}
}

func TestJekyllMenu(t *testing.T) {
	page := func(title string, extra map[string]any) *Page {
		return &Page{Title: title, URL: "/" + title + "/", Meta: frontmatter.Meta{Extra: extra}}
	}
	cv := page("cv", map[string]any{"nav": true, "nav_order": uint64(3)})
	pubs := page("publications", map[string]any{"nav": true, "nav_order": 1})
	projects := page("projects", map[string]any{"nav": true})
	hidden := page("hidden", map[string]any{"nav": false, "nav_order": 0})
	plain := page("plain", nil)
	var got []string
	for _, p := range jekyllMenu([]*Page{projects, cv, hidden, plain, pubs}) {
		got = append(got, p.Title)
	}
	if want := "publications cv projects"; strings.Join(got, " ") != want {
		t.Errorf("menu = %q, want %q", strings.Join(got, " "), want)
	}
}

// rawSource holds the text inside the {% raw %} blocks of a source.
type rawSource []string

func (r rawSource) contains(s string) bool {
	for _, x := range r {
		if strings.Contains(x, s) {
			return true
		}
	}
	return false
}

var rawBlockRE = regexp.MustCompile(`(?s)\{%-?\s*raw\s*-?%\}(.*?)\{%-?\s*endraw\s*-?%\}`)

func rawRegions(t *testing.T) map[string]rawSource {
	t.Helper()
	out := map[string]rawSource{}
	err := fs.WalkDir(os.DirFS(alfolioDir), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !isMarkdown(p) {
			return err
		}
		src, err := fs.ReadFile(os.DirFS(alfolioDir), p)
		for _, m := range rawBlockRE.FindAllSubmatch(src, -1) {
			out[p] = append(out[p], strings.ReplaceAll(string(m[1]), "\r\n", "\n"))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

var (
	codeRE  = regexp.MustCompile(`(?s)<pre[ >].*?</pre>|<code[ >].*?</code>|<script[ >].*?</script>|<textarea[ >].*?</textarea>`)
	leakRE  = regexp.MustCompile(`\{%.*?%\}|\{\{.*?\}\}|\{%|\{\{`)
	tagsRE  = regexp.MustCompile(`<[^>]*>`)
	mainRE  = regexp.MustCompile(`(?s)<main[ >].*</main>`)
	artRE   = regexp.MustCompile(`(?s)<article[ >].*</article>|<d-article[ >].*</d-article>`)
	hrefRE  = regexp.MustCompile(`href="#([^"]+)"`)
	idRE    = regexp.MustCompile(`\bid="([^"]+)"`)
	linkRE  = regexp.MustCompile(`\bhref="(/[^"#]*)(?:#[^"]*)?"`)
	spaceRE = regexp.MustCompile(`\s+`)
)

// articleOf is the article of a page, or the page.
func articleOf(page []byte) []byte {
	if m := artRE.Find(page); m != nil {
		return m
	}
	if m := mainRE.Find(page); m != nil {
		return m
	}
	return page
}

// liquidLeaks returns the Liquid markup in the text of a page outside
// code, as the reader sees it.
func liquidLeaks(page []byte) []string {
	text := codeRE.ReplaceAll(page, nil)
	var out []string
	for _, m := range leakRE.FindAll(text, -1) {
		s := html.UnescapeString(string(tagsRE.ReplaceAll(m, nil)))
		out = append(out, spaceRE.ReplaceAllString(s, " "))
	}
	return out
}

// checkTOC checks that the page links every entry of its TOC to an id
// of the page.
func checkTOC(t *testing.T, p *Page, page []byte) {
	t.Helper()
	ids := map[string]bool{}
	for _, m := range idRE.FindAllSubmatch(page, -1) {
		ids[string(m[1])] = true
	}
	hrefs := map[string]bool{}
	for _, m := range hrefRE.FindAllSubmatch(page, -1) {
		hrefs[string(m[1])] = true
	}
	var walk func([]TOCItem)
	walk = func(items []TOCItem) {
		for _, it := range items {
			if !ids[it.ID] {
				t.Errorf("%s: TOC entry %q links to #%s, which is no id of the page", p.Source, it.Text, it.ID)
			}
			if !hrefs[it.ID] {
				t.Errorf("%s: TOC entry %q (#%s) is not linked from the page", p.Source, it.Text, it.ID)
			}
			walk(it.Children)
		}
	}
	walk(p.TOC)
}

// checkInternalLinks checks that links between pages of the site (not to
// assets, which al-folio's samples reference without shipping) resolve.
func checkInternalLinks(t *testing.T, mem *output.Mem) {
	t.Helper()
	n := 0
	for _, f := range mem.Files() {
		if !strings.HasSuffix(f, ".html") {
			continue
		}
		page, _ := mem.Get(f)
		for _, m := range linkRE.FindAllSubmatch(articleOf(page), -1) {
			u := string(m[1])
			if strings.HasPrefix(u, "/assets/") || strings.HasPrefix(u, "//") {
				continue
			}
			n++
			if _, ok := mem.Get(outPath(u)); !ok {
				t.Errorf("%s: link to %s: no such page", f, u)
			}
		}
	}
	if n < 30 {
		t.Errorf("only %d internal links checked", n)
	}
}
