// Package un reads the UN Security Council consolidated sanctions list, the XML the UN
// publishes at https://scsanctions.un.org/resources/xml/en/consolidated.xml.
//
// See docs/lists.md ("UN Security Council consolidated list") for how each element maps onto corridor.Entity.
package un

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/corridor-aml/corridor"
)

// SourceFile is the name the UN gives the file; it is what Entity.Source.File says.
const SourceFile = "consolidated.xml"

// Parse reads the UN consolidated XML. Version.List = corridor.ListUN, Version.Published =
// the dateGenerated attribute, Version.Entities = len(Entities).
func Parse(r io.Reader) (*corridor.ListSnapshot, error) {
	p := parser{
		dec:  xml.NewDecoder(r),
		seen: make(map[string]int),
		snap: &corridor.ListSnapshot{Version: corridor.ListVersion{List: corridor.ListUN}},
	}
	if err := p.run(); err != nil {
		return nil, fmt.Errorf("un list: %w", err)
	}
	p.snap.Version.Entities = len(p.snap.Entities)
	return p.snap, nil
}

type parser struct {
	dec  *xml.Decoder
	seen map[string]int // reference number -> line of the record that carried it
	snap *corridor.ListSnapshot

	counts map[string]int // records read per element name, to name a record that has no reference
}

// sections maps each element that may hold records to the record element it holds.
var sections = map[string]string{"INDIVIDUALS": "INDIVIDUAL", "ENTITIES": "ENTITY"}

func (p *parser) run() error {
	p.counts = make(map[string]int, 2)
	var (
		path    []string // names of the open elements, root first
		sawRoot bool
	)
	for {
		tok, err := p.dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		line, _ := p.dec.InputPos() // the line the token ends on
		if err != nil {
			return fmt.Errorf("line %d: %w", line, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			name := t.Name.Local
			switch len(path) {
			case 0:
				if sawRoot {
					return fmt.Errorf("line %d: second root element <%s>", line, name)
				}
				if name != "CONSOLIDATED_LIST" {
					return fmt.Errorf("line %d: root element is <%s>, want <CONSOLIDATED_LIST>", line, name)
				}
				sawRoot = true
				if err := p.readRoot(t); err != nil {
					return err
				}
			case 1:
				if _, ok := sections[name]; !ok {
					return fmt.Errorf("line %d: unexpected element <%s> in <CONSOLIDATED_LIST>", line, name)
				}
			case 2:
				if want := sections[path[1]]; name != want {
					return fmt.Errorf("line %d: unexpected element <%s> in <%s>, want <%s>", line, name, path[1], want)
				}
				if err := p.readRecord(t, line); err != nil {
					return err
				}
				continue // DecodeElement consumed the end element
			}
			path = append(path, name)
		case xml.EndElement:
			path = path[:len(path)-1]
		}
	}
	if !sawRoot {
		return errors.New("no <CONSOLIDATED_LIST> element: not a UN consolidated list")
	}
	return nil
}

func (p *parser) readRoot(root xml.StartElement) error {
	for _, a := range root.Attr {
		if a.Name.Local != "dateGenerated" {
			continue
		}
		published, err := time.Parse(time.RFC3339Nano, strings.TrimSpace(a.Value))
		if err != nil {
			return fmt.Errorf("CONSOLIDATED_LIST dateGenerated %q: %w", a.Value, err)
		}
		p.snap.Version.Published = published.UTC()
	}
	return nil
}

func (p *parser) readRecord(start xml.StartElement, line int) error {
	element := start.Name.Local
	p.counts[element]++
	var rec xmlRecord
	if err := p.dec.DecodeElement(&rec, &start); err != nil {
		return fmt.Errorf("%s #%d at line %d: %w", element, p.counts[element], line, err)
	}
	ref := clean(rec.Reference)
	label := fmt.Sprintf("%s %s", element, ref)
	if ref == "" {
		label = fmt.Sprintf("%s #%d at line %d", element, p.counts[element], line)
	}
	if prev, dup := p.seen[ref]; dup && ref != "" {
		return fmt.Errorf("%s (line %d): REFERENCE_NUMBER already used by the record at line %d", label, line, prev)
	}
	p.seen[ref] = line
	entity, err := buildEntity(element, &rec)
	if err != nil {
		return fmt.Errorf("%s: %w", label, err)
	}
	p.snap.Entities = append(p.snap.Entities, entity)
	return nil
}
