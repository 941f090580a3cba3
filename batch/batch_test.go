package batch

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/match"
)

// expectDecisions screens the valid rows directly, as a caller of match would, and returns
// the decision each row must get: "" for the bad rows of testRows.
func expectDecisions(t *testing.T, rows [][]string) []string {
	s := match.NewSearcher(testIndex(t))
	want := make([]string, len(rows))
	for i, row := range rows {
		if len(row) != len(rows[0]) {
			continue
		}
		q := match.Query{Name: strings.TrimSpace(row[1])}
		if q.Name == "" || !isUTF8(row) {
			continue
		}
		if row[2] != "" {
			d, err := match.ParseBirthDate(row[2])
			if err != nil {
				continue
			}
			q.BirthDate = d
		}
		bad := false
		for _, c := range strings.Split(row[3], ";") {
			if c = strings.TrimSpace(c); c != "" {
				code, err := match.ParseCountry(c)
				bad = bad || err != nil
				q.Countries = append(q.Countries, code)
			}
		}
		if bad {
			continue
		}
		want[i] = Clear
		for _, m := range s.Screen(&q, nil) {
			if m.Alert {
				want[i] = Alert
			}
		}
	}
	return want
}

func isUTF8(row []string) bool {
	return !slices.ContainsFunc(row, func(f string) bool { return !utf8.ValidString(f) })
}

// lineStarts returns the line each data row starts on.
func lineStarts(rows [][]string) []int {
	lines := make([]int, len(rows))
	line := 1
	for i, r := range rows {
		lines[i] = line
		line += 1 + strings.Count(strings.Join(r, ""), "\n")
	}
	return lines
}

func TestBatchOnRealNames(t *testing.T) {
	rows := testRows(t, 2500)
	dir := t.TempDir()
	res, err := batchFiles(t, context.Background(), dir, encodeCSV(t, rows, ','), nil)
	if err != nil {
		t.Fatal(err)
	}
	got := readCSV(t, filepath.Join(dir, "results.csv"))
	if len(got) != len(rows) {
		t.Fatalf("%d records in the results, want %d: one per input row and the header", len(got), len(rows))
	}
	width := len(rows[0])
	if !slices.Equal(got[0], append(slices.Clone(rows[0]), addedColumns...)) {
		t.Errorf("header %q", got[0])
	}
	want := expectDecisions(t, rows)
	lines := lineStarts(rows)
	var alerts [][]string
	var nAlert, nClear, nErr int64
	for i := 1; i < len(rows); i++ {
		rec, in := got[i], rows[i]
		if len(rec) != width+len(addedColumns) {
			t.Fatalf("row %d: %d fields", i, len(rec))
		}
		for j := range width { // every input field, in order, verbatim
			wantField := ""
			if j < len(in) {
				wantField = in[j]
			}
			if rec[j] != wantField {
				t.Errorf("row %d field %d = %q, want %q", i, j, rec[j], wantField)
			}
		}
		decision, reason := rec[width], rec[width+5]
		switch {
		case want[i] == "":
			nErr++
			if decision != Error || !strings.HasPrefix(reason, "line "+strconv.Itoa(lines[i])+": ") {
				t.Errorf("bad row %d (line %d): %s %q", i, lines[i], decision, reason)
			}
		case decision != want[i]:
			t.Errorf("row %d %q: %s, screening it directly gives %s (%s)", i, in[1], decision, want[i], reason)
		case decision == Alert:
			nAlert++
			alerts = append(alerts, rec)
			if rec[width+1] == "" || rec[width+2] == "" || rec[width+3] == "" || rec[width+4] == "" || reason == "" {
				t.Errorf("alert row %d lacks match columns: %q", i, rec[width:])
			}
		default:
			nClear++
		}
		// A listed person's own name, with no fact to conflict, alerts.
		if slices.Contains(fixture.listed, in[1]) && in[2] == "" && in[3] == "" && len(in) == width && decision != Alert {
			t.Errorf("row %d: listed name %q is %s", i, in[1], decision)
		}
	}
	if nAlert == 0 || nErr < 6*20 {
		t.Fatalf("%d alerts, %d bad rows: the test input is not what it should be", nAlert, nErr)
	}
	if res.Rows != int64(len(rows)-1) || res.Alerts != nAlert || res.Clear != nClear || res.Errors != nErr {
		t.Errorf("summary %d rows %d alerts %d clear %d errors, want %d %d %d %d", res.Rows, res.Alerts, res.Clear, res.Errors, len(rows)-1, nAlert, nClear, nErr)
	}
	gotAlerts := readCSV(t, filepath.Join(dir, "results.alerts.csv"))
	if !slices.EqualFunc(gotAlerts[1:], alerts, slices.Equal) || !slices.Equal(gotAlerts[0], got[0]) {
		t.Errorf("the alerts CSV is not the alert rows of the results: %d rows, want %d", len(gotAlerts)-1, len(alerts))
	}
	var byList int64
	for _, n := range res.ByList {
		byList += n
	}
	if byList != nAlert || len(res.ByProgram) == 0 {
		t.Errorf("by list %v, by programme %v", res.ByList, res.ByProgram)
	}
}

// The same rows give the same results file whatever the delimiter and the encoding.
func TestBatchDelimitersAndEncodings(t *testing.T) {
	rows := testRows(t, 600)
	for _, r := range rows {
		r[1] = strings.ToValidUTF8(r[1], "?") // UTF-16 cannot carry a broken UTF-8 byte
	}
	base := runBytes(t, encodeCSV(t, rows, ','))
	for _, tc := range []struct {
		name  string
		input []byte
	}{
		{"semicolon", encodeCSV(t, rows, ';')},
		{"tab", encodeCSV(t, rows, '\t')},
		{"pipe", encodeCSV(t, rows, '|')},
		{"UTF-8 BOM", append([]byte("\xef\xbb\xbf"), encodeCSV(t, rows, ',')...)},
		{"CRLF", crlf(t, rows)},
		{"UTF-16LE", toUTF16(encodeCSV(t, rows, ';'), binary.LittleEndian)},
		{"UTF-16BE", toUTF16(encodeCSV(t, rows, '\t'), binary.BigEndian)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := runBytes(t, tc.input); !bytes.Equal(got, base) {
				t.Errorf("results differ from UTF-8 with commas:\n%s", firstDiff(got, base))
			}
		})
	}
}

func runBytes(t *testing.T, input []byte) []byte {
	dir := t.TempDir()
	if _, err := batchFiles(t, context.Background(), dir, input, nil); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(dir, "results.csv"))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func toUTF16(b []byte, order binary.ByteOrder) []byte {
	units := utf16.Encode([]rune(string(b)))
	out := make([]byte, 2+2*len(units))
	order.PutUint16(out, 0xFEFF)
	for i, u := range units {
		order.PutUint16(out[2+2*i:], u)
	}
	return out
}

func firstDiff(a, b []byte) string {
	al, bl := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	for i := range min(len(al), len(bl)) {
		if al[i] != bl[i] {
			return "line " + strconv.Itoa(i+1) + ":\n got " + al[i] + "\nwant " + bl[i]
		}
	}
	return "lengths " + strconv.Itoa(len(al)) + " and " + strconv.Itoa(len(bl))
}

// Results to standard output need no file, and cannot be resumed.
func TestBatchToStdout(t *testing.T) {
	rows := testRows(t, 300)
	var out bytes.Buffer
	dir := t.TempDir()
	_, err := batchFiles(t, context.Background(), dir, encodeCSV(t, rows, ','), func(c *Config) {
		c.Output, c.Alerts, c.Stdout = "", "", &out
	})
	if err != nil {
		t.Fatal(err)
	}
	if file := runBytes(t, encodeCSV(t, rows, ',')); !bytes.Equal(out.Bytes(), file) {
		t.Errorf("standard output differs from -o:\n%s", firstDiff(out.Bytes(), file))
	}
	_, err = batchFiles(t, context.Background(), dir, encodeCSV(t, rows, ','), func(c *Config) {
		c.Output, c.Stdout, c.Resume = "", &out, true
	})
	if err == nil || !strings.Contains(err.Error(), "-o") {
		t.Errorf("--resume without -o: %v", err)
	}
}

func TestBatchFirstMiddleLastAndMap(t *testing.T) {
	dir := t.TempDir()
	in := "Vorname;Second;Nachname;Geboren;Ref\nSirajuddin;;Haqqani;1977;r1\nKathryn;;Barr;;r2\n"
	_, err := batchFiles(t, context.Background(), dir, []byte(in), nil)
	if err == nil || !strings.Contains(err.Error(), `"Vorname"`) || !strings.Contains(err.Error(), "--map") {
		t.Fatalf("no name column: %v", err)
	}
	res, err := batchFiles(t, context.Background(), dir, []byte(in), func(c *Config) {
		c.Map = []string{"first=Vorname", "middle=2", "last=nachname", "dob=Geboren"}
	})
	if err != nil {
		t.Fatal(err)
	}
	got := readCSV(t, filepath.Join(dir, "results.csv"))
	if got[1][5] != Alert || got[2][5] != Clear || res.Alerts != 1 {
		t.Errorf("results %q", got)
	}
	if d := res.Columns.Describe(res.Header); d != `first="Vorname", middle="Second", last="Nachname", dob="Geboren", ref="Ref"` {
		t.Errorf("columns %s", d)
	}
	_, err = batchFiles(t, context.Background(), dir, []byte(in), func(c *Config) { c.Map = []string{"name=Full"} })
	if err == nil || !strings.Contains(err.Error(), `no column "Full"`) {
		t.Errorf("--map to an unknown column: %v", err)
	}
}

// --lists limits the lists screened, as screen does.
func TestBatchLists(t *testing.T) {
	dir := t.TempDir()
	in := []byte("name\nSirajuddin Haqqani\n")
	res, err := batchFiles(t, context.Background(), dir, in, func(c *Config) { c.Lists = []corridor.ListID{"un"} })
	if err != nil {
		t.Fatal(err)
	}
	got := readCSV(t, filepath.Join(dir, "results.csv"))
	if res.Alerts != 1 || got[1][5] != "un" {
		t.Errorf("--lists un: %q", got)
	}
}

func crlf(t *testing.T, rows [][]string) []byte {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.UseCRLF = true
	if err := w.WriteAll(rows); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b.Bytes(), []byte("\r\n")) {
		t.Fatal("no CRLF")
	}
	return b.Bytes()
}
