// Package corridor holds the domain types of the corridor sanctions-screening engine:
// listed entities and the list versions they come from. Everything that does work (list
// readers, the matcher, stores, the command line) lives in packages below this one.
package corridor

import (
	"fmt"
	"strings"
)

// ListID names a sanctions list. Official lists have fixed IDs; OpenSanctions datasets and
// an institution's own lists get a prefix and a caller-chosen suffix.
type ListID string

// The lists corridor knows by name.
const (
	ListOFACSDN    ListID = "us_ofac_sdn"
	ListOFACNonSDN ListID = "us_ofac_nonsdn"
	ListUN         ListID = "un"
	ListEU         ListID = "eu"
	ListUK         ListID = "uk"
)

const (
	openSanctionsPrefix = "opensanctions_"
	customPrefix        = "custom_"
)

// OpenSanctionsList returns the list ID of an OpenSanctions dataset, e.g. "opensanctions_sanctions".
func OpenSanctionsList(dataset string) ListID { return ListID(openSanctionsPrefix + dataset) }

// CustomList returns the list ID of an institution's own list, e.g. "custom_staff_watchlist".
func CustomList(name string) ListID { return ListID(customPrefix + name) }

// Validate reports whether l is one of the known list IDs or a well-formed prefixed one.
func (l ListID) Validate() error {
	switch l {
	case ListOFACSDN, ListOFACNonSDN, ListUN, ListEU, ListUK:
		return nil
	}
	s := string(l)
	for _, prefix := range []string{openSanctionsPrefix, customPrefix} {
		if rest, ok := strings.CutPrefix(s, prefix); ok {
			if rest == "" || !isSlug(rest) {
				return fmt.Errorf("list id %q: the part after %q must be lower-case letters, digits or _", s, prefix)
			}
			return nil
		}
	}
	return fmt.Errorf("unknown list id %q (want us_ofac_sdn, us_ofac_nonsdn, un, eu, uk, opensanctions_<dataset> or custom_<name>)", s)
}

func isSlug(s string) bool {
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_') {
			return false
		}
	}
	return true
}

// EntityID builds the stable ID "<list>:<native id>" of a listed entity.
func EntityID(list ListID, nativeID string) string { return string(list) + ":" + nativeID }

// SplitEntityID splits a stable entity ID into its list and native ID.
func SplitEntityID(id string) (ListID, string, error) {
	list, native, ok := strings.Cut(id, ":")
	if !ok || list == "" || native == "" {
		return "", "", fmt.Errorf("entity id %q: want <list>:<native id>", id)
	}
	return ListID(list), native, nil
}
