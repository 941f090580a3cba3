package batch

import (
	"github.com/corridor-aml/corridor/match"
)

// rescreener screens a results row again to find the match it records: the results file
// keeps the entity, not its programmes or the full explanation, and screening one row is
// cheaper than keeping either for every row. The index and lists are the ones the row was
// screened with (the sidecar makes sure of it), so the match is found again.
type rescreener struct {
	s  *match.Searcher
	qb queryBuilder
	ms []match.Match
}

func newRescreener(cfg Config, header []string) *rescreener {
	cols, _ := DetectColumns(header, cfg.Map)
	return &rescreener{s: match.NewSearcher(cfg.Index),
		qb: queryBuilder{cols: cols, header: header, kind: cfg.Kind, lists: cfg.Lists}}
}

// find returns the query of o's row and the match o names.
func (r *rescreener) find(o *Outcome) (*match.Query, match.Match, bool) {
	q, problem := r.qb.build(o.Fields)
	if problem != "" {
		return nil, match.Match{}, false
	}
	r.ms = r.s.Screen(q, r.ms[:0])
	for _, m := range r.ms {
		if m.Entity.ID == o.EntityID && string(m.List) == o.List {
			return q, m, true
		}
	}
	return q, match.Match{}, false
}
