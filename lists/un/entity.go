package un

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/corridor-aml/corridor"
)

// buildEntity maps one INDIVIDUAL or ENTITY record; element says which.
func buildEntity(element string, rec *xmlRecord) (corridor.Entity, error) {
	ref := clean(rec.Reference)
	if ref == "" {
		return corridor.Entity{}, errors.New("missing REFERENCE_NUMBER")
	}
	if strings.ContainsAny(ref, " :") {
		return corridor.Entity{}, fmt.Errorf("REFERENCE_NUMBER %q has a space or colon", ref)
	}
	e := corridor.Entity{
		ID:       corridor.EntityID(corridor.ListUN, ref),
		List:     corridor.ListUN,
		NativeID: ref,
		Kind:     corridor.KindOrganization,
		Source:   corridor.SourceRef{File: SourceFile, Record: element + " " + ref},
	}
	b := builder{e: &e}
	if element == "INDIVIDUAL" {
		e.Kind = corridor.KindPerson
		b.personName(rec)
	} else {
		b.entityName(rec)
	}
	if len(e.Names) == 0 {
		return corridor.Entity{}, errors.New("no name: FIRST_NAME is empty")
	}
	if s := clean(rec.OriginalScript); s != "" {
		b.addName(corridor.Name{Full: s, Kind: corridor.NameOriginalScript, Lang: script(s)})
	}
	for _, a := range append(rec.Aliases, rec.EntityAliases...) {
		if err := b.alias(a); err != nil {
			return corridor.Entity{}, err
		}
	}

	if program := clean(rec.ListType); program != "" {
		e.Programs = []string{program}
	}
	if listed := clean(rec.ListedOn); listed != "" {
		day, err := xsdDate(listed)
		if err != nil {
			return corridor.Entity{}, fmt.Errorf("LISTED_ON: %w", err)
		}
		e.ListedOn = day.Format(time.DateOnly)
	}
	b.gender(rec.Gender)
	b.nationalities(rec.Nationalities)
	for _, d := range rec.BirthDates {
		date, remark, err := birthDate(d)
		if err != nil {
			return corridor.Entity{}, err
		}
		b.remark("", remark)
		if date != nil {
			b.addBirthDate(*date)
		}
	}
	for _, p := range rec.BirthPlaces {
		b.addPlace(place(p.Street, p.City, p.State, p.Country, p.Note))
	}
	for _, a := range append(rec.Addresses, rec.EntityAddrs...) {
		b.address(a)
	}
	for _, d := range rec.Documents {
		b.document(d)
	}

	b.remark("Title", strings.Join(uniqueClean(rec.Titles), "; "))
	b.remark("Designation", strings.Join(uniqueClean(rec.Designations), "; "))
	b.remark("Comments", clean(rec.Comments))
	for _, u := range rec.Unknown {
		b.remark(u.XMLName.Local, clean(u.Inner))
	}
	e.Remarks = strings.Join(b.remarks, "\n")
	return e, nil
}

// builder collects one entity's facts, dropping exact repeats.
type builder struct {
	e       *corridor.Entity
	remarks []string
}

// personName builds the primary name from FIRST_NAME .. FOURTH_NAME. The UN fills them in the
// order the name is written, not by role, so the first is taken as the given name, the last
// (when there are two or more) as the family name and any between as middle names.
func (b *builder) personName(rec *xmlRecord) {
	var values []string
	for _, v := range []string{rec.FirstName, rec.SecondName, rec.ThirdName, rec.FourthName} {
		if v = clean(v); v != "" {
			values = append(values, v)
		}
	}
	if len(values) == 0 {
		return
	}
	name := corridor.Name{Full: strings.Join(values, " "), Kind: corridor.NamePrimary}
	for _, t := range uniqueClean(rec.Titles) {
		if isShortTitle(t) {
			name.Parts = append(name.Parts, corridor.NamePart{Type: corridor.PartTitle, Value: t})
		}
	}
	for i, v := range values {
		part := corridor.PartMiddle
		switch {
		case i == 0:
			part = corridor.PartGiven
		case i == len(values)-1:
			part = corridor.PartFamily
		}
		name.Parts = append(name.Parts, corridor.NamePart{Type: part, Value: v})
	}
	name.Lang = script(name.Full)
	b.addName(name)
}

// isShortTitle tells an honorific ("Maulavi", "Major General") from a position written into
// TITLE ("Manager of Al Nasr Detention Center in Zawiyah"); only the first is a name part.
func isShortTitle(t string) bool {
	return len(strings.Fields(t)) <= 2 && !strings.ContainsAny(t, "()0123456789")
}

// entityName takes FIRST_NAME, which for an ENTITY is the whole name; a second name packed
// into it ("... (CAGL) ; GREAT LAKES BUSINESS COMPANY (GLBC)") becomes an a.k.a.
func (b *builder) entityName(rec *xmlRecord) {
	names, notes := splitName(rec.FirstName)
	for i, n := range names {
		kind := corridor.NameAKA
		if i == 0 {
			kind = corridor.NamePrimary
		}
		b.addName(corridor.Name{Full: n, Kind: kind, Lang: script(n)})
	}
	for _, note := range notes {
		b.remark("Name", note)
	}
}

func (b *builder) addName(n corridor.Name) {
	if n.Full == "" {
		return
	}
	for _, have := range b.e.Names {
		if have.Full == n.Full {
			return
		}
	}
	b.e.Names = append(b.e.Names, n)
}

// remark adds "label: text" to the remarks, or text alone when label is empty.
func (b *builder) remark(label, text string) {
	if text == "" {
		return
	}
	if label != "" {
		text = label + ": " + text
	}
	for _, have := range b.remarks {
		if have == text {
			return
		}
	}
	b.remarks = append(b.remarks, text)
}

// withNote appends a NOTE to a place or address in parentheses (the UN's own notes
// sometimes come parenthesised already).
func withNote(text, note string) string {
	note = clean(note)
	switch {
	case note == "":
		return text
	case strings.HasPrefix(note, "(") && strings.HasSuffix(note, ")"):
		return strings.TrimSpace(text + " " + note)
	}
	return strings.TrimSpace(text + " (" + note + ")")
}

func joinClean(values []string, sep string) string {
	var kept []string
	for _, v := range values {
		if v = clean(v); v != "" {
			kept = append(kept, v)
		}
	}
	return strings.Join(kept, sep)
}

// uniqueClean cleans values and drops empty and repeated ones.
func uniqueClean(values []string) []string {
	var kept []string
	for _, v := range values {
		if v = clean(v); v != "" && !contains(kept, v) {
			kept = append(kept, v)
		}
	}
	return kept
}

func contains(list []string, s string) bool {
	for _, have := range list {
		if have == s {
			return true
		}
	}
	return false
}
