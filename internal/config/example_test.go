package config

import (
	"os"
	"testing"
)

// TestSampleSiteConfig keeps the commented /distill.yaml of the sample site
// loadable without a single diagnostic.
func TestSampleSiteConfig(t *testing.T) {
	c, ds := Load(os.DirFS("../.."))
	ds = append(ds, c.Validate()...)
	if len(ds) != 0 {
		t.Fatalf("diags: %v", ds)
	}
	if c.Source != "distill.yaml" || c.Title != "distill" || c.URL != "https://example.github.io" || c.Paginate != 10 ||
		c.Permalink != Default().Permalink || c.Libs.BaseURL != Default().Libs.BaseURL || c.Math.Macros["RR"] != `\mathbb{R}` ||
		c.Description == "" || c.Author == "" {
		t.Errorf("unexpected Config: %+v", c)
	}
}
