// Package lists knows where each sanctions list comes from and how to read it: the registry
// of official sources, loading a set of files into a versioned snapshot, diffing two
// versions, downloading updates safely and reporting how fresh each list is. The per-format
// readers live in the packages below this one (lists/ofac, lists/un ...).
package lists

import (
	"fmt"
	"strings"

	"github.com/corridor-aml/corridor"
)

// Format names the file format a list is published in; it selects the reader.
type Format string

// The formats corridor reads.
const (
	FormatOFACCSV      Format = "ofac_csv"      // OFAC's four headerless CSV files
	FormatOFACAdvanced Format = "ofac_advanced" // OFAC SDN Advanced XML
	FormatUN           Format = "un_xml"        // UN Security Council consolidated XML
	FormatEU           Format = "eu_xml"        // EU Financial Sanctions Files XML
	FormatUK           Format = "uk_xml"        // UK Sanctions List (FCDO) XML
	FormatFTM          Format = "ftm_json"      // OpenSanctions FollowTheMoney JSON lines
	FormatCustomCSV    Format = "custom_csv"    // an institution's own list, see docs/lists.md
)

// File is one file of a list version: the name it is stored and parsed under, and the URL
// it is downloaded from.
type File struct {
	Name string
	URL  string
}

// Source says how to get and read one list. The first file is the primary one: a single
// file given on the command line is read as that file.
type Source struct {
	List   corridor.ListID
	Format Format
	Files  []File
}

// FileNames returns the names of the source's files, primary first.
func (s Source) FileNames() []string {
	names := make([]string, len(s.Files))
	for i, f := range s.Files {
		names[i] = f.Name
	}
	return names
}

// Validate reports a source that cannot be downloaded or read.
func (s Source) Validate() error {
	if err := s.List.Validate(); err != nil {
		return err
	}
	if len(s.Files) == 0 {
		return fmt.Errorf("list %s: no files configured", s.List)
	}
	for _, f := range s.Files {
		if f.Name == "" || strings.ContainsAny(f.Name, `/\`) || f.Name == "." || f.Name == ".." {
			return fmt.Errorf("list %s: bad file name %q", s.List, f.Name)
		}
	}
	if _, ok := parsers[s.Format]; !ok {
		return fmt.Errorf("list %s: unknown format %q", s.List, s.Format)
	}
	return nil
}
