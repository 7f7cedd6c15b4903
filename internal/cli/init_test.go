package cli

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/goccy/go-yaml"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

// TestWorkflowGolden pins the scaffolded GitHub Pages workflow.
func TestWorkflowGolden(t *testing.T) {
	got := Workflow("v1.2.3")
	golden := filepath.Join("testdata", "pages.yml.golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/cli -update)", err)
	}
	if got != string(want) {
		t.Errorf("workflow differs from %s (run go test ./internal/cli -update and review the diff):\n%s", golden, got)
	}
}

// TestWorkflowShape reads the workflow as GitHub does and checks what
// makes a deploy work: Pages permissions, the pinned install, build with
// the configured base path, check, and the two Pages actions.
func TestWorkflowShape(t *testing.T) {
	var wf struct {
		Permissions map[string]string `yaml:"permissions"`
		Jobs        map[string]struct {
			Needs       any `yaml:"needs"`
			Environment struct {
				Name string `yaml:"name"`
			} `yaml:"environment"`
			Steps []struct {
				ID   string            `yaml:"id"`
				Uses string            `yaml:"uses"`
				Run  string            `yaml:"run"`
				Env  map[string]string `yaml:"env"`
				With map[string]any    `yaml:"with"`
			} `yaml:"steps"`
		} `yaml:"jobs"`
	}
	if err := yaml.Unmarshal([]byte(Workflow("0123456789abcdef0123456789abcdef01234567")), &wf); err != nil {
		t.Fatal(err)
	}
	if wf.Permissions["pages"] != "write" || wf.Permissions["id-token"] != "write" || wf.Permissions["contents"] != "read" {
		t.Errorf("permissions = %v", wf.Permissions)
	}
	var steps []string
	for _, s := range wf.Jobs["build"].Steps {
		switch {
		case s.Uses != "":
			steps = append(steps, s.Uses)
		default:
			steps = append(steps, s.Run)
		}
		if s.Uses == actionConfigurePages && s.ID != "pages" {
			t.Errorf("configure-pages step has id %q; the build reads steps.pages.outputs", s.ID)
		}
		if strings.Contains(s.Run, "distill build") && (s.Env["BASE_PATH"] != "${{ steps.pages.outputs.base_path }}" || s.Env["SITE_URL"] != "${{ steps.pages.outputs.origin }}") {
			t.Errorf("build env = %v", s.Env)
		}
	}
	want := []string{
		actionCheckout, actionSetupGo, actionConfigurePages,
		"go install github.com/distill-dev/distill/cmd/distill@0123456789abcdef0123456789abcdef01234567",
		`distill build --url "$SITE_URL" --baseurl "$BASE_PATH" -o public` + "\n" +
			`distill check --url "$SITE_URL$BASE_PATH" --baseurl "$BASE_PATH" public` + "\n",
		actionUploadPagesArtifact,
	}
	if strings.Join(steps, "\n") != strings.Join(want, "\n") {
		t.Errorf("build steps:\n%s\nwant:\n%s", strings.Join(steps, "\n"), strings.Join(want, "\n"))
	}
	deploy := wf.Jobs["deploy"]
	if deploy.Needs != "build" || deploy.Environment.Name != "github-pages" || len(deploy.Steps) != 1 || deploy.Steps[0].Uses != actionDeployPages {
		t.Errorf("deploy job = %+v", deploy)
	}
	for _, a := range []string{actionCheckout, actionSetupGo, actionConfigurePages, actionUploadPagesArtifact, actionDeployPages} {
		if _, v, _ := strings.Cut(a, "@"); !strings.HasPrefix(v, "v") {
			t.Errorf("%s is not pinned to a major version", a)
		}
	}
}

// TestInitBuildCheck: a site from distill init builds without a warning,
// under a project-site baseurl too, and passes distill check.
func TestInitBuildCheck(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "blog")
	code, stdout, stderr := run(t, "init", "--title", "Notes: a blog", "--author", "Ada", dir)
	if code != 0 {
		t.Fatalf("init: exit %d\n%s", code, stderr)
	}
	for _, f := range []string{"distill.yaml", WorkflowFile, ".gitignore", "content/about.md"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Errorf("init did not write %s", f)
		}
		if !strings.Contains(stdout, filepath.Join(dir, filepath.FromSlash(f))) {
			t.Errorf("init output does not name %s:\n%s", f, stdout)
		}
	}
	posts, _ := filepath.Glob(filepath.Join(dir, "content/posts/*-hello-distill.md"))
	if len(posts) != 1 {
		t.Fatalf("first post: %v", posts)
	}
	cfg, _ := os.ReadFile(filepath.Join(dir, "distill.yaml"))
	if !strings.Contains(string(cfg), `title: "Notes: a blog"`) {
		t.Errorf("title not quoted for YAML:\n%s", cfg)
	}
	for _, base := range []string{"", "/myrepo"} {
		out := filepath.Join(t.TempDir(), "public")
		code, _, stderr = run(t, "build", "-s", dir, "-o", out, "--url", "https://ada.github.io", "--baseurl", base)
		if code != 0 || strings.Contains(stderr, "warning") {
			t.Fatalf("build --baseurl %q: exit %d\n%s", base, code, stderr)
		}
		// As the workflow runs it, and with what it detects.
		for _, args := range [][]string{{"check", "--url", "https://ada.github.io" + base, "--baseurl", base, out}, {"check", out}} {
			code, stdout, stderr = run(t, args...)
			if code != 0 || !strings.Contains(stdout, "all resolve") {
				t.Fatalf("%v after build --baseurl %q: exit %d\n%s%s", args, base, code, stdout, stderr)
			}
		}
		feed, _ := os.ReadFile(filepath.Join(out, "feed.xml"))
		if !strings.Contains(string(feed), "https://ada.github.io"+base+"/blog/") {
			t.Errorf("--url not used in the feed:\n%.400s", feed)
		}
	}
	// A second init never replaces files.
	if code, _, stderr := run(t, "init", dir); code != 1 || !strings.Contains(stderr, "already exists") {
		t.Errorf("init over a site: exit %d\n%s", code, stderr)
	}
}

// TestCheckCommand: distill check reports each broken link as
// "file: message" and exits 1; a clean site exits 0.
func TestCheckCommand(t *testing.T) {
	out := t.TempDir()
	writeFiles(t, out, map[string]string{
		"index.html":      `<html data-baseurl="/repo"><link rel="canonical" href="https://me.github.io/repo/"><a href="/repo/a/">a</a> <a href="/repo/a/#x">x</a></html>`,
		"a/index.html":    `<html><h2 id="x">X</h2><a href="/repo/gone/">gone</a> <a href="/b/">no base</a> <img src="pic.png"></html>`,
		"sitemap.xml":     `<urlset><url><loc>https://me.github.io/repo/missing/</loc></url></urlset>`,
		"assets/app.json": `{}`,
	})
	code, _, stderr := run(t, "check", out)
	if code != 1 {
		t.Fatalf("exit %d, want 1\n%s", code, stderr)
	}
	for _, want := range []string{
		filepath.Join(out, "a/index.html") + `: link "/repo/gone/": no file gone/index.html`,
		filepath.Join(out, "a/index.html") + `: link "/b/" lacks the baseurl /repo`,
		filepath.Join(out, "a/index.html") + `: link "pic.png": no file a/pic.png`,
		filepath.Join(out, "sitemap.xml") + `: link "https://me.github.io/repo/missing/": no file missing/index.html`,
		"check failed: 4 broken links",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	// With the baseurl given on the command line instead of detected.
	if code, _, stderr := run(t, "check", "--baseurl", "", out); code != 1 || !strings.Contains(stderr, `"/repo/a/": no file repo/a/index.html`) {
		t.Errorf("--baseurl override: exit %d\n%s", code, stderr)
	}
	if code, _, _ := run(t, "check", filepath.Join(out, "nope")); code != 1 {
		t.Errorf("missing dir: exit %d", code)
	}
	if code, _, _ := run(t, "check", "a", "b"); code != 2 {
		t.Errorf("two dirs: exit %d", code)
	}
}
