package anyformat

import (
	"errors"
	"os"
	"testing"

	"github.com/corridor-aml/corridor"
)

func TestReadTellsTheFormat(t *testing.T) {
	for _, tt := range []struct {
		file   string
		format string
		n      int
	}{
		{"../mt103/testdata/mt103-p_2_1_1_C_D.txt", "MT103", 1},
		{"../iso20022/testdata/pacs.008.001.08-cbprplus-p_2_1_1_C_D.xml", "pacs.008.001.08", 1},
		{"../iso20022/testdata/pain.001-international-usd.xml", "pain.001.001.03", 1},
		{"../jsonform/testdata/payment.json", "", 1},
	} {
		data, err := os.ReadFile(tt.file)
		if err != nil {
			t.Fatal(err)
		}
		ps, err := Read(data, tt.file)
		if err != nil || len(ps) != tt.n || (tt.format != "" && ps[0].Format != tt.format) {
			t.Errorf("%s: %d payments, format %q, %v", tt.file, len(ps), formatOf(ps), err)
		}
	}
	if _, err := Read([]byte("hello"), "x"); !errors.Is(err, ErrUnknownFormat) {
		t.Errorf("hello: %v, want ErrUnknownFormat", err)
	}
	if _, err := Read([]byte("<Document/>"), "x"); err == nil {
		t.Error("an empty Document: no error")
	}
}

func formatOf(ps []corridor.Payment) string {
	if len(ps) == 0 {
		return ""
	}
	return ps[0].Format
}
