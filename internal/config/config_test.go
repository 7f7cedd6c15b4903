package config

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/distill-dev/distill/internal/diag"
)

func TestDefault(t *testing.T) {
	c := Default()
	if c.Title != "distill" || c.Language != "en" || c.Permalink != "/blog/:year/:slug/" || c.Paginate != 10 ||
		c.Timezone != "UTC" || c.Libs.BaseURL != "https://cdn.jsdelivr.net/npm" || c.TOC || c.Source != "" ||
		!strings.Contains(c.Map.TileURL, "openstreetmap") {
		t.Errorf("Default() = %+v", c)
	}
	if ds := c.Validate(); len(ds) != 0 {
		t.Errorf("defaults do not validate: %v", ds)
	}
}

// show renders diagnostics as "E3:msg" / "W5:msg" for prefix matching.
func show(ds diag.List) []string {
	var out []string
	for _, d := range ds {
		out = append(out, fmt.Sprintf("%c%d:%s", strings.ToUpper(d.Severity.String())[0], d.Line, d.Msg))
	}
	return out
}

func match(got, want []string) bool {
	if len(got) != len(want) {
		return false
	}
	for i := range got {
		if !strings.HasPrefix(got[i], want[i]) {
			return false
		}
	}
	return true
}

func TestLoad(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		check func(c Config) bool
		diags []string
	}{
		{name: "no file: defaults", files: nil,
			check: func(c Config) bool { return reflect.DeepEqual(c, Default()) }},
		{name: "empty file", files: map[string]string{"distill.yaml": "# nothing yet\n"},
			check: func(c Config) bool { return c.Source == "distill.yaml" && c.Title == "distill" }},
		{name: "yml spelling", files: map[string]string{"distill.yml": "title: T\n"},
			check: func(c Config) bool { return c.Source == "distill.yml" && c.Title == "T" }},
		{name: "yaml wins over yml", files: map[string]string{"distill.yaml": "title: A\n", "distill.yml": "title: B\n"},
			check: func(c Config) bool { return c.Title == "A" }},
		{name: "every key", files: map[string]string{"distill.yaml": `title: T
description: D
author: A
url: https://x.org
baseurl: /b
language: fr
permalink: /:slug/
timezone: Europe/Paris
paginate: 3
cname: x.org
footer: F
toc: true
libs: {base_url: /assets/libs}
math: {macros: {RR: "\\mathbb{R}"}}
map: {tile_url: "https://t/{z}/{x}/{y}.png", attribution: OSM}
giscus: {repo: a/b, repo_id: R1, category: C, category_id: D1, mapping: title, theme: dark, input_position: top, lang: fr, reactions_enabled: 0, emit_metadata: 1}
theme: {dark_toggle: true}
social: {github: me}
`},
			check: func(c Config) bool {
				g := c.Giscus
				return c.Title == "T" && c.Description == "D" && c.Author == "A" && c.URL == "https://x.org" && c.BaseURL == "/b" &&
					c.Language == "fr" && c.Permalink == "/:slug/" && c.Timezone == "Europe/Paris" && c.Paginate == 3 &&
					c.CNAME == "x.org" && c.Footer == "F" && c.TOC && c.Libs.BaseURL == "/assets/libs" &&
					c.Math.Macros["RR"] == `\mathbb{R}` && c.Map.TileURL == "https://t/{z}/{x}/{y}.png" && c.Map.Attribution == "OSM" &&
					g.Repo == "a/b" && g.RepoID == "R1" && g.Category == "C" && g.CategoryID == "D1" && g.Mapping == "title" &&
					g.Theme == "dark" && g.InputPosition == "top" && g.Lang == "fr" && !g.ReactionsEnabled && g.EmitMetadata &&
					c.Theme["dark_toggle"] == true && c.Social["github"] == "me" && len(c.Extra) == 18 &&
					c.Line("giscus.theme") == 16
			}},
		{name: "unknown keys warn with line", files: map[string]string{"distill.yaml": "title: T\ntitel: x\nlibs:\n  baseurl: y\nzzz: 1\n"},
			check: func(c Config) bool { return c.Extra["titel"] == "x" && c.Libs.BaseURL == Default().Libs.BaseURL },
			diags: []string{`W2:unknown key "titel" (did you mean "title"?)`, `W4:unknown key "libs.baseurl"`, `W5:unknown key "zzz"`}},
		{name: "wrong types warn, defaults kept", files: map[string]string{"distill.yaml": "paginate: many\ntitle: [a]\ntoc: maybe\nlibs: x\n"},
			check: func(c Config) bool { return c.Paginate == 10 && c.Title == "distill" && !c.TOC },
			diags: []string{"W1:paginate should be a whole number", "W2:title should be a string", "W3:toc should be true or false", "W4:libs should be a mapping"}},
		{name: "bad YAML is an error with its line", files: map[string]string{"distill.yaml": "title: T\ndescription: a: b\n"},
			check: func(c Config) bool { return c.Title == "distill" },
			diags: []string{"E2:invalid YAML"}},
		{name: "duplicate key", files: map[string]string{"distill.yaml": "title: A\ntitle: B\n"},
			check: func(c Config) bool { return c.Title == "B" }, diags: []string{`W2:duplicate key "title"`}},
		{name: "not a mapping", files: map[string]string{"distill.yaml": "- a\n"}, diags: []string{"E1:distill.yaml must be a mapping"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			for name, body := range tt.files {
				fsys[name] = &fstest.MapFile{Data: []byte(body)}
			}
			c, ds := Load(fsys)
			if got := show(ds); !match(got, tt.diags) {
				t.Errorf("diags = %q, want prefixes %q", got, tt.diags)
			}
			if tt.check != nil && !tt.check(c) {
				t.Errorf("unexpected Config: %+v", c)
			}
		})
	}
}
