package corridor

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"
)

// trail builds chains by hand, pruned as a store would or otherwise.
type trail struct {
	t    *testing.T
	recs []AuditRecord
}

var epoch = time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC)

// add appends n records a day apart.
func (c *trail) add(n int) *trail {
	for range n {
		c.append(AuditListLoad, map[string]int{"n": len(c.recs)})
	}
	return c
}

func (c *trail) append(action string, payload any) *trail {
	c.t.Helper()
	seq, hash := int64(0), GenesisHash
	if n := len(c.recs); n > 0 {
		seq, hash = c.recs[n-1].Seq, c.recs[n-1].Hash
	}
	r, err := NextAuditRecord(seq, hash, epoch.AddDate(0, 0, int(seq)), AuditEvent{Actor: "a", Action: action, Subject: "s", Payload: payload})
	if err != nil {
		c.t.Fatal(err)
	}
	c.recs = append(c.recs, r)
	return c
}

// appendPrune appends the audit.prune record of p, whatever the payloads say.
func (c *trail) appendPrune(p PruneRecord) *trail {
	return c.append(AuditPrune, PruneEvent("a", p).Payload)
}

// blank removes the payloads of records seqs, as the database lets anyone do.
func (c *trail) blank(seqs ...int64) *trail {
	for _, s := range seqs {
		c.recs[s-1].Payload = nil
	}
	return c
}

// prune blanks the records first to last but the prunes' own, as a store does, and appends
// the record of it.
func (c *trail) prune(first, last int64) *trail {
	var n int64
	for s := first; s <= last; s++ {
		if c.recs[s-1].Action != AuditPrune {
			c.blank(s)
			n++
		}
	}
	return c.appendPrune(PruneRecord{Before: c.recs[last-1].Time.Add(time.Hour), FirstSeq: first, LastSeq: last, Count: n})
}

func (c *trail) verify() (*AuditFault, int64) {
	v := NewChainVerifier()
	for i := range c.recs {
		if f := v.Next(&c.recs[i]); f != nil {
			return f, v.Pruned()
		}
	}
	last := c.recs[len(c.recs)-1]
	return v.End(last.Seq, last.Hash), v.Pruned()
}

func newTrail(t *testing.T) *trail { return &trail{t: t} }

func TestVerifyPruned(t *testing.T) {
	for _, tc := range []struct {
		name   string
		trail  func(t *testing.T) *trail
		pruned int64
	}{
		{"one prune", func(t *testing.T) *trail { return newTrail(t).add(5).prune(1, 3).add(2) }, 3},
		{"two prunes; the second skips the first's record", func(t *testing.T) *trail {
			return newTrail(t).add(5).prune(1, 3).add(2).prune(4, 7)
		}, 6},
		// Records appended while the first prune was older than the cutoff, pruned by the
		// next one: they come before the first prune's record but after what it took.
		{"a later prune takes records before an earlier prune's record", func(t *testing.T) *trail {
			c := newTrail(t).add(4).prune(1, 2).add(1) // the prune is 5
			c.blank(3, 4, 6)
			return c.appendPrune(PruneRecord{Before: epoch.AddDate(0, 0, 6), FirstSeq: 3, LastSeq: 6, Count: 3})
		}, 5},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, pruned := tc.trail(t).verify()
			if f != nil || pruned != tc.pruned {
				t.Errorf("verify: %v, %d pruned; want no fault, %d pruned", f, pruned, tc.pruned)
			}
		})
	}
}

func TestVerifyUnrecordedPrune(t *testing.T) {
	for _, tc := range []struct {
		name  string
		trail func(t *testing.T) *trail
		seq   int64
		want  string
	}{
		{"no prune at all", func(t *testing.T) *trail { return newTrail(t).add(3).blank(1, 2) }, 1, "no audit.prune record after it"},
		{"a gap: a payload gone after one kept", func(t *testing.T) *trail { return newTrail(t).add(4).blank(1, 3) }, 3, "record 2 before it kept its own"},
		{"a payload gone after the last prune", func(t *testing.T) *trail { return newTrail(t).add(3).prune(1, 3).add(2).blank(5) }, 5, "no audit.prune record after it"},
		{"a prune's own payload", func(t *testing.T) *trail { return newTrail(t).add(3).prune(1, 2).add(1).blank(4) }, 4, "payload of an audit.prune record"},
		{"a payload gone before a prune that does not count it", func(t *testing.T) *trail {
			c := newTrail(t).add(4).blank(2)
			c.blank(1, 3)
			return c.appendPrune(PruneRecord{Before: epoch.AddDate(0, 0, 3), FirstSeq: 1, LastSeq: 3, Count: 2})
		}, 5, "records 2 payloads removed from records 1 to 3, but 3 are gone"},
		{"a payload gone before the prune's first", func(t *testing.T) *trail {
			c := newTrail(t).add(4).blank(1, 2, 3)
			return c.appendPrune(PruneRecord{Before: epoch.AddDate(0, 0, 3), FirstSeq: 2, LastSeq: 3, Count: 2})
		}, 1, "covers only records 2 to 3"},
		{"a prune of records after it", func(t *testing.T) *trail {
			c := newTrail(t).add(2).blank(1, 2)
			return c.appendPrune(PruneRecord{Before: epoch, FirstSeq: 1, LastSeq: 3, Count: 2})
		}, 3, "after its own place or time"},
		{"a prune with a cutoff after its own time", func(t *testing.T) *trail {
			c := newTrail(t).add(2).blank(1, 2)
			return c.appendPrune(PruneRecord{Before: epoch.AddDate(1, 0, 0), FirstSeq: 1, LastSeq: 2, Count: 2})
		}, 3, "after its own place or time"},
		{"a prune whose payload is not one", func(t *testing.T) *trail { return newTrail(t).add(2).append(AuditPrune, map[string]int{"count": 2}) }, 3, "audit.prune payload"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, _ := tc.trail(t).verify()
			if f == nil || f.Seq != tc.seq || f.Kind != FaultUnrecordedPrune || !strings.Contains(f.Detail, tc.want) {
				t.Errorf("verify: %v; want record %d %s: …%s…", f, tc.seq, FaultUnrecordedPrune, tc.want)
			} else {
				t.Log(f)
			}
		})
	}
}

// An export line of a pruned record says so and has no payload; lines read back as records.
func TestAuditRecordJSON(t *testing.T) {
	c := newTrail(t).add(2).prune(1, 1)
	for _, r := range c.recs {
		line, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		hasPayload := strings.Contains(string(line), `"payload":`)
		if r.Pruned() != strings.Contains(string(line), `"pruned":true`) || hasPayload == r.Pruned() {
			t.Errorf("record %d (pruned %v): %s", r.Seq, r.Pruned(), line)
		}
		var back AuditRecord
		if err := json.Unmarshal(line, &back); err != nil {
			t.Fatalf("%s: %v", line, err)
		}
		if back.Seq != r.Seq || !back.Time.Equal(r.Time) || string(back.Payload) != string(r.Payload) || back.Hash != r.Hash || back.ComputeHash() != r.Hash {
			t.Errorf("%s read back as %+v", line, back)
		}
	}
	if !strings.Contains(string(c.recs[2].Payload), `"before":"2015-01-01T01:00:00.000000Z","first_seq":1,"last_seq":1,"count":1`) {
		t.Errorf("the prune's payload: %s", c.recs[2].Payload)
	}
	for _, bad := range []string{
		`{"seq":1,"time":"2015-01-01T00:00:00.000000Z","pruned":true,"payload":"1"}`,
		`{"seq":1,"time":"2015-01-01T00:00:00.000000Z"}`,
		`{"seq":1,"time":"2015-01-01T00:00:00.000000Z","payload":""}`,
		`{"seq":1,"time":"yesterday","payload":"1"}`,
	} {
		var r AuditRecord
		if err := json.Unmarshal([]byte(bad), &r); err == nil {
			t.Errorf("%s: read as %+v", bad, r)
		}
	}
}

func TestPruneRequestCheck(t *testing.T) {
	now := epoch
	for _, tc := range []struct {
		q  PruneRequest
		ok bool
	}{
		{PruneRequest{Before: now, Actor: "a"}, true},
		{PruneRequest{Before: now.Add(-time.Hour), Actor: "a"}, true},
		{PruneRequest{Before: now.Add(time.Microsecond), Actor: "a"}, false},
		{PruneRequest{Actor: "a"}, false},
		{PruneRequest{Before: now, Actor: " "}, false},
	} {
		if err := tc.q.Check(now); (err == nil) != tc.ok || (err != nil && !errors.Is(err, ErrInvalid)) {
			t.Errorf("%+v: %v", tc.q, err)
		}
	}
}
