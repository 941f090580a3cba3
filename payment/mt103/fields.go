package mt103

import (
	"fmt"
	"strings"

	"github.com/corridor-aml/corridor"
)

// field is one field of block 4: its tag ("32A") and its lines as written, trailing spaces
// removed.
type field struct {
	tag   string
	lines []string
	line  int // of the tag, in the file
}

func (f field) where() string { return ":" + f.tag + ":" }

// splitFields cuts the text of block 4 into fields. A field starts at a line ":NNa:" and
// runs to the next one.
func splitFields(body string, line int) ([]field, error) {
	var fields []field
	for i, text := range strings.Split(body, "\n") {
		text = strings.TrimRight(text, " \t\r")
		if tag, value, ok := fieldStart(text); ok {
			fields = append(fields, field{tag: tag, lines: []string{value}, line: line + i})
			continue
		}
		if len(fields) == 0 {
			if text != "" {
				return nil, fmt.Errorf("line %d: block 4 starts with %q, not with a field \":20:\"", line+i, clip(text))
			}
			continue
		}
		f := &fields[len(fields)-1]
		f.lines = append(f.lines, text)
	}
	for i := range fields {
		for len(fields[i].lines) > 1 && fields[i].lines[len(fields[i].lines)-1] == "" {
			fields[i].lines = fields[i].lines[:len(fields[i].lines)-1]
		}
	}
	return fields, nil
}

// fieldStart reads ":32A:value" as tag 32A and its first line.
func fieldStart(line string) (tag, value string, ok bool) {
	if len(line) < 4 || line[0] != ':' || !isDigit(line[1]) || !isDigit(line[2]) {
		return "", "", false
	}
	end := 3
	if line[3] >= 'A' && line[3] <= 'Z' {
		end = 4
	}
	if end >= len(line) || line[end] != ':' {
		return "", "", false
	}
	return line[1:end], line[end+1:], true
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// repeatable are the MT103 fields that may appear more than once.
var repeatable = map[string]bool{"13C": true, "23E": true, "71F": true}

// required are the mandatory MT103 fields, by tag or by tag without its option letter.
var required = []string{"20", "23B", "32A", "50", "59", "71A"}

// readFields maps the fields of block 4 onto the payment.
func readFields(p *corridor.Payment, fields []field) error {
	seen := map[string]bool{}
	for _, f := range fields {
		base := f.tag[:2]
		key := f.tag
		if base == "50" || base == "59" || (base >= "51" && base <= "57") {
			key = base // one option of a party field only: 50K and 50F together are two debtors
		}
		if seen[key] && !repeatable[f.tag] {
			return fmt.Errorf("line %d: field %s: appears twice", f.line, f.tag)
		}
		seen[key] = true
		if err := readField(p, f); err != nil {
			return fmt.Errorf("line %d: field %s: %w", f.line, f.tag, err)
		}
	}
	for _, tag := range required {
		if !seen[tag] {
			return fmt.Errorf("no field %s: an MT103 must have it", tagName(tag))
		}
	}
	return nil
}

func tagName(tag string) string {
	switch tag {
	case "50":
		return "50a (ordering customer)"
	case "59":
		return "59a (beneficiary customer)"
	}
	return tag
}

// roleOf maps the party fields to roles.
var roleOf = map[string]corridor.Role{
	"50": corridor.RoleDebtor, "51": corridor.RoleInstructingAgent, "52": corridor.RoleDebtorAgent,
	"53": corridor.RoleSendersCorrespondent, "54": corridor.RoleReceiversCorrespondent,
	"55": corridor.RoleIntermediaryAgent, "56": corridor.RoleIntermediaryAgent,
	"57": corridor.RoleCreditorAgent, "59": corridor.RoleCreditor,
}

// options are the options each party field may take.
var options = map[string]string{
	"50": "AFK", "51": "A", "52": "AD", "53": "ABD", "54": "ABD", "55": "ABD", "56": "ACD", "57": "ABCD", "59": "_AF",
}

func readField(p *corridor.Payment, f field) error {
	if role, ok := roleOf[f.tag[:2]]; ok {
		option := "_"
		if len(f.tag) == 3 {
			option = f.tag[2:]
		}
		if !strings.Contains(options[f.tag[:2]], option) {
			return fmt.Errorf("option %q is not an option of field %sa", strings.Trim(option, "_"), f.tag[:2])
		}
		party, err := readParty(option, f.lines)
		if err != nil {
			return err
		}
		party.Role, party.Where = role, f.where()
		p.Parties = append(p.Parties, party)
		return nil
	}
	value := f.lines[0]
	switch f.tag {
	case "20":
		if value == "" || len(f.lines) > 1 || len(value) > 16 {
			return fmt.Errorf("reference %q: want one line of 1 to 16 characters", clip(value))
		}
		p.MessageID, p.InstructionID = value, value
	case "23B":
		switch value {
		case "CRED", "CRTS", "SPAY", "SPRI", "SSTD":
		default:
			return fmt.Errorf("bank operation code %q: want CRED, CRTS, SPAY, SPRI or SSTD", value)
		}
	case "32A":
		date, amount, err := dateAmount(value)
		if err != nil {
			return err
		}
		p.ValueDate, p.Amount = date, amount
	case "33B":
		amount, err := currencyAmount(value)
		if err != nil {
			return err
		}
		p.InstructedAmount = amount
	case "71A":
		bearer, ok := map[string]string{"OUR": "DEBT", "BEN": "CRED", "SHA": "SHAR"}[value]
		if !ok {
			return fmt.Errorf("details of charges %q: want OUR, BEN or SHA", value)
		}
		p.ChargeBearer = bearer
	case "70", "77T":
		p.RemittanceInfo = append(p.RemittanceInfo, corridor.Text{Text: strings.Join(f.lines, "\n"), Where: f.where()})
	case "72":
		p.Instructions = append(p.Instructions, corridor.Text{Text: strings.Join(f.lines, "\n"), Where: f.where()})
		p.Parties = append(p.Parties, instructingInstitutions(f)...)
	case "23E", "26T", "77B":
		p.Instructions = append(p.Instructions, corridor.Text{Text: strings.Join(f.lines, "\n"), Where: f.where()})
	case "13C", "36", "71F", "71G":
		// Time indications, exchange rate and charges: nothing to screen.
	default:
		return fmt.Errorf("not a field of an MT103")
	}
	return nil
}

// instructingInstitutions returns the institutions field 72 names with the code word /INS/
// (the instructing institution, when not the sender).
func instructingInstitutions(f field) []corridor.Party {
	var out []corridor.Party
	for _, line := range f.lines {
		if rest, ok := strings.CutPrefix(line, "/INS/"); ok {
			party := corridor.Party{Role: corridor.RolePreviousInstructingAgent, Where: f.where() + " /INS/"}
			if bic := strings.TrimSpace(rest); isBIC(bic) {
				party.BIC = bic
			} else {
				party.Name = bic
			}
			if party.BIC != "" || party.Name != "" {
				out = append(out, party)
			}
		}
	}
	return out
}
