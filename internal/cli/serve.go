package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"runtime"
	"strconv"

	"github.com/distill-dev/distill/internal/server"
	"github.com/distill-dev/distill/internal/site"
)

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("serve", commands()[1].args, commands()[1].summary, stderr)
	siteDir := fs.String("s", ".", "site root `SITE`")
	port := fs.Int("port", 4000, "TCP port (0 picks a free one)")
	bind := fs.String("bind", "127.0.0.1", "address to listen on (0.0.0.0: every interface)")
	baseURL := fs.String("baseurl", "", "serve under `PATH` instead of the config's baseurl")
	noDrafts := fs.Bool("no-drafts", false, "hide drafts and future posts")
	open := fs.Bool("open", false, "open the site in the default browser")
	if code, done := parse(fs, args); done {
		return code
	}
	if st, err := os.Stat(*siteDir); err != nil || !st.IsDir() {
		fmt.Fprintf(stderr, "distill serve: site %s is not a directory\n", *siteDir)
		return exitError
	}
	opt := site.Options{Drafts: !*noDrafts, Future: !*noDrafts, Minify: false}
	fs.Visit(func(f *flag.Flag) {
		if f.Name == "baseurl" {
			opt.BaseURL = baseURL
		}
	})
	srv := &server.Server{Root: *siteDir, Options: opt, Addr: net.JoinHostPort(*bind, strconv.Itoa(*port)), Log: stderr}
	err := srv.Run(ctx, func(url string) {
		fmt.Fprintf(stdout, "serving %s at %s (Ctrl-C to stop)\n", *siteDir, url)
		if *open {
			if err := openBrowser(url); err != nil {
				fmt.Fprintf(stderr, "distill serve: cannot open a browser (%v); open %s yourself\n", err, url)
			}
		}
	})
	if err != nil {
		fmt.Fprintf(stderr, "distill serve: %v\n", err)
		return exitError
	}
	fmt.Fprintln(stdout, "stopped")
	return exitOK
}

// openBrowser opens a URL; tests replace it.
var openBrowser = defaultOpenBrowser

// defaultOpenBrowser starts the system's URL opener without waiting for it.
func defaultOpenBrowser(url string) error {
	name, args := "xdg-open", []string{url}
	switch runtime.GOOS {
	case "darwin":
		name = "open"
	case "windows":
		name, args = "rundll32", []string{"url.dll,FileProtocolHandler", url}
	}
	cmd := exec.Command(name, args...)
	if err := cmd.Start(); err != nil {
		return err
	}
	go func() { _ = cmd.Wait() }()
	return nil
}
