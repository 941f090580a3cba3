package filestore

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/corridor-aml/corridor/internal/atomicfile"
)

const (
	metaFile    = "meta.json"
	currentFile = "CURRENT"
)

// Save stores a version with its files (name -> content) and makes it the current version of
// its list. Files lists the validators to keep for each file; sizes are filled in here. A
// version already stored under the same hash is kept as it is and made current again.
func (s *Store) Save(v Version, files map[string][]byte) error {
	dir, err := s.listDir(v.List)
	if err != nil {
		return fmt.Errorf("store: %w", err)
	}
	hex := HashHex(v.Hash)
	if err := validHashHex(hex); err != nil || len(hex) != 64 {
		return fmt.Errorf("store: list %s: version hash %q is not sha256:<64 hex digits>", v.List, v.Hash)
	}
	if err := ensureDir(dir); err != nil {
		return fmt.Errorf("store: %w", err)
	}
	final := filepath.Join(dir, hex)
	if _, err := os.Stat(final); errors.Is(err, fs.ErrNotExist) {
		if err := writeVersionDir(dir, final, v, files); err != nil {
			return fmt.Errorf("store: list %s version %s: %w", v.List, v.Hash, err)
		}
	} else if err != nil {
		return fmt.Errorf("store: %w", err)
	}
	if err := atomicfile.WriteSynced(filepath.Join(dir, currentFile), []byte(hex+"\n"), 0o644); err != nil {
		return fmt.Errorf("store: list %s: mark %s current: %w", v.List, v.Hash, err)
	}
	return nil
}

// writeVersionDir writes the version into a temporary directory beside final and renames it
// into place, so a version directory is either complete or absent.
func writeVersionDir(listDir, final string, v Version, files map[string][]byte) error {
	tmp, err := os.MkdirTemp(listDir, ".tmp-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp) // a no-op once renamed
	v.Files = fileMetas(v.Files, files)
	for _, f := range v.Files {
		if err := validFileName(f.Name); err != nil {
			return err
		}
		if err := writeGzip(filepath.Join(tmp, f.Name+".gz"), files[f.Name]); err != nil {
			return err
		}
	}
	meta, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	if err := writeSynced(filepath.Join(tmp, metaFile), meta); err != nil {
		return err
	}
	if err := atomicfile.SyncDir(tmp); err != nil {
		return err
	}
	if err := os.Rename(tmp, final); err != nil {
		if _, statErr := os.Stat(filepath.Join(final, metaFile)); statErr == nil {
			return nil // a concurrent save of the same content got there first
		}
		return err
	}
	return atomicfile.SyncDir(listDir)
}

// fileMetas returns one FileMeta per file, in the order given by metas then by name, with
// the validators of metas kept.
func fileMetas(metas []FileMeta, files map[string][]byte) []FileMeta {
	byName := make(map[string]FileMeta, len(metas))
	var order []string
	for _, m := range metas {
		if _, ok := files[m.Name]; ok {
			byName[m.Name] = m
			order = append(order, m.Name)
		}
	}
	for _, name := range sortedKeys(files) {
		if _, ok := byName[name]; !ok {
			order = append(order, name)
		}
	}
	out := make([]FileMeta, 0, len(order))
	for _, name := range order {
		m := byName[name]
		m.Name = name
		m.Size = int64(len(files[name]))
		out = append(out, m)
	}
	return out
}

func writeGzip(path string, content []byte) error {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write(content); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return writeSynced(path, buf.Bytes())
}

func writeSynced(path string, content []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.Write(content); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
