package eu

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/lists/internal/readutil"
	"github.com/corridor-aml/corridor/names"
)

// mapNames turns the nameAlias elements into names, the primary first.
//
// The file has no "primary" flag and its order is not meaningful (entity 191 lists a misspelt
// French variant first). The EU numbers aliases as it records them, so the alias with the
// lowest logicalId is the one the entity was first designated under: "Khalid Sheikh
// MOHAMMED", "Parchin Chemical Industries (PCI)", "Ibrahim Hassan Tali Al-Asiri" in the
// extract. The primary is therefore the strong Latin-script alias with the lowest logicalId;
// failing that the strong alias, failing that the alias, with the lowest logicalId.
//
// An alias is weak when strong="false" or when its remark calls it a low quality alias (the EU
// copies the UN's "Low quality" marks into remarks while leaving strong="true").
func mapNames(aliases []xmlNameAlias, notes *readutil.Remarks) ([]corridor.Name, corridor.Gender, error) {
	type candidate struct {
		name  corridor.Name
		order int64
	}
	var (
		found  []candidate
		gender corridor.Gender
	)
	for _, a := range aliases {
		full := aliasFull(a)
		if full == "" {
			continue
		}
		strong, err := parseBool("nameAlias strong", a.Strong, true)
		if err != nil {
			return nil, "", err
		}
		weak := !strong
		for _, r := range a.Remarks {
			q, bare := quality(r)
			if q == qualityLow {
				weak = true
			}
			if !bare {
				notes.Add(fmt.Sprintf("Name %q", full), r)
			}
		}
		if g, ok := genders[strings.ToUpper(strings.TrimSpace(a.Gender))]; ok {
			if gender == corridor.GenderUnknown {
				gender = g
			}
		} else {
			notes.Add(fmt.Sprintf("Name %q gender", full), a.Gender)
		}
		notes.Add("Function", a.Function)
		name := corridor.Name{
			Full:  full,
			Kind:  corridor.NameAKA,
			Weak:  weak,
			Lang:  strings.ToLower(strings.TrimSpace(a.NameLanguage)),
			Parts: nameParts(a),
		}
		if !names.MostlyLatin(full) {
			name.Kind = corridor.NameOriginalScript
		}
		order, err := strconv.ParseInt(strings.TrimSpace(a.LogicalID), 10, 64)
		if err != nil {
			order = math.MaxInt64 // unnumbered aliases keep file order behind numbered ones
		}
		found = append(found, candidate{name, order})
	}
	if len(found) == 0 {
		return nil, gender, nil
	}
	// Pass by pass, relax what the primary must be: strong and Latin, then strong, then any.
	best := -1
	for _, acceptable := range []func(corridor.Name) bool{
		func(n corridor.Name) bool { return !n.Weak && n.Kind != corridor.NameOriginalScript },
		func(n corridor.Name) bool { return !n.Weak },
		func(corridor.Name) bool { return true },
	} {
		for i, c := range found {
			if acceptable(c.name) && (best < 0 || c.order < found[best].order) {
				best = i
			}
		}
		if best >= 0 {
			break
		}
	}
	names := make([]corridor.Name, 0, len(found))
	primary := found[best].name
	primary.Kind = corridor.NamePrimary
	names = append(names, primary)
	for i, c := range found {
		if i != best {
			names = appendName(names, c.name)
		}
	}
	return names, gender, nil
}

// appendName drops exact repeats (the EU often repeats a name under several languages),
// keeping the name strong if either copy is.
func appendName(names []corridor.Name, n corridor.Name) []corridor.Name {
	for i := range names {
		if names[i].Full == n.Full {
			names[i].Weak = names[i].Weak && n.Weak
			if len(names[i].Parts) == 0 {
				names[i].Parts = n.Parts
			}
			return names
		}
	}
	return append(names, n)
}

// aliasFull is the whole name, or the parts joined when the list gives only parts.
func aliasFull(a xmlNameAlias) string {
	if full := strings.TrimSpace(a.WholeName); full != "" {
		return full
	}
	return readutil.JoinNonEmpty(" ", strings.TrimSpace(a.FirstName), strings.TrimSpace(a.MiddleName), strings.TrimSpace(a.LastName))
}

func nameParts(a xmlNameAlias) []corridor.NamePart {
	var parts []corridor.NamePart
	for _, p := range []corridor.NamePart{
		{Type: corridor.PartTitle, Value: a.Title},
		{Type: corridor.PartGiven, Value: a.FirstName},
		{Type: corridor.PartMiddle, Value: a.MiddleName},
		{Type: corridor.PartFamily, Value: a.LastName},
	} {
		if p.Value = strings.TrimSpace(p.Value); p.Value != "" {
			parts = append(parts, p)
		}
	}
	return parts
}

var genders = map[string]corridor.Gender{
	"":       corridor.GenderUnknown,
	"M":      corridor.GenderMale,
	"F":      corridor.GenderFemale,
	"MALE":   corridor.GenderMale,
	"FEMALE": corridor.GenderFemale,
}

type aliasQuality int

const (
	qualityNone aliasQuality = iota // the remark does not grade the alias
	qualityGood
	qualityLow
)

// quality reads a free-text quality mark, typos included ("low quality aliias", "lo quality").
// bare is true when the remark is only that mark and says nothing else worth keeping.
func quality(remark string) (q aliasQuality, bare bool) {
	r := strings.ToLower(remark)
	switch {
	case strings.Contains(r, "low quality") || strings.Contains(r, "lo quality"):
		q = qualityLow
	case strings.Contains(r, "good quality") || strings.Contains(r, "high quality"):
		q = qualityGood
	default:
		return qualityNone, false
	}
	return q, len(strings.Fields(r)) <= 3
}
