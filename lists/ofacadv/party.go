package ofacadv

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/corridor-aml/corridor"
)

// built is an entity under construction with the remarks gathered for it so far.
type built struct {
	corridor.Entity
	remarks []string
}

// remark adds "label: text" (or text alone when label is empty), once.
func (b *built) remark(label, text string) {
	text = clean(text)
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

// buildParty maps one DistinctParty; it returns the Profile ID that entries and
// relationships use to refer to it.
func (p *parser) buildParty(party *xmlDistinctParty) (*built, string, error) {
	ref := strings.TrimSpace(party.FixedRef)
	if ref == "" {
		return nil, "", errors.New("missing FixedRef")
	}
	if strings.ContainsAny(ref, " :") {
		return nil, "", fmt.Errorf("FixedRef %q has a space or colon", ref)
	}
	if len(party.Profiles) != 1 {
		return nil, "", fmt.Errorf("%d Profile elements, want 1", len(party.Profiles))
	}
	profile := &party.Profiles[0]
	if profile.ID == "" {
		return nil, "", errors.New("Profile without ID")
	}
	b := &built{Entity: corridor.Entity{
		ID:       corridor.EntityID(p.list, ref),
		List:     p.list,
		NativeID: ref,
		Source:   corridor.SourceRef{File: SourceFile(p.list), Record: "DistinctParty " + ref},
	}}
	var err error
	if b.Kind, err = p.kind(profile.PartySubTypeID); err != nil {
		return nil, "", err
	}
	if len(profile.Identities) == 0 {
		return nil, "", errors.New("no Identity")
	}
	for i := range profile.Identities {
		id := &profile.Identities[i]
		primary, err := parseBool("Identity Primary", id.Primary)
		if err != nil {
			return nil, "", err
		}
		if err := p.names(b, id, primary || len(profile.Identities) == 1); err != nil {
			return nil, "", fmt.Errorf("Identity %s: %w", id.ID, err)
		}
		for _, doc := range p.docs[id.ID] {
			if err := p.document(b, doc); err != nil {
				return nil, "", fmt.Errorf("IDRegDocument %s: %w", doc.ID, err)
			}
		}
	}
	if len(b.Names) == 0 || b.Names[0].Kind != corridor.NamePrimary {
		return nil, "", errors.New("no primary name: no Alias with Primary=\"true\" in the primary Identity")
	}
	for i := range profile.Features {
		f := &profile.Features[i]
		if err := p.feature(b, f); err != nil {
			return nil, "", fmt.Errorf("Feature %s: %w", f.ID, err)
		}
	}
	b.remark("", party.Comment)
	b.remark("", profile.Comment)
	return b, profile.ID, nil
}

// kind resolves the PartySubType; "Unknown" sub-types defer to their PartyType.
func (p *parser) kind(subTypeID string) (corridor.Kind, error) {
	sub, ok := p.refs.partySubTypes[subTypeID]
	if !ok {
		return "", fmt.Errorf("PartySubType ID %q is not in the ReferenceValueSets", subTypeID)
	}
	switch strings.ToLower(strings.TrimSpace(sub.Value)) {
	case "vessel":
		return corridor.KindVessel, nil
	case "aircraft":
		return corridor.KindAircraft, nil
	}
	partyType, err := p.refs.partyTypes.get(sub.PartyTypeID)
	if err != nil {
		return "", err
	}
	switch strings.ToLower(partyType) {
	case "individual":
		return corridor.KindPerson, nil
	case "entity":
		return corridor.KindOrganization, nil
	}
	return corridor.KindUnknown, nil
}

// names adds the names of one Identity. The primary name is the first DocumentedName of
// the Alias marked Primary in the primary Identity (OFAC marks it "Primary Latin"); the
// other DocumentedNames of that alias are its other-script forms.
func (p *parser) names(b *built, id *xmlIdentity, primaryIdentity bool) error {
	groups := make(map[string]string, len(id.PartGroups))
	for _, g := range id.PartGroups {
		t, err := p.refs.namePartTypes.get(g.TypeID)
		if err != nil {
			return err
		}
		groups[g.ID] = t
	}
	for _, alias := range id.Aliases {
		aliasType, err := p.refs.aliasTypes.get(alias.TypeID)
		if err != nil {
			return err
		}
		kind, err := aliasKind(aliasType)
		if err != nil {
			return err
		}
		primary, err := parseBool("Alias Primary", alias.Primary)
		if err != nil {
			return err
		}
		weak, err := parseBool("Alias LowQuality", alias.LowQuality)
		if err != nil {
			return err
		}
		primary = primary && primaryIdentity
		for i := range alias.Names {
			name, err := p.documentedName(&alias.Names[i], groups)
			if err != nil {
				return fmt.Errorf("DocumentedName %s: %w", alias.Names[i].ID, err)
			}
			if name.Full == "" {
				continue
			}
			name.Weak = weak
			switch {
			case primary && i == 0:
				name.Kind = corridor.NamePrimary
			case primary && name.Lang != "":
				name.Kind = corridor.NameOriginalScript
			default:
				name.Kind = kind
			}
			if err := addName(b, name); err != nil {
				return err
			}
		}
	}
	return nil
}

// aliasKind maps OFAC's AliasType. "Name" is the party's own name: the primary one, or
// another spelling of it.
func aliasKind(aliasType string) (corridor.NameKind, error) {
	switch strings.ToUpper(aliasType) {
	case "A.K.A.", "NAME":
		return corridor.NameAKA, nil
	case "F.K.A.":
		return corridor.NameFKA, nil
	case "N.K.A.":
		return corridor.NameNKA, nil
	}
	return "", fmt.Errorf("AliasType %q: want A.K.A., F.K.A., N.K.A. or Name", aliasType)
}

// addName puts the primary name first and drops exact repeats of a name.
func addName(b *built, name corridor.Name) error {
	if name.Kind == corridor.NamePrimary {
		if len(b.Names) > 0 && b.Names[0].Kind == corridor.NamePrimary {
			return fmt.Errorf("second primary name %q (first %q)", name.Full, b.Names[0].Full)
		}
		b.Names = append([]corridor.Name{name}, b.Names...)
		return nil
	}
	for _, have := range b.Names {
		if have.Full == name.Full && have.Kind == name.Kind && have.Weak == name.Weak {
			return nil
		}
	}
	b.Names = append(b.Names, name)
	return nil
}

// partTypes maps OFAC's NamePartType to corridor's, and ranks each part in the order a
// name is spoken: given names first, the family name last.
var partTypes = map[string]struct {
	typ  corridor.NamePartType
	rank int
}{
	"first name":  {corridor.PartGiven, 0},
	"middle name": {corridor.PartMiddle, 1},
	"patronymic":  {corridor.PartPatronymic, 2},
	"matronymic":  {corridor.PartOther, 3},
	"nickname":    {corridor.PartOther, 4},
	"maiden name": {corridor.PartOther, 5},
	"last name":   {corridor.PartFamily, 6},
}

// documentedName joins a DocumentedName's parts into one name. A Latin-script person name
// with a last name reads "Last, First Middle", as OFAC writes names in its other files (so
// the CSV and XML readers agree); other scripts read in spoken order ("First Middle Last").
// Entity, vessel and aircraft names are a single part and keep no Parts.
func (p *parser) documentedName(dn *xmlDocumentedName, groups map[string]string) (corridor.Name, error) {
	type part struct {
		value string
		typ   corridor.NamePartType
		rank  int
		last  bool
		ok    bool // a person-name part
	}
	var (
		parts []part
		name  corridor.Name
	)
	for _, v := range dn.Parts {
		value := clean(v.Value)
		if value == "" {
			continue
		}
		groupType, ok := groups[v.GroupID]
		if !ok {
			return name, fmt.Errorf("NamePartGroupID %q is not among the identity's NamePartGroups", v.GroupID)
		}
		script, err := p.refs.script(v.ScriptID)
		if err != nil {
			return name, err
		}
		if name.Lang == "" {
			name.Lang = script
		}
		pt, person := partTypes[strings.ToLower(groupType)]
		parts = append(parts, part{value: value, typ: pt.typ, rank: pt.rank, last: pt.typ == corridor.PartFamily, ok: person})
	}
	if len(parts) == 0 {
		return name, nil
	}
	sort.SliceStable(parts, func(i, j int) bool { return parts[i].rank < parts[j].rank })
	var last, rest []string
	for _, pt := range parts {
		if pt.ok {
			name.Parts = append(name.Parts, corridor.NamePart{Type: pt.typ, Value: pt.value})
		}
		if pt.last {
			last = append(last, pt.value)
		} else {
			rest = append(rest, pt.value)
		}
	}
	if name.Lang == "" && len(last) > 0 && len(rest) > 0 && len(name.Parts) == len(parts) {
		name.Full = strings.Join(last, " ") + ", " + strings.Join(rest, " ")
	} else {
		values := make([]string, len(parts))
		for i, pt := range parts {
			values[i] = pt.value
		}
		name.Full = strings.Join(values, " ")
	}
	if len(name.Parts) != len(parts) {
		name.Parts = nil // an entity name, or parts of mixed kinds: Full says it all
	}
	return name, nil
}

// parseBool reads an XML boolean attribute; absent means false.
func parseBool(what, s string) (bool, error) {
	switch strings.TrimSpace(s) {
	case "", "false", "0":
		return false, nil
	case "true", "1":
		return true, nil
	}
	return false, fmt.Errorf("%s %q is not a boolean", what, s)
}

// clean trims s and squeezes runs of white space to one space.
func clean(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
