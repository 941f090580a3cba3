package names

import (
	"cmp"
	"slices"
	"strings"
)

// Typos in the words the analyzer rewrites or drops ("Mohmamad", "Comapny", "Muftti") would
// otherwise leave a rare-looking token in the query that nothing on the lists explains. A
// token one edit away from such a word is treated as that word when the word is long enough
// that the edit cannot make another real name:
//   - a company form of at least fuzzyStopLen letters, or a title of at least fuzzyTitleLen
//     (shorter titles are a letter away from names: "Shawkh" is not "Shaykh"), by any one
//     edit;
//   - a spelling of at least fuzzySpellLen letters, by a substitution, a swap or a doubled
//     letter only, so that "Muhammadi" (a letter added) never becomes "Muhammad" and "Ahsan"
//     (too short) never becomes "Hasan".
const (
	fuzzyStopLen  = 6
	fuzzyTitleLen = 7
	fuzzySpellLen = 7
	fuzzySoftLen  = 4 // shorter titles, one edit away, only make a token soft (see Soft)
	fuzzyMinLen   = fuzzySoftLen
)

type fuzzyTarget struct {
	word      string
	canonical []byte // the spelling to use; nil means the word is dropped
	title     bool   // the word is a title (else a spelling or a company form)
	soft      bool   // a title short enough that one edit away is as likely a name
	abd       bool   // the word starts a compound, like "Abdul"
}

// fuzzyWords maps the one-deletion keys of every spelling variant, title and company form to
// the words that produce them.
var fuzzyWords = buildFuzzy()

func buildFuzzy() map[string][]fuzzyTarget {
	m := make(map[string][]fuzzyTarget, 4096)
	add := func(word string, t fuzzyTarget) {
		switch {
		case t.title && len(word) < fuzzySoftLen:
			return
		case t.title && len(word) < fuzzyTitleLen:
			t.soft = true
		case t.abd && len(word) < 5:
			return
		case !t.title && !t.abd && len(word) < fuzzyStopLen:
			return
		case t.canonical != nil && len(word) < fuzzySpellLen:
			return
		}
		t.word = word
		m[word] = append(m[word], t) // reached from a token with one letter added
		b := []byte(word)
		for i := range b {
			key := string(append(append([]byte{}, b[:i]...), b[i+1:]...))
			m[key] = append(m[key], t)
		}
	}
	for variant, canonical := range spellings {
		add(variant, fuzzyTarget{canonical: []byte(canonical)})
		add(canonical, fuzzyTarget{canonical: []byte(canonical)})
	}
	for word := range titles {
		add(word, fuzzyTarget{title: true})
	}
	for word := range companyForms {
		add(word, fuzzyTarget{})
	}
	for word := range abdWords {
		add(word, fuzzyTarget{abd: true})
	}
	// The maps above are read in random order: sort each key's words, so that which word a
	// typo is taken for never depends on the run.
	for _, targets := range m {
		slices.SortFunc(targets, func(a, b fuzzyTarget) int {
			return cmp.Or(strings.Compare(a.word, b.word), cmp.Compare(flags(a), flags(b)))
		})
	}
	return m
}

// fuzzyWord returns the word tok is a typo of, and whether there is exactly one such word.
// buf is scratch space of at least len(tok) bytes.
func fuzzyWord(tok, buf []byte) (fuzzyTarget, bool) {
	if len(tok) < fuzzyMinLen || len(tok) > len(buf)+1 || len(tok) > 64 {
		return fuzzyTarget{}, false
	}
	var found fuzzyTarget
	n := 0
	try := func(key []byte) bool {
		for _, t := range fuzzyWords[string(key)] {
			if t.word == found.word || !closeEnough(tok, t) {
				continue
			}
			if n > 0 && string(t.canonical) != string(found.canonical) {
				return false // two different words are as close: guess neither
			}
			found, n = t, n+1
		}
		return true
	}
	// The filter answers "surely not a key" for almost every key of almost every name, with
	// one bit each, so that the map is asked only about likely keys.
	var prefix [65]uint64
	for i, c := range tok {
		prefix[i+1] = prefix[i]*fuzzyHashBase + uint64(c) + 1
	}
	end := len(tok)
	if fuzzyKeys.has(prefix[end]) && !try(tok) { // tok is the word with one letter added
		return fuzzyTarget{}, false
	}
	pow := uint64(1)
	for i := end - 1; i >= 0; i-- {
		h := prefix[i]*pow + prefix[end] - prefix[i+1]*pow
		pow *= fuzzyHashBase
		if !fuzzyKeys.has(h) {
			continue
		}
		key := append(append(buf[:0], tok[:i]...), tok[i+1:]...)
		if !try(key) {
			return fuzzyTarget{}, false
		}
	}
	return found, n > 0
}

const fuzzyHashBase = 0x100000001b3

// bitFilter is a one-hash Bloom filter of 2^16 bits.
type bitFilter [1 << 10]uint64

func (f *bitFilter) add(h uint64) { h = spread(h) & (1<<16 - 1); f[h/64] |= 1 << (h % 64) }

func (f *bitFilter) has(h uint64) bool {
	h = spread(h) & (1<<16 - 1)
	return f[h/64]&(1<<(h%64)) != 0
}

func spread(h uint64) uint64 {
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	return h ^ h>>33
}

// fuzzyKeys holds the hash of every key of fuzzyWords.
var fuzzyKeys = func() *bitFilter {
	f := new(bitFilter)
	for key := range fuzzyWords {
		var h uint64
		for i := 0; i < len(key); i++ {
			h = h*fuzzyHashBase + uint64(key[i]) + 1
		}
		f.add(h)
	}
	return f
}()

// closeEnough applies the edit rules above to a token and a word that share a deletion key.
func closeEnough(tok []byte, t fuzzyTarget) bool {
	if Distance(tok, []byte(t.word), 1) != 1 {
		return false
	}
	if t.abd && (len(tok) < len(t.word) || len(tok) == len(t.word) && !swapped(tok, t.word)) {
		// A letter short of "Abdil" is "Adil", a letter other than "Abdal" is "Ahdal": names
		// of their own. Only a letter doubled ("Abbdul") or two swapped ("Adbul") count.
		return false
	}

	if t.canonical == nil || len(tok) == len(t.word) {
		return true
	}

	// A spelling: only a doubled letter may be added.
	if len(tok) != len(t.word)+1 {
		return false
	}
	for i := 1; i < len(tok); i++ {
		if tok[i] == tok[i-1] && t.word[:i] == string(tok[:i]) && t.word[i:] == string(tok[i+1:]) {
			return true
		}
	}
	return false
}

func flags(t fuzzyTarget) int {
	f := 0
	if t.title {
		f |= 1
	}
	if t.soft {
		f |= 2
	}
	if t.abd {
		f |= 4
	}
	if t.canonical != nil {
		f |= 8
	}
	return f
}

// swapped reports whether a and b, of one length, differ by two neighbouring letters swapped.
func swapped(a []byte, b string) bool {
	p := 0
	for p < len(a) && a[p] == b[p] {
		p++
	}
	return p+1 < len(a) && a[p] == b[p+1] && a[p+1] == b[p] && string(a[p+2:]) == b[p+2:]
}
