package config

import (
	"net/url"
	"strings"
	"time"

	"github.com/distill-dev/distill/internal/diag"
)

// jekyllStyles maps Jekyll's named permalink styles to patterns; distill
// always writes directories, so each ends in "/".
var jekyllStyles = map[string]string{
	"pretty":  "/:categories/:year/:month/:day/:title/",
	"date":    "/:categories/:year/:month/:day/:title/",
	"ordinal": "/:categories/:year/:y_day/:title/",
	"none":    "/:categories/:title/",
}

// Validate normalises c in place and reports what cannot be used: baseurl
// becomes "" or "/x" (leading slash, no trailing one), url and libs.base_url
// lose trailing slashes, a named Jekyll permalink style becomes its pattern.
// A permalink without :slug or :title, paginate below 1, an unknown time
// zone or a relative url are errors.
func (c *Config) Validate() diag.List {
	var ds diag.List
	errorf := func(key, format string, args ...any) {
		ds.Errorf(c.Source, c.lines[key], "config", format, args...)
	}
	c.BaseURL = strings.TrimSpace(c.BaseURL)
	if strings.Contains(c.BaseURL, "://") {
		errorf("baseurl", "baseurl %q must be a path such as /blog (put the host in url)", c.BaseURL)
	}
	c.BaseURL = "/" + strings.Trim(c.BaseURL, "/")
	if c.BaseURL == "/" {
		c.BaseURL = ""
	}
	c.URL = strings.TrimRight(strings.TrimSpace(c.URL), "/")
	if u, err := url.Parse(c.URL); c.URL != "" && (err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https")) {
		errorf("url", "url %q must be absolute, such as https://example.github.io", c.URL)
	} else if c.URL != "" && u.Path != "" {
		ds.Warnf(c.Source, c.lines["url"], "config", "url %q has a path; put %q in baseurl instead", c.URL, u.Path)
	}
	c.validatePermalink(errorf)
	if c.Paginate < 1 {
		errorf(c.paginateKey(), "paginate must be at least 1, got %d", c.Paginate)
	}
	if c.Timezone == "" {
		c.Timezone = "UTC"
	}
	if _, err := time.LoadLocation(c.Timezone); err != nil {
		errorf("timezone", "unknown timezone %q (use an IANA name such as Europe/Paris)", c.Timezone)
	}
	c.Libs.BaseURL = strings.TrimRight(strings.TrimSpace(c.Libs.BaseURL), "/")
	if u, err := url.Parse(c.Libs.BaseURL); err != nil || (u.Host == "" && !strings.HasPrefix(c.Libs.BaseURL, "/")) {
		errorf("libs.base_url", "libs.base_url %q must be an absolute URL or a path starting with /", c.Libs.BaseURL)
	}
	if c.Language == "" {
		c.Language = "en"
	}
	if g := c.Giscus; g.Repo != "" && (g.RepoID == "" || g.CategoryID == "") {
		ds.Warnf(c.Source, c.lines["giscus"], "config", "giscus.repo is set but repo_id or category_id is empty; comments will not load (get them from https://giscus.app)")
	}
	return ds
}

func (c *Config) validatePermalink(errorf func(key, format string, args ...any)) {
	p := strings.TrimSpace(c.Permalink)
	if style, ok := jekyllStyles[p]; ok {
		p = style
	}
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	c.Permalink = p
	if !strings.Contains(p, ":slug") && !strings.Contains(p, ":title") {
		errorf("permalink", "permalink %q must contain :slug or :title, or posts would share one URL", p)
	}
}

// paginateKey names the key paginate was read from, for its line.
func (c *Config) paginateKey() string {
	if _, ok := c.lines["pagination.per_page"]; ok {
		return "pagination.per_page"
	}
	return "paginate"
}
