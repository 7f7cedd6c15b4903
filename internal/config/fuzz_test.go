package config

import (
	"io/fs"
	"os"
	"testing"

	"github.com/distill-dev/distill/internal/diag"
)

// FuzzLoad checks that no config file panics Load, LoadJekyll or Validate,
// that load diagnostics carry the file and a line, and that Validate's
// diagnostics carry the file.
func FuzzLoad(f *testing.F) {
	for _, p := range []string{"../../distill.yaml", "testdata/al-folio/_config.yml"} {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte("libs: x\ngiscus: [1]\nmath: {macros: 3}\npaginate: -1\nbaseurl: //x\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		loaders := []struct {
			name string
			load func(fs.FS) (Config, diag.List)
		}{{"distill.yaml", Load}, {"_config.yml", LoadJekyll}}
		for _, l := range loaders {
			c, ds := l.load(mapFS(l.name, string(src)))
			for _, d := range ds {
				if d.File != l.name || d.Line < 1 {
					t.Fatalf("load diagnostic without a place: %+v", d)
				}
			}
			for _, d := range c.Validate() {
				if d.File != l.name {
					t.Fatalf("validate diagnostic without the file: %+v", d)
				}
			}
		}
	})
}
