package ofac

import (
	"slices"
	"strings"
	"testing"

	"github.com/corridor-aml/corridor"
)

var historyFiles = []struct {
	name     string
	entities int
}{
	// The data README says 14,669 and 14,966: it counts the line the trailing 0x1A byte
	// makes. The files hold 14,668 and 14,965 records (305 added, 8 removed between them).
	{"history/sdn-2024-04-26.csv", 14668},
	{"history/sdn-2024-05-03.csv", 14965},
}

func TestParseSDN(t *testing.T) {
	snap := parseList(t, corridor.ListOFACSDN, SDNFiles())
	if snap.Version.List != corridor.ListOFACSDN || snap.Version.Entities != 8976 || len(snap.Entities) != 8976 {
		t.Fatalf("version %+v, %d entities; want us_ofac_sdn with 8976", snap.Version, len(snap.Entities))
	}
	if !snap.Version.Published.IsZero() {
		t.Errorf("Published = %v, want zero (the CSV has no date)", snap.Version.Published)
	}
	kinds := map[corridor.Kind]int{}
	for _, e := range snap.Entities {
		kinds[e.Kind]++
	}
	want := map[corridor.Kind]int{corridor.KindPerson: 4620, corridor.KindOrganization: 3673, corridor.KindVessel: 406, corridor.KindAircraft: 277}
	for k, n := range want {
		if kinds[k] != n {
			t.Errorf("%d entities of kind %s, want %d", kinds[k], k, n)
		}
	}
}

func TestSirajuddinHaqqani(t *testing.T) {
	snap := parseList(t, corridor.ListOFACSDN, SDNFiles())
	e := byNativeID(t, snap, "10743")
	if e.ID != "us_ofac_sdn:10743" || e.List != corridor.ListOFACSDN || e.Kind != corridor.KindPerson {
		t.Errorf("ID %q list %q kind %q", e.ID, e.List, e.Kind)
	}
	primary := e.Names[0]
	if primary.Full != "MUHAMMAD, Sirajuddin Haqqani Jalaluddin Khwasa" || primary.Kind != corridor.NamePrimary {
		t.Errorf("primary name %+v", primary)
	}
	wantParts := []corridor.NamePart{{Type: corridor.PartFamily, Value: "MUHAMMAD"}, {Type: corridor.PartGiven, Value: "Sirajuddin Haqqani Jalaluddin Khwasa"}}
	if !slices.Equal(primary.Parts, wantParts) {
		t.Errorf("primary parts %+v, want %+v", primary.Parts, wantParts)
	}
	for _, alias := range []string{"HAQQANI, Siraj", "HAQANI, Sirajuddin", "HAQQANI, Sirajuddin", "HAQQANI, Saraj"} {
		i := slices.IndexFunc(e.Names, func(n corridor.Name) bool { return n.Full == alias })
		if i < 0 {
			t.Errorf("alias %q missing from %q", alias, nameFulls(e))
			continue
		}
		if n := e.Names[i]; n.Kind != corridor.NameAKA || n.Weak {
			t.Errorf("alias %q: kind %s weak %v, want a strong aka", alias, n.Kind, n.Weak)
		}
	}
	if len(e.Names) != 7 {
		t.Errorf("%d names, want 7 (primary and 6 from alt.csv): %q", len(e.Names), nameFulls(e))
	}
	var years []int
	for _, d := range e.BirthDates {
		if d.Kind != corridor.DateYear {
			t.Errorf("birth date %+v: kind %s, want year", d, d.Kind)
		}
		years = append(years, d.Year)
	}
	slices.Sort(years)
	if !slices.Equal(years, []int{1970, 1977, 1978}) {
		t.Errorf("birth years %v, want 1970 1977 1978", years)
	}
	wantPlaces := []corridor.Place{
		{Text: "Danda, Miramshah, Afghanistan", Country: "AF"},
		{Text: "Khowst Province, Afghanistan", Country: "AF"},
		{Text: "Neka District, Paktika, Afghanistan", Country: "AF"},
		{Text: "Srana Village, Garda Saray District, Paktya Province, Afghanistan", Country: "AF"},
	}
	if !slices.Equal(e.BirthPlaces, wantPlaces) {
		t.Errorf("birth places %+v, want %+v", e.BirthPlaces, wantPlaces)
	}
	if !slices.Equal(e.Programs, []string{"SDGT"}) {
		t.Errorf("programs %q, want [SDGT]", e.Programs)
	}
	if len(e.Addresses) != 3 || e.Addresses[0].Country != "PK" || e.Addresses[0].City != "Miramshah, North Waziristan, FATA, NWFP" {
		t.Errorf("addresses %+v", e.Addresses)
	}
	if !strings.HasPrefix(e.Remarks, "DOB 1977; alt. DOB 1978; alt. DOB 1970; POB Danda") {
		t.Errorf("remarks %q", e.Remarks)
	}
	if e.Source != (corridor.SourceRef{File: "sdn.csv", Record: "line 1849"}) {
		t.Errorf("source %+v", e.Source)
	}
}

func TestParseNonSDN(t *testing.T) {
	snap := parseList(t, corridor.ListOFACNonSDN, ConsFiles())
	if snap.Version.List != corridor.ListOFACNonSDN || len(snap.Entities) != 442 || snap.Version.Entities != 442 {
		t.Fatalf("version %+v, %d entities; want us_ofac_nonsdn with 442", snap.Version, len(snap.Entities))
	}
	kinds := map[corridor.Kind]int{}
	var names, weak, addresses, ids int
	for _, e := range snap.Entities {
		if !strings.HasPrefix(e.ID, "us_ofac_nonsdn:") {
			t.Fatalf("ID %q", e.ID)
		}
		kinds[e.Kind]++
		names += len(e.Names)
		addresses += len(e.Addresses)
		ids += len(e.Identifiers)
		for _, n := range e.Names {
			if n.Weak {
				weak++
			}
		}
	}
	if kinds[corridor.KindPerson] != 79 || kinds[corridor.KindOrganization] != 363 {
		t.Errorf("kinds %v, want 79 persons and 363 organizations", kinds)
	}
	// 442 primary names, 1,073 from cons_alt.csv and 72 weak a.k.a.s from the remarks.
	if names != 442+1073+72 || weak != 72 {
		t.Errorf("%d names (%d weak), want %d (72 weak)", names, weak, 442+1073+72)
	}
	// cons_add.csv has 574 rows, of which 52 are all "-0-".
	if addresses != 522 {
		t.Errorf("%d addresses, want 522", addresses)
	}
	if ids == 0 {
		t.Error("no identifiers read from the remarks")
	}
	e := byNativeID(t, snap, "17014")
	if !strings.Contains(e.Remarks, "Registration Number 1027700342890 (Russia); For more information") {
		t.Errorf("17014: the comments file's continuation is not joined: %q", e.Remarks)
	}
	if !slices.ContainsFunc(e.Names, func(n corridor.Name) bool { return n.Full == "RUSAG" && n.Weak }) {
		t.Errorf("17014: the weak a.k.a. 'RUSAG' from cons_comments.csv is missing: %q", nameFulls(e))
	}
	if e.ListedOn == "" {
		t.Errorf("17014: no listing date from %q", e.Remarks)
	}
}

func TestParseHistory(t *testing.T) {
	ids := make([]map[string]bool, len(historyFiles))
	for i, h := range historyFiles {
		names := [4]string{h.name}
		snap := parseList(t, corridor.ListOFACSDN, names)
		if len(snap.Entities) != h.entities || snap.Version.Entities != h.entities {
			t.Errorf("%s: %d entities, want %d", h.name, len(snap.Entities), h.entities)
		}
		ids[i] = map[string]bool{}
		for _, e := range snap.Entities {
			ids[i][e.ID] = true
		}
	}
	var added, removed int
	for id := range ids[1] {
		if !ids[0][id] {
			added++
		}
	}
	for id := range ids[0] {
		if !ids[1][id] {
			removed++
		}
	}
	if added != 305 || removed != 8 {
		t.Errorf("%d added, %d removed between the history files; want 305 and 8", added, removed)
	}
}

func TestWeakAliasesFromRemarks(t *testing.T) {
	snap := parseList(t, corridor.ListOFACSDN, SDNFiles())
	bank := byNativeID(t, snap, "306")
	want := []corridor.Name{
		{Full: "BANCO NACIONAL DE CUBA", Kind: corridor.NamePrimary},
		{Full: "NATIONAL BANK OF CUBA", Kind: corridor.NameAKA},
		{Full: "BNC", Kind: corridor.NameAKA, Weak: true},
	}
	if !slices.EqualFunc(bank.Names, want, func(a, b corridor.Name) bool { return a.Full == b.Full && a.Kind == b.Kind && a.Weak == b.Weak }) {
		t.Errorf("306 names %+v, want %+v", bank.Names, want)
	}
	// A quoted name may hold quotes of its own; a person's weak alias gets parts too.
	e := byNativeID(t, snap, "12837")
	if !slices.ContainsFunc(e.Names, func(n corridor.Name) bool { return n.Full == "HASAN, 'Ali bin" && n.Weak && len(n.Parts) == 2 }) {
		t.Errorf("12837 names %+v", e.Names)
	}
	vessel := byNativeID(t, snap, "15036")
	if !slices.ContainsFunc(vessel.Names, func(n corridor.Name) bool { return n.Full == "ALPHA" && n.Kind == corridor.NameFKA && n.Weak }) {
		t.Errorf("15036: f.k.a. 'ALPHA' missing or not weak: %+v", vessel.Names)
	}
}

func TestCommentsContinuation(t *testing.T) {
	snap := parseList(t, corridor.ListOFACSDN, SDNFiles())
	// sdn.csv cuts 28263's remarks at 1,000 characters inside "a.k.a. 'snowsjo"; the
	// comments file goes on with "hn'; Linked To: LAZARUS GROUP."
	e := byNativeID(t, snap, "28263")
	if !strings.HasSuffix(e.Remarks, "a.k.a. 'tianyinyin0404'; a.k.a. 'snowsjohn'; Linked To: LAZARUS GROUP.") {
		t.Errorf("remarks end %q", e.Remarks[len(e.Remarks)-80:])
	}
	if !slices.Contains(nameFulls(e), "snowsjohn") {
		t.Errorf("names %q lack the alias split between the files", nameFulls(e))
	}
	wantLink := corridor.Link{Name: "LAZARUS GROUP", EntityID: "us_ofac_sdn:27307"}
	if !slices.Contains(e.Links, wantLink) {
		t.Errorf("links %+v, want %+v", e.Links, wantLink)
	}

	// Without the comments file the alias is cut short and the link is lost, as in
	// OFAC's own truncated record; the remarks keep what there is.
	files := loadList(t, SDNFiles())
	files[fileComments] = nil
	short, err := Parse(corridor.ListOFACSDN, files.files(SDNFiles()))
	if err != nil {
		t.Fatal(err)
	}
	e = byNativeID(t, short, "28263")
	if !slices.Contains(nameFulls(e), "snowsjo") || len(e.Links) != 0 {
		t.Errorf("without comments: names %q links %+v", nameFulls(e), e.Links)
	}
}

func TestVesselAndAircraft(t *testing.T) {
	snap := parseList(t, corridor.ListOFACSDN, SDNFiles())
	ship := byNativeID(t, snap, "15036")
	wantShip := corridor.Vessel{Type: "Crude/Oil Products Tanker", Flag: "IR", Tonnage: "99,144", GRT: "56,068", CallSign: "T2EU4"}
	if ship.Vessel == nil || *ship.Vessel != wantShip {
		t.Errorf("15036 vessel %+v, want %+v", ship.Vessel, wantShip)
	}
	wantIDs := []corridor.Identifier{
		{Kind: corridor.IDCallSign, Type: "Call Sign", Number: "T2EU4"},
		{Kind: corridor.IDIMO, Type: "Vessel Registration Identification", Number: "9187629"},
		{Kind: corridor.IDOther, Type: "MMSI", Number: "572469210"},
	}
	if !slices.Equal(ship.Identifiers, wantIDs) {
		t.Errorf("15036 identifiers %+v, want %+v", ship.Identifiers, wantIDs)
	}
	if want := []corridor.Link{{Name: "NATIONAL IRANIAN TANKER COMPANY", EntityID: "us_ofac_sdn:15117"}}; !slices.Equal(ship.Links, want) {
		t.Errorf("15036 links %+v, want %+v", ship.Links, want)
	}
	if panama := byNativeID(t, snap, "15037"); panama.Vessel.Flag != "PA" {
		t.Errorf("15037 flag %q, want PA", panama.Vessel.Flag)
	}

	plane := byNativeID(t, snap, "15431")
	wantPlane := corridor.Vessel{Owner: "YAS AIR", Model: "IL76-TD", Built: "1992"}
	if plane.Kind != corridor.KindAircraft || plane.Vessel == nil || *plane.Vessel != wantPlane {
		t.Errorf("15431 %s %+v, want aircraft %+v", plane.Kind, plane.Vessel, wantPlane)
	}
	wantIDs = []corridor.Identifier{
		{Kind: corridor.IDOther, Type: "Aircraft Construction Number (also called L/N or S/N or F/N)", Number: "8401"},
		{Kind: corridor.IDMSN, Type: "Aircraft Manufacturer's Serial Number (MSN)", Number: "1023409321"},
	}
	if !slices.Equal(plane.Identifiers, wantIDs) {
		t.Errorf("15431 identifiers %+v, want %+v", plane.Identifiers, wantIDs)
	}
	for _, e := range snap.Entities {
		isCraft := e.Kind == corridor.KindVessel || e.Kind == corridor.KindAircraft
		if isCraft != (e.Vessel != nil) {
			t.Errorf("%s (%s): vessel details %+v", e.ID, e.Kind, e.Vessel)
		}
	}
}

func TestIdentifiersAndFacts(t *testing.T) {
	snap := parseList(t, corridor.ListOFACSDN, SDNFiles())
	robow := byNativeID(t, snap, "11313")
	wantIDs := []corridor.Identifier{
		{Kind: corridor.IDPassport, Type: "Passport", Number: "0310857", Country: "ER", Note: "issued 21 Aug 2006 expires 20 Aug 2008"},
		{Kind: corridor.IDNationalID, Type: "National ID No.", Number: "1372584", Country: "KE"},
	}
	if !slices.Equal(robow.Identifiers, wantIDs) {
		t.Errorf("11313 identifiers %+v, want %+v", robow.Identifiers, wantIDs)
	}
	if !slices.Equal(robow.Nationalities, []string{"ER"}) {
		t.Errorf("11313 nationalities %q", robow.Nationalities)
	}
	// The parenthesis OFAC wrote after the passport data is one item, left in Remarks only.
	if len(robow.BirthDates) != 2 {
		t.Errorf("11313 birth dates %+v, want 2", robow.BirthDates)
	}

	tian := byNativeID(t, snap, "28263")
	if tian.Gender != corridor.GenderMale || !slices.Equal(tian.Nationalities, []string{"CN"}) {
		t.Errorf("28263 gender %q nationalities %q", tian.Gender, tian.Nationalities)
	}
	crypto := 0
	for _, id := range tian.Identifiers {
		if id.Kind == corridor.IDCrypto && id.Type == "Digital Currency Address - XBT" {
			crypto++
		}
	}
	if crypto != 8 {
		t.Errorf("28263: %d XBT addresses, want 8", crypto)
	}

	bank := byNativeID(t, snap, "906")
	wantIDs = []corridor.Identifier{
		{Kind: corridor.IDBIC, Type: "SWIFT/BIC", Number: "HAVIGB2L"},
		{Kind: corridor.IDRegistration, Type: "Company Number", Number: "01074897", Country: "GB"},
	}
	if !slices.Equal(bank.Identifiers, wantIDs) {
		t.Errorf("906 identifiers %+v, want %+v", bank.Identifiers, wantIDs)
	}
	if !strings.Contains(bank.Remarks, "Website www.havanaintbank.co.uk") {
		t.Errorf("906: website not kept in remarks: %q", bank.Remarks)
	}

	// Every listed fact lands somewhere: count a few across the list.
	var dobs, pobs, nats, links, resolved int
	for _, e := range snap.Entities {
		dobs += len(e.BirthDates)
		pobs += len(e.BirthPlaces)
		nats += len(e.Nationalities)
		for _, l := range e.Links {
			links++
			if l.EntityID != "" {
				resolved++
			}
		}
	}
	t.Logf("SDN: %d birth dates, %d places of birth, %d nationalities, %d links (%d resolved)", dobs, pobs, nats, links, resolved)
	if links == 0 || resolved < links*99/100 {
		t.Errorf("%d of %d links resolved", resolved, links)
	}
}

func TestTitleGoesToRemarks(t *testing.T) {
	snap := parseList(t, corridor.ListOFACSDN, SDNFiles())
	e := byNativeID(t, snap, "2676")
	want := "Title: Operational and Military Leader of JIHAD GROUP; DOB 19 Jun 1951;"
	if !strings.HasPrefix(e.Remarks, want) {
		t.Errorf("remarks %q, want prefix %q", e.Remarks, want)
	}
}
