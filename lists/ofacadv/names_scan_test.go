package ofacadv

import (
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/corridor-aml/corridor"
)

// The scan reads the raw file with regular expressions, independently of encoding/xml and of
// the parser, and finds every documented name: each must be one name of the right entity,
// holding each of its parts.
var (
	partyRe     = regexp.MustCompile(`(?s)<DistinctParty\b[^>]*\bFixedRef="([^"]*)".*?</DistinctParty>`)
	docNameRe   = regexp.MustCompile(`(?s)<DocumentedName\b.*?</DocumentedName>`)
	partValueRe = regexp.MustCompile(`<NamePartValue\b[^>]*>([^<]*)</NamePartValue>`)
)

func TestEveryAliasInModel(t *testing.T) {
	data := readExtract(t)
	snap := parseExtract(t)
	byRef := map[string]corridor.Entity{}
	for _, e := range snap.Entities {
		byRef[e.NativeID] = e
	}
	documented, parties := 0, 0
	for _, party := range partyRe.FindAllSubmatch(data, -1) {
		parties++
		ref := string(party[1])
		e, ok := byRef[ref]
		if !ok {
			t.Errorf("DistinctParty %s: no entity", ref)
			continue
		}
		used := map[int]bool{}
		for _, dn := range docNameRe.FindAll(party[0], -1) {
			documented++
			var values []string
			for _, v := range partValueRe.FindAllSubmatch(dn, -1) {
				values = append(values, strings.Join(strings.Fields(html.UnescapeString(string(v[1]))), " "))
			}
			found := -1
			for i, n := range e.Names {
				if extra := len(n.Full) - lenJoined(values); !used[i] && holdsAll(n.Full, values) && (extra == 0 || extra == 1) {
					found = i
					break
				}
			}
			if found < 0 {
				t.Errorf("DistinctParty %s: documented name %q not in the model: %+v", ref, values, e.Names)
				continue
			}
			used[found] = true
		}
		if len(used) != len(e.Names) {
			t.Errorf("DistinctParty %s: %d documented names but %d model names", ref, len(used), len(e.Names))
		}
	}
	// grep -c '<DocumentedName ' and '<DistinctParty ' on the file: 11 and 4.
	if documented != 11 || parties != 4 {
		t.Errorf("scanned %d documented names in %d parties, want 11 in 4", documented, parties)
	}
}

// holdsAll reports whether full holds every value as a whole run of words.
func holdsAll(full string, values []string) bool {
	for _, v := range values {
		if !strings.Contains(full, v) {
			return false
		}
	}
	return true
}

// lenJoined is the length of the values joined with single spaces; a "Last, First" name is
// one byte longer. The length keeps "ZUMAR, Abbud" from matching "AL-Zumar, Abbud".
func lenJoined(values []string) int {
	n := len(values) - 1
	for _, v := range values {
		n += len(v)
	}
	return n
}
