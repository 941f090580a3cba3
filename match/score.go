package match

import "math"

// combine turns the two coverages into one name score: how much of the query the name
// explains and how much of the name the query explains, each weighted by token rarity. The
// geometric mean needs both: a query that covers a listed name's common tokens but misses its
// rare surname ("Mohammad Ismail" against "Mohammad Ismail Haqqani") stays low.
func combine(covQ, covN float32) float64 {
	if covQ <= 0 || covN <= 0 {
		return 0
	}
	return math.Sqrt(float64(covQ) * float64(covN))
}

// pairing is one query token (or two, read as one) aligned with one listed token.
type pairing struct {
	q, n int8
	two  bool
	sim  float32
}

// aligner holds the scratch space of one alignment.
type aligner struct {
	options []pairing
	chosen  []pairing
}

// score aligns the query tokens with the tokens of one listed name, greedily by similarity,
// each token used at most once, and returns the name score. With keep, the chosen pairings
// stay in a.chosen for an explanation.
func (a *aligner) score(s *Searcher, rec *nameRec, wq float32, keep bool) float64 {
	toks := s.idx.nameToks[rec.start:rec.end]
	if len(toks) > maxNameTokens {
		toks = toks[:maxNameTokens]
	}
	a.options = a.options[:0]
	for _, c := range s.cands {
		for j, id := range toks {
			if id == c.tok {
				a.options = append(a.options, pairing{q: c.pos, n: int8(j), sim: c.sim})
			}
		}
	}
	for _, c := range s.pairs {
		for j, id := range toks {
			if id == c.tok {
				a.options = append(a.options, pairing{q: c.pos, n: int8(j), two: true, sim: c.sim})
			}
		}
	}
	sortPairings(a.options)
	var usedQ uint32
	var usedN uint64
	var coveredQ, coveredN float32
	a.chosen = a.chosen[:0]
	for _, p := range a.options {
		qmask := uint32(1) << p.q
		if p.two {
			qmask |= 1 << (p.q + 1)
		}
		if usedQ&qmask != 0 || usedN&(1<<p.n) != 0 {
			continue
		}
		usedQ |= qmask
		usedN |= 1 << p.n
		w := s.qtoks[p.q].weight
		if p.two {
			w += s.qtoks[p.q+1].weight
		}
		coveredQ += w * p.sim
		coveredN += s.idx.toks[toks[p.n]].weight * positionFactor(int(p.n), len(toks)) * p.sim
		if keep {
			a.chosen = append(a.chosen, p)
		}
	}
	return combine(min(1, coveredQ/wq), min(1, coveredN/rec.denomN))
}

// sortPairings sorts by similarity, best first; insertion sort, as the lists are short.
func sortPairings(p []pairing) {
	for i := 1; i < len(p); i++ {
		for j := i; j > 0 && p[j].sim > p[j-1].sim; j-- {
			p[j], p[j-1] = p[j-1], p[j]
		}
	}
}
