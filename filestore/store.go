// Package filestore keeps every downloaded version of every list in a data directory, so
// that a bad update can be refused without losing the last good one and any two versions can
// be compared. Layout:
//
//	<dir>/lists/<list>/<hash hex>/meta.json     the version (corridor.ListVersion) and its files
//	<dir>/lists/<list>/<hash hex>/<file>.gz     each source file, gzip-compressed
//	<dir>/lists/<list>/CURRENT                  the hash hex of the version in use
//
// A version directory is written under a temporary name and renamed into place, and CURRENT
// is replaced by rename, so a crash leaves either the old state or the new one.
package filestore

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/corridor-aml/corridor"
)

// ErrNotFound is returned when a list has no stored version, or none matching a hash.
var ErrNotFound = errors.New("not found")

// Store is a version store rooted at a data directory.
type Store struct {
	dir string
}

// New returns the store in dir; the directory is created on the first Save.
func New(dir string) *Store { return &Store{dir: dir} }

// Dir returns the store's data directory.
func (s *Store) Dir() string { return s.dir }

// Version is a stored list version with the files it was read from.
type Version struct {
	corridor.ListVersion
	Format string     `json:",omitempty"` // the reader that reads the files (lists.Format)
	Files  []FileMeta // primary file first, as the list's source names them
}

// FileMeta describes one stored source file and the HTTP validators it was served with, for
// conditional requests on the next update.
type FileMeta struct {
	Name         string
	Size         int64
	URL          string `json:",omitempty"` // where it was downloaded from; the validators hold for that URL only
	ETag         string `json:",omitempty"`
	LastModified string `json:",omitempty"`
}

// HashHex returns the hex part of a "sha256:<hex>" hash, the version's directory name.
func HashHex(hash string) string {
	_, hex, ok := strings.Cut(hash, ":")
	if !ok {
		return hash
	}
	return hex
}

func (s *Store) listDir(list corridor.ListID) (string, error) {
	if err := list.Validate(); err != nil {
		return "", err
	}
	return filepath.Join(s.dir, "lists", string(list)), nil
}

func validHashHex(h string) error {
	if len(h) == 0 || len(h) > 64 {
		return fmt.Errorf("hash %q: want 1 to 64 hex digits", h)
	}
	for _, r := range h {
		if !(r >= '0' && r <= '9' || r >= 'a' && r <= 'f') {
			return fmt.Errorf("hash %q: want lower-case hex digits", h)
		}
	}
	return nil
}

func validFileName(name string) error {
	if name == "" || name == "." || name == ".." || strings.ContainsAny(name, `/\`) || name == metaFile {
		return fmt.Errorf("bad file name %q", name)
	}
	return nil
}

func ensureDir(dir string) error { return os.MkdirAll(dir, 0o755) }
