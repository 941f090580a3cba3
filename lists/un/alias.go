package un

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/corridor-aml/corridor"
)

// alias maps one INDIVIDUAL_ALIAS or ENTITY_ALIAS: the names in ALIAS_NAME, the names
// hidden in its NOTE, and the date and place of birth given with it.
func (b *builder) alias(a xmlAlias) error {
	kind, weak, err := aliasKind(clean(a.Quality))
	if err != nil {
		return err
	}
	raw := clean(a.Name)
	names, notes := splitName(raw)
	for _, n := range names {
		b.addName(corridor.Name{Full: n, Kind: kind, Weak: weak, Lang: script(n)})
	}
	label := strings.TrimSpace("Alias " + names0(names, raw))
	for _, note := range notes {
		b.remark(label, note)
	}
	note := clean(a.Note)
	b.remark(label, note)
	// Names the UN hid in the note: "Previously listed as. In Arabic: رياض محمد حسن محمد الحجازي",
	// "original script: Абу Банат", or the Latin spellings of an Arabic-script alias.
	hidden := spellingsInNote(raw, note)
	if m := scriptNoteRe.FindStringSubmatch(note); m != nil {
		hidden = append(hidden, trimName(m[1]))
	}
	for _, n := range hidden {
		b.addName(corridor.Name{Full: n, Kind: kind, Weak: weak, Lang: script(n)})
	}
	if dob := clean(a.DateOfBirth); dob != "" {
		bd, err := aliasBirthDate(dob)
		if err != nil {
			return fmt.Errorf("alias %q: DATE_OF_BIRTH: %w", raw, err)
		}
		if err := bd.Validate(); err != nil {
			return fmt.Errorf("alias %q: %w", raw, err)
		}
		bd.Text += " (with alias " + names0(names, raw) + ")"
		b.addBirthDate(bd)
	}
	b.addPlace(place("", a.CityOfBirth, "", a.CountryBirth, ""))
	return nil
}

var scriptNoteRe = regexp.MustCompile(`(?i)\b(?:in arabic(?: script)?|original script)\s*:\s*(\S.*)$`)

func names0(names []string, fallback string) string {
	if len(names) > 0 {
		return names[0]
	}
	return fallback
}

// aliasKind maps QUALITY. Individuals' aliases say Good or Low; entities' say a.k.a. or
// f.k.a.; the empty value comes with the empty placeholder alias.
func aliasKind(quality string) (corridor.NameKind, bool, error) {
	switch strings.ToLower(quality) {
	case "good", "a.k.a.", "":
		return corridor.NameAKA, false, nil
	case "low":
		return corridor.NameAKA, true, nil
	case "f.k.a.":
		return corridor.NameFKA, false, nil
	case "n.k.a.":
		return corridor.NameNKA, false, nil
	}
	return "", false, fmt.Errorf("alias QUALITY %q: want Good, Low, a.k.a., f.k.a. or n.k.a.", quality)
}
