package ofac

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/corridor-aml/corridor"
)

// readTestdata returns a file of testdata/, failing the test when it is missing.
func readTestdata(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// listFiles holds the raw bytes of one list's four files; nil means absent.
type listFiles [4][]byte

func loadList(t testing.TB, names [4]string) listFiles {
	t.Helper()
	var files listFiles
	for i, name := range names {
		if name != "" {
			files[i] = readTestdata(t, name)
		}
	}
	return files
}

// files turns the raw bytes into Files, leaving absent files nil.
func (l listFiles) files(names [4]string) Files {
	f := Files{Names: names}
	if l[filePrimary] != nil {
		f.Primary = bytes.NewReader(l[filePrimary])
	}
	if l[fileAlt] != nil {
		f.Alt = bytes.NewReader(l[fileAlt])
	}
	if l[fileAddress] != nil {
		f.Address = bytes.NewReader(l[fileAddress])
	}
	if l[fileComments] != nil {
		f.Comments = bytes.NewReader(l[fileComments])
	}
	return f
}

func parseList(t testing.TB, list corridor.ListID, names [4]string) *corridor.ListSnapshot {
	t.Helper()
	snap, err := Parse(list, loadList(t, names).files(names))
	if err != nil {
		t.Fatal(err)
	}
	return snap
}

func byNativeID(t testing.TB, snap *corridor.ListSnapshot, id string) *corridor.Entity {
	t.Helper()
	for i := range snap.Entities {
		if snap.Entities[i].NativeID == id {
			return &snap.Entities[i]
		}
	}
	t.Fatalf("entity %s not found", id)
	return nil
}

func nameFulls(e *corridor.Entity) []string {
	out := make([]string, len(e.Names))
	for i, n := range e.Names {
		out[i] = n.Full
	}
	return out
}
