package config

import (
	"github.com/distill-dev/distill/internal/frontmatter"
)

// setter applies one top-level key. Null values never reach it.
type setter func(c *Config, r *reader, p frontmatter.Pair)

// distillKeys are the keys of distill.yaml.
var distillKeys = map[string]setter{
	"title":       func(c *Config, r *reader, p frontmatter.Pair) { r.str(p, &c.Title) },
	"description": func(c *Config, r *reader, p frontmatter.Pair) { r.str(p, &c.Description) },
	"author":      func(c *Config, r *reader, p frontmatter.Pair) { r.str(p, &c.Author) },
	"url":         func(c *Config, r *reader, p frontmatter.Pair) { r.str(p, &c.URL) },
	"baseurl":     func(c *Config, r *reader, p frontmatter.Pair) { r.str(p, &c.BaseURL) },
	"language":    func(c *Config, r *reader, p frontmatter.Pair) { r.str(p, &c.Language) },
	"permalink":   func(c *Config, r *reader, p frontmatter.Pair) { r.str(p, &c.Permalink) },
	"timezone":    func(c *Config, r *reader, p frontmatter.Pair) { r.str(p, &c.Timezone) },
	"paginate":    func(c *Config, r *reader, p frontmatter.Pair) { r.int(p, &c.Paginate) },
	"cname":       func(c *Config, r *reader, p frontmatter.Pair) { r.str(p, &c.CNAME) },
	"footer":      func(c *Config, r *reader, p frontmatter.Pair) { r.str(p, &c.Footer) },
	"image":       func(c *Config, r *reader, p frontmatter.Pair) { r.str(p, &c.Image) },
	"toc":         func(c *Config, r *reader, p frontmatter.Pair) { r.bool(p, &c.TOC) },
	"libs": func(c *Config, r *reader, p frontmatter.Pair) {
		r.section(p, map[string]func(frontmatter.Pair){
			"base_url": func(q frontmatter.Pair) { r.str(q, &c.Libs.BaseURL) },
		})
	},
	"math": func(c *Config, r *reader, p frontmatter.Pair) {
		r.section(p, map[string]func(frontmatter.Pair){
			"macros":   func(q frontmatter.Pair) { c.Math.Macros = frontmatter.Macros(r.file, q.Value, r.ds) },
			"web_font": func(q frontmatter.Pair) { r.bool(q, &c.Math.WebFont) },
		})
	},
	"map": func(c *Config, r *reader, p frontmatter.Pair) {
		r.section(p, map[string]func(frontmatter.Pair){
			"tile_url":    func(q frontmatter.Pair) { r.str(q, &c.Map.TileURL) },
			"attribution": func(q frontmatter.Pair) { r.str(q, &c.Map.Attribution) },
		})
	},
	"giscus": giscus,
	"theme": func(c *Config, r *reader, p frontmatter.Pair) {
		if m, ok := p.Value.Plain().(map[string]any); ok {
			c.Theme = m
			return
		}
		r.wrongType(p, "a mapping of theme options")
	},
	"social": func(c *Config, r *reader, p frontmatter.Pair) { c.Social = r.strMap(p) },
}

// jekyllKeys are the al-folio _config.yml keys distill reads.
var jekyllKeys = map[string]setter{
	"title":       distillKeys["title"],
	"description": distillKeys["description"],
	"url":         distillKeys["url"],
	"baseurl":     distillKeys["baseurl"],
	"permalink":   distillKeys["permalink"],
	"timezone":    distillKeys["timezone"],
	"paginate":    distillKeys["paginate"],
	"giscus":      giscus,
	"lang":        distillKeys["language"],
	"footer_text": distillKeys["footer"],
	"og_image":    distillKeys["image"],
	"pagination": func(c *Config, r *reader, p frontmatter.Pair) {
		if pp := p.Value.Get("per_page"); !pp.IsNull() {
			r.int(frontmatter.Pair{Key: "pagination.per_page", Line: pp.Line, Value: pp}, &c.Paginate)
		}
	},
}

// giscus reads the giscus comment settings (same keys in both files).
func giscus(c *Config, r *reader, p frontmatter.Pair) {
	g := &c.Giscus
	r.section(p, map[string]func(frontmatter.Pair){
		"repo":              func(q frontmatter.Pair) { r.str(q, &g.Repo) },
		"repo_id":           func(q frontmatter.Pair) { r.str(q, &g.RepoID) },
		"category":          func(q frontmatter.Pair) { r.str(q, &g.Category) },
		"category_id":       func(q frontmatter.Pair) { r.str(q, &g.CategoryID) },
		"mapping":           func(q frontmatter.Pair) { r.str(q, &g.Mapping) },
		"theme":             func(q frontmatter.Pair) { r.str(q, &g.Theme) },
		"input_position":    func(q frontmatter.Pair) { r.str(q, &g.InputPosition) },
		"lang":              func(q frontmatter.Pair) { r.str(q, &g.Lang) },
		"reactions_enabled": func(q frontmatter.Pair) { r.bool(q, &g.ReactionsEnabled) },
		"emit_metadata":     func(q frontmatter.Pair) { r.bool(q, &g.EmitMetadata) },
	})
}
