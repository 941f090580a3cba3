package apikey

import (
	"context"
	"log/slog"
	"os"
	"sync/atomic"
	"time"
)

// Watcher holds the keys of a file and rereads it when it changes, so that a key created or
// revoked with `corridor keys` takes effect in a running server within one poll.
type Watcher struct {
	path string
	set  atomic.Pointer[Set]
	mod  time.Time
	size int64
	log  *slog.Logger
}

// NewWatcher reads the file at path; a file that cannot be read is an error at start, so that
// a server never starts with keys silently missing.
func NewWatcher(path string, log *slog.Logger) (*Watcher, error) {
	w := &Watcher{path: path, log: log}
	if err := w.refresh(); err != nil {
		return nil, err
	}
	return w, nil
}

// Keys returns the keys in force.
func (w *Watcher) Keys() *Set { return w.set.Load() }

// Run polls the file until ctx ends. A file that turns unreadable keeps the keys last read:
// failing open or shut on a half-edited file would both be worse.
func (w *Watcher) Run(ctx context.Context, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if err := w.refresh(); err != nil {
				w.log.Error("api keys not reloaded", slog.String("error", err.Error()))
			}
		}
	}
}

func (w *Watcher) refresh() error {
	var mod time.Time
	var size int64 = -1
	if fi, err := os.Stat(w.path); err == nil {
		mod, size = fi.ModTime(), fi.Size()
	}
	if w.set.Load() != nil && mod.Equal(w.mod) && size == w.size {
		return nil
	}
	set, err := Load(w.path)
	if err != nil {
		return err
	}
	w.set.Store(set)
	w.mod, w.size = mod, size
	return nil
}
