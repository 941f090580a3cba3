// Package anyformat reads a payment message in whichever format its content shows, for the
// ways in that take files or bodies of any format (the CLI, the HTTP API).
package anyformat

import (
	"bytes"
	"errors"
	"fmt"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/payment/iso20022"
	"github.com/corridor-aml/corridor/payment/jsonform"
	"github.com/corridor-aml/corridor/payment/mt103"
)

// ErrUnknownFormat is returned for content that is none of the formats.
var ErrUnknownFormat = errors.New("not a payment message: want an MT103 ({1:), ISO 20022 XML (<) or corridor's JSON form ({ or [)")

// Read reads the payments of data: "{1:" begins an MT103 (or an RJE file of them), "<"
// ISO 20022 XML, "{" or "[" corridor's JSON form. name names the input in errors.
func Read(data []byte, name string) ([]corridor.Payment, error) {
	head := bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), " \t\r\n")
	var payments []corridor.Payment
	var err error
	switch {
	case bytes.HasPrefix(head, []byte("{1:")):
		return mt103.Parse(data, name) // it names the input already
	case bytes.HasPrefix(head, []byte("<")):
		payments, err = iso20022.Read(bytes.NewReader(data))
	case bytes.HasPrefix(head, []byte("{")), bytes.HasPrefix(head, []byte("[")):
		payments, err = jsonform.Read(bytes.NewReader(data))
	default:
		return nil, fmt.Errorf("%s: %w", name, ErrUnknownFormat)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(payments) == 0 {
		return nil, fmt.Errorf("%s: no payments", name)
	}
	return payments, nil
}
