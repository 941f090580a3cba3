package uk

import (
	"strings"
	"sync"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/lists/internal/readutil"
	corridornames "github.com/corridor-aml/corridor/names"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// mapNames returns the record's names, the primary first. NameType says which is primary
// ("Primary Name", with any capitalisation: the live file mixes "Primary name" and "Primary
// Name"); "Primary Name Variation" and "Alias" are a.k.a.s, weak when AliasStrength says
// "Low quality". A record whose names carry no primary mark gets its first strong Latin-script
// name as primary, so that Names[0] is always a name the list gives in full.
func mapNames(rec *xmlDesignation, person bool, notes *readutil.Remarks) []corridor.Name {
	var names []corridor.Name
	primary := -1
	for _, n := range rec.Names {
		full := fullName(n)
		if full == "" {
			continue
		}
		name := corridor.Name{Full: full, Kind: corridor.NameAKA}
		if person {
			name.Parts = nameParts(n)
		}
		switch nameType := strings.Join(strings.Fields(strings.ToLower(n.NameType)), " "); nameType {
		case "primary name":
			if primary < 0 {
				name.Kind = corridor.NamePrimary
			}
		case "primary name variation", "alias", "":
		default:
			notes.Add("Name type of "+full, n.NameType)
		}
		name.Weak = strings.Contains(strings.ToLower(n.AliasStrength), "low")
		if !corridornames.MostlyLatin(full) {
			name.Kind = corridor.NameOriginalScript
		}
		if i := indexOf(names, full); i >= 0 {
			names[i].Weak = names[i].Weak && name.Weak
			if name.Kind == corridor.NamePrimary && primary < 0 {
				names[i].Kind, primary = corridor.NamePrimary, i
			}
			continue
		}
		if name.Kind == corridor.NamePrimary {
			primary = len(names)
		}
		names = append(names, name)
	}
	for _, n := range rec.NonLatinNames {
		full := strings.TrimSpace(n.Name)
		if full == "" || indexOf(names, full) >= 0 {
			continue
		}
		names = append(names, corridor.Name{Full: full, Kind: corridor.NameOriginalScript, Lang: languageCode(n.Language)})
	}
	if len(names) == 0 {
		return nil
	}
	if primary < 0 {
		primary = fallbackPrimary(names)
		names[primary].Kind = corridor.NamePrimary
	}
	var titles []corridor.NamePart
	for _, t := range rec.Titles {
		if t = strings.TrimSpace(t); t != "" {
			titles = append(titles, corridor.NamePart{Type: corridor.PartTitle, Value: t})
		}
	}
	names[primary].Parts = append(titles, names[primary].Parts...)
	if primary > 0 {
		p := names[primary]
		copy(names[1:primary+1], names[:primary])
		names[0] = p
	}
	return names
}

// fallbackPrimary picks the first strong Latin-script name, then the first strong one, then
// the first.
func fallbackPrimary(names []corridor.Name) int {
	for _, latin := range []bool{true, false} {
		for i, n := range names {
			if !n.Weak && (!latin || n.Kind != corridor.NameOriginalScript) {
				return i
			}
		}
	}
	return 0
}

func indexOf(names []corridor.Name, full string) int {
	for i, n := range names {
		if n.Full == full {
			return i
		}
	}
	return -1
}

// fullName joins Name1 to Name6 as the FCDO prints them: given name first, Name6 (the family
// name, or an entity's or ship's whole name) last.
func fullName(n xmlName) string {
	return readutil.JoinNonEmpty(" ", strings.TrimSpace(n.Name1), strings.TrimSpace(n.Name2), strings.TrimSpace(n.Name3),
		strings.TrimSpace(n.Name4), strings.TrimSpace(n.Name5), strings.TrimSpace(n.Name6))
}

func nameParts(n xmlName) []corridor.NamePart {
	var parts []corridor.NamePart
	for _, p := range []corridor.NamePart{
		{Type: corridor.PartGiven, Value: n.Name1},
		{Type: corridor.PartMiddle, Value: n.Name2},
		{Type: corridor.PartMiddle, Value: n.Name3},
		{Type: corridor.PartMiddle, Value: n.Name4},
		{Type: corridor.PartMiddle, Value: n.Name5},
		{Type: corridor.PartFamily, Value: n.Name6},
	} {
		if p.Value = strings.TrimSpace(p.Value); p.Value != "" {
			parts = append(parts, p)
		}
	}
	return parts
}

// languageCode turns the English language name the list writes ("Arabic", "Romanian;
// Moldavian; Moldovan") into its ISO 639-1 code, or "" when it is not one.
func languageCode(name string) string {
	for _, part := range strings.Split(name, ";") {
		if code, ok := languageCodes()[strings.ToLower(strings.TrimSpace(part))]; ok {
			return code
		}
	}
	return ""
}

// languageCodes maps lower-case English language names to ISO 639-1 codes, from the CLDR
// data golang.org/x/text ships.
var languageCodes = sync.OnceValue(func() map[string]string {
	codes := map[string]string{}
	namer := display.English.Languages()
	for a := 'a'; a <= 'z'; a++ {
		for b := 'a'; b <= 'z'; b++ {
			code := string([]rune{a, b})
			base, err := language.ParseBase(code)
			if err != nil || base.String() != code {
				continue
			}
			if name := namer.Name(base); name != "" {
				codes[strings.ToLower(name)] = code
			}
		}
	}
	return codes
})
