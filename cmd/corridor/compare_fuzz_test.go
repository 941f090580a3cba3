package main

import (
	"bytes"
	"encoding/csv"
	"io"
	"strings"
	"testing"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/match"
)

// A pairs file comes from outside: whatever it holds, comparePairs must not panic, and when it
// succeeds it writes one row per input row, each as wide as the header plus the added columns.
func FuzzComparePairs(f *testing.F) {
	for _, seed := range []string{
		"name1,name2\nSirajuddin Haqqani,\"HAQQANI, Siraj\"\n",
		"\ufeffid,name1,name2,type\n1,Mohammad Ismail,Mohammad Ismail Haqqani,person\n2,,x,Company\n",
		"name1,name2\na\nb,c,d\n",
		"name2,name1,schema\nX,Y,Vessel\nX,Y,Planet\n",
		"name1,name2\n\"unterminated\n",
		"",
	} {
		f.Add(seed)
	}
	snap := &corridor.ListSnapshot{
		Version: corridor.ListVersion{List: corridor.ListUN},
		Entities: []corridor.Entity{{ID: "un:TAi.144", List: corridor.ListUN, Kind: corridor.KindPerson,
			Names: []corridor.Name{{Full: "SIRAJUDDIN JALLALOUDINE HAQQANI", Kind: corridor.NamePrimary}}}},
	}
	idx, err := match.Build([]*corridor.ListSnapshot{snap}, match.Config{})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, input string) {
		var out bytes.Buffer
		sum, err := comparePairs(idx, strings.NewReader(input), "pairs.csv", &out, corridor.KindUnknown, io.Discard)
		if err != nil {
			return
		}
		records, rerr := csv.NewReader(bytes.NewReader(out.Bytes())).ReadAll()
		if rerr != nil {
			t.Fatalf("output is not CSV: %v\n%s", rerr, out.String())
		}
		if len(records) != sum.rows+1 {
			t.Fatalf("%d input rows, %d output rows", sum.rows, len(records)-1)
		}
		for i, r := range records {
			if len(r) != len(records[0]) {
				t.Fatalf("output row %d has %d fields, the header %d", i, len(r), len(records[0]))
			}
		}
	})
}
