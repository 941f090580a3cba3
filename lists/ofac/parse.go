package ofac

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"slices"
	"strings"

	"github.com/corridor-aml/corridor"
)

// Parse reads one OFAC CSV list (list is corridor.ListOFACSDN or corridor.ListOFACNonSDN)
// into a snapshot; Version.List and Version.Entities are set, Published is zero (the CSV has none).
//
// Entities keep the order of the primary file. A malformed record, a row of the alt, address
// or comments file whose ent_num is not in the primary file, or bytes that are not text make
// the whole parse fail with an error naming the file and line.
func Parse(list corridor.ListID, files Files) (*corridor.ListSnapshot, error) {
	if list != corridor.ListOFACSDN && list != corridor.ListOFACNonSDN {
		return nil, fmt.Errorf("ofac: list %q is not an OFAC CSV list (want %s or %s)", list, corridor.ListOFACSDN, corridor.ListOFACNonSDN)
	}
	p := newParser(list, fileNames(list, files.Names))
	if files.Primary == nil {
		return nil, fmt.Errorf("%s list: %s: no primary file", list, p.names[filePrimary])
	}
	steps := []struct {
		file    int
		r       io.Reader
		columns int
		read    func(line int, fields []string) error
	}{
		{filePrimary, files.Primary, primaryColumns, p.primary},
		{fileComments, files.Comments, commentsColumns, p.comment},
		{fileAlt, files.Alt, altColumns, p.alt},
		{fileAddress, files.Address, addressColumns, p.address},
	}
	for _, step := range steps {
		if step.r == nil {
			continue
		}
		name := p.names[step.file]
		data, err := readAll(step.r)
		if err != nil {
			return nil, fmt.Errorf("%s list: %s: %w", list, name, err)
		}
		if step.file == filePrimary {
			p.grow(min(bytes.Count(data, []byte{'\n'})+1, len(data)/minRecordLen))
		}
		if err := readRecords(name, data, step.columns, step.read); err != nil {
			return nil, fmt.Errorf("%s list: %w", list, err)
		}
	}
	p.finish()
	return &corridor.ListSnapshot{
		Version:  corridor.ListVersion{List: list, Entities: len(p.entities)},
		Entities: p.entities,
	}, nil
}

// fileNames fills the names the caller left empty with the list's usual file names.
func fileNames(list corridor.ListID, given [4]string) [4]string {
	names := SDNFiles()
	if list == corridor.ListOFACNonSDN {
		names = ConsFiles()
	}
	for i, name := range given {
		if name != "" {
			names[i] = name
		}
	}
	return names
}

// parser collects one list's entities from its files. The remarks are parsed last, once the
// comments file has completed them and every primary name is known for "Linked To".
type parser struct {
	list     corridor.ListID
	names    [4]string
	entities []corridor.Entity
	pending  []pending
	byNum    map[string]int // ent_num -> index in entities

	// primaryIDs maps each primary name to its entity ID; "" when two entities share it.
	primaryIDs map[string]string

	// The rows of alt, address and comments files come grouped by entity: the last lookup
	// is usually the next one too.
	lastNum string
	lastIdx int

	countries countryCache
}

// pending is what an entity waits for until finish: its raw remarks and the notes that have
// no field of their own in the model and go to Remarks.
type pending struct {
	remarks string
	notes   []string
}

func newParser(list corridor.ListID, names [4]string) *parser {
	return &parser{
		list:       list,
		names:      names,
		byNum:      make(map[string]int),
		primaryIDs: make(map[string]string),
		countries:  make(countryCache),
		lastIdx:    -1,
	}
}

// minRecordLen is the length of the shortest primary record that can parse, "1,A,,,,,,,,,,\n":
// it bounds the room made for a file of empty lines.
const minRecordLen = 14

// grow makes room for about n entities, the primary file's record count.
func (p *parser) grow(n int) {
	p.entities = slices.Grow(p.entities, n)
	p.pending = slices.Grow(p.pending, n)
}

// entity returns the index of the entity an alt, address or comments row belongs to.
func (p *parser) entity(entNum string) (int, error) {
	if p.lastIdx >= 0 && entNum == p.lastNum {
		return p.lastIdx, nil
	}
	i, ok := p.byNum[entNum]
	if !ok {
		return 0, fmt.Errorf("ent_num %q has no entity in %s", entNum, p.names[filePrimary])
	}
	p.lastNum, p.lastIdx = entNum, i
	return i, nil
}

// finish parses every entity's remarks and writes the result into Remarks.
func (p *parser) finish() {
	for i := range p.entities {
		e := &p.entities[i]
		raw := strings.TrimSpace(p.pending[i].remarks)
		p.applyRemarks(e, raw)
		e.Remarks = joinRemarks(raw, p.pending[i].notes)
	}
	p.pending = nil
}

// joinRemarks keeps OFAC's remarks whole and puts before them, in OFAC's own "Label: value"
// style, the notes the model has no field for (the title column, alias and address remarks).
func joinRemarks(raw string, notes []string) string {
	if len(notes) == 0 {
		return raw
	}
	if raw != "" {
		notes = append(notes, raw)
	}
	return strings.Join(notes, "; ")
}

// readAll reads a whole file into one buffer of the right size when the reader can tell its
// length (bytes.Reader, strings.Reader, os.File), sparing io.ReadAll's doublings.
func readAll(r io.Reader) ([]byte, error) {
	size := -1
	switch r := r.(type) {
	case interface{ Len() int }:
		size = r.Len()
	case interface{ Stat() (fs.FileInfo, error) }:
		if info, err := r.Stat(); err == nil && info.Mode().IsRegular() {
			size = int(info.Size())
		}
	}
	if size < 0 {
		return io.ReadAll(r)
	}
	var buf bytes.Buffer
	buf.Grow(size + bytes.MinRead)
	_, err := buf.ReadFrom(r)
	return buf.Bytes(), err
}
