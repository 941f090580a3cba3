package lists

import (
	"context"
	"fmt"

	"github.com/corridor-aml/corridor/filestore"
)

// download fetches every file of src. Files the server reports unchanged (304) are taken from
// the current version; unchanged is true when that holds for all of them.
func (u *Updater) download(ctx context.Context, src Source, haveCurrent bool, cur filestore.Version,
	reject func(string, Reason, error) error) (map[string][]byte, []filestore.FileMeta, bool, error) {
	files := make(map[string][]byte, len(src.Files))
	metas := make([]filestore.FileMeta, 0, len(src.Files))
	var notModified []string
	for _, f := range src.Files {
		var prev *filestore.FileMeta
		if haveCurrent {
			if m := findFile(cur.Files, f.Name); m != nil && m.URL == f.URL {
				prev = m
			}
		}
		d, ferr := u.fetch(ctx, f.URL, prev)
		if ferr != nil {
			return nil, nil, false, reject(f.Name, ferr.reason, fmt.Errorf("%s: %w", f.URL, ferr.err))
		}
		if d.notModified {
			notModified = append(notModified, f.Name)
			metas = append(metas, *prev)
			continue
		}
		files[f.Name] = d.content
		metas = append(metas, filestore.FileMeta{Name: f.Name, URL: f.URL, ETag: d.etag, LastModified: d.lastModified})
	}
	if len(notModified) == len(src.Files) {
		return nil, nil, true, nil
	}
	if len(notModified) > 0 {
		_, stored, err := u.Store.Open(src.List, cur.Hash)
		if err != nil {
			return nil, nil, false, err
		}
		for _, name := range notModified {
			files[name] = stored[name]
		}
	}
	return files, metas, false, nil
}

func findFile(metas []filestore.FileMeta, name string) *filestore.FileMeta {
	for i := range metas {
		if metas[i].Name == name {
			return &metas[i]
		}
	}
	return nil
}
