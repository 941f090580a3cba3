// Command gencsv writes a payroll-like CSV file for measuring `corridor batch`: the 50,000
// persons on no list of eval/testdata, repeated and recombined (given names and surnames
// crossed) to the size asked, with one listed name (from the bundled lists) every 1,000 rows.
//
//	go run ./batch/internal/gencsv -rows 1000000 > big.csv
package main

import (
	"bufio"
	"encoding/csv"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/corridor-aml/corridor/eval"
	"github.com/corridor-aml/corridor/lists/bundled"
)

func main() {
	rows := flag.Int("rows", 1_000_000, "data rows to write")
	every := flag.Int("listed", 1000, "a listed name every this many rows (0: none)")
	flag.Parse()
	if err := run(*rows, *every); err != nil {
		fmt.Fprintln(os.Stderr, "gencsv:", err)
		os.Exit(1)
	}
}

func run(rows, every int) error {
	negatives, err := eval.BundledNegatives()
	if err != nil {
		return err
	}
	snaps, err := bundled.Load()
	if err != nil {
		return err
	}
	var listed []string
	for _, s := range snaps {
		for _, e := range s.Entities {
			listed = append(listed, e.PrimaryName())
		}
	}
	out := bufio.NewWriterSize(os.Stdout, 1<<16)
	w := csv.NewWriter(out)
	w.Write([]string{"Employee ID", "Full Name", "Date of Birth", "Nationality", "Department"})
	countries := []string{"AF", "PK", "US", "DE", "IR", "GB", "Afghanistan", ""}
	depts := []string{"Logistics", "Field office Kandahar", "Finance", "Health programme", "Admin"}
	for i := range rows {
		var name string
		switch {
		case every > 0 && i%every == every-1:
			name = listed[(i/every)%len(listed)]
		case i < len(negatives):
			name = negatives[i]
		default: // another person's given names with a third person's surname
			a := strings.Fields(negatives[i%len(negatives)])
			b := strings.Fields(negatives[(i/len(negatives)*7919+i)%len(negatives)])
			name = strings.Join(append(a[:len(a)-1:len(a)-1], b[len(b)-1]), " ")
		}
		dob := ""
		if i%3 != 0 {
			dob = fmt.Sprintf("%d-%02d-%02d", 1950+i%50, 1+i%12, 1+i%28)
		}
		w.Write([]string{fmt.Sprintf("E%07d", i+1), name, dob, countries[i%len(countries)], depts[i%len(depts)]})
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return err
	}
	return out.Flush()
}
