package eval

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
)

// The 50,000 synthetic persons on no list (OpenSanctions' screening fixtures, MIT licence),
// bundled so that `corridor eval` runs anywhere.
//
//go:embed testdata/negatives_us.csv.gz
var negativesGz []byte

// BundledNegatives returns the full names of the bundled negatives.
func BundledNegatives() ([]string, error) {
	zr, err := gzip.NewReader(bytes.NewReader(negativesGz))
	if err != nil {
		return nil, fmt.Errorf("bundled negatives: %w", err)
	}
	return ReadNegatives(zr, "negatives_us.csv")
}

// ReadNegatives reads the full_name column of a CSV file of persons on no list.
func ReadNegatives(r io.Reader, file string) ([]string, error) {
	cr := csv.NewReader(r)
	header, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("%s: header: %w", file, err)
	}
	col := -1
	for i, h := range header {
		if strings.EqualFold(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")), "full_name") {
			col = i
		}
	}
	if col < 0 {
		return nil, fmt.Errorf("%s: no full_name column in header %q", file, header)
	}
	var names []string
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return names, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", file, err)
		}
		line, _ := cr.FieldPos(0)
		if strings.TrimSpace(rec[col]) == "" {
			return nil, fmt.Errorf("%s: line %d: empty full_name", file, line)
		}
		names = append(names, rec[col])
	}
}
