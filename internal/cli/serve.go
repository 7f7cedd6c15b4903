package cli

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/distill-dev/distill/internal/server"
	"github.com/distill-dev/distill/internal/site"
)

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("serve", commands()[1].args, commands()[1].summary, stderr)
	siteDir := fs.String("s", ".", "site root `SITE`")
	port := fs.Int("port", 4000, "TCP port (0 picks a free one)")
	bind := fs.String("bind", "127.0.0.1", "address to listen on")
	noDrafts := fs.Bool("no-drafts", false, "hide drafts and future posts")
	if code, done := parse(fs, args); done {
		return code
	}
	if st, err := os.Stat(*siteDir); err != nil || !st.IsDir() {
		fmt.Fprintf(stderr, "distill serve: site %s is not a directory\n", *siteDir)
		return exitError
	}
	opt := site.Options{FS: os.DirFS(*siteDir), Drafts: !*noDrafts, Future: !*noDrafts, Minify: false}
	srv := &server.Server{Root: *siteDir, Options: opt, Addr: fmt.Sprintf("%s:%d", *bind, *port), Log: stderr}
	if err := srv.Run(ctx, func(url string) { fmt.Fprintf(stdout, "serving %s at %s (Ctrl-C to stop)\n", *siteDir, url) }); err != nil {
		fmt.Fprintf(stderr, "distill serve: %v\n", err)
		return exitError
	}
	return exitOK
}
