package batch

import (
	"strings"
	"testing"
)

func TestDetectColumns(t *testing.T) {
	for _, tc := range []struct {
		header  []string
		mapping []string
		want    string // Describe, or the error's text
	}{
		{[]string{"Full Name", "DOB", "Nationality", "Passport", "Reference"}, nil,
			`name="Full Name", dob="DOB", nationality="Nationality", id="Passport", ref="Reference"`},
		{[]string{"employee_id", "First Name", "Middle", "Surname", "date_of_birth", "Citizenship"}, nil,
			`first="First Name", middle="Middle", last="Surname", dob="date_of_birth", nationality="Citizenship", ref="employee_id"`},
		{[]string{"Given name", "Family name", "Birth Date", "Country", "Tazkira No", "National ID", "Staff ID"}, nil,
			`first="Given name", last="Family name", dob="Birth Date", nationality="Country", id="Tazkira No", id="National ID", ref="Staff ID"`},
		{[]string{"beneficiary_name", "amount", "BIRTH_DATE"}, nil, `name="beneficiary_name", dob="BIRTH_DATE"`},
		// The header is kept as written; spaces around a name do not hide it.
		{[]string{" Full Name ", "Ref "}, []string{"ref=ref"}, `name=" Full Name ", ref="Ref "`},
		// A full name wins over name parts, unless the parts are mapped.
		{[]string{"Name", "First Name", "Last Name"}, nil, `name="Name"`},
		{[]string{"Name", "First Name", "Last Name"}, []string{"first=First Name", "last=3"}, `first="First Name", last="Last Name"`},
		{[]string{"Payee", "Born", "ID"}, []string{"name=payee", "dob=Born", "id=-"}, `name="Payee", dob="Born"`},
		{[]string{"A", "B"}, []string{"name=B", "id=A", "id=B"}, `name="B", id="A", id="B"`},
		// Errors name what is wrong.
		{[]string{"Amount", "IBAN"}, nil, `no name column: want a column such as "Full Name", or "First Name" and "Last Name", or say which with --map name=COLUMN (the header has: "Amount", "IBAN")`},
		{[]string{"Name"}, []string{"dob=Born"}, `--map dob=Born: the header has no column "Born" (it has: "Name")`},
		{[]string{"Name"}, []string{"birthday=Name"}, `--map "birthday=Name": want ROLE=COLUMN`},
		{[]string{"Name", "Name"}, []string{"name=Name"}, `the header has the column "Name" twice: give its number instead (1 or 2)`},
		{[]string{"Name", "match_score"}, nil, `the header already has the column "match_score", which batch adds`},
	} {
		c, err := DetectColumns(tc.header, tc.mapping)
		got := ""
		if err != nil {
			got = err.Error()
		} else {
			got = c.Describe(tc.header)
			if c.Width != len(tc.header) {
				t.Errorf("%q: width %d", tc.header, c.Width)
			}
		}
		if !strings.Contains(got, tc.want) {
			t.Errorf("%q %q:\n got %s\nwant %s", tc.header, tc.mapping, got, tc.want)
		}
	}
}

func TestParseBirthDate(t *testing.T) {
	for in, want := range map[string]string{
		"1977": "1977", "1977-03": "1977-03", "1977-03-05": "1977-03-05", "1977/03/05": "1977-03-05",
		"1977.03.05": "1977-03-05", "1977-03-05T00:00:00Z": "1977-03-05", "1977-03-05 00:00:00": "1977-03-05",
		" 1977 ": "1977", "05/03/1977": "", "1977-13-01": "", "March 1977": "", "1977-03-05 13:00": "",
	} {
		d, err := ParseBirthDate(in)
		got := ""
		if err == nil {
			got = d.String()
		} else if !strings.Contains(err.Error(), "want YYYY") {
			t.Errorf("%q: %v", in, err)
		}
		if got != want {
			t.Errorf("ParseBirthDate(%q) = %q, want %q", in, got, want)
		}
	}
}
