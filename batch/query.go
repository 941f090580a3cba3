package batch

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/match"
)

// queryBuilder turns rows into queries, reusing one Query and its slices: a worker screens
// millions of rows and each would otherwise allocate.
type queryBuilder struct {
	cols   Columns
	header []string
	kind   corridor.Kind
	lists  []corridor.ListID
	q      match.Query
	name   strings.Builder
}

// build fills the builder's query from a row of Width fields, or says what is wrong with the
// row. The returned query is valid until the next call.
func (b *queryBuilder) build(fields []string) (*match.Query, string) {
	for i, f := range fields {
		if !utf8.ValidString(f) {
			return nil, fmt.Sprintf("column %q is not valid UTF-8 (%s): is the file in another encoding? Save it as UTF-8 or UTF-16",
				b.colName(i), badBytes(f))
		}
	}
	q := &b.q
	*q = match.Query{Kind: b.kind, Lists: b.lists, Countries: q.Countries[:0], Identifiers: q.Identifiers[:0]}
	if b.cols.Name >= 0 {
		q.Name = strings.TrimSpace(fields[b.cols.Name])
	} else {
		b.name.Reset()
		for _, i := range []int{b.cols.First, b.cols.Middle, b.cols.Last} {
			if i < 0 {
				continue
			}
			if part := strings.TrimSpace(fields[i]); part != "" {
				if b.name.Len() > 0 {
					b.name.WriteByte(' ')
				}
				b.name.WriteString(part)
			}
		}
		q.Name = b.name.String()
	}
	if q.Name == "" {
		return nil, "empty name"
	}
	if i := b.cols.DOB; i >= 0 {
		if s := strings.TrimSpace(fields[i]); s != "" {
			d, err := ParseBirthDate(s)
			if err != nil {
				return nil, fmt.Sprintf("column %q: %v", b.header[i], err)
			}
			q.BirthDate = d
		}
	}
	for _, i := range b.cols.Nationality {
		for c := range strings.FieldsFuncSeq(fields[i], isListSep) {
			code, err := match.ParseCountry(strings.TrimSpace(c))
			if err != nil {
				return nil, fmt.Sprintf("column %q: %v", b.header[i], err)
			}
			q.Countries = append(q.Countries, code)
		}
	}
	for _, i := range b.cols.ID {
		if id := strings.TrimSpace(fields[i]); id != "" {
			q.Identifiers = append(q.Identifiers, id)
		}
	}
	return q, ""
}

func (b *queryBuilder) colName(i int) string {
	if i < len(b.header) {
		return b.header[i]
	}
	return fmt.Sprintf("#%d", i+1)
}

// isListSep separates several countries in one cell ("AF; PK", "AF/PK"). A comma is not one:
// "Korea, Republic of" is one country.
func isListSep(r rune) bool { return r == ';' || r == '/' || r == '|' }

// badBytes shows where a string stops being UTF-8, for the row's reason.
func badBytes(s string) string {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			return fmt.Sprintf("byte 0x%02X at position %d", s[i], i+1)
		}
		i += n
	}
	return "no bad byte"
}

// ParseBirthDate reads a date of birth as match.ParseBirthDate does (YYYY, YYYY-MM or
// YYYY-MM-DD), and also the forms spreadsheets export: YYYY/MM/DD, YYYY.MM.DD, and a date
// followed by a midnight time. Day-first and month-first dates (03/04/1980) are refused
// rather than guessed.
func ParseBirthDate(s string) (corridor.BirthDate, error) {
	t := strings.TrimSpace(s)
	if i := strings.IndexAny(t, "T "); i == 10 && isMidnight(t[i+1:]) {
		t = t[:i]
	}
	if len(t) >= 7 && isDigits(t[:4]) && (t[4] == '/' || t[4] == '.') {
		t = strings.NewReplacer("/", "-", ".", "-").Replace(t)
	}
	d, err := match.ParseBirthDate(t)
	if err != nil {
		return d, fmt.Errorf("date of birth %q: want YYYY, YYYY-MM or YYYY-MM-DD", s)
	}
	return d, nil
}

func isMidnight(s string) bool {
	s = strings.TrimSuffix(strings.TrimSuffix(s, "Z"), ".000")
	return s == "00:00:00" || s == "00:00"
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
