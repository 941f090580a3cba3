package lists

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/corridor-aml/corridor"
)

// Every format is wired to its reader: each reader's real test file loads through the
// registry, with the version filled in.
func TestLoadEachFormat(t *testing.T) {
	advanced, err := OFACAdvancedSource(corridor.ListOFACSDN)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		list corridor.ListID
		src  *Source
		path string
	}{
		{list: corridor.ListOFACSDN, path: "ofac/testdata/sdn.csv"},
		{list: corridor.ListOFACSDN, src: &advanced, path: "ofacadv/testdata/sdn_advanced-extract-2026-09-09.xml"},
		{list: corridor.ListUN, path: "un/testdata/consolidated.xml"},
		{list: corridor.ListEU, path: "eu/testdata/fsf-extract-2026-08-05.xml"},
		{list: corridor.ListUK, path: "uk/testdata/uk-sanctions-list-extract-2026-08-14.xml"},
		{list: corridor.OpenSanctionsList("test"), path: "ftm/testdata/entities.ftm.json"},
		{list: corridor.CustomList("example"), path: "custom/testdata/example.csv"},
	} {
		src, err := SourceFor(tc.list)
		if err != nil {
			t.Fatal(err)
		}
		if tc.src != nil {
			src = *tc.src
		}
		content, err := os.ReadFile(tc.path)
		if err != nil {
			t.Fatal(err)
		}
		if tc.list == corridor.ListUK {
			content = withoutSyntheticUKRecord(t, content)
		}
		files := map[string][]byte{src.Files[0].Name: content}
		snap, err := Load(src, files, tc.path)
		if err != nil {
			t.Errorf("%s (%s): %v", tc.list, src.Format, err)
			continue
		}
		v := snap.Version
		if v.List != tc.list || v.Hash != ContentHash(files) || v.Entities != len(snap.Entities) || v.Entities == 0 ||
			v.Source != tc.path || v.LoadedAt.IsZero() {
			t.Errorf("%s (%s): version %+v", tc.list, src.Format, v)
		}
		for _, e := range snap.Entities {
			if !strings.HasPrefix(e.ID, string(tc.list)+":") {
				t.Errorf("%s (%s): entity %s has another list's ID", tc.list, src.Format, e.ID)
				break
			}
		}
		t.Logf("%s (%s): %d entities, published %v", tc.list, src.Format, v.Entities, v.Published.Format("2006-01-02"))
	}
}

// withoutSyntheticUKRecord drops the extract's last record, a synthetic one without a
// UniqueID that the UK reader rightly refuses (its own tests cover that).
func withoutSyntheticUKRecord(t *testing.T, content []byte) []byte {
	start := bytes.Index(content, []byte("<!-- Synthetic"))
	end := bytes.LastIndex(content, []byte("</Designation>"))
	if start < 0 || end < start {
		t.Fatal("UK extract: synthetic record not found")
	}
	return append(content[:start:start], content[end+len("</Designation>"):]...)
}
