// Package libs is the list of third-party browser libraries distill's
// figures load, each pinned to one npm package version and to the
// subresource-integrity hash of every file a page fetches. No library code
// is in the repository: pages reference the files on a CDN that mirrors the
// npm registry (config libs.base_url, jsDelivr by default) or on any server
// laid out the same way, BASE/PACKAGE@VERSION/PATH, so a site can self-host
// them by copying the npm packages.
//
// Markdown asks for libraries by Name (Result.Libs); Tags turns a page's
// names into the <link> and <script> tags its <head> needs. The hashes are
// checked against the installed packages by the test in this package
// (testdata/browser, installed by .ci/run with npm ci).
package libs

import (
	"fmt"
	"html"
	"slices"
	"strings"
)

// File is one file of a package a page loads: a stylesheet when Path ends in
// .css, else a classic script.
type File struct {
	Path string // inside the package: "dist/mermaid.min.js"
	// Integrity is the SRI value of the file's bytes ("sha384-…").
	Integrity string
	// Size is the file's length in bytes, for page-weight reports.
	Size int
}

// Lib is a browser library.
type Lib struct {
	Name    string // what markdown asks for: "mermaid"
	Package string // npm package: "mermaid", "@drgrice1/tikzjax"
	Version string // exact version
	Files   []File
	// Requires names libraries that must be loaded before this one.
	Requires []string
}

// IsCSS reports whether f is a stylesheet.
func (f File) IsCSS() bool { return strings.HasSuffix(f.Path, ".css") }

// URL is where f of l is fetched from under base (no trailing slash
// needed): base/package@version/path.
func (l Lib) URL(base string, f File) string {
	return strings.TrimRight(base, "/") + "/" + l.Package + "@" + l.Version + "/" + f.Path
}

// Get returns the library called name.
func Get(name string) (Lib, bool) {
	i := slices.IndexFunc(all, func(l Lib) bool { return l.Name == name })
	if i < 0 {
		return Lib{}, false
	}
	return all[i], true
}

// All returns every library, in load order (a library after those it
// requires).
func All() []Lib { return slices.Clone(all) }

// Resolve returns the libraries names need, those they require included,
// each once, in load order: a library's requirements come before it and
// otherwise the order is All's, so the result does not depend on the order
// of names. An unknown name is an error.
func Resolve(names []string) ([]Lib, error) {
	want := map[string]bool{}
	var add func(string) error
	add = func(n string) error {
		if want[n] {
			return nil
		}
		l, ok := Get(n)
		if !ok {
			return fmt.Errorf("unknown browser library %q", n)
		}
		want[n] = true
		for _, r := range l.Requires {
			if err := add(r); err != nil {
				return err
			}
		}
		return nil
	}
	for _, n := range names {
		if err := add(n); err != nil {
			return nil, err
		}
	}
	var out []Lib
	for _, l := range all {
		if want[l.Name] {
			out = append(out, l)
		}
	}
	return out, nil
}

// Tags returns the HTML that loads the libraries names need from base:
// the stylesheets first, then the scripts in load order, every one with its
// integrity hash and crossorigin="anonymous" (which SRI needs for a
// cross-origin file). Scripts are deferred: they run in order after the
// document is parsed, before any deferred script that follows them.
func Tags(base string, names []string) (string, error) {
	ls, err := Resolve(names)
	if err != nil {
		return "", err
	}
	var css, js strings.Builder
	for _, l := range ls {
		for _, f := range l.Files {
			u := html.EscapeString(l.URL(base, f))
			sri := html.EscapeString(f.Integrity)
			if f.IsCSS() {
				fmt.Fprintf(&css, "<link rel=\"stylesheet\" href=\"%s\" integrity=\"%s\" crossorigin=\"anonymous\">\n", u, sri)
			} else {
				fmt.Fprintf(&js, "<script defer src=\"%s\" integrity=\"%s\" crossorigin=\"anonymous\"></script>\n", u, sri)
			}
		}
	}
	return css.String() + js.String(), nil
}
