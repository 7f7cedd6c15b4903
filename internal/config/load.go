package config

import (
	"errors"
	"io/fs"
	"sort"
	"strings"

	"github.com/distill-dev/distill/internal/diag"
	"github.com/distill-dev/distill/internal/frontmatter"
)

// Load reads distill.yaml (or distill.yml) at the root of fsys over the
// defaults. A missing file is not an error. Unknown keys warn with their
// line; invalid YAML is an Error with its line, and the defaults are kept.
func Load(fsys fs.FS) (Config, diag.List) {
	return load(fsys, []string{"distill.yaml", "distill.yml"}, distillKeys, true)
}

// LoadJekyll reads the subset of an al-folio _config.yml that distill
// understands (title, description, url, baseurl, permalink, pagination,
// giscus, author names, lang, timezone, footer_text). Other keys are kept
// in Extra without a warning: Jekyll configs have hundreds.
func LoadJekyll(fsys fs.FS) (Config, diag.List) {
	c, ds := load(fsys, []string{"_config.yml", "_config.yaml"}, jekyllKeys, false)
	c.jekyllAuthor()
	return c, ds
}

// load reads the first of names that exists and applies keys to it.
func load(fsys fs.FS, names []string, keys map[string]setter, strict bool) (Config, diag.List) {
	c := Default()
	var ds diag.List
	for _, name := range names {
		src, err := fs.ReadFile(fsys, name)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			ds.Errorf(name, 0, "config", "cannot read %s: %v", name, err)
			return c, ds
		}
		c.Source = name
		ds.Add(c.apply(name, src, keys, strict)...)
		return c, ds
	}
	return c, ds
}

// apply decodes src and sets the known keys.
func (c *Config) apply(file string, src []byte, keys map[string]setter, strict bool) diag.List {
	root, ds := frontmatter.Decode(file, 0, src)
	if root.IsNull() {
		return ds
	}
	if root.Kind != frontmatter.Map {
		ds.Errorf(file, root.Line, "config", "%s must be a mapping of keys to values", file)
		return ds
	}
	c.Extra = root.Plain().(map[string]any)
	c.lines = map[string]int{}
	r := reader{file: file, ds: &ds, lines: c.lines, strict: strict}
	for _, p := range root.Pairs {
		r.lines[p.Key] = p.Line
		set, ok := keys[p.Key]
		switch {
		case ok && !p.Value.IsNull():
			set(c, &r, p)
		case !ok && strict:
			ds.Warnf(file, p.Line, "config", "unknown key %q%s", p.Key, suggest(p.Key, keys))
		}
	}
	return ds
}

// suggest names the known key closest to an unknown one.
func suggest(key string, keys map[string]setter) string {
	names := make([]string, 0, len(keys))
	for k := range keys {
		names = append(names, k)
	}
	sort.Strings(names)
	best, bestD := "", 3
	for _, k := range names {
		if d := distance(strings.ToLower(key), k); d < bestD {
			best, bestD = k, d
		}
	}
	if best == "" {
		return ""
	}
	return ` (did you mean "` + best + `"?)`
}

// distance is the Levenshtein distance between a and b.
func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}

// jekyllAuthor builds Author from al-folio's first/middle/last_name.
func (c *Config) jekyllAuthor() {
	if c.Author != "" {
		return
	}
	var parts []string
	for _, k := range []string{"first_name", "middle_name", "last_name"} {
		if s, ok := c.Extra[k].(string); ok && strings.TrimSpace(s) != "" {
			parts = append(parts, strings.TrimSpace(s))
		}
	}
	c.Author = strings.Join(parts, " ")
}
