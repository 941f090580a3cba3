package ofac

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/corridor-aml/corridor"
)

// recordsOf returns the lines of an OFAC file that belong to the given entities.
func recordsOf(data []byte, entNums ...string) []byte {
	var out []byte
	for line := range bytes.Lines(data) {
		for _, num := range entNums {
			if bytes.HasPrefix(line, []byte(num+",")) {
				out = append(out, line...)
			}
		}
	}
	return out
}

// FuzzParse feeds the four files to Parse. Seeds are real records: a person with alt.csv
// aliases, addresses and remarks (10743), one whose remarks continue in sdn_comments.csv
// (28263, linked to 27307), a vessel (15036), an aircraft (15431) and a bank with a weak
// alias (306).
func FuzzParse(f *testing.F) {
	files := loadList(f, SDNFiles())
	for _, nums := range [][]string{{"10743"}, {"28263", "27307"}, {"15036", "15117"}, {"15431"}, {"306", "36"}} {
		f.Add(recordsOf(files[filePrimary], nums...), recordsOf(files[fileAlt], nums...),
			recordsOf(files[fileAddress], nums...), recordsOf(files[fileComments], nums...))
	}
	f.Add([]byte(okPrimary+"\x1a"), []byte(okAlt), []byte(okAddress), []byte(okComments))
	f.Add([]byte("1,\"A\",-0-,-0-,-0-,-0-,-0-,-0-,-0-,-0-,-0-,\"a.k.a. 'B; C'; Linked To: A; DOB circa 1979-1982; POB X, Korea, North\"\n"), []byte{}, []byte{}, []byte{})

	f.Fuzz(func(t *testing.T, primary, alt, address, comments []byte) {
		snap, err := Parse(corridor.ListOFACSDN, Files{
			Primary:  bytes.NewReader(primary),
			Alt:      bytes.NewReader(alt),
			Address:  bytes.NewReader(address),
			Comments: bytes.NewReader(comments),
			Names:    SDNFiles(),
		})
		if err != nil {
			if snap != nil {
				t.Fatalf("snapshot and error both returned: %v", err)
			}
			if !strings.Contains(err.Error(), ".csv") {
				t.Fatalf("error names no file: %v", err)
			}
			return
		}
		if snap.Version.List != corridor.ListOFACSDN || snap.Version.Entities != len(snap.Entities) {
			t.Fatalf("version %+v for %d entities", snap.Version, len(snap.Entities))
		}
		seen := map[string]bool{}
		for _, e := range snap.Entities {
			checkEntity(t, &e)
			if seen[e.ID] {
				t.Fatalf("duplicate ID %s", e.ID)
			}
			seen[e.ID] = true
		}
	})
}

// checkEntity asserts what every parsed entity must satisfy, whatever the input.
func checkEntity(t *testing.T, e *corridor.Entity) {
	t.Helper()
	if e.ID != corridor.EntityID(corridor.ListOFACSDN, e.NativeID) || e.NativeID == "" || e.List != corridor.ListOFACSDN {
		t.Fatalf("entity ID %q native %q list %q", e.ID, e.NativeID, e.List)
	}
	if len(e.Names) == 0 || e.Names[0].Kind != corridor.NamePrimary || strings.TrimSpace(e.PrimaryName()) == "" {
		t.Fatalf("%s: no primary name: %+v", e.ID, e.Names)
	}
	for _, n := range e.Names[1:] {
		if n.Kind == corridor.NamePrimary || n.Full == "" || !utf8.ValidString(n.Full) {
			t.Fatalf("%s: bad alias %+v", e.ID, n)
		}
	}
	for _, d := range e.BirthDates {
		if err := d.Validate(); err != nil {
			t.Fatalf("%s: %v", e.ID, err)
		}
	}
	for _, codes := range [][]string{e.Nationalities, e.Citizenships} {
		for _, c := range codes {
			if len(c) != 2 || strings.ToUpper(c) != c {
				t.Fatalf("%s: country code %q", e.ID, c)
			}
		}
	}
	for _, id := range e.Identifiers {
		if id.Number == "" || id.Kind == "" {
			t.Fatalf("%s: empty identifier %+v", e.ID, id)
		}
	}
	if (e.Kind == corridor.KindVessel || e.Kind == corridor.KindAircraft) && e.Vessel == nil {
		t.Fatalf("%s: %s without vessel details", e.ID, e.Kind)
	}
}
