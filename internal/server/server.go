// Package server is distill's preview server (distill serve). It builds the
// site into memory and serves it on loopback under the site's baseurl;
// it watches the sources, rebuilds what an edit changed (site.Update) and
// tells open browsers, over server-sent events, to reload the pages that
// changed, swap a stylesheet, or show the build's errors over the page
// while the last good pages stay served.
package server

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"slices"
	"sync"
	"syscall"
	"time"

	"github.com/distill-dev/distill/internal/diag"
	"github.com/distill-dev/distill/internal/site"
)

// DefaultDebounce is how long the server waits after a file-system event
// for more before it rebuilds: long enough to see an editor's whole save
// (temporary file, rename, chmod) as one change.
const DefaultDebounce = 30 * time.Millisecond

// Server serves a site built in memory and keeps it up to date.
type Server struct {
	Root    string       // site directory
	Options site.Options // Options.FS nil: Root, read without leaving it
	Addr    string       // host:port; port 0 picks a free one
	Log     io.Writer    // one line per rebuild, and its errors; nil: none
	// Debounce is the quiet time before a rebuild; 0 means DefaultDebounce.
	Debounce time.Duration

	once    sync.Once
	builder *site.Builder
	hub     *hub
	buildMu sync.Mutex // one build (or Finish) at a time

	finishMu    sync.Mutex
	finishTimer *time.Timer

	// observe, when set (tests, benchmarks), sees every rebuild's outcome.
	observe func(Outcome)

	mu    sync.RWMutex
	files *store   // what is served
	base  string   // its baseurl
	errs  []string // errors of the last build; nil when it succeeded
}

// Outcome says what one rebuild did.
type Outcome struct {
	Changed []string // output files added, changed or removed
	Errors  []string // the build's errors (file:line: message); nothing was published
	Took    time.Duration
}

func (s *Server) init() {
	s.once.Do(func() {
		s.builder = site.NewBuilder()
		s.hub = newHub()
		if s.Log == nil {
			s.Log = io.Discard
		}
		if s.Debounce <= 0 {
			s.Debounce = DefaultDebounce
		}
	})
}

// current returns the served build and its baseurl.
func (s *Server) current() (*store, string) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.files, s.base
}

func (s *Server) baseURL() string { _, b := s.current(); return b }

// errors returns the errors the overlay shows, nil when there are none.
func (s *Server) errors() []string {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.errs
}

// Rebuild builds the site again after the site-relative paths in changed
// were edited (nil: the first build), publishes the result when it has no
// errors, and sends the browsers what they need: reload, stylesheet
// swaps, the error overlay or its removal. The first build is published
// even with errors, so that there is something to look at.
func (s *Server) Rebuild(ctx context.Context, changed []string) (Outcome, error) {
	s.init()
	s.buildMu.Lock()
	defer s.buildMu.Unlock()
	start := time.Now()
	old, _ := s.current()
	next := old.clone()
	res, err := s.builder.Update(ctx, s.Options, changed, next)
	if ctx.Err() != nil {
		return Outcome{}, ctx.Err()
	}
	if errs := failures(res, err); len(errs) > 0 {
		out := Outcome{Errors: errs, Took: time.Since(start)}
		if old == nil && res != nil {
			next.prune(outPaths(res))
			s.publish(next, res.Config.BaseURL, errs)
		} else {
			s.mu.Lock()
			s.errs = errs
			s.mu.Unlock()
		}
		s.hub.send(newEvent(evErrors, errorsData{errs}))
		s.note(out)
		if old == nil {
			fmt.Fprintf(s.Log, "build failed (%s); serving what was built:\n", ms(out.Took))
		} else {
			fmt.Fprintf(s.Log, "build failed (%s); still serving the last good build:\n", ms(out.Took))
		}
		for _, e := range errs {
			fmt.Fprintln(s.Log, "  "+e)
		}
		return out, nil
	}
	next.prune(outPaths(res))
	out := Outcome{Changed: next.diff(old)}
	wasFailing := s.errors() != nil
	base := res.Config.BaseURL
	s.publish(next, base, nil)
	var evs []event
	if wasFailing {
		evs = append(evs, newEvent(evOK, struct{}{}))
	}
	if old != nil {
		evs = append(evs, classify(out.Changed, old, next, base)...)
	}
	s.hub.send(evs...)
	out.Took = time.Since(start)
	s.note(out)
	s.finishLater()
	if old == nil {
		fmt.Fprintf(s.Log, "built %d pages (%d posts) in %s, %d warnings\n", len(res.Pages), len(res.Posts), ms(out.Took), res.Diags.Count(diag.Warning))
	} else {
		fmt.Fprintf(s.Log, "rebuilt in %s: %d files changed\n", ms(out.Took), len(out.Changed))
		// The warnings of the files just saved: the others were shown.
		for _, d := range res.Diags {
			if d.Severity == diag.Warning && slices.Contains(changed, d.File) {
				fmt.Fprintln(s.Log, "  "+d.String())
			}
		}
	}
	return out, nil
}

// FinishDelay is how long after a rebuild the server makes the feeds and
// the search index that the rebuild left stale: no page shows them, so
// they wait until the writer pauses (or until someone asks for one).
const FinishDelay = 300 * time.Millisecond

func (s *Server) finishLater() {
	s.finishMu.Lock()
	defer s.finishMu.Unlock()
	if s.finishTimer != nil {
		s.finishTimer.Stop()
	}
	s.finishTimer = time.AfterFunc(FinishDelay, s.finish)
}

// finish makes the files the last rebuild left stale.
func (s *Server) finish() {
	s.buildMu.Lock()
	defer s.buildMu.Unlock()
	if _, err := s.builder.Finish(); err != nil {
		fmt.Fprintf(s.Log, "writing generated files: %v\n", err)
	}
}

// fresh makes sure rel, about to be served, is not a file the last
// rebuild left stale.
func (s *Server) fresh(rel string) {
	if slices.Contains(s.builder.Stale(), rel) {
		s.finish()
	}
}

func (s *Server) note(o Outcome) {
	if s.observe != nil {
		s.observe(o)
	}
}

func (s *Server) publish(files *store, base string, errs []string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.files, s.base, s.errs = files, base, errs
}

// failures lists what makes a build unusable: its errors, or the error
// of the build itself (a broken theme).
func failures(res *site.Result, err error) []string {
	var out []string
	if err != nil {
		out = append(out, err.Error())
	}
	if res != nil {
		for _, d := range res.Diags {
			if d.Severity == diag.Error {
				out = append(out, d.String())
			}
		}
	}
	return out
}

// outPaths are the files of a build that Update may have left unwritten.
func outPaths(res *site.Result) []string {
	out := make([]string, len(res.Pages))
	for i, p := range res.Pages {
		out[i] = p.OutPath
	}
	return out
}

func ms(d time.Duration) string { return d.Round(100 * time.Microsecond).String() }

// Run listens, builds, serves and rebuilds on every change until ctx is
// cancelled, then shuts down cleanly. ready is called with the site's URL
// once the first build is served.
func (s *Server) Run(ctx context.Context, ready func(url string)) error {
	s.init()
	if s.Options.FS == nil {
		fsys, err := openSite(s.Root)
		if err != nil {
			return err
		}
		defer fsys.Close()
		s.Options.FS = fsys
	}
	ln, err := net.Listen("tcp", s.Addr)
	if err != nil {
		return listenError(s.Addr, err)
	}
	defer ln.Close()
	w, err := newWatcher(s.Root, s.Debounce, func(f string, a ...any) { fmt.Fprintf(s.Log, f+"\n", a...) })
	if err != nil {
		return fmt.Errorf("cannot watch %s: %w", s.Root, err)
	}
	wctx, stopWatch := context.WithCancel(ctx)
	defer stopWatch()
	go w.run(wctx)

	srv := &http.Server{Handler: s.Handler(), ReadHeaderTimeout: 10 * time.Second}
	srv.RegisterOnShutdown(s.hub.close)
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	if _, err := s.Rebuild(ctx, nil); err != nil {
		return s.shutdown(srv, nil)
	}
	if ready != nil {
		ready(siteURL(ln.Addr(), s.baseURL()))
	}
	for {
		select {
		case <-ctx.Done():
			return s.shutdown(srv, nil)
		case err := <-errc:
			return s.shutdown(srv, err)
		case <-w.ready:
			if changed := w.take(); len(changed) > 0 {
				if _, err := s.Rebuild(ctx, changed); err != nil {
					return s.shutdown(srv, nil)
				}
			}
		}
	}
}

func (s *Server) shutdown(srv *http.Server, err error) error {
	s.finishMu.Lock()
	if s.finishTimer != nil {
		s.finishTimer.Stop()
	}
	s.finishMu.Unlock()
	if err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	return srv.Shutdown(ctx)
}

// siteURL is the address to print: loopback when listening everywhere.
func siteURL(addr net.Addr, base string) string {
	host, port, _ := net.SplitHostPort(addr.String())
	if ip := net.ParseIP(host); ip != nil && ip.IsUnspecified() {
		host = "localhost"
	}
	return "http://" + net.JoinHostPort(host, port) + base + "/"
}

// listenError explains a failed listen; a busy port says what to do.
func listenError(addr string, err error) error {
	if errors.Is(err, syscall.EADDRINUSE) {
		return fmt.Errorf("cannot listen on %s: the port is in use (another distill serve?); choose another with --port, or --port 0 for a free one", addr)
	}
	return fmt.Errorf("cannot listen on %s: %w", addr, err)
}
