package lists

import (
	"bytes"
	"fmt"
	"io"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/lists/custom"
	"github.com/corridor-aml/corridor/lists/eu"
	"github.com/corridor-aml/corridor/lists/ftm"
	"github.com/corridor-aml/corridor/lists/ofac"
	"github.com/corridor-aml/corridor/lists/ofacadv"
	"github.com/corridor-aml/corridor/lists/uk"
	"github.com/corridor-aml/corridor/lists/un"
)

// parseFunc reads a list version from its files; Parse has already checked that the primary
// file is present.
type parseFunc func(src Source, files map[string][]byte) (*corridor.ListSnapshot, error)

var parsers = map[Format]parseFunc{
	FormatOFACCSV:      parseOFACCSV,
	FormatOFACAdvanced: single(func(src Source, r io.Reader) (*corridor.ListSnapshot, error) { return ofacadv.Parse(src.List, r) }),
	FormatUN:           single(func(_ Source, r io.Reader) (*corridor.ListSnapshot, error) { return un.Parse(r) }),
	FormatEU:           single(func(_ Source, r io.Reader) (*corridor.ListSnapshot, error) { return eu.Parse(r) }),
	FormatUK:           single(func(_ Source, r io.Reader) (*corridor.ListSnapshot, error) { return uk.Parse(r) }),
	FormatFTM:          single(func(src Source, r io.Reader) (*corridor.ListSnapshot, error) { return ftm.Parse(src.List, r) }),
	FormatCustomCSV:    single(func(src Source, r io.Reader) (*corridor.ListSnapshot, error) { return custom.Parse(src.List, r) }),
}

// single adapts a reader of one file to the parseFunc shape.
func single(parse func(Source, io.Reader) (*corridor.ListSnapshot, error)) parseFunc {
	return func(src Source, files map[string][]byte) (*corridor.ListSnapshot, error) {
		return parse(src, bytes.NewReader(files[src.Files[0].Name]))
	}
}

// parseOFACCSV joins OFAC's four files by the names the source gives them, in the order
// primary, alt, address, comments; a source may configure fewer than four.
func parseOFACCSV(src Source, files map[string][]byte) (*corridor.ListSnapshot, error) {
	if len(src.Files) > 4 {
		return nil, fmt.Errorf("OFAC CSV takes at most 4 files, %d configured", len(src.Files))
	}
	var in ofac.Files
	readers := []*io.Reader{&in.Primary, &in.Alt, &in.Address, &in.Comments}
	for i, f := range src.Files {
		in.Names[i] = f.Name
		if content, ok := files[f.Name]; ok {
			*readers[i] = bytes.NewReader(content)
		}
	}
	return ofac.Parse(src.List, in)
}
