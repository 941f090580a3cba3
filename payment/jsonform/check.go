package jsonform

import (
	"fmt"
	"strings"
	"time"

	"github.com/corridor-aml/corridor"
)

// Format is what Payment.Format says of a payment the input does not label.
const Format = "json"

// check validates payment n and returns it as corridor's type, naming the first bad field.
func check(p *payment, n int) (corridor.Payment, error) {
	fail := func(field string, format string, args ...any) (corridor.Payment, error) {
		return corridor.Payment{}, &Error{Payment: n, Field: field, Err: fmt.Errorf(format, args...)}
	}
	if p.Index < 0 {
		return fail("index", "%d: want a place from 1", p.Index)
	}
	for _, a := range []struct {
		field string
		amt   **amount
	}{{"amount", &p.Amount}, {"instructed_amount", &p.InstructedAmount}} {
		if *a.amt == nil {
			continue
		}
		v, err := decimal((*a.amt).Value)
		if err != nil {
			return fail(a.field+".value", "%v", err)
		}
		(*a.amt).Value = v
		if c := (*a.amt).Currency; len(c) != 3 || !upper(c) {
			return fail(a.field+".currency", "%q: want a three-letter ISO 4217 code in capitals", c)
		}
	}
	if err := date(p.ValueDate); err != nil {
		return fail("value_date", "%v", err)
	}
	if len(p.Parties) == 0 {
		return fail("parties", "no parties: a payment needs at least one to screen")
	}
	for i := range p.Parties {
		if field, err := checkParty(&p.Parties[i]); err != nil {
			return fail(fmt.Sprintf("parties[%d].%s", i+1, field), "%v", err)
		}
	}
	for _, list := range []struct {
		field string
		texts []text
	}{{"remittance_info", p.RemittanceInfo}, {"instructions", p.Instructions}} {
		for i, t := range list.texts {
			if strings.TrimSpace(t.Text) == "" {
				return fail(fmt.Sprintf("%s[%d].text", list.field, i+1), "empty")
			}
		}
	}
	out := p.toPayment()
	if out.Format == "" {
		out.Format = Format
	}
	if out.Index == 0 {
		out.Index = n
	}
	if err := out.Validate(); err != nil { // the promise every reader keeps; checked above already
		return fail("", "%v", err)
	}
	return out, nil
}

// checkParty returns the first bad field of a party, relative to the party.
func checkParty(x *party) (string, error) {
	known := false
	for _, r := range corridor.Roles {
		known = known || r == x.Role
	}
	if !known {
		return "role", fmt.Errorf("%q: not a role (see docs/payments.md)", x.Role)
	}
	if strings.TrimSpace(x.Name) == "" && x.BIC == "" && x.Account == "" && len(x.Identifiers) == 0 {
		return "name", fmt.Errorf("no name, bic, account or identifier")
	}
	if x.BIC != "" && !isBIC(x.BIC) {
		return "bic", fmt.Errorf("%q: want 8 or 11 capitals and digits", x.BIC)
	}
	for _, c := range []struct {
		field, code string
	}{{"country", x.Country}, {"country_of_residence", x.CountryOfResidence}} {
		if c.code != "" && (len(c.code) != 2 || !upper(c.code)) {
			return c.field, fmt.Errorf("%q: want an ISO 3166-1 alpha-2 code in capitals", c.code)
		}
	}
	if err := date(x.BirthDate); err != nil {
		return "birth_date", err
	}
	for i := range x.Identifiers {
		id := &x.Identifiers[i]
		field := fmt.Sprintf("identifiers[%d]", i+1)
		if strings.TrimSpace(id.Number) == "" {
			return field + ".number", fmt.Errorf("empty")
		}
		if id.Kind == "" {
			id.Kind = corridor.IDOther
		}
		if !knownKind(id.Kind) {
			return field + ".kind", fmt.Errorf("%q: not an identifier kind (see docs/payments.md)", id.Kind)
		}
		if id.Country != "" && (len(id.Country) != 2 || !upper(id.Country)) {
			return field + ".country", fmt.Errorf("%q: want an ISO 3166-1 alpha-2 code in capitals", id.Country)
		}
	}
	return "", nil
}

// Kinds lists the identifier kinds the form accepts.
var Kinds = []corridor.IdentifierKind{
	corridor.IDPassport, corridor.IDNationalID, corridor.IDTax, corridor.IDRegistration,
	corridor.IDIMO, corridor.IDCallSign, corridor.IDBIC, corridor.IDCrypto,
	corridor.IDAircraftTail, corridor.IDMSN, corridor.IDOther,
}

func knownKind(k corridor.IdentifierKind) bool {
	for _, x := range Kinds {
		if k == x {
			return true
		}
	}
	return false
}

func date(s string) error {
	if s == "" {
		return nil
	}
	if _, err := time.Parse(time.DateOnly, s); err != nil {
		return fmt.Errorf("%q: want YYYY-MM-DD", s)
	}
	return nil
}

func isBIC(s string) bool {
	if len(s) != 8 && len(s) != 11 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c < 'A' || c > 'Z') && (c < '0' || c > '9') {
			return false
		}
	}
	return upper(s[4:6])
}

func upper(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return s != ""
}

// decimal returns the canonical form of an amount, as the payment readers write it: no
// sign, no leading zeros, no trailing fractional zeros ("5000.00" is "5000", "6.20" is "6.2").
func decimal(s string) (string, error) {
	whole, frac, _ := strings.Cut(s, ".")
	if whole == "" || !digits(whole) || !digits(frac) || strings.HasSuffix(s, ".") {
		return "", fmt.Errorf("%q: want a non-negative decimal string such as \"1500.25\"", s)
	}
	return corridor.CanonicalAmount(whole, frac), nil
}

func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
