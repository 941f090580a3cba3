package batch

import (
	"slices"
	"strings"
)

// Limits of what a summary keeps of each row, so that it stays small whatever the file.
const (
	maxBadRows  = 100  // bad rows listed in the report; all are counted
	maxEvidence = 1000 // alerts whose evidence the report shows; all are counted and in the alerts CSV
	scoreBins   = 20   // the score histogram's bins, 0.05 wide
)

// Summary counts what a batch found.
type Summary struct {
	Rows, Clear, Alerts, Errors int64
	Resumed                     int64 // rows that were already in the results file
	ByList                      map[string]int64
	ByProgram                   map[string]int64
	Histogram                   [scoreBins]int64 // best scores of rows with a match, in 0.05 bins
	NoMatch                     int64            // screened rows with no match at all
	BadRows                     []BadRow         // the first maxBadRows
	Evidence                    []Outcome        // the first maxEvidence alerts, with their own copies of the fields
	Interrupted                 bool
}

// BadRow is a row that could not be screened.
type BadRow struct {
	Row    int64
	Reason string // starts with "line N: "
}

func newSummary() *Summary {
	return &Summary{ByList: map[string]int64{}, ByProgram: map[string]int64{}}
}

// add counts one results row.
func (s *Summary) add(o *Outcome) {
	s.Rows++
	switch o.Decision {
	case Error:
		s.Errors++
		if len(s.BadRows) < maxBadRows {
			s.BadRows = append(s.BadRows, BadRow{o.Row, o.Reason})
		}
		return
	case Alert:
		s.Alerts++
		s.ByList[o.List]++
		for _, p := range o.Programs {
			s.ByProgram[p]++
		}
		if len(s.Evidence) < maxEvidence {
			e := *o
			e.Fields = slices.Clone(o.Fields)
			e.Programs = slices.Clone(o.Programs)
			s.Evidence = append(s.Evidence, e)
		}
	default:
		s.Clear++
	}
	if !o.HasScore {
		s.NoMatch++
		return
	}
	s.Histogram[min(scoreBins-1, max(0, int(o.Score*scoreBins)))]++
}

// Count is one line of a "by list" or "by programme" table.
type Count struct {
	Key string
	N   int64
}

// Sorted returns the counts of m, largest first.
func Sorted(m map[string]int64) []Count {
	out := make([]Count, 0, len(m))
	for k, n := range m {
		out = append(out, Count{k, n})
	}
	slices.SortFunc(out, func(a, b Count) int {
		if a.N != b.N {
			return int(b.N - a.N)
		}
		return strings.Compare(a.Key, b.Key)
	})
	return out
}
