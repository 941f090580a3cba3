package ofac

import "io"

// Files holds the four files of one OFAC CSV list. Alt, Address and Comments may be nil
// (OFAC's history archives keep sdn.csv alone). An empty name in Names falls back to the
// list's usual file name.
type Files struct {
	Primary, Alt, Address, Comments io.Reader
	Names                           [4]string // file names used in errors, e.g. {"sdn.csv","alt.csv","add.csv","sdn_comments.csv"}
}

// SDNFiles returns the file names of the SDN list, in the order primary, alt, address, comments.
func SDNFiles() [4]string {
	return [4]string{"sdn.csv", "alt.csv", "add.csv", "sdn_comments.csv"}
}

// ConsFiles returns the file names of the consolidated non-SDN list, in the order primary,
// alt, address, comments.
func ConsFiles() [4]string {
	return [4]string{"cons_prim.csv", "cons_alt.csv", "cons_add.csv", "cons_comments.csv"}
}

// The column counts of the four files.
const (
	primaryColumns  = 12
	altColumns      = 5
	addressColumns  = 6
	commentsColumns = 2
)

// Indexes of the files in Files.Names.
const (
	filePrimary = iota
	fileAlt
	fileAddress
	fileComments
)
