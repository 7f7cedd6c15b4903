package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func run(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Run(context.Background(), args, &out, &errb)
	return code, out.String(), errb.String()
}

func writeFiles(t *testing.T, root string, files map[string]string) {
	t.Helper()
	for name, body := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

const goodPost = "---\ntitle: Good\ndate: 2020-01-02\n---\n\nHello $x_1$.\n"

// TestBuildFailureKeepsOutput: a broken post fails the build with
// file:line for every bad file, exit 1, and the previous output survives.
func TestBuildFailureKeepsOutput(t *testing.T) {
	site := t.TempDir()
	writeFiles(t, site, map[string]string{"content/posts/2020-01-02-good.md": goodPost})
	out := filepath.Join(site, "public")
	if code, _, stderr := run(t, "build", "-s", site); code != 0 {
		t.Fatalf("first build: exit %d\n%s", code, stderr)
	}
	before, err := os.ReadFile(filepath.Join(out, "blog/2020/good/index.html"))
	if err != nil {
		t.Fatal(err)
	}
	writeFiles(t, site, map[string]string{
		"content/posts/2020-01-03-bad.md":  "---\ntitle: Bad\ntags: [a, b\ndate: 2020-01-03\n---\nbody\n",
		"content/posts/2020-01-04-bad2.md": "---\ntitle: Bad two\n\nno closing line\n",
		"content/posts/2020-01-05-math.md": "---\ntitle: M\n---\n\ntext\n\n$$\nx = 1\n",
	})
	code, _, stderr := run(t, "build", "-s", site)
	if code != 1 {
		t.Fatalf("exit %d, want 1\n%s", code, stderr)
	}
	for _, want := range []string{
		"content/posts/2020-01-03-bad.md:",
		"content/posts/2020-01-04-bad2.md:1:",
		"content/posts/2020-01-05-math.md:7: unclosed math",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	after, err := os.ReadFile(filepath.Join(out, "blog/2020/good/index.html"))
	if err != nil || !bytes.Equal(before, after) {
		t.Errorf("previous output was changed by a failed build (err %v)", err)
	}
	entries, _ := os.ReadDir(site)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp-") {
			t.Errorf("temporary directory %s left behind", e.Name())
		}
	}
}

// TestRefusesDangerousOutput: -o never points at something that holds
// sources.
func TestRefusesDangerousOutput(t *testing.T) {
	site := t.TempDir()
	writeFiles(t, site, map[string]string{"content/posts/2020-01-02-good.md": goodPost, "notes/keep.txt": "mine"})
	for _, out := range []string{site, filepath.Join(site, "content"), filepath.Join(site, "notes"), filepath.Dir(site)} {
		code, _, stderr := run(t, "build", "-s", site, "-o", out)
		if code == 0 {
			t.Errorf("-o %s was accepted", out)
		}
		if !strings.Contains(stderr, "refusing") && !strings.Contains(stderr, "choose another") {
			t.Errorf("-o %s: unclear message %q", out, stderr)
		}
	}
	if b, err := os.ReadFile(filepath.Join(site, "notes/keep.txt")); err != nil || string(b) != "mine" {
		t.Fatal("a file outside the output directory was touched")
	}
}

func TestHelpAndVersion(t *testing.T) {
	for _, args := range [][]string{{"help"}, {"-h"}, {"build", "-h"}, {"serve", "-h"}, {"new", "-h"}, {"help", "build"}} {
		code, out, errOut := run(t, args...)
		if code != 0 || !strings.Contains(out+errOut, "Usage") && !strings.Contains(out+errOut, "distill") {
			t.Errorf("%v: exit %d, output %q", args, code, out+errOut)
		}
	}
	if code, out, _ := run(t, "version"); code != 0 || !strings.HasPrefix(out, "distill ") {
		t.Errorf("version: %d %q", code, out)
	}
	if code, _, _ := run(t, "bogus"); code != 2 {
		t.Errorf("unknown command exit %d, want 2", code)
	}
}

func TestNewPost(t *testing.T) {
	site := t.TempDir()
	code, out, stderr := run(t, "new", "-s", site, "post", "Hello, World!")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	files, _ := filepath.Glob(filepath.Join(site, "content/posts/*-hello-world.md"))
	if len(files) != 1 || !strings.Contains(out, "wrote") {
		t.Fatalf("files %v, out %q", files, out)
	}
	if code, _, _ := run(t, "new", "-s", site, "post", "Hello, World!"); code == 0 {
		t.Error("second new post with the same name overwrote the first")
	}
	if code, _, stderr := run(t, "build", "-s", site, "--report", filepath.Join(site, "r.json")); code != 0 {
		t.Fatalf("building the new post: %s", stderr)
	}
	if b, err := os.ReadFile(filepath.Join(site, "r.json")); err != nil || !strings.Contains(string(b), `"totals"`) {
		t.Errorf("report: %v %s", err, b)
	}
}
