// Package atomicfile writes a whole file or none: under a temporary name in the same
// directory, synced, then renamed into place (github.com/google/renameio/v2). A failure or a
// crash leaves the previous file, or no file, never a partial one.
package atomicfile

import (
	"io"
	"os"
	"path/filepath"

	"github.com/google/renameio/v2"
)

// Create starts path's replacement; the caller writes it, then either puts it in place with
// CloseAtomicallyReplace or drops it with Cleanup (a no-op after the replace).
func Create(path string, perm os.FileMode) (*renameio.PendingFile, error) {
	// The temporary file stays beside its destination, whatever TMPDIR says, so that the
	// rename never crosses file systems.
	return renameio.NewPendingFile(path, renameio.WithTempDir(filepath.Dir(path)), renameio.WithPermissions(perm))
}

// Write replaces path with what write writes.
func Write(path string, perm os.FileMode, write func(io.Writer) error) error {
	f, err := Create(path, perm)
	if err != nil {
		return err
	}
	defer f.Cleanup()
	if err := write(f); err != nil {
		return err
	}
	return f.CloseAtomicallyReplace()
}

// WriteSynced replaces path with content and syncs its directory, so that the new file
// survives a crash of the machine too, not only of the process.
func WriteSynced(path string, content []byte, perm os.FileMode) error {
	err := Write(path, perm, func(w io.Writer) error {
		_, err := w.Write(content)
		return err
	})
	if err != nil {
		return err
	}
	return SyncDir(filepath.Dir(path))
}

// SyncDir makes a rename or a new file inside dir durable.
func SyncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}
