package lists

import (
	"fmt"
	"time"

	"github.com/corridor-aml/corridor"
)

// DefaultMaxAge is how old a list may be before status warns about it.
const DefaultMaxAge = 30 * 24 * time.Hour

// OriginEmbedded is the Source of list versions built into the binary (package bundled).
const OriginEmbedded = "embedded"

// ListStatus is how fresh one list version is.
type ListStatus struct {
	Version corridor.ListVersion
	Age     time.Duration // since Published, or since LoadedAt when the list gives no publish date
	AgeFrom string        // "published", "loaded", or "snapshot" for an embedded list without a publish date
	Stale   bool          // Age exceeds the limit
	Warning string        // why the list needs attention; empty when it does not
}

// Status reports the age of each version at now and warns about those older than maxAge.
func Status(versions []corridor.ListVersion, now time.Time, maxAge time.Duration) []ListStatus {
	out := make([]ListStatus, 0, len(versions))
	for _, v := range versions {
		s := ListStatus{Version: v, AgeFrom: "published"}
		since := v.Published
		if since.IsZero() {
			since, s.AgeFrom = v.LoadedAt, "loaded"
			if v.Source == OriginEmbedded {
				s.AgeFrom = "snapshot"
			}
		}
		s.Age = max(now.Sub(since), 0)
		switch {
		case s.Age > maxAge:
			s.Stale = true
			s.Warning = fmt.Sprintf("%s %s ago, more than the %s allowed: run corridor lists update",
				s.AgeFrom, FormatAge(s.Age), FormatAge(maxAge))
		case s.AgeFrom == "snapshot":
			// The list's files carry no date, so the data may be much older than the snapshot.
			s.Warning = fmt.Sprintf("embedded snapshot made %s; the list gives no publish date, so its data may be older: run corridor lists update",
				v.LoadedAt.Format("2006-01-02"))
		}
		out = append(out, s)
	}
	return out
}

// FormatAge renders a duration in days, or hours below a day.
func FormatAge(d time.Duration) string {
	if d < 24*time.Hour {
		return fmt.Sprintf("%dh", int(d.Hours()))
	}
	return fmt.Sprintf("%dd", int(d.Hours()/24))
}
