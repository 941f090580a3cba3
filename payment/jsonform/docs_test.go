package jsonform

import (
	"os"
	"reflect"
	"strings"
	"testing"
)

// TestDocsExample keeps the example in docs/payments.md readable and equal to testdata's.
func TestDocsExample(t *testing.T) {
	doc, err := os.ReadFile("../../docs/payments.md")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(doc), "```json\n")
	block, _, ok2 := strings.Cut(rest, "```")
	if !ok || !ok2 {
		t.Fatal("no JSON example in docs/payments.md")
	}
	fromDocs, err := Read(strings.NewReader(block))
	if err != nil {
		t.Fatalf("docs example: %v", err)
	}
	fromFile, err := Read(strings.NewReader(example(t)))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(fromDocs, fromFile) {
		t.Errorf("docs example and testdata/payment.json differ:\n%+v\n%+v", fromDocs, fromFile)
	}
	if _, err := Read(strings.NewReader(`{"parties": [{"role": "creditor", "name": "Acme Trading LLC"}]}`)); err != nil {
		t.Errorf("smallest payment: %v", err)
	}
}

func TestByteOrderMark(t *testing.T) {
	ps, err := Read(strings.NewReader("\ufeff" + example(t)))
	if err != nil || len(ps) != 1 {
		t.Errorf("%v %d", err, len(ps))
	}
}
