package batch

import (
	"strings"
	"testing"
)

func TestScanResults(t *testing.T) {
	header := []string{"name", "match_decision"}
	for _, tc := range []struct {
		in      string
		records int64
		end     int64
		err     string
	}{
		{"", 0, 0, ""},
		{"name,match", 0, 0, ""},                           // a header cut short
		{"name,match_decision\n", 0, 20, ""},               // a header alone
		{"name,match_decision\nA,clear\nB,al", 1, 28, ""},  // a record cut short
		{"name,match_decision\nA,clear\n\"B\n", 1, 28, ""}, // inside a quoted field
		{"name,match_decision\nA,clear\nB,alert\n", 2, 36, ""},
		{"other,header\nA,clear\n", 0, 0, "the header is not the one"},
		{"name,match_decision\nA\nB,clear\n", 0, 0, "line 2 (record 1): 1 fields, want 2: the file is damaged"},
		{"name,match_decision\nA,\"x\"y\nB,clear\n", 0, 0, "record 1"},
	} {
		sc, err := ScanResults(strings.NewReader(tc.in), int64(len(tc.in)), header, nil)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("%q: err %v, want %q", tc.in, err, tc.err)
			}
			continue
		}
		if err != nil || sc.Records != tc.records || sc.End != tc.end {
			t.Errorf("%q: %+v %v, want %d records ending at %d", tc.in, sc, err, tc.records, tc.end)
		}
	}
}
