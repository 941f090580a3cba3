package uk

import (
	"regexp"
	"strings"
	"testing"
)

// FuzzParse checks that no input panics Parse, and that whatever snapshot it returns, whole
// or alongside record errors, holds only entities with a "uk:" ID and a primary name.
func FuzzParse(f *testing.F) {
	raw := string(readExtract(f))
	f.Add(raw)
	head := raw[:strings.Index(raw, "<Designation>")]
	for _, rec := range regexp.MustCompile(`(?s)<Designation>.*?</Designation>`).FindAllString(raw, -1) {
		f.Add(head + rec + "</Designations>")
	}
	f.Add(`<Designations><Designation><UniqueID>A1</UniqueID><Names><Name><Name6>X</Name6><NameType>Alias</NameType>` +
		`<AliasStrength>Low quality a.k.a</AliasStrength></Name></Names><IndividualDetails><Individual><DOBs><DOB>31/mm/1970</DOB>` +
		`</DOBs></Individual></IndividualDetails></Designation><Designation><UniqueID>A1</UniqueID></Designation></Designations>`)
	f.Add(`<Designations><Designation><UniqueID>S1</UniqueID><NonLatinNames><NonLatinName><NameNonLatinScript>Иван</NameNonLatinScript>` +
		`</NonLatinName></NonLatinNames><ShipDetails><Ship><IMONumbers><IMONumber>IMO1234567</IMONumber></IMONumbers></Ship></ShipDetails>` +
		`</Designation></Designations>`)
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
			if !strings.HasPrefix(e.ID, "uk:") || e.ID != "uk:"+e.NativeID || e.NativeID == "" {
				t.Fatalf("bad ID %q (native %q)", e.ID, e.NativeID)
			}
			if seen[e.ID] {
				t.Fatalf("ID %s twice", e.ID)
			}
			seen[e.ID] = true
			if e.PrimaryName() == "" || e.Names[0].Kind != "primary" {
				t.Fatalf("%s: no primary name: %+v", e.ID, e.Names)
			}
			for i, n := range e.Names[1:] {
				if n.Kind == "primary" || n.Full == "" {
					t.Fatalf("%s: name %d %+v", e.ID, i+1, n)
				}
			}
			for _, d := range e.BirthDates {
				if err := d.Validate(); err != nil {
					t.Fatalf("%s: %v", e.ID, err)
				}
			}
		}
	})
}
