package server

import (
	"bytes"
	"path"
	"regexp"
	"slices"
	"strings"
)

// Change classification, both ways: which file-system events are worth a
// rebuild, and which browser events a rebuild's changed output calls for.

// watchedDirs are the site folders whose files feed the build: distill's
// own layout and al-folio's.
var watchedDirs = []string{
	"content", "assets", "themes",
	"_posts", "_drafts", "_pages", "_bibliography", "_includes", "_data",
}

// watchedFiles are the site-root files that feed the build.
var watchedFiles = []string{"distill.yaml", "distill.yml", "_config.yml", "_config.yaml"}

// relevant reports whether a change of the site-relative path rel can
// change the site: it is in a watched folder or a config file, and it is
// no editor's temporary, backup, swap or lock file.
func relevant(rel string) bool {
	if rel == "" || rel == "." {
		return false
	}
	top, _, nested := strings.Cut(rel, "/")
	if nested && !slices.Contains(watchedDirs, top) || !nested && !slices.Contains(watchedFiles, rel) && !slices.Contains(watchedDirs, rel) {
		return false
	}
	for _, part := range strings.Split(rel, "/") {
		if scratch(part) {
			return false
		}
	}
	return true
}

// scratch reports whether a file name is an editor's by-product: hidden
// files (.name.swp, .#lock, .DS_Store), backups (name~), vim's write test
// (4913), emacs autosaves (#name#) and JetBrains' safe-write files.
func scratch(name string) bool {
	switch {
	case strings.HasPrefix(name, "."),
		strings.HasSuffix(name, "~"),
		name == "4913",
		strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#"),
		strings.HasSuffix(name, "___jb_tmp___"), strings.HasSuffix(name, "___jb_old___"):
		return true
	}
	switch path.Ext(name) {
	case ".swp", ".swo", ".swx", ".swpx", ".tmp", ".crswap":
		return true
	}
	return false
}

// fingerprinted matches a bundle name with its content hash:
// assets/css/distill.0a1b2c3d.css.
var fingerprinted = regexp.MustCompile(`\.[0-9a-f]{8,}(\.css)$`)

// classify turns the output files that changed between old and next into
// browser events: stylesheets to swap, and the pages and assets whose
// viewers must reload. A page that changed only because it links to a
// re-fingerprinted stylesheet is not reloaded: the swap updates it.
func classify(changed []string, old, next *store, base string) []event {
	var added, removed, html, others []string
	for _, rel := range changed {
		_, inOld := old.get(rel)
		_, inNext := next.get(rel)
		switch {
		case path.Ext(rel) == ".html":
			html = append(html, rel)
		case path.Ext(rel) == ".css" && !inOld:
			added = append(added, rel)
		case path.Ext(rel) == ".css" && !inNext:
			removed = append(removed, rel)
		default:
			others = append(others, rel)
		}
	}
	var css cssData
	var renames [][2]string
	for _, r := range removed {
		for _, a := range added {
			if stem(r) == stem(a) {
				renames = append(renames, [2]string{r, a})
				css.Swap = append(css.Swap, cssSwap{From: pageURL(r, base), To: pageURL(a, base)})
			}
		}
	}
	var rl reloadData
	for _, rel := range others {
		if path.Ext(rel) == ".css" {
			css.Swap = append(css.Swap, cssSwap{From: pageURL(rel, base), To: pageURL(rel, base)})
			continue
		}
		rl.Assets = append(rl.Assets, pageURL(rel, base))
	}
	for _, rel := range html {
		if !restyledOnly(rel, old, next, renames) {
			rl.Pages = append(rl.Pages, pageURL(rel, base))
		}
	}
	var evs []event
	if len(css.Swap) > 0 {
		evs = append(evs, newEvent(evCSS, css))
	}
	if len(rl.Pages)+len(rl.Assets) > 0 {
		evs = append(evs, newEvent(evReload, rl))
	}
	return evs
}

func stem(rel string) string { return fingerprinted.ReplaceAllString(rel, "$1") }

// restyledOnly reports whether page rel differs between old and next only
// by the stylesheets renamed.
func restyledOnly(rel string, old, next *store, renames [][2]string) bool {
	if len(renames) == 0 {
		return false
	}
	a, ok1 := old.get(rel)
	b, ok2 := next.get(rel)
	if !ok1 || !ok2 {
		return false
	}
	for _, r := range renames {
		a = bytes.ReplaceAll(a, []byte(r[0]), []byte(r[1]))
	}
	return bytes.Equal(a, b)
}
