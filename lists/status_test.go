package lists

import (
	"strings"
	"testing"
	"time"

	"github.com/corridor-aml/corridor"
)

func TestStatus(t *testing.T) {
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	day := 24 * time.Hour
	versions := []corridor.ListVersion{
		{List: corridor.ListUN, Published: now.Add(-40 * day), LoadedAt: now.Add(-time.Hour)},
		{List: corridor.ListEU, Published: now.Add(-3 * day), LoadedAt: now.Add(-time.Hour)},
		{List: corridor.ListOFACSDN, LoadedAt: now.Add(-45 * day), Source: "https://example"},
		{List: corridor.ListOFACNonSDN, LoadedAt: now.Add(-2 * day), Source: OriginEmbedded},
	}
	got := Status(versions, now, DefaultMaxAge)
	want := []struct {
		age     time.Duration
		from    string
		stale   bool
		warning string
	}{
		{40 * day, "published", true, "published 40d ago, more than the 30d allowed"},
		{3 * day, "published", false, ""},
		{45 * day, "loaded", true, "loaded 45d ago"},
		{2 * day, "snapshot", false, "embedded snapshot made 2026-11-23"},
	}
	for i, w := range want {
		g := got[i]
		if g.Age != w.age || g.AgeFrom != w.from || g.Stale != w.stale || !strings.Contains(g.Warning, w.warning) ||
			(w.warning == "") != (g.Warning == "") {
			t.Errorf("%s: got %v %s stale=%v %q, want %v %s stale=%v %q", g.Version.List,
				g.Age, g.AgeFrom, g.Stale, g.Warning, w.age, w.from, w.stale, w.warning)
		}
	}
	if s := Status(versions[:1], now, 50*day); s[0].Stale {
		t.Error("a 40-day-old list is stale with a 50-day limit")
	}
}
