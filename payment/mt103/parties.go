package mt103

import (
	"errors"
	"fmt"
	"strings"

	"github.com/corridor-aml/corridor"
)

// readParty reads the lines of a party field in the given option: "A" an identifier code
// (BIC), "B" a location, "C" an account, "D" and "K" a name and address, "F" structured
// lines ("1/NAME"), "_" (field 59 without a letter) an account and a name and address.
func readParty(option string, lines []string) (corridor.Party, error) {
	var party corridor.Party
	if len(lines) > 5 {
		return party, fmt.Errorf("%d lines, at most 5 allowed", len(lines))
	}
	rest := lines
	if strings.HasPrefix(rest[0], "/") && option != "F" {
		readAccountLine(&party, rest[0])
		rest = rest[1:]
	}
	switch option {
	case "A":
		if len(rest) != 1 || !isBIC(rest[0]) {
			return party, fmt.Errorf("want a BIC on the last line, found %q", strings.Join(rest, " / "))
		}
		party.BIC = rest[0]
	case "B":
		party.Address = nonEmpty(rest) // a location, or nothing beyond the account
	case "C":
		if len(rest) != 0 || party.Account == "" {
			return party, errors.New("want one line \"/account\"")
		}
	case "D", "K", "_":
		if len(rest) == 0 || rest[0] == "" {
			return party, errors.New("no name")
		}
		party.Name, party.Address = rest[0], nonEmpty(rest[1:])
	case "F":
		return readStructured(lines)
	}
	return party, nil
}

// readAccountLine reads the first line of a party field when it starts with "/": an account
// ("/12547896", "/D/123" with a debit or credit mark) or a clearing code ("//RT").
func readAccountLine(party *corridor.Party, line string) {
	switch {
	case strings.HasPrefix(line, "//"):
		party.Identifiers = append(party.Identifiers, corridor.Identifier{Type: "clearing code", Number: line[2:]})
	case len(line) > 3 && (line[:3] == "/D/" || line[:3] == "/C/"):
		party.Account = line[3:]
	default:
		party.Account = line[1:]
	}
}

// partyCodes are the codes of a structured ordering customer's identifier line (50F):
// "CCPT/AF/P1234567" is an Afghan passport.
var partyCodes = map[string]corridor.IdentifierKind{
	"ARNU": corridor.IDOther, "CCPT": corridor.IDPassport, "CUST": corridor.IDOther,
	"DRLC": corridor.IDOther, "EMPL": corridor.IDOther, "NIDN": corridor.IDNationalID,
	"SOSE": corridor.IDNationalID, "TXID": corridor.IDTax,
}

// readStructured reads option F (50F, 59F): an account or identifier line, then numbered
// lines: 1 name, 2 address, 3 country and town, 4 date of birth, 5 place of birth, 6 customer
// number, 7 national identity number, 8 more of the line before.
func readStructured(lines []string) (corridor.Party, error) {
	var party corridor.Party
	rest := lines
	switch first := lines[0]; {
	case strings.HasPrefix(first, "/"):
		readAccountLine(&party, first)
		rest = rest[1:]
	case len(first) > 5 && first[4] == '/' && partyCodes[first[:4]] != "":
		id, err := codedIdentifier(first[:4], first[5:])
		if err != nil {
			return party, fmt.Errorf("line 1: %w", err)
		}
		party.Identifiers = append(party.Identifiers, id)
		rest = rest[1:]
	}
	var lastID *corridor.Identifier
	for i, line := range rest {
		if len(line) < 2 || line[1] != '/' || line[0] < '1' || line[0] > '8' {
			return party, fmt.Errorf("line %q: want a numbered line such as \"1/NAME\"", clip(line))
		}
		text := line[2:]
		switch line[0] {
		case '1':
			party.Name = strings.TrimSpace(party.Name + " " + text)
		case '2':
			party.Address = append(party.Address, text)
		case '3':
			cc, town, _ := strings.Cut(text, "/")
			if !isCountry(cc) {
				return party, fmt.Errorf("line 3/%s: %q is not an ISO country code", text, cc)
			}
			party.Country = cc
			if town != "" {
				party.Address = append(party.Address, town)
			}
		case '4':
			date, err := birthDate(text)
			if err != nil {
				return party, fmt.Errorf("line 4/%s: %w", text, err)
			}
			party.BirthDate = date
		case '5':
			cc, place, _ := strings.Cut(text, "/")
			party.BirthPlace = strings.Trim(place+", "+cc, ", ")
		case '6', '7':
			cc, number, _ := strings.Cut(text, "/")
			id := corridor.Identifier{Kind: corridor.IDNationalID, Type: "national identity number", Number: number, Country: cc}
			if line[0] == '6' {
				id = corridor.Identifier{Kind: corridor.IDOther, Type: "customer identification number", Number: number, Country: cc}
			}
			party.Identifiers = append(party.Identifiers, id)
			lastID = &party.Identifiers[len(party.Identifiers)-1]
		case '8':
			if lastID == nil {
				return party, fmt.Errorf("line %d: 8/ continues a line 6 or 7, and there is none before it", i+1)
			}
			lastID.Number += text
		}
	}
	if party.Name == "" {
		return party, errors.New("no line 1/ with the name")
	}
	return party, nil
}

func codedIdentifier(code, rest string) (corridor.Identifier, error) {
	cc, number, ok := strings.Cut(rest, "/")
	if !ok || !isCountry(cc) || number == "" {
		return corridor.Identifier{}, fmt.Errorf("identifier %s/%s: want %s/COUNTRY/NUMBER", code, rest, code)
	}
	return corridor.Identifier{Kind: partyCodes[code], Type: code, Number: number, Country: cc}, nil
}

func nonEmpty(lines []string) []string {
	var out []string
	for _, l := range lines {
		if strings.TrimSpace(l) != "" {
			out = append(out, l)
		}
	}
	return out
}

// isBIC reports whether s has the form of a BIC: bank code (4 letters), country (2
// letters), location (2 letters or digits) and an optional branch (3).
func isBIC(s string) bool {
	if len(s) != 8 && len(s) != 11 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		letter, digit := c >= 'A' && c <= 'Z', c >= '0' && c <= '9'
		if i < 6 && !letter || i >= 6 && !letter && !digit {
			return false
		}
	}
	return true
}

func isCountry(cc string) bool {
	return len(cc) == 2 && cc[0] >= 'A' && cc[0] <= 'Z' && cc[1] >= 'A' && cc[1] <= 'Z'
}
