package ofac

import (
	"slices"
	"strings"

	"github.com/corridor-aml/corridor"
)

// idLabels are the identifier labels OFAC writes in remarks, "LABEL NUMBER (Country) issued
// DATE expires DATE", with the kind each maps to. The label is kept as Identifier.Type.
var idLabels = map[string]corridor.IdentifierKind{
	// Passports and travel documents.
	"Passport":                           corridor.IDPassport,
	"Diplomatic Passport":                corridor.IDPassport,
	"Passport Booklet:":                  corridor.IDPassport,
	"Travel Document Number":             corridor.IDPassport,
	"Stateless Person Passport":          corridor.IDPassport,
	"British National Overseas Passport": corridor.IDPassport,

	// Personal identity numbers.
	"National ID No.":                       corridor.IDNationalID,
	"National Foreign ID Number":            corridor.IDNationalID,
	"Personal ID Card":                      corridor.IDNationalID,
	"Identification Number":                 corridor.IDNationalID,
	"Cedula No.":                            corridor.IDNationalID,
	"C.U.R.P.":                              corridor.IDNationalID,
	"C.U.R.P. #":                            corridor.IDNationalID,
	"CURP #":                                corridor.IDNationalID,
	"D.N.I.":                                corridor.IDNationalID,
	"C.U.I.":                                corridor.IDNationalID,
	"SSN":                                   corridor.IDNationalID,
	"Kenyan ID No.":                         corridor.IDNationalID,
	"Turkish Identification Number":         corridor.IDNationalID,
	"Citizen's Card Number":                 corridor.IDNationalID,
	"Numero de Identidad":                   corridor.IDNationalID,
	"Bosnian Personal ID No.":               corridor.IDNationalID,
	"Moroccan Personal ID No.":              corridor.IDNationalID,
	"Tazkira National ID Card":              corridor.IDNationalID,
	"Stateless Person ID Card":              corridor.IDNationalID,
	"Refugee ID Card":                       corridor.IDNationalID,
	"Residency Number":                      corridor.IDNationalID,
	"Credencial electoral":                  corridor.IDNationalID,
	"Electoral Registry No.":                corridor.IDNationalID,
	"Birth Certificate Number":              corridor.IDNationalID,
	"Cartilla de Servicio Militar Nacional": corridor.IDNationalID,
	"I.F.E.":                                corridor.IDNationalID,
	"C.U.I.P.":                              corridor.IDNationalID,

	// Tax numbers.
	"Tax ID No.":          corridor.IDTax,
	"R.F.C.":              corridor.IDTax,
	"R.F.C. #":            corridor.IDTax,
	"RFC":                 corridor.IDTax,
	"NIT #":               corridor.IDTax,
	"RUC #":               corridor.IDTax,
	"RIF #":               corridor.IDTax,
	"RTN":                 corridor.IDTax,
	"C.U.I.T.":            corridor.IDTax,
	"C.U.I.L.":            corridor.IDTax,
	"V.A.T. Number":       corridor.IDTax,
	"US FEIN":             corridor.IDTax,
	"Italian Fiscal Code": corridor.IDTax,

	// Company and registration numbers.
	"Registration Number":                           corridor.IDRegistration,
	"Registration ID":                               corridor.IDRegistration,
	"Business Registration Number":                  corridor.IDRegistration,
	"Business Registration Document #":              corridor.IDRegistration,
	"Business Number":                               corridor.IDRegistration,
	"Company Number":                                corridor.IDRegistration,
	"UK Company Number":                             corridor.IDRegistration,
	"Commercial Registry Number":                    corridor.IDRegistration,
	"Matricula Mercantil No":                        corridor.IDRegistration,
	"Folio Mercantil No.":                           corridor.IDRegistration,
	"Public Registration Number":                    corridor.IDRegistration,
	"Government Gazette Number":                     corridor.IDRegistration,
	"Legal Entity Number":                           corridor.IDRegistration,
	"LE Number":                                     corridor.IDRegistration,
	"C.R. No.":                                      corridor.IDRegistration,
	"Trade License No.":                             corridor.IDRegistration,
	"License":                                       corridor.IDRegistration,
	"Permit Number":                                 corridor.IDRegistration,
	"Chamber of Commerce Number":                    corridor.IDRegistration,
	"Istanbul Chamber of Comm. No.":                 corridor.IDRegistration,
	"Dubai Chamber of Commerce Membership No.":      corridor.IDRegistration,
	"Economic Register Number (CBLS)":               corridor.IDRegistration,
	"Certificate of Incorporation Number":           corridor.IDRegistration,
	"Central Registration System Number":            corridor.IDRegistration,
	"Enterprise Number":                             corridor.IDRegistration,
	"Branch Unit Number":                            corridor.IDRegistration,
	"Registered Charity No.":                        corridor.IDRegistration,
	"Unified Social Credit Code (USCC)":             corridor.IDRegistration,
	"United Social Credit Code Certificate (USCCC)": corridor.IDRegistration,
	"D-U-N-S Number":                                corridor.IDRegistration,
	"File Number":                                   corridor.IDRegistration,
	"Organization Code":                             corridor.IDRegistration,
	"SRE Permit No.":                                corridor.IDRegistration,
	"Tourism License No.":                           corridor.IDRegistration,
	"MSB Registration Number":                       corridor.IDRegistration,
	"Afghan Money Service Provider License Number":  corridor.IDRegistration,
	"Registration Certificate Number (Dubai)":       corridor.IDRegistration,
	"Romanian C.R.":                                 corridor.IDRegistration,
	"C.I.N.":                                        corridor.IDRegistration,
	"Russian State Individual Business Registration Number Pattern (OGRNIP)": corridor.IDRegistration,

	// Vessels and aircraft.
	"Vessel Registration Identification":          corridor.IDIMO,
	"Identification Number IMO":                   corridor.IDIMO,
	"Company Number IMO":                          corridor.IDIMO,
	"MMSI":                                        corridor.IDOther,
	"Other Vessel Call Sign":                      corridor.IDCallSign,
	"Aircraft Tail Number":                        corridor.IDAircraftTail,
	"Previous Aircraft Tail Number":               corridor.IDAircraftTail,
	"Aircraft Manufacturer's Serial Number (MSN)": corridor.IDMSN,
	"Aircraft Construction Number (also called L/N or S/N or F/N)": corridor.IDOther,
	"Aircraft Mode S Transponder Code":                             corridor.IDOther,

	// Banks and securities.
	"SWIFT/BIC":     corridor.IDBIC,
	"BIK (RU)":      corridor.IDOther,
	"ISIN":          corridor.IDOther,
	"Equity Ticker": corridor.IDOther,

	// Other personal documents.
	"Driver's License No.":         corridor.IDOther,
	"VisaNumberID":                 corridor.IDOther,
	"Immigration No.":              corridor.IDOther,
	"Military Registration Number": corridor.IDOther,
	"Pilot License Number":         corridor.IDOther,
	"Trademark number":             corridor.IDOther,
}

// digitalCurrency starts OFAC's crypto addresses: "Digital Currency Address - XBT 1Kuf...".
const digitalCurrency = "Digital Currency Address - "

// idLabelsByWord indexes idLabels by their first word, longest label first, so that
// "Identification Number IMO" wins over "Identification Number".
var idLabelsByWord = func() map[string][]string {
	index := make(map[string][]string)
	for label := range idLabels {
		first, _, _ := strings.Cut(label, " ")
		index[first] = append(index[first], label)
	}
	for _, labels := range index {
		slices.SortFunc(labels, func(a, b string) int { return len(b) - len(a) })
	}
	return index
}()

// addIdentifier maps an identifier item of the remarks.
func addIdentifier(c countryCache, e *corridor.Entity, item string) bool {
	if rest, ok := strings.CutPrefix(item, digitalCurrency); ok {
		currency, address, ok := strings.Cut(rest, " ")
		address = trimPeriod(address)
		if !ok || currency == "" || address == "" {
			return false
		}
		e.Identifiers = append(e.Identifiers, corridor.Identifier{
			Kind: corridor.IDCrypto, Type: digitalCurrency + currency, Number: address,
		})
		return true
	}
	first, _, _ := strings.Cut(item, " ")
	for _, label := range idLabelsByWord[first] {
		rest, ok := strings.CutPrefix(item, label+" ")
		if !ok {
			continue
		}
		id := corridor.Identifier{Kind: idLabels[label], Type: label}
		id.Number, id.Country, id.Note = splitIDValue(c, rest)
		if id.Kind == corridor.IDIMO {
			id.Number = strings.TrimSpace(strings.TrimPrefix(id.Number, "IMO"))
		}
		if id.Number == "" {
			return false
		}
		e.Identifiers = append(e.Identifiers, id)
		return true
	}
	return false
}

// splitIDValue reads "C284181 (Saudi Arabia) issued 12 Aug 2000 expires 19 Jun 2005": the
// number, the ISO code of the country in the last parentheses, and the rest as a note
// ("issued ... expires ...", or a parenthesis that is not a country, such as a city).
func splitIDValue(c countryCache, v string) (number, code, note string) {
	v = trimPeriod(v)
	if i := firstIndex(v, " issued ", " expires "); i >= 0 {
		note = strings.TrimSpace(v[i:])
		v = strings.TrimSpace(v[:i])
	}
	for strings.HasSuffix(v, ")") {
		open := strings.LastIndex(v, " (")
		if open < 0 {
			break
		}
		inner := v[open+2 : len(v)-1]
		v = strings.TrimSpace(v[:open])
		if cc, ok := c.code(inner); ok && code == "" {
			code = cc
			continue
		}
		note = joinNonEmpty(" ", "("+inner+")", note)
	}
	return strings.TrimSuffix(v, ","), code, note
}

// firstIndex returns the index of the first of the substrings found in s, or -1.
func firstIndex(s string, subs ...string) int {
	first := -1
	for _, sub := range subs {
		if i := strings.Index(s, sub); i >= 0 && (first < 0 || i < first) {
			first = i
		}
	}
	return first
}
