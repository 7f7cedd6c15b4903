package server

import (
	"io/fs"
	"os"
	"path"
)

// siteFS reads the site directory through an os.Root: no name can reach
// outside it, and symbolic links that point outside are left out of
// directory listings, so such a file is neither built nor served.
type siteFS struct {
	root *os.Root
	fsys fs.FS
}

func openSite(dir string) (*siteFS, error) {
	r, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	return &siteFS{root: r, fsys: r.FS()}, nil
}

func (s *siteFS) Open(name string) (fs.File, error)          { return s.fsys.Open(name) }
func (s *siteFS) ReadFile(name string) ([]byte, error)       { return fs.ReadFile(s.fsys, name) }
func (s *siteFS) Stat(name string) (fs.FileInfo, error)      { return fs.Stat(s.fsys, name) }
func (s *siteFS) Close() error                               { return s.root.Close() }
func (s *siteFS) ReadDir(name string) ([]fs.DirEntry, error) { return s.readDir(name) }

func (s *siteFS) readDir(name string) ([]fs.DirEntry, error) {
	ents, err := fs.ReadDir(s.fsys, name)
	out := ents[:0]
	for _, e := range ents {
		if e.Type()&fs.ModeSymlink != 0 {
			if _, err := s.root.Stat(path.Join(name, e.Name())); err != nil {
				continue // points outside the site, or nowhere
			}
		}
		out = append(out, e)
	}
	return out, err
}
