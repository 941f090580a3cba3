package eu

import (
	"regexp"
	"strings"
	"testing"
)

// FuzzParse checks that no input panics Parse, and that whatever snapshot it returns, whole
// or alongside record errors, holds only entities with an "eu:" ID and a primary name.
func FuzzParse(f *testing.F) {
	raw := string(readExtract(f))
	f.Add(raw)
	head := raw[:strings.Index(raw, "<sanctionEntity")]
	for _, rec := range regexp.MustCompile(`(?s)<sanctionEntity\b.*?</sanctionEntity>`).FindAllString(raw, -1) {
		f.Add(head + rec + "</export>")
	}
	f.Add(head + `<sanctionEntity logicalId="1"><nameAlias wholeName="A" strong="false"/>` +
		`<birthdate year="1970" monthOfYear="13"/></sanctionEntity></export>`)
	f.Add(head + `<sanctionEntity logicalId="1"><nameAlias firstName="A"/><birthdate yearRangeFrom="1990" yearRangeTo="1980"/></sanctionEntity>` +
		`<sanctionEntity logicalId="1"><nameAlias wholeName="B"/></sanctionEntity></export>`)
	f.Add(raw[:len(raw)/2])
	f.Add("")
	f.Fuzz(func(t *testing.T, doc string) {
		snap, err := Parse(strings.NewReader(doc))
		if snap == nil {
			if err == nil {
				t.Fatal("nil snapshot without an error")
			}
			return
		}
		if snap.Version.Entities != len(snap.Entities) {
			t.Fatalf("Version.Entities = %d, len = %d", snap.Version.Entities, len(snap.Entities))
		}
		seen := map[string]bool{}
		for _, e := range snap.Entities {
			if !strings.HasPrefix(e.ID, "eu:") || e.ID != "eu:"+e.NativeID || e.NativeID == "" {
				t.Fatalf("bad ID %q (native %q)", e.ID, e.NativeID)
			}
			if seen[e.ID] {
				t.Fatalf("ID %s twice", e.ID)
			}
			seen[e.ID] = true
			if e.PrimaryName() == "" || e.Names[0].Kind != "primary" {
				t.Fatalf("%s: no primary name: %+v", e.ID, e.Names)
			}
			for _, d := range e.BirthDates {
				if err := d.Validate(); err != nil {
					t.Fatalf("%s: %v", e.ID, err)
				}
			}
		}
	})
}
