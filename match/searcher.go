package match

import (
	"slices"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/names"
)

// Match is one listed entity that a query may be.
type Match struct {
	Entity    *corridor.Entity
	List      corridor.ListID
	Score     float64 // in [0,1]
	NameScore float64 // the name alone, before secondary facts
	Alert     bool    // Score reached the alert threshold of the entity's list
	Name      string  // the listed name that matched best
	Version   string  // hash of the list version the entity comes from
	entity    int32
	name      int32
}

// Limits of one query; longer names are cut (no real name has more tokens).
const (
	maxQueryTokens  = 16
	maxNameTokens   = 32
	maxCandsPerTok  = 96
	minTokenSim     = 0.7
	abjadSkelSim    = 0.95 // the same when the query is Arabic script, which writes no short vowels
	shortAbjadSim   = 0.8  // ... and the skeleton has only two consonants, as many names have
	abjadFloorScale = 0.6
	consonantSlip   = 0.04 // consonants one letter apart, across scripts
	consonantMiss   = 0.12 // consonants further apart, though their skeletons agree
	listedAbjadSim  = 0.85 // a Latin query against a name the list writes in Arabic script
	splitSim        = 0.95 // a query token that is two listed tokens written together
	minSplitLen     = 5
	softWeight      = 0.05
	borrowSim       = 0.85 // how alike a listed token must be to lend its weight

	// A weak alias (a list's own "weak" or "low quality" one) that covers only part of the
	// query counts less: "Arthur Jones" is not the person the UN also calls "Arthur". OFAC
	// describes weak aliases as broad and prone to false hits; one written in full is
	// screened as any alias, but matching part of a longer name is weak evidence.
	weakPartialScale = 0.85
)

type qtok struct {
	text       []byte
	id         int32  // the listed token it is, or -1
	weighed    bool   // on the lists (of this index, or of the one it takes its weights from)
	skel       []byte // consonant skeleton; only for queries in Arabic script
	skelH      uint64 // its hash
	raw        []byte // as written before canonical rewriting, when that changed it
	dental     []byte // in Arabic script, read with ض ظ ذ as d (see names.DentalVariant), when that differs
	soft       bool   // a title misspelt, or a name a letter away from one: see names.Analyzer.Soft
	title      bool   // a title the analyzer kept (see names.Analyzer.Analyze)
	weight     float32
	cover      float32
	candsStart int32
	candsEnd   int32
}

type cand struct {
	tok  int32
	tok2 int32 // for a split query token: the listed token that follows tok
	sim  float32
	pos  int8 // the query token; for a pair of query tokens read as one, the first of them
	two  bool // the candidate stands for query tokens pos and pos+1 written apart
	via  via  // how the candidate was found
}

// via says how a candidate token was found, for explanations.
type via uint8

const (
	viaExact via = iota
	viaEdits
	viaSkeleton
	viaWritten // through the listed token's written form before canonical rewriting
	viaSplit
)

// accum is what the candidates of a query cover of one listed name, valid where accStamp
// holds the query's epoch. The stamps are apart, one byte each, so that the many postings
// that may not start a name read a table small enough to stay in cache.
type accum struct {
	q, n float32
	e    float32 // upper bound of the evidence (see aligner.scoreAbove)
	mask uint32  // the query tokens some candidate in the name stands for
}

// Searcher screens queries against one Index. It is not safe for concurrent use; give each
// goroutine its own. Reusing a Searcher makes screening allocation-free.
type Searcher struct {
	idx      *Index
	an       names.Analyzer
	dentalAn names.Analyzer
	dental   []byte
	qtoks    []qtok
	titleQ   uint32 // the query tokens that are titles (qtok.title)
	qbuf     []byte
	cands    []cand
	pairs    []cand
	splits   []cand
	abjad    bool
	tokStamp []uint32
	// The candidates of each listed token, as linked lists through candNext, valid where
	// headStamp holds the current query's stamp.
	headStamp  []uint32
	candHead   []int32
	candNext   []int32
	lstamp     uint32
	tstamp     uint32
	acc        []accum
	accStamp   []uint8
	nameCount  []uint32 // see countNames
	countEpoch uint32
	accEpoch   uint8
	astamp     uint32
	touched    []int32
	scored     []int32 // the touched names whose bound reaches the floor
	entStamp   []uint32
	entAt      []int32
	buf        []byte
	skel       []byte
	qskel      []byte
	qraw       []byte
	halves     []byte
	cons       []byte
	order      []int8
	prefix     [maxQueryTokenLen + 1]uint64
	keys       []uint64 // one-deletion keys of the token being looked up
	sink       uint32   // see keyTable.warm

	out   []Match
	align aligner
}

// NewSearcher returns a Searcher over idx.
func NewSearcher(idx *Index) *Searcher {
	return &Searcher{
		idx:       idx,
		tokStamp:  make([]uint32, len(idx.toks)),
		headStamp: make([]uint32, len(idx.toks)),
		candHead:  make([]int32, len(idx.toks)),
		acc:       make([]accum, len(idx.names)),
		nameCount: make([]uint32, len(idx.names)),
		accStamp:  make([]uint8, len(idx.names)),
		entStamp:  make([]uint32, len(idx.entities)),
		entAt:     make([]int32, len(idx.entities)),
	}
}

// Index returns the index the searcher reads.
func (s *Searcher) Index() *Index { return s.idx }

// Screen appends to dst the matches of q with a score of at least the index's MinScore, best
// first, and returns it.
func (s *Searcher) Screen(q *Query, dst []Match) []Match {
	s.out = s.out[:0]
	s.accEpoch++
	if s.accEpoch == 0 {
		clear(s.accStamp)
		s.accEpoch = 1
	}
	s.astamp++
	if s.astamp == 0 {
		clear(s.entStamp)
		s.astamp = 1
	}
	s.analyze(q)
	if len(s.qtoks) > 0 {
		s.candidates()
		floor := s.floor(q)
		s.linkCandidates()
		s.accumulate(floor)
		s.scoreTouched(q, floor)
	}
	s.screenIdentifiers(q)
	slices.SortFunc(s.out, func(a, b Match) int {
		switch {
		case a.Score > b.Score:
			return -1
		case a.Score < b.Score:
			return 1
		}
		return int(a.entity - b.entity)
	})
	return append(dst, s.out...)
}

func (s *Searcher) analyze(q *Query) {
	s.abjad = names.IsAbjad(q.Name)
	toks := s.an.Analyze(q.Name, q.Kind)
	if len(toks) > maxQueryTokens {
		toks = toks[:maxQueryTokens]
	}
	s.qbuf = s.qbuf[:0]
	s.keys = s.keys[:0]
	for _, t := range toks {
		s.qbuf = append(s.qbuf, t...)
		s.keys = append(s.keys, hashOf(t))
	}
	s.sink += s.idx.vocabH.warm(s.keys)
	s.qtoks = s.qtoks[:0]
	s.titleQ = 0
	s.qskel = s.qskel[:0]
	s.qraw = s.qraw[:0]
	off := 0
	for i, t := range toks {
		text := s.qbuf[off : off+len(t)]
		off += len(t)
		var w float32
		listed := int32(-1)
		weighed := true
		if id, ok := s.idx.tokenID(text); ok {
			w = s.idx.toks[id].weight
			listed = id
		} else if t, ok := s.idx.ref.lookup(string(text)); ok {
			// Comparing two names, or screening a delta: the query token is on the lists,
			// just not in this index's names.
			w = t.weight
		} else {
			weighed = false
			w = float32(capWeight(unknownWeight, text))
		}

		var skel []byte
		if s.abjad {
			start := len(s.qskel)
			s.qskel = names.Skeleton(s.qskel, text)
			skel = s.qskel[start:len(s.qskel):len(s.qskel)]
		}
		qt := qtok{text: text, id: listed, weighed: weighed, skel: skel, skelH: hashOf(skel), weight: w, cover: coverOf(w, len(text))}
		start := len(s.qraw)
		s.qraw = s.an.Raw(s.qraw, i)
		if raw := s.qraw[start:]; string(raw) != string(text) && len(raw) >= minDeletionLen {
			qt.raw = raw[:len(raw):len(raw)]
		} else {
			s.qraw = s.qraw[:start]
		}
		if s.an.Soft(i) && !s.abjad { // Arabic-script titles are spelt as titles
			qt.soft, qt.weight, qt.cover = true, softWeight, softWeight
		}
		if s.an.Soft(i) && names.IsTitle(text) {
			qt.title, qt.weight, qt.cover = true, softWeight, softWeight
			s.titleQ |= 1 << i
		}
		s.qtoks = append(s.qtoks, qt)
	}
	if s.abjad {
		s.readDental(q)
	}
}

// readDental sets each query token's dental reading where it differs. The two readings
// differ only in letters, so they have the same tokens; when canonical rewriting makes them
// differ in number, the tokens cannot be paired and the variant is not read.
func (s *Searcher) readDental(q *Query) {
	var found bool
	if s.dental, found = names.DentalVariant(s.dental[:0], q.Name); !found {
		return
	}
	toks := s.dentalAn.Analyze(string(s.dental), q.Kind)
	if len(toks) > maxQueryTokens {
		toks = toks[:maxQueryTokens]
	}
	if len(toks) != len(s.qtoks) {
		return
	}
	for i, t := range toks {
		if string(t) != string(s.qtoks[i].text) && len(t) > 0 {
			s.qtoks[i].dental = t[:len(t):len(t)]
		}
	}
}

// candidates finds, for every query token, the listed tokens within one edit or sharing its
// consonant skeleton, and the listed tokens that two adjacent query tokens form together.
func (s *Searcher) candidates() {
	s.cands = s.cands[:0]
	s.splits = s.splits[:0]
	for i := range s.qtoks {
		qt := &s.qtoks[i]
		qt.candsStart = int32(len(s.cands))
		s.lookup(qt.text, qt.id, int8(i), false)
		if qt.raw != nil {
			// "Kasim" is spelt "qasim" but is one letter from a listed "Kassim".
			rid, ok := s.idx.tokenID(qt.raw)
			if !ok {
				rid = -1
			}
			s.lookup(qt.raw, rid, int8(i), false)
		}
		if qt.dental != nil {
			s.lookup(qt.dental, s.listedID(qt.dental), int8(i), false)
		}
		s.split(qt.text, int8(i))
		s.dedupe(qt.candsStart)
		qt.candsEnd = int32(len(s.cands))
		s.borrowWeight(qt)
	}
	s.pairs = s.pairs[:0]
	s.keys = s.keys[:0]
	for i := 0; i+1 < len(s.qtoks); i++ {
		s.buf = append(append(s.buf[:0], s.qtoks[i].text...), s.qtoks[i+1].text...)
		s.keys = append(s.keys, hashOf(s.buf))
	}
	s.sink += s.idx.vocabH.warm(s.keys) + s.idx.delKeys.warm(s.keys)
	for i := 0; i+1 < len(s.qtoks); i++ {
		start := len(s.cands)
		first, second := s.qtoks[i].text, s.qtoks[i+1].text
		s.buf = append(append(s.buf[:0], first...), second...)
		s.lookup(s.buf, s.listedID(s.buf), int8(i), true)
		switch {
		case string(second) == "abu" || string(second) == "abd":
			// "Salim Abu" for "Abu Salim": a compound's head written after it.
			s.buf = append(append(s.buf[:0], second...), first...)
			s.lookup(s.buf, s.listedID(s.buf), int8(i), true)
		case string(first) == "ullah" || string(first) == "allah":
			// "Ullah Najib" for "Najib Ullah".
			s.buf = append(append(s.buf[:0], second...), "lah"...)
			s.lookup(s.buf, s.listedID(s.buf), int8(i), true)
		}

		for _, c := range s.cands[start:] {
			if !s.abjad || !headMismatch(s.buf, s.idx.toks[c.tok].text) {
				s.pairs = append(s.pairs, c)
			}
		}
		s.cands = s.cands[:start]
	}
}

// headMismatch reports whether a listed token is an "Abu" or "Abd" compound that two query
// tokens in Arabic script, read together, do not start with. The analyzer joins such a
// compound in the query too, so two tokens that only share its skeleton are another name:
// "عباس صیادی" (Abbas Sayadi) is not "Abu Suad".
func headMismatch(joined []byte, listed string) bool {
	if len(listed) < 3 || len(joined) < 3 {
		return false
	}
	head := listed[:3]
	return (head == "abu" || head == "abd") && string(joined[:3]) != head
}

// dedupe keeps, of the candidates from start on, one per listed token: the most similar.
// A common name reaches the same listed token many ways ("Mohammed" by its canonical form
// and by each written form of it); counted once per way, it would inflate the bounds that
// spare aligning names, and the alignment options.
func (s *Searcher) dedupe(start int32) {
	s.tstamp++
	if s.tstamp == 0 {
		clear(s.tokStamp)
		s.tstamp = 1
	}
	out := start
	for i := start; i < int32(len(s.cands)); i++ {
		c := s.cands[i]
		if s.tokStamp[c.tok] == s.tstamp {
			if at := s.candHead[c.tok]; c.sim > s.cands[at].sim {
				s.cands[at] = c
			}
			continue
		}
		s.tokStamp[c.tok] = s.tstamp
		s.candHead[c.tok] = out
		s.cands[out] = c
		out++
	}
	s.cands = s.cands[:out]
}

// listedID returns the id of the listed token t, or -1.
func (s *Searcher) listedID(t []byte) int32 {
	if id, ok := s.idx.tokenID(t); ok {
		return id
	}
	return -1
}

// lookup finds the candidates of tok, which is the listed token id (or -1: not listed).
func (s *Searcher) lookup(tok []byte, id int32, pos int8, two bool) {
	if !two && !s.abjad && s.idx.near != nil && id >= 0 {
		// A listed token's candidates were found once, when the index was built.
		r := s.idx.nearAt[id]
		for _, c := range s.idx.near[r[0]:r[1]] {
			c.pos = pos
			s.cands = append(s.cands, c)
		}
		return
	}
	s.tstamp++
	if s.tstamp == 0 {
		clear(s.tokStamp)
		s.tstamp = 1
	}
	start := len(s.cands)
	if id >= 0 {
		s.tokStamp[id] = s.tstamp
		s.cands = append(s.cands, cand{tok: id, sim: 1, pos: pos, two: two})
	}
	if stem, ok := compoundStem(tok); ok && !two {
		// "Sirajuddin" for a listed "Siraj".
		if id, ok := s.idx.tokenID(stem); ok {
			s.cands = append(s.cands, cand{tok: id, sim: stemSim, pos: pos, via: viaWritten})
		}
	}
	switch {
	case two:
		// Two query tokens read as one: the listed token they form, exactly or with one
		// letter more. (Typos on top of a split name are left to the single tokens.)
		s.addDeletionCands(tok, hashOf(tok), pos, two)
	case len(tok) >= minDeletionLen-1: // a three-letter token reaches four-letter ones by the whole key
		s.keys = s.keys[:0]
		deletionHashes(tok, &s.prefix, func(h uint64) { s.keys = append(s.keys, h) })
		s.sink += s.idx.delKeys.warm(s.keys)
		s.warmRefs()
		for _, h := range s.keys {
			s.addDeletionCands(tok, h, pos, two)
		}
	}
	if !two || s.abjad {
		s.skel = names.Skeleton(s.skel[:0], tok)
		sk := s.skel
		table := &s.idx.abjadSkel // a Latin query meets Latin tokens by letters, not skeletons
		if s.abjad {
			table = &s.idx.skelKeys
		}
		for _, ref := range table.get(hashOf(sk)) {
			id := ref.tok
			if s.tokStamp[id] == s.tstamp && !s.abjad {
				continue // (an Arabic-script query keeps both: the skeleton may be closer than the letters)
			}
			sim := skeletonSimilarity(len(sk), s.abjad, s.idx.toks[id].abjad)
			if sim == 0 || !plausibleAcrossScripts(tok, s.abjad, &s.idx.toks[id]) {
				continue
			}
			s.tokStamp[id] = s.tstamp
			sim = s.consonantSimilarity(tok, &s.idx.toks[id], sim)
			s.cands = append(s.cands, cand{tok: id, sim: max(sim, spellingSimilarity(tok, s.idx.toks[id].text, sim)), pos: pos, two: two, via: viaSkeleton})
		}
	}
	if len(s.cands)-start > maxCandsPerTok {
		found := s.cands[start:]
		slices.SortFunc(found, func(a, b cand) int {
			switch {
			case a.sim > b.sim:
				return -1
			case a.sim < b.sim:
				return 1
			}
			return int(a.tok - b.tok)
		})
		s.cands = s.cands[:start+maxCandsPerTok]
	}
}

const maxQueryTokenLen = 64

// borrowWeight gives a query token that no listed name has (a misspelling, most often) the
// weight of the listed token it most resembles: "Antoino" is as common as "Antonio".
func (s *Searcher) borrowWeight(qt *qtok) {
	if qt.soft {
		return // counts for little unless it aligns, and then with the listed token's weight
	}
	if qt.weighed {
		return // listed: it has its own weight
	}
	var best float32
	least := float32(borrowSim)
	if s.abjad {
		least = shortAbjadSim // written without vowels, every match is a little uncertain
	}
	for _, c := range s.cands[qt.candsStart:qt.candsEnd] {
		if c.sim > best && c.sim >= least {
			best = c.sim
			qt.weight = s.idx.toks[c.tok].weight
		}
	}
	if best > 0 {
		qt.cover = coverOf(qt.weight, len(qt.text))
	}
}

// spellingSimilarity is names.Similarity of a query token and a listed one found by skeleton,
// or anything not above sim when that is not above sim either. Above abjadSkelSim only equal
// tokens are (one edit gives at most 0.95), and that needs no edit distance.
func spellingSimilarity(tok []byte, listed string, sim float32) float32 {
	if sim >= abjadSkelSim {
		if string(tok) == listed {
			return 1
		}
		return 0
	}
	return float32(names.Similarity(tok, []byte(listed)))
}

// skeletonSimilarity is the similarity of two tokens that share a consonant skeleton of n
// letters, when one of them is written in Arabic script, which writes no short vowels: there
// the skeleton is the best comparison there is. Between two Latin spellings it is not used at
// all: vowels are written and differ for a reason, and one-edit typos are found otherwise
// (measured: dropping it cost 0.03 points of recall and saved a fifth of the screening time).
func skeletonSimilarity(n int, queryAbjad, listedAbjad bool) float32 {
	switch {
	case queryAbjad && n >= 3:
		return abjadSkelSim
	case queryAbjad:
		return shortAbjadSim

	case listedAbjad && n >= 3:
		return listedAbjadSim
	}
	return 0
}

// consonantSimilarity grades a skeleton match across scripts by the consonants as written:
// the full skeleton similarity when they agree letter for letter, less when they are one
// letter apart, and less again when only the merged classes of the skeleton agree.
func (s *Searcher) consonantSimilarity(tok []byte, listed *tokRec, skel float32) float32 {
	s.cons = names.Consonants(s.cons[:0], tok)
	cut := len(s.cons)
	s.cons = names.Consonants(s.cons, []byte(listed.text))
	a, b := s.cons[:cut], s.cons[cut:]
	switch {
	case string(a) == string(b):
		return skel
	case len(a) == 0 || len(b) == 0 || (a[0] == 'a') != (b[0] == 'a'):
		return skel - consonantMiss // one starts with a vowel, the other does not
	case max(len(a), len(b)) >= 3 && names.Distance(a, b, 1) <= 1:
		return skel - consonantSlip
	}
	return skel - consonantMiss
}

// plausibleAcrossScripts reports whether a token written without short vowels and a Latin one
// are of lengths that can spell one name: the Latin one has at most about one vowel more per
// letter. "ظافر" (zafr) and "Yousefpour" share a skeleton, but not a name.
func plausibleAcrossScripts(tok []byte, queryAbjad bool, listed *tokRec) bool {
	abjad, latin := len(tok), len(listed.text)
	if !queryAbjad {
		abjad, latin = latin, abjad
	}
	return latin <= 2*abjad+1
}

// split finds a query token that is two listed tokens written together ("Abdulhakim" for
// "Abdul Hakim", "Mohammadjan" for "Mohammad Jan"). Only exact halves count.
func (s *Searcher) split(tok []byte, pos int8) {
	if len(tok) < minSplitLen {
		return
	}

	if len(tok) > maxQueryTokenLen {
		return
	}
	p := &s.prefix
	for i, c := range tok {
		p[i+1] = p[i]*hashBase + uint64(c) + 1
	}
	n := len(tok)
	for k := 2; k <= n-2; k++ {
		if !s.idx.known.has(p[k]) || !s.idx.known.has(p[n]-p[k]*powers[n-k]) {
			continue
		}
		s.halves = names.AppendCanonical(s.halves[:0], tok[:k])

		cut := len(s.halves)
		s.halves = names.AppendCanonical(s.halves, tok[k:])
		head, tail := s.halves[:cut], s.halves[cut:]
		left, leftOK := s.idx.writtenID(head)
		right, rightOK := s.idx.writtenID(tail)

		headStop, tailStop := splitStop(tok[:k]), splitStop(tok[k:])

		switch {
		case headStop && tailStop:
			// "Pteltd", "Cofze": two forms written together say nothing.
			qt := &s.qtoks[pos]
			qt.soft, qt.weight, qt.cover = true, softWeight, softWeight
		case headStop:
			if rightOK && len(tail) >= 3 {
				// "Hajjibrahim", "JSCTransneft": a title or form written onto the name.
				s.cands = append(s.cands, cand{tok: right, sim: splitSim, pos: pos, via: viaSplit})
			}
		case tailStop:
			if leftOK {
				s.cands = append(s.cands, cand{tok: left, sim: splitSim, pos: pos, via: viaSplit})
			}

		case leftOK && rightOK:
			s.splits = append(s.splits, cand{tok: left, tok2: right, sim: splitSim, pos: pos, via: viaSplit})
		}
	}
}

// warmRefs reads, for every key in s.keys, the listed tokens it leads to, as keyTable.warm
// reads the slots: the lookups that follow then find them in cache.
func (s *Searcher) warmRefs() {
	idx := s.idx
	var sink uint32
	for _, h := range s.keys {
		for _, ref := range idx.delKeys.get(h) {
			text := idx.toks[ref.tok].text
			if ref.raw >= 0 {
				text = idx.raws[ref.raw]
			}
			if len(text) > 0 {
				sink += uint32(text[0])
			}
		}
	}
	s.sink += sink
}

func (s *Searcher) addDeletionCands(tok []byte, key uint64, pos int8, two bool) {
	for _, ref := range s.idx.delKeys.get(key) {
		if ref.raw >= 0 {
			// No stamp: the written form may be closer than the canonical token found so far.
			sim := names.SimilarityNear(tok, []byte(s.idx.raws[ref.raw]))
			if ref.stem {
				sim *= stemSim
			}
			if sim >= minTokenSim {
				s.cands = append(s.cands, cand{tok: ref.tok, sim: float32(sim), pos: pos, two: two, via: viaWritten})
			}
			continue
		}
		if s.tokStamp[ref.tok] == s.tstamp {
			continue
		}
		s.tokStamp[ref.tok] = s.tstamp
		if sim := names.SimilarityNear(tok, []byte(s.idx.toks[ref.tok].text)); sim >= minTokenSim {
			s.cands = append(s.cands, cand{tok: ref.tok, sim: float32(sim), pos: pos, two: two, via: viaEdits})
		}
	}
}

// accumulate adds up, for every listed name a candidate token appears in, an upper bound of
// how much of the query and of the name the match could cover.
func (s *Searcher) accumulate(floor float64) {
	s.touched = s.touched[:0]
	s.warmPostings(s.pairs)
	s.warmPostings(s.splits)
	s.warmPostings(s.cands)
	// allow says which names the candidate may reach that no earlier one did: none (0), all
	// (1), or those that at least allow of the remaining query tokens reach (see countNames).
	add := func(c cand, wq, w float32, mask uint32, allow int) {
		t := &s.idx.toks[c.tok]
		wn := t.cover * c.sim
		wq *= c.sim
		e := min(w, t.weight) * c.sim
		for _, n := range t.postings {
			if s.accStamp[n] != s.accEpoch {
				if allow == 0 || allow > 1 && s.countOf(n) < allow {
					continue
				}
				s.accStamp[n] = s.accEpoch
				s.acc[n] = accum{}
				s.touched = append(s.touched, n)
			}
			a := &s.acc[n]
			a.q += wq
			a.n += wn
			a.e += e
			a.mask |= mask
		}
	}
	for _, c := range s.pairs {
		add(c, s.qtoks[c.pos].cover+s.qtoks[c.pos+1].cover, s.evidenceWeight(c.pos)+s.evidenceWeight(c.pos+1), 3<<c.pos, 1)
	}
	for _, c := range s.splits {
		// The two listed tokens together give at most the query token's weight as evidence
		// twice over (min per listed token), which bounds the pair's min of sums.
		add(c, s.qtoks[c.pos].cover, s.evidenceWeight(c.pos), 1<<c.pos, 1)
		add(cand{tok: c.tok2, sim: c.sim}, 0, s.evidenceWeight(c.pos), 0, 1)
	}
	// Rarest tokens first. Once the tokens left cannot cover enough of the query for a name
	// that none of the earlier ones reached to score above the floor, they only add to names
	// already reached: common tokens ("Muhammad", "Maria") do not drag in thousands of names.
	s.order = s.order[:0]
	for i := range s.qtoks {
		s.order = append(s.order, int8(i))
	}
	slices.SortFunc(s.order, func(a, b int8) int {
		switch ca, cb := s.qtoks[a].cover, s.qtoks[b].cover; {
		case ca > cb:
			return -1
		case ca < cb:
			return 1
		}
		return int(a - b)
	})
	wq := s.queryCover()
	rest := wq
	need := 1
	for k, i := range s.order {
		qt := &s.qtoks[i]
		allow := 0
		if combineBound(min(1, rest/wq), 1) >= floor {
			allow = 1
		}
		if allow == 1 && need == 1 {
			// A name that none of the tokens before reached may need several of those left
			// to reach the floor: "Mohammad Ismail Ahmadzai" against a listed Mohammad with
			// neither Ismail nor Ahmadzai. Then only names that enough of them reach are new.
			if need = s.tokensNeeded(k, wq, floor); need > 1 && need <= len(s.order)-k {
				s.countNames(k)
			}
		}
		if allow == 1 {
			allow = need
		}
		w := s.evidenceWeight(int8(i))
		takesListed := qt.soft || s.abjad
		for _, c := range s.cands[qt.candsStart:qt.candsEnd] {
			cover := qt.cover
			if takesListed {
				// Aligned, the token counts with the listed token's cover (see
				// aligner.scoreAbove), which for a soft token is the larger.
				cover = max(cover, s.idx.toks[c.tok].cover)
			}
			add(c, cover, w, 1<<i, allow)
		}
		rest -= qt.cover
	}
}

// tokensNeeded returns how many of the query tokens order[k:] a listed name that no earlier
// token reached must contain to be able to reach the floor, counting for each number the
// tokens that cover most and weigh most (the bound of scoreTouched); len(order)-k+1 when no
// number will do. It returns 1, the bound of coverage alone, for a query whose alignment
// may count more than its candidates show: one in Arabic script or with a soft token.
func (s *Searcher) tokensNeeded(k int, wq float32, floor float64) int {
	rem := s.order[k:]
	if s.abjad {
		return 1
	}
	var weights [maxQueryTokens]float32
	for j, i := range rem {
		if s.qtoks[i].soft {
			return 1
		}
		weights[j] = s.evidenceWeight(i)
	}
	ws := weights[:len(rem)]
	slices.SortFunc(ws, func(a, b float32) int { return cmpDesc(a, b) })
	var cover, evidence float32
	for c, i := range rem { // rem is sorted by cover, largest first
		cover += s.qtoks[i].cover
		evidence += ws[c]
		complete := k == 0 && c+1 == len(s.qtoks)
		if combineBound(min(1, cover/wq), 1)*evidenceFactor(evidence, complete) >= floor-evidenceSlack {
			return c + 1
		}
	}
	return len(rem) + 1
}

// countOf returns the count countNames made for name n in this query.
func (s *Searcher) countOf(n int32) int {
	if v := s.nameCount[n]; v>>16 == s.countEpoch {
		return int(v & 0xff)
	}
	return 0
}

func cmpDesc(a, b float32) int {
	switch {
	case a > b:
		return -1
	case a < b:
		return 1
	}
	return 0
}

// countNames counts, for every listed name, how many of the query tokens order[k:] have a
// candidate in it, into nameCount (the count in the low byte, the last token counted in the
// next, the query's stamp above), so that add can let in only the names enough tokens reach.
func (s *Searcher) countNames(k int) {
	s.countEpoch++
	if s.countEpoch == 1<<16 {
		clear(s.nameCount)
		s.countEpoch = 1
	}
	stamp := s.countEpoch << 16
	for j, i := range s.order[k:] {
		qt := &s.qtoks[i]
		tokMark := uint32(j) << 8
		for _, c := range s.cands[qt.candsStart:qt.candsEnd] {
			for _, n := range s.idx.toks[c.tok].postings {
				v := s.nameCount[n]
				switch {
				case v&^0xffff != stamp:
					s.nameCount[n] = stamp | tokMark | 1
				case v&0xff00 != tokMark:
					s.nameCount[n] = stamp | tokMark | (v&0xff + 1)
				}
			}
		}
	}
}

// evidenceSlack keeps float32 rounding out of the evidence bound: the bound sums the same
// terms as the alignment, but in another order.
const evidenceSlack = 1e-5

// evidenceWeight is the most a query token can add to the evidence of an alignment: its
// weight, or, for a soft token or one in Arabic script, whose alignment takes the listed
// token's weight (see aligner.scoreAbove), no bound of its own.
func (s *Searcher) evidenceWeight(i int8) float32 {
	if qt := &s.qtoks[i]; qt.soft || s.abjad {
		return 1
	}
	return s.qtoks[i].weight
}

// warmPostings reads the start of the postings of every candidate, so that their cache
// misses overlap (see keyTable.warm).
func (s *Searcher) warmPostings(cands []cand) {
	var sink uint32
	for i := range cands {
		if p := s.idx.toks[cands[i].tok].postings; len(p) > 0 {
			sink += uint32(p[0])
		}
	}
	s.sink += sink
}

// linkCandidates chains the candidates by listed token, so that aligning a listed name finds
// the candidates of its tokens without scanning them all.
func (s *Searcher) linkCandidates() {
	s.lstamp++
	if s.lstamp == 0 {
		clear(s.headStamp)
		s.lstamp = 1
	}
	s.candNext = s.candNext[:0]
	for ci := range s.cands {
		id := s.cands[ci].tok
		next := int32(-1)
		if s.headStamp[id] == s.lstamp {
			next = s.candHead[id]
		}
		s.headStamp[id] = s.lstamp
		s.candHead[id] = int32(ci)
		s.candNext = append(s.candNext, next)
	}
}

func (s *Searcher) queryCover() float32 {
	var w float32
	for _, t := range s.qtoks {
		w += t.cover
	}
	return w
}

// floor is the name score below which a name cannot reach the reporting floor, whatever the
// query's facts add.
func (s *Searcher) floor(q *Query) float64 {
	floor := s.idx.cfg.MinScore - maxFactBonus(q)
	if s.abjad {
		// Short Arabic-script tokens are aligned by skeleton only once a name is scored
		// (see aligner.score), so the bounds cannot count them: score more names.
		floor *= abjadFloorScale
	}
	return floor
}

// scoreTouched aligns the query with every name whose upper bound can reach the reporting
// floor, and keeps each entity's best name.
func (s *Searcher) scoreTouched(q *Query, floor float64) {
	idx := s.idx
	wq := s.queryCover()
	listMask := s.listMask(q)
	// First the names worth aligning, then their records read together (see keyTable.warm),
	// then the alignments, in the same order.
	s.scored = s.scored[:0]
	all := uint32(1)<<len(s.qtoks) - 1
	for _, n := range s.touched {
		a := &s.acc[n]
		covQ, covN := min(1, a.q/wq), min(1, a.n/idx.denoms[n])
		bound := combineBound(covQ, covN)
		if !s.abjad {
			// "Mohammad Ismail" reaches every listed Mohammad Ismail: what such a name can
			// score is bounded by its weak evidence too, and by the strong scale unless every
			// query token has a candidate in it (see evidenceFactor).
			bound *= evidenceFactor(a.e, a.mask == all)
		}
		if bound < floor-evidenceSlack {
			continue
		}
		s.scored = append(s.scored, n)
	}
	var sink uint32
	for _, n := range s.scored {
		rec := &idx.names[n]
		sink += uint32(idx.nameToks[rec.start]) + uint32(len(idx.kinds[rec.entity]))
	}
	s.sink += sink
	for _, n := range s.scored {
		rec := &idx.names[n]

		if listMask&(1<<idx.lists[rec.entity]) == 0 || !kindsMeet(q.Kind, idx.kinds[rec.entity]) {
			continue
		}
		// A name scoring under the floor would not be kept (see keep): it cannot reach the
		// reporting floor even with every fact agreeing, nor beat a name already kept.
		nameScore, ok := s.align.scoreAbove(s, rec, wq, false, floor)
		if !ok {
			continue
		}
		if rec.weak {
			nameScore *= weakScale(s.align.leftOver)
		}
		s.keep(q, rec.entity, n, nameScore)
	}
}

// weakScale is what a weak alias's name score is multiplied by.
func weakScale(queryLeftOver bool) float64 {
	if queryLeftOver {
		return weakPartialScale
	}
	return 1
}

// keep records a name score for an entity, adding the secondary facts the first time the
// entity is seen and keeping only its best name.
func (s *Searcher) keep(q *Query, entity, name int32, nameScore float64) {
	idx := s.idx
	if s.entStamp[entity] == s.astamp {
		m := &s.out[s.entAt[entity]]
		if nameScore <= m.NameScore {
			return
		}
		delta := m.Score - m.NameScore
		m.NameScore, m.name, m.Name = nameScore, name, idx.names[name].full
		m.Score = clamp01(nameScore + delta)
		m.Alert = m.Score >= idx.cfg.ThresholdFor(m.List)
		return
	}
	delta := factDelta(q, idx.entities[entity], &idx.facts[entity])
	score := clamp01(nameScore + delta)
	if score < idx.cfg.MinScore {
		return
	}
	s.entStamp[entity] = s.astamp
	s.entAt[entity] = int32(len(s.out))
	list := idx.versions[idx.lists[entity]]
	s.out = append(s.out, Match{
		Entity: idx.entities[entity], List: list.List, Score: score, NameScore: nameScore,
		Alert: score >= idx.cfg.ThresholdFor(list.List), Name: idx.names[name].full,
		Version: list.Hash, entity: entity, name: name,
	})
}

func factDelta(q *Query, e *corridor.Entity, f *entityFacts) float64 {
	return birthEffect(q.BirthDate, e, f).Delta + countryEffect(q.Countries, f).Delta + genderEffect(q.Gender, f).Delta
}

// maxFactBonus is the most the query's facts can add, so that names that fall short of the
// floor only by that much are still scored.
func maxFactBonus(q *Query) float64 {
	var b float64
	if q.BirthDate.Year != 0 {
		b += dobExactBonus
	}
	if len(q.Countries) > 0 {
		b += countryBonus
	}
	return b
}

// screenIdentifiers reports every entity that lists one of the query's identifiers: an
// exact identifier match decides, whatever the names say.
func (s *Searcher) screenIdentifiers(q *Query) {
	listMask := s.listMask(q)
	for _, raw := range q.Identifiers {
		key := normalizeID(raw)
		if len(key) < minIDLen {
			continue
		}
		for _, e := range s.idx.ids[key] {
			if listMask&(1<<s.idx.lists[e]) == 0 || !kindsMeet(q.Kind, s.idx.kinds[e]) {
				continue
			}
			if s.entStamp[e] == s.astamp {
				m := &s.out[s.entAt[e]]
				m.Score, m.Alert = identifierMatched, true
				continue
			}
			s.entStamp[e] = s.astamp
			s.entAt[e] = int32(len(s.out))
			list := s.idx.versions[s.idx.lists[e]]
			s.out = append(s.out, Match{
				Entity: s.idx.entities[e], List: list.List, Score: identifierMatched, Alert: true,
				Name: s.idx.entities[e].PrimaryName(), Version: list.Hash, entity: e, name: -1,
			})
		}
	}
}

func (s *Searcher) listMask(q *Query) uint64 {
	if len(q.Lists) == 0 {
		return ^uint64(0)
	}
	var mask uint64
	for i, v := range s.idx.versions {
		if slices.Contains(q.Lists, v.List) {
			mask |= 1 << i
		}
	}
	return mask
}

// kindsMeet reports whether a query of kind q may match an entity of kind e: a person query
// does not match a vessel; an unknown kind on either side matches anything.
func kindsMeet(q, e corridor.Kind) bool {
	return q == "" || q == corridor.KindUnknown || e == corridor.KindUnknown || q == e
}

func clamp01(x float64) float64 { return max(0, min(1, x)) }

// splitStop reports whether half of a joined token is a word that names drop: a title,
// particle, connector or company form, or "ben", which the analyzer drops between two names.
func splitStop(half []byte) bool {
	return names.Ignorable(half) || string(half) == "ben"
}
