package batch

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/corridor-aml/corridor/match"
)

// The decisions of the match_decision column.
const (
	Alert = "alert" // the best match reached its list's alert threshold
	Clear = "clear" // screened, nothing reached the threshold
	Error = "error" // the row could not be screened; match_reason says why
)

// Outcome is one row of the results file: the input row and what screening it found. Only
// the best match is kept: the highest-scoring alert when there is one (a list may have its
// own lower threshold), else the highest-scoring match, if any reached the index's MinScore.
type Outcome struct {
	Row        int64    // the data row, from 1
	Fields     []string // the input row, as many fields as the header
	Decision   string
	Score      float64
	HasScore   bool
	EntityID   string
	EntityName string // the listed name that matched best
	List       string
	Reason     string
	Programs   []string // of the entity matched, for the report's counts
}

// bestMatch picks the match a results row shows, see Outcome.
func bestMatch(ms []match.Match) (match.Match, bool) {
	for _, m := range ms {
		if m.Alert {
			return m, true
		}
	}
	if len(ms) > 0 {
		return ms[0], true
	}
	return match.Match{}, false
}

// setMatch fills the match columns from m.
func (o *Outcome) setMatch(m match.Match, reason string) {
	o.Decision = Clear
	if m.Alert {
		o.Decision = Alert
	}
	// The score as the results file records it, cut (not rounded) to its four decimals so that
	// it stays on the side of the threshold it was on; the summary and the report read it so
	// too, and come out the same whether or not the batch was resumed.
	o.Score, o.HasScore = math.Floor(m.Score*1e4)/1e4, true
	o.EntityID, o.EntityName, o.List = m.Entity.ID, m.Name, string(m.List)
	o.Reason = reason
	o.Programs = m.Entity.Programs
}

func (o *Outcome) setError(line int, problem string) {
	*o = Outcome{Row: o.Row, Fields: o.Fields, Decision: Error, Reason: fmt.Sprintf("line %d: %s", line, problem)}
}

// appendRecord appends the results record of o to rec: the fields, then the match columns.
func (o *Outcome) appendRecord(rec []string, scratch []byte) []string {
	rec = append(rec, o.Fields...)
	score := ""
	if o.HasScore {
		score = string(strconv.AppendFloat(scratch[:0], o.Score, 'f', 4, 64))
	}
	return append(rec, o.Decision, score, o.EntityID, o.EntityName, o.List, o.Reason)
}

// outcomeOf reads back a results record of width+6 fields.
func outcomeOf(rec []string, width int, row int64) (Outcome, error) {
	m := rec[width:]
	o := Outcome{Row: row, Fields: rec[:width], Decision: m[0], EntityID: m[2], EntityName: m[3], List: m[4], Reason: m[5]}
	switch o.Decision {
	case Alert, Clear, Error:
	default:
		return o, fmt.Errorf("match_decision %q: want alert, clear or error", o.Decision)
	}
	if m[1] != "" {
		s, err := strconv.ParseFloat(m[1], 64)
		if err != nil {
			return o, fmt.Errorf("match_score %q: %w", m[1], err)
		}
		o.Score, o.HasScore = s, true
	}
	return o, nil
}

// fitWidth makes a row as wide as the header, and says what was wrong when it was not: a
// short row is padded, the fields beyond the header are named in the reason so that nothing
// the file held is lost.
func fitWidth(fields []string, width int) ([]string, string) {
	if len(fields) == width {
		return fields, ""
	}
	problem := fmt.Sprintf("%d fields, the header has %d", len(fields), width)
	if len(fields) > width {
		extra := make([]string, 0, len(fields)-width)
		for _, x := range fields[width:] {
			extra = append(extra, strconv.Quote(x))
		}
		return fields[:width], problem + "; the fields beyond: " + strings.Join(extra, ", ")
	}
	for len(fields) < width {
		fields = append(fields, "")
	}
	return fields, problem
}
