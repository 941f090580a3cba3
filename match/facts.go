package match

import (
	"github.com/corridor-aml/corridor"
)

// entityFacts are the secondary facts of an entity in the form the scorer compares.
type entityFacts struct {
	years     [][2]int16 // inclusive birth-year ranges
	countries []string   // nationalities, citizenships, countries of birth and address
	gender    corridor.Gender
}

func factsOf(e *corridor.Entity) entityFacts {
	var f entityFacts
	for _, d := range e.BirthDates {
		from, to := d.Years()
		if from > 0 && to >= from {
			f.years = append(f.years, [2]int16{int16(from), int16(to)})
		}
	}
	add := func(c string) {
		if c == "" {
			return
		}
		for _, have := range f.countries {
			if have == c {
				return
			}
		}
		f.countries = append(f.countries, c)
	}
	for _, c := range e.Nationalities {
		add(c)
	}
	for _, c := range e.Citizenships {
		add(c)
	}
	for _, p := range e.BirthPlaces {
		add(p.Country)
	}
	for _, a := range e.Addresses {
		add(a.Country)
	}
	f.gender = e.Gender
	return f
}

// Fact adjustments. A query fact that agrees with the list raises the score a little (a name
// match is still needed); one that clearly conflicts lowers it more, because a listed birth
// year or gender that differs is strong evidence of a different person. Missing facts are
// neutral.
const (
	birthYearTolerance = 1 // years either side of a listed year (or range) that still agree
	birthYearConflict  = 3 // years outside it beyond which the dates conflict

	dobExactBonus     = 0.08 // same day, month and year
	dobYearBonus      = 0.05 // year within the tolerance
	dobConflictMalus  = -0.15
	countryBonus      = 0.03
	countryConflict   = -0.04
	genderConflict    = -0.10
	identifierMatched = 1.0 // an identifier that matches exactly decides the match
)

// FactKind names a secondary fact in an explanation.
type FactKind string

// Secondary facts.
const (
	FactBirthDate  FactKind = "birth_date"
	FactCountry    FactKind = "country"
	FactGender     FactKind = "gender"
	FactIdentifier FactKind = "identifier"
)

// FactEffect is how one secondary fact moved a match's score.
type FactEffect struct {
	Fact   FactKind `json:"fact"`
	Query  string   `json:"query"`
	Listed string   `json:"listed"`
	Agrees bool     `json:"agrees"`
	Delta  float64  `json:"delta"`
}

// Verdict says in a word what a fact did: "agrees", "conflicts", or "is near" for a birth
// year one to three years from the listed ones, which moves nothing either way.
func (f FactEffect) Verdict() string {
	switch {
	case f.Agrees:
		return "agrees"
	case f.Delta < 0:
		return "conflicts"
	}
	return "is near"
}

// birthEffect compares a query birth date with an entity's listed ones.
func birthEffect(q corridor.BirthDate, e *corridor.Entity, f *entityFacts) FactEffect {
	if q.Year == 0 || len(f.years) == 0 {
		return FactEffect{}
	}
	best := int(^uint(0) >> 1)
	for _, r := range f.years {
		var gap int
		switch y := q.Year; {
		case y < int(r[0]):
			gap = int(r[0]) - y
		case y > int(r[1]):
			gap = y - int(r[1])
		}
		best = min(best, gap)
	}
	switch {
	case best == 0 && q.Day > 0 && exactDay(q, e):
		return FactEffect{Fact: FactBirthDate, Agrees: true, Delta: dobExactBonus}
	case best <= birthYearTolerance:
		return FactEffect{Fact: FactBirthDate, Agrees: true, Delta: dobYearBonus}
	case best > birthYearConflict:
		return FactEffect{Fact: FactBirthDate, Agrees: false, Delta: dobConflictMalus}
	}
	return FactEffect{Fact: FactBirthDate, Agrees: false}
}

func exactDay(q corridor.BirthDate, e *corridor.Entity) bool {
	for _, d := range e.BirthDates {
		if d.Year == q.Year && d.Month == q.Month && d.Day == q.Day {
			return true
		}
	}
	return false
}

func countryEffect(qs []string, f *entityFacts) FactEffect {
	if len(qs) == 0 || len(f.countries) == 0 {
		return FactEffect{}
	}
	for _, q := range qs {
		for _, c := range f.countries {
			if q == c {
				return FactEffect{Fact: FactCountry, Query: q, Listed: c, Agrees: true, Delta: countryBonus}
			}
		}
	}
	return FactEffect{Fact: FactCountry, Agrees: false, Delta: countryConflict}
}

func genderEffect(q corridor.Gender, f *entityFacts) FactEffect {
	if q == corridor.GenderUnknown || f.gender == corridor.GenderUnknown || q == f.gender {
		return FactEffect{}
	}
	return FactEffect{Fact: FactGender, Query: string(q), Listed: string(f.gender), Delta: genderConflict}
}

// minIDLen keeps very short numbers (a "1" in a remark) from deciding a match.
const minIDLen = 5

// normalizeID keeps the letters and digits of an identifier, upper-cased, so that
// "A-123 456" and "a123456" are the same number.
func normalizeID(s string) string {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9' || c >= 'A' && c <= 'Z':
			b = append(b, c)
		case c >= 'a' && c <= 'z':
			b = append(b, c-'a'+'A')
		}
	}
	return string(b)
}
