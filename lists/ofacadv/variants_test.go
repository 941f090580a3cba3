package ofacadv

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"github.com/corridor-aml/corridor"
)

// variant returns the real extract with old replaced by new (once); old must be there.
// The extract has no IDRegDocuments, relationships or weak aliases, so these tests add
// them in OFAC's own shape to reach those paths.
func variant(t testing.TB, pairs ...string) []byte {
	t.Helper()
	data := readExtract(t)
	for i := 0; i < len(pairs); i += 2 {
		if !bytes.Contains(data, []byte(pairs[i])) {
			t.Fatalf("extract lacks %q", pairs[i])
		}
		data = bytes.Replace(data, []byte(pairs[i]), []byte(pairs[i+1]), 1)
	}
	return data
}

func parseVariant(t *testing.T, pairs ...string) *corridor.ListSnapshot {
	t.Helper()
	snap, err := Parse(corridor.ListOFACSDN, bytes.NewReader(variant(t, pairs...)))
	if err != nil {
		t.Fatal(err)
	}
	return snap
}

const exactDay = `<DatePeriod CalendarTypeID="1" YearFixed="false" MonthFixed="false" DayFixed="false">` +
	`<Start Approximate="false"><From><Year>2001</Year><Month>2</Month><Day>3</Day></From><To><Year>2001</Year><Month>2</Month><Day>3</Day></To></Start>` +
	`<End Approximate="false"><From><Year>2001</Year><Month>2</Month><Day>3</Day></From><To><Year>2001</Year><Month>2</Month><Day>3</Day></To></End></DatePeriod>`

func TestIDRegDocuments(t *testing.T) {
	snap := parseVariant(t, "<IDRegDocuments></IDRegDocuments>", `<IDRegDocuments>
    <IDRegDocument ID="9001" IDRegDocTypeID="1571" IdentityID="4423" IssuedBy-CountryID="11082" ValidityID="1">
      <Comment />
      <IDRegistrationNo>A1234567</IDRegistrationNo>
      <IssuingAuthority>Ministry of Interior</IssuingAuthority>
      <DocumentDate IDRegDocDateTypeID="1480">`+exactDay+`</DocumentDate>
    </IDRegDocument>
    <IDRegDocument ID="9002" IDRegDocTypeID="1584" IdentityID="4423" ValidityID="2">
      <Comment>issued under another name</Comment>
      <IDRegistrationNo>27101011234</IDRegistrationNo>
      <IssuingAuthority />
    </IDRegDocument>
    <IDRegDocument ID="9003" IDRegDocTypeID="1626" IdentityID="1663" IssuedBy-CountryID="11291" ValidityID="1">
      <Comment />
      <IDRegistrationNo>IMO 7913153</IDRegistrationNo>
      <IssuingAuthority />
    </IDRegDocument>
    <IDRegDocument ID="9004" IDRegDocTypeID="1571" IdentityID="4423" ValidityID="1">
      <Comment>number unknown</Comment>
      <IDRegistrationNo />
    </IDRegDocument>
  </IDRegDocuments>`)
	person := byNative(t, snap, "2677")
	want := []corridor.Identifier{
		{Kind: corridor.IDPassport, Type: "Passport", Number: "A1234567", Country: "EG", Note: "Issue Date 2001-02-03; issued by Ministry of Interior"},
		{Kind: corridor.IDNationalID, Type: "National ID No.", Number: "27101011234", Note: "issued under another name; Fraudulent"},
	}
	if !reflect.DeepEqual(person.Identifiers, want) {
		t.Errorf("identifiers = %+v\nwant %+v", person.Identifiers, want)
	}
	if !strings.Contains(person.Remarks, "Passport: number unknown") {
		t.Errorf("a document without a number should reach the remarks: %q", person.Remarks)
	}
	vessel := byNative(t, snap, "4238")
	imo := corridor.Identifier{Kind: corridor.IDIMO, Type: "Vessel Registration Identification", Number: "IMO 7913153"}
	if len(vessel.Identifiers) != 2 || vessel.Identifiers[0] != imo {
		t.Errorf("vessel identifiers = %+v", vessel.Identifiers)
	}
}

func TestAliasKindsAndWeak(t *testing.T) {
	snap := parseVariant(t,
		`<Alias FixedRef="2677" AliasTypeID="1400" Primary="false" LowQuality="false">`,
		`<Alias FixedRef="2677" AliasTypeID="1400" Primary="false" LowQuality="true">`,
		`<Alias FixedRef="36" AliasTypeID="1400" Primary="false" LowQuality="false">`,
		`<Alias FixedRef="36" AliasTypeID="1401" Primary="false" LowQuality="false">`)
	person := byNative(t, snap, "2677")
	if n := person.Names[1]; n.Full != "ZUMAR, Abbud" || n.Kind != corridor.NameAKA || !n.Weak {
		t.Errorf("weak alias = %+v", n)
	}
	airline := byNative(t, snap, "36")
	if n := airline.Names[1]; n.Full != "AERO-CARIBBEAN" || n.Kind != corridor.NameFKA || n.Weak {
		t.Errorf("f.k.a. = %+v", n)
	}
}

func TestProfileRelationships(t *testing.T) {
	snap := parseVariant(t, "<ProfileRelationships />", `<ProfileRelationships>
    <ProfileRelationship ID="1" From-ProfileID="15432" To-ProfileID="2677" RelationTypeID="1555" RelationQualityID="1"><Comment /></ProfileRelationship>
    <ProfileRelationship ID="2" From-ProfileID="4238" To-ProfileID="99999" RelationTypeID="15003" RelationQualityID="1"><Comment /></ProfileRelationship>
    <ProfileRelationship ID="3" From-ProfileID="99998" To-ProfileID="36" RelationTypeID="15003" RelationQualityID="1"><Comment /></ProfileRelationship>
  </ProfileRelationships>`)
	aircraft := byNative(t, snap, "15432")
	wantLinks := []corridor.Link{{Name: "Al-Zomor, Abboud Abdul Latif Hassan", EntityID: "us_ofac_sdn:2677"}}
	if !reflect.DeepEqual(aircraft.Links, wantLinks) || !strings.Contains(aircraft.Remarks, "Associate Of: Al-Zomor, Abboud Abdul Latif Hassan") {
		t.Errorf("links %+v remarks %q", aircraft.Links, aircraft.Remarks)
	}
	vessel := byNative(t, snap, "4238")
	if len(vessel.Links) != 0 || !strings.Contains(vessel.Remarks, "Owned or Controlled By: OFAC profile 99999 (not in this file)") {
		t.Errorf("links %+v remarks %q", vessel.Links, vessel.Remarks)
	}
}

func TestNonSDNListAsProgramme(t *testing.T) {
	snap := parseVariant(t,
		`<SanctionsEntry xmlns="https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/ADVANCED_XML" ID="36" ProfileID="36" ListID="1550">`,
		`<SanctionsEntry xmlns="https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/ADVANCED_XML" ID="36" ProfileID="36" ListID="91507">`,
		`<Comment>CUBA</Comment>`, `<Comment />`)
	e := byNative(t, snap, "36")
	if !reflect.DeepEqual(e.Programs, []string{"Sectoral Sanctions Identifications List"}) || !strings.Contains(e.Remarks, "List: Sectoral Sanctions Identifications List") {
		t.Errorf("programs %v remarks %q", e.Programs, e.Remarks)
	}
}

func TestOldNamespace(t *testing.T) {
	data := bytes.ReplaceAll(readExtract(t),
		[]byte("https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/ADVANCED_XML"),
		[]byte("http://www.un.org/sanctions/1.0"))
	snap, err := Parse(corridor.ListOFACSDN, bytes.NewReader(data))
	if err != nil || len(snap.Entities) != 4 {
		t.Fatalf("%v, %+v", err, snap)
	}
}
