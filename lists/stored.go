package lists

import (
	"fmt"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/filestore"
)

// LoadStored reads a stored version of a list (hash or unique hash prefix) with the format and
// file order it was stored with, and checks that its files still hash to the version's hash.
// The version keeps its stored load time and origin.
func LoadStored(store *filestore.Store, list corridor.ListID, hash string) (*corridor.ListSnapshot, error) {
	v, files, err := store.Open(list, hash)
	if err != nil {
		return nil, err
	}
	if got := ContentHash(files); got != v.Hash {
		return nil, fmt.Errorf("list %s: stored version %s is corrupt: its files hash to %s", list, v.Hash, got)
	}
	src, err := storedSource(v)
	if err != nil {
		return nil, err
	}
	snap, err := Load(src, files, v.Source)
	if err != nil {
		return nil, fmt.Errorf("stored version %s: %w", v.Hash, err)
	}
	snap.Version.LoadedAt = v.LoadedAt
	if snap.Version.Published.IsZero() {
		snap.Version.Published = v.Published
	}
	return snap, nil
}

// LoadCurrent reads the current stored version of a list; filestore.ErrNotFound when there is
// none.
func LoadCurrent(store *filestore.Store, list corridor.ListID) (*corridor.ListSnapshot, error) {
	v, err := store.Current(list)
	if err != nil {
		return nil, err
	}
	return LoadStored(store, list, v.Hash)
}

// storedSource rebuilds the source a stored version was read with; versions stored without
// a format take the list's default one.
func storedSource(v filestore.Version) (Source, error) {
	if v.Format == "" {
		return SourceFor(v.List)
	}
	src := Source{List: v.List, Format: Format(v.Format)}
	for _, f := range v.Files {
		src.Files = append(src.Files, File{Name: f.Name})
	}
	return src, nil
}
