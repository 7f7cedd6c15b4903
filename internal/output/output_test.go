package output

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestPrefixURLs(t *testing.T) {
	tests := []struct {
		name, base, in, want string
	}{
		{"link", "/repo", `<a href="/blog/x/">`, `<a href="/repo/blog/x/">`},
		{"image single quotes", "/repo", `<img src='/assets/a.png'>`, `<img src='/repo/assets/a.png'>`},
		{"root", "/repo", `<a href="/">`, `<a href="/repo/">`},
		{"baseurl that is also a site path", "/blog", `<a href="/blog/2016/x/">`, `<a href="/blog/blog/2016/x/">`},
		{"protocol-relative left alone", "/repo", `<script src="//cdn/x.js">`, `<script src="//cdn/x.js">`},
		{"absolute left alone", "/repo", `<a href="https://x/y">`, `<a href="https://x/y">`},
		{"relative left alone", "/repo", `<a href="x/y">`, `<a href="x/y">`},
		{"fragment left alone", "/repo", `<a href="#fn-1">`, `<a href="#fn-1">`},
		{"data-url", "/repo", `<div data-url="/a.json">`, `<div data-url="/repo/a.json">`},
		{"map tiles served by the site", "/repo", `<script data-tiles="/tiles/{z}/{x}/{y}.png">`, `<script data-tiles="/repo/tiles/{z}/{x}/{y}.png">`},
		{"map tiles elsewhere", "/repo", `<script data-tiles="https://tile.example/{z}.png">`, `<script data-tiles="https://tile.example/{z}.png">`},
		{"text is not an attribute", "/repo", `<code>href=&#34;/x&#34;</code>`, `<code>href=&#34;/x&#34;</code>`},
		{"no base", "", `<a href="/x">`, `<a href="/x">`},
		{"trailing slash on base", "/repo/", `<a href="/x">`, `<a href="/repo/x">`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := string(PrefixURLs([]byte(tc.in), tc.base)); got != tc.want {
				t.Errorf("got %s, want %s", got, tc.want)
			}
		})
	}
}

func TestEmitterMinifiesAndPrefixes(t *testing.T) {
	mem := NewMem()
	e := NewEmitter(mem, "/repo", true)
	if err := e.Emit("a/index.html", []byte("<!doctype html>\n<html>\n  <body>\n    <a href=\"/x/\">x</a>\n  </body>\n</html>\n")); err != nil {
		t.Fatal(err)
	}
	if err := e.Copy("img.svg", []byte("<svg>  </svg>")); err != nil {
		t.Fatal(err)
	}
	got, _ := mem.Get("a/index.html")
	if !strings.Contains(string(got), `href="/repo/x/"`) || strings.Contains(string(got), "\n  ") {
		t.Errorf("not prefixed and minified: %s", got)
	}
	if raw, _ := mem.Get("img.svg"); string(raw) != "<svg>  </svg>" {
		t.Errorf("Copy changed the bytes: %q", raw)
	}
}

// TestDirAtomic: files appear only on Commit; Abort leaves the old tree.
func TestDirAtomic(t *testing.T) {
	root := t.TempDir()
	out := filepath.Join(root, "public")
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(out, "old.html"), []byte("old"), 0o644)

	d, err := NewDir(out)
	if err != nil {
		t.Fatal(err)
	}
	if err := d.WriteFile("new/index.html", []byte("new")); err != nil {
		t.Fatal(err)
	}
	if err := d.WriteFile("../escape.html", []byte("x")); err == nil {
		t.Error("a path leaving the output directory was accepted")
	}
	if _, err := os.Stat(filepath.Join(out, "new/index.html")); err == nil {
		t.Fatal("file visible before Commit")
	}
	if err := d.Abort(); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(out, "old.html")); string(b) != "old" {
		t.Fatal("Abort touched the old tree")
	}

	d, _ = NewDir(out)
	d.WriteFile("new/index.html", []byte("new"))
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(out, "old.html")); err == nil {
		t.Error("old file survived the swap")
	}
	if b, _ := os.ReadFile(filepath.Join(out, "new/index.html")); string(b) != "new" {
		t.Error("new file missing after Commit")
	}
	entries, _ := os.ReadDir(root)
	if len(entries) != 1 {
		t.Errorf("leftovers beside the output: %v", entries)
	}
}

func TestCheckOut(t *testing.T) {
	site := t.TempDir()
	os.MkdirAll(filepath.Join(site, "content"), 0o755)
	notOurs := filepath.Join(site, "notes")
	os.MkdirAll(notOurs, 0o755)
	os.WriteFile(filepath.Join(notOurs, "x.txt"), []byte("x"), 0o644)
	previous := filepath.Join(site, "public")
	os.MkdirAll(previous, 0o755)
	os.WriteFile(filepath.Join(previous, ".nojekyll"), nil, 0o644)
	src := []string{"content", "assets"}
	tests := []struct {
		out string
		ok  bool
	}{
		{filepath.Join(site, "public"), true},
		{filepath.Join(site, "fresh"), true},
		{site, false},
		{filepath.Dir(site), false},
		{filepath.Join(site, "content"), false},
		{filepath.Join(site, "content", "out"), false},
		{notOurs, false},
	}
	for _, tc := range tests {
		err := CheckOut(site, tc.out, src)
		if (err == nil) != tc.ok {
			t.Errorf("CheckOut(%s) = %v, want ok=%v", tc.out, err, tc.ok)
		}
	}
}
