package match

import (
	"sync"
	"sync/atomic"
)

// Current holds the index in use. Swap replaces it atomically: screens that started on the
// old index finish on it, new ones use the new one, and none fails in between.
type Current struct {
	p    atomic.Pointer[pooled]
	swap sync.Mutex
}

type pooled struct {
	idx  *Index
	pool sync.Pool
}

// NewCurrent returns a holder of idx.
func NewCurrent(idx *Index) *Current {
	c := &Current{}
	c.Swap(idx)
	return c
}

// Index returns the index in use.
func (c *Current) Index() *Index { return c.p.Load().idx }

// Swap puts idx in use and returns the index it replaces.
func (c *Current) Swap(idx *Index) *Index {
	c.swap.Lock()
	defer c.swap.Unlock()
	p := &pooled{idx: idx}
	p.pool.New = func() any { return NewSearcher(idx) }
	old := c.p.Swap(p)
	if old == nil {
		return nil
	}
	return old.idx
}

// Searcher returns a searcher over the index in use; give it back with Release.
func (c *Current) Searcher() *Searcher {
	return c.p.Load().pool.Get().(*Searcher)
}

// Release returns a searcher for reuse. A searcher of an index that has since been replaced
// is dropped.
func (c *Current) Release(s *Searcher) {
	if p := c.p.Load(); p.idx == s.idx {
		p.pool.Put(s)
	}
}
