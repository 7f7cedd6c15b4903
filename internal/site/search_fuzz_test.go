package site

import (
	"path"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzPlainText: any HTML gives valid text, and its excerpt stays within
// its length without splitting a rune.
func FuzzPlainText(f *testing.F) {
	for _, s := range []string{
		"<p>One.</p><p>Two <em>three</em>.</p>", "<math><mi>x</mi></math>y", "<!-- x", "a <p", "<svg><svg></svg>",
		`<span role="tooltip">x</span>ünïcödé &amp; &#8212;`, "<pre><code>x</code></pre>", "<//><>< p>",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		text := plainText(s)
		if strings.Contains(text, "  ") || strings.TrimSpace(text) != text {
			t.Errorf("plainText(%q) = %q: spaces not collapsed", s, text)
		}
		x := excerpt(text, 40)
		if utf8.ValidString(text) && !utf8.ValidString(x) {
			t.Errorf("excerpt(%q) = %q: broken rune", text, x)
		}
		if len(x) > 40+len("…") {
			t.Errorf("excerpt(%q) is %d bytes", text, len(x))
		}
	})
}

// FuzzAliasURL: a redirect_from entry becomes "" or a clean site path.
func FuzzAliasURL(f *testing.F) {
	for _, s := range []string{"/old/x.html", "old/", "/a/../../b/", "https://x.org/", "#x", " /s/ ", "//cdn/x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		u := aliasURL(s)
		if u == "" {
			return
		}
		if !strings.HasPrefix(u, "/") || strings.HasPrefix(u, "//") || strings.Contains(u, "/../") ||
			path.Clean(u) != strings.TrimSuffix(u, "/") && u != "/" {
			t.Errorf("aliasURL(%q) = %q", s, u)
		}
		if p := outPath(u); strings.HasPrefix(p, "/") || slices.Contains(strings.Split(p, "/"), "..") {
			t.Errorf("aliasURL(%q) writes %q", s, p)
		}
	})
}
