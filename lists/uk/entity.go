package uk

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/country"
	"github.com/corridor-aml/corridor/lists/internal/readutil"
)

var kinds = map[string]corridor.Kind{
	"individual": corridor.KindPerson,
	"entity":     corridor.KindOrganization,
	"ship":       corridor.KindVessel,
}

// toEntity maps one Designation. Facts the model has no field for go to Remarks, one
// labelled line each, so that an analyst still sees them and a list diff still notices them.
func toEntity(rec *xmlDesignation) (corridor.Entity, error) {
	id, err := uniqueID(rec.UniqueIDs)
	if err != nil {
		return corridor.Entity{}, err
	}
	e := corridor.Entity{
		ID:       corridor.EntityID(corridor.ListUK, id),
		List:     corridor.ListUK,
		NativeID: id,
		Kind:     corridor.KindUnknown,
	}
	var notes readutil.Remarks
	notes.Add("", rec.OtherInformation)
	notes.Add("Statement of reasons", rec.UKStatementOfReasons)
	notes.Add("UN reference", rec.UNReferenceNumber)
	notes.Add("OFSI group ID", rec.OFSIGroupID)
	notes.Add("Designation source", rec.DesignationSource)
	notes.Add("Sanctions imposed", strings.ReplaceAll(strings.TrimSpace(rec.SanctionsImposed), "|", "; "))

	if kind, ok := kinds[strings.ToLower(strings.TrimSpace(rec.IndividualEntityShip))]; ok {
		e.Kind = kind
	} else {
		notes.Add("Type", rec.IndividualEntityShip)
	}
	for _, regime := range rec.RegimeNames {
		e.Programs = readutil.AppendUnique(e.Programs, strings.TrimSpace(regime))
	}
	if e.ListedOn, err = ukDate("DateDesignated", rec.DateDesignated); err != nil {
		return e, err
	}
	lastUpdated, err := ukDate("LastUpdated", rec.LastUpdated)
	if err != nil {
		return e, err
	}
	notes.Add("Last updated", lastUpdated)
	e.Names = mapNames(rec, e.Kind == corridor.KindPerson, &notes)
	if len(e.Names) == 0 {
		return e, errors.New("no name")
	}
	for _, a := range rec.Addresses {
		if addr, ok := mapAddress(a); ok {
			e.Addresses = append(e.Addresses, addr)
		}
	}
	for _, p := range rec.PhoneNumbers {
		notes.Add("Phone", p)
	}
	for _, m := range rec.EmailAddresses {
		notes.Add("Email", m)
	}
	for _, w := range rec.Websites {
		notes.Add("Website", w)
	}
	for _, ind := range rec.Individuals {
		if err := addIndividual(&e, ind, &notes); err != nil {
			return e, err
		}
	}
	for _, ent := range rec.Entities {
		addEntityDetails(&e, ent, &notes)
	}
	for _, ship := range rec.Ships {
		addShip(&e, ship, &notes)
	}
	e.Remarks = notes.String()
	return e, nil
}

// uniqueID returns the record's one UniqueID. IDs become part of stable entity IDs, URLs and
// audit records, so only the characters the FCDO uses (letters, digits, - _ . /) are taken.
func uniqueID(ids []string) (string, error) {
	var id string
	for _, raw := range ids {
		raw = strings.TrimSpace(raw)
		switch {
		case raw == "":
		case id == "":
			id = raw
		case raw != id:
			return "", fmt.Errorf("two UniqueIDs, %q and %q", id, raw)
		}
	}
	if id == "" {
		return "", ErrNoUniqueID
	}
	for _, r := range id {
		if !(r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || strings.ContainsRune("-_./", r)) {
			return "", fmt.Errorf("UniqueID %q has a character other than letters, digits, - _ . /", id)
		}
	}
	return id, nil
}

// mapAddress follows the line roles the FCDO's own export uses (1-4 street and place, 5
// region, 6 city); the list fills them loosely, so Text keeps every line in order.
func mapAddress(a xmlAddress) (corridor.Address, bool) {
	addr := corridor.Address{
		Street: readutil.JoinNonEmpty(", ", strings.TrimSpace(a.Line1), strings.TrimSpace(a.Line2),
			strings.TrimSpace(a.Line3), strings.TrimSpace(a.Line4)),
		Region:     strings.TrimSpace(a.Line5),
		City:       strings.TrimSpace(a.Line6),
		PostalCode: strings.TrimSpace(a.PostalCode),
	}
	countryName := strings.TrimSpace(a.Country)
	addr.Country, _ = country.Code(countryName)
	addr.Text = readutil.JoinNonEmpty(", ", addr.Street, addr.Region, addr.City, addr.PostalCode, countryName)
	return addr, addr.Text != ""
}

// ukDate reads an optional dd/mm/yyyy date and returns it as YYYY-MM-DD.
func ukDate(field, raw string) (string, error) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return "", nil
	}
	t, err := time.Parse("02/01/2006", raw)
	if err != nil {
		return "", fmt.Errorf("%s %q is not a dd/mm/yyyy date", field, raw)
	}
	return t.Format(time.DateOnly), nil
}
