package filestore

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/corridor-aml/corridor"
)

// Versions returns the stored versions of a list, newest load first.
func (s *Store) Versions(list corridor.ListID) ([]Version, error) {
	dir, err := s.listDir(list)
	if err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	var versions []Version
	for _, e := range entries {
		if !e.IsDir() || validHashHex(e.Name()) != nil {
			continue // temporaries of an interrupted save, CURRENT
		}
		v, err := readMeta(filepath.Join(dir, e.Name()))
		if err != nil {
			return nil, fmt.Errorf("store: list %s: %w", list, err)
		}
		versions = append(versions, v)
	}
	slices.SortStableFunc(versions, func(a, b Version) int { return b.LoadedAt.Compare(a.LoadedAt) })
	return versions, nil
}

// Current returns the version of a list in use; ErrNotFound when none is stored.
func (s *Store) Current(list corridor.ListID) (Version, error) {
	dir, err := s.listDir(list)
	if err != nil {
		return Version{}, fmt.Errorf("store: %w", err)
	}
	raw, err := os.ReadFile(filepath.Join(dir, currentFile))
	if errors.Is(err, fs.ErrNotExist) {
		return Version{}, fmt.Errorf("store: list %s: no current version: %w", list, ErrNotFound)
	}
	if err != nil {
		return Version{}, fmt.Errorf("store: %w", err)
	}
	hex := strings.TrimSpace(string(raw))
	if err := validHashHex(hex); err != nil {
		return Version{}, fmt.Errorf("store: list %s: %s: %w", list, currentFile, err)
	}
	v, err := readMeta(filepath.Join(dir, hex))
	if err != nil {
		return Version{}, fmt.Errorf("store: list %s: current version: %w", list, err)
	}
	return v, nil
}

// Open returns a stored version and its files. hash may be "sha256:<hex>", the hex alone, or
// a prefix of the hex that only one version has.
func (s *Store) Open(list corridor.ListID, hash string) (Version, map[string][]byte, error) {
	dir, err := s.listDir(list)
	if err != nil {
		return Version{}, nil, fmt.Errorf("store: %w", err)
	}
	hex, err := s.resolve(list, dir, HashHex(hash))
	if err != nil {
		return Version{}, nil, err
	}
	vdir := filepath.Join(dir, hex)
	v, err := readMeta(vdir)
	if err != nil {
		return Version{}, nil, fmt.Errorf("store: list %s: %w", list, err)
	}
	files := make(map[string][]byte, len(v.Files))
	for _, f := range v.Files {
		if err := validFileName(f.Name); err != nil {
			return Version{}, nil, fmt.Errorf("store: list %s version %s: %w", list, hex, err)
		}
		content, err := readGzip(filepath.Join(vdir, f.Name+".gz"))
		if err != nil {
			return Version{}, nil, fmt.Errorf("store: list %s version %s: %w", list, hex, err)
		}
		files[f.Name] = content
	}
	return v, files, nil
}

// resolve finds the one version directory whose name starts with prefix.
func (s *Store) resolve(list corridor.ListID, dir, prefix string) (string, error) {
	if err := validHashHex(prefix); err != nil {
		return "", fmt.Errorf("store: list %s: %w", list, err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return "", fmt.Errorf("store: %w", err)
	}
	var found []string
	for _, e := range entries {
		if e.IsDir() && validHashHex(e.Name()) == nil && strings.HasPrefix(e.Name(), prefix) {
			found = append(found, e.Name())
		}
	}
	switch len(found) {
	case 0:
		return "", fmt.Errorf("store: list %s: no version %s: %w", list, prefix, ErrNotFound)
	case 1:
		return found[0], nil
	}
	return "", fmt.Errorf("store: list %s: version prefix %s is ambiguous (%d versions)", list, prefix, len(found))
}

// Lists returns the lists that have a stored version.
func (s *Store) Lists() ([]corridor.ListID, error) {
	entries, err := os.ReadDir(filepath.Join(s.dir, "lists"))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	var lists []corridor.ListID
	for _, e := range entries {
		if l := corridor.ListID(e.Name()); e.IsDir() && l.Validate() == nil {
			lists = append(lists, l)
		}
	}
	return lists, nil
}

func readMeta(vdir string) (Version, error) {
	raw, err := os.ReadFile(filepath.Join(vdir, metaFile))
	if err != nil {
		return Version{}, err
	}
	var v Version
	if err := json.Unmarshal(raw, &v); err != nil {
		return Version{}, fmt.Errorf("%s: %w", filepath.Join(vdir, metaFile), err)
	}
	return v, nil
}

func readGzip(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	var buf bytes.Buffer
	if _, err := io.Copy(&buf, zr); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return buf.Bytes(), nil
}

func sortedKeys(m map[string][]byte) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
