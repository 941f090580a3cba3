package main

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/match"
)

type compareFlags struct {
	match  matchFlags
	kind   string
	pairs  string
	output string
	asJSON bool
}

func newCompareCmd() *cobra.Command {
	var f compareFlags
	cmd := &cobra.Command{
		Use:   `compare "NAME A" "NAME B" (or --pairs FILE)`,
		Short: "Score how alike two names are, or every pair of names in a CSV file",
		Long: `Score how alike two names are, as if NAME B were the only name on a list, and
explain the score. A score at or above the alert threshold (--threshold) is a match.
Tokens weigh what they weigh when screening: a token common on the lists or among
people ("Mohammad") counts little, a rare one ("Haqqani") much. --lists chooses the
lists whose token frequencies are used (default: every available list).

With --pairs FILE, read a CSV file (comma-separated, UTF-8, a byte-order mark is
accepted; "-" is standard input) whose header has the columns name1 and name2 and
optionally type or schema, and write every row, with all its columns, in input order,
to -o FILE (standard output by default), followed by three columns:
  score  the score, with 4 decimals
  match  true or false at the threshold
  error  why the row could not be scored; empty when it was
The type column takes person, organization (company), vessel, aircraft or any; the
schema column takes FollowTheMoney schema names: Person, Company, Organization,
PublicBody, LegalEntity (a person or an organization: any), Vessel, Airplane. An
empty cell, or no such column, means --type.

A bad row (wrong number of columns, an empty name, a name that is not valid UTF-8,
an unknown type) does not stop the run and is never dropped: it is written with an
empty score and match and the reason in the error column, and reported on standard
error with its line number; its extra columns, if any, are kept in the error text so
that the output has the header's width. When any row was bad, compare exits with
status 2 after writing every row. A file that is not valid CSV (a stray quote) stops
the run, because its rows can no longer be told apart; -o FILE is then not written
(the output goes to a temporary file that replaces FILE only when the run ends).`,
		Example: `  corridor compare "Sirajuddin Haqqani" "HAQQANI, Siraj"
  corridor compare "Bank Melli Iran" "BANK MELLI" --type company --json
  corridor compare --pairs pairs.csv -o scored.csv
  corridor compare --pairs pairs.csv --type person --threshold 0.9 > scored.csv`,
		Args: func(cmd *cobra.Command, args []string) error {
			if f.pairs != "" {
				if len(args) > 0 {
					return fmt.Errorf("--pairs: give either two names or --pairs FILE, not both")
				}
				return nil
			}
			if len(args) != 2 {
				return fmt.Errorf("want two names (quote each) or --pairs FILE, got %d arguments", len(args))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if f.pairs != "" {
				return runComparePairs(cmd, &f)
			}
			if f.output != "" {
				return errors.New("-o: only with --pairs")
			}
			return runCompare(cmd, args[0], args[1], &f)
		},
	}
	addMatchFlags(cmd, &f.match, "use the token frequencies of these lists")
	fl := cmd.Flags()
	fl.StringVar(&f.kind, "type", "any",
		"what both parties are: person, organization (company), vessel, aircraft or any; FollowTheMoney schema names too")
	fl.StringVar(&f.pairs, "pairs", "", `CSV file of pairs with columns name1, name2 and optionally type or schema ("-": standard input)`)
	fl.StringVarP(&f.output, "output", "o", "", "with --pairs: write the scored rows to this file (default: standard output)")
	fl.BoolVar(&f.asJSON, "json", false, "print JSON (two names only)")
	return cmd
}

// compareResult is what `compare --json` prints.
type compareResult struct {
	Name1       string            `json:"name1"`
	Name2       string            `json:"name2"`
	Kind        corridor.Kind     `json:"kind"`
	Score       float64           `json:"score"`
	Match       bool              `json:"match"`
	Threshold   float64           `json:"threshold"`
	Explanation match.Explanation `json:"explanation"`
}

func runCompare(cmd *cobra.Command, a, b string, f *compareFlags) error {
	kind, err := parsePartyKind(f.kind)
	if err != nil {
		return fmt.Errorf("--type: %w", err)
	}
	for i, name := range []string{a, b} {
		if err := checkName(name); err != nil {
			return fmt.Errorf("NAME %c: %w", 'A'+i, err)
		}
	}
	idx, _, err := loadIndex(cmd, &f.match)
	if err != nil {
		return err
	}
	score, ex, err := idx.Compare(a, b, kind)
	if err != nil {
		return err
	}
	res := compareResult{Name1: a, Name2: b, Kind: kind, Score: score, Match: ex.Alert, Threshold: ex.Threshold, Explanation: ex}
	out := cmd.OutOrStdout()
	if f.asJSON {
		return writeJSON(out, res)
	}
	fmt.Fprintf(out, "score: %.4f\nmatch: %t (threshold %.2f)\n\n%s", res.Score, res.Match, res.Threshold, ex.Text())
	return nil
}

func checkName(name string) error {
	switch {
	case strings.TrimSpace(name) == "":
		return errors.New("empty name")
	case !utf8.ValidString(name):
		return fmt.Errorf("%q is not valid UTF-8", name)
	}
	return nil
}

// ftmSchemas maps FollowTheMoney schema names to kinds. LegalEntity is the schema of a party
// that may be a person or an organization, so it restricts nothing.
var ftmSchemas = map[string]corridor.Kind{
	"person":       corridor.KindPerson,
	"company":      corridor.KindOrganization,
	"organization": corridor.KindOrganization,
	"publicbody":   corridor.KindOrganization,
	"legalentity":  corridor.KindUnknown,
	"vessel":       corridor.KindVessel,
	"airplane":     corridor.KindAircraft,
}

// parsePartyKind reads a kind written as corridor names it (person, organization, ...) or as
// a FollowTheMoney schema name (Person, Company, LegalEntity, ...).
func parsePartyKind(s string) (corridor.Kind, error) {
	if kind, ok := ftmSchemas[strings.ToLower(strings.TrimSpace(s))]; ok {
		return kind, nil
	}
	kind, err := match.ParseKind(s)
	if err != nil {
		return "", fmt.Errorf("%w; or a FollowTheMoney schema: Person, Company, Organization, PublicBody, LegalEntity, Vessel, Airplane", err)
	}
	return kind, nil
}
