package ofac

import (
	"strings"

	"github.com/corridor-aml/corridor"
)

// newName builds a name as OFAC writes it. OFAC writes people "SURNAME, Given names"; their
// names get family and given parts split at the first ", ". Full keeps the name as written.
func newName(full string, kind corridor.NameKind, entity corridor.Kind, weak bool) corridor.Name {
	n := corridor.Name{Full: full, Kind: kind, Weak: weak}
	if entity == corridor.KindPerson {
		if family, given, ok := strings.Cut(full, ", "); ok {
			family, given = strings.TrimSpace(family), strings.TrimSpace(given)
			if family != "" && given != "" {
				n.Parts = []corridor.NamePart{
					{Type: corridor.PartFamily, Value: family},
					{Type: corridor.PartGiven, Value: given},
				}
			}
		}
	}
	return n
}

// altKind maps alt.csv's alt_type column.
func altKind(t string) (corridor.NameKind, bool) {
	switch strings.ToLower(t) {
	case "aka":
		return corridor.NameAKA, true
	case "fka":
		return corridor.NameFKA, true
	case "nka":
		return corridor.NameNKA, true
	}
	return "", false
}
