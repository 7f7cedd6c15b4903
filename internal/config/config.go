// Package config reads the site configuration: distill.yaml at the site
// root, or a subset of an al-folio (Jekyll) _config.yml, into a Config with
// defaults filled in. Validate normalises URLs and rejects settings the
// build cannot honour; both report positioned diagnostics.
package config

import (
	"time"
	// The zone database is embedded so a timezone setting means the same
	// thing on every machine, with or without /usr/share/zoneinfo.
	_ "time/tzdata"
)

// Config is the site configuration. Every key of the file, known or not,
// is also kept in Extra as plain Go values for templates.
type Config struct {
	Title, Description, Author, URL, BaseURL, Language, Permalink, Timezone string

	Paginate int
	CNAME    string
	// Libs.BaseURL is where pinned browser libraries are loaded from.
	Libs struct{ BaseURL string }
	// Math.Macros are site-wide TeX macros (name → expansion).
	// Math.WebFont loads the math font (STIX Two Math) from Libs.BaseURL on
	// pages with math when the reader has none installed; false relies on
	// the reader's own math fonts and keeps pages free of the 400 KB font.
	Math struct {
		Macros  map[string]string
		WebFont bool
	}
	// TOC turns on a generated table of contents for every distill post.
	TOC    bool
	Giscus struct {
		Repo, RepoID, Category, CategoryID, Mapping, Theme, InputPosition, Lang string
		ReactionsEnabled, EmitMetadata                                          bool
	}
	// Theme holds free-form theme options (`theme: {dark_toggle: true}`).
	Theme  map[string]any
	Map    struct{ TileURL, Attribution string }
	Footer string
	// Image is the default picture of social cards (og:image) for pages
	// without a thumbnail: a URL or a site path.
	Image  string
	Social map[string]string
	Extra  map[string]any
	// Source is the file read: "distill.yaml", "distill.yml", "_config.yml",
	// or "" when only defaults apply.
	Source string

	lines map[string]int // file line of each key read, for Validate
}

// Default returns the configuration used when no file sets a value.
func Default() Config {
	c := Config{
		Title:     "distill",
		Language:  "en",
		Permalink: "/blog/:year/:slug/",
		Paginate:  10,
		Timezone:  "UTC",
	}
	c.Libs.BaseURL = "https://cdn.jsdelivr.net/npm"
	c.Math.WebFont = true
	c.Giscus.Mapping = "pathname"
	c.Giscus.InputPosition = "bottom"
	c.Giscus.Lang = "en"
	c.Giscus.ReactionsEnabled = true
	c.Map.TileURL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
	c.Map.Attribution = `&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors`
	return c
}

// Location returns the site time zone, UTC when Timezone is unknown (which
// Validate reports).
func (c *Config) Location() *time.Location {
	if loc, err := time.LoadLocation(c.Timezone); err == nil {
		return loc
	}
	return time.UTC
}

// Line returns the file line where key (dotted for nested keys, such as
// "giscus.repo") was set, or 0.
func (c *Config) Line(key string) int { return c.lines[key] }
