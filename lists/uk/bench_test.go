package uk

import (
	"bytes"
	"errors"
	"testing"
)

// BenchmarkParse reads the whole extract, whose synthetic fifth record is rejected as it
// would be in production.
func BenchmarkParse(b *testing.B) {
	raw := readExtract(b)
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	for b.Loop() {
		if snap, err := Parse(bytes.NewReader(raw)); !errors.Is(err, ErrNoUniqueID) || len(snap.Entities) != 4 {
			b.Fatal(err)
		}
	}
}
