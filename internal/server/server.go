// Package server is distill's preview server: it builds the site into
// memory and serves it over HTTP on loopback, under the site's baseurl.
package server

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"path"
	"strings"
	"sync"
	"time"

	"github.com/distill-dev/distill/internal/output"
	"github.com/distill-dev/distill/internal/site"
)

// Server serves a site built in memory.
type Server struct {
	Root    string // site directory, for messages
	Options site.Options
	Addr    string // host:port; port 0 picks a free one
	Log     io.Writer

	builder *site.Builder
	mu      sync.RWMutex
	files   *output.Mem
	base    string
}

// Rebuild builds the site into memory and swaps it in when it succeeds.
func (s *Server) Rebuild(ctx context.Context) (*site.Result, error) {
	if s.builder == nil {
		s.builder = site.NewBuilder()
	}
	mem := output.NewMem()
	res, err := s.builder.Build(ctx, s.Options, mem)
	if err != nil {
		return res, err
	}
	for _, d := range res.Diags {
		fmt.Fprintln(s.Log, d.String())
	}
	if res.Diags.HasErrors() {
		return res, errors.New("build failed; still serving the last good build")
	}
	s.mu.Lock()
	s.files, s.base = mem, res.Config.BaseURL
	s.mu.Unlock()
	return res, nil
}

// Handler returns the HTTP handler that serves the current build.
func (s *Server) Handler() http.Handler { return http.HandlerFunc(s.serveFile) }

func (s *Server) serveFile(w http.ResponseWriter, r *http.Request) {
	s.mu.RLock()
	files, base := s.files, s.base
	s.mu.RUnlock()
	if files == nil {
		http.Error(w, "building…", http.StatusServiceUnavailable)
		return
	}
	p := r.URL.Path
	if base != "" {
		if p == base {
			http.Redirect(w, r, base+"/", http.StatusFound)
			return
		}
		if !strings.HasPrefix(p, base+"/") {
			s.notFound(w, files)
			return
		}
		p = strings.TrimPrefix(p, base)
	}
	rel, ok := Resolve(p)
	if !ok {
		s.notFound(w, files)
		return
	}
	data, found := files.Get(rel)
	if !found {
		if idx, ok := files.Get(path.Join(rel, "index.html")); ok {
			http.Redirect(w, r, r.URL.Path+"/", http.StatusFound)
			_ = idx
			return
		}
		s.notFound(w, files)
		return
	}
	if ct := mime.TypeByExtension(path.Ext(rel)); ct != "" {
		w.Header().Set("Content-Type", ct)
	}
	w.Header().Set("Cache-Control", "no-cache")
	_, _ = w.Write(data)
}

// Resolve maps a URL path (already without the baseurl) to an output file.
// It refuses anything that would leave the site: "..", encoded traversal
// (the path is decoded by net/http before this), NUL bytes and backslashes.
func Resolve(urlPath string) (string, bool) {
	if strings.ContainsAny(urlPath, "\\\x00") {
		return "", false
	}
	for _, seg := range strings.Split(urlPath, "/") {
		if seg == ".." {
			return "", false
		}
	}
	p := path.Clean("/" + urlPath)
	rel := strings.TrimPrefix(p, "/")
	if rel == "" || strings.HasSuffix(urlPath, "/") {
		rel = path.Join(rel, "index.html")
	}
	return rel, true
}

func (s *Server) notFound(w http.ResponseWriter, files *output.Mem) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusNotFound)
	if b, ok := files.Get("404.html"); ok {
		_, _ = w.Write(b)
	}
}

// Run builds, listens and serves until ctx is cancelled. ready is called
// with the site's URL once the server accepts connections.
func (s *Server) Run(ctx context.Context, ready func(url string)) error {
	if _, err := s.Rebuild(ctx); err != nil && s.files == nil {
		return err
	}
	ln, err := net.Listen("tcp", s.Addr)
	if err != nil {
		return fmt.Errorf("cannot listen on %s: %w (is another server using the port? try --port 0)", s.Addr, err)
	}
	srv := &http.Server{Handler: s.Handler(), ReadHeaderTimeout: 10 * time.Second}
	url := "http://" + ln.Addr().String() + s.base + "/"
	if ready != nil {
		ready(url)
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case <-ctx.Done():
		shut, cancel := context.WithTimeout(context.Background(), 3*time.Second)
		defer cancel()
		return srv.Shutdown(shut)
	case err := <-errc:
		return err
	}
}
