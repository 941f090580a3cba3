package match

import (
	"math"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/names"
)

// Index is the immutable search structure over one set of list versions.
type Index struct {
	cfg      Config
	versions []corridor.ListVersion
	entities []*corridor.Entity
	facts    []entityFacts
	lists    []int8          // entity -> position of its list in versions
	kinds    []corridor.Kind // entity -> its kind, kept beside lists so that filters stay in cache

	names     []nameRec
	denoms    []float32 // name -> its denomN, packed for the pruning loop that reads little else
	nameToks  []int32   // token ids of all names, back to back; nameRec points into it
	vocab     map[string]int32
	vocabH    keyTable // hash of a token -> the tokens with that hash
	toks      []tokRec
	skelH     []uint64 // token id -> hash of its skeleton, packed for aligning by skeleton
	delKeys   keyTable // hash of a token with one letter deleted, or whole -> tokens
	skelKeys  keyTable // hash of a consonant skeleton -> tokens
	abjadSkel keyTable // the same, only tokens written in Arabic script: all a Latin query needs
	delBuild  map[uint64][]keyRef
	skelBuild map[uint64][]keyRef
	raws      []string // listed tokens as written before canonical rewriting
	known     knownFilter
	rawSeen   map[rawRef]struct{}
	ids       map[string][]int32 // normalized identifier -> entities
	ref       *Index             // for a comparison of two names: the index whose weights apply
	near      []cand             // the candidates of every listed token in a Latin query ...
	nearAt    [][2]int32         // ... token id -> its range in near
}

type tokRec struct {
	text     string
	weight   float32 // evidence: how much agreeing on this token says about identity
	cover    float32 // coverage: how much of a name this token is, see coverageFloor
	skel     string  // consonant skeleton, see names.Skeleton
	abjad    bool    // written in Arabic script on the list, so without short vowels
	title    bool    // a title, kept only in a name it would otherwise leave with one token
	postings []int32 // names that contain the token
}

type nameRec struct {
	entity     int32
	start, end int32 // its tokens: nameToks[start:end]
	denomN     float32
	family     int8 // how many of its last tokens are family names (0: not known)
	weak       bool
	kind       corridor.NameKind
	full       string
}

// middleDiscount is how much a name's middle tokens count towards covering it: middle names
// are the part that payroll and payment data most often leave out.
const middleDiscount = 0.3

// firstFamilyFactor is how much the first of several family names counts, see positionFactor.
const firstFamilyFactor = 1.6

// Build indexes the entities of the given list versions. Entities are referenced, not copied:
// the snapshots must not change afterwards.
func Build(snapshots []*corridor.ListSnapshot, cfg Config) (*Index, error) {
	return build(snapshots, cfg, nil)
}

// build indexes the snapshots; with weights, tokens take their weights from that index
// instead of from the snapshots' own frequencies (for comparing two names on their own).
func build(snapshots []*corridor.ListSnapshot, cfg Config, weights *Index) (*Index, error) {
	cfg, err := cfg.withDefaults()
	if err != nil {
		return nil, err
	}
	size := 0 // a guess at the number of distinct tokens, to size the maps once
	for _, s := range snapshots {
		size += 2 * len(s.Entities)
	}
	idx := &Index{
		ref:       weights,
		cfg:       cfg,
		vocab:     make(map[string]int32, size),
		delBuild:  make(map[uint64][]keyRef, 8*size),
		skelBuild: make(map[uint64][]keyRef, size),
		rawSeen:   make(map[rawRef]struct{}, size),
		ids:       make(map[string][]int32, size/4),
	}

	var a names.Analyzer
	var rawBuf [128]byte
	df := make([]int32, 0, 1<<15)
	seen := make(map[int32]struct{}, 32)
	for li, snap := range snapshots {
		idx.versions = append(idx.versions, snap.Version)
		for i := range snap.Entities {
			e := &snap.Entities[i]
			ei := int32(len(idx.entities))
			idx.entities = append(idx.entities, e)
			idx.lists = append(idx.lists, int8(li))
			idx.kinds = append(idx.kinds, e.Kind)
			idx.facts = append(idx.facts, factsOf(e))
			clear(seen)
			for _, n := range e.Names {
				toks := a.Analyze(n.Full, e.Kind)
				if len(toks) == 0 {
					continue
				}
				rec := nameRec{entity: ei, start: int32(len(idx.nameToks)), family: int8(min(a.Family(), maxNameTokens)), weak: n.Weak, kind: n.Kind, full: n.Full}
				abjad := names.IsAbjad(n.Full)
				for ti, t := range toks {
					id := idx.intern(t, &df)
					if raw := a.Raw(rawBuf[:0], ti); string(raw) != string(t) {
						idx.addRaw(raw, id, false)
					}
					if stem, ok := compoundStem(t); ok {
						idx.addRaw(stem, id, true)
					}

					idx.toks[id].abjad = idx.toks[id].abjad || abjad
					idx.nameToks = append(idx.nameToks, id)
					seen[id] = struct{}{}
				}
				rec.end = int32(len(idx.nameToks))
				idx.names = append(idx.names, rec)
			}
			for id := range seen {
				df[id]++
			}
			for _, id := range e.Identifiers {
				if key := normalizeID(id.Number); len(key) >= minIDLen {
					idx.ids[key] = append(idx.ids[key], ei)
				}
			}
		}
	}
	idx.weigh(df, weights)
	idx.post()
	idx.freeze()
	idx.fillKnown()
	idx.findNear()
	idx.rawSeen = nil
	return idx, nil
}

// keyRef is what a deletion key leads to: a listed token, through its canonical form
// (raw < 0) or through its written form idx.raws[raw].
type keyRef struct {
	tok  int32
	raw  int32
	stem bool // raw is the stem of a compound ("siraj" of "sirajdin"), not a way to write it
}

// freeze turns the maps filled while indexing into the compact tables screening reads.
func (idx *Index) freeze() {
	vocab := make(map[uint64][]keyRef, len(idx.vocab))
	for text, id := range idx.vocab {
		h := hashString(text)
		vocab[h] = append(vocab[h], keyRef{tok: id, raw: -1})
	}
	idx.vocabH = freezeKeys(vocab)
	idx.delKeys = freezeKeys(idx.delBuild)
	idx.skelKeys = freezeKeys(idx.skelBuild)
	abjad := make(map[uint64][]keyRef)
	for h, refs := range idx.skelBuild {
		for _, r := range refs {
			if idx.toks[r.tok].abjad {
				abjad[h] = append(abjad[h], r)
			}
		}
	}
	idx.abjadSkel = freezeKeys(abjad)
	idx.delBuild, idx.skelBuild = nil, nil
}

func (idx *Index) fillKnown() {
	idx.known = make(knownFilter, knownBits/64)
	for text := range idx.vocab {
		idx.known.add(hashString(text))
	}
	for _, raw := range idx.raws {
		idx.known.add(hashString(raw))
	}
	names.Vocabulary(func(w string) { idx.known.add(hashString(w)) })
}

// findNear looks up, once, the candidates of every listed token as a Latin query would: the
// tokens one or two edits away, their written forms and the Arabic-script tokens sharing its
// skeleton. Screening a listed token then costs one lookup instead of one per letter.
func (idx *Index) findNear() {
	s := NewSearcher(idx)
	nearAt := make([][2]int32, len(idx.toks))
	var near []cand
	for id := range idx.toks {
		s.cands = s.cands[:0]
		s.lookup([]byte(idx.toks[id].text), int32(id), 0, false)
		nearAt[id] = [2]int32{int32(len(near)), int32(len(near) + len(s.cands))}
		near = append(near, s.cands...)
	}
	idx.near, idx.nearAt = near, nearAt
}

// writtenID returns the id of the listed token that t is the written form of ("hissein",
// indexed as "husain"), or of t itself when it is listed.
func (idx *Index) writtenID(t []byte) (int32, bool) {
	if id, ok := idx.tokenID(t); ok {
		return id, true
	}
	for _, ref := range idx.delKeys.get(hashOf(t)) {
		if ref.raw >= 0 && !ref.stem && idx.raws[ref.raw] == string(t) {
			return ref.tok, true
		}
	}
	return 0, false
}

// tokenID returns the id of a listed token.

func (idx *Index) tokenID(t []byte) (int32, bool) {
	for _, ref := range idx.vocabH.get(hashOf(t)) {
		if idx.toks[ref.tok].text == string(t) {
			return ref.tok, true
		}
	}
	return 0, false
}

// rawRef is a listed token as written before canonical rewriting ("tajeddine", "abdalrahman").
type rawRef struct {
	text string
	tok  int32 // the canonical token it became
}

// addRaw indexes the written form of a token under its one-deletion keys, so that a typo in
// a compound ("Tajeddie", "Adul Rahman") that defeats the canonical rewriting still finds it.
func (idx *Index) addRaw(raw []byte, tok int32, stem bool) {
	ref := rawRef{text: string(raw), tok: tok}
	if _, dup := idx.rawSeen[ref]; dup {
		return
	}
	idx.rawSeen[ref] = struct{}{}
	r := keyRef{tok: tok, raw: int32(len(idx.raws)), stem: stem}
	idx.raws = append(idx.raws, ref.text)
	var prefix [maxQueryTokenLen + 1]uint64
	deletionHashes(raw, &prefix, func(h uint64) { idx.delBuild[h] = append(idx.delBuild[h], r) })
}

func (idx *Index) intern(t []byte, df *[]int32) int32 {
	if id, ok := idx.vocab[string(t)]; ok {
		return id
	}
	id := int32(len(idx.toks))
	text := string(t)
	idx.vocab[text] = id
	idx.toks = append(idx.toks, tokRec{text: text, skel: string(names.Skeleton(nil, t)), title: names.IsTitle(t)})
	idx.skelH = append(idx.skelH, hashString(idx.toks[id].skel))

	*df = append(*df, 0)
	var prefix [maxQueryTokenLen + 1]uint64
	deletionHashes(t, &prefix, func(h uint64) { idx.delBuild[h] = append(idx.delBuild[h], keyRef{tok: id, raw: -1}) })
	if sk := idx.toks[id].skel; len(sk) >= minSkeletonLen {
		h := hashString(sk)
		idx.skelBuild[h] = append(idx.skelBuild[h], keyRef{tok: id, raw: -1})
	}
	if apart, ok := names.SkeletonApart(nil, t); ok && len(apart) >= minSkeletonLen && string(apart) != idx.toks[id].skel {
		h := hashOf(apart)
		idx.skelBuild[h] = append(idx.skelBuild[h], keyRef{tok: id, raw: -1})
	}
	return id

}

// weigh gives every token its weight: how rare it is among the listed entities (inverse
// document frequency), capped by how common it is among people at large.
func (idx *Index) weigh(df []int32, from *Index) {
	n := float64(len(idx.entities))
	top := math.Log(1 + n)
	for id := range idx.toks {
		t := &idx.toks[id]
		switch other, ok := from.lookup(t.text); {
		case ok:
			t.weight = other.weight
		case from != nil:
			t.weight = float32(capWeight(unknownWeight, []byte(t.text)))
		default:
			w := math.Log(1+n/float64(max(df[id], 1))) / top
			t.weight = float32(capWeight(w, []byte(t.text)))
		}
		t.cover = coverOf(t.weight, len(t.text))
		if t.title {
			t.weight, t.cover = softWeight, softWeight // see names.Analyzer: weak evidence, little of a name
		}
	}
}

func (idx *Index) lookup(text string) (*tokRec, bool) {
	if idx == nil {
		return nil, false
	}
	id, ok := idx.vocab[text]
	if !ok {
		return nil, false
	}
	return &idx.toks[id], true
}

// coverageFloor is the least a token counts when measuring how much of two names agree. A
// common token ("Jorge", "Mohammad") says little about who someone is, so it adds little
// evidence; but a name that leaves it out is still a different name, so for coverage it
// counts at least this much.
const coverageFloor = 0.35

// coverOf is a token's coverage weight: its evidence weight, but at least coverageFloor,
// except for an initial, which a name can drop or add without becoming another name.
func coverOf(weight float32, length int) float32 {
	if length == 1 {
		return weight
	}
	return max(weight, coverageFloor)
}

// Weights of tokens the population at large shares widely, whatever the lists say.
const (
	veryCommonWeight = 0.15
	commonWeight     = 0.4
	initialWeight    = 0.1
	unknownWeight    = 1.0 // a query token no listed name has: rare on the lists by definition
)

func capWeight(w float64, tok []byte) float64 {
	if len(tok) == 1 {
		return min(w, initialWeight)
	}
	switch names.CommonnessOf(tok) {
	case names.VeryCommon:
		return min(w, veryCommonWeight)
	case names.Common:
		return min(w, commonWeight)
	}
	return w
}

// post fills the postings lists and each name's coverage denominator.
func (idx *Index) post() {
	for ni := range idx.names {
		rec := &idx.names[ni]
		toks := idx.nameToks[rec.start:rec.end]
		var denom float32
		for pos, id := range toks {
			denom += idx.toks[id].cover * positionFactor(pos, len(toks), int(rec.family))
			p := idx.toks[id].postings
			if len(p) == 0 || p[len(p)-1] != int32(ni) {
				idx.toks[id].postings = append(p, int32(ni))
			}
		}
		rec.denomN = denom
		idx.denoms = append(idx.denoms, denom)
	}
}

// positionFactor says how much the token at pos of a name of n tokens counts towards covering
// the name: fully for the first given name and every family name, less for middle names.
// When the family names are not known (family == 0), the last token counts as one.
func positionFactor(pos, n, family int) float32 {
	switch {
	case pos == 0:
		return 1
	case family > 1 && pos == n-family:
		// The first of two family names is the one a person goes by ("HERNANDEZ MORENO,
		// Arturo" is Arturo Hernandez): without it, a name is someone else's as often as not.
		return firstFamilyFactor
	case family > 0 && pos >= n-family:
		return 1

	case family == 0 && pos == n-1:
		return 1
	}
	return middleDiscount
}

// Versions returns the list versions the index was built from.
func (idx *Index) Versions() []corridor.ListVersion { return idx.versions }

// Len returns the number of indexed entities and names.
func (idx *Index) Len() (entities, names int) { return len(idx.entities), len(idx.names) }

// Config returns the configuration the index applies.
func (idx *Index) Config() Config { return idx.cfg }
