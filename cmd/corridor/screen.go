package main

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/match"
)

type screenFlags struct {
	match       matchFlags
	dob         string
	nationality []string
	kind        string
	gender      string
	ids         []string
	limit       int
	asJSON      bool
	explain     bool
	monitor     bool
	ref         string
}

func newScreenCmd() *cobra.Command {
	var f screenFlags
	cmd := &cobra.Command{
		Use:   "screen NAME",
		Short: "Screen one name against the sanctions lists",
		Long: `Screen one name against the sanctions lists and print the listed entities it may
be, best first: score, ALERT when the score reaches the alert threshold, list,
entity ID, the listed name that matched, programmes, and a short reason.

The name is one argument (quote it) or its words as separate arguments. The lists
are each list's current version in the data directory (--data-dir), else the
snapshot embedded in corridor. Facts given with --dob, --nationality, --gender and
--id raise the score when they agree with the list and lower it when they clearly
conflict; a fact left out changes nothing. An identifier that matches exactly is
decisive. --lists limits which lists are screened; a name scores the same whatever
--lists says, because token weights always come from every available list.

Every alert is shown, whatever --limit says.

Exit status: 0 when nothing reaches the alert threshold, 1 when something does,
2 on an error (a bad flag value, a list that cannot be read).

--monitor keeps the party in the store (--store) under --ref, records the screen
in the audit trail and opens an alert for each match at or above the threshold,
unless one is open already or a confirmed false positive for the same party data
and the same version of the listed entity cleared it: that match is shown as
previously cleared. The exit status is the same with or without --monitor. See
docs/cases.md.`,
		Example: `  corridor screen "Sirajuddin Haqqani"
  corridor screen "HAQQANI, Siraj" --dob 1977 --nationality AF --type person
  corridor screen "Sirajuddin Haqqani" --lists un --explain
  corridor screen "Bank Melli" --type organization --json
  corridor screen "Ali Ahmad" --id A1234567 --nationality Afghanistan --nationality PK
  corridor screen "Mohammad Ismail" --threshold 0.9 || echo "review needed"
  corridor screen "Ahmad Karimi" --dob 1980 --monitor --ref C-1042`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runScreen(cmd, strings.Join(args, " "), &f)
		},
	}
	addMatchFlags(cmd, &f.match, "screen only these lists")
	fl := cmd.Flags()
	fl.StringVar(&f.dob, "dob", "", "date of birth: YYYY, YYYY-MM or YYYY-MM-DD")
	fl.StringArrayVar(&f.nationality, "nationality", nil,
		"nationality, citizenship or residence: ISO 3166 code (AF) or English name (Afghanistan); repeat for several")
	fl.StringVar(&f.kind, "type", "any", "what the party is: person, organization, vessel, aircraft or any")
	fl.StringVar(&f.gender, "gender", "", "male or female (a listed gender that differs lowers the score)")
	fl.StringArrayVar(&f.ids, "id", nil, "passport, national ID, IMO or other number, any formatting; repeat for several")
	fl.IntVar(&f.limit, "limit", 10, "show at most this many matches (0: all); every alert is shown, even beyond it")
	fl.BoolVar(&f.asJSON, "json", false, "print JSON, with each match's full explanation")
	fl.BoolVar(&f.explain, "explain", false, "print each match's full explanation: aligned tokens, weights, facts")
	addMonitorFlags(cmd, &f)
	return cmd
}

func runScreen(cmd *cobra.Command, name string, f *screenFlags) error {
	q, err := f.query(name)
	if err != nil {
		return err
	}
	if f.ref != "" && !f.monitor {
		return errors.New("--ref: a reference is kept only with --monitor")
	}
	if f.limit < 0 {
		return fmt.Errorf("--limit %d: want 0 (all) or more", f.limit)
	}
	idx, selected, err := loadIndex(cmd, &f.match)
	if err != nil {
		return err
	}
	q.Lists = selected
	s := match.NewSearcher(idx)
	matches := s.Screen(q, nil)
	res := screenResult{
		Query:     queryJSONOf(q),
		Threshold: idx.Config().Threshold,
		MinScore:  idx.Config().MinScore,
		Lists:     screenedVersions(idx, selected),
		Found:     len(matches),
		Matches:   []matchJSON{},
	}
	for _, m := range matches {
		if m.Alert {
			res.Alerts++
		}
	}
	for _, m := range matches {
		// --limit never hides an alert (a list may have a lower threshold than another).
		if m.Alert || f.limit == 0 || len(res.Matches) < f.limit {
			res.Matches = append(res.Matches, matchJSONOf(m, s.Explain(q, m)))
		}
	}
	if f.monitor {
		if err := monitorScreen(cmd, f, q, s, matches, &res); err != nil {
			return err
		}
	}
	out := cmd.OutOrStdout()
	switch {
	case f.asJSON:
		err = writeJSON(out, res)
	default:
		err = writeScreenText(out, res, f.explain)
	}
	if err != nil {
		return err
	}
	if res.Alerts > 0 {
		return errAlert
	}
	return nil
}

// query turns the name and the flags into a query, naming the flag whose value is wrong.
func (f *screenFlags) query(name string) (*match.Query, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return nil, errors.New("NAME: empty name")
	}
	if !utf8.ValidString(name) {
		return nil, fmt.Errorf("NAME %q: not valid UTF-8", name)
	}
	q := &match.Query{Name: name, Identifiers: f.ids}
	var err error
	if f.dob != "" {
		if q.BirthDate, err = match.ParseBirthDate(f.dob); err != nil {
			return nil, fmt.Errorf("--dob: %w", err)
		}
	}
	for _, n := range f.nationality {
		code, err := match.ParseCountry(n)
		if err != nil {
			return nil, fmt.Errorf("--nationality: %w", err)
		}
		q.Countries = append(q.Countries, code)
	}
	if q.Kind, err = match.ParseKind(f.kind); err != nil {
		return nil, fmt.Errorf("--type: %w", err)
	}
	if q.Gender, err = match.ParseGender(f.gender); err != nil {
		return nil, fmt.Errorf("--gender: %w", err)
	}
	for _, id := range f.ids {
		if strings.TrimSpace(id) == "" {
			return nil, errors.New("--id: empty identifier")
		}
	}
	return q, nil
}

// screenedVersions returns the versions of the lists screened, the record of what a result
// was measured against.
func screenedVersions(idx *match.Index, selected []corridor.ListID) []listJSON {
	var out []listJSON
	for _, v := range idx.Versions() {
		if len(selected) == 0 || slices.Contains(selected, v.List) {
			out = append(out, listJSONOf(v))
		}
	}
	return out
}
