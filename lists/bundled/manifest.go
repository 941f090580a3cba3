package bundled

import (
	"time"

	"github.com/corridor-aml/corridor"
)

// Manifest describes the embedded snapshot; the generator writes it as data/manifest.json.
type Manifest struct {
	SnapshotAt time.Time // when the files were bundled: the load time of embedded versions
	Lists      []ManifestList
}

// ManifestList is one bundled list: its files in the order its source names them, and what
// the generator read from them, checked again at load.
type ManifestList struct {
	List     corridor.ListID
	Files    []string
	Hash     string
	Entities int
}
