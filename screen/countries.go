package screen

import (
	"strings"

	"github.com/corridor-aml/corridor"
)

// CountryFact is a country a payment involves, with how it is known and where.
type CountryFact struct {
	Country string        // ISO 3166-1 alpha-2
	Source  string        // "address", "residence", "birth_place", "bic", "iban", "text"
	Role    corridor.Role // the party it belongs to; empty for free text
	Where   string        // where in the message
	Text    string        // the words that name it, for "text"
}

// partyCountries returns the countries a party is tied to: its address, residence, the
// country in its BIC (letters 5 and 6) and in its IBAN (the first two letters, when the
// account is an IBAN whose check digits are right).
func partyCountries(p *corridor.Party) []CountryFact {
	var out []CountryFact
	add := func(cc, source string) {
		if cc != "" {
			out = append(out, CountryFact{Country: cc, Source: source, Role: p.Role, Where: p.Where})
		}
	}
	add(p.Country, "address")
	add(p.CountryOfResidence, "residence")
	if i := strings.LastIndex(p.BirthPlace, ", "); i >= 0 && upperLetters(p.BirthPlace[i+2:]) && len(p.BirthPlace)-i-2 == 2 {
		add(p.BirthPlace[i+2:], "birth_place") // readers write "City, CC"
	}
	if cc, ok := BICCountry(p.BIC); ok {
		add(cc, "bic")
	}
	if cc, ok := IBANCountry(p.Account); ok {
		add(cc, "iban")
	}
	return out
}

// BICCountry returns the country of a BIC (its letters 5 and 6).
func BICCountry(bic string) (string, bool) {
	if len(bic) != 8 && len(bic) != 11 {
		return "", false
	}
	cc := bic[4:6]
	if !upperLetters(cc) || !upperLetters(bic[:4]) {
		return "", false
	}
	return cc, true
}

// IBANCountry returns the country of an IBAN, and false when the account is not an IBAN
// (wrong form or wrong check digits): an account number that merely starts with two letters
// says nothing about a country.
func IBANCountry(account string) (string, bool) {
	iban := strings.ToUpper(strings.ReplaceAll(account, " ", ""))
	if len(iban) < 15 || len(iban) > 34 || !upperLetters(iban[:2]) || !digits(iban[2:4]) {
		return "", false
	}
	// ISO 13616: move the first four characters to the end, letters to numbers, mod 97 = 1.
	rem := 0
	for _, c := range iban[4:] + iban[:4] {
		switch {
		case c >= '0' && c <= '9':
			rem = (rem*10 + int(c-'0')) % 97
		case c >= 'A' && c <= 'Z':
			rem = (rem*100 + int(c-'A'+10)) % 97
		default:
			return "", false
		}
	}
	if rem != 1 {
		return "", false
	}
	return iban[:2], true
}

func upperLetters(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
