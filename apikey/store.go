package apikey

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/corridor-aml/corridor/internal/atomicfile"
)

// FileName is the file of keys in the data directory.
const FileName = "apikeys.json"

// ErrNotFound is returned when no key has the ID asked for.
var ErrNotFound = errors.New("no such key")

// file is the format on disk; the version lets a later format be told apart.
type file struct {
	Version int   `json:"version"`
	Keys    []Key `json:"keys"`
}

// Set is the keys read from a file at one moment. It never changes, so the server can read it
// from many goroutines and swap in a new one when the file changes.
type Set struct {
	keys []Key
}

// Path returns the key file of a data directory.
func Path(dataDir string) string { return filepath.Join(dataDir, FileName) }

// Load reads the key file at path; a missing file is an empty set.
func Load(path string) (*Set, error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return &Set{}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("api keys: %w", err)
	}
	var f file
	if err := json.Unmarshal(b, &f); err != nil {
		return nil, fmt.Errorf("api keys: %s: %w", path, err)
	}
	if f.Version != 1 {
		return nil, fmt.Errorf("api keys: %s: format version %d, want 1", path, f.Version)
	}
	return &Set{keys: f.Keys}, nil
}

// Keys returns the keys, revoked ones included, oldest first.
func (s *Set) Keys() []Key { return slices.Clone(s.keys) }

// Active reports whether the set holds any key that is not revoked.
func (s *Set) Active() bool {
	for _, k := range s.keys {
		if !k.Revoked {
			return true
		}
	}
	return false
}

// Verify returns the key a presented key string is, when it is a stored key not revoked.
func (s *Set) Verify(presented string) (Key, bool) {
	id := idOf(presented)
	if id == "" {
		return Key{}, false
	}
	for i := range s.keys {
		k := &s.keys[i]
		if k.ID == id && !k.Revoked && k.matches(presented) {
			return *k, true
		}
	}
	return Key{}, false
}

// Create adds a key of the role to the file at path and returns it with the key string,
// which is nowhere stored: the caller must show it now.
func Create(path string, role Role, name string, now time.Time) (Key, string, error) {
	if strings.ContainsAny(name, "\r\n") {
		return Key{}, "", errors.New("api keys: name must be one line")
	}
	set, err := Load(path)
	if err != nil {
		return Key{}, "", err
	}
	id, secret, err := generate()
	if err != nil {
		return Key{}, "", fmt.Errorf("api keys: %w", err)
	}
	k := Key{ID: id, Name: name, Role: role, Hash: hashOf(secret), Created: now.UTC()}
	keys := append(set.Keys(), k)
	if err := save(path, keys); err != nil {
		return Key{}, "", err
	}
	return k, secret, nil
}

// Revoke marks the key with the ID revoked. It stays in the file, for the record.
func Revoke(path, id string, now time.Time) (Key, error) {
	set, err := Load(path)
	if err != nil {
		return Key{}, err
	}
	keys := set.Keys()
	for i := range keys {
		if keys[i].ID == id {
			if !keys[i].Revoked {
				t := now.UTC()
				keys[i].Revoked, keys[i].RevokedAt = true, &t
			}
			return keys[i], save(path, keys)
		}
	}
	return Key{}, fmt.Errorf("api keys: %s: %w", id, ErrNotFound)
}

// save replaces the file atomically (write, sync, rename), so that a server reading it never
// sees half a file and a crash leaves either the old keys or the new ones.
func save(path string, keys []Key) error {
	b, err := json.MarshalIndent(file{Version: 1, Keys: keys}, "", "  ")
	if err != nil {
		return err
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("api keys: %w", err)
	}
	if err := atomicfile.WriteSynced(path, append(b, '\n'), 0o600); err != nil {
		return fmt.Errorf("api keys: %w", err)
	}
	return nil
}
