// Package cli is distill's command line: subcommands, flags, exit codes and
// progress output. It holds no build logic; it calls site, server and
// output, and is the only package that writes to the terminal.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"runtime/debug"
	"strings"
)

// Version is set at link time (-ldflags "-X …/cli.Version=v1.2.3"); when it
// is empty the module version from the build info is used.
var Version = ""

// Exit codes.
const (
	exitOK    = 0
	exitError = 1 // the build failed: bad input
	exitUsage = 2 // bad command line
)

type command struct {
	name, args, summary string
	run                 func(ctx context.Context, args []string, stdout, stderr io.Writer) int
}

func commands() []command {
	return []command{
		{"build", "[-s SITE] [-o OUT] [--baseurl PATH] [--url URL] [--drafts] [--future] [--no-minify] [--report FILE] [--strict]", "render the site to a static tree", runBuild},
		{"serve", "[-s SITE] [--port 4000] [--bind 127.0.0.1] [--baseurl PATH] [--no-drafts] [--open]", "build and serve the site with live reload", runServe},
		{"new", "post \"Title\" [-s SITE]", "write a new dated post", runNew},
		{"init", initArgs, initSummary, runInit},
		{"check", checkArgs, checkSummary, runCheck},
		{"version", "", "print the version", runVersion},
		{"help", "[COMMAND]", "show help", nil},
	}
}

// Run runs the command line args and returns the process exit code.
func Run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stderr)
		return exitUsage
	}
	name := args[0]
	switch name {
	case "help", "-h", "--help", "-help":
		if len(args) > 1 {
			for _, c := range commands() {
				if c.name == args[1] && c.run != nil {
					return c.run(ctx, []string{"-h"}, stdout, stdout)
				}
			}
		}
		usage(stdout)
		return exitOK
	case "-v", "--version":
		name = "version"
	}
	for _, c := range commands() {
		if c.name == name && c.run != nil {
			return c.run(ctx, args[1:], stdout, stderr)
		}
	}
	fmt.Fprintf(stderr, "distill: unknown command %q\n\n", name)
	usage(stderr)
	return exitUsage
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "distill renders distill.pub-style blogs into static sites.")
	fmt.Fprintln(w, "\nUsage:\n  distill <command> [flags]\n\nCommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun 'distill help <command>' or 'distill <command> -h' for a command's flags.")
}

// newFlags returns a flag set whose -h prints the command's usage.
func newFlags(name, args, summary string, out io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(out)
	fs.Usage = func() {
		fmt.Fprintf(out, "Usage: distill %s %s\n\n%s.\n\nFlags:\n", name, args, strings.ToUpper(summary[:1])+summary[1:])
		fs.PrintDefaults()
	}
	return fs
}

// parse parses flags; done is true when the command should stop with code.
func parse(fs *flag.FlagSet, args []string) (code int, done bool) {
	err := fs.Parse(args)
	if errors.Is(err, flag.ErrHelp) {
		return exitOK, true
	}
	if err != nil {
		return exitUsage, true
	}
	return 0, false
}

// optionalArg returns the command's one optional argument, def when there
// is none; ok is false (after a message) when there are more.
func optionalArg(fs *flag.FlagSet, def string, stderr io.Writer) (string, bool) {
	switch fs.NArg() {
	case 0:
		return def, true
	case 1:
		return fs.Arg(0), true
	}
	fmt.Fprintf(stderr, "distill %s: unexpected argument %q\n", fs.Name(), fs.Arg(1))
	return "", false
}

func version() string {
	if Version != "" {
		return Version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "devel"
}

func runVersion(_ context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("version", "", "print the version", stderr)
	if code, done := parse(fs, args); done {
		return code
	}
	fmt.Fprintln(stdout, "distill", version())
	return exitOK
}
