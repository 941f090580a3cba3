package policy

import (
	"strings"
	"testing"
)

// FuzzLoad: no input panics the loader, and a pack it accepts evaluates without panicking.
func FuzzLoad(f *testing.F) {
	f.Add([]byte(goodPack))
	f.Add(afghanistanPack)
	f.Add([]byte(strings.Replace(goodPack, "payment.remittance", "payment.remitance", 1)))
	f.Add([]byte("pack: {id: a, version: '1', title: t, disclaimer: d}\nlicences: [{id: x, when: '1 +'}]"))
	f.Add([]byte("a: &a [*a, *a]"))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := Load(data, "fuzz.yaml")
		if err != nil {
			if p != nil {
				t.Fatal("a pack and an error")
			}
			return
		}
		pay, res := synthetic()
		p.Evaluate(pay, res, Options{})
	})
}
