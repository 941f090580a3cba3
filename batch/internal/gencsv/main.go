// Command gencsv writes a payroll-like CSV file for measuring `corridor batch`: the 50,000
// persons on no list of eval/testdata, repeated and recombined (given names and surnames
// crossed) to the size asked, with one listed name (from the bundled lists) every 1,000 rows.
// With -afghan, the names are instead those of an Afghan payroll: one or two of the commonest
// given names and a common family name, nationality AF, the case where common tokens reach
// the most listed names.
//
//	go run ./batch/internal/gencsv -rows 1000000 > big.csv
//	go run ./batch/internal/gencsv -rows 1000000 -afghan > afghan.csv
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
	afghan := flag.Bool("afghan", false, "names of an Afghan payroll instead of the bundled negatives")
	flag.Parse()
	if *afghan {
		if err := runAfghan(*rows); err != nil {
			fmt.Fprintln(os.Stderr, "gencsv:", err)
			os.Exit(1)
		}
		return
	}
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

// Common Afghan given and family names; several family names (Haqqani, Akhundzada, Noorzai,
// Barakzai, Achakzai) are also borne by listed people, as in real payrolls.
var (
	afghanGiven = []string{"Mohammad", "Ahmad", "Abdul Rahman", "Gul", "Noor", "Ali", "Abdullah", "Hamid",
		"Mohammad Ismail", "Zainab", "Fatima", "Rahim", "Karim", "Shah", "Jan", "Ahmad Shah", "Bibi", "Mir",
		"Sayed", "Hassan", "Abdul Ghani", "Najibullah", "Hikmatullah", "Mohammad Nabi", "Rahmatullah"}
	afghanFamily = []string{"Ahmadzai", "Stanikzai", "Karimi", "Rahimi", "Popal", "Wardak", "Safi", "Hotak",
		"Noori", "Sultani", "Haidari", "Jalali", "Amiri", "Hashimi", "Khan", "Jan", "Mohammadi", "Ahmadi",
		"Zadran", "Kakar", "Haqqani", "Akhundzada", "Noorzai", "Barakzai", "Achakzai"}
)

// runAfghan writes an Afghan payroll: reproducible (the row number picks every part).
func runAfghan(rows int) error {
	out := bufio.NewWriterSize(os.Stdout, 1<<16)
	w := csv.NewWriter(out)
	w.Write([]string{"staff_id", "full_name", "date_of_birth", "nationality"})
	for i := range rows {
		h := uint64(i)*0x9e3779b97f4a7c15 + 1
		pick := func(n int) int { h ^= h >> 31; h *= 0xbf58476d1ce4e5b9; return int(h>>33) % n }
		name := afghanGiven[pick(len(afghanGiven))]
		if pick(10) < 4 {
			name += " " + afghanGiven[pick(len(afghanGiven))]
		}
		name += " " + afghanFamily[pick(len(afghanFamily))]
		w.Write([]string{fmt.Sprintf("S%07d", i+1), name, fmt.Sprint(1955 + pick(50)), "AF"})
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return err
	}
	return out.Flush()
}
