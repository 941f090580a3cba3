package eval

import (
	"math/rand/v2"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/corridor-aml/corridor/names"
	"golang.org/x/text/unicode/norm"
)

// Damage is one kind of realistic harm a name suffers between a list and a payment.
type Damage string

// The damage types the evaluation applies, each to every Latin-script alias it can change.
const (
	Exact        Damage = "exact"         // the alias as listed
	SwapLetters  Damage = "swap_letters"  // two adjacent letters swapped
	DoubleLetter Damage = "double_letter" // a letter written twice
	DropLetter   Damage = "drop_letter"   // a letter left out
	NoDiacritics Damage = "no_diacritics" // accents dropped
	VowelChange  Damage = "vowel_change"  // one vowel replaced by another
	Reorder      Damage = "reorder"       // tokens in another order
	DropMiddle   Damage = "drop_middle"   // a middle token left out
	JoinTokens   Damage = "join_tokens"   // two tokens written as one
	SplitToken   Damage = "split_token"   // one long token written as two
	AddTitle     Damage = "add_title"     // a title or honorific added
	SurnameFirst Damage = "surname_first" // "SURNAME, Given" order
)

// Damages lists every damage type in report order.
var Damages = []Damage{Exact, SwapLetters, DoubleLetter, DropLetter, NoDiacritics, VowelChange,
	Reorder, DropMiddle, JoinTokens, SplitToken, AddTitle, SurnameFirst}

var addedTitles = []string{"Haji", "Mullah", "Mawlawi", "Qari", "Sheikh", "Dr.", "Mr.", "Sayed", "Hafiz", "Gen."}

// Apply returns the name with the damage done, and false when the damage cannot apply to it
// (no diacritics to drop, no middle token, no letter to double ...). The result depends only
// on the name, the damage and rng's state, so a fixed seed reproduces every query.
func Apply(d Damage, name string, rng *rand.Rand) (string, bool) {
	tokens := strings.Fields(name)
	if len(tokens) == 0 {
		return "", false
	}
	switch d {
	case Exact:
		return name, true
	case SwapLetters, DoubleLetter, DropLetter, VowelChange:
		return damageLetters(d, tokens, rng)
	case NoDiacritics:
		plain := stripMarks(name)
		return plain, plain != name
	case Reorder:
		if len(tokens) < 2 {
			return "", false
		}
		return strings.Join(append(tokens[len(tokens)-1:], tokens[:len(tokens)-1]...), " "), true
	case DropMiddle:
		// A middle name: a given name after the first, in natural order.
		given, family := naturalOrder(name)
		if len(given) < 2 || (len(family) == 0 && len(given) < 3) {
			return "", false
		}
		last := len(given) - 1
		if len(family) == 0 {
			last-- // without a comma the last token is the family name
		}
		first := 0
		for first < len(given) && names.Ignorable([]byte(strings.ToLower(strings.Trim(given[first], "'`’,.")))) {
			first++ // titles before the first given name
		}
		var middles []int
		for i := first + 1; i <= last; i++ {
			if !compoundPart(given[i-1], given[i]) && (i+1 >= len(given) || !compoundPart(given[i], given[i+1])) {
				middles = append(middles, i)
			}
		}
		if len(middles) == 0 {
			return "", false
		}
		i := middles[rng.IntN(len(middles))]
		given = append(append([]string{}, given[:i]...), given[i+1:]...)
		return strings.Join(append(given, family...), " "), true
	case JoinTokens:
		// Two neighbouring tokens written together, in natural order.
		given, family := naturalOrder(name)
		natural := append(append([]string{}, given...), family...)
		if len(natural) < 2 {
			return "", false
		}
		i := rng.IntN(len(natural) - 1)
		joined := natural[i] + natural[i+1]
		return strings.Join(append(append(append([]string{}, natural[:i]...), joined), natural[i+2:]...), " "), true
	case SplitToken:
		i := longest(tokens)
		t := []rune(tokens[i])
		if letterCount(tokens[i]) < 8 {
			return "", false
		}
		mid := len(t)/2 - 1 + rng.IntN(3)
		parts := []string{string(t[:mid]), string(t[mid:])}
		return strings.Join(append(append(append([]string{}, tokens[:i]...), parts...), tokens[i+1:]...), " "), true
	case AddTitle:
		return addedTitles[rng.IntN(len(addedTitles))] + " " + name, true
	case SurnameFirst:
		if len(tokens) < 2 || strings.Contains(name, ",") {
			return "", false
		}
		last := strings.ToUpper(tokens[len(tokens)-1])
		return last + ", " + strings.Join(tokens[:len(tokens)-1], " "), true
	}
	return "", false
}

// damageLetters changes one letter of one word of at least five letters, never the first
// letter (people rarely get that wrong) and never punctuation.
func damageLetters(d Damage, tokens []string, rng *rand.Rand) (string, bool) {
	var long []int
	for i, t := range tokens {
		if letterCount(t) >= 5 {
			long = append(long, i)
		}
	}
	if len(long) == 0 {
		return "", false
	}
	ti := long[rng.IntN(len(long))]
	r := []rune(tokens[ti])
	var places []int // letters after the first letter whose right neighbour is a letter too
	for p := 1; p+1 < len(r); p++ {
		if unicode.IsLetter(r[p]) && unicode.IsLetter(r[p+1]) && unicode.IsLetter(r[p-1]) {
			places = append(places, p)
		}
	}
	if len(places) == 0 {
		return "", false
	}
	p := places[rng.IntN(len(places))]
	switch d {
	case SwapLetters:
		if unicode.ToLower(r[p]) == unicode.ToLower(r[p+1]) {
			return "", false
		}
		r[p], r[p+1] = r[p+1], r[p]
	case DoubleLetter:
		r = append(r[:p+1], r[p:]...)
	case DropLetter:
		r = append(r[:p], r[p+1:]...)
	case VowelChange:
		var vowels []int
		for _, i := range places {
			if strings.ContainsRune("aeiouAEIOU", r[i]) {
				vowels = append(vowels, i)
			}
		}
		if len(vowels) == 0 {
			return "", false
		}
		v := vowels[rng.IntN(len(vowels))]
		r[v] = otherVowel(r[v], rng)
	}
	out := append([]string{}, tokens...)
	out[ti] = string(r)
	return strings.Join(out, " "), true
}

func letterCount(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

// compoundPart reports whether a word belongs to a compound name with its neighbour ("Abd
// al-Rahman", "Abu Bakr", "Siraj ud-Din"), so that dropping it alone is not dropping a name.
func compoundPart(prev, word string) bool {
	clean := func(s string) string { return strings.ToLower(strings.Trim(s, "'`’,.")) }
	p, w := clean(prev), clean(word)
	switch p {
	case "abd", "abdul", "abdel", "abu", "abou", "bin", "ibn", "ben", "bint", "al", "el", "ould":
		return true
	}
	switch w {
	case "al", "el", "ud", "ul", "din", "deen", "allah", "ullah", "bin", "ibn", "ben", "bint":
		return true
	}
	for _, prefix := range []string{"al-", "el-", "ud-", "ul-", "ad-", "ur-", "ar-", "as-", "ash-", "az-", "ed-"} {
		if strings.HasPrefix(w, prefix) {
			return true
		}
	}
	return false
}

func otherVowel(v rune, rng *rand.Rand) rune {
	upper := unicode.IsUpper(v)
	choices := strings.ReplaceAll("aeiou", string(unicode.ToLower(v)), "")
	c := rune(choices[rng.IntN(len(choices))])
	if upper {
		c = unicode.ToUpper(c)
	}
	return c
}

// naturalOrder splits "SURNAME, Given Middle" into its given and family tokens; a name
// without exactly one comma is all given tokens.
func naturalOrder(name string) (given, family []string) {
	before, after, ok := strings.Cut(name, ",")
	if !ok || strings.Contains(after, ",") {
		return strings.Fields(name), nil
	}
	return strings.Fields(after), strings.Fields(before)
}

func longest(tokens []string) int {
	best := 0
	for i, t := range tokens {
		if utf8.RuneCountInString(t) > utf8.RuneCountInString(tokens[best]) {
			best = i
		}
	}
	return best
}

func stripMarks(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(r)
		}
	}
	return norm.NFC.String(b.String())
}

// isLatin reports whether a name is written in Latin script (accents allowed).
func isLatin(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) && !unicode.Is(unicode.Latin, r) {
			return false
		}
	}
	return true
}
