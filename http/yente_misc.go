package http

import (
	"net/http"
	"slices"
	"strings"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/match"
)

type searchResponse struct {
	Results []ftmEntity    `json:"results"`
	Total   total          `json:"total"`
	Limit   int            `json:"limit"`
	Offset  int            `json:"offset"`
	Facets  map[string]any `json:"facets"`
}

// handleSearch answers yente's free-text search with corridor's name screening: the results
// are the entities whose names match q, best first.
func (s *Server) handleSearch(w http.ResponseWriter, r *http.Request) error {
	cur := s.current()
	sr := cur.Searcher()
	defer cur.Release(sr)
	idx := sr.Index()
	mp, ae := s.matchParams(r, idx, 10)
	if ae != nil {
		return ae
	}
	qs := r.URL.Query()
	offset, ae := intParam(qs, "offset", 0, 0, 10_000)
	if ae != nil {
		return ae
	}
	schema := qs.Get("schema")
	if schema == "" {
		schema = "Thing"
	}
	kind, ok := schemaKinds[schema]
	if !ok {
		return badRequest(codeBadSchema, "schema", "schema %q: want Person, Organization, Company, LegalEntity, PublicBody, Vessel, Airplane or Thing", schema)
	}
	text := strings.TrimSpace(qs.Get("q"))
	if text == "" {
		return badRequest(codeMissingQuery, "q", "q is required: the name to search for")
	}
	p := party{name: text, kind: kindArg(kind)}
	q, ae := p.query(fieldNames{name: "q", kind: "schema"}, idx.Versions())
	if ae != nil {
		return ae
	}
	q.Lists = mp.lists
	versions := map[corridor.ListID]corridor.ListVersion{}
	for _, v := range idx.Versions() {
		versions[v.List] = v
	}
	var ms []match.Match
	if len(mp.lists) > 0 && mp.topicsOK {
		ms = sr.Screen(q, nil)
	}
	res := searchResponse{Results: []ftmEntity{}, Limit: mp.limit, Offset: offset, Facets: map[string]any{}}
	for _, m := range ms {
		if slices.Contains(mp.excludeIDs, m.Entity.ID) {
			continue
		}
		e := ftmOf(m.Entity, versions[m.List])
		if slices.Contains(mp.excludeSchema, e.Schema) {
			continue
		}
		res.Total.Value++
		if res.Total.Value > offset && len(res.Results) < mp.limit {
			res.Results = append(res.Results, e)
		}
	}
	res.Total.Relation = "eq"
	writeJSON(w, http.StatusOK, res)
	return nil
}

func (s *Server) handleFtMEntity(w http.ResponseWriter, r *http.Request) error {
	e, ae := s.lookup(r.PathValue("id"))
	if ae != nil {
		return ae
	}
	var v corridor.ListVersion
	for _, lv := range s.current().Index().Versions() {
		if lv.List == e.List {
			v = lv
		}
	}
	writeJSON(w, http.StatusOK, ftmOf(e, v))
	return nil
}

type catalogResponse struct {
	Datasets   []catalogDataset `json:"datasets"`
	Current    []string         `json:"current"`
	Outdated   []string         `json:"outdated"`
	IndexStale bool             `json:"index_stale"`
}

type catalogDataset struct {
	Name         string   `json:"name"`
	Title        string   `json:"title"`
	Summary      string   `json:"summary,omitempty"`
	URL          string   `json:"url,omitempty"`
	Load         bool     `json:"load"`
	EntitiesURL  *string  `json:"entities_url"`
	Version      string   `json:"version"`
	IndexVersion string   `json:"index_version"`
	IndexCurrent bool     `json:"index_current"`
	Children     []string `json:"children"`
	// Not in yente: the corridor list the dataset is.
	List corridor.ListID `json:"corridor_list,omitempty"`
}

// handleCatalog lists the datasets: "default", the collection of every list, then each list
// loaded under its OpenSanctions name.
func (s *Server) handleCatalog(w http.ResponseWriter, r *http.Request) error {
	vs := s.current().Index().Versions()
	res := catalogResponse{Outdated: []string{}}
	all := catalogDataset{Name: "default", Title: "All lists loaded", Load: true, Version: "", IndexCurrent: true, Children: []string{}}
	var versions []string
	for _, v := range vs {
		name := datasetName(v.List)
		all.Children = append(all.Children, name)
		versions = append(versions, v.Hash)
		src := v.Source
		if !strings.HasPrefix(src, "http") {
			src = ""
		}
		res.Datasets = append(res.Datasets, catalogDataset{
			Name: name, Title: string(v.List), URL: src, Load: true, Version: v.Hash, IndexVersion: v.Hash,
			IndexCurrent: true, Children: []string{}, List: v.List,
		})
	}
	all.Version = strings.Join(versions, ",")
	all.IndexVersion = all.Version
	res.Datasets = append([]catalogDataset{all}, res.Datasets...)
	for _, d := range res.Datasets {
		res.Current = append(res.Current, d.Name)
	}
	writeJSON(w, http.StatusOK, res)
	return nil
}

type algorithmsResponse struct {
	Algorithms []algorithm `json:"algorithms"`
	Default    string      `json:"default"`
	Best       string      `json:"best"`
}

type algorithm struct {
	Name        string                `json:"name"`
	Description string                `json:"description"`
	Features    map[string]featureDoc `json:"features"`
}

func (s *Server) handleAlgorithms(w http.ResponseWriter, r *http.Request) error {
	desc := "corridor's matcher: weighted token alignment across scripts and spellings, with birth date, nationality, gender and identifiers. " +
		"yente's algorithm names (" + strings.Join(yenteAlgorithms, ", ") + ") are accepted as aliases of it."
	writeJSON(w, http.StatusOK, algorithmsResponse{
		Algorithms: []algorithm{{Name: algorithmName, Description: desc, Features: corridorFeatures}},
		Default:    algorithmName, Best: algorithmName,
	})
	return nil
}
