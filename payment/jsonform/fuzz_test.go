package jsonform

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

// FuzzRead: Read never panics, errors are *Error, and whatever it returns passes Validate,
// writes out and reads back the same.
func FuzzRead(f *testing.F) {
	ex := example(f)
	f.Add([]byte(ex))
	f.Add([]byte("[" + ex + "," + ex + "]"))
	f.Add([]byte(`{"parties":[{"role":"creditor","name":"A"}]}` + "\n" + `{"parties":[{"role":"debtor","bic":"AAAADEFF"}]}`))
	f.Add([]byte(ex[:len(ex)/2]))
	f.Add([]byte(strings.Replace(ex, `"15669.38"`, `15669.38`, 1)))
	f.Add([]byte("[]"))
	f.Add([]byte(""))
	f.Fuzz(func(t *testing.T, data []byte) {
		ps, err := Reader{MaxBytes: 1 << 20}.Read(bytes.NewReader(data))
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error %T: %v", err, err)
			}
			return
		}
		for i := range ps {
			if err := ps[i].Validate(); err != nil {
				t.Fatalf("payment %d: %v", i+1, err)
			}
		}
		var buf bytes.Buffer
		if err := Write(&buf, ps); err != nil {
			t.Fatal(err)
		}
		again, err := Read(&buf)
		if err != nil {
			t.Fatalf("reading back: %v\n%s", err, buf.String())
		}
		if len(again) != len(ps) {
			t.Fatalf("read back %d payments of %d", len(again), len(ps))
		}
	})
}
