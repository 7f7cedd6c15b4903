package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"github.com/distill-dev/distill/internal/site"
)

const (
	initArgs    = "[--title TITLE] [--author NAME] [DIR]"
	initSummary = "start a new site, with a GitHub Pages workflow"
)

// Pinned versions of what the scaffolded workflow uses: the Go release
// line that builds distill and the major versions of GitHub's actions.
const (
	workflowGo                = "1.26"
	actionCheckout            = "actions/checkout@v6"
	actionSetupGo             = "actions/setup-go@v6"
	actionConfigurePages      = "actions/configure-pages@v6"
	actionUploadPagesArtifact = "actions/upload-pages-artifact@v5"
	actionDeployPages         = "actions/deploy-pages@v5"
)

// WorkflowFile is where init writes the GitHub Pages workflow.
const WorkflowFile = ".github/workflows/pages.yml"

func runInit(_ context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("init", initArgs, initSummary, stderr)
	title := fs.String("title", "My distill blog", "site `TITLE`")
	author := fs.String("author", "", "author `NAME` (default: your user name)")
	if code, done := parse(fs, args); done {
		return code
	}
	dir, ok := optionalArg(fs, ".", stderr)
	if !ok {
		return exitUsage
	}
	if *author == "" {
		*author = userName()
	}
	files := scaffold(*title, *author, time.Now(), pinnedVersion())
	if err := writeScaffold(dir, files); err != nil {
		fmt.Fprintf(stderr, "distill init: %v\n", err)
		return exitError
	}
	for _, f := range files {
		fmt.Fprintln(stdout, "wrote", filepath.Join(dir, filepath.FromSlash(f.path)))
	}
	fmt.Fprintf(stdout, `
Next:
  distill serve -s %[1]s     preview at http://127.0.0.1:4000/
  push %[1]s to a GitHub repository, then in Settings → Pages set
  "Source" to "GitHub Actions": every push to main deploys the site.
`, dir)
	return exitOK
}

// scaffoldFile is one file of a new site.
type scaffoldFile struct {
	path string // slash-separated, relative to the site root
	body string
}

// scaffold returns the files of a new site; pin is the distill version the
// workflow installs.
func scaffold(title, author string, now time.Time, pin string) []scaffoldFile {
	day := now.Format("2006-01-02")
	r := strings.NewReplacer("@TITLE@", yamlString(title), "@AUTHOR@", yamlString(author), "@DATE@", day)
	return []scaffoldFile{
		{"distill.yaml", r.Replace(configTemplate)},
		{site.PostsDir + "/" + day + "-hello-distill.md", r.Replace(postTemplate)},
		{site.ContentDir + "/about.md", r.Replace(aboutTemplate)},
		{".gitignore", "public/\n"},
		{WorkflowFile, Workflow(pin)},
	}
}

// writeScaffold writes files under dir, refusing to replace any file.
func writeScaffold(dir string, files []scaffoldFile) error {
	var exist []string
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f.path))
		if _, err := os.Lstat(p); err == nil {
			exist = append(exist, p)
		} else if !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	if len(exist) > 0 {
		return fmt.Errorf("%s already exists; init writes only new files (choose an empty DIR)", strings.Join(exist, ", "))
	}
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f.path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, []byte(f.body), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// Workflow is the GitHub Actions workflow that builds a site with distill
// pin, checks its links and publishes it on GitHub Pages. The baseurl and
// the site URL come from actions/configure-pages, so the same file works
// for a user site (me.github.io), a project site (me.github.io/repo) and a
// custom domain.
func Workflow(pin string) string {
	return strings.NewReplacer(
		"@PIN@", pin,
		"@GO@", workflowGo,
		"@CHECKOUT@", actionCheckout,
		"@SETUPGO@", actionSetupGo,
		"@CONFIGURE@", actionConfigurePages,
		"@UPLOAD@", actionUploadPagesArtifact,
		"@DEPLOY@", actionDeployPages,
	).Replace(workflowTemplate)
}

var releaseVersion = regexp.MustCompile(`^v\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$`)

// pinnedVersion is the distill version a new site's workflow installs:
// this binary's release (or pseudo-version), else the commit it was built
// from, else latest.
func pinnedVersion() string {
	if v := version(); releaseVersion.MatchString(v) {
		return v
	}
	if bi, ok := debug.ReadBuildInfo(); ok {
		var rev string
		modified := false
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.modified":
				modified = s.Value == "true"
			}
		}
		if rev != "" && !modified {
			return rev
		}
	}
	return "latest"
}

func userName() string {
	for _, k := range []string{"GIT_AUTHOR_NAME", "USER", "USERNAME"} {
		if v := strings.TrimSpace(os.Getenv(k)); v != "" {
			return v
		}
	}
	return "Your Name"
}

// yamlString quotes s for a YAML value when it needs it.
func yamlString(s string) string {
	if s == "" || strings.ContainsAny(s, ":#'\"{}[],&*!|>%@`\\\n") || strings.TrimSpace(s) != s {
		return strconv.Quote(s)
	}
	return s
}

const configTemplate = `# distill.yaml: the configuration of this site. Every key is optional.
title: @TITLE@
description: Technical writing, rendered at build time.
author: @AUTHOR@

# Where the site is served. The GitHub Pages workflow passes both to
# distill build (--url, --baseurl), so they only matter for local builds.
url: https://example.github.io
baseurl: ""

permalink: /blog/:year/:slug/
paginate: 10
timezone: UTC

# Picture of social cards (og:image) for pages without a thumbnail.
# image: /assets/img/card.png
`

const postTemplate = `---
layout: distill
title: Hello, distill
description: The first post of this site, with math, code and a footnote.
date: @DATE@
tags: [meta]
authors:
  - name: @AUTHOR@
toc: true
---

Write the introduction here. Math is rendered when the site is built:
$e^{i\pi} + 1 = 0$, and on a line of its own

$$
\int_0^1 x^2 \, dx = \frac{1}{3}.
$$

## Code

` + "```go" + `
fmt.Println("hello, distill")
` + "```" + `

## Notes

Footnotes collect at the end of the article.[^first]

[^first]: Like this one.
`

const aboutTemplate = `---
layout: page
title: About
description: Who writes here.
---

This site is built with [distill](https://github.com/distill-dev/distill).
`

const workflowTemplate = `# Builds the site with distill and publishes it on GitHub Pages.
# Written by distill init. Once: in the repository's Settings → Pages,
# set "Source" to "GitHub Actions". Then every push to main deploys.
name: Deploy to GitHub Pages

on:
  push:
    branches: [main]
  workflow_dispatch:

permissions:
  contents: read
  pages: write
  id-token: write

# One deployment at a time; a newer push waits for the running one.
concurrency:
  group: pages
  cancel-in-progress: false

jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: @CHECKOUT@
      - uses: @SETUPGO@
        with:
          go-version: "@GO@"
          cache: false
      - name: Configure Pages
        id: pages
        uses: @CONFIGURE@
      - name: Install distill
        run: go install github.com/distill-dev/distill/cmd/distill@@PIN@
      - name: Build and check links
        # base_path is "" for a user site (me.github.io) or a custom domain
        # and "/repo" for a project site; origin is scheme and host.
        env:
          SITE_URL: ${{ steps.pages.outputs.origin }}
          BASE_PATH: ${{ steps.pages.outputs.base_path }}
        run: |
          distill build --url "$SITE_URL" --baseurl "$BASE_PATH" -o public
          distill check --url "$SITE_URL$BASE_PATH" --baseurl "$BASE_PATH" public
      - uses: @UPLOAD@
        with:
          path: public

  deploy:
    needs: build
    runs-on: ubuntu-latest
    environment:
      name: github-pages
      url: ${{ steps.deployment.outputs.page_url }}
    steps:
      - name: Deploy
        id: deployment
        uses: @DEPLOY@
`
