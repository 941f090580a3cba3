package ofacadv

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/corridor-aml/corridor"
)

func TestMalformed(t *testing.T) {
	data := readExtract(t)
	withoutRefs := regexp.MustCompile(`(?s)<ReferenceValueSets.*</ReferenceValueSets>`).ReplaceAll(data, nil)
	party36 := regexp.MustCompile(`(?s)<DistinctParty [^>]*FixedRef="36">.*?</DistinctParty>`).Find(data)
	tests := []struct {
		name  string
		input []byte
		want  []string
	}{
		{"empty", nil, []string{"no <Sanctions> element"}},
		{"not XML", []byte("36,AEROCARIBBEAN AIRLINES\n"), []string{"no <Sanctions> element"}},
		{"truncated in a party", data[:bytes.Index(data, []byte(`FixedRef="2677"`))+500], []string{"DistinctParty #2 at line 1220", "unexpected EOF"}},
		{"truncated in the reference sets", data[:len(data)/2], []string{"ReferenceValueSets at line 4", "unexpected EOF"}},
		{"truncated at the end", data[:len(data)-20], []string{"unexpected EOF"}},
		{"invalid XML", variant(t, "<Comment />\n      <Profile ID=\"2677\"", "<Comment>\n      <Profile ID=\"2677\""),
			[]string{"DistinctParty #2 at line 1220"}},
		{"invalid UTF-8", variant(t, ">ZUMAR<", ">ZU\xffMAR<"), []string{"DistinctParty #2", "invalid UTF-8"}},
		{"wrong root", []byte("<CONSOLIDATED_LIST/>"), []string{"root element is <CONSOLIDATED_LIST>"}},
		{"unknown section", variant(t, "<ProfileRelationships />", "<Vessels />"), []string{"unexpected element <Vessels>"}},
		{"party before the reference sets", withoutRefs, []string{"DistinctParty 36: comes before <ReferenceValueSets>"}},
		{"bad DateOfIssue", variant(t, "<Month>9</Month><Day>9</Day></DateOfIssue>", "<Month>19</Month><Day>9</Day></DateOfIssue>"),
			[]string{"DateOfIssue"}},
		{"missing FixedRef", variant(t, `FixedRef="36">`, `>`), []string{"DistinctParty #1 at line", "missing FixedRef"}},
		{"duplicate party", variant(t, "</DistinctParties>", string(party36)+"</DistinctParties>"),
			[]string{"DistinctParty 36", "appears twice"}},
		{"no primary alias", variant(t, `<Alias FixedRef="36" AliasTypeID="1403" Primary="true"`, `<Alias FixedRef="36" AliasTypeID="1403" Primary="false"`),
			[]string{"DistinctParty 36", "no primary name"}},
		{"unknown PartySubType", variant(t, `<Profile ID="36" PartySubTypeID="3">`, `<Profile ID="36" PartySubTypeID="77">`),
			[]string{"DistinctParty 36", `PartySubType ID "77"`}},
		{"unknown AliasType", variant(t, `<Alias FixedRef="36" AliasTypeID="1400"`, `<Alias FixedRef="36" AliasTypeID="1499"`),
			[]string{"DistinctParty 36: Identity 4375", `AliasType ID "1499"`}},
		{"unknown NamePartGroup", variant(t, `NamePartGroupID="19387"`, `NamePartGroupID="1"`),
			[]string{"DistinctParty 36", `NamePartGroupID "1"`}},
		{"unknown Script", variant(t, `NamePartGroupID="19387" ScriptID="215"`, `NamePartGroupID="19387" ScriptID="999"`),
			[]string{"DistinctParty 36", `Script ID "999"`}},
		{"unknown FeatureType", variant(t, `<Feature ID="40120" FeatureTypeID="8">`, `<Feature ID="40120" FeatureTypeID="9999">`),
			[]string{"DistinctParty 2677: Feature 40120", `FeatureType ID "9999"`}},
		{"unknown Location", variant(t, `<VersionLocation LocationID="25" />`, `<VersionLocation LocationID="26" />`),
			[]string{"DistinctParty 36: Feature 150025", `Location ID "26"`}},
		{"unknown DetailReference", variant(t, `DetailReferenceID="91526"`, `DetailReferenceID="1"`),
			[]string{"DistinctParty 2677", `DetailReference ID "1"`}},
		{"bad birth date", variant(t, "<Month>4</Month>", "<Month>14</Month>"), []string{"DistinctParty 2677: Feature 40120", `month "14"`}},
		{"bad boolean", variant(t, `Primary="false" LowQuality="false"`, `Primary="false" LowQuality="maybe"`),
			[]string{"DistinctParty 36", `LowQuality "maybe"`}},
		{"entry for an unknown party", variant(t, `ID="4238" ProfileID="4238"`, `ID="4238" ProfileID="4239"`),
			[]string{"SanctionsEntry 4238", `ProfileID "4239"`}},
		{"entry on an unknown list", variant(t, `ID="4238" ProfileID="4238" ListID="1550"`, `ID="4238" ProfileID="4238" ListID="1"`),
			[]string{"SanctionsEntry 4238 (DistinctParty 4238)", `List ID "1"`}},
		{"duplicate reference value", variant(t, `<AliasType ID="1401">`, `<AliasType ID="1400">`),
			[]string{`AliasType ID "1400" defined twice`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			snap, err := Parse(corridor.ListOFACSDN, bytes.NewReader(tt.input))
			if err == nil {
				t.Fatalf("no error; %d entities", len(snap.Entities))
			}
			if !strings.HasPrefix(err.Error(), "ofac advanced xml: ") {
				t.Errorf("error %q lacks the ofac advanced xml: prefix", err)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
		})
	}
}

func TestBadListID(t *testing.T) {
	if _, err := Parse("sdn", bytes.NewReader(readExtract(t))); err == nil || !strings.Contains(err.Error(), "unknown list id") {
		t.Errorf("err = %v", err)
	}
}
