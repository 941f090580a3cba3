// Package bundled holds a compressed snapshot of the OFAC SDN, OFAC non-SDN and UN lists,
// embedded in the binary so that corridor screens out of the box, with no network. The files
// are re-made by ./gen (see docs/lists.md); a newer version in the data directory, from
// `corridor lists update`, takes precedence over them.
package bundled

import (
	"bytes"
	"compress/gzip"
	"embed"
	"encoding/json"
	"fmt"
	"io"
	"path"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/lists"
)

// Origin is the Source of every embedded list version.
const Origin = lists.OriginEmbedded

//go:embed data
var data embed.FS

// ReadManifest returns the description of the embedded snapshot.
func ReadManifest() (Manifest, error) {
	raw, err := data.ReadFile("data/manifest.json")
	if err != nil {
		return Manifest{}, fmt.Errorf("bundled lists: %w", err)
	}
	var m Manifest
	if err := json.Unmarshal(raw, &m); err != nil {
		return Manifest{}, fmt.Errorf("bundled lists: manifest.json: %w", err)
	}
	return m, nil
}

// Lists returns the IDs of the embedded lists.
func Lists() ([]corridor.ListID, error) {
	m, err := ReadManifest()
	if err != nil {
		return nil, err
	}
	ids := make([]corridor.ListID, len(m.Lists))
	for i, l := range m.Lists {
		ids[i] = l.List
	}
	return ids, nil
}

// Load reads every embedded list. Their versions have Source "embedded" and, as load time,
// the time the snapshot was made, so that their age shows how old the snapshot is.
func Load() ([]*corridor.ListSnapshot, error) {
	m, err := ReadManifest()
	if err != nil {
		return nil, err
	}
	snaps := make([]*corridor.ListSnapshot, 0, len(m.Lists))
	for _, l := range m.Lists {
		snap, err := load(m, l)
		if err != nil {
			return nil, err
		}
		snaps = append(snaps, snap)
	}
	return snaps, nil
}

// LoadList reads one embedded list.
func LoadList(id corridor.ListID) (*corridor.ListSnapshot, error) {
	m, err := ReadManifest()
	if err != nil {
		return nil, err
	}
	for _, l := range m.Lists {
		if l.List == id {
			return load(m, l)
		}
	}
	return nil, fmt.Errorf("bundled lists: %s is not embedded", id)
}

// Files returns the decompressed files of one embedded list (file name -> content).
func Files(id corridor.ListID) (map[string][]byte, error) {
	m, err := ReadManifest()
	if err != nil {
		return nil, err
	}
	for _, l := range m.Lists {
		if l.List == id {
			return readFiles(l)
		}
	}
	return nil, fmt.Errorf("bundled lists: %s is not embedded", id)
}

func load(m Manifest, l ManifestList) (*corridor.ListSnapshot, error) {
	src, err := lists.SourceFor(l.List)
	if err != nil {
		return nil, fmt.Errorf("bundled lists: %w", err)
	}
	files, err := readFiles(l)
	if err != nil {
		return nil, err
	}
	snap, err := lists.Load(src, files, Origin)
	if err != nil {
		return nil, fmt.Errorf("bundled lists: %w", err)
	}
	if snap.Version.Hash != l.Hash {
		return nil, fmt.Errorf("bundled lists: %s: files hash to %s, manifest says %s", l.List, snap.Version.Hash, l.Hash)
	}
	snap.Version.LoadedAt = m.SnapshotAt
	return snap, nil
}

func readFiles(l ManifestList) (map[string][]byte, error) {
	files := make(map[string][]byte, len(l.Files))
	for _, name := range l.Files {
		content, err := gunzip(path.Join("data", string(l.List), name+".gz"))
		if err != nil {
			return nil, fmt.Errorf("bundled lists: %s: %w", l.List, err)
		}
		files[name] = content
	}
	return files, nil
}

func gunzip(name string) ([]byte, error) {
	f, err := data.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	var buf bytes.Buffer
	if _, err := io.Copy(&buf, zr); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return buf.Bytes(), nil
}
