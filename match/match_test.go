package match_test

import (
	"slices"
	"sync"
	"testing"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/match"
)

func screen(t *testing.T, idx *match.Index, q match.Query) []match.Match {
	t.Helper()
	return match.NewSearcher(idx).Screen(&q, nil)
}

func find(ms []match.Match, id string) (match.Match, bool) {
	for _, m := range ms {
		if m.Entity.ID == id {
			return m, true
		}
	}
	return match.Match{}, false
}

func TestScreenFindsBothListingsOfAPerson(t *testing.T) {
	benchSetup(t)
	ms := screen(t, benchIdx, match.Query{Name: "Sirajuddin Haqqani"})
	for _, id := range []string{"us_ofac_sdn:10743", "un:TAi.144"} {
		m, ok := find(ms, id)
		if !ok || !m.Alert {
			t.Errorf("%s: alert %v, found %v; matches %v", id, m.Alert, ok, ids(ms))
		}
	}
	if !slices.IsSortedFunc(ms, func(a, b match.Match) int {
		switch {
		case a.Score > b.Score:
			return -1
		case a.Score < b.Score:
			return 1
		}
		return 0
	}) {
		t.Error("matches are not sorted best first")
	}
}

func TestScreenOtherScript(t *testing.T) {
	benchSetup(t)
	ms := screen(t, benchIdx, match.Query{Name: "سراج الدين جلال الدين حقانى"})
	if m, ok := find(ms, "un:TAi.144"); !ok || !m.Alert {
		t.Errorf("the UN listing's original-script name did not alert: %v", ids(ms))
	}
}

// Names of UN-listed people as the UN writes them in Arabic script, which Latin lists
// spell with a d for ض and ظ (Arabic) and with sh or zh for two letters (س then ح).
func TestScreenArabicScriptSpellings(t *testing.T) {
	benchSetup(t)
	idx, err := match.Build(withoutOriginalScript(benchSnaps), match.Config{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ name, id string }{
		{"نضال الربيعي", "un:IQi.070"},     // NIDAL AL-RABI'I
		{"فاضل محمود غريب", "un:IQi.047"},  // FADIL MAHMUD GHARIB
		{"عبد القدوس مظهری", "un:TAi.135"}, // ABDUL QUDDUS MAZHARI
	} {
		if m, ok := find(screen(t, idx, match.Query{Name: c.name}), c.id); !ok || !m.Alert {
			t.Errorf("%s: %s not alerted (found %v, score %.3f)", c.name, c.id, ok, m.Score)
		}
	}
}

// Two Arabic-script tokens read together are not an "Abu" compound they do not start with:
// "عباس صیادی" (Abbas Sayadi) shares a skeleton with "Abu Suad", a weak alias of
// us_ofac_sdn:18047, but not a name.
func TestArabicScriptPairIsNotAnotherCompound(t *testing.T) {
	benchSetup(t)
	for _, m := range screen(t, benchIdx, match.Query{Name: "عباس صیادی"}) {
		if m.Entity.ID == "us_ofac_sdn:18047" && m.Alert {
			t.Errorf("Abbas Sayadi alerts on %s %q (%.3f)", m.Entity.ID, m.Name, m.Score)
		}
	}
}

// Afghan payroll names that only resemble listed ones through their commonest parts: titles
// that differ ("Sayed Rahimi", "AMIR RAHIMI"), a family name made from a given name by a final
// i ("Mohammadi", "Mohammad"), or two slips in common names ("Karim Mohammadi", "QASIM,
// Mohammed": Kasim, Muhammad). A title on one side only still leaves the names whole.
func TestAfghanPayrollNamesThatDiffer(t *testing.T) {
	benchSetup(t)
	for _, c := range []struct {
		query, listed string
		alert         bool
	}{
		{"Sayed Rahimi", "AMIR RAHIMI", false},
		{"Gul Mohammadi", "Gul Mohammad", false},
		{"Karim Mohammadi", "QASIM, Mohammed", false},
		{"Haji Abdullah", "ABDULLAH", true},
		{"Rahimi", "RAHIMI", true},
	} {
		score, _, err := benchIdx.Compare(c.query, c.listed, corridor.KindPerson)
		if err != nil {
			t.Fatal(err)
		}
		if alert := score >= match.DefaultThreshold; alert != c.alert {
			t.Errorf("%q ~ %q: score %.3f, alert %v, want %v", c.query, c.listed, score, alert, c.alert)
		}
	}
}

// withoutOriginalScript returns the snapshots without the names written in their original
// script, so that a query in that script has only the Latin names to meet.
func withoutOriginalScript(snaps []*corridor.ListSnapshot) []*corridor.ListSnapshot {
	out := make([]*corridor.ListSnapshot, len(snaps))
	for i, snap := range snaps {
		c := *snap
		c.Entities = slices.Clone(snap.Entities)
		for j := range c.Entities {
			c.Entities[j].Names = slices.DeleteFunc(slices.Clone(c.Entities[j].Names), func(n corridor.Name) bool {
				return n.Kind == corridor.NameOriginalScript
			})
		}
		out[i] = &c
	}
	return out
}

// The example of the brief: a common name that a listed name contains is not that person.
func TestCommonNameIsWeakEvidence(t *testing.T) {
	benchSetup(t)
	strong, _, err := benchIdx.Compare("Sirajuddin Haqqani", "Sirajuddin Jalaluddin Haqqani", corridor.KindPerson)
	if err != nil {
		t.Fatal(err)
	}
	weak, ex, err := benchIdx.Compare("Mohammad Ismail", "Mohammad Ismail Haqqani", corridor.KindPerson)
	if err != nil {
		t.Fatal(err)
	}
	if weak >= match.DefaultThreshold {
		t.Errorf("Mohammad Ismail vs Mohammad Ismail Haqqani scored %.3f, an alert\n%s", weak, ex.Text())
	}
	if strong < match.DefaultThreshold {
		t.Errorf("Sirajuddin Haqqani vs Sirajuddin Jalaluddin Haqqani (a middle name left out) scored %.3f, no alert", strong)
	}
	if len(ex.ListedLeftOver) != 1 || ex.ListedLeftOver[0].Text != "haqqani" {
		t.Errorf("explanation does not show the unmatched listed token: %+v", ex.ListedLeftOver)
	}
}

func TestBirthYearMovesScore(t *testing.T) {
	benchSetup(t)
	score := func(dob string) float64 {
		q := match.Query{Name: "Siraj Haqani"}
		if dob != "" {
			d, err := match.ParseBirthDate(dob)
			if err != nil {
				t.Fatal(err)
			}
			q.BirthDate = d
		}
		m, ok := find(screen(t, benchIdx, q), "us_ofac_sdn:10743")
		if !ok {
			t.Fatalf("dob %q: 10743 not found", dob)
		}
		return m.Score
	}
	none, agree, conflict := score(""), score("1977"), score("1990")
	if !(agree >= none && conflict < none) {
		t.Errorf("scores: no dob %.3f, listed year %.3f, 1990 %.3f", none, agree, conflict)
	}
}

func TestKindFilter(t *testing.T) {
	benchSetup(t)
	var vessel *corridor.Entity
	for _, s := range benchSnaps {
		for i := range s.Entities {
			if e := &s.Entities[i]; e.Kind == corridor.KindVessel && vessel == nil {
				vessel = e
			}
		}
	}
	if vessel == nil {
		t.Fatal("no vessel on the bundled lists")
	}
	if _, ok := find(screen(t, benchIdx, match.Query{Name: vessel.PrimaryName(), Kind: corridor.KindVessel}), vessel.ID); !ok {
		t.Errorf("vessel %s %q not found as a vessel", vessel.ID, vessel.PrimaryName())
	}
	if _, ok := find(screen(t, benchIdx, match.Query{Name: vessel.PrimaryName(), Kind: corridor.KindPerson}), vessel.ID); ok {
		t.Errorf("a person query matched vessel %s", vessel.ID)
	}
}

func TestIdentifierDecides(t *testing.T) {
	benchSetup(t)
	var listed *corridor.Entity
	var number string
	for _, s := range benchSnaps {
		for i := range s.Entities {
			e := &s.Entities[i]
			for _, id := range e.Identifiers {
				if id.Kind == corridor.IDPassport && len(id.Number) >= 7 && listed == nil {
					listed, number = e, id.Number
				}
			}
		}
	}
	if listed == nil {
		t.Fatal("no passport on the bundled lists")
	}
	q := match.Query{Name: "Completely Different Person", Identifiers: []string{" " + number + " "}}
	s := match.NewSearcher(benchIdx)
	ms := s.Screen(&q, nil)
	m, ok := find(ms, listed.ID)
	if !ok || !m.Alert || m.Score != 1 {
		t.Fatalf("passport %s of %s: found %v, %+v", number, listed.ID, ok, m)
	}
	if ex := s.Explain(&q, m); ex.Identifier == "" {
		t.Errorf("explanation does not name the identifier: %+v", ex)
	}
}

func TestListFilterAndListThreshold(t *testing.T) {
	benchSetup(t)
	for _, m := range screen(t, benchIdx, match.Query{Name: "Sirajuddin Haqqani", Lists: []corridor.ListID{corridor.ListUN}}) {
		if m.List != corridor.ListUN {
			t.Errorf("list filter un returned %s", m.Entity.ID)
		}
	}
	strict, err := match.Build(benchSnaps, match.Config{ListThresholds: map[corridor.ListID]float64{corridor.ListUN: 0.999}})
	if err != nil {
		t.Fatal(err)
	}
	ms := screen(t, strict, match.Query{Name: "Sirajuddin Jallaloudine Haqani"})
	for _, m := range ms {
		if m.List == corridor.ListUN && m.Alert && m.Score < 0.999 {
			t.Errorf("UN match %.3f alerted under a 0.999 UN threshold", m.Score)
		}
	}
	if _, err := match.Build(benchSnaps, match.Config{Threshold: 1.5}); err == nil {
		t.Error("threshold 1.5 accepted")
	}
}

func TestScreenAllocatesNothingForAClearName(t *testing.T) {
	benchSetup(t)
	s := match.NewSearcher(benchIdx)
	q := match.Query{Name: "Kathryn Barr"}
	buf := s.Screen(&q, nil)
	if allocs := testing.AllocsPerRun(200, func() { buf = s.Screen(&q, buf[:0]) }); allocs > 0 {
		t.Errorf("Screen allocated %v times per call", allocs)
	}
}

func TestSwapUnderLoad(t *testing.T) {
	benchSetup(t)
	cur := match.NewCurrent(benchIdx)
	next, err := match.Build(benchSnaps, match.Config{})
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			q := match.Query{Name: "Sirajuddin Haqqani"}
			for i := 0; i < 200; i++ {
				s := cur.Searcher()
				ms := s.Screen(&q, nil)
				cur.Release(s)
				if _, ok := find(ms, "us_ofac_sdn:10743"); !ok {
					t.Error("a screen during the swap lost its match")
					return
				}
			}
		}()
	}
	for i := 0; i < 20; i++ {
		if i%2 == 0 {
			cur.Swap(next)
		} else {
			cur.Swap(benchIdx)
		}
	}
	wg.Wait()
}

func ids(ms []match.Match) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = m.Entity.ID
	}
	return out
}

func TestExplainAgreesWithScreen(t *testing.T) {
	benchSetup(t)
	s := match.NewSearcher(benchIdx)
	q := match.Query{Name: "Siraj Haqani", BirthDate: corridor.BirthDate{Kind: corridor.DateYear, Year: 1977}}
	ms := s.Screen(&q, nil)
	if len(ms) == 0 {
		t.Fatal("no match")
	}
	for _, m := range ms[:min(3, len(ms))] {
		ex := s.Explain(&q, m)
		if len(ex.Tokens) == 0 || ex.Score != m.Score || ex.NameScore != m.NameScore || ex.Alert != m.Alert {
			t.Errorf("%s: explanation %+v does not agree with match %+v", m.Entity.ID, ex, m)
		}
		// Explaining twice on one searcher gives the same explanation.
		if again := s.Explain(&q, m); again.Text() != ex.Text() {
			t.Errorf("%s: second explanation differs:\n%s\n%s", m.Entity.ID, ex.Text(), again.Text())
		}
	}
}

// Found by FuzzComparePairs: a name that analyses to no token at all.
func TestCompareNameWithoutTokens(t *testing.T) {
	benchSetup(t)
	for _, pair := range [][2]string{{"Sirajuddin Haqqani", "!"}, {"!", "Sirajuddin Haqqani"}, {"Haji", "?"}} {
		score, ex, err := benchIdx.Compare(pair[0], pair[1], corridor.KindUnknown)
		if err != nil || score != 0 || ex.Alert {
			t.Errorf("Compare(%q, %q) = %v, %+v, %v; want 0, no alert", pair[0], pair[1], score, ex, err)
		}
	}
}
