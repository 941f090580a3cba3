package iso20022

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzRead feeds Read the real samples, the synthetic messages and damaged variants. Read
// must never panic; an error must be an *Error; every payment returned must pass Validate.
func FuzzRead(f *testing.F) {
	files, err := filepath.Glob("testdata/*.xml")
	if err != nil || len(files) == 0 {
		f.Fatalf("no samples: %v", err)
	}
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
		f.Add(b[:len(b)/2])
	}
	f.Add([]byte(fullPacs008))
	f.Add([]byte(pain001v09))
	f.Add([]byte(strings.Replace(fullPacs008, `Ccy="USD"`, `Ccy="usd"`, 1)))
	f.Add([]byte(""))

	f.Fuzz(func(t *testing.T, data []byte) {
		ps, err := Reader{MaxBytes: 1 << 20}.Read(bytes.NewReader(data))
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || !strings.HasPrefix(err.Error(), "iso20022: ") {
				t.Fatalf("error without context: %T %v", err, err)
			}
			return
		}
		for i := range ps {
			p := &ps[i]
			if err := p.Validate(); err != nil {
				t.Fatalf("payment %d: %v", i+1, err)
			}
			if p.Index != i+1 {
				t.Fatalf("payment %d: Index %d", i+1, p.Index)
			}
			if !strings.HasPrefix(p.Format, "pacs.008.001.") && !strings.HasPrefix(p.Format, "pain.001.001.") {
				t.Fatalf("payment %d: format %q", i+1, p.Format)
			}
			if p.Amount.IsZero() {
				t.Fatalf("payment %d: no amount", i+1)
			}
		}
	})
}
