package lists

import (
	"fmt"
	"strings"

	"github.com/corridor-aml/corridor"
)

// Official download locations, as the publishers document them. OFAC's Sanctions List Service
// replaced the old treasury.gov/ofac/downloads paths (which now redirect there).
const (
	ofacExports = "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/"
	unURL       = "https://scsanctions.un.org/resources/xml/en/consolidated.xml"
	euURL       = "https://webgate.ec.europa.eu/fsd/fsf/public/files/xmlFullSanctionsList_1_1/content?token=dG9rZW4tMjAxNw"
	ukURL       = "https://sanctionslist.fcdo.gov.uk/docs/UK-Sanctions-List.xml"
	ftmURL      = "https://data.opensanctions.org/datasets/latest/%s/entities.ftm.json"
)

// File names of the OFAC CSV forms, in the order lists/ofac expects them.
var (
	sdnCSVNames  = [4]string{"sdn.csv", "alt.csv", "add.csv", "sdn_comments.csv"}
	consCSVNames = [4]string{"cons_prim.csv", "cons_alt.csv", "cons_add.csv", "cons_comments.csv"}
)

// DefaultSources returns the official lists corridor downloads unless told otherwise.
func DefaultSources() []Source {
	return []Source{
		ofacCSV(corridor.ListOFACSDN, sdnCSVNames),
		ofacCSV(corridor.ListOFACNonSDN, consCSVNames),
		{List: corridor.ListUN, Format: FormatUN, Files: []File{{"consolidated.xml", unURL}}},
		{List: corridor.ListEU, Format: FormatEU, Files: []File{{"fsf.xml", euURL}}},
		{List: corridor.ListUK, Format: FormatUK, Files: []File{{"UK-Sanctions-List.xml", ukURL}}},
	}
}

// OFACAdvancedSource returns an OFAC list (SDN or non-SDN) read from OFAC's Advanced XML
// instead of its four CSV files, for those who configure it.
func OFACAdvancedSource(list corridor.ListID) (Source, error) {
	name := map[corridor.ListID]string{corridor.ListOFACSDN: "sdn_advanced.xml", corridor.ListOFACNonSDN: "cons_advanced.xml"}[list]
	if name == "" {
		return Source{}, fmt.Errorf("list %s is not published in OFAC's Advanced XML", list)
	}
	return Source{List: list, Format: FormatOFACAdvanced, Files: []File{{name, ofacExports + strings.ToUpper(name)}}}, nil
}

func ofacCSV(list corridor.ListID, names [4]string) Source {
	src := Source{List: list, Format: FormatOFACCSV}
	for _, name := range names {
		src.Files = append(src.Files, File{Name: name, URL: ofacExports + strings.ToUpper(name)})
	}
	return src
}

// SourceFor returns the default source of a list: the official one, an OpenSanctions
// dataset's entities.ftm.json, or, for a custom list, one file "list.csv" with no URL (the
// institution configures where it lives).
func SourceFor(list corridor.ListID) (Source, error) {
	if err := list.Validate(); err != nil {
		return Source{}, err
	}
	for _, src := range DefaultSources() {
		if src.List == list {
			return src, nil
		}
	}
	s := string(list)
	if dataset, ok := strings.CutPrefix(s, string(corridor.OpenSanctionsList(""))); ok {
		return Source{List: list, Format: FormatFTM,
			Files: []File{{"entities.ftm.json", fmt.Sprintf(ftmURL, dataset)}}}, nil
	}
	return Source{List: list, Format: FormatCustomCSV, Files: []File{{Name: "list.csv"}}}, nil
}

// WithURL returns the source with a download location overridden, as "--url L=URL" gives it:
// a list of one file takes URL for that file; a list of several files takes a URL ending in
// "/" as the directory holding all of them under their own names; "L/FILE=URL" sets one
// file's URL.
func (s Source) WithURL(file, url string) (Source, error) {
	files := append([]File(nil), s.Files...)
	switch {
	case file != "":
		for i := range files {
			if files[i].Name == file {
				files[i].URL = url
				s.Files = files
				return s, nil
			}
		}
		return s, fmt.Errorf("list %s has no file %q (it has %s)", s.List, file, strings.Join(s.FileNames(), ", "))
	case len(files) == 1:
		files[0].URL = url
	case strings.HasSuffix(url, "/"):
		for i := range files {
			files[i].URL = url + files[i].Name
		}
	default:
		return s, fmt.Errorf("list %s has %d files: give a directory URL ending in / or set each file with %s/FILE=URL",
			s.List, len(files), s.List)
	}
	s.Files = files
	return s, nil
}

// ParseURLOverride splits "L=URL" or "L/FILE=URL".
func ParseURLOverride(arg string) (list corridor.ListID, file, url string, err error) {
	key, url, ok := strings.Cut(arg, "=")
	if !ok || key == "" || url == "" {
		return "", "", "", fmt.Errorf("url override %q: want LIST=URL or LIST/FILE=URL", arg)
	}
	l, file, _ := strings.Cut(key, "/")
	return corridor.ListID(l), file, url, nil
}
