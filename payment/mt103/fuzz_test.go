package mt103

import (
	"os"
	"testing"
)

// FuzzRead: no input makes Read panic, and whatever it accepts is a valid payment.
func FuzzRead(f *testing.F) {
	for _, name := range []string{"mt103-p_2_1_1_C_D.txt", "mt103-prowide-out-ack.rje"} {
		data, err := os.ReadFile("testdata/" + name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("{1:F01BANKAFKAAXXX0000000000}{2:I103BANKDEFFXXXXN}{4:\n:20:R\n:23B:CRED\n:32A:240102USD10,\n:50F:CCPT/AF/P1\n1/A\n8/X\n:59:B\n:71A:OUR\n-}"))
	f.Fuzz(func(t *testing.T, data []byte) {
		ps, err := Parse(data, "fuzz")
		if err != nil {
			return
		}
		if len(ps) == 0 {
			t.Fatal("no payments and no error")
		}
		for _, p := range ps {
			if err := p.Validate(); err != nil {
				t.Fatalf("payment %d accepted but invalid: %v", p.Index, err)
			}
		}
	})
}
