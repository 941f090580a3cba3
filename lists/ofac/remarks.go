package ofac

import (
	"slices"
	"strings"

	"github.com/corridor-aml/corridor"
)

// applyRemarks maps the items of OFAC's remarks that the model has a place for. The caller
// keeps the whole text in Remarks, so an item left unmapped is not lost.
func (p *parser) applyRemarks(e *corridor.Entity, remarks string) {
	if remarks == "" {
		return
	}
	for _, item := range splitRemarks(remarks) {
		p.applyItem(e, item)
	}
}

// applyItem maps one remarks item and reports whether it found a place for it. "alt." in
// front of an item only says it is a further value of the same label.
func (p *parser) applyItem(e *corridor.Entity, item string) bool {
	s := item
	if rest, ok := cutPrefixFold(s, "alt. "); ok {
		s = rest
	}
	if kind, rest, ok := cutAliasPrefix(s); ok {
		return addQuotedAlias(e, kind, rest)
	}
	label, rest, _ := strings.Cut(s, " ")
	switch label {
	case "DOB":
		return addBirthDate(e, rest)
	case "POB":
		return addBirthPlace(p.countries, e, rest)
	case "nationality":
		return addCountryCode(p.countries, &e.Nationalities, rest)
	case "citizen":
		return addCountryCode(p.countries, &e.Citizenships, rest)
	case "Gender":
		return setGender(e, rest)
	case "Linked":
		if name, ok := strings.CutPrefix(rest, "To: "); ok {
			return p.addLink(e, name)
		}
	case "Listing":
		if date, ok := strings.CutPrefix(rest, "Date "); ok {
			return setListedOn(e, date)
		}
	}
	if applyCraftDetail(p.countries, e, s) {
		return true
	}
	return addIdentifier(p.countries, e, s)
}

// cutAliasPrefix cuts "a.k.a. ", "f.k.a. " or "n.k.a. " from the front of a remarks item.
func cutAliasPrefix(s string) (corridor.NameKind, string, bool) {
	if len(s) < len("a.k.a. ") || s[1:len("a.k.a. ")] != ".k.a. " {
		return "", "", false
	}
	switch s[0] {
	case 'a':
		return corridor.NameAKA, s[len("a.k.a. "):], true
	case 'f':
		return corridor.NameFKA, s[len("a.k.a. "):], true
	case 'n':
		return corridor.NameNKA, s[len("a.k.a. "):], true
	}
	return "", "", false
}

// addQuotedAlias adds an alias written in the remarks, "a.k.a. 'NAME'". OFAC puts its weak
// aliases here (OFAC FAQ 123), so they are marked Weak. The name runs from the first quote to
// the last, and may hold quotes of its own ("'ABU 'ABDALLAH'"); remarks cut short may lose
// the closing quote, and then the name is what is left.
func addQuotedAlias(e *corridor.Entity, kind corridor.NameKind, quoted string) bool {
	name, ok := strings.CutPrefix(strings.TrimSpace(quoted), "'")
	if !ok {
		return false
	}
	name = strings.TrimSuffix(name, ".")
	name = strings.TrimSpace(strings.TrimSuffix(name, "'"))
	if name == "" {
		return false
	}
	e.Names = append(e.Names, newName(name, kind, e.Kind, true))
	return true
}

func addBirthDate(e *corridor.Entity, text string) bool {
	d, ok := parseBirthDate(text)
	if ok {
		e.BirthDates = append(e.BirthDates, d)
	}
	return ok
}

func addBirthPlace(c countryCache, e *corridor.Entity, text string) bool {
	place := trimPeriod(text)
	if place == "" {
		return false
	}
	e.BirthPlaces = append(e.BirthPlaces, corridor.Place{Text: place, Country: c.place(place)})
	return true
}

// addCountryCode adds the ISO code of a nationality or citizenship. A value that is not a known
// country ("possibly Palestinian") is left in Remarks only.
func addCountryCode(c countryCache, codes *[]string, text string) bool {
	code, ok := c.code(trimPeriod(text))
	if !ok {
		return false
	}
	if !slices.Contains(*codes, code) {
		*codes = append(*codes, code)
	}
	return true
}

func setGender(e *corridor.Entity, text string) bool {
	switch strings.ToLower(trimPeriod(text)) {
	case "male":
		e.Gender = corridor.GenderMale
	case "female":
		e.Gender = corridor.GenderFemale
	default:
		return false
	}
	return true
}

// setListedOn reads "Listing Date (EO 14024 Directive 3): 24 Feb 2022" or "Listing Date
// (CMIC) 03 Jun 2021", the listing dates of the non-SDN menu-based programmes, and keeps the
// earliest one.
func setListedOn(e *corridor.Entity, text string) bool {
	_, date, ok := strings.Cut(text, ")")
	if !ok {
		return false
	}
	iso, ok := isoDate(trimPeriod(strings.TrimPrefix(date, ":")))
	if !ok {
		return false
	}
	if e.ListedOn == "" || iso < e.ListedOn {
		e.ListedOn = iso
	}
	return true
}

// addLink adds a "Linked To: NAME" item, resolved to the entity of the same list whose
// primary name is NAME exactly. The item's final '.' may be OFAC's end of the remarks or
// part of the name ("... CO., LTD."), so both are tried.
func (p *parser) addLink(e *corridor.Entity, name string) bool {
	name = strings.TrimSpace(name)
	if name == "" {
		return false
	}
	link := corridor.Link{Name: trimPeriod(name)}
	for _, candidate := range []string{name, link.Name} {
		if id, ok := p.primaryIDs[candidate]; ok {
			link = corridor.Link{Name: candidate, EntityID: id} // id is "" when ambiguous
			break
		}
	}
	e.Links = append(e.Links, link)
	return true
}

// trimPeriod drops spaces and one final '.', which OFAC writes at the end of the remarks and
// after some items.
func trimPeriod(s string) string {
	return strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "."))
}

func cutPrefixFold(s, prefix string) (string, bool) {
	if len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix) {
		return s[len(prefix):], true
	}
	return s, false
}
