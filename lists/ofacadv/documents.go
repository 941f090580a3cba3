package ofacadv

import (
	"strings"

	"github.com/corridor-aml/corridor"
)

// document maps an IDRegDocument to an identifier. Its dates, issuing authority, place of
// issue and a validity other than "Valid" go into the note.
func (p *parser) document(b *built, doc *xmlIDRegDocument) error {
	docType, err := p.refs.docTypes.get(doc.TypeID)
	if err != nil {
		return err
	}
	number := clean(doc.Number)
	var notes []string
	if c := clean(doc.Comment); c != "" && c != number {
		notes = append(notes, c)
	}
	for _, d := range doc.Dates {
		dateType, err := p.refs.docDateTypes.get(d.TypeID)
		if err != nil {
			return err
		}
		date, err := periodDate(d.Period)
		if err != nil {
			return err
		}
		notes = append(notes, dateType+" "+date.Text)
	}
	if a := clean(doc.Authority); a != "" {
		notes = append(notes, "issued by "+a)
	}
	if doc.IssuedInLocation != "" {
		loc, err := p.location(doc.IssuedInLocation)
		if err != nil {
			return err
		}
		if loc.text != "" {
			notes = append(notes, "issued in "+loc.text)
		}
	}
	if doc.ValidityID != "" {
		validity, err := p.refs.validities.get(doc.ValidityID)
		if err != nil {
			return err
		}
		if !strings.EqualFold(validity, "Valid") {
			notes = append(notes, validity)
		}
	}
	var code string
	if doc.IssuedByCountryID != "" {
		cc, name, err := p.refs.country(doc.IssuedByCountryID)
		if err != nil {
			return err
		}
		code = cc
		if code == "" && name != "" && !strings.EqualFold(name, "undetermined") {
			notes = append(notes, "country "+name)
		}
	}
	if number == "" {
		b.remark(docType, strings.Join(notes, "; "))
		return nil
	}
	b.Identifiers = append(b.Identifiers, corridor.Identifier{
		Kind:    documentKind(docType, number),
		Type:    docType,
		Number:  number,
		Country: code,
		Note:    strings.Join(notes, "; "),
	})
	return nil
}

// documentKinds sorts OFAC's IDRegDocType labels by the words in them; the first rule that
// matches wins, so the specific ones come first. A label no rule knows is IDOther.
var documentKinds = []struct {
	kind  corridor.IdentifierKind
	words []string
}{
	{corridor.IDIMO, []string{"vessel registration identification"}},
	{corridor.IDOther, []string{"driver", "pilot", "military", "visa", "mmsi", "c.u.i.p."}},
	{corridor.IDMSN, []string{"aircraft serial identification"}},
	{corridor.IDPassport, []string{"passport", "travel document"}},
	{corridor.IDTax, []string{"tax", "fiscal", "fein", "v.a.t.", "nit #", "r.f.c.", "rfc", "c.i.f.", "c.u.i.t.",
		"ruc #", "rif #", "n.i.f.", "rtn", "nuit", "c.u.i."}},
	{corridor.IDNationalID, []string{"national id", "foreign id", "personal id", "identification number", "identity", "cedula",
		"d.n.i.", "ssn", "tazkira", "c.u.r.p.", "citizen's card", "numero de identidad", "tarjeta de identidad",
		"kenyan id", "cnp", "electoral", "uae identification", "federal id", "c.i.n.", "n.i.e.", "credencial electoral",
		"i.f.e.", "residency number", "refugee id", "stateless person id", "seafarer"}},
	{corridor.IDRegistration, []string{"registration", "registry", "register", "company number", "business",
		"incorporation", "trade license", "chamber of comm", "legal entity", "enterprise number", "credit code",
		"ogrn", "gazette", "c.r. no", "romanian c.r.", "mercantil", "entity code", "organization code",
		"registered charity", "le number", "branch unit", "license"}},
}

func documentKind(docType, number string) corridor.IdentifierKind {
	t := strings.ToLower(docType)
	for _, rule := range documentKinds {
		for _, w := range rule.words {
			if strings.Contains(t, w) {
				if rule.kind == corridor.IDIMO && !strings.HasPrefix(strings.ToUpper(number), "IMO") {
					return corridor.IDRegistration
				}
				return rule.kind
			}
		}
	}
	return corridor.IDOther
}
