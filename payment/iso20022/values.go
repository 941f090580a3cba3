package iso20022

import (
	"encoding/xml"
	"fmt"
	"strings"
	"time"

	"github.com/corridor-aml/corridor"
)

// xmlText is a coded value (a count, a country, a BIC) that may be refused: it keeps the line
// it was found on so that the refusal can point at it.
type xmlText struct {
	Value string
	line  int
	set   bool
}

func (t *xmlText) UnmarshalXML(d *xml.Decoder, start xml.StartElement) error {
	t.line, _ = d.InputPos()
	t.set = true
	if err := d.DecodeElement(&t.Value, &start); err != nil {
		return err
	}
	t.Value = strings.TrimSpace(t.Value)
	return nil
}

// xmlAmount is an ActiveCurrencyAndAmount: a decimal with a Ccy attribute.
type xmlAmount struct {
	Ccy   string `xml:"Ccy,attr"`
	Value string `xml:",chardata"`
	line  int
	set   bool
}

func (a *xmlAmount) UnmarshalXML(d *xml.Decoder, start xml.StartElement) error {
	a.line, _ = d.InputPos()
	a.set = true
	type plain xmlAmount
	return d.DecodeElement((*plain)(a), &start)
}

// xmlDate is an ISODate written plainly, or (pain.001 from 001.08 on) a choice of Dt and DtTm.
type xmlDate struct {
	Text string `xml:",chardata"`
	Dt   string `xml:"Dt"`
	DtTm string `xml:"DtTm"`
	line int
	set  bool
}

func (t *xmlDate) UnmarshalXML(d *xml.Decoder, start xml.StartElement) error {
	t.line, _ = d.InputPos()
	t.set = true
	type plain xmlDate
	return d.DecodeElement((*plain)(t), &start)
}

// date returns the date as YYYY-MM-DD, "" when the element was absent.
func (t xmlDate) date() (string, error) {
	if !t.set {
		return "", nil
	}
	v := strings.TrimSpace(t.Text)
	switch {
	case strings.TrimSpace(t.Dt) != "":
		v = strings.TrimSpace(t.Dt)
	case strings.TrimSpace(t.DtTm) != "":
		v = strings.TrimSpace(t.DtTm)
		if len(v) < 10 {
			return "", fmt.Errorf("date-time %q: want YYYY-MM-DDThh:mm:ss", v)
		}
		v = v[:10] // the date as the sender wrote it, in the sender's own time zone
	}
	if _, err := time.Parse(time.DateOnly, v); err != nil {
		return "", fmt.Errorf("date %q: want YYYY-MM-DD", v)
	}
	return v, nil
}

// maxDigits and maxFraction are ISO 20022's bounds on an amount (totalDigits 18, fractionDigits 5).
const (
	maxDigits   = 18
	maxFraction = 5
)

// decimal returns the canonical form of an xs:decimal amount: no sign, no leading zeros, no
// trailing fractional zeros ("0015669.380" is "15669.38", "5000.00" is "5000"), so that the
// same sum read from pacs.008 and from MT103 compares equal.
func decimal(s string) (string, error) {
	v := strings.TrimSpace(s)
	v = strings.TrimPrefix(v, "+")
	whole, frac, _ := strings.Cut(v, ".")
	if (whole == "" && frac == "") || !allDigits(whole) || !allDigits(frac) {
		return "", fmt.Errorf("amount %q: want a non-negative decimal such as 1500.25", s)
	}
	if len(whole)+len(frac) > maxDigits || len(frac) > maxFraction {
		return "", fmt.Errorf("amount %q: more than %d digits or %d decimals", s, maxDigits, maxFraction)
	}
	return corridor.CanonicalAmount(whole, frac), nil
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func allUpperAlnum(s string) bool {
	for i := 0; i < len(s); i++ {
		if (s[i] < 'A' || s[i] > 'Z') && (s[i] < '0' || s[i] > '9') {
			return false
		}
	}
	return true
}

func allUpper(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return s != ""
}

// Codes in lower case are refused, as the schema refuses them, rather than mended: a reader
// that guesses at codes hides a broken sender.

// currency checks an ActiveCurrencyCode.
func currency(ccy string) (string, error) {
	c := strings.TrimSpace(ccy)
	if c == "" {
		return "", fmt.Errorf("no Ccy attribute")
	}
	if len(c) != 3 || !allUpper(c) {
		return "", fmt.Errorf("currency %q: want a three-letter ISO 4217 code in capitals", ccy)
	}
	return c, nil
}

// bic checks a BICFI or AnyBIC: 8 or 11 capitals and digits, the 5th and 6th a country.
func bic(s string) (string, error) {
	b := strings.TrimSpace(s)
	if (len(b) != 8 && len(b) != 11) || !allUpperAlnum(b) || !allUpper(b[4:6]) {
		return "", fmt.Errorf("BIC %q: want 8 or 11 capitals and digits", s)
	}
	return b, nil
}

// countryCode checks an ISO 3166-1 alpha-2 code.
func countryCode(s string) (string, error) {
	c := strings.TrimSpace(s)
	if len(c) != 2 || !allUpper(c) {
		return "", fmt.Errorf("country %q: want an ISO 3166-1 alpha-2 code in capitals", s)
	}
	return c, nil
}

// clean squeezes the runs of white space that XML indentation leaves inside text.
func clean(s string) string {
	if !strings.ContainsAny(s, " \t\r\n") {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}
