package http

import (
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/batch"
	"github.com/corridor-aml/corridor/match"
)

// The OpenSanctions-compatible API follows yente's contract (routes, parameters, response
// shapes), so that a client written for yente can point at corridor. Scores are corridor's:
// the default threshold is corridor's calibrated one, not yente's 0.7.

const (
	matchDefaultLimit = 5
	maxExcludedIDs    = 50 // as yente
	maxNamesPerQuery  = 10
	algorithmName     = "corridor"
)

// yenteAlgorithms are accepted as aliases, so that a client configured with yente's
// algorithm names works unchanged; every one is answered by corridor's matcher.
var yenteAlgorithms = []string{"logic-v1", "logic-v2", "name-based", "name-qualified", "regression-v1", "regression-v2", "best", "default"}

type matchRequest struct {
	Queries map[string]*ftmExample `json:"queries"`
	Weights map[string]float64     `json:"weights,omitempty"` // yente's scoring weights: accepted, not used
	Config  map[string]any         `json:"config,omitempty"`  // likewise
}

type ftmExample struct {
	ID         string                `json:"id,omitempty"`
	Schema     string                `json:"schema"`
	Properties map[string]stringList `json:"properties"`
}

type matchResponse struct {
	Responses map[string]*entityMatches `json:"responses"`
	Matcher   map[string]featureDoc     `json:"matcher"`
	Limit     int                       `json:"limit"`
}

type entityMatches struct {
	Status  int            `json:"status"`
	Results []scoredFtM    `json:"results"`
	Total   total          `json:"total"`
	Query   ftmExampleEcho `json:"query"`
}

type ftmExampleEcho struct {
	ID         string              `json:"id,omitempty"`
	Schema     string              `json:"schema"`
	Properties map[string][]string `json:"properties"`
}

type total struct {
	Value    int    `json:"value"`
	Relation string `json:"relation"`
}

type scoredFtM struct {
	ftmEntity
	Score        float64                `json:"score"`
	Features     map[string]float64     `json:"features"`
	Match        bool                   `json:"match"`
	Explanations map[string]explanation `json:"explanations"`
}

type explanation struct {
	Detail      string             `json:"detail"`
	Explanation *match.Explanation `json:"explanation,omitempty"`
}

type featureDoc struct {
	Description string  `json:"description"`
	Coefficient float64 `json:"coefficient"`
	URL         string  `json:"url"`
}

var corridorFeatures = map[string]featureDoc{
	"name_score": {Description: "corridor's weighted token alignment of the names (docs/matching.md)", Coefficient: 1,
		URL: "https://github.com/corridor-aml/corridor/blob/main/docs/matching.md"},
	"facts": {Description: "what birth date, nationality, gender and identifiers added to or took from the name score", Coefficient: 1,
		URL: "https://github.com/corridor-aml/corridor/blob/main/docs/matching.md"},
}

// matchParams are the query parameters of /match, validated.
type matchParams struct {
	limit             int
	threshold, cutoff float64
	lists             []corridor.ListID // the lists to screen, after dataset filters; empty: none
	excludeSchema     []string
	topicsOK          bool
	changedSince      time.Time
	excludeIDs        []string
}

func (s *Server) handleMatch(w http.ResponseWriter, r *http.Request) error {
	// The body first: a searcher is not held while a slow client sends it.
	var req matchRequest
	if err := decodeJSON(w, r, s.opt.Limits.MaxBodyBytes, &req); err != nil {
		return err
	}
	cur := s.current()
	sr := cur.Searcher()
	defer cur.Release(sr)
	idx := sr.Index()
	mp, ae := s.matchParams(r, idx, matchDefaultLimit)
	if ae != nil {
		return ae
	}
	if len(req.Queries) == 0 {
		return badRequest(codeNoQueries, "queries", "no queries provided")
	}
	if len(req.Queries) > s.opt.Limits.MaxQueries {
		return badRequest(codeTooManyQueries, "queries", "too many queries in one batch (limit: %d)", s.opt.Limits.MaxQueries)
	}
	// Validate every query before screening any, so that a bad one fails the request as in yente.
	type prepared struct {
		key   string
		names []string
		q     *match.Query
		echo  ftmExampleEcho
	}
	var todo []prepared
	keys := make([]string, 0, len(req.Queries))
	for k := range req.Queries {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, key := range keys {
		ex := req.Queries[key]
		if ex == nil {
			continue
		}
		names, q, ae := ex.query("queries."+key, idx.Versions())
		if ae != nil {
			return ae
		}
		echo := ftmExampleEcho{ID: ex.ID, Schema: ex.Schema, Properties: map[string][]string{}}
		for prop, vals := range ex.Properties {
			echo.Properties[prop] = []string(vals)
		}
		todo = append(todo, prepared{key: key, names: names, q: q, echo: echo})
	}
	if len(todo) == 0 {
		return badRequest(codeNoQueries, "queries", "no queries provided")
	}
	resp := matchResponse{Responses: map[string]*entityMatches{}, Matcher: corridorFeatures, Limit: mp.limit}
	for _, t := range todo {
		t.q.Lists = mp.lists
		results := s.matchOne(sr, t.names, t.q, mp)
		n := len(results)
		if len(results) > mp.limit {
			results = results[:mp.limit]
		}
		resp.Responses[t.key] = &entityMatches{Status: http.StatusOK, Results: results, Total: total{Value: n, Relation: "eq"}, Query: t.echo}
	}
	w.Header().Set("X-Batch-Size", strconv.Itoa(len(resp.Responses)))
	writeJSON(w, http.StatusOK, resp)
	return nil
}

// matchOne screens every name of one example and keeps each entity's best score, as yente
// scores an example against a candidate with all its names.
func (s *Server) matchOne(sr *match.Searcher, names []string, q *match.Query, mp *matchParams) []scoredFtM {
	if len(mp.lists) == 0 || !mp.topicsOK {
		return []scoredFtM{}
	}
	type best struct {
		m match.Match
		q match.Query
	}
	byID := map[string]*best{}
	var order []string
	var buf []match.Match
	for _, name := range names {
		nq := *q
		nq.Name = name
		buf = sr.Screen(&nq, buf[:0])
		for _, m := range buf {
			if b, ok := byID[m.Entity.ID]; ok {
				if m.Score > b.m.Score {
					b.m, b.q = m, nq
				}
				continue
			}
			byID[m.Entity.ID] = &best{m: m, q: nq}
			order = append(order, m.Entity.ID)
		}
	}
	versions := map[corridor.ListID]corridor.ListVersion{}
	for _, v := range sr.Index().Versions() {
		versions[v.List] = v
	}
	out := []scoredFtM{}
	for _, id := range order {
		b := byID[id]
		m := b.m
		if m.Score < mp.cutoff || slices.Contains(mp.excludeIDs, id) {
			continue
		}
		v := versions[m.List]
		e := ftmOf(m.Entity, v)
		if slices.Contains(mp.excludeSchema, e.Schema) || (!mp.changedSince.IsZero() && lastChange(v).Before(mp.changedSince)) {
			continue
		}
		isMatch := m.Score >= mp.threshold
		if isMatch {
			s.metrics.alerts.WithLabelValues(string(m.List)).Inc()
		}
		ex := sr.Explain(&b.q, m)
		ex.Alert, ex.Threshold = isMatch, mp.threshold
		out = append(out, scoredFtM{
			ftmEntity: e, Score: m.Score, Match: isMatch,
			Features:     map[string]float64{"name_score": m.NameScore, "facts": m.Score - m.NameScore},
			Explanations: map[string]explanation{algorithmName: {Detail: batch.Reason(m, ex), Explanation: &ex}},
		})
	}
	slices.SortStableFunc(out, func(a, b scoredFtM) int {
		switch {
		case a.Score > b.Score:
			return -1
		case a.Score < b.Score:
			return 1
		}
		return 0
	})
	return out
}

// query maps an example's FollowTheMoney properties onto corridor's query: the names to
// screen, and the facts. Properties corridor does not screen on (address, email ...) are
// ignored, as yente ignores what its matcher does not use.
func (ex *ftmExample) query(field string, loaded []corridor.ListVersion) ([]string, *match.Query, *apiError) {
	kind, ok := schemaKinds[ex.Schema]
	if !ok {
		return nil, nil, badRequest(codeBadSchema, field+".schema",
			"schema %q: want Person, Organization, Company, LegalEntity, PublicBody, Vessel, Airplane or Thing", ex.Schema)
	}
	props := ex.Properties
	var names []string
	for _, prop := range []string{"name", "alias", "previousName", "weakAlias"} {
		for _, v := range props[prop] {
			if v = strings.TrimSpace(v); v != "" && !slices.Contains(names, v) {
				names = append(names, v)
			}
		}
	}
	if len(names) == 0 {
		var parts []string
		for _, prop := range []string{"firstName", "secondName", "middleName", "fatherName", "lastName"} {
			parts = append(parts, props[prop]...)
		}
		if full := strings.TrimSpace(strings.Join(parts, " ")); full != "" {
			names = append(names, full)
		}
	}
	if len(names) > maxNamesPerQuery {
		names = names[:maxNamesPerQuery]
	}
	pf := fieldNames{
		name: field + ".properties.name", kind: field + ".schema", birthDate: field + ".properties.birthDate",
		countries: field + ".properties.nationality", gender: field + ".properties.gender",
		identifiers: field + ".properties.idNumber",
	}
	p := party{kind: kindArg(kind), gender: first(props["gender"])}
	if len(names) > 0 {
		p.name = names[0]
	}
	if bd := first(props["birthDate"]); bd != "" {
		// FtM dates may carry a time; a birth date is the day.
		if d, _, ok := strings.Cut(bd, "T"); ok {
			bd = d
		}
		p.birthDate = bd
	}
	for _, prop := range []string{"nationality", "citizenship", "country", "jurisdiction"} {
		p.countries = append(p.countries, props[prop]...)
	}
	for _, prop := range []string{"idNumber", "passportNumber", "registrationNumber", "taxNumber", "innCode", "ogrnCode",
		"vatCode", "leiCode", "swiftBic", "imoNumber", "mmsi", "socialSecurityNumber", "callSign"} {
		p.identifiers = append(p.identifiers, props[prop]...)
	}
	q, ae := p.query(pf, loaded)
	if ae != nil {
		return nil, nil, ae
	}
	return names, q, nil
}

func first(vals []string) string {
	for _, v := range vals {
		if strings.TrimSpace(v) != "" {
			return v
		}
	}
	return ""
}

// matchParams reads and checks the query parameters /match and /search share.
func (s *Server) matchParams(r *http.Request, idx *match.Index, defaultLimit int) (*matchParams, *apiError) {
	qs := r.URL.Query()
	loaded := idx.Versions()
	base, ok := resolveDataset(r.PathValue("dataset"), loaded)
	if !ok {
		return nil, &apiError{Status: http.StatusNotFound, Code: codeUnknownDataset, Field: "dataset",
			Message: "dataset " + strconv.Quote(r.PathValue("dataset")) + " not found (see /catalog)"}
	}
	mp := &matchParams{limit: defaultLimit, threshold: idx.Config().Threshold, cutoff: idx.Config().MinScore, topicsOK: true}
	var ae *apiError
	if mp.limit, ae = intParam(qs, "limit", defaultLimit, 1, maxLimit); ae != nil {
		return nil, ae
	}
	if mp.threshold, ae = scoreParam(qs, "threshold", mp.threshold); ae != nil {
		return nil, ae
	}
	if mp.cutoff, ae = scoreParam(qs, "cutoff", mp.cutoff); ae != nil {
		return nil, ae
	}
	mp.cutoff = min(mp.cutoff, mp.threshold) // as yente: a cutoff above the threshold would hide matches
	if a := qs.Get("algorithm"); a != "" && a != algorithmName && !slices.Contains(yenteAlgorithms, a) {
		return nil, badRequest(codeBadAlgorithm, "algorithm", "algorithm %q: want %s (see /algorithms)", a, algorithmName)
	}
	include := map[corridor.ListID]bool{}
	for _, ds := range qs["include_dataset"] {
		ids, ok := resolveDataset(ds, loaded)
		if !ok {
			return nil, badRequest(codeUnknownDataset, "include_dataset", "dataset %q not found (see /catalog)", ds)
		}
		for _, id := range ids {
			include[id] = true
		}
	}
	exclude := map[corridor.ListID]bool{}
	for _, ds := range qs["exclude_dataset"] {
		ids, ok := resolveDataset(ds, loaded)
		if !ok {
			return nil, badRequest(codeUnknownDataset, "exclude_dataset", "dataset %q not found (see /catalog)", ds)
		}
		for _, id := range ids {
			exclude[id] = true
		}
	}
	for _, id := range base {
		if (len(include) == 0 || include[id]) && !exclude[id] {
			mp.lists = append(mp.lists, id)
		}
	}
	for _, sc := range qs["exclude_schema"] {
		if _, ok := schemaKinds[sc]; !ok {
			return nil, badRequest(codeBadSchema, "exclude_schema", "schema %q: not a schema corridor knows", sc)
		}
		mp.excludeSchema = append(mp.excludeSchema, sc)
	}
	if topics := qs["topics"]; len(topics) > 0 {
		mp.topicsOK = slices.Contains(topics, "sanction") // every listed entity is sanctioned, nothing else
	}
	if cs := qs.Get("changed_since"); cs != "" {
		t, err := parseChangedSince(cs)
		if err != nil {
			return nil, badRequest(codeBadParameter, "changed_since", "changed_since %q: want YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS", cs)
		}
		mp.changedSince = t
	}
	mp.excludeIDs = qs["exclude_entity_ids"]
	if len(mp.excludeIDs) > maxExcludedIDs {
		return nil, badRequest(codeTooManyExcluded, "exclude_entity_ids", "at most %d exclude_entity_ids", maxExcludedIDs)
	}
	return mp, nil
}

func parseChangedSince(s string) (time.Time, error) {
	for _, layout := range []string{time.DateOnly, ftmTime, time.RFC3339} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	_, err := time.Parse(time.DateOnly, s)
	return time.Time{}, err
}

func intParam(qs url.Values, name string, def, lo, hi int) (int, *apiError) {
	v := qs.Get(name)
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < lo || n > hi {
		code := codeBadParameter
		if name == "limit" {
			code = codeBadLimit
		}
		return 0, badRequest(code, name, "%s %q: want a whole number from %d to %d", name, v, lo, hi)
	}
	return n, nil
}

func scoreParam(qs url.Values, name string, def float64) (float64, *apiError) {
	v := qs.Get(name)
	if v == "" {
		return def, nil
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || !(f >= 0 && f <= 1) {
		code := codeBadParameter
		if name == "threshold" {
			code = codeBadThreshold
		}
		return 0, badRequest(code, name, "%s %q: want a number from 0 to 1", name, v)
	}
	return f, nil
}
