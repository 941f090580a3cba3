package corridor

import (
	"fmt"
	"strings"
)

// Payment is one credit transfer, as every payment reader maps it: one transaction of an
// ISO 20022 message, one MT103, or one payment of corridor's JSON form. Screening takes its
// parties one by one, each with its role, and its free text.
type Payment struct {
	Format        string // the message type read: "pacs.008.001.08", "pain.001.001.03", "MT103", "json"
	MessageID     string // GrpHdr/MsgId, or the MT103's field 20
	PaymentInfoID string // pain.001 PmtInf/PmtInfId; empty for other formats
	InstructionID string // PmtId/InstrId, or the MT103's field 20
	EndToEndID    string // PmtId/EndToEndId
	UETR          string // the unique end-to-end transaction reference (MT block 3 field 121)
	Index         int    // the transaction's place in its message, from 1

	Amount           Amount // interbank settlement amount (pacs.008, MT103 32A) or instructed amount (pain.001)
	InstructedAmount Amount // the amount the debtor instructed, when given apart (MT103 33B, pacs.008 InstdAmt)
	ValueDate        string // YYYY-MM-DD: settlement date, requested execution date or MT103 32A's date

	PurposeCode         string // ISO 20022 ExternalPurpose1Code (Purp/Cd), e.g. "SALA", "CHAR"
	CategoryPurposeCode string // CtgyPurp/Cd, e.g. "SALA", "SUPP"
	ChargeBearer        string // DEBT, CRED, SHAR, SLEV; MT103 71A (OUR, BEN, SHA)

	Parties []Party

	// Free text, each piece with where it was found: remittance information (MT103 70,
	// RmtInf/Ustrd) and instructions between the banks (MT103 72, InstrForNxtAgt, InstrForCdtrAgt).
	RemittanceInfo []Text
	Instructions   []Text
}

// Amount is a sum of money as the message wrote it, in a canonical decimal form.
type Amount struct {
	Value    string // digits with at most one "." and no sign, as CanonicalAmount writes them: "15669.38"; empty when absent
	Currency string // ISO 4217, upper case
}

// CanonicalAmount writes the whole and fractional digits of an amount the one way every
// reader does: no leading zeros, no trailing fractional zeros ("0015669", "380" is
// "15669.38"; "5000", "00" is "5000"), so that one sum read from pacs.008 and from MT103
// compares equal. Both parts must be digits only; the caller checks them.
func CanonicalAmount(whole, frac string) string {
	if whole = strings.TrimLeft(whole, "0"); whole == "" {
		whole = "0"
	}
	if frac = strings.TrimRight(frac, "0"); frac != "" {
		return whole + "." + frac
	}
	return whole
}

// IsZero reports whether no amount was given.
func (a Amount) IsZero() bool { return a.Value == "" && a.Currency == "" }

func (a Amount) String() string {
	if a.IsZero() {
		return ""
	}
	return a.Currency + " " + a.Value
}

// Role is what a party does in a payment.
type Role string

// The roles of ISO 20022, which cover MT103's fields: 50a is the debtor, 59a the creditor,
// 52a the debtor agent, 57a the creditor agent, 56a an intermediary agent, 53a and 54a the
// sender's and receiver's correspondents.
const (
	RoleDebtor                   Role = "debtor"
	RoleUltimateDebtor           Role = "ultimate_debtor"
	RoleInitiatingParty          Role = "initiating_party"
	RoleCreditor                 Role = "creditor"
	RoleUltimateCreditor         Role = "ultimate_creditor"
	RoleDebtorAgent              Role = "debtor_agent"
	RoleCreditorAgent            Role = "creditor_agent"
	RoleIntermediaryAgent        Role = "intermediary_agent"
	RoleInstructingAgent         Role = "instructing_agent"
	RoleInstructedAgent          Role = "instructed_agent"
	RolePreviousInstructingAgent Role = "previous_instructing_agent"
	RoleSendersCorrespondent     Role = "senders_correspondent"
	RoleReceiversCorrespondent   Role = "receivers_correspondent"
	RoleSender                   Role = "sender"   // the MT message's sending institution (block 1 or 2)
	RoleReceiver                 Role = "receiver" // the MT message's receiving institution
)

// Roles lists every role, for validation and documentation.
var Roles = []Role{
	RoleDebtor, RoleUltimateDebtor, RoleInitiatingParty, RoleCreditor, RoleUltimateCreditor,
	RoleDebtorAgent, RoleCreditorAgent, RoleIntermediaryAgent, RoleInstructingAgent,
	RoleInstructedAgent, RolePreviousInstructingAgent, RoleSendersCorrespondent,
	RoleReceiversCorrespondent, RoleSender, RoleReceiver,
}

// IsAgent reports whether the role is played by a financial institution.
func (r Role) IsAgent() bool {
	switch r {
	case RoleDebtor, RoleUltimateDebtor, RoleInitiatingParty, RoleCreditor, RoleUltimateCreditor:
		return false
	}
	return true
}

// Party is a person, organization or financial institution named in a payment.
type Party struct {
	Role Role
	Name string // as written; for an MT party given only by account and address lines, the first line

	Address            []string // address lines as written, or the structured address as lines
	Country            string   // ISO 3166-1 alpha-2: the address's country (PstlAdr/Ctry, MT 50F/59F line 3)
	CountryOfResidence string   // ISO 3166-1 alpha-2 (CtryOfRes)
	BirthDate          string   // YYYY-MM-DD (PrvtId/DtAndPlcOfBirth/BirthDt, MT 50F line 4)
	BirthPlace         string   // city and country of birth as written

	BIC         string       // BICFI or AnyBIC, upper case
	Account     string       // IBAN or other account number, as written
	Identifiers []Identifier // LEI, national ID, passport, customer number ... (Type says which)

	Where string // where in the message the party is: an XML path or an MT field tag
}

// Text is a piece of free text of a payment, with where it was found.
type Text struct {
	Text  string
	Where string
}

// Validate checks what every reader promises of a payment: a known role for each party, a
// name, a BIC, an account or an identifier for each (an agent known only by its clearing
// system member ID, a party known only by its LEI), and well-formed amounts. It names the
// first fault.
func (p *Payment) Validate() error {
	for _, a := range []struct {
		name string
		amt  Amount
	}{{"amount", p.Amount}, {"instructed amount", p.InstructedAmount}} {
		if a.amt.IsZero() {
			continue
		}
		if err := a.amt.Validate(); err != nil {
			return fmt.Errorf("%s: %w", a.name, err)
		}
	}
	for i, party := range p.Parties {
		if !isRole(party.Role) {
			return fmt.Errorf("party %d: unknown role %q", i+1, party.Role)
		}
		if strings.TrimSpace(party.Name) == "" && party.BIC == "" && party.Account == "" && len(party.Identifiers) == 0 {
			return fmt.Errorf("party %d (%s at %s): no name, BIC, account or identifier", i+1, party.Role, party.Where)
		}
	}
	return nil
}

// Validate checks an amount's form: a decimal of digits with at most one point, and a
// three-letter currency code.
func (a Amount) Validate() error {
	if len(a.Currency) != 3 || strings.ToUpper(a.Currency) != a.Currency || !isLetters(a.Currency) {
		return fmt.Errorf("currency %q: want a three-letter ISO 4217 code", a.Currency)
	}
	digits, point := 0, 0
	for _, c := range a.Value {
		switch {
		case c >= '0' && c <= '9':
			digits++
		case c == '.':
			point++
		default:
			return fmt.Errorf("value %q: want digits with at most one decimal point", a.Value)
		}
	}
	if digits == 0 || point > 1 {
		return fmt.Errorf("value %q: want digits with at most one decimal point", a.Value)
	}
	return nil
}

func isRole(r Role) bool {
	for _, known := range Roles {
		if r == known {
			return true
		}
	}
	return false
}

func isLetters(s string) bool {
	for _, c := range s {
		if c < 'A' || c > 'Z' {
			return false
		}
	}
	return true
}
