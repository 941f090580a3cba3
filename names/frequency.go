package names

import (
	_ "embed"
	"strings"
)

// Commonness says how common a canonical name token is in the populations whose names reach
// screening, independently of how often it appears on the lists. A very common token alone
// is weak evidence however rare it is on the lists ("Mohammad", "John").
type Commonness uint8

// Commonness classes; see frequency.txt for the sources and the class boundaries.
const (
	Uncommon   Commonness = iota // not in the table
	Common                       // roughly 1 in 1,000 to 1 in 100 people of a region
	VeryCommon                   // more than roughly 1 in 100 people of a region
)

//go:embed frequency.txt
var frequencyText string

var commonness = parseFrequency(frequencyText)

// tableNames holds the names of the table as written (folded, not analysed): words that are
// names, whatever title or form they resemble.
var tableNames = func() map[string]struct{} {
	m := make(map[string]struct{}, 1024)
	for _, line := range strings.Split(frequencyText, "\n") {
		if _, words, ok := strings.Cut(line, ":"); ok && !strings.HasPrefix(strings.TrimSpace(line), "#") {
			for _, w := range strings.Fields(words) {
				m[string(Fold(nil, w))] = struct{}{}
			}
		}
	}
	return m
}()

// CommonnessOf returns how common a canonical token is.
func CommonnessOf(tok []byte) Commonness {
	return commonness[string(tok)]
}

func parseFrequency(text string) map[string]Commonness {
	m := make(map[string]Commonness, 1024)
	var a Analyzer
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		class, words, ok := strings.Cut(line, ":")
		if !ok {
			panic("names: frequency.txt: line without class: " + line) // embedded, checked by tests
		}
		c := Common
		if strings.TrimSpace(class) == "very common" {
			c = VeryCommon
		}
		for _, w := range strings.Fields(words) {
			for _, tok := range a.Analyze(w, "person") {
				if c > m[string(tok)] {
					m[string(tok)] = c
				}
			}
		}
	}
	return m
}
