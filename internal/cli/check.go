package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/distill-dev/distill/internal/check"
)

const (
	checkArgs    = "[--baseurl PATH] [--url URL] [DIR]"
	checkSummary = "check every internal link of a built site"
)

// runCheck checks the links of a built site (default ./public): exit 1 and
// one "file: message" line per broken link.
func runCheck(_ context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("check", checkArgs, checkSummary, stderr)
	baseURL := fs.String("baseurl", "", "URL `PATH` prefix the site was built with (default: read from DIR/index.html)")
	siteURL := fs.String("url", "", "absolute `URL` of the site root, baseurl included (default: read from DIR/index.html)")
	if code, done := parse(fs, args); done {
		return code
	}
	dir, ok := optionalArg(fs, "public", stderr)
	if !ok {
		return exitUsage
	}
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		fmt.Fprintf(stderr, "distill check: %s is not a directory (build the site first: distill build)\n", dir)
		return exitError
	}
	site := os.DirFS(dir)
	opt := check.Detect(site)
	fs.Visit(func(f *flag.Flag) {
		switch f.Name {
		case "baseurl":
			opt.BaseURL = *baseURL
		case "url":
			opt.SiteURL = *siteURL
		}
	})
	rep, err := check.Site(site, opt)
	if err != nil {
		fmt.Fprintf(stderr, "distill check: %v\n", err)
		return exitError
	}
	for _, p := range rep.Problems {
		fmt.Fprintf(stderr, "%s: %s\n", filepath.Join(dir, filepath.FromSlash(p.File)), p.Msg)
	}
	if len(rep.Problems) > 0 {
		fmt.Fprintf(stderr, "check failed: %d broken links (%d links in %d files)\n", len(rep.Problems), rep.Links, rep.Files)
		return exitError
	}
	fmt.Fprintf(stdout, "checked %d links in %d files: all resolve\n", rep.Links, rep.Files)
	return exitOK
}
