package filestore

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/corridor-aml/corridor"
)

func version(list corridor.ListID, content string, loaded time.Time) (Version, map[string][]byte) {
	sum := sha256.Sum256([]byte(content))
	v := Version{ListVersion: corridor.ListVersion{
		List: list, Hash: "sha256:" + hex.EncodeToString(sum[:]), LoadedAt: loaded, Entities: 3, Source: "test",
	}, Files: []FileMeta{{Name: "sdn.csv", ETag: `"abc"`, LastModified: "Mon, 02 Jan 2006 15:04:05 GMT"}}}
	return v, map[string][]byte{"sdn.csv": []byte(content), "alt.csv": []byte("alt " + content)}
}

func TestSaveOpenCurrentVersions(t *testing.T) {
	s := New(t.TempDir())
	t0 := time.Date(2024, 4, 26, 0, 0, 0, 0, time.UTC)
	v1, f1 := version(corridor.ListOFACSDN, "one", t0)
	v2, f2 := version(corridor.ListOFACSDN, "two", t0.Add(24*time.Hour))
	if _, err := s.Current(corridor.ListOFACSDN); !errors.Is(err, ErrNotFound) {
		t.Fatalf("Current on empty store: %v, want ErrNotFound", err)
	}
	for _, sv := range []struct {
		v Version
		f map[string][]byte
	}{{v1, f1}, {v2, f2}} {
		if err := s.Save(sv.v, sv.f); err != nil {
			t.Fatal(err)
		}
	}
	cur, err := s.Current(corridor.ListOFACSDN)
	if err != nil || cur.Hash != v2.Hash {
		t.Fatalf("Current = %v, %v; want %s", cur.Hash, err, v2.Hash)
	}
	if got := cur.Files; len(got) != 2 || got[0].Name != "sdn.csv" || got[0].ETag != `"abc"` || got[0].Size != 3 || got[1].Name != "alt.csv" {
		t.Errorf("Files = %+v", got)
	}
	versions, err := s.Versions(corridor.ListOFACSDN)
	if err != nil || len(versions) != 2 || versions[0].Hash != v2.Hash || versions[1].Hash != v1.Hash {
		t.Fatalf("Versions = %+v, %v; want v2, v1", versions, err)
	}
	got, files, err := s.Open(corridor.ListOFACSDN, HashHex(v1.Hash)[:7])
	if err != nil {
		t.Fatal(err)
	}
	if got.Hash != v1.Hash || string(files["sdn.csv"]) != "one" || string(files["alt.csv"]) != "alt one" {
		t.Errorf("Open by prefix = %s %q", got.Hash, files)
	}
	if _, _, err := s.Open(corridor.ListOFACSDN, v2.Hash); err != nil {
		t.Errorf("Open by full hash: %v", err)
	}
	if lists, err := s.Lists(); err != nil || len(lists) != 1 || lists[0] != corridor.ListOFACSDN {
		t.Errorf("Lists = %v, %v", lists, err)
	}
	// Saving an already stored version makes it current again without rewriting it.
	if err := s.Save(v1, f1); err != nil {
		t.Fatal(err)
	}
	if cur, _ := s.Current(corridor.ListOFACSDN); cur.Hash != v1.Hash {
		t.Errorf("after re-save Current = %s, want %s", cur.Hash, v1.Hash)
	}
}

func TestFilesAreGzipped(t *testing.T) {
	dir := t.TempDir()
	v, f := version(corridor.ListUN, "content", time.Now())
	if err := New(dir).Save(v, f); err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(filepath.Join(dir, "lists", "un", HashHex(v.Hash), "sdn.csv.gz"))
	if err != nil {
		t.Fatal(err)
	}
	if len(raw) < 2 || raw[0] != 0x1f || raw[1] != 0x8b {
		t.Errorf("stored file is not gzip: % x", raw[:min(len(raw), 4)])
	}
}

func TestOpenErrors(t *testing.T) {
	s := New(t.TempDir())
	// Two hashes sharing the prefix "0".
	for _, h := range []string{"0a", "0b"} {
		v := Version{ListVersion: corridor.ListVersion{List: corridor.ListUN, Hash: "sha256:" + h + string(make64(62))}}
		if err := s.Save(v, map[string][]byte{"consolidated.xml": []byte(h)}); err != nil {
			t.Fatal(err)
		}
	}
	if _, _, err := s.Open(corridor.ListUN, "0"); err == nil {
		t.Error("ambiguous prefix: no error")
	}
	if _, _, err := s.Open(corridor.ListUN, "ff"); !errors.Is(err, ErrNotFound) {
		t.Errorf("missing version: %v, want ErrNotFound", err)
	}
	if _, _, err := s.Open(corridor.ListUN, "../x"); err == nil {
		t.Error("path in hash: no error")
	}
	if _, _, err := s.Open("nonsense", "0a"); err == nil {
		t.Error("bad list id: no error")
	}
}

func make64(n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = 'c'
	}
	return b
}

func TestSaveRejectsBadInput(t *testing.T) {
	s := New(t.TempDir())
	good, files := version(corridor.ListUN, "x", time.Now())
	bad := good
	bad.Hash = "sha256:zz"
	if err := s.Save(bad, files); err == nil {
		t.Error("bad hash: no error")
	}
	bad = good
	bad.List = "nonsense"
	if err := s.Save(bad, files); err == nil {
		t.Error("bad list: no error")
	}
	if err := s.Save(good, map[string][]byte{"../evil": []byte("x")}); err == nil {
		t.Error("path in file name: no error")
	}
	if _, err := s.Current(corridor.ListUN); !errors.Is(err, ErrNotFound) {
		t.Errorf("a failed save marked a version current: %v", err)
	}
}

// A crash during a save leaves at most a temporary directory, which is neither listed nor
// current, and the previous version stays current.
func TestInterruptedSaveLeavesPreviousCurrent(t *testing.T) {
	dir := t.TempDir()
	s := New(dir)
	v1, f1 := version(corridor.ListOFACSDN, "one", time.Now())
	if err := s.Save(v1, f1); err != nil {
		t.Fatal(err)
	}
	listDir := filepath.Join(dir, "lists", string(corridor.ListOFACSDN))
	half := filepath.Join(listDir, ".tmp-12345")
	if err := os.MkdirAll(half, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(half, "sdn.csv.gz"), []byte{0x1f}, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(listDir, ".tmp-CURRENT-999"), []byte("deadbeef"), 0o644); err != nil {
		t.Fatal(err)
	}
	cur, err := s.Current(corridor.ListOFACSDN)
	if err != nil || cur.Hash != v1.Hash {
		t.Fatalf("Current = %s, %v; want %s", cur.Hash, err, v1.Hash)
	}
	versions, err := s.Versions(corridor.ListOFACSDN)
	if err != nil || len(versions) != 1 {
		t.Fatalf("Versions = %d, %v; want 1", len(versions), err)
	}
}

func TestCorruptStoredFile(t *testing.T) {
	dir := t.TempDir()
	s := New(dir)
	v, f := version(corridor.ListUN, "x", time.Now())
	if err := s.Save(v, f); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "lists", "un", HashHex(v.Hash), "sdn.csv.gz")
	if err := os.WriteFile(path, []byte("not gzip"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.Open(corridor.ListUN, v.Hash); err == nil {
		t.Error("corrupt gzip: no error")
	}
}

func TestConcurrentSavesOfOneVersion(t *testing.T) {
	s := New(t.TempDir())
	v, f := version(corridor.ListUN, "same", time.Now())
	errs := make(chan error, 8)
	for range 8 {
		go func() { errs <- s.Save(v, f) }()
	}
	for range 8 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
	if versions, err := s.Versions(corridor.ListUN); err != nil || len(versions) != 1 {
		t.Errorf("%d versions, %v; want 1", len(versions), err)
	}
	if cur, err := s.Current(corridor.ListUN); err != nil || cur.Hash != v.Hash {
		t.Errorf("current %s, %v", cur.Hash, err)
	}
}
