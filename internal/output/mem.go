package output

import (
	"maps"
	"slices"
	"sync"
)

// Mem keeps output files in memory, for tests and the preview server.
type Mem struct {
	mu    sync.RWMutex
	files map[string][]byte
}

// NewMem returns an empty in-memory tree.
func NewMem() *Mem { return &Mem{files: map[string][]byte{}} }

// WriteFile implements Writer.
func (m *Mem) WriteFile(rel string, data []byte) error {
	m.mu.Lock()
	m.files[rel] = data
	m.mu.Unlock()
	return nil
}

// Get returns a file's bytes.
func (m *Mem) Get(rel string) ([]byte, bool) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	b, ok := m.files[rel]
	return b, ok
}

// Files returns the sorted list of paths.
func (m *Mem) Files() []string {
	m.mu.RLock()
	defer m.mu.RUnlock()
	return slices.Sorted(maps.Keys(m.files))
}
