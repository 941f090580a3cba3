package ofac

import (
	"fmt"
	"strings"

	"github.com/corridor-aml/corridor"
)

// Columns of the alt, address and comments files.
const (
	altEntNum = iota
	altNum
	altType
	altName
	altRemarks
)

const (
	addEntNum = iota
	addNum
	addStreet
	addCity // city, state or province and postal code, in one column
	addCountry
	addRemarks
)

const (
	commentEntNum = iota
	commentText
)

// alt reads one row of alt.csv: an a.k.a., f.k.a. or n.k.a. of an entity.
func (p *parser) alt(_ int, f []string) error {
	i, err := p.related(f[altEntNum])
	if err != nil {
		return err
	}
	kind, ok := altKind(value(f[altType]))
	if !ok {
		return fmt.Errorf("alt_num %s: unknown alt_type %q (want aka, fka or nka)", value(f[altNum]), f[altType])
	}
	name := value(f[altName])
	if name == "" {
		return fmt.Errorf("alt_num %s: empty alt_name", value(f[altNum]))
	}
	e := &p.entities[i]
	e.Names = append(e.Names, newName(name, kind, e.Kind, false))
	if rem := value(f[altRemarks]); rem != "" {
		p.pending[i].notes = append(p.pending[i].notes, fmt.Sprintf("Alias %s: %s", name, rem))
	}
	return nil
}

// address reads one row of add.csv. OFAC writes city, region and postal code in one column,
// which goes to City as written; Text joins all the parts.
func (p *parser) address(_ int, f []string) error {
	i, err := p.related(f[addEntNum])
	if err != nil {
		return err
	}
	a := corridor.Address{
		Street: value(f[addStreet]),
		City:   value(f[addCity]),
	}
	countryName := value(f[addCountry])
	if code, ok := p.countries.code(countryName); ok {
		a.Country = code
	}
	a.Text = joinNonEmpty(", ", a.Street, a.City, countryName)
	if rem := value(f[addRemarks]); rem != "" {
		p.pending[i].notes = append(p.pending[i].notes, fmt.Sprintf("Address %s: %s", a.Text, rem))
	}
	if a.Text == "" {
		return nil // OFAC lists "-0-" everywhere for entities with no known address
	}
	e := &p.entities[i]
	e.Addresses = append(e.Addresses, a)
	return nil
}

// comment reads one row of the comments file: the rest of remarks too long for the primary
// file, joined as they come (the cut may fall inside a word).
func (p *parser) comment(_ int, f []string) error {
	i, err := p.related(f[commentEntNum])
	if err != nil {
		return err
	}
	if text := f[commentText]; value(text) != "" {
		p.pending[i].remarks += text
	}
	return nil
}

// related finds the entity a row of a secondary file belongs to.
func (p *parser) related(field string) (int, error) {
	num, err := entNum(field)
	if err != nil {
		return 0, err
	}
	return p.entity(num)
}

func joinNonEmpty(sep string, parts ...string) string {
	kept := parts[:0:0]
	for _, part := range parts {
		if part != "" {
			kept = append(kept, part)
		}
	}
	return strings.Join(kept, sep)
}
