package server

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"
)

// watcher collects the site-relative paths that changed under a site
// directory. It watches folders, not files, so editors that save by
// writing a temporary file and renaming it over the original are seen as
// one change of the original; new folders are watched as they appear.
// Changes are debounced: ready fires once no event came for delay.
type watcher struct {
	root  string
	delay time.Duration
	fsw   *fsnotify.Watcher
	logf  func(format string, args ...any)

	mu      sync.Mutex
	pending map[string]bool
	timer   *time.Timer
	since   time.Time     // first change of the batch
	ready   chan struct{} // a batch is waiting; capacity 1
}

func newWatcher(root string, delay time.Duration, logf func(string, ...any)) (*watcher, error) {
	abs, err := filepath.Abs(root)
	if err != nil {
		return nil, err
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	}
	fsw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	w := &watcher{root: abs, delay: delay, fsw: fsw, logf: logf, pending: map[string]bool{}, ready: make(chan struct{}, 1)}
	if err := fsw.Add(abs); err != nil {
		fsw.Close()
		return nil, err
	}
	for _, d := range watchedDirs {
		w.addTree(filepath.Join(abs, d), false)
	}
	return w, nil
}

// addTree watches dir and every folder below it except hidden ones. With
// report, the files found are recorded as changed: they may have been
// written before the watch began (a folder copied or checked out).
func (w *watcher) addTree(dir string, report bool) {
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() {
			if p != dir && scratch(d.Name()) {
				return filepath.SkipDir
			}
			if err := w.fsw.Add(p); err != nil {
				w.logf("cannot watch %s: %v", p, err)
			}
		}
		if report {
			w.note(p)
		}
		return nil
	})
}

// run turns file-system events into batches until ctx ends.
func (w *watcher) run(ctx context.Context) {
	defer w.fsw.Close()
	for {
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-w.fsw.Events:
			if !ok {
				return
			}
			w.event(ev)
		case err, ok := <-w.fsw.Errors:
			if !ok {
				return
			}
			if errors.Is(err, fsnotify.ErrEventOverflow) {
				w.noteRel(".") // events were lost: rebuild everything
				continue
			}
			w.logf("watching: %v", err)
		}
	}
}

func (w *watcher) event(ev fsnotify.Event) {
	if ev.Op == fsnotify.Chmod {
		return
	}
	if ev.Has(fsnotify.Create) {
		if st, err := os.Lstat(ev.Name); err == nil && st.IsDir() {
			rel, ok := w.rel(ev.Name)
			if ok && relevant(rel) {
				w.addTree(ev.Name, true)
			}
		}
	}
	w.note(ev.Name)
}

// note records a changed absolute path if it matters to the site.
func (w *watcher) note(abs string) {
	if rel, ok := w.rel(abs); ok && relevant(rel) {
		w.noteRel(rel)
	}
}

// maxWait bounds the debounce, in delays: a file written without pause
// still gets built.
const maxWait = 10

func (w *watcher) noteRel(rel string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.pending[rel] = true
	now := time.Now()
	if w.timer == nil {
		w.since = now
		w.timer = time.AfterFunc(w.delay, w.fire)
	} else if now.Sub(w.since) < maxWait*w.delay {
		w.timer.Reset(w.delay)
	}
}

func (w *watcher) fire() {
	w.mu.Lock()
	w.timer = nil
	w.mu.Unlock()
	select {
	case w.ready <- struct{}{}:
	default:
	}
}

// take returns the changes collected so far, sorted.
func (w *watcher) take() []string {
	w.mu.Lock()
	defer w.mu.Unlock()
	out := make([]string, 0, len(w.pending))
	for rel := range w.pending {
		out = append(out, rel)
	}
	clear(w.pending)
	slices.Sort(out)
	return out
}

func (w *watcher) rel(abs string) (string, bool) {
	r, err := filepath.Rel(w.root, abs)
	if err != nil || !filepath.IsLocal(r) {
		return "", false
	}
	return filepath.ToSlash(r), true
}
