package eu

import (
	"strings"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/lists/internal/readutil"
)

// identifierKinds maps identificationTypeCode, the EU's own code list, to the model's kinds.
// Codes not here (a new one the EU adds) become IDOther with the list's description as Type.
var identifierKinds = map[string]corridor.IdentifierKind{
	"passport":       corridor.IDPassport,
	"id":             corridor.IDNationalID,
	"nrn":            corridor.IDNationalID, // national registration number
	"ssn":            corridor.IDNationalID,
	"nationcert":     corridor.IDNationalID, // certificate of nationality
	"fiscalcode":     corridor.IDTax,
	"regnumber":      corridor.IDRegistration,
	"tradelic":       corridor.IDRegistration,
	"swiftbic":       corridor.IDBIC,
	"imo":            corridor.IDIMO,
	"birthcert":      corridor.IDOther,
	"travelcardid":   corridor.IDOther,
	"electionid":     corridor.IDOther,
	"residentperm":   corridor.IDOther,
	"drivinglicence": corridor.IDOther,
	"other":          corridor.IDOther,
}

// mapIdentifications reads identification documents. A document written in another script
// also has latinNumber; both forms are kept as identifiers so that either matches exactly.
func mapIdentifications(docs []xmlIdentification) []corridor.Identifier {
	var ids []corridor.Identifier
	for _, d := range docs {
		number := strings.TrimSpace(d.Number)
		latin := strings.TrimSpace(d.LatinNumber)
		if number == "" {
			number, latin = latin, ""
		}
		if number == "" {
			continue
		}
		code := strings.ToLower(strings.TrimSpace(d.TypeCode))
		kind, ok := identifierKinds[code]
		if !ok {
			kind = corridor.IDOther
		}
		label := strings.TrimSpace(d.TypeDescription)
		if label == "" {
			label = strings.TrimSpace(d.TypeCode)
		}
		id := corridor.Identifier{Kind: kind, Type: label, Number: number, Note: documentNote(d)}
		id.Country, _ = countryCode(d.CountryISO2Code, d.CountryDescription)
		ids = append(ids, id)
		if latin != "" && latin != number {
			id.Number = latin
			id.Note = readutil.JoinNonEmpty("; ", "Latin form of "+number, id.Note)
			ids = append(ids, id)
		}
	}
	return ids
}

// documentNote keeps what the list says about a document's standing; a number known to be
// false or lost is still screened, but an analyst must see why.
func documentNote(d xmlIdentification) string {
	var facts []string
	for _, flag := range []struct{ value, text string }{
		{d.KnownFalse, "known false"},
		{d.KnownExpired, "known expired"},
		{d.ReportedLost, "reported lost"},
		{d.RevokedByIssuer, "revoked by issuer"},
		{d.Diplomatic, "diplomatic"},
	} {
		if on, err := parseBool("", flag.value, false); err == nil && on {
			facts = append(facts, flag.text)
		}
	}
	for _, f := range []struct{ label, value string }{
		{"issued by", d.IssuedBy},
		{"issued", d.IssueDate},
		{"valid from", d.ValidFrom},
		{"valid to", d.ValidTo},
		{"name on document", d.NameOnDocument},
		{"region", d.Region},
	} {
		if v := strings.TrimSpace(f.value); v != "" {
			facts = append(facts, f.label+" "+v)
		}
	}
	for _, r := range d.Remarks {
		if r = strings.TrimSpace(r); r != "" {
			facts = append(facts, r)
		}
	}
	return strings.Join(facts, "; ")
}
