package screen

import (
	"context"
	"runtime"
	"sync"

	"github.com/corridor-aml/corridor/match"
)

// Monitored is a party kept for screening again, as its query.
type Monitored struct {
	ID    int64 // the store's party ID
	Query match.Query
}

// Rescreen screens parties again after a list update, against idx (the new version of the
// lists) and reports to found every alert on an entity of changed (the entities the update
// added or changed, by ID): only those are new, since a match on an unchanged entity was
// found when the party was last screened. Scores are those of a full screen against idx, so
// a party alerts here exactly when a screen of it against the new lists would alert on a
// changed entity.
//
// parties yields the parties, and stops when its yield returns false; found is called from
// one goroutine at a time, in no particular order. Rescreen returns the number of parties
// screened, and stops early, with ctx's error, when ctx is done.
func Rescreen(ctx context.Context, idx *match.Index, parties func(yield func(Monitored) bool), changed map[string]bool, found func(Monitored, match.Match)) (int, error) {
	const chunk = 512 // parties handed to a worker at once: one channel operation each
	work := make(chan []Monitored, 4)
	var mu sync.Mutex
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := match.NewSearcher(idx)
			var buf []match.Match
			for batch := range work {
				for i := range batch {
					buf = s.Screen(&batch[i].Query, buf[:0])
					for _, m := range buf {
						if m.Alert && changed[m.Entity.ID] {
							mu.Lock()
							found(batch[i], m)
							mu.Unlock()
						}
					}
				}
			}
		}()
	}
	n := 0
	batch := make([]Monitored, 0, chunk)
	send := func() {
		work <- batch
		n += len(batch)
		batch = make([]Monitored, 0, chunk)
	}
	var err error
	parties(func(p Monitored) bool {
		if err = ctx.Err(); err != nil {
			return false
		}
		if batch = append(batch, p); len(batch) == chunk {
			send()
		}
		return true
	})
	if len(batch) > 0 && err == nil {
		send()
	}
	close(work)
	wg.Wait()
	return n, err
}
