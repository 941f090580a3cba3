package un

import (
	"strings"
	"unicode"
)

// clean trims s and squeezes every run of white space (the UN wraps long values over
// indented lines) to one space.
func clean(s string) string {
	if !needsClean(s) {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// needsClean reports whether clean would change s; most values are short plain ASCII that
// need no copy.
func needsClean(s string) bool {
	prevSpace := true
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == ' ':
			if prevSpace {
				return true
			}
			prevSpace = true
		case c < ' ' || c >= 0x80:
			// Control characters and non-ASCII, which may hold Unicode white space.
			return true
		default:
			prevSpace = false
		}
	}
	return prevSpace && s != ""
}

// scripts are the writing systems the list uses, with their ISO 15924 codes. A script code
// rather than a language goes into Name.Lang because the script is all the text tells:
// Arabic script may be Arabic, Persian or Pashto.
var scripts = [...]struct {
	table *unicode.RangeTable
	code  string
}{
	{unicode.Arabic, "Arab"},
	{unicode.Cyrillic, "Cyrl"},
	{unicode.Han, "Hani"},
	{unicode.Hangul, "Hang"},
	{unicode.Greek, "Grek"},
	{unicode.Hebrew, "Hebr"},
	{unicode.Georgian, "Geor"},
	{unicode.Armenian, "Armn"},
	{unicode.Thai, "Thai"},
}

// script returns the ISO 15924 code of the non-Latin script most of s's letters are in, or ""
// when s is mostly Latin (or has no letters).
func script(s string) string {
	var counts [len(scripts)]int
	latin := 0
	for _, r := range s {
		if r < 0x80 || !unicode.IsLetter(r) {
			if r < 0x80 && unicode.IsLetter(r) {
				latin++
			}
			continue
		}
		if unicode.Is(unicode.Latin, r) {
			latin++
			continue
		}
		for i, sc := range scripts {
			if unicode.Is(sc.table, r) {
				counts[i]++
				break
			}
		}
	}
	best, bestCount := "", latin
	for i, n := range counts {
		if n > bestCount {
			best, bestCount = scripts[i].code, n
		}
	}
	return best
}
