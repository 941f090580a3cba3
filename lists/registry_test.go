package lists

import (
	"strings"
	"testing"

	"github.com/corridor-aml/corridor"
)

func TestDefaultSources(t *testing.T) {
	want := map[corridor.ListID]string{
		corridor.ListOFACSDN:    ofacExports + "SDN.CSV",
		corridor.ListOFACNonSDN: ofacExports + "CONS_PRIM.CSV",
		corridor.ListUN:         "https://scsanctions.un.org/resources/xml/en/consolidated.xml",
		corridor.ListEU:         euURL,
		corridor.ListUK:         "https://sanctionslist.fcdo.gov.uk/docs/UK-Sanctions-List.xml",
	}
	for _, src := range DefaultSources() {
		if err := src.Validate(); err != nil {
			t.Errorf("%s: %v", src.List, err)
		}
		if src.Files[0].URL != want[src.List] {
			t.Errorf("%s: primary URL %s, want %s", src.List, src.Files[0].URL, want[src.List])
		}
	}
	sdn, _ := SourceFor(corridor.ListOFACSDN)
	if got := strings.Join(sdn.FileNames(), " "); got != "sdn.csv alt.csv add.csv sdn_comments.csv" {
		t.Errorf("SDN files %s", got)
	}
	if got := sdn.Files[3].URL; got != ofacExports+"SDN_COMMENTS.CSV" {
		t.Errorf("SDN comments URL %s", got)
	}
}

func TestOFACAdvancedSource(t *testing.T) {
	for list, url := range map[corridor.ListID]string{
		corridor.ListOFACSDN:    ofacExports + "SDN_ADVANCED.XML",
		corridor.ListOFACNonSDN: ofacExports + "CONS_ADVANCED.XML",
	} {
		src, err := OFACAdvancedSource(list)
		if err != nil || src.Format != FormatOFACAdvanced || src.Files[0].URL != url || src.Validate() != nil {
			t.Errorf("%s: %+v, %v", list, src, err)
		}
	}
	if _, err := OFACAdvancedSource(corridor.ListUN); err == nil {
		t.Error("UN in OFAC Advanced XML: no error")
	}
}

func TestSourceFor(t *testing.T) {
	os, err := SourceFor(corridor.OpenSanctionsList("sanctions"))
	if err != nil || os.Format != FormatFTM || os.Files[0].URL != "https://data.opensanctions.org/datasets/latest/sanctions/entities.ftm.json" {
		t.Errorf("opensanctions_sanctions = %+v, %v", os, err)
	}
	custom, err := SourceFor(corridor.CustomList("staff"))
	if err != nil || custom.Format != FormatCustomCSV || custom.Files[0].URL != "" {
		t.Errorf("custom_staff = %+v, %v", custom, err)
	}
	if _, err := SourceFor("nonsense"); err == nil {
		t.Error("unknown list: no error")
	}
}

func TestWithURL(t *testing.T) {
	sdn, _ := SourceFor(corridor.ListOFACSDN)
	dir, err := sdn.WithURL("", "https://mirror.example/ofac/")
	if err != nil || dir.Files[1].URL != "https://mirror.example/ofac/alt.csv" {
		t.Errorf("directory override: %+v, %v", dir.Files, err)
	}
	if sdn.Files[1].URL != ofacExports+"ALT.CSV" {
		t.Error("WithURL changed the source it was called on")
	}
	one, err := sdn.WithURL("add.csv", "file:///srv/add.csv")
	if err != nil || one.Files[2].URL != "file:///srv/add.csv" || one.Files[0].URL != ofacExports+"SDN.CSV" {
		t.Errorf("one-file override: %+v, %v", one.Files, err)
	}
	if _, err := sdn.WithURL("", "https://mirror.example/sdn.csv"); err == nil {
		t.Error("a single URL for four files: no error")
	}
	if _, err := sdn.WithURL("nope.csv", "https://x"); err == nil {
		t.Error("unknown file: no error")
	}
	un, _ := SourceFor(corridor.ListUN)
	if got, _ := un.WithURL("", "https://m/un.xml"); got.Files[0].URL != "https://m/un.xml" {
		t.Errorf("single-file override: %+v", got.Files)
	}
}

func TestParseURLOverride(t *testing.T) {
	for _, tc := range []struct{ arg, list, file, url string }{
		{"un=https://m/x.xml?a=b", "un", "", "https://m/x.xml?a=b"},
		{"us_ofac_sdn/alt.csv=https://m/alt", "us_ofac_sdn", "alt.csv", "https://m/alt"},
	} {
		list, file, url, err := ParseURLOverride(tc.arg)
		if err != nil || string(list) != tc.list || file != tc.file || url != tc.url {
			t.Errorf("%s: %s %s %s %v", tc.arg, list, file, url, err)
		}
	}
	for _, bad := range []string{"un", "=x", "un="} {
		if _, _, _, err := ParseURLOverride(bad); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

func TestParseErrors(t *testing.T) {
	un, _ := SourceFor(corridor.ListUN)
	if _, err := Parse(un, map[string][]byte{"other.xml": nil}); err == nil || !strings.Contains(err.Error(), "consolidated.xml missing") {
		t.Errorf("missing primary file: %v", err)
	}
	_, err := Parse(un, map[string][]byte{"consolidated.xml": []byte("<CONSOLIDATED_LIST><INDIVIDUALS><INDIV")})
	if err == nil || !strings.HasPrefix(err.Error(), "list un: ") {
		t.Errorf("bad XML: %v", err)
	}
	bad := un
	bad.Format = "nope"
	if _, err := Parse(bad, map[string][]byte{"consolidated.xml": nil}); err == nil {
		t.Error("unknown format: no error")
	}
}
