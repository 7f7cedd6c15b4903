package site

import (
	"context"
	"encoding/json"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/distill-dev/distill/internal/output"
)

const testBib = `@article{hochreiter1997flat,
  title   = {Flat Minima},
  author  = {Hochreiter, Sepp and Schmidhuber, J{\"u}rgen},
  journal = {Neural Computation},
  year    = {1997}
}
@inproceedings{kingma2015adam,
  title = {Adam: A Method for Stochastic Optimization},
  author = {Kingma, Diederik P. and Ba, Jimmy},
  booktitle = {ICLR},
  year = {2015},
  eprint = {1412.6980}
}
`

// citingPost is a distill post with the given bibliography line that
// cites both entries of testBib, once each, and has one footnote.
func citingPost(bibLine string) string {
	return `---
layout: distill
title: On Flat Minima
description: Why width matters.
date: 2024-05-06
tags: [optimization]
` + bibLine + `
authors:
  - name: Ada Lovelace
    url: https://example.org/ada
    affiliations:
      name: Analytical Engines
  - name: Charles Babbage
---

Flat minima <d-cite key="hochreiter1997flat"></d-cite> and Adam
<d-cite key="kingma2015adam, hochreiter1997flat"/>.[^a]

[^a]: A footnote citing <d-cite key="kingma2015adam"></d-cite>.
`
}

func buildFS(t *testing.T, b *Builder, fsys fstest.MapFS) (*Result, *output.Mem) {
	t.Helper()
	mem := output.NewMem()
	res, err := b.Build(context.Background(), Options{FS: fsys, Now: fixedNow}, mem)
	if err != nil {
		t.Fatal(err)
	}
	return res, mem
}

func page(t *testing.T, mem *output.Mem, file string) string {
	t.Helper()
	b, ok := mem.Get(file)
	if !ok {
		t.Fatalf("no %s in %v", file, mem.Files())
	}
	return string(b)
}

const postOut = "blog/2024/flat/index.html"

// TestBibliographyFile: where a post's bibliography is found, and what a
// missing one does.
func TestBibliographyFile(t *testing.T) {
	for _, tc := range []struct {
		name    string
		files   fstest.MapFS
		bibLine string
		refs    int    // works in the reference list
		warn    string // a warning that must be reported
		dep     string // the file in Page.Deps
	}{
		{"assets/bibliography", fstest.MapFS{"assets/bibliography/flat.bib": {Data: []byte(testBib)}},
			"bibliography: flat.bib", 2, "", "assets/bibliography/flat.bib"},
		{"beside the post", fstest.MapFS{"content/posts/refs.bib": {Data: []byte(testBib)}},
			"bibliography: refs.bib", 2, "", "content/posts/refs.bib"},
		{"same name beside the post, no key", fstest.MapFS{"content/posts/2024-05-06-flat.bib": {Data: []byte(testBib)}},
			"", 2, "", "content/posts/2024-05-06-flat.bib"},
		{"assets first", fstest.MapFS{
			"assets/bibliography/refs.bib": {Data: []byte(testBib)},
			"content/posts/refs.bib":       {Data: []byte("@misc{other, title={Other}}")}},
			"bibliography: refs.bib", 2, "", "assets/bibliography/refs.bib"},
		{"missing", fstest.MapFS{},
			"bibliography: nowhere.bib", 0,
			`content/posts/2024-05-06-flat.md:7: warning: bibliography "nowhere.bib" not found`, "assets/bibliography/nowhere.bib"},
		{"no bibliography at all", fstest.MapFS{}, "", 0,
			`unknown citation key "hochreiter1997flat" (the post names no bibliography`, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.files["content/posts/2024-05-06-flat.md"] = &fstest.MapFile{Data: []byte(citingPost(tc.bibLine))}
			res, mem := buildFS(t, NewBuilder(), tc.files)
			html := page(t, mem, postOut)
			if got := strings.Count(html, `<li id="bib-`); got != tc.refs {
				t.Errorf("reference list has %d works, want %d", got, tc.refs)
			}
			if tc.refs == 0 && !strings.Contains(html, "[?]") {
				t.Errorf("unresolved citations do not show as [?]")
			}
			if tc.warn != "" && !strings.Contains(diagText(res), tc.warn) {
				t.Errorf("diagnostics lack %q:\n%s", tc.warn, diagText(res))
			}
			if tc.warn == "" && len(res.Diags) > 0 {
				t.Errorf("unexpected diagnostics:\n%s", diagText(res))
			}
			p := res.Posts[0]
			if got := strings.Join(p.Deps, " "); got != tc.dep {
				t.Errorf("Deps = %q, want %q", got, tc.dep)
			}
		})
	}
}

// TestBibliographyRebuild: editing the .bib re-renders the citing post
// even though the post itself did not change; an unchanged .bib is not
// parsed again.
func TestBibliographyRebuild(t *testing.T) {
	fsys := fstest.MapFS{
		"content/posts/2024-05-06-flat.md": {Data: []byte(citingPost("bibliography: flat.bib"))},
		"assets/bibliography/flat.bib":     {Data: []byte(testBib)},
	}
	b := NewBuilder()
	_, mem := buildFS(t, b, fsys)
	if !strings.Contains(page(t, mem, postOut), `<span class="title">Flat Minima`) {
		t.Fatal("first build lacks the reference")
	}
	first := b.bibs.m["assets/bibliography/flat.bib"]
	_, _ = buildFS(t, b, fsys)
	if b.bibs.m["assets/bibliography/flat.bib"] != first {
		t.Error("an unchanged .bib was parsed again")
	}
	fsys["assets/bibliography/flat.bib"] = &fstest.MapFile{Data: []byte(strings.Replace(testBib, "Flat Minima", "Wide Valleys", 1))}
	_, mem = buildFS(t, b, fsys)
	if html := page(t, mem, postOut); !strings.Contains(html, `<span class="title">Wide Valleys`) || strings.Contains(html, `<span class="title">Flat Minima`) {
		t.Error("the post was not rebuilt after its .bib changed")
	}
}

// TestArticleMetadata checks the appendix and the head of a citing post:
// footnotes with back links, references, the Citation block, Google
// Scholar tags and JSON-LD, and that every in-page link has its target.
func TestArticleMetadata(t *testing.T) {
	fsys := fstest.MapFS{
		"distill.yaml":                     {Data: []byte("title: Notes\nurl: https://blog.example\n")},
		"content/posts/2024-05-06-flat.md": {Data: []byte(citingPost("bibliography: flat.bib\ndoi: 10.1234/flat.5"))},
		"assets/bibliography/flat.bib":     {Data: []byte(testBib)},
	}
	res, mem := buildFS(t, NewBuilder(), fsys)
	if len(res.Diags) > 0 {
		t.Fatalf("diagnostics:\n%s", diagText(res))
	}
	html := page(t, mem, postOut)
	for _, want := range []string{
		`<meta name="citation_title" content="On Flat Minima">`,
		`<meta name="citation_author" content="Lovelace, Ada">`,
		`<meta name="citation_author" content="Babbage, Charles">`,
		`<meta name="citation_publication_date" content="2024/05/06">`,
		`<meta name="citation_journal_title" content="Notes">`,
		`<meta name="citation_fulltext_html_url" content="https://blog.example/blog/2024/flat/">`,
		`<meta name="citation_doi" content="10.1234/flat.5">`,
		`<meta name="citation_reference" content="citation_title=Flat Minima;citation_author=Hochreiter, Sepp;citation_author=Schmidhuber, Jürgen;citation_publication_date=1997;citation_journal_title=Neural Computation">`,
		`<meta name="twitter:title" content="On Flat Minima">`,
		`<meta property="article:author" content="Ada Lovelace">`,
		`Lovelace &amp; Babbage, “On Flat Minima”, Notes, 2024.`,
		`@article{lovelace2024on,`,
		`author = {Lovelace, Ada and Babbage, Charles},`,
		`url = {https://blog.example/blog/2024/flat/}`,
		`<li id="fn-1">A footnote citing`,
		`<a class="footnote-backref" href="#fnref-1"`,
		`<li id="bib-1"><span class="title">Flat Minima</span>`,
		`<li id="bib-2"><span class="title">Adam: A Method for Stochastic Optimization</span>`,
		`href="#bib-2">[2, 1]</a>`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("page lacks %s", want)
		}
	}
	m := regexp.MustCompile(`<script type="application/ld\+json">(.*?)</script>`).FindStringSubmatch(html)
	if m == nil {
		t.Fatal("no JSON-LD")
	}
	var ld struct {
		Type     string `json:"@type"`
		Headline string
		Author   []struct{ Name string }
		Citation []struct{ Name, URL string }
		DatePub  string `json:"datePublished"`
	}
	if err := json.Unmarshal([]byte(m[1]), &ld); err != nil {
		t.Fatalf("JSON-LD: %v\n%s", err, m[1])
	}
	if ld.Type != "ScholarlyArticle" || ld.Headline != "On Flat Minima" || len(ld.Author) != 2 || len(ld.Citation) != 2 || ld.DatePub != "2024-05-06" {
		t.Errorf("JSON-LD = %+v", ld)
	}
	if ld.Citation[1].URL != "https://arxiv.org/abs/1412.6980" {
		t.Errorf("cited work URL = %q", ld.Citation[1].URL)
	}
	ids := map[string]bool{}
	for _, m := range regexp.MustCompile(`id="([^"]+)"`).FindAllStringSubmatch(html, -1) {
		if ids[m[1]] {
			t.Errorf("id %q twice", m[1])
		}
		ids[m[1]] = true
	}
	for _, m := range regexp.MustCompile(`href="#([^"]*)"`).FindAllStringSubmatch(html, -1) {
		if !ids[m[1]] {
			t.Errorf("link to #%s has no target", m[1])
		}
	}
}

// TestPlainPostNotes: a post with the plain layout lists its footnotes
// and references after the body.
func TestPlainPostNotes(t *testing.T) {
	post := strings.Replace(citingPost("bibliography: flat.bib"), "layout: distill", "layout: post", 1)
	_, mem := buildFS(t, NewBuilder(), fstest.MapFS{
		"content/posts/2024-05-06-flat.md": {Data: []byte(post)},
		"assets/bibliography/flat.bib":     {Data: []byte(testBib)},
	})
	html := page(t, mem, postOut)
	for _, want := range []string{`<footer class="post-notes">`, `<li id="fn-1">`, `<li id="bib-2">`} {
		if !strings.Contains(html, want) {
			t.Errorf("page lacks %s", want)
		}
	}
	if !strings.Contains(html, `<meta name="citation_title"`) {
		t.Error("a plain post lacks its Scholar tags")
	}
}

func diagText(res *Result) string {
	var b strings.Builder
	for _, d := range res.Diags {
		b.WriteString(d.String() + "\n")
	}
	return b.String()
}

// TestArticleExtras: giscus comments when the post asks and the site
// configures them, the updates and corrections links, `_styles`, and no
// distill template script.
func TestArticleExtras(t *testing.T) {
	post := strings.Replace(citingPost("bibliography: flat.bib"), "layout: distill", `layout: distill
giscus_comments: true
updates_url: https://github.com/ex/blog/commits/main
githubUrl: https://github.com/ex/blog
_styles: >
  .fake-img { background: #bbb; }`, 1)
	fsys := fstest.MapFS{
		"distill.yaml":                      {Data: []byte("giscus:\n  repo: ex/blog\n  repo_id: R_1\n  category: Comments\n  category_id: DIC_1\n")},
		"content/posts/2024-05-06-flat.md":  {Data: []byte(post)},
		"content/posts/2024-05-07-quiet.md": {Data: []byte(strings.Replace(citingPost("bibliography: flat.bib"), "title: On Flat Minima", "title: Quiet", 1))},
		"assets/bibliography/flat.bib":      {Data: []byte(testBib)},
	}
	res, mem := buildFS(t, NewBuilder(), fsys)
	if len(res.Diags) > 0 {
		t.Fatalf("diagnostics:\n%s", diagText(res))
	}
	html := page(t, mem, postOut)
	for _, want := range []string{
		`<script src="https://giscus.app/client.js"`,
		`data-repo="ex/blog"`,
		`data-category-id="DIC_1"`,
		`<a href="https://github.com/ex/blog/commits/main">View all changes</a>`,
		`<a href="https://github.com/ex/blog/issues/new">create an issue</a>`,
		`.fake-img { background: #bbb; }`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("page lacks %s", want)
		}
	}
	quiet := page(t, mem, "blog/2024/quiet/index.html")
	if strings.Contains(quiet, "giscus") {
		t.Error("a post without giscus_comments embeds giscus")
	}
	for _, f := range mem.Files() {
		if b, _ := mem.Get(f); strings.Contains(string(b), "template.v2") {
			t.Errorf("%s loads distill's template.v2.js", f)
		}
	}
}
