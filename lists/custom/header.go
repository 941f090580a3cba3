package custom

import (
	"fmt"
	"strings"
)

// The columns of the format; see docs/lists.md ("An institution's own list").
const (
	colID          = "id"
	colName        = "name"
	colKind        = "kind"
	colAliases     = "aliases"
	colWeakAliases = "weak_aliases"
	colBirthDate   = "birth_date"
	colBirthPlace  = "birth_place"
	colNationality = "nationality"
	colGender      = "gender"
	colIDNumbers   = "id_numbers"
	colPrograms    = "programs"
	colListedOn    = "listed_on"
	colRemarks     = "remarks"
)

var knownColumns = []string{colID, colName, colKind, colAliases, colWeakAliases, colBirthDate, colBirthPlace,
	colNationality, colGender, colIDNumbers, colPrograms, colListedOn, colRemarks}

// columns maps each column present to its index in a row; the names in header order.
type columns struct {
	index map[string]int
	names []string
}

// parseHeader reads the header row. Names are compared without case, surrounding space, or
// the difference between "_", "-" and " " ("Birth Date" is birth_date); any other name is an
// error, so that a misspelt column is not silently ignored.
func parseHeader(header []string) (columns, error) {
	cols := columns{index: map[string]int{}, names: make([]string, len(header))}
	if len(header) == 1 {
		if sep := otherSeparator(header[0]); sep != "" {
			return cols, fmt.Errorf("custom list: line 1: the header is one column %q: the file looks %s-separated; corridor reads comma-separated values", clip(header[0]), sep)
		}
	}
	for i, raw := range header {
		name := canonicalColumn(raw)
		cols.names[i] = name
		switch {
		case name == "":
			return cols, fmt.Errorf("custom list: line 1, column %d: the header cell is empty", i+1)
		case !known(name):
			msg := fmt.Sprintf("custom list: line 1, column %d: unknown column %q", i+1, clip(raw))
			if guess := closest(name); guess != "" {
				msg += fmt.Sprintf(" (did you mean %s?)", guess)
			}
			return cols, fmt.Errorf("%s; the columns are %s", msg, strings.Join(knownColumns, ", "))
		}
		if first, dup := cols.index[name]; dup {
			return cols, fmt.Errorf("custom list: line 1, column %d: column %s repeats column %d", i+1, name, first+1)
		}
		cols.index[name] = i
	}
	for _, required := range []string{colID, colName} {
		if _, ok := cols.index[required]; !ok {
			return cols, fmt.Errorf("custom list: line 1: the header has no %s column (required)", required)
		}
	}
	return cols, nil
}

func canonicalColumn(s string) string {
	return underscores.Replace(strings.ToLower(strings.TrimSpace(s)))
}

var underscores = strings.NewReplacer(" ", "_", "-", "_")

func known(name string) bool {
	for _, k := range knownColumns {
		if k == name {
			return true
		}
	}
	return false
}

func otherSeparator(cell string) string {
	for _, sep := range []struct{ char, name string }{{";", "semicolon"}, {"\t", "tab"}, {"|", "pipe"}} {
		if strings.Contains(cell, sep.char) {
			return sep.name
		}
	}
	return ""
}

// closest returns the known column within two edits of name, or "".
func closest(name string) string {
	best, bestDist := "", 3
	for _, k := range knownColumns {
		if d := editDistance(name, k); d < bestDist {
			best, bestDist = k, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance in bytes; column names are ASCII.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// clip shortens s for an error message.
func clip(s string) string {
	const max = 60
	if len(s) <= max {
		return s
	}
	cut := max
	for cut > 0 && s[cut]&0xC0 == 0x80 { // do not split a UTF-8 sequence
		cut--
	}
	return s[:cut] + "..."
}
