package batch

// Record is one row of an input file.
type Record struct {
	Line   int      // where the row starts: the line of a CSV file, the row of a sheet
	Fields []string // as read; may be more or fewer than the header's
	// Problem says why the row could not be read (bad quoting, say); Fields is then empty.
	Problem string
}

// Source is an input file read row by row. The rows after the header are numbered from 1
// in the order Next returns them; each becomes one record of the results file.
type Source interface {
	Header() []string
	// Next fills rec with the next row, reusing rec.Fields' array; io.EOF after the last.
	// Any other error is the file's, and ends the batch.
	Next(rec *Record) error
	// Progress returns how far reading has come: bytes of the file when inBytes, else rows;
	// total is 0 when unknown.
	Progress() (done, total int64, inBytes bool)
	Close() error
}
