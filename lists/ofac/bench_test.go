package ofac

import (
	"testing"

	"github.com/corridor-aml/corridor"
)

// BenchmarkParseSDN parses the real SDN list, all four files, from memory.
func BenchmarkParseSDN(b *testing.B) {
	files := loadList(b, SDNFiles())
	size := 0
	for _, f := range files {
		size += len(f)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(corridor.ListOFACSDN, files.files(SDNFiles())); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseNonSDN parses the real consolidated non-SDN list.
func BenchmarkParseNonSDN(b *testing.B) {
	files := loadList(b, ConsFiles())
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(corridor.ListOFACNonSDN, files.files(ConsFiles())); err != nil {
			b.Fatal(err)
		}
	}
}
