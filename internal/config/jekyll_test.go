package config

import (
	"os"
	"testing"
	"testing/fstest"
)

func mapFS(name, body string) fstest.MapFS {
	return fstest.MapFS{name: &fstest.MapFile{Data: []byte(body)}}
}

func TestLoadJekyllAlFolio(t *testing.T) {
	c, ds := LoadJekyll(os.DirFS("testdata/al-folio"))
	if len(ds) != 0 {
		t.Fatalf("diags: %v", ds)
	}
	if c.Source != "_config.yml" || c.Title != "Sample Lab" || c.Description != "al-folio sample posts" ||
		c.URL != "https://example.github.io" || c.BaseURL != "" || c.Permalink != "/blog/:year/:title/" || c.Paginate != 5 ||
		c.Giscus.Repo != "example/example.github.io" || c.Giscus.Category != "Comments" || c.Extra["pagination"] == nil {
		t.Errorf("unexpected Config: %+v", c)
	}
	ds = c.Validate()
	if got, want := show(ds), []string{"W10:giscus.repo is set but repo_id or category_id is empty"}; !match(got, want) {
		t.Errorf("Validate diags = %q, want %q", got, want)
	}
}

func TestLoadJekyll(t *testing.T) {
	tests := []struct {
		name  string
		src   string
		check func(c Config) bool
		diags []string
	}{
		{name: "author from names", src: "first_name: Albert\nmiddle_name: \"\"\nlast_name: Einstein\n",
			check: func(c Config) bool { return c.Author == "Albert Einstein" }},
		{name: "paginate key", src: "paginate: 7\n", check: func(c Config) bool { return c.Paginate == 7 }},
		{name: "lang, timezone, footer", src: "lang: de\ntimezone: Europe/Berlin\nfooter_text: Hi\n",
			check: func(c Config) bool { return c.Language == "de" && c.Timezone == "Europe/Berlin" && c.Footer == "Hi" }},
		{name: "unknown keys kept silently", src: "scholar:\n  style: apa\nenable_darkmode: true\nkeep_files: [CNAME]\n",
			check: func(c Config) bool { return c.Extra["enable_darkmode"] == true && c.Extra["scholar"] != nil }},
		{name: "giscus numeric booleans", src: "giscus:\n  reactions_enabled: 0\n  emit_metadata: 1\n  strict: 1\n",
			check: func(c Config) bool { return !c.Giscus.ReactionsEnabled && c.Giscus.EmitMetadata }},
		{name: "typed key of wrong type still warns", src: "pagination:\n  per_page: lots\n", diags: []string{"W2:pagination.per_page should be a whole number"}},
		{name: "bad YAML", src: "title: x\n  - y\nz: [\n", diags: []string{"E"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, ds := LoadJekyll(mapFS("_config.yml", tt.src))
			if got := show(ds); !match(got, tt.diags) {
				t.Errorf("diags = %q, want prefixes %q", got, tt.diags)
			}
			if tt.check != nil && !tt.check(c) {
				t.Errorf("unexpected Config: %+v", c)
			}
		})
	}
}
