package config

import "testing"

func TestValidate(t *testing.T) {
	tests := []struct {
		name  string
		edit  func(c *Config)
		check func(c Config) bool
		diags []string
	}{
		{name: "baseurl empty", edit: func(c *Config) { c.BaseURL = "" }, check: func(c Config) bool { return c.BaseURL == "" }},
		{name: "baseurl slash", edit: func(c *Config) { c.BaseURL = "/" }, check: func(c Config) bool { return c.BaseURL == "" }},
		{name: "baseurl no leading slash", edit: func(c *Config) { c.BaseURL = "blog" }, check: func(c Config) bool { return c.BaseURL == "/blog" }},
		{name: "baseurl trailing slashes", edit: func(c *Config) { c.BaseURL = " /a/b// " }, check: func(c Config) bool { return c.BaseURL == "/a/b" }},
		{name: "baseurl full URL", edit: func(c *Config) { c.BaseURL = "https://x.org/blog" }, diags: []string{"E0:baseurl"}},
		{name: "url trailing slash", edit: func(c *Config) { c.URL = "https://x.org/" }, check: func(c Config) bool { return c.URL == "https://x.org" }},
		{name: "url relative", edit: func(c *Config) { c.URL = "x.org" }, diags: []string{`E0:url "x.org" must be absolute`}},
		{name: "url with path", edit: func(c *Config) { c.URL = "https://x.org/blog" }, diags: []string{`W0:url "https://x.org/blog" has a path`}},
		{name: "permalink without slug", edit: func(c *Config) { c.Permalink = "/:year/" }, diags: []string{"E0:permalink"}},
		{name: "permalink gets leading slash", edit: func(c *Config) { c.Permalink = ":title/" }, check: func(c Config) bool { return c.Permalink == "/:title/" }},
		{name: "jekyll pretty style", edit: func(c *Config) { c.Permalink = "pretty" },
			check: func(c Config) bool { return c.Permalink == "/:categories/:year/:month/:day/:title/" }},
		{name: "paginate zero", edit: func(c *Config) { c.Paginate = 0 }, diags: []string{"E0:paginate must be at least 1"}},
		{name: "timezone unknown", edit: func(c *Config) { c.Timezone = "Mars/Olympus" }, diags: []string{`E0:unknown timezone "Mars/Olympus"`}},
		{name: "timezone embedded", edit: func(c *Config) { c.Timezone = "America/New_York" },
			check: func(c Config) bool { return c.Location().String() == "America/New_York" }},
		{name: "timezone empty is UTC", edit: func(c *Config) { c.Timezone = "" }, check: func(c Config) bool { return c.Timezone == "UTC" }},
		{name: "libs self-hosted", edit: func(c *Config) { c.Libs.BaseURL = "/assets/libs/" }, check: func(c Config) bool { return c.Libs.BaseURL == "/assets/libs" }},
		{name: "libs relative", edit: func(c *Config) { c.Libs.BaseURL = "libs" }, diags: []string{"E0:libs.base_url"}},
		{name: "giscus without ids", edit: func(c *Config) { c.Giscus.Repo = "a/b" }, diags: []string{"W0:giscus.repo is set"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := Default()
			tt.edit(&c)
			ds := c.Validate()
			if got := show(ds); !match(got, tt.diags) {
				t.Errorf("diags = %q, want prefixes %q", got, tt.diags)
			}
			if tt.check != nil && !tt.check(c) {
				t.Errorf("unexpected Config after Validate: %+v", c)
			}
		})
	}
}

// TestValidateLines checks that Validate points at the key in the file.
func TestValidateLines(t *testing.T) {
	c, ds := Load(mapFS("distill.yaml", "title: T\n\npermalink: /:year/\npaginate: 0\n"))
	ds = append(ds, c.Validate()...)
	if got, want := show(ds), []string{"E3:permalink", "E4:paginate"}; !match(got, want) {
		t.Errorf("diags = %q, want %q", got, want)
	}
	for _, d := range ds {
		if d.File != "distill.yaml" {
			t.Errorf("diagnostic file = %q", d.File)
		}
	}
}
