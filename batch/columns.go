package batch

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
)

// Columns says where the facts batch reads are in a row; -1 (or nil) when absent.
type Columns struct {
	Name, First, Middle, Last int
	DOB                       int
	Nationality               []int // several columns: all of the countries count
	ID                        []int // several columns: passport, national ID ...
	Ref                       int
	Width                     int // fields in the header
}

// Roles are the keys --map accepts, in the order a mapping is printed.
var Roles = []string{"name", "first", "middle", "last", "dob", "nationality", "id", "ref"}

// The header names each role is recognised by, compared by headerKey: lower case, letters and
// digits only, so that "Full Name", "full_name" and "FULLNAME" are one.
var roleHeaders = map[string][]string{
	"name": {"fullname", "name", "names", "beneficiaryname", "beneficiary", "employeename", "employee",
		"payeename", "payee", "accountname", "accountholder", "accountholdername", "personname",
		"customername", "recipientname", "recipient", "partyname", "nameofbeneficiary", "staffname"},
	"first":  {"firstname", "givenname", "givennames", "forename", "forenames", "first"},
	"middle": {"middlename", "middlenames", "middle", "middleinitial"},
	"last":   {"lastname", "surname", "familyname", "last", "lastnames"},
	"dob": {"dob", "dateofbirth", "birthdate", "birthday", "born", "datebirth", "yearofbirth",
		"birthyear"},
	"nationality": {"nationality", "nationalities", "citizenship", "country", "countrycode",
		"countryofcitizenship", "countryofnationality", "nationalitycountry"},
	"id": {"id", "idnumber", "idno", "nationalid", "nationalidnumber", "nationalidno", "passport",
		"passportnumber", "passportno", "tazkira", "tazkiranumber", "tazkirano", "tazkera",
		"documentnumber", "documentno", "nic", "cnic", "identitynumber", "identitycard"},
	"ref": {"reference", "ref", "refno", "referencenumber", "yourreference", "ownreference",
		"employeeid", "employeenumber", "employeeno", "staffid", "staffnumber", "staffno",
		"beneficiaryid", "customerid", "payrollid", "recordid", "rowid"},
}

// The columns batch adds; a header that has one already cannot take them again.
var addedColumns = []string{"match_decision", "match_score", "match_entity_id", "match_entity_name", "match_list", "match_reason"}

func headerKey(h string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(h) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// DetectColumns finds the columns by the header, then applies the --map overrides, each
// ROLE=COLUMN, where COLUMN is a header name (any case) or a column number from 1, and "-"
// or nothing means "do not read this role". Repeating id= or nationality= reads several
// columns. A name mapped, or found, wins over first/middle/last.
func DetectColumns(header []string, overrides []string) (Columns, error) {
	c := Columns{Name: -1, First: -1, Middle: -1, Last: -1, DOB: -1, Ref: -1, Width: len(header)}
	for _, h := range header {
		if slices.Contains(addedColumns, strings.TrimSpace(h)) {
			return c, fmt.Errorf("the header already has the column %q, which batch adds: is this a results file?", h)
		}
	}
	// Detection: the first column a role's names recognise; the names are tried in order, so
	// that "Full Name" wins over a later "Name of bank".
	for role, keys := range roleHeaders {
		for _, key := range keys {
			for i, h := range header {
				if headerKey(h) == key {
					c.set(role, i, true)
				}
			}
			if c.has(role) && role != "id" && role != "nationality" {
				break
			}
		}
	}
	slices.Sort(c.Nationality)
	slices.Sort(c.ID)
	mapped := map[string]bool{}
	for _, o := range overrides {
		role, col, ok := strings.Cut(o, "=")
		role = strings.ToLower(strings.TrimSpace(role))
		if !ok || !slices.Contains(Roles, role) {
			return c, fmt.Errorf("--map %q: want ROLE=COLUMN with ROLE one of %s", o, strings.Join(Roles, ", "))
		}
		i, err := findColumn(header, strings.TrimSpace(col))
		if err != nil {
			return c, fmt.Errorf("--map %s: %w", o, err)
		}
		if !mapped[role] { // the first mapping of a role replaces what detection found
			c.set(role, -1, false)
			mapped[role] = true
		}
		if i >= 0 {
			c.set(role, i, true)
		}
		if role == "name" && i >= 0 {
			c.First, c.Middle, c.Last = -1, -1, -1
		}
	}
	if c.Name >= 0 && !(mapped["first"] || mapped["middle"] || mapped["last"]) {
		c.First, c.Middle, c.Last = -1, -1, -1
	}
	if c.Name >= 0 && (mapped["first"] || mapped["middle"] || mapped["last"]) && !mapped["name"] {
		c.Name = -1 // first/last asked for: a detected full name column gives way
	}
	if c.Name < 0 && c.First < 0 && c.Last < 0 {
		return c, fmt.Errorf("no name column: want a column such as \"Full Name\", or \"First Name\" and \"Last Name\", or say which with --map name=COLUMN (the header has: %s)", quoteAll(header))
	}
	return c, nil
}

func (c *Columns) has(role string) bool {
	switch role {
	case "nationality":
		return len(c.Nationality) > 0
	case "id":
		return len(c.ID) > 0
	}
	return *c.single(role) >= 0
}

// set records column i for role; on=false clears the role.
func (c *Columns) set(role string, i int, on bool) {
	switch role {
	case "nationality":
		if !on {
			c.Nationality = nil
		} else if !slices.Contains(c.Nationality, i) {
			c.Nationality = append(c.Nationality, i)
		}
		return
	case "id":
		if !on {
			c.ID = nil
		} else if !slices.Contains(c.ID, i) {
			c.ID = append(c.ID, i)
		}
		return
	}
	p := c.single(role)
	if !on {
		*p = -1
	} else if *p < 0 {
		*p = i
	}
}

func (c *Columns) single(role string) *int {
	switch role {
	case "name":
		return &c.Name
	case "first":
		return &c.First
	case "middle":
		return &c.Middle
	case "last":
		return &c.Last
	case "dob":
		return &c.DOB
	case "ref":
		return &c.Ref
	}
	panic("batch: unknown role " + role)
}

// findColumn finds a --map column by header name, else by number; -1 for "-" or "".
func findColumn(header []string, col string) (int, error) {
	if col == "" || col == "-" {
		return -1, nil
	}
	found := -1
	for i, h := range header {
		if strings.EqualFold(strings.TrimSpace(h), col) {
			if found >= 0 {
				return -1, fmt.Errorf("the header has the column %q twice: give its number instead (%d or %d)", col, found+1, i+1)
			}
			found = i
		}
	}
	if found >= 0 {
		return found, nil
	}
	if n, err := strconv.Atoi(col); err == nil && n >= 1 && n <= len(header) {
		return n - 1, nil
	}
	return -1, fmt.Errorf("the header has no column %q (it has: %s)", col, quoteAll(header))
}

// Describe says which header column each role reads, e.g. name="Full Name", dob="DOB".
func (c Columns) Describe(header []string) string {
	var parts []string
	add := func(role string, i int) {
		if i >= 0 && i < len(header) {
			parts = append(parts, fmt.Sprintf("%s=%q", role, header[i]))
		}
	}
	add("name", c.Name)
	add("first", c.First)
	add("middle", c.Middle)
	add("last", c.Last)
	add("dob", c.DOB)
	for _, i := range c.Nationality {
		add("nationality", i)
	}
	for _, i := range c.ID {
		add("id", i)
	}
	add("ref", c.Ref)
	return strings.Join(parts, ", ")
}

func quoteAll(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = strconv.Quote(s)
	}
	return strings.Join(q, ", ")
}
