package screen

import (
	"context"
	"fmt"
	"time"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/match"
)

// RescreenReport says what a re-screen of the monitored parties did.
type RescreenReport struct {
	Parties            int // parties screened
	New, Open, Cleared int // alerts opened, found already open, and hits previously cleared
	Elapsed            time.Duration
}

// rescreenPage is how many parties are read from the store at once.
const rescreenPage = 10_000

// RescreenStore screens every monitored party of store again against idx after a list update,
// keeps the hits on the entities changed names (by ID: those the update added or changed),
// and records them as a monitored screen does: a new alert, the one already open, or
// previously cleared. actor is who the records name.
func RescreenStore(ctx context.Context, store corridor.Store, idx *match.Index, changed map[string]bool, actor string) (RescreenReport, error) {
	if ctx == nil {
		ctx = context.Background()
	}
	start := time.Now()
	var rep RescreenReport
	if len(changed) == 0 {
		return rep, nil
	}
	found := map[int64][]match.Match{}
	var pageErr error
	n, err := Rescreen(ctx, idx, func(yield func(Monitored) bool) {
		var after int64
		for {
			page, err := store.Parties(ctx, after, rescreenPage)
			if err != nil {
				pageErr = err
				return
			}
			for _, p := range page {
				if !yield(Monitored{ID: p.ID, Query: QueryOf(p.PartyData)}) {
					return
				}
				after = p.ID
			}
			if len(page) < rescreenPage {
				return
			}
		}
	}, changed, func(p Monitored, m match.Match) {
		found[p.ID] = append(found[p.ID], m)
	})
	if err == nil {
		err = pageErr
	}
	if err != nil {
		return rep, fmt.Errorf("re-screening: %w", err)
	}
	rep.Parties = n
	mon := &Monitor{Store: store, Actor: actor, Channel: "rescreen", Lists: VersionRefs(idx)}
	s := match.NewSearcher(idx)
	for id, ms := range found {
		p, err := store.Party(ctx, id)
		if err != nil {
			return rep, fmt.Errorf("party %d: %w", id, err)
		}
		q := QueryOf(p.PartyData)
		hits := make([]MonitorHit, len(ms))
		for i, m := range ms {
			hits[i] = MonitorHit{Match: m, Explanation: s.Explain(&q, m)}
		}
		res, _, err := mon.Record(ctx, p.Ref, p.PartyData, hits)
		if err != nil {
			return rep, err
		}
		rep.New, rep.Open, rep.Cleared = rep.New+res.New, rep.Open+res.Existing, rep.Cleared+res.Cleared
	}
	rep.Elapsed = time.Since(start)
	return rep, nil
}

// QueryOf is the query a monitored party is screened with.
func QueryOf(d corridor.PartyData) match.Query {
	q := match.Query{Name: d.Name, Kind: d.Kind, Countries: d.Countries, Gender: d.Gender, Identifiers: d.Identifiers}
	if d.BirthDate != "" {
		if b, err := match.ParseBirthDate(d.BirthDate); err == nil {
			q.BirthDate = b
		}
	}
	return q
}

// VersionRefs names the list versions of idx, for the screens' audit records.
func VersionRefs(idx *match.Index) []corridor.ListVersionRef {
	var out []corridor.ListVersionRef
	for _, v := range idx.Versions() {
		out = append(out, corridor.ListVersionRef{List: v.List, Hash: v.Hash})
	}
	return out
}

// ChangedEntities returns the IDs of the entities of after that before lacks or holds with
// other content (corridor.EntityHash): what an update added or changed.
func ChangedEntities(before, after map[string]*corridor.Entity) map[string]bool {
	changed := map[string]bool{}
	for id, e := range after {
		if old, ok := before[id]; !ok || corridor.EntityHash(*old) != corridor.EntityHash(*e) {
			changed[id] = true
		}
	}
	return changed
}
