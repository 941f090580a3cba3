package iso20022

import (
	"fmt"
	"strings"

	"github.com/corridor-aml/corridor"
)

// builder collects one payment's parties and free text, and the first fault met on the way.
type builder struct {
	pay *corridor.Payment
	err error
}

func (b *builder) fault(line int, path string, err error) {
	if b.err == nil {
		b.err = &Error{Line: line, Path: path, Err: err}
	}
}

// party adds a debtor, creditor or other non-agent party, with its account when it has one.
func (b *builder) party(role corridor.Role, where string, x *xmlParty, acct *xmlAccount, acctWhere string) {
	if x == nil && acct == nil {
		return
	}
	p := corridor.Party{Role: role, Where: where}
	line := 0
	if x == nil {
		p.Where = acctWhere // an account without its holder: still a party to screen
	} else {
		line = x.line
		p.Name = clean(x.Nm)
		b.address(&p, where+"/PstlAdr", x.PstlAdr)
		p.CountryOfResidence = b.country(where+"/CtryOfRes", x.CtryOfRes)
		if x.Id != nil {
			b.partyID(&p, where+"/Id", x.Id)
		}
	}
	p.Account = account(acct)
	b.add(p, line)
}

// agent adds a financial institution, with its account when it has one.
func (b *builder) agent(role corridor.Role, where string, x *xmlAgent, acct *xmlAccount) {
	if x == nil {
		return
	}
	fi := &x.FinInstnId
	at := where + "/FinInstnId"
	p := corridor.Party{Role: role, Where: where, Name: clean(fi.Nm), Account: account(acct)}
	switch {
	case fi.BICFI.set:
		p.BIC = b.bic(at+"/BICFI", fi.BICFI)
	case fi.BIC.set:
		p.BIC = b.bic(at+"/BIC", fi.BIC)
	}
	b.address(&p, at+"/PstlAdr", fi.PstlAdr)
	if c := fi.ClrSysMmbId; c != nil && strings.TrimSpace(c.MmbId) != "" {
		typ := "ClrSysMmbId"
		if sys := firstOf(c.ClrSysId.Cd, c.ClrSysId.Prtry); sys != "" {
			typ += "/" + sys
		}
		p.Identifiers = append(p.Identifiers, corridor.Identifier{Kind: corridor.IDOther, Type: typ, Number: clean(c.MmbId)})
	}
	if lei := clean(fi.LEI); lei != "" {
		p.Identifiers = append(p.Identifiers, corridor.Identifier{Kind: corridor.IDRegistration, Type: "LEI", Number: lei})
	}
	if fi.Othr != nil {
		if id, ok := other(*fi.Othr, nil); ok {
			p.Identifiers = append(p.Identifiers, id)
		}
	}
	b.add(p, x.line)
}

// add keeps a party that screening can use. One with nothing to match on (no name, BIC,
// account or identifier) is refused rather than dropped: its address and country still
// matter to sanctions, and a message that hides them is a message to look at.
func (b *builder) add(p corridor.Party, line int) {
	if p.Name == "" && p.BIC == "" && p.Account == "" && len(p.Identifiers) == 0 {
		b.fault(line, p.Where, fmt.Errorf("no name, BIC, account or identifier"))
		return
	}
	b.pay.Parties = append(b.pay.Parties, p)
}

func (b *builder) bic(where string, t xmlText) string {
	v, err := bic(t.Value)
	if err != nil {
		b.fault(t.line, where, err)
	}
	return v
}

func (b *builder) country(where string, t xmlText) string {
	if !t.set {
		return ""
	}
	v, err := countryCode(t.Value)
	if err != nil {
		b.fault(t.line, where, err)
	}
	return v
}

// address renders a postal address as lines: the structured parts first, in the order a
// letter would carry them, then the AdrLines as written. Ctry goes to Party.Country, not to
// a line. Without Ctry, a CBPR+ line "3/FI/Helsinki" (MT 50F/59F's country-and-town form)
// still gives the country.
func (b *builder) address(p *corridor.Party, where string, a *xmlAddress) {
	if a == nil {
		return
	}
	lines := make([]string, 0, 4+len(a.AdrLine))
	push := func(parts ...string) {
		var kept []string
		for _, s := range parts {
			if s = clean(s); s != "" {
				kept = append(kept, s)
			}
		}
		if len(kept) > 0 {
			lines = append(lines, strings.Join(kept, " "))
		}
	}
	push(a.Dept)
	push(a.SubDept)
	push(a.BldgNm)
	push(a.StrtNm, a.BldgNb)
	push(a.Flr, a.Room)
	push(a.PstBx)
	push(a.PstCd, a.TwnNm)
	push(a.TwnLctnNm)
	push(a.DstrctNm)
	push(a.CtrySubDvsn)
	adrLines, lineCC := numbered(a.AdrLine)
	for _, l := range adrLines {
		push(l)
	}
	if len(lines) > 0 {
		p.Address = lines
	}
	p.Country = b.country(where+"/Ctry", a.Ctry)
	if p.Country == "" {
		p.Country = lineCC
	}
}

// numbered reads address lines written in MT 50F/59F's numbered form, as CBPR+ messages
// translated from MT carry them ("2/High Street", "3/GB/Epping"): the street and the town
// without their numbers, and the country. It does so only when every line is numbered and
// one is a "3/CC" line, so that "2/3 George Street" alone stays as written. It reads them as
// the MT103 reader reads 50F, so that one payment reads alike in both formats.
func numbered(in []string) (lines []string, country string) {
	for _, l := range in {
		l = strings.TrimSpace(l)
		if len(l) < 2 || l[0] < '1' || l[0] > '8' || l[1] != '/' {
			return in, ""
		}
		if country == "" && len(l) >= 4 && l[0] == '3' && allUpper(l[2:4]) && (len(l) == 4 || l[4] == '/') {
			country = l[2:4]
		}
	}
	if country == "" {
		return in, ""
	}
	lines = make([]string, 0, len(in))
	for _, l := range in {
		l = strings.TrimSpace(l)
		switch l[0] {
		case '2':
			lines = append(lines, l[2:])
		case '3':
			if town, ok := strings.CutPrefix(l[2:], country); ok {
				lines = append(lines, strings.TrimPrefix(town, "/"))
			} else {
				lines = append(lines, l) // a second country: keep it as written
			}
		default:
			lines = append(lines, l)
		}
	}
	return lines, country
}

// partyID maps OrgId and PrvtId.
func (b *builder) partyID(p *corridor.Party, where string, id *xmlPartyID) {
	if o := id.OrgId; o != nil {
		switch {
		case o.AnyBIC.set:
			p.BIC = b.bic(where+"/OrgId/AnyBIC", o.AnyBIC)
		case o.BICOrBEI.set:
			p.BIC = b.bic(where+"/OrgId/BICOrBEI", o.BICOrBEI)
		}
		if lei := clean(o.LEI); lei != "" {
			p.Identifiers = append(p.Identifiers, corridor.Identifier{Kind: corridor.IDRegistration, Type: "LEI", Number: lei})
		}
		for _, x := range o.Othr {
			if v, ok := other(x, orgKinds); ok {
				p.Identifiers = append(p.Identifiers, v)
			}
		}
	}
	if pr := id.PrvtId; pr != nil {
		if birth := pr.DtAndPlcOfBirth; birth != nil {
			at := where + "/PrvtId/DtAndPlcOfBirth"
			d, err := birth.BirthDt.date()
			if err != nil {
				b.fault(birth.BirthDt.line, at+"/BirthDt", err)
			}
			p.BirthDate = d
			place := []string{}
			if city := clean(birth.CityOfBirth); city != "" {
				place = append(place, city)
			}
			if cc := b.country(at+"/CtryOfBirth", birth.CtryOfBirth); cc != "" {
				place = append(place, cc)
			}
			p.BirthPlace = strings.Join(place, ", ")
		}
		for _, x := range pr.Othr {
			if v, ok := other(x, personKinds); ok {
				p.Identifiers = append(p.Identifiers, v)
			}
		}
	}
}

// The ISO external code sets of identification schemes, as far as corridor tells them apart.
var (
	orgKinds = map[string]corridor.IdentifierKind{
		"TXID": corridor.IDTax, "DUNS": corridor.IDRegistration, "BDID": corridor.IDRegistration,
		"CHID": corridor.IDRegistration, "GS1G": corridor.IDRegistration, "SREN": corridor.IDRegistration,
		"SRET": corridor.IDRegistration,
	}
	personKinds = map[string]corridor.IdentifierKind{
		"CCPT": corridor.IDPassport, "NIDN": corridor.IDNationalID, "SOSE": corridor.IDNationalID,
		"TXID": corridor.IDTax,
	}
)

// other maps an Othr identification; Type is the scheme's code or proprietary name.
func other(x xmlOther, kinds map[string]corridor.IdentifierKind) (corridor.Identifier, bool) {
	num := clean(x.Id)
	if num == "" {
		return corridor.Identifier{}, false
	}
	code := clean(x.SchmeNm.Cd)
	kind, ok := kinds[code]
	if !ok {
		kind = corridor.IDOther
	}
	id := corridor.Identifier{Kind: kind, Type: firstOf(code, x.SchmeNm.Prtry), Number: num}
	if issuer := clean(x.Issr); issuer != "" {
		id.Note = "issuer: " + issuer
	}
	return id, true
}

// account returns the IBAN, or else the other identification, of an account.
func account(a *xmlAccount) string {
	if a == nil {
		return ""
	}
	return firstOf(a.Id.IBAN, a.Id.Othr.Id)
}

func firstOf(values ...string) string {
	for _, v := range values {
		if v = clean(v); v != "" {
			return v
		}
	}
	return ""
}

// texts adds free text, one Text per non-empty piece.
func texts(list []corridor.Text, where string, pieces ...string) []corridor.Text {
	for _, s := range pieces {
		if s = clean(s); s != "" {
			list = append(list, corridor.Text{Text: s, Where: where})
		}
	}
	return list
}
