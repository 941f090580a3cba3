package corridor

import "time"

// ListVersion identifies one loaded version of a list.
type ListVersion struct {
	List      ListID
	Hash      string    // "sha256:<hex>" of the source files, see lists.ContentHash
	Published time.Time // the list's own publish date; zero when the list does not give one
	LoadedAt  time.Time
	Entities  int
	Source    string // where it came from: a URL, a file path or "embedded"
}

// ListSnapshot is one version of a list with its entities.
type ListSnapshot struct {
	Version  ListVersion
	Entities []Entity
}
