package iso20022

import (
	"bytes"
	"os"
	"testing"
)

func BenchmarkRead(b *testing.B) {
	for _, name := range []string{
		"pacs.008.001.07-prowide.xml",
		"pacs.008.001.08-cbprplus-p_2_1_1_C_D.xml",
		"pain.001-international-usd.xml",
		"pain.001-six-musterfile-2020.xml",
	} {
		data, err := os.ReadFile("testdata/" + name)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Read(bytes.NewReader(data)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
