package un

import (
	"bytes"
	"strings"
	"testing"

	"github.com/corridor-aml/corridor"
)

// FuzzParse feeds Parse real records and damaged variants of them. Parse must never panic;
// when it succeeds, every entity must carry a well-formed UN ID, a primary name first and
// valid birth dates.
func FuzzParse(f *testing.F) {
	records := []string{"CDi.001", "TAi.144", "QDi.298", "QDi.299", "QDi.290", "QDi.291", "IRi.034"}
	entities := []string{"CDe.003", "QDe.137", "QDe.164"}
	for _, ref := range records {
		f.Add([]byte(document(realRecord(f, ref), "")))
	}
	for _, ref := range entities {
		f.Add([]byte(document("", realRecord(f, ref))))
	}
	// Small inputs keep the fuzzer fast; damaged ones start it on the error paths.
	doc := document(realRecord(f, "CDi.001"), realRecord(f, "CDe.003"))
	f.Add([]byte(doc[:len(doc)/2]))
	f.Add([]byte(strings.Replace(doc, "</FIRST_NAME>", "</FIRST>", 1)))
	f.Add([]byte(strings.Replace(doc, "<REFERENCE_NUMBER>CDi.001</REFERENCE_NUMBER>", "", 1)))
	f.Add([]byte(""))

	f.Fuzz(func(t *testing.T, data []byte) {
		snap, err := Parse(bytes.NewReader(data))
		if err != nil {
			if !strings.HasPrefix(err.Error(), "un list: ") {
				t.Fatalf("error without context: %v", err)
			}
			return
		}
		if snap.Version.List != corridor.ListUN || snap.Version.Entities != len(snap.Entities) {
			t.Fatalf("version %+v for %d entities", snap.Version, len(snap.Entities))
		}
		for _, e := range snap.Entities {
			if e.NativeID == "" || e.ID != "un:"+e.NativeID || e.List != corridor.ListUN {
				t.Fatalf("bad ID %q (native %q)", e.ID, e.NativeID)
			}
			if len(e.Names) == 0 || e.Names[0].Kind != corridor.NamePrimary || strings.TrimSpace(e.Names[0].Full) == "" {
				t.Fatalf("%s: no primary name: %+v", e.ID, e.Names)
			}
			for _, n := range e.Names {
				if n.Full == "" || n.Full != clean(n.Full) {
					t.Fatalf("%s: unclean name %q", e.ID, n.Full)
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
