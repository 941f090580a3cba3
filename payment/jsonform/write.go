package jsonform

import (
	"encoding/json"
	"io"

	"github.com/corridor-aml/corridor"
)

// Write writes payments as one JSON array, indented for people to read: the form for files
// and HTTP bodies.
func Write(w io.Writer, payments []corridor.Payment) error {
	out := make([]payment, len(payments))
	for i := range payments {
		out[i] = fromPayment(&payments[i])
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

// WriteLines writes payments as NDJSON, one object a line: the form for streams and logs.
func WriteLines(w io.Writer, payments []corridor.Payment) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for i := range payments {
		if err := enc.Encode(fromPayment(&payments[i])); err != nil {
			return err
		}
	}
	return nil
}

// Marshaler returns a payment as a value that encodes to its JSON form, to embed the payment
// in a larger JSON document (a decision, an API answer).
func Marshaler(p *corridor.Payment) json.Marshaler { return formValue{fromPayment(p)} }

type formValue struct{ p payment }

func (f formValue) MarshalJSON() ([]byte, error) { return json.Marshal(f.p) }
