package uk

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/corridor-aml/corridor"
)

// replaceOnce edits the real records in one place, failing the test when the text is not
// there (so a changed test file cannot make a bad-input test pass vacuously).
func replaceOnce(t *testing.T, doc, old, new string) string {
	t.Helper()
	if !strings.Contains(doc, old) {
		t.Fatalf("test file lacks %q", old)
	}
	return strings.Replace(doc, old, new, 1)
}

func TestTruncatedFileIsAnError(t *testing.T) {
	raw := realRecords(t)
	end := strings.LastIndex(raw, "</Designations>") + len("</Designations>")
	for cut := 0; cut < end; cut += 53 {
		snap, err := Parse(strings.NewReader(raw[:cut]))
		if err == nil {
			t.Fatalf("cut at byte %d: no error, %d entities", cut, len(snap.Entities))
		}
		if snap != nil {
			t.Fatalf("cut at byte %d: a snapshot came back with the error %v", cut, err)
		}
	}
	cut := strings.Index(raw, "<Name6>Jannat Oshiklari")
	_, err := Parse(strings.NewReader(raw[:cut]))
	var rec *RecordError
	if !errors.As(err, &rec) || rec.Position != 3 || rec.Line != 220 {
		t.Fatalf("err = %v, want a RecordError for record #3 at line 220", err)
	}
	if want := "uk list: Designation #3 (line 220): XML syntax error on line 236: unexpected EOF"; err.Error() != want {
		t.Errorf("message = %q, want %q", err, want)
	}
}

func TestMalformedInput(t *testing.T) {
	raw := realRecords(t)
	tests := []struct {
		name string
		doc  string
		want string
	}{
		{"empty file", "", "no <Designations> element"},
		{"not XML", "UniqueID,Name\nAFG0011,ABDUL", `text "UniqueID,Name\nAFG0011,ABDUL" before the root element`},
		{"mismatched tag", replaceOnce(t, raw, "</Name2>", "</Name3>"),
			"uk list: Designation #1 (line 25): XML syntax error on line 34: element <Name2> closed by </Name3>"},
		{"invalid UTF-8", replaceOnce(t, raw, "<Name6>AL-MAZIDIH", "<Name6>AL-MAZ\xc3IDIH"),
			"uk list: Designation #2 (line 130): XML syntax error on line 141: invalid UTF-8"},
		{"control character", replaceOnce(t, raw, "Petrel 8", "Petrel\x078"),
			"Designation #4 (line 277): XML syntax error on line 283: illegal character code U+0007"},
		{"other encoding", replaceOnce(t, raw, `encoding="utf-8"`, `encoding="windows-1252"`),
			`xml: encoding "windows-1252" declared but Decoder.CharsetReader is nil`},
		{"EU file", `<export xmlns="http://eu.europa.ec/fpi/fsd/export"/>`,
			`root element is <export> in namespace "http://eu.europa.ec/fpi/fsd/export", want <Designations>`},
		{"bad DateGenerated", replaceOnce(t, raw, "<DateGenerated>14/08/2026", "<DateGenerated>2026-08-14"),
			"<DateGenerated>2026-08-14</DateGenerated>: not a dd/mm/yyyy date"},
		{"second document", raw + "<Designations/>", "content after </Designations>"},
		{"text after root", raw + "tail", `text "tail" after </Designations>`},
		{"text in root", replaceOnce(t, raw, "<DateGenerated>", "oops<DateGenerated>"), `text "oops" directly inside <Designations>`},
		{"unclosed DateGenerated", raw[:strings.Index(raw, "</DateGenerated>")], "<DateGenerated>: XML syntax error"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			snap, err := Parse(strings.NewReader(tt.doc))
			if err == nil {
				t.Fatalf("no error; %d entities", len(snap.Entities))
			}
			if snap != nil {
				t.Error("a snapshot came back with a file-level error")
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q\nlacks %q", err, tt.want)
			}
			if !strings.HasPrefix(err.Error(), "uk list: ") {
				t.Errorf("error %q does not say which list", err)
			}
		})
	}
}

// TestRejectedRecord covers Designations that are well-formed XML but break the list's rules.
func TestRejectedRecord(t *testing.T) {
	raw := realRecords(t)
	tests := []struct {
		name     string
		doc      string
		position int
		want     string
	}{
		{"repeated UniqueID", replaceOnce(t, raw, "<UniqueID>AQD0377", "<UniqueID>AFG0011"), 3,
			`uk list: Designation #3 (line 220, UniqueID AFG0011, "Khatiba al-Tawhid wal-Jihad (KTJ)"): UniqueID AFG0011 repeats record #1`},
		{"two UniqueIDs", replaceOnce(t, raw, "<UniqueID>AQD0377</UniqueID>", "<UniqueID>AQD0377</UniqueID><UniqueID>AQD0378</UniqueID>"), 3,
			`two UniqueIDs, "AQD0377" and "AQD0378"`},
		{"UniqueID with a space", replaceOnce(t, raw, "<UniqueID>DPR0075", "<UniqueID>DPR 0075"), 4,
			`Designation #4 (line 277, UniqueID DPR 0075, "Petrel 8"): UniqueID "DPR 0075" has a character other than`},
		{"empty UniqueID", replaceOnce(t, raw, "<UniqueID>DPR0075</UniqueID>", "<UniqueID> </UniqueID>"), 4,
			`Designation #4 (line 277, "Petrel 8"): no UniqueID`},
		{"no names", replaceOnce(t, raw, "<Name6>Petrel 8</Name6>", ""), 4, ""},
		{"DOB not a date", replaceOnce(t, raw, "<DOB>1985</DOB>", "<DOB>about 1985</DOB>"), 2,
			`Designation #2 (line 130, UniqueID AQD0128, "AKRAM TURKI HISHAN AL-MAZIDIH"): DOB "about 1985": the year is not four digits`},
		{"DOB day out of month", replaceOnce(t, raw, "<DOB>12/11/1967</DOB>", "<DOB>31/11/1967</DOB>"), 1, `DOB "31/11/1967": no such day`},
		{"DOB month 13", replaceOnce(t, raw, "<DOB>12/11/1967</DOB>", "<DOB>12/13/1967</DOB>"), 1, `birth date "12/13/1967": invalid month or day`},
		{"DOB ISO", replaceOnce(t, raw, "<DOB>12/11/1967</DOB>", "<DOB>1967-11-12</DOB>"), 1, `DOB "1967-11-12": the year is not four digits`},
		{"DOB four parts", replaceOnce(t, raw, "<DOB>12/11/1967</DOB>", "<DOB>1/12/11/1967</DOB>"), 1, `DOB "1/12/11/1967" is not dd/mm/yyyy`},
		{"DOB year 1066", replaceOnce(t, raw, "<DOB>1985</DOB>", "<DOB>1066</DOB>"), 2, `implausible year range`},
		{"bad DateDesignated", replaceOnce(t, raw, "<DateDesignated>03/10/2017", "<DateDesignated>2017-10-03"), 4,
			`DateDesignated "2017-10-03" is not a dd/mm/yyyy date`},
		{"bad LastUpdated", replaceOnce(t, raw, "<LastUpdated>08/03/2022", "<LastUpdated>8 March 2022"), 3,
			`LastUpdated "8 March 2022" is not a dd/mm/yyyy date`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.name == "no names" {
				tt.doc = strings.NewReplacer("<Name6>Jal Vahini</Name6>", "", "<Name6>Jal_Vahini</Name6>", "",
					"<Name6>Tian Tai 36</Name6>", "").Replace(tt.doc)
				tt.want = `uk list: Designation #4 (line 277, UniqueID DPR0075): no name`
			}
			snap, err := Parse(strings.NewReader(tt.doc))
			if err == nil {
				t.Fatal("no error")
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q\nlacks %q", err, tt.want)
			}
			var rec *RecordError
			if !errors.As(err, &rec) || rec.Position != tt.position {
				t.Fatalf("err = %v, want a RecordError for record #%d", err, tt.position)
			}
			if snap == nil || len(snap.Entities) != 3 {
				t.Fatalf("want the 3 other records alongside the error, got %+v", snap)
			}
		})
	}
}

func TestSmallDocuments(t *testing.T) {
	const head = `<Designations><DateGenerated>01/02/2026</DateGenerated><Designation><UniqueID>TST0001</UniqueID>`
	const tail = `</Designation></Designations>`
	tests := []struct {
		name string
		body string
		ok   func(t *testing.T, e corridor.Entity)
	}{
		{"no primary mark, weak first", `<Names>
			<Name><Name6>Weak One</Name6><NameType>Alias</NameType><AliasStrength>Low quality a.k.a</AliasStrength></Name>
			<Name><Name1>Strong</Name1><Name6>Two</Name6><NameType>Primary Name Variation</NameType></Name>
			<Name><Name6>Odd</Name6><NameType>Former name</NameType></Name>
			</Names><IndividualEntityShip>individual</IndividualEntityShip>
			<IndividualDetails><Individual><Genders><Gender>Female</Gender><Gender>Unknown</Gender></Genders>
			<Nationalities><Nationality>Atlantis</Nationality><Nationality>Korea, North</Nationality></Nationalities>
			<DOBs><DOB>mm/1970</DOB><DOB>05/1970</DOB><DOB>29/02/2000</DOB></DOBs>
			<PassportDetails><Passport><PassportAdditionalInformation>Passport seen, number unknown</PassportAdditionalInformation></Passport>
			<Passport><PassportNumber>X1</PassportNumber><PassportAdditionalInformation>No. X1 issued in Oslo</PassportAdditionalInformation></Passport></PassportDetails>
			</Individual></IndividualDetails>`,
			func(t *testing.T, e corridor.Entity) {
				if e.PrimaryName() != "Strong Two" || e.Names[1].Full != "Weak One" || !e.Names[1].Weak || e.Names[1].Kind != corridor.NameAKA {
					t.Errorf("names %+v", e.Names)
				}
				if e.Gender != corridor.GenderFemale || !slices.Equal(e.Nationalities, []string{"KP"}) {
					t.Errorf("gender %q nationalities %v", e.Gender, e.Nationalities)
				}
				var dates []string
				for _, d := range e.BirthDates {
					dates = append(dates, d.String())
				}
				if !slices.Equal(dates, []string{"1970", "1970-05", "2000-02-29"}) {
					t.Errorf("dates %q", dates)
				}
				if len(e.Identifiers) != 1 || e.Identifiers[0].Country != "" {
					t.Errorf("identifiers %+v (\"No.\" is not Norway)", e.Identifiers)
				}
				for _, s := range []string{"Name type of Odd: Former name", "Gender: Unknown", "Nationality: Atlantis", "Passport: Passport seen, number unknown"} {
					if !strings.Contains(e.Remarks, s) {
						t.Errorf("remarks %q lack %q", e.Remarks, s)
					}
				}
			}},
		{"entity details and contacts", `<Names><Name><Name6>Acme Ltd</Name6><NameType>Primary name</NameType></Name></Names>
			<Titles><Title>Ltd</Title></Titles>
			<IndividualEntityShip>Entity</IndividualEntityShip>
			<PhoneNumbers><PhoneNumber>+1 555</PhoneNumber></PhoneNumbers><EmailAddresses><EmailAddress>a@b.c</EmailAddress></EmailAddresses>
			<Websites><Website>acme.example</Website></Websites>
			<Addresses><Address><AddressLine1>1 Road</AddressLine1><AddressLine5>Region</AddressLine5><AddressLine6>Town</AddressLine6>
			<AddressPostalCode>123</AddressPostalCode><AddressCountry>Russia</AddressCountry></Address></Addresses>
			<EntityDetails><Entity><BusinessRegistrationNumbers><BusinessRegistrationNumber>OGRN 1</BusinessRegistrationNumber></BusinessRegistrationNumbers>
			<ParentCompanies><ParentCompany>Acme Holding</ParentCompany></ParentCompanies><Subsidiaries><Subsidiary>Acme Sub</Subsidiary></Subsidiaries>
			</Entity></EntityDetails>`,
			func(t *testing.T, e corridor.Entity) {
				if e.Kind != corridor.KindOrganization || len(e.Links) != 2 || e.Links[0].Name != "Acme Holding" {
					t.Errorf("kind %q links %+v", e.Kind, e.Links)
				}
				want := corridor.Address{Street: "1 Road", Region: "Region", City: "Town", PostalCode: "123", Country: "RU",
					Text: "1 Road, Region, Town, 123, Russia"}
				if len(e.Addresses) != 1 || e.Addresses[0] != want {
					t.Errorf("address %+v", e.Addresses)
				}
				if len(e.Identifiers) != 1 || e.Identifiers[0].Kind != corridor.IDRegistration {
					t.Errorf("identifiers %+v", e.Identifiers)
				}
				for _, s := range []string{"Phone: +1 555", "Email: a@b.c", "Website: acme.example", "Parent company: Acme Holding", "Subsidiary: Acme Sub"} {
					if !strings.Contains(e.Remarks, s) {
						t.Errorf("remarks %q lack %q", e.Remarks, s)
					}
				}
			}},
		{"unknown type, ship with two flags", `<Names><Name><Name6>Boat</Name6><NameType>Primary Name</NameType></Name>
			<Name><Name6>Boat</Name6><NameType>Alias</NameType></Name></Names>
			<IndividualEntityShip>Aircraft</IndividualEntityShip>
			<ShipDetails><Ship><IMONumbers><IMONumber>IMO 1234567</IMONumber><IMONumber>unknown</IMONumber></IMONumbers>
			<CurrentBelievedFlagOfShips><CurrentBelievedFlagOfShip>Panama</CurrentBelievedFlagOfShip><CurrentBelievedFlagOfShip>Narnia</CurrentBelievedFlagOfShip></CurrentBelievedFlagOfShips>
			</Ship></ShipDetails>`,
			func(t *testing.T, e corridor.Entity) {
				if e.Kind != corridor.KindUnknown || !strings.Contains(e.Remarks, "Type: Aircraft") || len(e.Names) != 1 {
					t.Errorf("kind %q names %+v remarks %q", e.Kind, e.Names, e.Remarks)
				}
				if e.Vessel == nil || e.Vessel.Flag != "PA" || !strings.Contains(e.Remarks, "Also flag: Narnia") {
					t.Errorf("vessel %+v remarks %q", e.Vessel, e.Remarks)
				}
				if len(e.Identifiers) != 2 || e.Identifiers[0].Number != "1234567" || e.Identifiers[1].Number != "unknown" {
					t.Errorf("identifiers %+v", e.Identifiers)
				}
			}},
		{"only a non-Latin name", `<NonLatinNames><NonLatinName><NameNonLatinScript>Иван</NameNonLatinScript>
			<NonLatinScriptType>Cyrillic</NonLatinScriptType><NonLatinScriptLanguage>Russian</NonLatinScriptLanguage></NonLatinName>
			<NonLatinName><NameNonLatinScript>Іван</NameNonLatinScript><NonLatinScriptLanguage>Romanian; Moldavian; Ukrainian</NonLatinScriptLanguage></NonLatinName>
			</NonLatinNames>`,
			func(t *testing.T, e corridor.Entity) {
				if e.PrimaryName() != "Иван" || e.Names[0].Kind != corridor.NamePrimary || e.Names[0].Lang != "ru" {
					t.Errorf("names %+v", e.Names)
				}
				if e.Names[1].Lang != "ro" || e.Names[1].Kind != corridor.NameOriginalScript {
					t.Errorf("second name %+v", e.Names[1])
				}
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			snap, err := Parse(strings.NewReader(head + tt.body + tail))
			if err != nil {
				t.Fatal(err)
			}
			if len(snap.Entities) != 1 {
				t.Fatalf("%d entities", len(snap.Entities))
			}
			tt.ok(t, snap.Entities[0])
		})
	}
}
