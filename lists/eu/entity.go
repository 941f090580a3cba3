package eu

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/lists/internal/readutil"
)

var kinds = map[string]corridor.Kind{
	"person":     corridor.KindPerson,
	"enterprise": corridor.KindOrganization,
	"vessel":     corridor.KindVessel,
	"aircraft":   corridor.KindAircraft,
}

// toEntity maps one sanctionEntity. Facts the model has no field for go to Remarks, one
// labelled line each, so that an analyst still sees them and a list diff still notices them.
func toEntity(rec *xmlEntity) (corridor.Entity, error) {
	id := strings.TrimSpace(rec.LogicalID)
	if id == "" {
		return corridor.Entity{}, errors.New("no logicalId")
	}
	if _, err := strconv.ParseUint(id, 10, 63); err != nil {
		return corridor.Entity{}, fmt.Errorf("logicalId %q is not a number", id)
	}
	e := corridor.Entity{
		ID:       corridor.EntityID(corridor.ListEU, id),
		List:     corridor.ListEU,
		NativeID: id,
		Kind:     corridor.KindUnknown,
	}
	var notes readutil.Remarks
	for _, r := range rec.Remarks {
		notes.Add("", r)
	}
	notes.Add("EU reference", rec.EUReferenceNumber)
	notes.Add("UN reference", rec.UnitedNationID)
	notes.Add("Designation details", rec.DesignationDetails)

	code := strings.ToLower(strings.TrimSpace(rec.SubjectType.Code))
	if kind, ok := kinds[code]; ok {
		e.Kind = kind
	} else {
		notes.Add("Subject type", rec.SubjectType.Code)
	}

	var err error
	if e.Programs, e.ListedOn, err = mapRegulations(rec, &notes); err != nil {
		return e, err
	}
	if e.Names, e.Gender, err = mapNames(rec.NameAliases, &notes); err != nil {
		return e, err
	}
	if len(e.Names) == 0 {
		return e, errors.New("no name")
	}
	if e.BirthDates, e.BirthPlaces, err = mapBirths(rec.BirthDates, &notes); err != nil {
		return e, err
	}
	for _, c := range rec.Citizenships {
		code, ok := countryCode(c.CountryISO2Code, c.CountryDescription)
		switch {
		case ok:
			e.Citizenships = readutil.AppendUnique(e.Citizenships, code)
		case !unknownCountry(c.CountryISO2Code, c.CountryDescription):
			notes.Add("Citizenship", strings.TrimSpace(c.CountryDescription+" "+c.CountryISO2Code))
		}
		notes.Add("Citizenship region", c.Region)
		for _, r := range c.Remarks {
			notes.Add("Citizenship", r)
		}
	}
	for _, a := range rec.Addresses {
		if addr, ok := mapAddress(a, &notes); ok {
			e.Addresses = append(e.Addresses, addr)
		}
	}
	e.Identifiers = mapIdentifications(rec.Identifications)
	e.Remarks = notes.String()
	return e, nil
}

// mapRegulations gives the programmes in the order the file names them and the listing date:
// designationDate, or the earliest regulation in force when the entity has none. The
// regulations in the file are the latest acts touching the entity, often amendments, so that
// fallback can be later than the first listing; no earlier date is known to the file.
func mapRegulations(rec *xmlEntity, notes *readutil.Remarks) (programs []string, listedOn string, err error) {
	if listedOn, err = isoDate("designationDate", rec.DesignationDate); err != nil {
		return nil, "", err
	}
	var earliestAct string
	for _, reg := range rec.Regulations {
		programs = readutil.AppendUnique(programs, strings.TrimSpace(reg.Programme))
		published, err := isoDate("regulation publicationDate", reg.PublicationDate)
		if err != nil {
			return nil, "", err
		}
		inForce, err := isoDate("regulation entryIntoForceDate", reg.EntryIntoForceDate)
		if err != nil {
			return nil, "", err
		}
		date := inForce
		if date == "" {
			date = published
		}
		if date != "" && (earliestAct == "" || date < earliestAct) {
			earliestAct = date
		}
		notes.Add("Regulation", describeRegulation(reg, published, inForce))
	}
	if listedOn == "" {
		listedOn = earliestAct
	}
	return programs, listedOn, nil
}

func describeRegulation(reg xmlRegulation, published, inForce string) string {
	var b strings.Builder
	b.WriteString(strings.TrimSpace(reg.NumberTitle))
	var facts []string
	for _, f := range []string{strings.TrimSpace(reg.Programme), strings.TrimSpace(reg.Type)} {
		if f != "" {
			facts = append(facts, f)
		}
	}
	if published != "" {
		facts = append(facts, "published "+published)
	}
	if inForce != "" {
		facts = append(facts, "in force "+inForce)
	}
	if len(facts) > 0 {
		fmt.Fprintf(&b, " (%s)", strings.Join(facts, ", "))
	}
	if url := strings.TrimSpace(reg.PublicationURL); url != "" {
		b.WriteString(" " + url)
	}
	return strings.TrimSpace(b.String())
}

func mapAddress(a xmlAddress, notes *readutil.Remarks) (corridor.Address, bool) {
	addr := corridor.Address{
		Street:     strings.TrimSpace(a.Street),
		City:       strings.TrimSpace(a.City),
		Region:     strings.TrimSpace(a.Region),
		PostalCode: strings.TrimSpace(a.ZipCode),
	}
	addr.Country, _ = countryCode(a.CountryISO2Code, a.CountryDescription)
	var poBox string
	if box := strings.TrimSpace(a.POBox); box != "" {
		poBox = "P.O. Box " + box
	}
	addr.Text = readutil.JoinNonEmpty(", ", addr.Street, poBox, strings.TrimSpace(a.Place), addr.City,
		addr.PostalCode, addr.Region, countryText(a.CountryDescription))
	label := "Address"
	if addr.Text != "" {
		label = "Address " + addr.Text
	}
	for _, r := range a.Remarks {
		notes.Add(label, r)
	}
	for _, c := range a.ContactInfo {
		notes.Add("Contact "+strings.TrimSpace(c.Key), c.Value)
	}
	return addr, addr.Text != ""
}
