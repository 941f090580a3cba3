// Package eval measures the matcher on the lists themselves: recall on every listed alias,
// plain and damaged the way names are damaged in real payment data, recall on the
// original-script names of the UN list, and the alert rate on persons who are on no list.
package eval

import (
	"hash/fnv"
	"math/rand/v2"
	"runtime"
	"sort"
	"sync"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/match"
)

// Config says how to run an evaluation. The zero value runs everything with seed 1.
type Config struct {
	Seed    uint64 // damage is random but reproducible: the same seed gives the same queries
	Sample  int    // query every Sample-th alias only (0 or 1: all)
	Workers int    // 0: all cores
	Match   match.Config
	Worst   int // how many worst misses and false alerts to keep; 0: 20
}

// Tally counts queries and the ones that did what they should.
type Tally struct {
	Queries int `json:"queries"`
	Hits    int `json:"hits"` // positives: expected entity alerted; negatives: any alert
}

// Rate returns Hits/Queries, or 0 with no queries.
func (t Tally) Rate() float64 {
	if t.Queries == 0 {
		return 0
	}
	return float64(t.Hits) / float64(t.Queries)
}

// Miss is a positive query whose entity did not alert.
type Miss struct {
	Damage   Damage  `json:"damage"`
	Query    string  `json:"query"`
	Expected string  `json:"expected"`
	Listed   string  `json:"listed"` // the listed name the query was made from
	Score    float64 `json:"score"`  // the expected entity's score, 0 when not found
}

// FalseAlert is a negative query that alerted.
type FalseAlert struct {
	Query  string  `json:"query"`
	Entity string  `json:"entity"`
	Name   string  `json:"name"`
	Score  float64 `json:"score"`
}

// Report is the outcome of one evaluation.
type Report struct {
	Threshold    float64           `json:"threshold"`
	Seed         uint64            `json:"seed"`
	Sample       int               `json:"sample"`
	ByDamage     map[Damage]*Tally `json:"by_damage"`
	Damaged      Tally             `json:"damaged"` // every positive in ByDamage together
	OtherScript  Tally             `json:"other_script"`
	Negatives    Tally             `json:"negatives"`
	Sweep        []SweepPoint      `json:"sweep"`
	WorstMisses  []Miss            `json:"worst_misses"`
	ScriptMisses []Miss            `json:"worst_other_script_misses"`
	FalseAlerts  []FalseAlert      `json:"worst_false_alerts"`
}

// SweepPoint is what the evaluation would measure at another threshold.
type SweepPoint struct {
	Threshold   float64 `json:"threshold"`
	Damaged     float64 `json:"damaged_recall"`
	OtherScript float64 `json:"other_script_recall"`
	AlertRate   float64 `json:"alert_rate"`
}

type positive struct {
	damage   Damage
	query    string
	expected string
	listed   string
}

// Run evaluates the matcher on the given lists and negative names.
func Run(snaps []*corridor.ListSnapshot, negatives []string, cfg Config) (*Report, error) {
	if cfg.Seed == 0 {
		cfg.Seed = 1
	}
	if cfg.Sample <= 1 {
		cfg.Sample = 1
	}
	if cfg.Workers <= 0 {
		cfg.Workers = runtime.GOMAXPROCS(0)
	}
	if cfg.Worst <= 0 {
		cfg.Worst = 20
	}
	idx, err := match.Build(snaps, cfg.Match)
	if err != nil {
		return nil, err
	}
	rep := &Report{Threshold: idx.Config().Threshold, Seed: cfg.Seed, Sample: cfg.Sample, ByDamage: map[Damage]*Tally{}}
	for _, d := range Damages {
		rep.ByDamage[d] = &Tally{}
	}

	var damagedScores, scriptScores, negativeScores []float64
	misses := runPositives(idx, damagedPositives(snaps, cfg), cfg.Workers, func(p positive, hit bool, score float64) {
		damagedScores = append(damagedScores, score)
		t := rep.ByDamage[p.damage]
		t.Queries++
		rep.Damaged.Queries++
		if hit {
			t.Hits++
			rep.Damaged.Hits++
		}
	})
	rep.WorstMisses = worstMisses(misses, cfg.Worst)

	scriptIdx, scriptPositives, err := otherScript(snaps, cfg)
	if err != nil {
		return nil, err
	}
	misses = runPositives(scriptIdx, scriptPositives, cfg.Workers, func(_ positive, hit bool, score float64) {
		scriptScores = append(scriptScores, score)
		rep.OtherScript.Queries++
		if hit {
			rep.OtherScript.Hits++
		}
	})
	rep.ScriptMisses = worstMisses(misses, cfg.Worst)

	rep.Negatives, rep.FalseAlerts, negativeScores = runNegatives(idx, negatives, cfg.Workers)
	rep.Sweep = sweep(damagedScores, scriptScores, negativeScores)
	sort.Slice(rep.FalseAlerts, func(i, j int) bool { return rep.FalseAlerts[i].Score > rep.FalseAlerts[j].Score })
	if len(rep.FalseAlerts) > cfg.Worst {
		rep.FalseAlerts = rep.FalseAlerts[:cfg.Worst]
	}
	return rep, nil
}

// damagedPositives makes the positive queries: every Latin-script name of every entity, as
// listed and with each damage that applies to it.
func damagedPositives(snaps []*corridor.ListSnapshot, cfg Config) []positive {
	var out []positive
	n := 0
	for _, snap := range snaps {
		for _, e := range snap.Entities {
			for ni, name := range e.Names {
				if name.Kind == corridor.NameOriginalScript || !isLatin(name.Full) {
					continue
				}
				n++
				if (n-1)%cfg.Sample != 0 {
					continue
				}
				for _, d := range Damages {
					if d == DropMiddle && e.Kind != corridor.KindPerson {
						continue // middle names are a person's; a company without a word is another company
					}

					rng := rand.New(rand.NewPCG(cfg.Seed, seedOf(e.ID, ni, d)))
					if q, ok := Apply(d, name.Full, rng); ok {
						out = append(out, positive{damage: d, query: q, expected: e.ID, listed: name.Full})
					}
				}
			}
		}
	}
	return out
}

func seedOf(id string, name int, d Damage) uint64 {
	h := fnv.New64a()
	h.Write([]byte(id))
	h.Write([]byte{byte(name), byte(name >> 8)})
	h.Write([]byte(d))
	return h.Sum64()
}

// otherScript builds an index without the UN's original-script names and the queries that
// use them, expecting the UN entity they belong to.
func otherScript(snaps []*corridor.ListSnapshot, cfg Config) (*match.Index, []positive, error) {
	var queries []positive
	stripped := make([]*corridor.ListSnapshot, len(snaps))
	for i, snap := range snaps {
		copySnap := *snap
		copySnap.Entities = make([]corridor.Entity, len(snap.Entities))
		for j, e := range snap.Entities {
			kept := make([]corridor.Name, 0, len(e.Names))
			for _, n := range e.Names {
				if n.Kind == corridor.NameOriginalScript {
					if e.Kind == corridor.KindPerson && snap.Version.List == corridor.ListUN {
						queries = append(queries, positive{damage: "other_script", query: n.Full, expected: e.ID, listed: e.PrimaryName()})
					}
					continue
				}
				kept = append(kept, n)
			}
			e.Names = kept
			copySnap.Entities[j] = e
		}
		stripped[i] = &copySnap
	}
	idx, err := match.Build(stripped, cfg.Match)
	return idx, queries, err
}

// runPositives screens every positive on all workers, reports each outcome to record (called
// from one goroutine at a time) and returns the misses.
func runPositives(idx *match.Index, ps []positive, workers int, record func(p positive, hit bool, score float64)) []Miss {
	var mu sync.Mutex
	var misses []Miss
	parallel(len(ps), workers, idx, func(s *match.Searcher, buf []match.Match, i int) []match.Match {
		p := ps[i]
		buf = s.Screen(&match.Query{Name: p.query}, buf[:0])
		hit, score := false, 0.0
		for _, m := range buf {
			if m.Entity.ID == p.expected {
				hit, score = m.Alert, m.Score
				break
			}
		}
		mu.Lock()
		record(p, hit, score)
		if !hit {
			misses = append(misses, Miss{Damage: p.damage, Query: p.query, Expected: p.expected, Listed: p.listed, Score: score})
		}
		mu.Unlock()
		return buf
	})
	return misses
}

func runNegatives(idx *match.Index, negatives []string, workers int) (Tally, []FalseAlert, []float64) {
	var mu sync.Mutex
	var alerts []FalseAlert
	scores := make([]float64, len(negatives))
	t := Tally{Queries: len(negatives)}
	parallel(len(negatives), workers, idx, func(s *match.Searcher, buf []match.Match, i int) []match.Match {
		buf = s.Screen(&match.Query{Name: negatives[i], Kind: corridor.KindPerson}, buf[:0])
		if len(buf) > 0 {
			scores[i] = buf[0].Score
		}
		if len(buf) > 0 && buf[0].Alert {
			mu.Lock()
			t.Hits++
			alerts = append(alerts, FalseAlert{Query: negatives[i], Entity: buf[0].Entity.ID, Name: buf[0].Name, Score: buf[0].Score})
			mu.Unlock()
		}
		return buf
	})
	return t, alerts, scores
}

// sweep shows recall and alert rate at thresholds around the default, from the scores the
// evaluation saw (a score under the index's reporting floor counts as 0).
func sweep(damaged, script, negatives []float64) []SweepPoint {
	share := func(scores []float64, t float64) float64 {
		if len(scores) == 0 {
			return 0
		}
		n := 0
		for _, s := range scores {
			if s >= t {
				n++
			}
		}
		return float64(n) / float64(len(scores))
	}
	var out []SweepPoint
	for t := 70; t <= 95; t++ {
		th := float64(t) / 100
		out = append(out, SweepPoint{Threshold: th, Damaged: share(damaged, th), OtherScript: share(script, th), AlertRate: share(negatives, th)})
	}
	return out
}

func parallel(n, workers int, idx *match.Index, do func(*match.Searcher, []match.Match, int) []match.Match) {
	var wg sync.WaitGroup
	next := make(chan int, 256)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := match.NewSearcher(idx)
			var buf []match.Match
			for i := range next {
				buf = do(s, buf, i)
			}
		}()
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}

func worstMisses(misses []Miss, n int) []Miss {
	sort.Slice(misses, func(i, j int) bool {
		if misses[i].Score != misses[j].Score {
			return misses[i].Score < misses[j].Score
		}
		return misses[i].Query < misses[j].Query
	})
	if len(misses) > n {
		misses = misses[:n]
	}
	return misses
}
