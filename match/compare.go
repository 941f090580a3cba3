package match

import (
	"github.com/corridor-aml/corridor"
)

// Compare scores name a against name b as if b were the only name on a list, with the token
// weights of idx (how rare each token is on idx's lists and in the population), and explains
// the score. Kind is the kind of both parties (KindUnknown when not known).
func (idx *Index) Compare(a, b string, kind corridor.Kind) (float64, Explanation, error) {
	if kind == "" {
		kind = corridor.KindUnknown
	}
	entity := corridor.Entity{ID: "compare:b", List: "compare", Kind: kind, Names: []corridor.Name{{Full: b, Kind: corridor.NamePrimary}}}
	snap := &corridor.ListSnapshot{Version: corridor.ListVersion{List: "compare"}, Entities: []corridor.Entity{entity}}
	pair, err := build([]*corridor.ListSnapshot{snap}, idx.cfg, idx)
	if err != nil {
		return 0, Explanation{}, err
	}
	s := NewSearcher(pair)
	q := &Query{Name: a, Kind: kind}
	ms := s.Screen(q, nil)
	if len(ms) == 0 {
		// Below the reporting floor: explain the best alignment there is all the same.
		// A name with no tokens at all ("!", only titles) aligns with nothing and scores 0.
		ms = []Match{{Entity: &snap.Entities[0], List: "compare", Name: b, entity: 0, name: -1}}
		s.analyze(q)
		s.candidates()
		s.linkCandidates()
		if len(s.qtoks) > 0 && len(pair.names) > 0 {
			ms[0].name = 0
			ms[0].NameScore = s.align.score(s, &pair.names[0], s.queryCover(), false)
			ms[0].Score = ms[0].NameScore
		}
	}
	ex := s.Explain(q, ms[0])
	ex.EntityID = ""
	ex.Threshold = idx.cfg.Threshold
	ex.Alert = ms[0].Score >= idx.cfg.Threshold
	return ms[0].Score, ex, nil
}
