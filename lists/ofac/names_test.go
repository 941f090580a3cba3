package ofac

import (
	"bytes"
	"encoding/csv"
	"regexp"
	"strings"
	"testing"

	"github.com/corridor-aml/corridor"
)

// quotedAlias finds the aliases OFAC writes in remarks, independently of the parser's
// splitter: a closing quote is one followed by an optional '.' and then ';' or the end.
var (
	quotedAlias      = regexp.MustCompile(`([afn])\.k\.a\. '(.+?)'\.?(?:;|$)`)
	quotedAliasStart = regexp.MustCompile(`[afn]\.k\.a\. '`)
)

type rawName struct {
	full string
	kind corridor.NameKind
	weak bool
}

// rawRecords decodes a file with no help from the parser: the DOS end byte dropped, then
// encoding/csv in its most forgiving mode.
func rawRecords(t *testing.T, data []byte) [][]string {
	t.Helper()
	r := csv.NewReader(bytes.NewReader(bytes.TrimSuffix(data, []byte{0x1a})))
	r.LazyQuotes = true
	r.FieldsPerRecord = -1
	records, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return records
}

// TestEveryNameInModel proves that every name of the primary and alt files, and every quoted
// alias of the remarks (comments joined), is a name of its entity with the right kind.
func TestEveryNameInModel(t *testing.T) {
	cases := []struct {
		list  corridor.ListID
		names [4]string
	}{
		{corridor.ListOFACSDN, SDNFiles()},
		{corridor.ListOFACNonSDN, ConsFiles()},
	}
	for _, h := range historyFiles {
		cases = append(cases, struct {
			list  corridor.ListID
			names [4]string
		}{corridor.ListOFACSDN, [4]string{h.name}})
	}
	for _, c := range cases {
		t.Run(c.names[0], func(t *testing.T) {
			files := loadList(t, c.names)
			want := map[string][]rawName{}
			remarks := map[string]string{}
			var primaries, alts int
			for _, r := range rawRecords(t, files[filePrimary]) {
				want[r[0]] = append(want[r[0]], rawName{strings.TrimSpace(r[1]), corridor.NamePrimary, false})
				primaries++
				if strings.TrimSpace(r[11]) != "-0-" {
					remarks[r[0]] = r[11]
				}
			}
			if files[fileAlt] != nil {
				kinds := map[string]corridor.NameKind{"aka": corridor.NameAKA, "fka": corridor.NameFKA, "nka": corridor.NameNKA}
				for _, r := range rawRecords(t, files[fileAlt]) {
					want[r[0]] = append(want[r[0]], rawName{strings.TrimSpace(r[3]), kinds[r[2]], false})
					alts++
				}
			}
			if files[fileComments] != nil {
				for _, r := range rawRecords(t, files[fileComments]) {
					remarks[r[0]] += r[1]
				}
			}
			kinds := map[string]corridor.NameKind{"a": corridor.NameAKA, "f": corridor.NameFKA, "n": corridor.NameNKA}
			var quoted, started int
			for num, text := range remarks {
				for _, m := range quotedAlias.FindAllStringSubmatch(text, -1) {
					want[num] = append(want[num], rawName{strings.TrimSpace(m[2]), kinds[m[1]], true})
					quoted++
				}
				started += len(quotedAliasStart.FindAllStringIndex(text, -1))
			}

			snap, err := Parse(c.list, files.files(c.names))
			if err != nil {
				t.Fatal(err)
			}
			got := 0
			for i := range snap.Entities {
				e := &snap.Entities[i]
				got += len(e.Names)
				have := map[rawName]int{}
				for _, n := range e.Names {
					have[rawName{n.Full, n.Kind, n.Weak}]++
				}
				for _, n := range want[e.NativeID] {
					if have[n] == 0 {
						t.Errorf("%s: name %+v missing from %q", e.ID, n, nameFulls(e))
						continue
					}
					have[n]--
				}
				if e.Names[0].Kind != corridor.NamePrimary || e.Names[0].Weak {
					t.Errorf("%s: first name %+v is not the primary", e.ID, e.Names[0])
				}
			}
			// Remarks cut short (history files have no comments file) leave an alias without
			// its closing quote; the parser keeps what is there, so it counts every opening.
			if wantTotal := primaries + alts + started; got != wantTotal {
				t.Errorf("%d names in the model, want %d (%d primary + %d alt + %d quoted in remarks, %d of them closed)",
					got, wantTotal, primaries, alts, started, quoted)
			}
			t.Logf("%d names: %d primary, %d alt, %d quoted in remarks (%d cut short)", got, primaries, alts, started, started-quoted)
		})
	}
}
