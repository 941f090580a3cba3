// Command gen re-makes the embedded list snapshot of package bundled from a directory laid out
// like the project's shared data (ofac/sdn.csv ..., un/consolidated.xml):
//
//	go run ./lists/bundled/gen -from /work/shared/data/lists -out lists/bundled/data
//
// It reads every file, checks that each list parses, and writes <out>/<list>/<file>.gz and
// <out>/manifest.json. Run it from the repository root.
package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/lists"
	"github.com/corridor-aml/corridor/lists/bundled"
)

// subdirs says where each bundled list's files sit under -from.
var subdirs = []struct {
	list corridor.ListID
	dir  string
}{
	{corridor.ListOFACSDN, "ofac"},
	{corridor.ListOFACNonSDN, "ofac"},
	{corridor.ListUN, "un"},
}

func main() {
	from := flag.String("from", "", "directory holding ofac/ and un/ (required)")
	out := flag.String("out", "lists/bundled/data", "directory to write the snapshot to")
	at := flag.String("snapshot-at", "", "snapshot time, RFC 3339 (default: now)")
	flag.Parse()
	if err := run(*from, *out, *at); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(from, out, at string) error {
	if from == "" {
		return fmt.Errorf("-from is required")
	}
	m := bundled.Manifest{SnapshotAt: time.Now().UTC().Truncate(time.Second)}
	if at != "" {
		t, err := time.Parse(time.RFC3339, at)
		if err != nil {
			return fmt.Errorf("-snapshot-at: %w", err)
		}
		m.SnapshotAt = t.UTC()
	}
	for _, s := range subdirs {
		entry, err := bundleList(s.list, filepath.Join(from, s.dir), out)
		if err != nil {
			return err
		}
		m.Lists = append(m.Lists, entry)
		fmt.Printf("%s: %d entities, %s\n", entry.List, entry.Entities, entry.Hash)
	}
	raw, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(out, "manifest.json"), append(raw, '\n'), 0o644)
}

func bundleList(list corridor.ListID, dir, out string) (bundled.ManifestList, error) {
	src, err := lists.SourceFor(list)
	if err != nil {
		return bundled.ManifestList{}, err
	}
	files := make(map[string][]byte, len(src.Files))
	for _, name := range src.FileNames() {
		content, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			return bundled.ManifestList{}, err
		}
		files[name] = content
	}
	snap, err := lists.Load(src, files, "embedded")
	if err != nil {
		return bundled.ManifestList{}, err
	}
	listDir := filepath.Join(out, string(list))
	if err := os.MkdirAll(listDir, 0o755); err != nil {
		return bundled.ManifestList{}, err
	}
	for name, content := range files {
		if err := writeGzip(filepath.Join(listDir, name+".gz"), content); err != nil {
			return bundled.ManifestList{}, err
		}
	}
	return bundled.ManifestList{List: list, Files: src.FileNames(), Hash: snap.Version.Hash, Entities: snap.Version.Entities}, nil
}

// writeGzip compresses without a name or time in the header, so that the same input always
// gives the same bytes.
func writeGzip(path string, content []byte) error {
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return err
	}
	if _, err := zw.Write(content); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return os.WriteFile(path, buf.Bytes(), 0o644)
}
