package batch

import (
	"encoding/binary"
	"errors"
	"io"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSniffDelimiter(t *testing.T) {
	for in, want := range map[string]rune{
		"name,dob\nA,1977\n":                           ',',
		"name;dob;country\nHAQQANI, Siraj;1977;AF\n":   ';',
		"name\tdob\nA\t1\n":                            '\t',
		"name|dob\nA|1\n":                              '|',
		"name\nA\n":                                    ',',
		`"last, first";dob` + "\n" + `"A, B";1` + "\n": ';',
		"a,b;c;d\n1,2;3;4\n":                           ';',
	} {
		if got := SniffDelimiter([]byte(in)); got != want {
			t.Errorf("SniffDelimiter(%q) = %q, want %q", in, got, want)
		}
	}
}

func readAll(t *testing.T, in string) (*CSVSource, []Record) {
	t.Helper()
	s, err := NewCSVSource(strings.NewReader(in), CSVOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var recs []Record
	for {
		var r Record
		err := s.Next(&r)
		if errors.Is(err, io.EOF) {
			return s, recs
		}
		if err != nil {
			t.Fatal(err)
		}
		recs = append(recs, r)
	}
}

func TestCSVSourceKeepsBadRows(t *testing.T) {
	in := "name;note\nA;\"two\nlines\"\nB \"the\" C;x\n\nD;y\nE;\"never closed\nF;z\n"
	s, recs := readAll(t, in)
	if !slices.Equal(s.Header(), []string{"name", "note"}) {
		t.Errorf("header %q", s.Header())
	}
	want := []struct {
		line    int
		fields  []string
		problem bool
	}{
		{2, []string{"A", "two\nlines"}, false},
		{4, []string{`B "the" C`, "x"}, true}, // the row's text is kept, split at the delimiter
		{6, []string{"D", "y"}, false},
		{7, []string{"E", "\"never closed\nF", "z"}, true},
	}
	if len(recs) != len(want) {
		t.Fatalf("%d records: %+v", len(recs), recs)
	}
	for i, w := range want {
		r := recs[i]
		if r.Line != w.line || !slices.Equal(r.Fields, w.fields) || (r.Problem != "") != w.problem {
			t.Errorf("record %d: %+v, want %+v", i, r, w)
		}
	}
	if !strings.Contains(recs[3].Problem, "line 7") {
		t.Errorf("an unclosed quote says where it opened: %s", recs[3].Problem)
	}
}

func TestCSVSourceEncodings(t *testing.T) {
	text := "Name,Country\nSirajuddin Haqqani,AF\nМухаммад 😀,RU\n"
	for _, tc := range []struct {
		name string
		in   []byte
		enc  string
	}{
		{"UTF-8", []byte(text), "UTF-8"},
		{"UTF-8 BOM", append([]byte("\ufeff"), text...), "UTF-8"},
		{"UTF-16LE", toUTF16([]byte(text), binary.LittleEndian), "UTF-16LE"},
		{"UTF-16BE", toUTF16([]byte(text), binary.BigEndian), "UTF-16BE"},
	} {
		s, err := NewCSVSource(strings.NewReader(string(tc.in)), CSVOptions{})
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		var got []string
		for {
			var r Record
			if err := s.Next(&r); err != nil {
				break
			}
			got = append(got, r.Fields...)
		}
		if s.Encoding != tc.enc || !slices.Equal(s.Header(), []string{"Name", "Country"}) ||
			!slices.Equal(got, []string{"Sirajuddin Haqqani", "AF", "Мухаммад 😀", "RU"}) {
			t.Errorf("%s: %s %q %q", tc.name, s.Encoding, s.Header(), got)
		}
	}
	if _, err := NewCSVSource(strings.NewReader("N\x00a\x00m\x00e\x00"), CSVOptions{}); err == nil || !strings.Contains(err.Error(), "UTF-16") {
		t.Errorf("UTF-16 without a BOM: %v", err)
	}
	if _, err := NewCSVSource(strings.NewReader(""), CSVOptions{}); err == nil || !strings.Contains(err.Error(), "empty") {
		t.Errorf("empty file: %v", err)
	}
}

// A broken surrogate in UTF-16 is not replaced silently: it becomes a byte that is not UTF-8,
// so that the row is an error row.
func TestUTF16BrokenSurrogate(t *testing.T) {
	for _, units := range [][]uint16{
		{0xFEFF, 'n', '\n', 'a', 0xD800, 'b', '\n'}, // a high surrogate alone
		{0xFEFF, 'n', '\n', 'a', 0xDC00, 'b', '\n'}, // a low surrogate alone
		{0xFEFF, 'n', '\n', 'a', 'b', 0xD800},       // cut at the end
	} {
		b := make([]byte, 2*len(units))
		for i, u := range units {
			binary.LittleEndian.PutUint16(b[2*i:], u)
		}
		s, err := NewCSVSource(strings.NewReader(string(b)), CSVOptions{})
		if err != nil {
			t.Fatal(err)
		}
		var r Record
		if err := s.Next(&r); err != nil || utf8.ValidString(r.Fields[0]) {
			t.Errorf("%x: %v %q: want a field that is not valid UTF-8", units, err, r.Fields)
		}
	}
	// A surrogate pair split across reads still decodes.
	units := []uint16{0xFEFF, 'n', '\n'}
	for range 20000 {
		units = append(units, 0xD83D, 0xDE00)
	}
	b := make([]byte, 2*len(units))
	for i, u := range units {
		binary.LittleEndian.PutUint16(b[2*i:], u)
	}
	s, err := NewCSVSource(&oneByteReader{strings.NewReader(string(b))}, CSVOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var r Record
	if err := s.Next(&r); err != nil || r.Fields[0] != strings.Repeat("😀", 20000) {
		t.Errorf("surrogate pairs across reads: %v", err)
	}
}

type oneByteReader struct{ r io.Reader }

func (o *oneByteReader) Read(p []byte) (int, error) { return o.r.Read(p[:min(len(p), 1)]) }
