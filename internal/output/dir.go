package output

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// Dir writes into a private temporary directory beside the output
// directory; Commit swaps it into place, so a failed build never leaves a
// half-written tree and the previous output stays as it was.
type Dir struct {
	out string // final output directory (absolute)
	tmp string // where files go until Commit

	mu   sync.Mutex
	dirs map[string]bool
}

// NewDir prepares an atomic write of the directory out.
func NewDir(out string) (*Dir, error) {
	abs, err := filepath.Abs(out)
	if err != nil {
		return nil, err
	}
	parent := filepath.Dir(abs)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(abs)+".tmp-")
	if err != nil {
		return nil, err
	}
	return &Dir{out: abs, tmp: tmp, dirs: map[string]bool{}}, nil
}

// WriteFile implements Writer.
func (d *Dir) WriteFile(rel string, data []byte) error {
	if !filepath.IsLocal(filepath.FromSlash(rel)) {
		return fmt.Errorf("output path %q leaves the output directory", rel)
	}
	p := filepath.Join(d.tmp, filepath.FromSlash(rel))
	dir := filepath.Dir(p)
	d.mu.Lock()
	known := d.dirs[dir]
	d.dirs[dir] = true
	d.mu.Unlock()
	if !known {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
	}
	return os.WriteFile(p, data, 0o644)
}

// Commit replaces the output directory with what was written. The old tree
// is renamed aside first and removed only once the new one is in place.
func (d *Dir) Commit() error {
	old := ""
	if _, err := os.Lstat(d.out); err == nil {
		old = d.tmp + ".old"
		if err := os.Rename(d.out, old); err != nil {
			return err
		}
	}
	if err := os.Rename(d.tmp, d.out); err != nil {
		if old != "" {
			_ = os.Rename(old, d.out)
		}
		return err
	}
	if old != "" {
		return os.RemoveAll(old)
	}
	return nil
}

// Abort throws away what was written; the output directory is untouched.
func (d *Dir) Abort() error { return os.RemoveAll(d.tmp) }

// CheckOut refuses output directories whose replacement could destroy
// sources: the site root itself, a folder that contains the site, a source
// folder, or an existing folder that does not look like a previous build.
func CheckOut(site, out string, sourceDirs []string) error {
	s, err := filepath.Abs(site)
	if err != nil {
		return err
	}
	o, err := filepath.Abs(out)
	if err != nil {
		return err
	}
	if o == s || strings.HasPrefix(s+string(filepath.Separator), o+string(filepath.Separator)) {
		return fmt.Errorf("output directory %s contains the site; choose another -o", out)
	}
	for _, src := range sourceDirs {
		sd := filepath.Join(s, src)
		if o == sd || strings.HasPrefix(o+string(filepath.Separator), sd+string(filepath.Separator)) {
			return fmt.Errorf("output directory %s is inside the source folder %s; choose another -o", out, src)
		}
	}
	entries, err := os.ReadDir(o)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if len(entries) == 0 {
		return nil
	}
	for _, marker := range []string{".git", "distill.yaml", "_config.yml", "go.mod", "content", "_posts"} {
		if _, err := os.Lstat(filepath.Join(o, marker)); err == nil {
			return fmt.Errorf("output directory %s holds %s, so it is not a build output; refusing to replace it", out, marker)
		}
	}
	if _, err := os.Lstat(filepath.Join(o, ".nojekyll")); err != nil {
		return fmt.Errorf("output directory %s is not empty and was not written by distill (no .nojekyll); refusing to replace it", out)
	}
	return nil
}
