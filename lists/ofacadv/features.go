package ofacadv

import (
	"fmt"
	"strings"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/country"
)

// featureValue is what one FeatureVersion says, resolved through the reference sets.
type featureValue struct {
	text       string // VersionDetail text or the DetailReference it points to
	dates      []corridor.BirthDate
	location   *place
	comment    string
	unreliable bool // OFAC marks the value's reliability "False"
}

// display is the value as a person reads it, for remarks and identifier notes.
func (v featureValue) display() string {
	var parts []string
	if v.text != "" {
		parts = append(parts, v.text)
	}
	for _, d := range v.dates {
		parts = append(parts, d.Text)
	}
	if v.location != nil && v.location.text != "" {
		parts = append(parts, v.location.text)
	}
	s := strings.Join(parts, "; ")
	if v.comment != "" {
		s = strings.TrimSpace(s + " (" + v.comment + ")")
	}
	return s
}

// countryCode is the country the value names: a location's country, or a country name
// written as text.
func (v featureValue) countryCode() string {
	if v.location != nil && v.location.country != "" {
		return v.location.country
	}
	if code, ok := country.Code(v.text); ok {
		return code
	}
	if v.location != nil {
		if code, ok := country.Code(v.location.text); ok {
			return code
		}
	}
	return ""
}

func (p *parser) featureValues(f *xmlFeature) ([]featureValue, error) {
	var values []featureValue
	for _, version := range f.Versions {
		v := featureValue{comment: clean(version.Comment)}
		if version.ReliabilityID != "" {
			reliability, err := p.refs.reliabilities.get(version.ReliabilityID)
			if err != nil {
				return nil, err
			}
			v.unreliable = strings.EqualFold(reliability, "False")
		}
		for _, d := range version.Details {
			text := clean(d.Value)
			if d.ReferenceID != "" {
				var err error
				if text, err = p.refs.detailRefs.get(d.ReferenceID); err != nil {
					return nil, err
				}
			}
			v.text = strings.TrimSpace(v.text + " " + text)
		}
		for _, period := range version.Periods {
			d, err := periodDate(period)
			if err != nil {
				return nil, err
			}
			v.dates = append(v.dates, d)
		}
		for _, l := range version.Locations {
			loc, err := p.location(l.ID)
			if err != nil {
				return nil, err
			}
			v.location = loc
		}
		values = append(values, v)
	}
	return values, nil
}

// feature maps one Feature onto the entity. Features the model has a field for fill it;
// the rest go to the remarks as "Feature type: value", so nothing is dropped.
func (p *parser) feature(b *built, f *xmlFeature) error {
	label, err := p.refs.featureTypes.get(f.TypeID)
	if err != nil {
		return err
	}
	values, err := p.featureValues(f)
	if err != nil {
		return err
	}
	name := strings.TrimRight(label, " :-")
	for _, v := range values {
		if v.unreliable {
			b.remark(name+" (reliability: False)", v.display())
			continue
		}
		if err := p.applyFeature(b, strings.ToLower(name), name, v); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
	}
	return nil
}

func (p *parser) applyFeature(b *built, key, name string, v featureValue) error {
	switch {
	case key == "birthdate":
		if len(v.dates) == 0 {
			return fmt.Errorf("no DatePeriod")
		}
		b.BirthDates = append(b.BirthDates, v.dates...)
		b.remark("Date of birth", v.comment)
	case key == "place of birth":
		pl := corridor.Place{Text: v.text}
		if v.location != nil {
			pl.Text = strings.TrimSpace(strings.Join(nonEmpty(v.text, v.location.text), ", "))
		}
		if pl.Text == "" {
			return nil
		}
		pl.Country = v.countryCode()
		if pl.Country == "" {
			pl.Country, _ = country.InText(pl.Text)
		}
		b.BirthPlaces = append(b.BirthPlaces, pl)
	case key == "nationality country", key == "citizenship country",
		key == "nationality of registration", key == "registration country":
		code := v.countryCode()
		if code == "" {
			b.remark(name, v.display())
			return nil
		}
		if key == "citizenship country" {
			b.Citizenships = appendUnique(b.Citizenships, code)
		} else {
			// An organisation's country of registration is what screening compares with a
			// company's country, the way a person's nationality is.
			b.Nationalities = appendUnique(b.Nationalities, code)
		}
	case key == "gender":
		switch strings.ToLower(v.text) {
		case "male":
			b.Gender = corridor.GenderMale
		case "female":
			b.Gender = corridor.GenderFemale
		default:
			b.remark(name, v.display())
		}
	case key == "location":
		if v.location != nil && v.location.address.Text != "" {
			b.Addresses = append(b.Addresses, v.location.address)
		}
		b.remark("Address", v.comment)
	case key == "vessel call sign":
		vessel(b).CallSign = v.text
		b.identifier(corridor.IDCallSign, name, v)
	case key == "other vessel call sign":
		b.identifier(corridor.IDCallSign, name, v)
	case key == "vessel type":
		vessel(b).Type = v.text
	case key == "vessel flag":
		flag := v.countryCode()
		if flag == "" {
			flag = v.text
		}
		vessel(b).Flag = flag
	case key == "vessel owner":
		vessel(b).Owner = v.text
	case key == "vessel tonnage":
		vessel(b).Tonnage = v.text
	case key == "vessel gross registered tonnage":
		vessel(b).GRT = v.text
	case key == "vessel year of build":
		vessel(b).Built = v.text
	case key == "aircraft model":
		vessel(b).Model = v.text
	case key == "aircraft manufacture date":
		built := v.text
		if len(v.dates) > 0 {
			built = v.dates[0].String()
		}
		vessel(b).Built = built
	case key == "aircraft manufacturer's serial number (msn)":
		b.identifier(corridor.IDMSN, name, v)
	case key == "aircraft tail number", key == "previous aircraft tail number":
		b.identifier(corridor.IDAircraftTail, name, v)
	case strings.HasPrefix(key, "aircraft construction number"), key == "aircraft mode s transponder code",
		key == "isin", key == "equity ticker", key == "micex code", key == "bik (ru)", key == "un/locode":
		b.identifier(corridor.IDOther, name, v)
	case key == "swift/bic":
		b.identifier(corridor.IDBIC, name, v)
	case key == "d-u-n-s number":
		b.identifier(corridor.IDRegistration, name, v)
	case strings.HasPrefix(key, "digital currency address"):
		b.identifier(corridor.IDCrypto, name, v)
	default:
		// Title, Website, Email Address, Phone Number, Aircraft Operator, Former Vessel Flag,
		// Organization Established Date, sanctions information ...
		b.remark(name, v.display())
	}
	return nil
}

func (b *built) identifier(kind corridor.IdentifierKind, label string, v featureValue) {
	number := v.text
	if number == "" {
		b.remark(label, v.display())
		return
	}
	b.Identifiers = append(b.Identifiers, corridor.Identifier{Kind: kind, Type: label, Number: number, Note: v.comment})
}

func vessel(b *built) *corridor.Vessel {
	if b.Vessel == nil {
		b.Vessel = &corridor.Vessel{}
	}
	return b.Vessel
}

func appendUnique(list []string, s string) []string {
	for _, have := range list {
		if have == s {
			return list
		}
	}
	return append(list, s)
}

func nonEmpty(values ...string) []string {
	var kept []string
	for _, v := range values {
		if v != "" {
			kept = append(kept, v)
		}
	}
	return kept
}
