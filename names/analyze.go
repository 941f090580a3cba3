package names

import (
	"bytes"
	"slices"

	"github.com/corridor-aml/corridor"
)

// Analyzer turns names into canonical tokens. It keeps its buffers between calls, so it is
// not safe for concurrent use: give each goroutine its own. The zero value is ready to use.
type Analyzer struct {
	folded  []byte
	canon   []byte
	scratch []byte
	raw     []span
	spans   []span
	tokens  [][]byte
	rotated []span
	family  int

	beforeComma bool
	rawAt       int16
	titles      int // titles the last canonicalize dropped
	fuzzBuf     [64]byte
}

var (
	lah   = []byte("lah")
	allah = []byte("allah")
)

type span struct {
	start, end     int32
	rawFrom, rawTo int16 // the raw tokens it was made from, inclusive
	family         bool  // written before the comma of "SURNAME, Given"
	soft           bool  // one edit away from a title: a title misspelt, or a name
}

// Analyze returns the canonical tokens of name for a party of the given kind (KindUnknown when
// not known). The slices point into the Analyzer's buffers and are valid until the next call.
//
// Canonical means: Latin, lower case, no accents; titles, particles, "son of" connectors and
// (for non-persons) company forms dropped; compounds joined ("Abd al-Rahman" -> "abdrahman",
// "Siraj ud-Din" -> "sirajdin", "Hibat Allah" -> "hibatlah"); the commonest names in one
// spelling ("Mohammed" -> "muhammad"); and "SURNAME, Given" turned into "Given SURNAME".
func (a *Analyzer) Analyze(name string, kind corridor.Kind) [][]byte {
	a.folded = Fold(a.folded[:0], name)
	commaAt := a.split()
	if kind == corridor.KindOrganization || kind == corridor.KindVessel || kind == corridor.KindAircraft {
		commaAt = 0 // "Bank Melli, Iran" is not "SURNAME, Given"
	}
	a.canonicalize(kind, commaAt, false)
	if len(a.spans) == 1 && a.titles > 0 {
		// "Sayed Rahimi" and "AMIR RAHIMI" would both be "rahimi" alone, one common name
		// that equals the other completely. A name left with one token keeps its titles,
		// as soft tokens: the matcher weighs them as almost nothing, but two names whose
		// titles differ are not the same name written in full.
		a.canonicalize(kind, commaAt, true)
	}
	if len(a.spans) == 0 {
		a.keepAll() // a name made only of titles or particles is still that name
	}
	a.family = 0
	if commaAt > 0 {
		a.rotate()
	}
	a.tokens = a.tokens[:0]
	for _, s := range a.spans {
		a.tokens = append(a.tokens, a.canon[s.start:s.end])
	}
	return a.tokens
}

// split cuts the folded text into raw tokens and returns the index of the first raw token
// after the only comma, or 0 when there is not exactly one comma.
func (a *Analyzer) split() (commaAt int) {
	a.raw = a.raw[:0]
	commas := 0
	start := -1
	for i := 0; i <= len(a.folded); i++ {
		if i < len(a.folded) && a.folded[i] != sepSpace && a.folded[i] != sepComma {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			a.raw = append(a.raw, span{start: int32(start), end: int32(i)})
			start = -1
		}
		if i < len(a.folded) && a.folded[i] == sepComma {
			commas++
			commaAt = len(a.raw)
		}
	}
	if commas != 1 || commaAt == len(a.raw) {
		commaAt = 0
	}
	a.cutCompoundHeads(&commaAt)
	return commaAt
}

func nameBeforeHead(name []byte) bool {
	if bytes.HasPrefix(name, []byte("abd")) || bytes.HasPrefix(name, []byte("abu")) {
		return false
	}
	return bytes.ContainsAny(name, "aeiou")
}

// compoundHeads are the words that start a compound ("Abd al-Rahman", "Abu Bakr"), long enough
// to be recognized at the end of another word.
var compoundHeads = []string{"abdoul", "abdul", "abdel", "abdal", "abdol", "abdur", "abdu", "abd", "abou", "abu"}

// cutCompoundHeads splits a raw token that ends with the head of a compound whose second
// word follows ("ADILABDU FAARI'A", "MusaABU DAWUD"): the head was written onto the name
// before it. The name left must be a word of four letters or more with a vowel, and not a
// compound itself: "Ndjabu", "Njabu" and "Abdurabu" are one name each.
func (a *Analyzer) cutCompoundHeads(commaAt *int) {
	for i := 0; i+1 < len(a.raw); i++ {
		r := a.raw[i]
		t := a.folded[r.start:r.end]
		for _, head := range compoundHeads {
			cut := len(t) - len(head)
			if cut < 4 || string(t[cut:]) != head || !nameBeforeHead(t[:cut]) {
				continue
			}
			a.raw = slices.Insert(a.raw, i+1, span{start: r.start + int32(cut), end: r.end})
			a.raw[i].end = r.start + int32(cut)
			if *commaAt > i {
				*commaAt++
			}
			i++
			break
		}
	}
}

// canonicalize writes the canonical tokens of a.raw into a.canon and a.spans. Comma
// positions are kept by counting raw tokens, so rotate works on the result.
func (a *Analyzer) canonicalize(kind corridor.Kind, commaAt int, keepTitles bool) {
	a.canon = a.canon[:0]
	a.spans = a.spans[:0]
	a.titles = 0
	joinNext := false
	for ri := 0; ri < len(a.raw); ri++ {
		r := a.raw[ri]
		a.beforeComma = ri < commaAt
		a.rawAt = int16(ri)
		t := a.folded[r.start:r.end]
		if ri+1 < len(a.raw) && a.splitStopWord(t, a.raw[ri+1], kind) {
			ri++ // "Corpo ration", "Aktsi onernoe": a title or form written in two
			continue
		}
		c := classOf(t)
		soft := false
		switch {
		case c&classTitle != 0 && keepTitles:
			a.startToken("")
			a.canon = append(a.canon, t...)
			a.spans[len(a.spans)-1].end = int32(len(a.canon))
			a.spans[len(a.spans)-1].soft = true
			continue
		case c&classTitle != 0:
			a.titles++
			continue
		case c&(classConnector|classParticle) != 0:
			continue
		case string(t) == "ben" && len(a.spans) > 0 && ri+1 < len(a.raw):
			continue // "Sami Ben Khamis": between two names, "son of"; "Ben Smith" keeps it
		case c&classCompanyForm != 0 && kind != corridor.KindPerson:
			continue
		case kind != corridor.KindPerson && a.formWithDe(t, ri):
			continue
		case c&classDin != 0 && len(a.spans) > 0 && !joinNext:
			a.extendLast("din")
			continue
		case c&classAllah != 0 && len(a.spans) > 0 && !joinNext:
			a.extendLast("lah")
			continue
		case c&classAllah != 0 && len(a.spans) == 0 && !joinNext:
			t = allah // "Allah Dad", "الله داد": one spelling for a name that starts with it
		case c&classAbd != 0:
			a.startToken("abd")
			joinNext = true
			continue
		case c&classAbu != 0:
			a.startToken("abu")
			joinNext = true
			continue
		}
		if c&classSpelling == 0 && !in(tableNames, t) {
			// A name in the frequency table is a name, not a misspelt title or form:
			// "Coronel" is a surname, though one letter from "colonel".
			if f, ok := fuzzyWord(t, a.fuzzBuf[:]); ok {
				switch {
				case f.abd:
					a.startToken("abd") // "Abbdul", "Abduul"
					joinNext = true
					continue
				case f.soft:
					soft = true // "Haafiz" or a name a letter away from a title
				case f.canonical == nil && (f.title || kind != corridor.KindPerson):
					continue // a misspelt title, or a misspelt company form
				}

				if f.canonical != nil {
					t = f.canonical
				}
			}
		}
		if joinNext {
			if c&classAllah != 0 {
				t = lah
			}
			a.canon = append(a.canon, t...)
			a.spans[len(a.spans)-1].end = int32(len(a.canon))
			a.spans[len(a.spans)-1].rawTo = a.rawAt
			joinNext = false
			a.recanon(len(a.spans) - 1)
			continue
		}
		a.startToken("")
		a.canon = append(a.canon, t...)
		a.spans[len(a.spans)-1].end = int32(len(a.canon))
		a.spans[len(a.spans)-1].soft = soft
		a.recanon(len(a.spans) - 1)
	}
}

// Soft reports whether the last call's token i is one edit away from a short title
// ("Haafiz", "Hujji", but also "Shawkh" next to "Shaykh"): the matcher lets it count for
// little unless it matches a listed name.
func (a *Analyzer) Soft(i int) bool { return a.spans[i].soft }

// splitStopWord reports whether t and the raw token after it together make a title, or a
// company form of a party that is not a person.
func (a *Analyzer) splitStopWord(t []byte, next span, kind corridor.Kind) bool {
	n := a.folded[next.start:next.end]
	if len(t)+len(n) > len(a.fuzzBuf) {
		return false
	}
	joined := append(append(a.fuzzBuf[:0], t...), n...)
	c := classOf(joined)
	return c&classTitle != 0 || (c&classCompanyForm != 0 && kind != corridor.KindPerson)
}

// formWithDe reports whether t is a Spanish legal form written onto its "de": "DEC.V."
// (de C.V.), "DER.L.", or "S.A.DE" and "R.L.DE" before another form ("S.A.DE C.V.").
func (a *Analyzer) formWithDe(t []byte, ri int) bool {
	if len(t) < 3 {
		return false
	}
	if string(t) == "decv" || string(t) == "derl" {
		return true
	}
	if string(t[len(t)-2:]) != "de" || !in(spanishForms, t[:len(t)-2]) || ri+1 >= len(a.raw) {
		return false
	}
	next := a.raw[ri+1]
	return classOf(a.folded[next.start:next.end])&classCompanyForm != 0
}

func (a *Analyzer) startToken(prefix string) {
	start := int32(len(a.canon))
	a.canon = append(a.canon, prefix...)
	a.spans = append(a.spans, span{start: start, end: int32(len(a.canon)), rawFrom: a.rawAt, rawTo: a.rawAt, family: a.beforeComma})
}

func (a *Analyzer) extendLast(suffix string) {
	a.canon = append(a.canon, suffix...)
	a.spans[len(a.spans)-1].end = int32(len(a.canon))
	a.spans[len(a.spans)-1].rawTo = a.rawAt
	a.recanon(len(a.spans) - 1)
}

// recanon rewrites token i (always the last one) in canonical form, applying rules until
// none applies (each rule shortens the token or maps it to a fixed spelling, so this ends).
func (a *Analyzer) recanon(i int) {
	s := a.spans[i]
	for range 4 {
		var changed bool
		a.scratch, changed = rewriteToken(a.scratch[:0], a.canon[s.start:s.end])
		if !changed {
			return
		}
		a.canon = append(a.canon[:s.start], a.scratch...)
		s.end = int32(len(a.canon))
		a.spans[i].end = s.end
	}
}

// keepAll is the fallback when every token was a title, particle or form: keep them as written.
func (a *Analyzer) keepAll() {
	a.canon = a.canon[:0]
	a.beforeComma = false
	for ri, r := range a.raw {
		a.rawAt = int16(ri)

		a.startToken("")
		a.canon = append(a.canon, a.folded[r.start:r.end]...)
		a.spans[len(a.spans)-1].end = int32(len(a.canon))
	}
}

// rotate moves the family names (written before the comma) behind the given names, keeping
// the order within each group: "HAQQANI, Siraj" becomes "Siraj HAQQANI".
func (a *Analyzer) rotate() {
	a.rotated = a.rotated[:0]
	for _, s := range a.spans {
		if !s.family {
			a.rotated = append(a.rotated, s)
		}
	}
	given := len(a.rotated)
	if given == 0 || given == len(a.spans) {
		return // only one side of the comma had a name: nothing to reorder
	}
	for _, s := range a.spans {
		if s.family {
			a.rotated = append(a.rotated, s)
		}
	}
	a.spans, a.rotated = a.rotated, a.spans
	a.family = len(a.spans) - given
}

// Family returns how many of the last call's tokens are family names: the ones written
// before the comma of "SURNAME, Given", now at the end. It is 0 when the name had no such
// comma, and then which token is the family name is unknown.
func (a *Analyzer) Family() int { return a.family }

// Raw appends to dst the folded text that the last call's token i was made from, before any
// canonical rewriting: "abdalrahman" for "abdrahman", "tajeddine" for "tajdin". The index
// keeps it so that a typo in the written form still finds the name.
func (a *Analyzer) Raw(dst []byte, i int) []byte {
	s := a.spans[i]
	for r := s.rawFrom; r <= s.rawTo && int(r) < len(a.raw); r++ {
		dst = append(dst, a.folded[a.raw[r].start:a.raw[r].end]...)
	}
	return dst
}
