package screen

import (
	"slices"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/match"
)

// Hit is a listed entity a payment's party or free text may be.
type Hit struct {
	Role        corridor.Role // the party's role; empty for free text
	Where       string        // where in the message: the party's field or element, or the text's
	Query       string        // what was screened: the party's name, or the words of the text
	Match       match.Match
	Threshold   float64 // the alert threshold of the entity's list
	Explanation match.Explanation
}

// PaymentResult is what screening a payment found.
type PaymentResult struct {
	Hits      []Hit         // best first
	Countries []CountryFact // every country the payment is tied to, party by party, then its text
	Alert     bool          // some hit reached its list's alert threshold
	Versions  []corridor.ListVersion
}

// Screener screens payments against the lists of a match.Current, so that a list reload
// never stops it. It is safe for concurrent use.
type Screener struct {
	current *match.Current
	places  *phraseIndex
	lists   []corridor.ListID
}

// Options tune a Screener. The zero value screens every list and reports DefaultJurisdictions.
type Options struct {
	Lists         []corridor.ListID // screen only these lists; empty means all
	Jurisdictions []Jurisdiction    // nil means DefaultJurisdictions
}

// NewScreener returns a Screener over the index current holds.
func NewScreener(current *match.Current, opt Options) *Screener {
	js := opt.Jurisdictions
	if js == nil {
		js = DefaultJurisdictions
	}
	return &Screener{current: current, places: newPhraseIndex(js), lists: opt.Lists}
}

// Limits of one payment's screening.
const (
	maxPartyMatches = 5 // below the alert threshold, a party's best few matches are enough to review
	maxTextWords    = 5 // the longest run of words in free text screened as one name
	minTextWords    = 2 // one word alone is no name: "Ali", "Bank"
	maxTextBytes    = 4096
)

// Payment screens every party of p with its role, and its free text for listed names and
// jurisdictions.
func (s *Screener) Payment(p *corridor.Payment) PaymentResult {
	searcher := s.current.Searcher()
	defer s.current.Release(searcher)
	var res PaymentResult
	res.Versions = searcher.Index().Versions()
	for i := range p.Parties {
		party := &p.Parties[i]
		res.Countries = append(res.Countries, partyCountries(party)...)
		res.Hits = append(res.Hits, s.party(searcher, party)...)
	}
	for _, texts := range [][]corridor.Text{p.RemittanceInfo, p.Instructions} {
		for _, t := range joinPieces(texts) {
			res.Hits = append(res.Hits, s.text(searcher, t)...)
			res.Countries = append(res.Countries, s.textCountries(t)...)
		}
	}
	slices.SortStableFunc(res.Hits, func(a, b Hit) int {
		switch {
		case a.Match.Score > b.Match.Score:
			return -1
		case a.Match.Score < b.Match.Score:
			return 1
		}
		return 0
	})
	for _, h := range res.Hits {
		res.Alert = res.Alert || h.Match.Alert
	}
	return res
}

// party screens one party: its name with its facts, and its BIC, account and identifiers,
// any of which the lists may give (an exact identifier decides the match).
func (s *Screener) party(searcher *match.Searcher, party *corridor.Party) []Hit {
	q := &match.Query{Name: party.Name, Lists: s.lists}
	if party.Role.IsAgent() {
		q.Kind = corridor.KindOrganization
	}
	if party.BirthDate != "" {
		if d, err := match.ParseBirthDate(party.BirthDate); err == nil {
			q.BirthDate = d
		}
	}
	for _, cc := range []string{party.Country, party.CountryOfResidence} {
		if cc != "" && !slices.Contains(q.Countries, cc) {
			q.Countries = append(q.Countries, cc)
		}
	}
	if party.BIC != "" {
		// Lists give BICs with 8 characters or 11: a payment's "HAVIGB2LXXX" is "HAVIGB2L".
		q.Identifiers = append(q.Identifiers, party.BIC)
		if len(party.BIC) == 11 {
			q.Identifiers = append(q.Identifiers, party.BIC[:8])
		}
	}
	if party.Account != "" {
		q.Identifiers = append(q.Identifiers, party.Account)
	}
	for _, id := range party.Identifiers {
		q.Identifiers = append(q.Identifiers, id.Number)
	}
	query := party.Name
	if query == "" {
		query = party.BIC
	}
	var hits []Hit
	for i, m := range searcher.Screen(q, nil) {
		if !m.Alert && i >= maxPartyMatches {
			continue
		}
		hits = append(hits, Hit{Role: party.Role, Where: party.Where, Query: query, Match: m,
			Threshold: searcher.Index().Config().ThresholdFor(m.List), Explanation: searcher.Explain(q, m)})
	}
	return hits
}

// text screens a piece of free text for listed names: every run of two to five words is
// screened as a name (see textRuns), and an entity that alerts is reported once, with its
// best run. Below the threshold, words of free text are no evidence worth an analyst's time.
func (s *Screener) text(searcher *match.Searcher, t corridor.Text) []Hit {
	best := map[string]int{}
	var hits []Hit
	for _, run := range textRuns(t.Text) {
		q := &match.Query{Name: run, Lists: s.lists}
		for _, m := range searcher.Screen(q, nil) {
			if !m.Alert {
				continue
			}
			h := Hit{Where: t.Where, Query: q.Name, Match: m, Threshold: searcher.Index().Config().ThresholdFor(m.List)}
			if j, ok := best[m.Entity.ID]; ok {
				if m.Score > hits[j].Match.Score {
					hits[j] = h
				}
				continue
			}
			best[m.Entity.ID] = len(hits)
			hits = append(hits, h)
		}
	}
	// Explained once, for the run that named each entity best.
	for i := range hits {
		q := &match.Query{Name: hits[i].Query, Lists: s.lists}
		hits[i].Explanation = searcher.Explain(q, hits[i].Match)
	}
	return hits
}

// textCountries returns the jurisdictions a piece of free text names, and the countries of
// residence its regulatory code words state.
func (s *Screener) textCountries(t corridor.Text) []CountryFact {
	var out []CountryFact
	codes, phrases := s.places.find(t.Text)
	for i, code := range codes {
		out = append(out, CountryFact{Country: code, Source: "text", Where: t.Where, Text: phrases[i]})
	}
	for _, cc := range residenceCodes(t.Text) {
		out = append(out, CountryFact{Country: cc, Source: "residence", Where: t.Where, Text: "/" + cc + "/"})
	}
	return out
}
