package match

import "math"

// combine turns the two coverages into one name score: how much of the query the name
// explains and how much of the name the query explains, each weighted by token rarity. The
// weighted geometric mean needs both: a query that covers a listed name's common tokens but
// misses its rare surname ("Mohammad Ismail" against "Mohammad Ismail Haqqani") stays low.
// The listed name's coverage weighs a little more: a listed name is what must be matched.
func combine(covQ, covN float32) float64 {
	if covQ <= 0 || covN <= 0 {
		return 0
	}
	return math.Pow(float64(covQ), queryExponent) * math.Pow(float64(covN), 1-queryExponent)
}

const queryExponent = 0.45

// powCache remembers x^e for the last coverages seen: math.Pow is dear, and the aligner
// meets the same query coverage for name after name. Exact: it returns what math.Pow
// returned. The zero value is empty (coverages that reach it are positive, so never 0 bits).
type powCache [64]struct {
	bits uint32
	v    float64
}

func (c *powCache) pow(x float32, e float64) float64 {
	b := math.Float32bits(x)
	slot := &c[(b*0x9e3779b1)>>26]
	if slot.bits != b {
		slot.bits, slot.v = b, math.Pow(float64(x), e)
	}
	return slot.v
}

// combine is the package function combine, with the powers cached.
func (a *aligner) combine(covQ, covN float32) float64 {
	if covQ <= 0 || covN <= 0 {
		return 0
	}
	return a.powQ.pow(covQ, queryExponent) * a.powN.pow(covN, 1-queryExponent)
}

// combineBound is an upper bound of combine that costs one square root, for pruning
// candidates: x^0.45 y^0.55 = sqrt(xy) (y/x)^0.05, and (1+t)^r <= 1 + rt (Bernoulli).
func combineBound(covQ, covN float32) float64 {
	if covQ <= 0 || covN <= 0 {
		return 0
	}
	x, y := float64(covQ), float64(covN)
	return math.Sqrt(x*y) * (1 + (0.5-queryExponent)*(y/x-1))
}

// pairing is one query token (or two, read as one) aligned with one listed token (or two).
type pairing struct {
	q, n int8
	two  bool // query tokens q and q+1 together
	n2   int8 // a second listed token that q stands for together with n, or -1
	via  via
	sim  float32
}

// aligner holds the scratch space of one alignment.
type aligner struct {
	options  []pairing
	chosen   []pairing
	evidence float32
	complete bool
	leftOver bool // some query token is not aligned
	powQ     powCache
	powN     powCache
}

// score aligns the query tokens with the tokens of one listed name, greedily by similarity,
// each token used at most once, and returns the name score. With keep, the chosen pairings
// stay in a.chosen for an explanation.
func (a *aligner) score(s *Searcher, rec *nameRec, wq float32, keep bool) float64 {
	v, _ := a.scoreAbove(s, rec, wq, keep, math.Inf(-1))
	return v
}

// boundSlack keeps rounding out of the cut scoreAbove makes: combineBound is at least combine
// in exact arithmetic, and within a few units in the last place of it in floating point.
const boundSlack = 1e-9

// scoreAbove is score, but for a name whose score is sure to be below cutoff it only
// reports false, sparing the powers.
func (a *aligner) scoreAbove(s *Searcher, rec *nameRec, wq float32, keep bool, cutoff float64) (float64, bool) {
	toks := s.idx.nameToks[rec.start:rec.end]
	if len(toks) > maxNameTokens {
		toks = toks[:maxNameTokens]
	}
	a.collect(s, toks)
	var usedQ uint32
	var usedN uint64
	var coveredQ, coveredN, evidence float32
	loose := false // some pair is more than a slip apart
	inexact := 0   // pairs a slip apart

	a.chosen = a.chosen[:0]
	for _, p := range a.options {
		qmask := uint32(1) << p.q
		if p.two {
			qmask |= 1 << (p.q + 1)
		}
		nmask := uint64(1) << p.n
		if p.n2 >= 0 {
			nmask |= 1 << p.n2
		}
		if usedQ&qmask != 0 || usedN&nmask != 0 {
			continue
		}
		usedQ |= qmask
		usedN |= nmask
		w, cq := s.qtoks[p.q].weight, s.qtoks[p.q].cover
		if p.two {
			w += s.qtoks[p.q+1].weight
			cq += s.qtoks[p.q+1].cover
		}
		first := &s.idx.toks[toks[p.n]]
		if (s.qtoks[p.q].soft && !(s.qtoks[p.q].title && p.sim < 1) || s.abjad) && p.n2 < 0 {
			// A soft token that aligns with a listed one is that name after all (a title
			// only when equal: "Sayed" is not the rare "Qayed" a slip away); a token
			// written without vowels is as rare as the listed name it spells.
			wq += first.cover - cq
			w, cq = first.weight, first.cover
		}
		wn, cn := first.weight, first.cover*positionFactor(int(p.n), len(toks), int(rec.family))
		if p.n2 >= 0 {
			second := &s.idx.toks[toks[p.n2]]
			wn += second.weight
			cn += second.cover * positionFactor(int(p.n2), len(toks), int(rec.family))
		}
		loose = loose || !nearExact(s, p, first)
		if p.sim < 1 {
			inexact++
		}
		coveredQ += cq * p.sim
		coveredN += cn * p.sim
		evidence += min(w, wn) * p.sim
		if keep {
			a.chosen = append(a.chosen, p)
		}
	}
	if s.abjad {
		// Short Arabic-script tokens ("عدي", Uday) have skeletons too short to look up: align
		// what is left by skeleton alone.
		for i := range s.qtoks {
			if usedQ&(1<<i) != 0 || len(s.qtoks[i].skel) == 0 {
				continue
			}
			for j, id := range toks {
				if usedN&(1<<j) != 0 || s.idx.skelH[id] != s.qtoks[i].skelH {
					continue // the hash spares reading every token's record
				}
				t := &s.idx.toks[id]
				if t.skel != string(s.qtoks[i].skel) || !plausibleAcrossScripts(s.qtoks[i].text, true, t) {
					continue
				}

				usedQ |= 1 << i
				usedN |= 1 << j
				coveredQ += s.qtoks[i].cover * shortAbjadSim
				coveredN += t.cover * positionFactor(j, len(toks), int(rec.family)) * shortAbjadSim
				evidence += min(s.qtoks[i].weight, t.weight) * shortAbjadSim
				loose = true
				if keep {
					a.chosen = append(a.chosen, pairing{q: int8(i), n: int8(j), n2: -1, sim: shortAbjadSim, via: viaSkeleton})
				}
				break
			}
		}
	}
	a.evidence = evidence

	// Two slips in a name of common tokens are two coincidences, not one name written in
	// full: "Karim Mohammadi" is not "QASIM, Mohammed" (Kasim, Muhammad).
	complete := !loose && (inexact < 2 || evidence >= strongEvidence) && a.completes(s, toks, usedQ, usedN)
	a.complete = complete
	a.leftOver = (uint32(1)<<len(s.qtoks)-1)&^usedQ&^s.titleQ != 0
	covQ, covN := min(1, coveredQ/wq), min(1, coveredN/rec.denomN)
	ef := evidenceFactor(evidence, complete)
	if combineBound(covQ, covN)*ef < cutoff-boundSlack {
		return 0, false
	}
	return a.combine(covQ, covN) * ef, true
}

// completes reports whether an alignment leaves no token of either name out, titles aside:
// a title on one side only ("Haji Mahmud" for "Mahmud") leaves the names whole, but titles
// left over on both sides ("Sayed Rahimi", "AMIR RAHIMI") are two names that differ.
func (a *aligner) completes(s *Searcher, toks []int32, usedQ uint32, usedN uint64) bool {
	titleQ := s.titleQ
	var titleN uint64
	for j, id := range toks {
		if s.idx.toks[id].title {
			titleN |= 1 << j
		}
	}
	leftQ := (uint32(1)<<len(s.qtoks) - 1) &^ usedQ
	leftN := (uint64(1)<<len(toks) - 1) &^ usedN
	return leftQ&^titleQ == 0 && leftN&^titleN == 0 && (leftQ == 0 || leftN == 0)
}

// nearExact reports whether a pairing is equal letter for letter, or differs by one slip in
// tokens long enough that a slip does not make another name: "Lopez" and "Loppez" are one
// name, "Jian" and "Jiang" two.
func nearExact(s *Searcher, p pairing, listed *tokRec) bool {
	switch {
	case p.sim >= 1:
		return true
	case p.two || p.n2 >= 0:
		return p.sim >= splitSim
	}
	return p.sim >= nearExactSim && min(len(s.qtoks[p.q].text), len(listed.text)) >= nearExactLen
}

const (
	nearExactSim = 0.92
	nearExactLen = 5
)

// collect lists every way a query token (or pair, or split token) can align with a token of
// the listed name, best first.
func (a *aligner) collect(s *Searcher, toks []int32) {
	a.options = a.options[:0]
	for j, id := range toks {
		if s.headStamp[id] != s.lstamp {
			continue // no query token reached this listed token
		}
		for ci := s.candHead[id]; ci >= 0; ci = s.candNext[ci] {
			c := &s.cands[ci]
			a.options = append(a.options, pairing{q: c.pos, n: int8(j), n2: -1, sim: c.sim, via: c.via})
		}
	}
	for _, c := range s.pairs {
		for j, id := range toks {
			if id == c.tok {
				a.options = append(a.options, pairing{q: c.pos, n: int8(j), n2: -1, two: true, sim: c.sim, via: c.via})
			}
		}
	}
	for _, c := range s.splits {
		// The two halves may stand in either order: "HAQ, Abdul" is indexed as "abd haq".
		for j, id := range toks {
			if id != c.tok {
				continue
			}
			if j+1 < len(toks) && toks[j+1] == c.tok2 {
				a.options = append(a.options, pairing{q: c.pos, n: int8(j), n2: int8(j + 1), sim: c.sim, via: viaSplit})
			}
			if j > 0 && toks[j-1] == c.tok2 {
				a.options = append(a.options, pairing{q: c.pos, n: int8(j), n2: int8(j - 1), sim: c.sim, via: viaSplit})
			}
		}
	}
	sortPairings(a.options)
}

// Evidence. A name made of common tokens ("Antonio Rodriguez", "Wang Chen") says little about
// who a person is: a match on it is scaled down in proportion to how far its matched weight
// falls short of strongEvidence (about one rare token's worth). The scale is mild when the
// match is complete (every token of both names aligned, each equal or a slip apart), so that
// a listed name written as listed still alerts however common it is, and strong otherwise, so
// that a common name that only resembles a listed one, or covers part of it, does not.
const (
	strongEvidence     = 0.9
	weakEvidenceScale  = 0.35
	exactEvidenceScale = 0.1
)

func evidenceFactor(e float32, complete bool) float64 {
	short := max(0, 1-float64(e)/strongEvidence)
	if complete {
		return 1 - exactEvidenceScale*short
	}
	return 1 - weakEvidenceScale*short
}

// sortPairings sorts by similarity, best first; insertion sort, as the lists are short.
func sortPairings(p []pairing) {
	for i := 1; i < len(p); i++ {
		for j := i; j > 0 && p[j].sim > p[j-1].sim; j-- {
			p[j], p[j-1] = p[j-1], p[j]
		}
	}
}
