package libs

import (
	"crypto/sha512"
	"encoding/base64"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

var updatePins = flag.Bool("update-pins", false, "print the hashes and sizes of the installed files")

// browserDir is where .ci/run installs the pinned packages (npm ci).
const browserDir = "../../testdata/browser"

// TestInstalledFilesMatch checks every pinned hash, size and version
// against the packages npm installed from testdata/browser/package-lock.json.
// Without node_modules the test is skipped, except under
// DISTILL_BROWSER_TESTS=1 (CI), where that is a failure.
func TestInstalledFilesMatch(t *testing.T) {
	mods := filepath.Join(browserDir, "node_modules")
	if _, err := os.Stat(mods); err != nil {
		if os.Getenv("DISTILL_BROWSER_TESTS") == "1" {
			t.Fatalf("%s missing: run npm ci in %s", mods, browserDir)
		}
		t.Skipf("%s missing (npm ci in %s installs it)", mods, browserDir)
	}
	for _, l := range all {
		var pkg struct{ Version string }
		b, err := os.ReadFile(filepath.Join(mods, l.Package, "package.json"))
		if err == nil {
			err = json.Unmarshal(b, &pkg)
		}
		if err != nil {
			t.Errorf("%s: %v", l.Package, err)
			continue
		}
		if pkg.Version != l.Version {
			t.Errorf("%s: installed %s, pinned %s", l.Package, pkg.Version, l.Version)
		}
		for _, f := range l.Files {
			data, err := os.ReadFile(filepath.Join(mods, l.Package, filepath.FromSlash(f.Path)))
			if err != nil {
				t.Errorf("%s: %v", l.Name, err)
				continue
			}
			sum := sha512.Sum384(data)
			sri := "sha384-" + base64.StdEncoding.EncodeToString(sum[:])
			if *updatePins {
				fmt.Printf("%s %s: Integrity: %q, Size: %d\n", l.Package, f.Path, sri, len(data))
			}
			if sri != f.Integrity {
				t.Errorf("%s %s: integrity %s, pinned %s", l.Package, f.Path, sri, f.Integrity)
			}
			if len(data) != f.Size {
				t.Errorf("%s %s: size %d, pinned %d", l.Package, f.Path, len(data), f.Size)
			}
		}
	}
}

// TestPackageJSONMatchesPins keeps testdata/browser/package.json (what CI
// installs) and the pins in step: same packages, same exact versions.
func TestPackageJSONMatchesPins(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(browserDir, "package.json"))
	if err != nil {
		t.Fatal(err)
	}
	var pj struct{ Dependencies map[string]string }
	if err := json.Unmarshal(b, &pj); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{}
	for _, l := range all {
		want[l.Package] = l.Version
	}
	for p, v := range want {
		if pj.Dependencies[p] != v {
			t.Errorf("package.json: %s is %q, pinned %q", p, pj.Dependencies[p], v)
		}
	}
	for p := range pj.Dependencies {
		if _, ok := want[p]; !ok {
			t.Errorf("package.json: %s is not pinned in internal/libs", p)
		}
	}
}

// TestTable checks the table's own invariants.
func TestTable(t *testing.T) {
	seen := map[string]bool{}
	for _, l := range all {
		if seen[l.Name] {
			t.Errorf("%s listed twice", l.Name)
		}
		for _, r := range l.Requires {
			if !seen[r] {
				t.Errorf("%s requires %s, which is not listed before it", l.Name, r)
			}
		}
		seen[l.Name] = true
		if l.Package == "" || l.Version == "" || len(l.Files) == 0 {
			t.Errorf("%s: incomplete entry", l.Name)
		}
		for _, f := range l.Files {
			if !strings.HasPrefix(f.Integrity, "sha384-") || f.Size <= 0 || strings.HasPrefix(f.Path, "/") {
				t.Errorf("%s %s: bad file entry", l.Name, f.Path)
			}
		}
	}
}

func names(ls []Lib) []string {
	var out []string
	for _, l := range ls {
		out = append(out, l.Name)
	}
	return out
}

func TestResolve(t *testing.T) {
	tests := []struct {
		name  string
		in    []string
		want  []string
		error bool
	}{
		{name: "nothing", in: nil, want: nil},
		{name: "one", in: []string{"mermaid"}, want: []string{"mermaid"}},
		{name: "requirements come first", in: []string{"vega-embed"}, want: []string{"vega", "vega-lite", "vega-embed"}},
		{name: "order of names does not matter", in: []string{"topojson", "chartjs", "mermaid"}, want: []string{"mermaid", "chartjs", "leaflet", "topojson"}},
		{name: "duplicates once", in: []string{"leaflet", "topojson", "leaflet"}, want: []string{"leaflet", "topojson"}},
		{name: "unknown", in: []string{"mermaid", "d3"}, error: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Resolve(tt.in)
			if (err != nil) != tt.error {
				t.Fatalf("err = %v", err)
			}
			if !slices.Equal(names(got), tt.want) {
				t.Errorf("got %v, want %v", names(got), tt.want)
			}
		})
	}
}

func TestTags(t *testing.T) {
	got, err := Tags("https://cdn.example/npm/", []string{"topojson", "tikzjax"})
	if err != nil {
		t.Fatal(err)
	}
	want := `<link rel="stylesheet" href="https://cdn.example/npm/leaflet@1.9.4/dist/leaflet.css" integrity="sha384-sHL9NAb7lN7rfvG5lfHpm643Xkcjzp4jFvuavGOndn6pjVqS6ny56CAt3nsEVT4H" crossorigin="anonymous">
<link rel="stylesheet" href="https://cdn.example/npm/@drgrice1/tikzjax@1.0.0-beta24/dist/fonts.css" integrity="sha384-PbIsOsezZZmSgWhxv4UD3TQAV15oHGgZd/5NYY20c3YdHkFAJx7Ye3Mgnv1KHxBl" crossorigin="anonymous">
<script defer src="https://cdn.example/npm/leaflet@1.9.4/dist/leaflet.js" integrity="sha384-cxOPjt7s7Iz04uaHJceBmS+qpjv2JkIHNVcuOrM+YHwZOmJGBXI00mdUXEq65HTH" crossorigin="anonymous"></script>
<script defer src="https://cdn.example/npm/topojson-client@3.1.0/dist/topojson-client.min.js" integrity="sha384-Ukv1p/xTma6P4/2bY5KzWBw+ydSpXmhCMtyciIQVDJ1RmOxtCYNMF1uXT9T63H67" crossorigin="anonymous"></script>
<script defer src="https://cdn.example/npm/@drgrice1/tikzjax@1.0.0-beta24/dist/tikzjax.js" integrity="sha384-noUV/PegiCqC0SabPZ4t6tyU3kEAuC2UHPfaf1/un55taPy/CZlvJYS3MubK12IT" crossorigin="anonymous"></script>
`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if got, _ := Tags("x", nil); got != "" {
		t.Errorf("no libraries: %q", got)
	}
	if _, err := Tags("x", []string{"nope"}); err == nil {
		t.Error("unknown library: no error")
	}
}

func TestURL(t *testing.T) {
	l, _ := Get("mermaid")
	for _, base := range []string{"/vendor", "/vendor/"} {
		if got := l.URL(base, l.Files[0]); got != "/vendor/mermaid@12.3.0/dist/mermaid.min.js" {
			t.Errorf("base %q: %s", base, got)
		}
	}
}
