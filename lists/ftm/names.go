package ftm

import (
	"errors"
	"strings"
	"unicode"

	"github.com/corridor-aml/corridor"
	corridornames "github.com/corridor-aml/corridor/names"
)

// names maps the name properties. The primary name is the caption when it is one of the
// names (OpenSanctions picks the caption as the best display name), else the first name in
// Latin script, else the first name; every other name value is an a.k.a. OpenSanctions merges
// the same party from many sources, so "name" often holds several transliterations of one
// name. FtM does not mark scripts: an a.k.a. mostly in another script than Latin is taken
// for an original-script name, as lists/eu does.
func names(e *entity, notes *remarks) ([]corridor.Name, error) {
	all := e.texts("name")
	caption := strings.TrimSpace(e.Caption)
	primary := ""
	for _, n := range all {
		if n == caption {
			primary = n
			break
		}
	}
	for _, n := range all {
		if primary == "" && corridornames.MostlyLatin(n) {
			primary = n
		}
	}
	if primary == "" && len(all) > 0 {
		primary = all[0]
	}
	if primary == "" {
		primary = nameFromParts(e)
	}
	if primary == "" && caption != "" && caption != e.ID {
		primary = caption
	}
	if primary == "" {
		return nil, errors.New("no name: no name property, name parts or caption")
	}
	set := nameSet{index: map[string]int{}}
	set.add(primary, corridor.NamePrimary, false)
	set.addAll(all, corridor.NameAKA, false)
	set.addAll(e.texts("alias"), corridor.NameAKA, false)
	set.addAll(e.texts("abbreviation"), corridor.NameAKA, false)
	set.addAll(e.texts("previousName"), corridor.NameFKA, false)
	set.addAll(e.texts("weakAlias"), corridor.NameAKA, true)
	attachParts(set.names, e, notes)
	return set.names, nil
}

// nameSet keeps each distinct name once; a name given both weak and strong stays strong.
type nameSet struct {
	names []corridor.Name
	index map[string]int
}

func (s *nameSet) add(full string, kind corridor.NameKind, weak bool) {
	if i, ok := s.index[full]; ok {
		if !weak {
			s.names[i].Weak = false
		}
		return
	}
	if kind == corridor.NameAKA && !corridornames.MostlyLatin(full) {
		kind = corridor.NameOriginalScript
	}
	s.index[full] = len(s.names)
	s.names = append(s.names, corridor.Name{Full: full, Kind: kind, Weak: weak})
}

func (s *nameSet) addAll(fulls []string, kind corridor.NameKind, weak bool) {
	for _, full := range fulls {
		s.add(full, kind, weak)
	}
}

// nameFromParts builds a name for a person listed only by its parts.
func nameFromParts(e *entity) string {
	var words []string
	for _, p := range namePartProps {
		if p.typ == corridor.PartTitle || p.prop == "nameSuffix" || p.prop == "motherName" {
			continue
		}
		if v := e.first(p.prop); v != "" {
			words = append(words, v)
		}
	}
	return strings.Join(words, " ")
}

// attachParts gives each name the parts whose words it contains. FtM keeps parts apart from
// names, and a merged entity has parts in several scripts and spellings; a part goes to every
// name it occurs in, so the Cyrillic surname lands on the Cyrillic name. Case is compared
// exactly first, so "VOLKOV" and "Volkov" each land on the names written that way, and
// ignored only for a part that no name has as written. A part found in no name is kept in
// the remarks.
func attachParts(names []corridor.Name, e *entity, notes *remarks) {
	var exact, folded [][]string
	for _, p := range namePartProps {
		for _, v := range e.texts(p.prop) {
			if exact == nil {
				exact = make([][]string, len(names))
				folded = make([][]string, len(names))
				for i := range names {
					exact[i] = words(names[i].Full)
					folded[i] = words(strings.ToLower(names[i].Full))
				}
			}
			part := corridor.NamePart{Type: p.typ, Value: v}
			if !attach(names, exact, words(v), part) && !attach(names, folded, words(strings.ToLower(v)), part) {
				notes.addf("%s: %s", partLabel(p.prop), v)
			}
		}
	}
}

func attach(names []corridor.Name, nameWords [][]string, partWords []string, part corridor.NamePart) bool {
	found := false
	for i := range names {
		if containsAll(nameWords[i], partWords) {
			names[i].Parts = append(names[i].Parts, part)
			found = true
		}
	}
	return found
}

func partLabel(prop string) string {
	switch prop {
	case "title":
		return "Title"
	case "nameSuffix":
		return "Name suffix"
	}
	return "Name part (" + prop + ")"
}

// words splits s into words of letters and digits.
func words(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsNumber(r) && !unicode.Is(unicode.Mn, r)
	})
}

func containsAll(haystack, needles []string) bool {
	if len(needles) == 0 {
		return false
	}
	for _, n := range needles {
		found := false
		for _, h := range haystack {
			if h == n {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}
