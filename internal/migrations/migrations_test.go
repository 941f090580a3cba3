package migrations

import (
	"testing"
	"testing/fstest"
)

func TestRead(t *testing.T) {
	fsys := fstest.MapFS{
		"m/0002_b.sql": {Data: []byte("B")},
		"m/0001_a.sql": {Data: []byte("A")},
	}
	ms, err := Read(fsys, "m")
	if err != nil || len(ms) != 2 || ms[0].Version != 1 || ms[1].SQL != "B" || Newest(ms) != 2 {
		t.Fatalf("%+v, %v", ms, err)
	}
	if _, err := Read(fstest.MapFS{"m/x.sql": {}}, "m"); err == nil {
		t.Error("a file without a number: no error")
	}
}
