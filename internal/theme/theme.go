// Package theme loads the html/template layouts and static files of the
// theme: the default theme embedded in the binary, with a site's own files
// under themes/distill/ taking precedence file by file.
//
// Lookup is deliberately simple: a page of layout L renders
// layouts/L.html inside layouts/baseof.html; every file under
// layouts/partials/ is available as {{template "partials/NAME.html" .}}.
package theme

import (
	"bytes"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"

	distilltheme "github.com/distill-dev/distill/themes/distill"
)

// OverrideDir is where a site keeps its overrides of theme files.
const OverrideDir = "themes/distill"

// Theme is a loaded theme. It is safe for concurrent use.
type Theme struct {
	files   fs.FS // overlay: site overrides, then the embedded theme
	layouts map[string]*template.Template
}

// overlay reads a path from the site's override folder when the file is
// there, and from the embedded theme otherwise.
type overlay struct {
	site fs.FS // may be nil
	base fs.FS
}

func (o overlay) Open(name string) (fs.File, error) {
	if o.site != nil {
		if f, err := o.site.Open(path.Join(OverrideDir, name)); err == nil {
			return f, nil
		}
	}
	return o.base.Open(name)
}

// Files returns the theme's files with site overrides applied: the overlay
// of site (may be nil) over the embedded default.
func Files(site fs.FS) fs.FS { return overlay{site: site, base: distilltheme.FS} }

// Load parses the theme's layouts. funcs are the template functions pages
// use; every layout gets the same set.
func Load(site fs.FS, funcs template.FuncMap) (*Theme, error) {
	t := &Theme{files: Files(site), layouts: map[string]*template.Template{}}
	names, err := t.list("layouts")
	if err != nil {
		return nil, err
	}
	base := template.New("").Funcs(funcs)
	for _, n := range names {
		if !strings.HasPrefix(n, "layouts/partials/") {
			continue
		}
		if err := parseInto(base, t.files, n, strings.TrimPrefix(n, "layouts/")); err != nil {
			return nil, err
		}
	}
	if err := parseInto(base, t.files, "layouts/baseof.html", "baseof.html"); err != nil {
		return nil, err
	}
	for _, n := range names {
		if strings.HasPrefix(n, "layouts/partials/") || n == "layouts/baseof.html" || path.Ext(n) != ".html" {
			continue
		}
		tpl, err := base.Clone()
		if err != nil {
			return nil, err
		}
		if err := parseInto(tpl, t.files, n, path.Base(n)); err != nil {
			return nil, err
		}
		t.layouts[strings.TrimSuffix(path.Base(n), ".html")] = tpl
	}
	return t, nil
}

func parseInto(t *template.Template, fsys fs.FS, file, name string) error {
	b, err := fs.ReadFile(fsys, file)
	if err != nil {
		return err
	}
	if _, err := t.New(name).Parse(string(b)); err != nil {
		return fmt.Errorf("theme: %w", err)
	}
	return nil
}

// list returns the files under dir in both layers, sorted.
func (t *Theme) list(dir string) ([]string, error) {
	seen := map[string]bool{}
	o := t.files.(overlay)
	for _, fsys := range []fs.FS{o.base, sub(o.site, OverrideDir)} {
		if fsys == nil {
			continue
		}
		err := fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if p == dir {
					return fs.SkipDir
				}
				return err
			}
			if !d.IsDir() {
				seen[p] = true
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	out := make([]string, 0, len(seen))
	for p := range seen {
		out = append(out, p)
	}
	slices.Sort(out)
	return out, nil
}

func sub(fsys fs.FS, dir string) fs.FS {
	if fsys == nil {
		return nil
	}
	if _, err := fs.Stat(fsys, dir); err != nil {
		return nil
	}
	s, err := fs.Sub(fsys, dir)
	if err != nil {
		return nil
	}
	return s
}

// Has reports whether the theme has a layout.
func (t *Theme) Has(layout string) bool { _, ok := t.layouts[layout]; return ok }

// Render executes a layout with data.
func (t *Theme) Render(w io.Writer, layout string, data any) error {
	tpl, ok := t.layouts[layout]
	if !ok {
		return fmt.Errorf("theme has no layout %q", layout)
	}
	return tpl.ExecuteTemplate(w, "baseof.html", data)
}

// RenderBytes is Render into a new buffer.
func (t *Theme) RenderBytes(layout string, data any) ([]byte, error) {
	var b bytes.Buffer
	err := t.Render(&b, layout, data)
	return b.Bytes(), err
}

// Static returns the theme's static files (paths relative to static/),
// sorted, with their contents.
func (t *Theme) Static() (map[string][]byte, error) {
	names, err := t.list("static")
	if err != nil {
		return nil, err
	}
	out := map[string][]byte{}
	for _, n := range names {
		b, err := fs.ReadFile(t.files, n)
		if err != nil {
			return nil, err
		}
		out[strings.TrimPrefix(n, "static/")] = b
	}
	return out, nil
}
