package batch

import (
	"fmt"
	"strings"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/match"
)

// Reason sums an explanation up in a few words for a results table: how many of the query's
// tokens the listed name explains, how many of them only nearly, what the listed name has
// besides, and every fact that moved the score.
func Reason(m match.Match, ex match.Explanation) string {
	var parts []string
	if ex.Identifier != "" {
		parts = append(parts, "identifier "+ex.Identifier+" matches")
	}
	if len(ex.Tokens) > 0 {
		aligned, inexact := 0, 0
		for _, t := range ex.Tokens {
			aligned += len(strings.Fields(t.Query))
			if t.How != "exact" {
				inexact++
			}
		}
		part := fmt.Sprintf("%d/%d tokens", aligned, aligned+len(ex.QueryLeftOver))
		if inexact > 0 {
			part += fmt.Sprintf(" (%d inexact)", inexact)
		}
		parts = append(parts, part)
		if n := len(ex.ListedLeftOver); n > 0 {
			parts = append(parts, fmt.Sprintf("%d listed not in query", n))
		}
	}
	if kind := nameKind(m.Entity, m.Name); kind != "" && kind != corridor.NamePrimary {
		parts = append(parts, "via "+strings.ReplaceAll(string(kind), "_", " "))
	}
	if ex.WeakAlias {
		parts = append(parts, "weak alias")
	}
	for _, f := range ex.Facts {
		if f.Fact == match.FactIdentifier {
			continue // said first
		}
		parts = append(parts, factLabel(f.Fact)+" "+f.Verdict())
	}
	return strings.Join(parts, ", ")
}

func factLabel(f match.FactKind) string {
	if f == match.FactBirthDate {
		return "dob"
	}
	return string(f)
}

// nameKind returns the kind of the entity's name written full, "" when it has none such.
func nameKind(e *corridor.Entity, full string) corridor.NameKind {
	for _, n := range e.Names {
		if n.Full == full {
			return n.Kind
		}
	}
	return ""
}
