package ftm

import (
	"fmt"
	"slices"
	"strings"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/country"
)

// folder folds the entities related to one party into its corridor.Entity. A related
// entity arrives nested inside a property value (targets.nested.json), or by ID: the party
// names it (addressEntity) or it names the party (Sanction:entity, Passport:holder,
// Ownership:asset) in entities.ftm.json. Either way it is handled by its schema, not by the
// property it came through, so both forms give the same entity.
type folder struct {
	*parser
	self  *entity
	ent   *corridor.Entity
	notes *remarks
	seen  map[string]bool // related entity IDs already folded, and the party's own

	listed, started []string // Sanction listingDate and startDate values, as YYYY[-MM[-DD]]
	owners          []string // a vessel's or aircraft's owners
}

// related is an entity reached from the party, with the line it sits on in the flat form
// (0 when nested) for error messages.
type related struct {
	e    *entity
	line int
}

func (r related) String() string {
	if r.line > 0 {
		return fmt.Sprintf("%s %s (line %d)", r.e.Schema, r.e.ID, r.line)
	}
	return fmt.Sprintf("nested %s %s", r.e.Schema, r.e.ID)
}

func (f *folder) fold() error {
	for _, prop := range sortedProps(f.self) {
		for _, v := range f.self.Properties[prop] {
			if r, ok := f.resolve(v); ok {
				if err := f.visit(prop, r); err != nil {
					return err
				}
			}
		}
	}
	for _, idx := range f.graph.inbound[f.self.ID] {
		rec := &f.graph.records[idx]
		if err := f.visit("", related{rec.e, rec.line}); err != nil {
			return err
		}
	}
	f.finishListing()
	if f.ent.Vessel != nil && len(f.owners) > 0 {
		f.ent.Vessel.Owner = strings.Join(f.owners, "; ")
	}
	return nil
}

// sortedProps returns the entity's property names in a fixed order, so that programs,
// addresses and links come out the same on every run.
func sortedProps(e *entity) []string {
	props := make([]string, 0, len(e.Properties))
	for prop := range e.Properties {
		props = append(props, prop)
	}
	slices.Sort(props)
	return props
}

// resolve returns the entity a property value stands for: the nested entity itself, or the
// entity of that ID when the property is entity-typed. An ID the file does not hold (a
// reference into another dataset) resolves to nothing.
func (f *folder) resolve(v value) (related, bool) {
	if v.entity != nil {
		return related{e: v.entity}, true
	}
	return f.lookup(v.text)
}

func (f *folder) lookup(id string) (related, bool) {
	idx, ok := f.graph.byID[id]
	if !ok {
		return related{}, false
	}
	rec := &f.graph.records[idx]
	return related{rec.e, rec.line}, true
}

// visit folds one related entity; via is the property of the party it came through.
func (f *folder) visit(via string, r related) error {
	if f.seen[r.e.ID] {
		return nil
	}
	f.seen[r.e.ID] = true
	schema := r.e.Schema
	switch {
	case schema == "Sanction":
		if err := f.sanction(r.e); err != nil {
			return fmt.Errorf("%v: %w", r, err)
		}
	case schema == "Identification" || schema == "Passport":
		f.identification(r.e)
	case schema == "CryptoWallet":
		f.wallet(r.e)
	case schema == "Address":
		f.address(r.e)
	case relationSchemas[schema]:
		f.relation(r.e)
	case partySchemas[schema] != "":
		f.link(r.e, via == "owner")
	}
	return nil
}

func (f *folder) sanction(s *entity) error {
	programs := s.texts("program")
	if len(programs) == 0 {
		programs = s.texts("programId")
	}
	if len(programs) == 0 {
		programs = s.texts("authority")
	}
	for _, p := range programs {
		f.ent.Programs = appendUnique(f.ent.Programs, p)
	}
	for _, prop := range []string{"listingDate", "startDate"} {
		for _, v := range s.texts(prop) {
			d, err := shortDate(v)
			if err != nil {
				return fmt.Errorf("%s: %w", prop, err)
			}
			if prop == "listingDate" {
				f.listed = append(f.listed, d)
			} else {
				f.started = append(f.started, d)
			}
		}
	}
	return nil
}

// finishListing takes the earliest listing date, or failing any the earliest start date:
// the party has been listed since its first designation.
func (f *folder) finishListing() {
	dates := f.listed
	if len(dates) == 0 {
		dates = f.started
	}
	if len(dates) > 0 {
		f.ent.ListedOn = slices.Min(dates)
	}
}

func (f *folder) identification(doc *entity) {
	kind := corridor.IDPassport
	label := doc.first("type")
	if doc.Schema != "Passport" {
		kind = identificationKind(label)
	}
	if label == "" {
		label = doc.Schema
	}
	code := ""
	if c := doc.first("country"); c != "" {
		if iso, ok := countryCode(c); ok {
			code = iso
		} else {
			f.notes.unmappedCountry("identification country", c)
		}
	}
	numbers := doc.texts("number")
	numbers = append(numbers, doc.texts("passportNumber")...)
	for _, n := range numbers {
		f.ent.Identifiers = addIdentifier(f.ent.Identifiers, corridor.Identifier{
			Kind: kind, Type: label, Number: n, Country: code, Note: identificationNote(doc)})
	}
}

// identificationKind tells the kind of an Identification from its free-text type.
func identificationKind(label string) corridor.IdentifierKind {
	l := strings.ToLower(label)
	switch {
	case strings.Contains(l, "passport"):
		return corridor.IDPassport
	case strings.Contains(l, "tax") || strings.Contains(l, "inn") || strings.Contains(l, "tin") || strings.Contains(l, "vat"):
		return corridor.IDTax
	case strings.Contains(l, "registration") || strings.Contains(l, "ogrn") || strings.Contains(l, "company"):
		return corridor.IDRegistration
	case strings.Contains(l, "national") || strings.Contains(l, "identity") || strings.Contains(l, "id card") ||
		strings.Contains(l, "social security") || strings.Contains(l, "personal"):
		return corridor.IDNationalID
	}
	return corridor.IDOther
}

func identificationNote(doc *entity) string {
	var parts []string
	if a := doc.first("authority"); a != "" {
		parts = append(parts, "issued by "+a)
	}
	if d := doc.first("startDate"); d != "" {
		parts = append(parts, "from "+d)
	}
	if d := doc.first("endDate"); d != "" {
		parts = append(parts, "until "+d)
	}
	return strings.Join(parts, ", ")
}

func (f *folder) wallet(w *entity) {
	label := "Crypto wallet"
	currency := w.first("currencySymbol")
	if currency == "" {
		currency = w.first("currency")
	}
	if currency != "" {
		label += " " + currency
	}
	for _, key := range w.texts("publicKey") {
		f.ent.Identifiers = addIdentifier(f.ent.Identifiers, corridor.Identifier{Kind: corridor.IDCrypto, Type: label, Number: key})
	}
}

func (f *folder) address(a *entity) {
	addr := corridor.Address{
		Street:     joinNonEmpty(", ", a.first("street"), a.first("street2")),
		City:       a.first("city"),
		Region:     a.first("region"),
		PostalCode: a.first("postalCode"),
		Text:       a.first("full"),
	}
	if addr.Region == "" {
		addr.Region = a.first("state")
	}
	if c := a.first("country"); c != "" {
		if code, ok := countryCode(c); ok {
			addr.Country = code
		} else {
			f.notes.unmappedCountry("address country", c)
		}
	}
	if addr.Text == "" {
		addr.Text = joinNonEmpty(", ", addr.Street, a.first("postOfficeBox"),
			joinNonEmpty(" ", addr.PostalCode, addr.City), addr.Region, country.Name(addr.Country))
	}
	if addr.Text == "" {
		return
	}
	f.ent.Addresses = addAddress(f.ent.Addresses, addr)
}

// relation links the party to every other party of an Ownership, Family, Directorship ...
func (f *folder) relation(rel *entity) {
	for _, prop := range sortedProps(rel) {
		if !refProps[prop] {
			continue
		}
		for _, v := range rel.Properties[prop] {
			other, ok := f.resolve(v)
			if !ok || other.e.ID == f.self.ID || partySchemas[other.e.Schema] == "" {
				continue
			}
			f.link(other.e, rel.Schema == "Ownership" && prop == "owner")
		}
	}
}

// link ties the party to another by name; the ID is kept only if that party ends up in the
// snapshot (see resolveLinks). owner says the other party owns this one.
func (f *folder) link(other *entity, owner bool) {
	name := other.displayName()
	if name == "" {
		return
	}
	id := corridor.EntityID(f.list, other.ID)
	if owner {
		f.owners = appendUnique(f.owners, name)
	}
	for _, l := range f.ent.Links {
		if l.EntityID == id {
			return
		}
	}
	f.ent.Links = append(f.ent.Links, corridor.Link{Name: name, EntityID: id})
}

func joinNonEmpty(sep string, parts ...string) string {
	kept := parts[:0:0]
	for _, p := range parts {
		if p != "" {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, sep)
}
