package un

import (
	"bytes"
	"strings"
	"sync"
	"testing"
)

var (
	recordsOnce sync.Once
	records     map[string]string // reference number -> raw record text
)

// realRecord returns the raw text of the record with the given reference in the real file.
func realRecord(t testing.TB, ref string) string {
	t.Helper()
	data, _ := real(t)
	recordsOnce.Do(func() {
		records = make(map[string]string)
		for _, m := range recordRe.FindAllSubmatch(data, -1) {
			if r := refRe.FindSubmatch(m[2]); r != nil {
				records[string(r[1])] = string(m[0])
			}
		}
	})
	rec, ok := records[ref]
	if !ok {
		t.Fatalf("no record %s", ref)
	}
	return rec
}

// document wraps records as the UN file does.
func document(individuals, entities string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<CONSOLIDATED_LIST dateGenerated="2026-02-27T00:00:09.554Z">
  <INDIVIDUALS>` + individuals + `</INDIVIDUALS>
  <ENTITIES>` + entities + `</ENTITIES>
</CONSOLIDATED_LIST>
`
}

func TestRealRecordsAlone(t *testing.T) {
	doc := document(realRecord(t, "CDi.001")+realRecord(t, "TAi.144"), realRecord(t, "QDe.137"))
	snap, err := Parse(strings.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	if len(snap.Entities) != 3 || snap.Entities[1].NativeID != "TAi.144" || snap.Entities[2].NativeID != "QDe.137" {
		t.Fatalf("entities = %+v", snap.Entities)
	}
}

func TestMalformed(t *testing.T) {
	data, _ := real(t)
	first := realRecord(t, "CDi.001")
	haqqani := realRecord(t, "TAi.144")
	entity := realRecord(t, "CDe.001")
	replace := func(record, old, new string) string {
		if !strings.Contains(record, old) {
			t.Fatalf("record lacks %q", old)
		}
		return strings.Replace(record, old, new, 1)
	}
	tests := []struct {
		name, input string
		want        []string // substrings of the error
	}{
		{"empty", "", []string{"no <CONSOLIDATED_LIST>"}},
		{"not XML", "INDIVIDUAL,TAi.144\n", []string{"no <CONSOLIDATED_LIST>"}},
		{"truncated file", string(data[:len(data)/2]), []string{"INDIVIDUAL #", "unexpected EOF"}},
		{"truncated after last record", strings.TrimSuffix(document(first, ""), "</CONSOLIDATED_LIST>\n"), []string{"unexpected EOF"}},
		{"invalid XML", document(replace(haqqani, "</THIRD_NAME>", "</THIRD>"), ""), []string{"INDIVIDUAL #1 at line", "THIRD_NAME"}},
		{"invalid UTF-8", document(replace(haqqani, "HAQQANI", "HAQ\xffQANI"), ""), []string{"INDIVIDUAL #1", "invalid UTF-8"}},
		{"other encoding", strings.Replace(document(first, ""), "UTF-8", "ISO-8859-1", 1), []string{"ISO-8859-1"}},
		{"wrong root", "<sanctionsData><INDIVIDUALS/></sanctionsData>", []string{"root element is <sanctionsData>"}},
		{"two roots", document("", "") + "<CONSOLIDATED_LIST/>", []string{"second root element"}},
		{"record in wrong section", document(entity, ""), []string{"unexpected element <ENTITY> in <INDIVIDUALS>"}},
		{"stray section", strings.Replace(document(first, ""), "<ENTITIES>", "<VESSELS></VESSELS><ENTITIES>", 1), []string{"unexpected element <VESSELS>"}},
		{"bad dateGenerated", strings.Replace(document(first, ""), "2026-02-27T00:00:09.554Z", "27/02/2026", 1), []string{"dateGenerated"}},
		{"missing REFERENCE_NUMBER", document(replace(haqqani, "<REFERENCE_NUMBER>TAi.144</REFERENCE_NUMBER>", ""), ""),
			[]string{"INDIVIDUAL #1 at line 3", "missing REFERENCE_NUMBER"}},
		{"entity without name", document("", replace(entity, "<FIRST_NAME>ADF</FIRST_NAME>", "<FIRST_NAME/>")),
			[]string{"ENTITY CDe.001", "no name"}},
		{"duplicate reference", document(first+first, ""), []string{"INDIVIDUAL CDi.001", "already used"}},
		{"bad DATE", document(replace(realRecord(t, "QDi.291"), "<DATE>1982-04-18</DATE>", "<DATE>18/04/1982</DATE>"), ""),
			[]string{"INDIVIDUAL QDi.291", `"18/04/1982"`}},
		{"bad YEAR", document(replace(haqqani, "<FROM_YEAR>1977</FROM_YEAR>", "<FROM_YEAR>77</FROM_YEAR>"), ""),
			[]string{"INDIVIDUAL TAi.144", `"77"`}},
		{"reversed range", document(replace(haqqani, "<FROM_YEAR>1977</FROM_YEAR>", "<FROM_YEAR>1979</FROM_YEAR>"), ""),
			[]string{"INDIVIDUAL TAi.144", "implausible"}},
		{"unknown TYPE_OF_DATE", document(replace(haqqani, "<TYPE_OF_DATE>BETWEEN</TYPE_OF_DATE>", "<TYPE_OF_DATE>AROUND</TYPE_OF_DATE>"), ""),
			[]string{"INDIVIDUAL TAi.144", `TYPE_OF_DATE "AROUND"`}},
		{"unknown QUALITY", document(replace(haqqani, "<QUALITY>Low</QUALITY>", "<QUALITY>Medium</QUALITY>"), ""),
			[]string{"INDIVIDUAL TAi.144", `QUALITY "Medium"`}},
		{"bad LISTED_ON", document(replace(haqqani, "<LISTED_ON>2007-09-13</LISTED_ON>", "<LISTED_ON>13 Sep 2007</LISTED_ON>"), ""),
			[]string{"INDIVIDUAL TAi.144", "LISTED_ON"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			snap, err := Parse(strings.NewReader(tt.input))
			if err == nil {
				t.Fatalf("no error; %d entities", len(snap.Entities))
			}
			if !strings.HasPrefix(err.Error(), "un list: ") {
				t.Errorf("error %q lacks the un list: prefix", err)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
		})
	}
}

// TestUnknownElementKept checks that an element the UN adds later reaches the remarks.
func TestUnknownElementKept(t *testing.T) {
	doc := document(strings.Replace(realRecord(t, "CDi.001"), "<GENDER>", "<EYE_COLOUR>brown</EYE_COLOUR><GENDER>", 1), "")
	snap, err := Parse(bytes.NewReader([]byte(doc)))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(snap.Entities[0].Remarks, "EYE_COLOUR: brown") {
		t.Errorf("remarks = %q", snap.Entities[0].Remarks)
	}
}
