package atomicfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
)

func TestWrite(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "report.html")
	if err := WriteSynced(path, []byte("first"), 0o644); err != nil {
		t.Fatal(err)
	}
	// A write that fails leaves the previous file whole and no temporary file behind.
	boom := errors.New("boom")
	err := Write(path, 0o644, func(w io.Writer) error {
		w.Write([]byte("half of the sec"))
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v, want boom", err)
	}
	if b, err := os.ReadFile(path); err != nil || string(b) != "first" {
		t.Fatalf("after a failed write: %q %v", b, err)
	}
	if err := Write(path, 0o600, func(w io.Writer) error { _, err := w.Write([]byte("second")); return err }); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "second" {
		t.Errorf("content %q, want second", b)
	}
	if fi, err := os.Stat(path); err != nil || fi.Mode().Perm()&0o077 != 0 {
		t.Errorf("mode %v %v, want no access for group and others", fi.Mode(), err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("directory holds %d files, want the one: %v", len(entries), entries)
	}
	if err := Write(filepath.Join(dir, "missing", "x"), 0o644, func(io.Writer) error { return nil }); err == nil {
		t.Error("a file in a missing directory was written")
	}
}
