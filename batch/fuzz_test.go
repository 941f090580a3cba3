package batch

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strings"
	"testing"
)

// FuzzCSVSource feeds any bytes to the CSV reader and the column detection: no panic, rows
// numbered forward, and a row that cannot be parsed still has a line and a reason.
func FuzzCSVSource(f *testing.F) {
	f.Add([]byte("name;dob\nSirajuddin Haqqani;1977\n"))
	f.Add([]byte("\xef\xbb\xbfFull Name,Nationality\n\"HAQQANI, Siraj\",AF\n"))
	f.Add([]byte("\xff\xfeN\x00a\x00m\x00e\x00\n\x00A\x00\x00\xd8\n\x00"))
	f.Add([]byte("\xfe\xff\x00N\x00\n"))
	f.Add([]byte("First Name\tLast Name\nA\t\"B\nC\"\nD\"E\tF\n\"open"))
	f.Add([]byte("a|b|c\n1|2\n1|2|3|4\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		SniffDelimiter(data)
		s, err := NewCSVSource(bytes.NewReader(data), CSVOptions{})
		if err != nil {
			if !strings.Contains(err.Error(), "line") && !strings.Contains(err.Error(), "empty file") {
				t.Errorf("error without a line: %v", err)
			}
			return
		}
		header := s.Header()
		cols, err := DetectColumns(header, nil)
		if err != nil {
			cols = Columns{Name: 0, First: -1, Middle: -1, Last: -1, DOB: -1, Ref: -1, Width: len(header)}
		}
		b := queryBuilder{cols: cols, header: header}
		last := 1
		for range 1000 {
			var r Record
			err := s.Next(&r)
			if errors.Is(err, io.EOF) {
				return
			}
			if err != nil {
				t.Fatalf("read error on bytes in memory: %v", err)
			}
			if r.Line <= last {
				t.Fatalf("line %d after line %d", r.Line, last)
			}
			last = r.Line
			fields, problem := fitWidth(r.Fields, cols.Width)
			if len(fields) != cols.Width {
				t.Fatalf("fitWidth: %d fields, want %d", len(fields), cols.Width)
			}
			if r.Problem == "" && problem == "" {
				b.build(fields)
			}
		}
	})
}

// FuzzScanResults writes records made from the fuzzer's fields, cuts the file anywhere, and
// checks that ScanResults counts exactly the records wholly before the cut, and ends where
// the last of them does. On arbitrary bytes it must only not panic, and what it keeps must
// scan the same again.
func FuzzScanResults(f *testing.F) {
	f.Add([]byte("a\x00b\x00c\x00d\"e\x00f\ng\x00\x00\x00h,i\x00j\r\nk"), uint(17))
	f.Add([]byte("x\x00y\x00z"), uint(0))
	f.Add([]byte("name,dob,match_decision\n1,2,3\n\"4\n"), uint(9))
	f.Fuzz(func(t *testing.T, data []byte, cut uint) {
		header := []string{"name", "dob", "match_decision"}
		// Arbitrary bytes: no panic, and a stable result.
		if sc, err := ScanResults(bytes.NewReader(data), int64(len(data)), header, nil); err == nil {
			if sc.End > int64(len(data)) || (sc.End > 0 && data[sc.End-1] != '\n') {
				t.Fatalf("end %d of %d", sc.End, len(data))
			}
			again, err := ScanResults(bytes.NewReader(data[:sc.End]), sc.End, header, nil)
			if err != nil || again != sc {
				t.Fatalf("rescanning the kept part: %+v %v, want %+v", again, err, sc)
			}
		}

		// Records written as batch writes them.
		parts := strings.Split(string(data), "\x00")
		var buf bytes.Buffer
		w := csv.NewWriter(&buf)
		w.Write(header)
		w.Flush()
		ends := []int64{int64(buf.Len())}
		for i := 0; i+len(header) <= len(parts); i += len(header) {
			w.Write(parts[i : i+len(header)])
			w.Flush()
			ends = append(ends, int64(buf.Len()))
		}
		file := buf.Bytes()
		at := int64(cut % uint(len(file)+1))
		var seen [][]string
		sc, err := ScanResults(bytes.NewReader(file[:at]), at, header, func(rec []string) error {
			seen = append(seen, append([]string(nil), rec...))
			return nil
		})
		if err != nil {
			t.Fatalf("cut at %d of %q: %v", at, file, err)
		}
		whole := int64(0) // records wholly before the cut
		end := int64(0)
		for i, e := range ends {
			if e <= at {
				whole, end = int64(i), e
			}
		}
		if at < ends[0] {
			whole, end = 0, 0
		}
		if sc.Records != whole || sc.End != end || int64(len(seen)) != whole {
			t.Fatalf("cut at %d of %q: %+v (%d seen), want %d records ending at %d", at, file, sc, len(seen), whole, end)
		}
		if sc.HasHeader != (at >= ends[0]) {
			t.Fatalf("cut at %d: header %v", at, sc.HasHeader)
		}
	})
}
