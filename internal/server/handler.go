package server

import (
	"bytes"
	"html"
	"mime"
	"net/http"
	"path"
	"strings"
)

// Paths the server answers itself, outside the site and its baseurl.
const (
	reservedPrefix = "/__distill/"
	eventsPath     = reservedPrefix + "events"
	scriptPath     = reservedPrefix + "reload.js"
)

// Handler returns the HTTP handler: the live-reload script and events,
// and the current build under the site's baseurl.
func (s *Server) Handler() http.Handler { return http.HandlerFunc(s.serveHTTP) }

func (s *Server) serveHTTP(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case eventsPath:
		s.events(w, r)
		return
	case scriptPath:
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Header().Set("Cache-Control", "no-cache")
		_, _ = w.Write(reloadJS)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	files, base := s.current()
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
	s.fresh(rel)
	data, found := files.get(rel)
	if !found {
		if _, ok := files.get(path.Join(rel, "index.html")); ok && !strings.HasSuffix(r.URL.Path, "/") {
			http.Redirect(w, r, r.URL.Path+"/", http.StatusFound)
			return
		}
		s.notFound(w, files)
		return
	}
	s.write(w, http.StatusOK, rel, data)
}

// write sends one output file; HTML gets the live-reload script.
func (s *Server) write(w http.ResponseWriter, code int, rel string, data []byte) {
	ct := mime.TypeByExtension(path.Ext(rel))
	if ct == "" {
		ct = http.DetectContentType(data)
	}
	if strings.HasPrefix(ct, "text/html") {
		data = inject(data, rel, s.baseURL())
	}
	w.Header().Set("Content-Type", ct)
	w.Header().Set("Cache-Control", "no-cache")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(code)
	_, _ = w.Write(data)
}

func (s *Server) notFound(w http.ResponseWriter, files *store) {
	if b, ok := files.get("404.html"); ok {
		s.write(w, http.StatusNotFound, "404.html", b)
		return
	}
	http.Error(w, "404 page not found", http.StatusNotFound)
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

// inject adds the live-reload script to a served page, before its last
// </body> (or at the end). It is never part of a build's output. The
// script learns which output page it is in, so a 404 page reloads when
// 404.html changes, and where the site lives.
func inject(page []byte, rel, base string) []byte {
	tag := `<script src="` + scriptPath + `" data-page="` + html.EscapeString(pageURL(rel, base)) +
		`" data-base="` + html.EscapeString(base) + `"></script>`
	i := lastIndexFold(page, []byte("</body>"))
	if i < 0 {
		i = len(page)
	}
	out := make([]byte, 0, len(page)+len(tag))
	out = append(out, page[:i]...)
	out = append(out, tag...)
	return append(out, page[i:]...)
}

// lastIndexFold is bytes.LastIndex ignoring ASCII case.
func lastIndexFold(s, sep []byte) int {
	for i := len(s) - len(sep); i >= 0; i-- {
		if s[i] == '<' && bytes.EqualFold(s[i:i+len(sep)], sep) {
			return i
		}
	}
	return -1
}

// pageURL is the URL path of an output file: "blog/x/index.html" →
// "/base/blog/x/".
func pageURL(rel, base string) string {
	if rel == "index.html" || strings.HasSuffix(rel, "/index.html") {
		rel = strings.TrimSuffix(rel, "index.html")
	}
	return base + "/" + rel
}
