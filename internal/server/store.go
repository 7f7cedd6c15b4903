package server

import (
	"bytes"
	"maps"
	"slices"
	"sync"
)

// store is one build's output in memory. The store being served is never
// written again: a build writes into a clone, which replaces it when the
// build succeeds, so a failed build leaves the last good pages in place.
type store struct {
	mu      sync.Mutex
	files   map[string][]byte
	written map[string]bool // by the build filling this store
}

func newStore() *store { return &store{files: map[string][]byte{}, written: map[string]bool{}} }

// clone returns a store with the same files, ready for the next build.
func (s *store) clone() *store {
	if s == nil {
		return newStore()
	}
	return &store{files: maps.Clone(s.files), written: map[string]bool{}}
}

// WriteFile implements output.Writer.
func (s *store) WriteFile(rel string, data []byte) error {
	s.mu.Lock()
	s.files[rel] = data
	s.written[rel] = true
	s.mu.Unlock()
	return nil
}

// get returns a file's bytes.
func (s *store) get(rel string) ([]byte, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	b, ok := s.files[rel]
	return b, ok
}

// prune removes the files the build neither wrote nor kept.
func (s *store) prune(kept []string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	keep := make(map[string]bool, len(kept))
	for _, k := range kept {
		keep[k] = true
	}
	for rel := range s.files {
		if !s.written[rel] && !keep[rel] {
			delete(s.files, rel)
		}
	}
}

// diff lists the files that differ between old (nil: none) and s: added,
// changed or removed, sorted.
func (s *store) diff(old *store) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []string
	if old == nil {
		return slices.Sorted(maps.Keys(s.files))
	}
	for rel := range s.written {
		prev, ok := old.files[rel]
		if now, still := s.files[rel]; still && (!ok || !bytes.Equal(prev, now)) {
			out = append(out, rel)
		}
	}
	for rel := range old.files {
		if _, ok := s.files[rel]; !ok {
			out = append(out, rel)
		}
	}
	slices.Sort(out)
	return out
}
