package screen

import (
	"strings"

	"github.com/corridor-aml/corridor/names"
)

// Jurisdiction is a country or region whose mention in a payment's free text is reported:
// its code and the names and cities that stand for it, as written in Latin script.
type Jurisdiction struct {
	Code  string   // ISO 3166-1 alpha-2, or ISO 3166-2 for a region ("UA-43", Crimea)
	Names []string // "Afghanistan", "Kabul", "Mazar-i-Sharif" ...
}

// DefaultJurisdictions are the jurisdictions under comprehensive US sanctions (Cuba, Iran,
// North Korea, Syria, and the Crimea, Donetsk and Luhansk regions of Ukraine) and
// Afghanistan, whose payments corridor exists to carry under the humanitarian licences: a
// payment that mentions it is one the licence policy must look at.
var DefaultJurisdictions = []Jurisdiction{
	{"AF", []string{"Afghanistan", "Kabul", "Kandahar", "Herat", "Mazar-i-Sharif", "Mazar-e-Sharif", "Jalalabad", "Kunduz", "Ghazni", "Khost", "Helmand", "Lashkar Gah"}},
	{"CU", []string{"Cuba", "Havana", "La Habana", "Santiago de Cuba"}},
	{"IR", []string{"Iran", "Tehran", "Teheran", "Mashhad", "Isfahan", "Esfahan", "Tabriz", "Shiraz", "Bandar Abbas"}},
	{"KP", []string{"North Korea", "DPRK", "Pyongyang", "Democratic People's Republic of Korea"}},
	{"SY", []string{"Syria", "Damascus", "Aleppo", "Homs", "Latakia", "Idlib"}},
	{"UA-43", []string{"Crimea", "Simferopol"}},
	{"UA-40", []string{"Sevastopol"}},
	{"UA-14", []string{"Donetsk"}},
	{"UA-09", []string{"Luhansk", "Lugansk"}},
}

// phraseIndex finds jurisdiction names in folded text, as whole words.
type phraseIndex struct {
	code    map[string]string // folded phrase -> code
	longest int               // words in the longest phrase
}

func newPhraseIndex(js []Jurisdiction) *phraseIndex {
	idx := &phraseIndex{code: map[string]string{}}
	for _, j := range js {
		for _, n := range j.Names {
			words := strings.Fields(strings.ReplaceAll(string(names.Fold(nil, n)), ",", " "))
			idx.code[strings.Join(words, " ")] = j.Code
			idx.longest = max(idx.longest, len(words))
		}
	}
	return idx
}

// find returns each jurisdiction named in text, once, with the words that name it first.
func (idx *phraseIndex) find(text string) (codes, phrases []string) {
	words := strings.Fields(strings.ReplaceAll(string(names.Fold(nil, text)), ",", " "))
	seen := map[string]bool{}
	for i := range words {
		for n := min(idx.longest, len(words)-i); n >= 1; n-- {
			phrase := strings.Join(words[i:i+n], " ")
			if code, ok := idx.code[phrase]; ok && !seen[code] {
				seen[code] = true
				codes, phrases = append(codes, code), append(phrases, phrase)
				break
			}
		}
	}
	return codes, phrases
}

// residenceCodes reads the country codes of the regulatory code words that state where the
// parties live ("/BENEFRES/AF//KABUL", "/ORDERRES/DE//BERLIN" in field 77B).
func residenceCodes(text string) []string {
	var out []string
	for _, word := range []string{"/BENEFRES/", "/ORDERRES/"} {
		rest := text
		for {
			i := strings.Index(rest, word)
			if i < 0 {
				break
			}
			rest = rest[i+len(word):]
			if len(rest) >= 2 && upperLetters(rest[:2]) {
				out = append(out, rest[:2])
			}
		}
	}
	return out
}
