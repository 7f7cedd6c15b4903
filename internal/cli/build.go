package cli

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"

	"github.com/distill-dev/distill/internal/diag"
	"github.com/distill-dev/distill/internal/output"
	"github.com/distill-dev/distill/internal/site"
)

// sourceDirs are folders of a site that an output directory must never be
// inside of, since replacing the output would delete them.
var sourceDirs = []string{"content", "assets", "themes", "_posts", "_drafts", "_pages", "_bibliography"}

func runBuild(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("build", commands()[0].args, commands()[0].summary, stderr)
	siteDir := fs.String("s", ".", "site root `SITE`")
	out := fs.String("o", "", "output directory `OUT` (default SITE/public)")
	baseURL := fs.String("baseurl", "", "URL `PATH` prefix for a project site, e.g. /repo (overrides the config)")
	siteURL := fs.String("url", "", "scheme and host `URL` of the site, e.g. https://me.github.io (overrides the config)")
	drafts := fs.Bool("drafts", false, "include drafts and unpublished posts")
	future := fs.Bool("future", false, "include posts dated in the future")
	noMinify := fs.Bool("no-minify", false, "do not minify the output")
	report := fs.String("report", "", "write a JSON report of every page to `FILE`")
	strict := fs.Bool("strict", false, "fail on a formula the build cannot render (by default KaTeX renders it in the browser)")
	if code, done := parse(fs, args); done {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "distill build: unexpected argument %q\n", fs.Arg(0))
		return exitUsage
	}
	if *out == "" {
		*out = filepath.Join(*siteDir, "public")
	}
	opt := site.Options{FS: os.DirFS(*siteDir), Drafts: *drafts, Future: *future, Minify: !*noMinify, Strict: *strict}
	fs.Visit(func(f *flag.Flag) {
		if f.Name == "url" {
			opt.URL = siteURL
		}
		if f.Name == "baseurl" {
			opt.BaseURL = baseURL
		}
	})
	return build(ctx, opt, *siteDir, *out, *report, stdout, stderr)
}

// gcPercent trades memory for speed in one-shot builds: the heap of a
// build is mostly short-lived page bytes, and collecting four times less
// often saves CPU. memLimit bounds what that costs on big sites: near it
// the collector works harder again. GOGC and GOMEMLIMIT in the
// environment win.
const (
	gcPercent = 400
	memLimit  = 1536 << 20
)

func build(ctx context.Context, opt site.Options, siteDir, out, report string, stdout, stderr io.Writer) int {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memLimit)
	}
	if st, err := os.Stat(siteDir); err != nil || !st.IsDir() {
		fmt.Fprintf(stderr, "distill build: site %s is not a directory\n", siteDir)
		return exitError
	}
	if err := output.CheckOut(siteDir, out, sourceDirs); err != nil {
		fmt.Fprintf(stderr, "distill build: %v\n", err)
		return exitError
	}
	dir, err := output.NewDir(out)
	if err != nil {
		fmt.Fprintf(stderr, "distill build: %v\n", err)
		return exitError
	}
	res, err := site.NewBuilder().Build(ctx, opt, dir)
	printDiags(stderr, res.Diags)
	if report != "" {
		if rerr := writeReport(report, res); rerr != nil {
			fmt.Fprintf(stderr, "distill build: report: %v\n", rerr)
		}
	}
	if err != nil || res.Diags.HasErrors() {
		_ = dir.Abort()
		if err != nil {
			fmt.Fprintf(stderr, "distill build: %v\n", err)
		}
		fmt.Fprintf(stderr, "build failed: %d errors, %d warnings; %s left as it was\n",
			res.Diags.Count(diag.Error), res.Diags.Count(diag.Warning), out)
		return exitError
	}
	if err := dir.Commit(); err != nil {
		fmt.Fprintf(stderr, "distill build: %v\n", err)
		return exitError
	}
	fmt.Fprintf(stdout, "built %d pages (%d posts, %d files, %.1f MB) in %s, %d warnings → %s\n",
		len(res.Pages), len(res.Posts), res.Files, float64(res.Bytes)/1e6, res.Took.Round(1e6), res.Diags.Count(diag.Warning), out)
	return exitOK
}

func printDiags(w io.Writer, ds diag.List) {
	for _, d := range ds {
		fmt.Fprintln(w, d.String())
	}
}

// reportPage is one page of the JSON report.
type reportPage struct {
	Source   string    `json:"source,omitempty"`
	URL      string    `json:"url"`
	Output   string    `json:"output"`
	Kind     string    `json:"kind"`
	Warnings diag.List `json:"warnings"`
	Errors   diag.List `json:"errors"`
	Stats    any       `json:"stats,omitempty"`
	Libs     []string  `json:"libs,omitempty"`
}

type reportTotals struct {
	Pages, Posts, Files int
	Bytes               int64
	Warnings, Errors    int
	Math, MathFallback  int
	Citations           int
	Footnotes           int
	Figures             map[string]int
	Millis              int64
}

func writeReport(file string, res *site.Result) error {
	r := struct {
		Pages  []reportPage `json:"pages"`
		Site   diag.List    `json:"site_diagnostics"`
		Totals reportTotals `json:"totals"`
	}{Pages: []reportPage{}, Site: diag.List{}}
	bySource := map[string]bool{}
	byFile := map[string]diag.List{}
	for _, d := range res.Diags {
		byFile[d.File] = append(byFile[d.File], d)
	}
	for _, p := range res.Pages {
		rp := reportPage{Source: p.Source, URL: p.URL, Output: p.OutPath, Kind: p.Kind, Warnings: diag.List{}, Errors: diag.List{}, Libs: p.Libs}
		if p.Source != "" {
			bySource[p.Source] = true
			rp.Stats = p.Stats
		}
		for _, d := range byFile[p.Source] {
			if p.Source != "" {
				if d.Severity == diag.Error {
					rp.Errors = append(rp.Errors, d)
				} else {
					rp.Warnings = append(rp.Warnings, d)
				}
			}
		}
		r.Pages = append(r.Pages, rp)
		r.Totals.Math += p.Stats.Math
		r.Totals.MathFallback += p.Stats.MathFallback
		r.Totals.Citations += p.Stats.Citations
		r.Totals.Footnotes += p.Stats.Footnotes
		for k, v := range p.Stats.Figures {
			if r.Totals.Figures == nil {
				r.Totals.Figures = map[string]int{}
			}
			r.Totals.Figures[k] += v
		}
	}
	for _, d := range res.Diags {
		if !bySource[d.File] {
			r.Site = append(r.Site, d)
		}
	}
	r.Totals.Pages, r.Totals.Posts, r.Totals.Files, r.Totals.Bytes = len(res.Pages), len(res.Posts), res.Files, res.Bytes
	r.Totals.Warnings, r.Totals.Errors = res.Diags.Count(diag.Warning), res.Diags.Count(diag.Error)
	r.Totals.Millis = res.Took.Milliseconds()
	b, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(file, append(b, '\n'), 0o644)
}
