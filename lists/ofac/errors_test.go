package ofac

import (
	"bytes"
	"strings"
	"testing"

	"github.com/corridor-aml/corridor"
)

// Small well-formed files in OFAC's shape, which the cases below break one way each.
const (
	okPrimary = "36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n" +
		"10743,\"MUHAMMAD, Sirajuddin\",\"individual\",\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"DOB 1977; a.k.a. 'SIR\"\r\n"
	okAlt      = "10743,10798,\"aka\",\"HAQQANI, Siraj\",-0- \r\n"
	okAddress  = "36,25,-0- ,\"Havana\",\"Cuba\",-0- \r\n"
	okComments = "10743,\"AJ'.\"\r\n" // the rest of the remarks OFAC cut at 1,000 characters
)

func parseStrings(primary, alt, address, comments string) (*corridor.ListSnapshot, error) {
	return Parse(corridor.ListOFACSDN, Files{
		Primary:  strings.NewReader(primary),
		Alt:      strings.NewReader(alt),
		Address:  strings.NewReader(address),
		Comments: strings.NewReader(comments),
		Names:    SDNFiles(),
	})
}

func TestSmallFilesParse(t *testing.T) {
	snap, err := parseStrings(okPrimary+"\x1a", okAlt+"\x1a", okAddress, okComments)
	if err != nil {
		t.Fatal(err)
	}
	if len(snap.Entities) != 2 {
		t.Fatalf("%d entities, want 2", len(snap.Entities))
	}
	e := snap.Entities[1]
	if got := nameFulls(&e); strings.Join(got, "|") != "MUHAMMAD, Sirajuddin|HAQQANI, Siraj|SIRAJ" {
		t.Errorf("names %q", got)
	}
	if e.Remarks != "DOB 1977; a.k.a. 'SIRAJ'." {
		t.Errorf("remarks %q", e.Remarks)
	}
	if a := snap.Entities[0].Addresses; len(a) != 1 || a[0].Country != "CU" || a[0].Street != "" || a[0].Text != "Havana, Cuba" {
		t.Errorf("address %+v", a)
	}
	// "-0-" without the trailing space, LF line ends and no 0x1A are fine too.
	lf := strings.ReplaceAll(strings.ReplaceAll(okPrimary, "-0- ", "-0-"), "\r\n", "\n")
	if snap, err := parseStrings(lf, "", "", ""); err != nil || snap.Entities[0].Programs[0] != "CUBA" || snap.Entities[0].Vessel != nil {
		t.Errorf("-0- without space: %v", err)
	}
}

func TestNilFilesAllowed(t *testing.T) {
	snap, err := Parse(corridor.ListOFACSDN, Files{Primary: strings.NewReader(okPrimary)})
	if err != nil || len(snap.Entities) != 2 {
		t.Fatalf("primary alone: %v", err)
	}
	if _, err := Parse(corridor.ListOFACSDN, Files{Alt: strings.NewReader(okAlt)}); err == nil || !strings.Contains(err.Error(), "sdn.csv: no primary file") {
		t.Errorf("no primary file: %v", err)
	}
	if _, err := Parse(corridor.ListUN, Files{Primary: strings.NewReader(okPrimary)}); err == nil {
		t.Error("list un accepted")
	}
	// Names left empty fall back to the list's own file names.
	_, err = Parse(corridor.ListOFACNonSDN, Files{Primary: strings.NewReader("1,2\r\n")})
	if err == nil || !strings.Contains(err.Error(), "us_ofac_nonsdn list: cons_prim.csv line 1: 2 columns, want 12") {
		t.Errorf("default names: %v", err)
	}
}

func TestMalformedInput(t *testing.T) {
	realSDN := readTestdata(t, "sdn.csv")
	// Cut the real file inside the quoted remarks of its 1,849th record (10743).
	at := bytes.Index(realSDN, []byte("alt. POB Khowst"))
	truncatedReal := string(realSDN[:at])

	nul := strings.Replace(okPrimary, "AEROCARIBBEAN", "AERO\x00CARIBBEAN", 1)
	tests := []struct {
		name                            string
		primary, alt, address, comments string
		want                            string
	}{
		{"truncated real sdn.csv", truncatedReal, "", "", "",
			"us_ofac_sdn list: sdn.csv line 1849: file ends inside a quoted field (truncated?)"},
		{"truncated in a quoted field", okPrimary[:len(okPrimary)-20], "", "", "",
			"sdn.csv line 2: file ends inside a quoted field (truncated?)"},
		{"truncated between fields", okPrimary[:len(okPrimary)-40], "", "", "",
			"sdn.csv line 2: 9 columns, want 12"},
		{"NUL byte", nul, "", "", "",
			"sdn.csv line 1: bad encoding: control character U+0000 in column 2"},
		{"DOS EOF byte inside", strings.Replace(okPrimary, "CUBA", "CU\x1aBA", 1), "", "", "",
			"sdn.csv line 1: bad encoding: control character U+001A in column 4"},
		{"line break in a field", strings.Replace(okPrimary, "SDGT", "SD\nGT", 1), "", "", "",
			"sdn.csv line 2: bad encoding: control character U+000A in column 4"},
		{"byte undefined in Windows-1252", okPrimary, strings.Replace(okAlt, "Siraj", "Sir\x81j", 1), "", "",
			"alt.csv line 1: bad encoding: byte undefined in Windows-1252, decoded as U+FFFD in column 4"},
		{"C1 control in UTF-8", okPrimary, strings.Replace(okAlt, "Siraj", "Sir\u0085j", 1), "", "",
			"alt.csv line 1: bad encoding: control character U+0085 in column 4"},
		{"wrong column count in alt", okPrimary, "10743,10798,\"aka\",\"X\"\r\n", "", "",
			"alt.csv line 1: 4 columns, want 5"},
		{"wrong column count in add", okPrimary, okAlt, okAddress + "36,26,-0- \r\n", "",
			"add.csv line 2: 3 columns, want 6"},
		{"bare quote", strings.Replace(okPrimary, "-0- ,\"CUBA\"", "-0- ,CU\"BA", 1), "", "", "",
			"sdn.csv line 1: bare \" in non-quoted-field"},
		{"orphan alt row", okPrimary, okAlt + "99999,1,\"aka\",\"NOBODY\",-0- \r\n", "", "",
			"alt.csv line 2: ent_num \"99999\" has no entity in sdn.csv"},
		{"orphan address row", okPrimary, "", "99999,1,-0- ,-0- ,\"Cuba\",-0- \r\n", "",
			"add.csv line 1: ent_num \"99999\" has no entity in sdn.csv"},
		{"orphan comment", okPrimary, "", "", "99999,\"more\"\r\n",
			"sdn_comments.csv line 1: ent_num \"99999\" has no entity in sdn.csv"},
		{"unknown type", strings.Replace(okPrimary, "\"individual\"", "\"ship\"", 1), "", "", "",
			"sdn.csv line 2: unknown type \"ship\""},
		{"unknown alt type", okPrimary, strings.Replace(okAlt, "aka", "xka", 1), "", "",
			"alt.csv line 1: alt_num 10798: unknown alt_type \"xka\""},
		{"duplicate ent_num", okPrimary + okPrimary[:strings.Index(okPrimary, "\n")+1], "", "", "",
			"sdn.csv line 3: ent_num 36 already on line 1"},
		{"ent_num not a number", "X1" + okPrimary[2:], "", "", "",
			"sdn.csv line 1: ent_num \"X1\" is not a number"},
		{"empty name", strings.Replace(okPrimary, "\"AEROCARIBBEAN AIRLINES\"", "-0- ", 1), "", "", "",
			"sdn.csv line 1: ent_num 36: empty name"},
		{"empty alt name", okPrimary, strings.Replace(okAlt, "\"HAQQANI, Siraj\"", "-0- ", 1), "", "",
			"alt.csv line 1: alt_num 10798: empty alt_name"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			snap, err := parseStrings(tt.primary, tt.alt, tt.address, tt.comments)
			if err == nil {
				t.Fatalf("no error; %d entities", len(snap.Entities))
			}
			if snap != nil {
				t.Errorf("a snapshot came back with the error")
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q\nwant it to contain %q", err, tt.want)
			}
		})
	}
}

// OFAC's older exports were Windows-1252; a file that is not UTF-8 is decoded as such.
func TestWindows1252(t *testing.T) {
	alt := "10743,10798,\"aka\",\"HAQQAN\xcd, Sir\xe2j \x80\",-0- \r\n"
	snap, err := parseStrings(okPrimary, alt, "", "")
	if err != nil {
		t.Fatal(err)
	}
	if got := snap.Entities[1].Names[1].Full; got != "HAQQANÍ, Sirâj €" {
		t.Errorf("name %q, want %q", got, "HAQQANÍ, Sirâj €")
	}
}
