package lists

import (
	"fmt"
	"time"

	"github.com/corridor-aml/corridor"
)

// Load reads one version of a list from its files (file name -> content) and fills in its
// version: content hash, load time, entity count and where it came from (a URL, a path or
// "embedded"). The publish date is the reader's, when the list gives one.
func Load(src Source, files map[string][]byte, origin string) (*corridor.ListSnapshot, error) {
	return loadAt(src, files, origin, time.Now().UTC())
}

func loadAt(src Source, files map[string][]byte, origin string, now time.Time) (*corridor.ListSnapshot, error) {
	snap, err := Parse(src, files)
	if err != nil {
		return nil, err
	}
	published := snap.Version.Published
	snap.Version = corridor.ListVersion{
		List:      src.List,
		Hash:      ContentHash(files),
		Published: published,
		LoadedAt:  now,
		Entities:  len(snap.Entities),
		Source:    origin,
	}
	return snap, nil
}

// Parse reads a list's files with the reader its format names. Files the format needs but
// files lacks are an error; optional ones (OFAC's alt, add and comments files) may be absent.
func Parse(src Source, files map[string][]byte) (*corridor.ListSnapshot, error) {
	parse, ok := parsers[src.Format]
	if !ok {
		return nil, fmt.Errorf("list %s: unknown format %q", src.List, src.Format)
	}
	if len(src.Files) == 0 {
		return nil, fmt.Errorf("list %s: no files configured", src.List)
	}
	primary := src.Files[0].Name
	if _, ok := files[primary]; !ok {
		return nil, fmt.Errorf("list %s: file %s missing", src.List, primary)
	}
	snap, err := parse(src, files)
	if err != nil {
		return nil, fmt.Errorf("list %s: %w", src.List, err)
	}
	return snap, nil
}
