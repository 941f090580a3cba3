package match

import (
	"fmt"
	"strings"

	"github.com/corridor-aml/corridor"
)

// Explanation says why a listed entity matched a query, for an analyst to read: which
// tokens aligned and how alike they are, how much each weighs, what was left over, and how
// every secondary fact moved the score.
type Explanation struct {
	Query      string  `json:"query"`
	EntityID   string  `json:"entity_id"`
	ListedName string  `json:"listed_name"`
	Score      float64 `json:"score"`
	Threshold  float64 `json:"threshold"`
	Alert      bool    `json:"alert"`

	Tokens         []TokenAlignment `json:"tokens"`
	QueryLeftOver  []Token          `json:"query_left_over,omitempty"`
	ListedLeftOver []Token          `json:"listed_left_over,omitempty"`
	QueryCoverage  float64          `json:"query_coverage"`  // share of the query's weight the listed name explains
	ListedCoverage float64          `json:"listed_coverage"` // share of the listed name's weight the query explains
	Evidence       float64          `json:"evidence"`        // matched weight, see docs/matching.md
	Complete       bool             `json:"complete"`        // every token aligned, each equal or one slip apart
	EvidenceFactor float64          `json:"evidence_factor"`
	WeakAlias      bool             `json:"weak_alias,omitempty"`
	NameScore      float64          `json:"name_score"`
	Facts          []FactEffect     `json:"facts,omitempty"`
	Identifier     string           `json:"identifier,omitempty"` // an identifier that matched exactly and decided the match
}

// TokenAlignment is one query token (or two written apart) aligned with one listed token (or
// two written together).
type TokenAlignment struct {
	Query        string  `json:"query"`
	Listed       string  `json:"listed"`
	Similarity   float64 `json:"similarity"`
	QueryWeight  float64 `json:"query_weight"`
	ListedWeight float64 `json:"listed_weight"`
	How          string  `json:"how"` // exact, one or two edits, same consonants, joined, split
}

// Token is a token with its weight.
type Token struct {
	Text   string  `json:"text"`
	Weight float64 `json:"weight"`
}

// Explain tells why m, a match of q found by this searcher's index, scored as it did.
func (s *Searcher) Explain(q *Query, m Match) Explanation {
	idx := s.idx
	ex := Explanation{
		Query: q.Name, EntityID: m.Entity.ID, ListedName: m.Name, Score: m.Score,
		Threshold: idx.cfg.ThresholdFor(m.List), Alert: m.Alert, NameScore: m.NameScore,
	}
	if m.name >= 0 {
		s.analyze(q)
		s.candidates()
		s.linkCandidates()
		rec := &idx.names[m.name]
		s.align.score(s, rec, s.queryCover(), true)
		s.describeAlignment(&ex, rec)
	}
	f := &idx.facts[m.entity]
	for _, e := range []FactEffect{birthEffect(q.BirthDate, m.Entity, f), countryEffect(q.Countries, f), genderEffect(q.Gender, f)} {
		if e.Fact == "" {
			continue
		}
		if e.Fact == FactBirthDate {
			e.Query = q.BirthDate.String()
			e.Listed = listedBirthDates(m.Entity)
		}
		if e.Fact == FactCountry && !e.Agrees {
			e.Query = strings.Join(q.Countries, ",")
			e.Listed = strings.Join(f.countries, ",")
		}
		ex.Facts = append(ex.Facts, e)
	}
	for _, raw := range q.Identifiers {
		key := normalizeID(raw)
		for _, id := range m.Entity.Identifiers {
			if len(key) >= minIDLen && normalizeID(id.Number) == key {
				ex.Identifier = raw
				ex.Facts = append(ex.Facts, FactEffect{Fact: FactIdentifier, Query: raw, Listed: id.Type + " " + id.Number, Agrees: true, Delta: identifierMatched - m.NameScore})
			}
		}
	}
	return ex
}

func (s *Searcher) describeAlignment(ex *Explanation, rec *nameRec) {
	idx := s.idx
	toks := idx.nameToks[rec.start:rec.end]
	var usedQ, usedN uint64
	var coveredQ, coveredN float32
	for _, p := range s.align.chosen {
		qt := &s.qtoks[p.q]
		ta := TokenAlignment{Query: string(qt.text), Similarity: float64(p.sim), QueryWeight: float64(qt.weight)}
		usedQ |= 1 << p.q
		cq := qt.cover
		if p.two {
			next := &s.qtoks[p.q+1]
			ta.Query += " " + string(next.text)
			ta.QueryWeight += float64(next.weight)
			cq += next.cover
			usedQ |= 1 << (p.q + 1)
		}
		t := &idx.toks[toks[p.n]]
		ta.Listed, ta.ListedWeight = t.text, float64(t.weight)
		cn := t.cover * positionFactor(int(p.n), len(toks), int(rec.family))
		usedN |= 1 << p.n
		if p.n2 >= 0 {
			t2 := &idx.toks[toks[p.n2]]
			ta.Listed += " " + t2.text
			ta.ListedWeight += float64(t2.weight)
			cn += t2.cover * positionFactor(int(p.n2), len(toks), int(rec.family))
			usedN |= 1 << p.n2
		}
		ta.How = how(p)
		coveredQ += cq * p.sim
		coveredN += cn * p.sim
		ex.Tokens = append(ex.Tokens, ta)
	}
	for i, qt := range s.qtoks {
		if usedQ&(1<<i) == 0 {
			ex.QueryLeftOver = append(ex.QueryLeftOver, Token{Text: string(qt.text), Weight: float64(qt.weight)})
		}
	}
	for j, id := range toks {
		if usedN&(1<<j) == 0 {
			ex.ListedLeftOver = append(ex.ListedLeftOver, Token{Text: idx.toks[id].text, Weight: float64(idx.toks[id].weight)})
		}
	}
	ex.QueryCoverage = float64(min(1, coveredQ/s.queryCover()))
	ex.ListedCoverage = float64(min(1, coveredN/rec.denomN))
	ex.Evidence = float64(s.align.evidence)
	ex.Complete = s.align.complete
	ex.EvidenceFactor = evidenceFactor(s.align.evidence, s.align.complete)
	ex.WeakAlias = rec.weak
}

func how(p pairing) string {
	switch {
	case p.two:
		return "written apart"
	case p.n2 >= 0:
		return "written together"
	case p.sim >= 1:
		return "exact"
	case p.via == viaSkeleton:
		return "same consonants"
	case p.via == viaWritten:
		return "as written"
	case p.via == viaSplit:
		return "title or form joined"
	case p.sim >= nearExactSim:
		return "one slip"
	}
	return "two slips"
}

func listedBirthDates(e *corridor.Entity) string {
	parts := make([]string, len(e.BirthDates))
	for i, d := range e.BirthDates {
		parts[i] = d.String()
	}
	return strings.Join(parts, ", ")
}

// Text renders the explanation for a person to read.
func (ex Explanation) Text() string {
	var b strings.Builder
	verdict := "below the alert threshold"
	if ex.Alert {
		verdict = "ALERT"
	}
	entity := ex.EntityID
	if entity != "" {
		entity += " "
	}
	fmt.Fprintf(&b, "%s matches %s%q with score %.3f (threshold %.2f): %s\n", quote(ex.Query), entity, ex.ListedName, ex.Score, ex.Threshold, verdict)

	if ex.Identifier != "" {
		fmt.Fprintf(&b, "  identifier %s matches exactly: decisive\n", ex.Identifier)
	}
	for _, t := range ex.Tokens {
		fmt.Fprintf(&b, "  %-22s ~ %-22s %-16s similarity %.2f, weight %.2f/%.2f\n", t.Query, t.Listed, t.How, t.Similarity, t.QueryWeight, t.ListedWeight)
	}
	for _, t := range ex.QueryLeftOver {
		fmt.Fprintf(&b, "  %-22s   (not in the listed name, weight %.2f)\n", t.Text, t.Weight)
	}
	for _, t := range ex.ListedLeftOver {
		fmt.Fprintf(&b, "  %-22s ~ %-22s (listed, not in the query, weight %.2f)\n", "", t.Text, t.Weight)
	}

	fmt.Fprintf(&b, "  name: covers %.0f%% of the query and %.0f%% of the listed name; evidence %.2f (factor %.2f)", 100*ex.QueryCoverage, 100*ex.ListedCoverage, ex.Evidence, ex.EvidenceFactor)
	switch {
	case ex.WeakAlias && len(ex.QueryLeftOver) > 0:
		fmt.Fprintf(&b, "; the list marks this alias weak and the query has more names (x%.2f)", weakScale(true))
	case ex.WeakAlias:
		b.WriteString("; the list marks this alias weak")
	}
	fmt.Fprintf(&b, " -> name score %.3f\n", ex.NameScore)
	for _, f := range ex.Facts {
		fmt.Fprintf(&b, "  %s %s (query %s, listed %s): %+.2f\n", f.Fact, f.Verdict(), orNone(f.Query), orNone(f.Listed), f.Delta)
	}
	return b.String()
}

func quote(s string) string { return fmt.Sprintf("%q", s) }

func orNone(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
