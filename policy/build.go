package policy

import (
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/corridor-aml/corridor"
)

var idPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{0,99}$`)

const dateLayout = "2006-01-02"

// errCondition marks a fault in a licence's condition, whose CEL positions count from the
// condition's own first line.
var errCondition = errors.New("when")

// build checks a decoded pack field by field and compiles its conditions.
func build(pf *packFile, spans spanList, envs *envs, fail func(string, int, error) error) (*Pack, error) {
	h := pf.Pack
	for _, f := range []struct{ name, value string }{
		{"pack.id", h.ID}, {"pack.version", h.Version}, {"pack.title", h.Title}, {"pack.disclaimer", h.Disclaimer},
	} {
		if strings.TrimSpace(f.value) == "" {
			return nil, fail("", 0, fmt.Errorf("%s: missing", f.name))
		}
	}
	if !idPattern.MatchString(h.ID) {
		return nil, fail("", 0, fmt.Errorf("pack.id %q: want lower-case letters, digits, '.', '_' or '-'", h.ID))
	}
	if len(pf.Licences) == 0 {
		return nil, fail("", 0, errors.New("licences: none"))
	}
	p := &Pack{ID: h.ID, Version: h.Version, Title: h.Title, Disclaimer: strings.TrimSpace(h.Disclaimer)}
	seen := map[string]int{}
	for i := range pf.Licences {
		lf := &pf.Licences[i]
		sp := span{id: "#" + fmt.Sprint(i+1)}
		if i < len(spans) {
			sp = spans[i]
		}
		name := sp.id
		if lf.ID != "" {
			name = lf.ID
		}
		if prev, dup := seen[lf.ID]; dup && lf.ID != "" {
			return nil, fail(name, sp.line, fmt.Errorf("id: duplicate of the licence on line %d", prev))
		}
		seen[lf.ID] = sp.line
		l, err := buildLicence(lf, envs)
		if err != nil {
			line := sp.line
			if errors.Is(err, errCondition) && sp.whenLine > 0 {
				line = sp.whenLine
			}
			return nil, fail(name, line, err)
		}
		l.Line = sp.line
		p.Licences = append(p.Licences, l)
	}
	return p, nil
}

func buildLicence(lf *licenceFile, envs *envs) (*Licence, error) {
	l := &Licence{
		ID:          lf.ID,
		Authority:   Authority(lf.Authority),
		Title:       strings.TrimSpace(lf.Title),
		From:        lf.Effective.From,
		To:          lf.Effective.To,
		AppliesTo:   Subject(lf.AppliesTo),
		When:        strings.TrimSpace(lf.When),
		Effect:      Effect(lf.Effect),
		Explanation: strings.TrimSpace(lf.Explanation),
	}
	if !idPattern.MatchString(lf.ID) {
		return nil, fmt.Errorf("id %q: want lower-case letters, digits, '.', '_' or '-', at most 100", lf.ID)
	}
	if !slices.Contains(authorities, l.Authority) {
		return nil, fmt.Errorf("authority %q: want OFAC, UN, UK or EU", lf.Authority)
	}
	if l.Title == "" {
		return nil, errors.New("title: missing")
	}
	if l.Explanation == "" {
		return nil, errors.New("explanation: missing")
	}
	if !slices.Contains(effects, l.Effect) {
		return nil, fmt.Errorf("effect %q: want authorize, deny or review", lf.Effect)
	}
	if err := checkCitations(lf.Citations); err != nil {
		return nil, err
	}
	for _, c := range lf.Citations {
		l.Citations = append(l.Citations, Citation{Document: strings.TrimSpace(c.Document), Section: strings.TrimSpace(c.Section), URL: c.URL})
	}
	if err := checkDates(lf.Effective); err != nil {
		return nil, err
	}
	switch l.AppliesTo {
	case "":
		l.AppliesTo = SubjectHit
	case SubjectHit, SubjectPayment:
	default:
		return nil, fmt.Errorf("applies_to %q: want hit or payment", lf.AppliesTo)
	}
	scope, err := checkScope(lf.Scope)
	if err != nil {
		return nil, err
	}
	if l.AppliesTo == SubjectPayment && (len(scope.Programs) > 0 || len(scope.Lists) > 0) {
		return nil, errors.New("scope: a payment licence covers jurisdictions only; programmes and lists are for hit licences")
	}
	l.Scope = scope
	if l.When == "" {
		return nil, errors.New("when: missing (write true for a licence with no condition)")
	}
	env := envs.hit
	if l.AppliesTo == SubjectPayment {
		env = envs.payment
	}
	if l.prog, err = compile(env, l.When); err != nil {
		return nil, fmt.Errorf("%w: %w", errCondition, err)
	}
	return l, nil
}

func checkCitations(cs []citationFile) error {
	if len(cs) == 0 {
		return errors.New("citations: none; every licence cites where it is published")
	}
	for i, c := range cs {
		if strings.TrimSpace(c.Document) == "" {
			return fmt.Errorf("citations[%d].document: missing", i+1)
		}
		if c.URL == "" {
			continue
		}
		u, err := url.Parse(c.URL)
		if err != nil {
			return fmt.Errorf("citations[%d].url: %w", i+1, err)
		}
		if (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
			return fmt.Errorf("citations[%d].url %q: want an http or https address", i+1, c.URL)
		}
	}
	return nil
}

func checkDates(e effectiveFile) error {
	if e.From == "" {
		return errors.New("effective.from: missing")
	}
	from, err := time.Parse(dateLayout, e.From)
	if err != nil {
		return fmt.Errorf("effective.from %q: want YYYY-MM-DD", e.From)
	}
	if e.To == "" {
		return nil
	}
	to, err := time.Parse(dateLayout, e.To)
	if err != nil {
		return fmt.Errorf("effective.to %q: want YYYY-MM-DD", e.To)
	}
	if to.Before(from) {
		return fmt.Errorf("effective.to %s is before effective.from %s", e.To, e.From)
	}
	return nil
}

func checkScope(s scopeFile) (Scope, error) {
	var out Scope
	for i, p := range s.Programs {
		if strings.TrimSpace(p) == "" {
			return out, fmt.Errorf("scope.programs[%d]: empty", i+1)
		}
		out.Programs = append(out.Programs, strings.TrimSpace(p))
	}
	for i, l := range s.Lists {
		id := corridor.ListID(l)
		if err := id.Validate(); err != nil {
			return out, fmt.Errorf("scope.lists[%d]: %w", i+1, err)
		}
		out.Lists = append(out.Lists, id)
	}
	for i, j := range s.Jurisdictions {
		if len(j) != 2 || j[0] < 'A' || j[0] > 'Z' || j[1] < 'A' || j[1] > 'Z' {
			return out, fmt.Errorf("scope.jurisdictions[%d] %q: want an ISO 3166-1 alpha-2 code in capitals", i+1, j)
		}
		out.Jurisdictions = append(out.Jurisdictions, j)
	}
	return out, nil
}
