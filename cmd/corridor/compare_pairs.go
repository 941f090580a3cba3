package main

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/internal/atomicfile"
	"github.com/corridor-aml/corridor/match"
)

// The columns compare --pairs adds to every row.
var pairsAdded = []string{"score", "match", "error"}

// pairsColumns says where the columns compare reads are in a pairs file; -1: absent.
type pairsColumns struct {
	name1, name2, kind, schema int
	width                      int
}

// pairsSummary counts what one pairs file held.
type pairsSummary struct {
	rows, matches int
	badLines      []int
}

func runComparePairs(cmd *cobra.Command, f *compareFlags) error {
	defaultKind, err := parsePartyKind(f.kind)
	if err != nil {
		return fmt.Errorf("--type: %w", err)
	}
	in, inName, err := openPairs(cmd, f.pairs)
	if err != nil {
		return err
	}
	defer in.Close()
	idx, _, err := loadIndex(cmd, &f.match)
	if err != nil {
		return err
	}

	out, commit, discard, err := createOutput(cmd, f.output)
	if err != nil {
		return err
	}
	defer discard()
	sum, err := comparePairs(idx, in, inName, out, defaultKind, cmd.ErrOrStderr())
	if err != nil {
		return err
	}
	if err := commit(); err != nil {
		return err
	}
	fmt.Fprintf(cmd.ErrOrStderr(), "%s: %d rows, %d matches at threshold %.2f, %d bad rows\n",
		inName, sum.rows, sum.matches, idx.Config().Threshold, len(sum.badLines))
	if n := len(sum.badLines); n > 0 {
		return fmt.Errorf("%s: %d bad rows (lines %s): written with an empty score and the reason in the error column",
			inName, n, joinLines(sum.badLines, 10))
	}
	return nil
}

func openPairs(cmd *cobra.Command, path string) (io.ReadCloser, string, error) {
	if path == "-" {
		return io.NopCloser(cmd.InOrStdin()), "standard input", nil
	}
	file, err := os.Open(path)
	if err != nil {
		return nil, "", fmt.Errorf("--pairs: %w", err)
	}
	return file, path, nil
}

// createOutput opens where scored rows go. A file is written under a temporary name and
// renamed into place by commit, so that a run that fails leaves no partial file behind;
// discard removes the temporary file unless commit ran.
func createOutput(cmd *cobra.Command, path string) (w io.Writer, commit func() error, discard func(), err error) {
	if path == "" {
		return cmd.OutOrStdout(), func() error { return nil }, func() {}, nil
	}
	tmp, err := atomicfile.Create(path, 0o644)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("-o: %w", err)
	}
	buf := bufio.NewWriterSize(tmp, 1<<16)
	commit = func() error {
		err := buf.Flush()
		if err == nil {
			err = tmp.CloseAtomicallyReplace()
		}
		if err != nil {
			return fmt.Errorf("-o: %w", err)
		}
		return nil
	}
	discard = func() { tmp.Cleanup() }
	return buf, commit, discard, nil
}

// comparePairs scores every row of a pairs file and writes it with the added columns.
// Problems with a row are written into it and to warn; only a file that is not CSV stops.
func comparePairs(idx *match.Index, in io.Reader, inName string, out io.Writer, defaultKind corridor.Kind, warn io.Writer) (pairsSummary, error) {
	var sum pairsSummary
	br := bufio.NewReader(in)
	if bom, err := br.Peek(3); err == nil && string(bom) == "\ufeff" {
		br.Discard(3)
	}
	cr := csv.NewReader(br)
	header, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return sum, fmt.Errorf("%s: empty file: want a header with the columns name1 and name2", inName)
	}
	if err != nil {
		return sum, fmt.Errorf("%s: header: %w", inName, err)
	}
	cols, err := findPairsColumns(header)
	if err != nil {
		return sum, fmt.Errorf("%s: line 1: %w", inName, err)
	}
	cw := csv.NewWriter(out)
	if err := cw.Write(append(header, pairsAdded...)); err != nil {
		return sum, err
	}
	row := make([]string, 0, cols.width+len(pairsAdded))
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		var perr *csv.ParseError
		if err != nil && !(errors.As(err, &perr) && errors.Is(perr.Err, csv.ErrFieldCount)) {
			cw.Flush()
			return sum, fmt.Errorf("%s: not valid CSV, stopped after %d rows: %w", inName, sum.rows, err)
		}
		line, _ := cr.FieldPos(0)
		sum.rows++
		row = append(row[:0], rec[:min(len(rec), cols.width)]...)
		for len(row) < cols.width {
			row = append(row, "")
		}
		score, problem := scorePair(idx, rec, cols, defaultKind)
		if problem != "" {
			sum.badLines = append(sum.badLines, line)
			fmt.Fprintf(warn, "%s: line %d: %s\n", inName, line, problem)
			row = append(row, "", "", fmt.Sprintf("line %d: %s", line, problem))
		} else {
			matched := score >= idx.Config().Threshold
			if matched {
				sum.matches++
			}
			row = append(row, strconv.FormatFloat(score, 'f', 4, 64), strconv.FormatBool(matched), "")
		}
		if err := cw.Write(row); err != nil {
			return sum, err
		}
	}
	cw.Flush()
	return sum, cw.Error()
}

// scorePair scores one row, or says what is wrong with it.
func scorePair(idx *match.Index, rec []string, cols pairsColumns, defaultKind corridor.Kind) (float64, string) {
	if len(rec) != cols.width {
		problem := fmt.Sprintf("%d fields, the header has %d", len(rec), cols.width)
		if len(rec) > cols.width {
			extra := make([]string, 0, len(rec)-cols.width)
			for _, x := range rec[cols.width:] {
				extra = append(extra, strconv.Quote(x))
			}
			problem += "; the fields beyond: " + strings.Join(extra, ", ")
		}
		return 0, problem
	}
	for _, c := range []struct {
		name string
		col  int
	}{{"name1", cols.name1}, {"name2", cols.name2}} {
		if err := checkName(rec[c.col]); err != nil {
			return 0, c.name + ": " + err.Error()
		}
	}
	kind := defaultKind
	for _, c := range []struct {
		name string
		col  int
	}{{"type", cols.kind}, {"schema", cols.schema}} {
		if c.col < 0 || strings.TrimSpace(rec[c.col]) == "" {
			continue
		}
		k, err := parsePartyKind(rec[c.col])
		if err != nil {
			return 0, c.name + ": " + err.Error()
		}
		kind = k
		break // type wins over schema
	}
	score, _, err := idx.Compare(rec[cols.name1], rec[cols.name2], kind)
	if err != nil {
		return 0, err.Error()
	}
	return score, ""
}

func findPairsColumns(header []string) (pairsColumns, error) {
	cols := pairsColumns{name1: -1, name2: -1, kind: -1, schema: -1, width: len(header)}
	for i, h := range header {
		var at *int
		switch key := strings.ToLower(strings.TrimSpace(h)); key {
		case "name1":
			at = &cols.name1
		case "name2":
			at = &cols.name2
		case "type":
			at = &cols.kind
		case "schema":
			at = &cols.schema
		case pairsAdded[0], pairsAdded[1], pairsAdded[2]:
			return cols, fmt.Errorf("the header already has a column %q, which compare adds", h)
		default:
			continue
		}
		if *at >= 0 {
			return cols, fmt.Errorf("the header has the column %q twice", h)
		}
		*at = i
	}
	for _, c := range []struct {
		name string
		col  int
	}{{"name1", cols.name1}, {"name2", cols.name2}} {
		if c.col < 0 {
			return cols, fmt.Errorf("the header has no %s column (it has %s)", c.name, strings.Join(header, ","))
		}
	}
	return cols, nil
}

// joinLines lists line numbers, at most n of them.
func joinLines(lines []int, n int) string {
	parts := make([]string, 0, min(len(lines), n)+1)
	for _, l := range lines[:min(len(lines), n)] {
		parts = append(parts, strconv.Itoa(l))
	}
	if len(lines) > n {
		parts = append(parts, fmt.Sprintf("and %d more", len(lines)-n))
	}
	return strings.Join(parts, ", ")
}
