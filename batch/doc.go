// Package batch screens files of parties — payroll and beneficiary lists, as CSV or XLSX —
// against the lists: it finds the columns by their header, screens the rows on every core in
// constant memory, writes every row back with its result in input order, and derives an
// alerts-only CSV and an HTML report from the results.
//
// The results file is the durable record of a batch: it only ever grows by whole records, so
// that a batch stopped at any moment can be resumed from it (see Run and ScanResults).
package batch
