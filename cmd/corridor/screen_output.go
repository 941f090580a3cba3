package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/batch"
	"github.com/corridor-aml/corridor/match"
	"github.com/corridor-aml/corridor/screen"
)

// screenResult is the outcome of screening one name, as `screen --json` prints it.
type screenResult struct {
	Query     queryJSON             `json:"query"`
	Threshold float64               `json:"threshold"`
	MinScore  float64               `json:"min_score"` // matches below it are not reported
	Lists     []listJSON            `json:"lists"`     // the list versions screened
	Found     int                   `json:"found"`     // matches found; more than len(Matches) when --limit cut some
	Alerts    int                   `json:"alerts"`    // matches at or above the threshold, all of them in Matches
	Matches   []matchJSON           `json:"matches"`
	Monitor   *screen.MonitorResult `json:"monitor,omitempty"` // with --monitor: the party kept and the screen recorded
}

type queryJSON struct {
	Name        string   `json:"name"`
	Kind        string   `json:"kind,omitempty"`
	BirthDate   string   `json:"birth_date,omitempty"`
	Countries   []string `json:"countries,omitempty"`
	Gender      string   `json:"gender,omitempty"`
	Identifiers []string `json:"identifiers,omitempty"`
}

type listJSON struct {
	List      corridor.ListID `json:"list"`
	Version   string          `json:"version"`
	Published string          `json:"published,omitempty"`
	Entities  int             `json:"entities"`
	Source    string          `json:"source"`
}

type matchJSON struct {
	EntityID    string            `json:"entity_id"`
	List        corridor.ListID   `json:"list"`
	Name        string            `json:"name"` // the listed name that matched best
	PrimaryName string            `json:"primary_name"`
	Kind        corridor.Kind     `json:"kind"`
	Programs    []string          `json:"programs"`
	Score       float64           `json:"score"`
	Alert       bool              `json:"alert"`
	Reason      string            `json:"reason"`
	Explanation match.Explanation `json:"explanation"`
	Case        *screen.Case      `json:"case,omitempty"` // with --monitor, for an alert: its alert, or previously cleared
}

func queryJSONOf(q *match.Query) queryJSON {
	out := queryJSON{Name: q.Name, Countries: q.Countries, Gender: string(q.Gender), Identifiers: q.Identifiers}
	if q.Kind != corridor.KindUnknown {
		out.Kind = string(q.Kind)
	}
	if q.BirthDate.Year != 0 {
		out.BirthDate = q.BirthDate.String()
	}
	return out
}

func listJSONOf(v corridor.ListVersion) listJSON {
	out := listJSON{List: v.List, Version: v.Hash, Entities: v.Entities, Source: v.Source}
	if !v.Published.IsZero() {
		out.Published = v.Published.Format(time.DateOnly)
	}
	return out
}

func matchJSONOf(m match.Match, ex match.Explanation) matchJSON {
	programs := m.Entity.Programs
	if programs == nil {
		programs = []string{}
	}
	return matchJSON{
		EntityID: m.Entity.ID, List: m.List, Name: m.Name, PrimaryName: m.Entity.PrimaryName(),
		Kind: m.Entity.Kind, Programs: programs, Score: m.Score, Alert: m.Alert,
		Reason: batch.Reason(m, ex), Explanation: ex,
	}
}

func writeScreenText(w io.Writer, res screenResult, explain bool) error {
	if len(res.Matches) == 0 {
		fmt.Fprintf(w, "No match: nothing on the lists screened scores %.2f or more against %q.\n", res.MinScore, res.Query.Name)
	} else {
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "SCORE\tALERT\tLIST\tENTITY\tLISTED NAME\tPROGRAMS\tREASON")
		for _, m := range res.Matches {
			mark := ""
			if m.Alert {
				mark = "ALERT"
			}
			programs := strings.Join(m.Programs, ",")
			if programs == "" {
				programs = "-"
			}
			fmt.Fprintf(tw, "%.3f\t%s\t%s\t%s\t%s\t%s\t%s\n", m.Score, mark, m.List, m.EntityID, oneLine(m.Name), programs, m.Reason)
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	if explain {
		for _, m := range res.Matches {
			fmt.Fprintf(w, "\n%s", m.Explanation.Text())
		}
	}
	writeMonitorText(w, res)
	fmt.Fprintf(w, "\n%s at threshold %.2f", countNoun(res.Alerts, "alert", "alerts"), res.Threshold)
	if res.Found > len(res.Matches) {
		fmt.Fprintf(w, "; %d of %d matches shown (--limit)", len(res.Matches), res.Found)
	}
	fmt.Fprintln(w, ".")
	versions := make([]string, len(res.Lists))
	for i, l := range res.Lists {
		versions[i] = fmt.Sprintf("%s %s (%s, %d entities)", l.List, shortHash(l.Version), l.Source, l.Entities)
	}
	_, err := fmt.Fprintf(w, "Lists screened: %s.\n", strings.Join(versions, "; "))
	return err
}

// oneLine keeps a listed name that holds a line break or tab from breaking the table.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

func countNoun(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
