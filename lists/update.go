package lists

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/filestore"
)

// Update defaults.
const (
	DefaultMaxFileSize = 200 << 20 // bytes per file
	DefaultMaxShrink   = 0.10      // fraction of the current version's entities
	DefaultTimeout     = 10 * time.Minute
	DefaultAttempts    = 4
	DefaultBackoff     = 2 * time.Second
	DefaultMaxBackoff  = 30 * time.Second
)

// Updater downloads new versions of lists, checks them and stores the good ones. A version is
// stored and made current only after every check passed.
type Updater struct {
	Store       *filestore.Store
	Client      *http.Client
	MaxFileSize int64         // a larger file is refused
	MaxShrink   float64       // refuse a version with fewer than (1-MaxShrink) x the current entity count
	Attempts    int           // tries per file for transient failures (network, 5xx, 429, cut transfer)
	Backoff     time.Duration // wait before the second try; doubles each time
	MaxBackoff  time.Duration // cap on the wait
	UserAgent   string
}

// NewUpdater returns an updater with the default limits, storing into store.
func NewUpdater(store *filestore.Store) *Updater {
	return &Updater{
		Store:       store,
		Client:      NewHTTPClient(DefaultTimeout),
		MaxFileSize: DefaultMaxFileSize,
		MaxShrink:   DefaultMaxShrink,
		Attempts:    DefaultAttempts,
		Backoff:     DefaultBackoff,
		MaxBackoff:  DefaultMaxBackoff,
		UserAgent:   "corridor-sanctions-screening (+https://github.com/corridor-aml/corridor)",
	}
}

// UpdateResult is what an update did to one list.
type UpdateResult struct {
	List      corridor.ListID
	Unchanged bool                  // the source still serves the current version
	Version   corridor.ListVersion  // the version now current
	Previous  *corridor.ListVersion // the version current before, if any
	Changes   *Summary              // against Previous, when both could be read
}

// UpdateAll updates each source in turn; a failure of one list does not stop the others. The
// error joins the failures, each a *RejectedError or a configuration error.
func (u *Updater) UpdateAll(ctx context.Context, sources []Source) ([]UpdateResult, error) {
	if err := u.validate(); err != nil {
		return nil, err
	}
	var results []UpdateResult
	var errs []error
	for _, src := range sources {
		res, err := u.Update(ctx, src)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		results = append(results, res)
	}
	return results, errors.Join(errs...)
}

// Update downloads one list, checks it and, when it is new and sound, stores it as the list's
// current version.
func (u *Updater) Update(ctx context.Context, src Source) (UpdateResult, error) {
	if err := u.validate(); err != nil {
		return UpdateResult{}, err
	}
	if err := src.Validate(); err != nil {
		return UpdateResult{}, err
	}
	for _, f := range src.Files {
		if f.URL == "" {
			return UpdateResult{}, fmt.Errorf("list %s: no URL configured for %s (use --url %s=URL)", src.List, f.Name, src.List)
		}
	}
	res := UpdateResult{List: src.List}
	cur, err := u.Store.Current(src.List)
	switch {
	case err == nil:
		res.Previous = &cur.ListVersion
	case !errors.Is(err, filestore.ErrNotFound):
		return res, err
	}
	reject := func(file string, reason Reason, err error) error {
		kept := ""
		if res.Previous != nil {
			kept = res.Previous.Hash
		}
		return &RejectedError{List: src.List, File: file, Reason: reason, Kept: kept, Err: err}
	}

	files, metas, unchanged, err := u.download(ctx, src, res.Previous != nil, cur, reject)
	if err != nil {
		return res, err
	}
	if unchanged || (res.Previous != nil && ContentHash(files) == cur.Hash) {
		res.Unchanged, res.Version = true, cur.ListVersion
		return res, nil
	}
	snap, err := Load(src, files, src.Files[0].URL)
	if err != nil {
		if isTruncation(err) {
			return res, reject("", ReasonTruncated, err)
		}
		return res, reject("", ReasonParse, err)
	}
	if err := u.checkSize(snap, res.Previous); err != nil {
		reason := ReasonShrink
		if snap.Version.Entities == 0 {
			reason = ReasonEmpty
		}
		return res, reject("", reason, err)
	}
	if err := u.Store.Save(filestore.Version{ListVersion: snap.Version, Format: string(src.Format), Files: metas}, files); err != nil {
		return res, err
	}
	res.Version = snap.Version
	if res.Previous != nil {
		if old, err := LoadStored(u.Store, src.List, cur.Hash); err == nil {
			sum := Compare(old, snap).Summary()
			res.Changes = &sum
		}
	}
	return res, nil
}

func (u *Updater) validate() error {
	switch {
	case u.Store == nil || u.Client == nil:
		return errors.New("updater: no store or HTTP client")
	case u.MaxShrink < 0 || u.MaxShrink > 1:
		return fmt.Errorf("updater: max shrink %g is not a fraction between 0 and 1", u.MaxShrink)
	case u.MaxFileSize <= 0:
		return fmt.Errorf("updater: max file size %d is not positive", u.MaxFileSize)
	case u.Attempts < 1:
		return fmt.Errorf("updater: %d attempts, want at least 1", u.Attempts)
	}
	return nil
}

// checkSize refuses an empty list, and one that lost more than MaxShrink of the current
// version's entities: both are far likelier a publishing accident than real delistings.
func (u *Updater) checkSize(snap *corridor.ListSnapshot, prev *corridor.ListVersion) error {
	n := snap.Version.Entities
	if n == 0 {
		return errors.New("the download holds no entities")
	}
	if prev == nil || prev.Entities == 0 {
		return nil
	}
	if float64(n) < float64(prev.Entities)*(1-u.MaxShrink) {
		return fmt.Errorf("%d entities, down from %d (-%.1f%%, limit %.1f%%)",
			n, prev.Entities, 100*float64(prev.Entities-n)/float64(prev.Entities), 100*u.MaxShrink)
	}
	return nil
}

// isTruncation tells a file cut short from one malformed throughout: readers report the end
// of a cut file as an unexpected EOF.
func isTruncation(err error) bool {
	return errors.Is(err, io.ErrUnexpectedEOF) || strings.Contains(err.Error(), "unexpected EOF")
}
