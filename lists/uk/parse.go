package uk

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/lists/internal/readutil"
)

// RecordError is a Designation that Parse could not take into the snapshot. It names the
// record by its place in the file and by its first name, since the UniqueID may be what is
// missing.
type RecordError struct {
	Position int    // 1-based among the file's Designation elements
	Line     int    // line of the element's start tag
	UniqueID string // "" when the record has none
	Name     string // the record's first name as written, "" when it has none
	Err      error
}

func (e *RecordError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "uk list: Designation #%d (line %d", e.Position, e.Line)
	if e.UniqueID != "" {
		fmt.Fprintf(&b, ", UniqueID %s", e.UniqueID)
	}
	if e.Name != "" {
		fmt.Fprintf(&b, ", %q", e.Name)
	}
	fmt.Fprintf(&b, "): %v", e.Err)
	return b.String()
}

func (e *RecordError) Unwrap() error { return e.Err }

// ErrNoUniqueID is the cause of a RecordError for a Designation without a UniqueID.
var ErrNoUniqueID = errors.New("no UniqueID")

// Parse reads the UK Sanctions List XML. Version.List = corridor.ListUK, Version.Published
// = DateGenerated (dd/mm/yyyy in the file).
//
// A file that is not well-formed XML, is cut short or is not a UK Sanctions List yields a nil
// snapshot and an error naming the line and, inside a record, the record. A well-formed
// Designation that breaks the list's own rules is not guessed at: one without a UniqueID
// (ErrNoUniqueID) gets no invented ID, and one with a repeated UniqueID, no name or an
// unreadable date is not half-read. Parse reads on, and returns the snapshot of every other
// record together with an error joining one *RecordError per rejected record, which names it
// by position, line and first name. Whoever must not screen against a list with records
// missing treats any error as fatal; whoever loads anyway knows exactly which are absent.
func Parse(r io.Reader) (*corridor.ListSnapshot, error) {
	dec := xml.NewDecoder(r)
	root, err := readutil.FindRoot(dec, "uk list", "Designations", "")
	if err != nil {
		return nil, err
	}
	snap := &corridor.ListSnapshot{Version: corridor.ListVersion{List: corridor.ListUK}}
	var (
		rejected  []error
		generated string
	)
	firstAt := map[string]int{} // UniqueID -> position of the record that holds it
	position := 0
	for {
		line, _ := dec.InputPos()
		tok, err := dec.Token()
		if err != nil {
			return nil, fmt.Errorf("uk list: line %d: %w", line, readutil.NoEOF(err, "<Designations> is not closed"))
		}
		switch t := tok.(type) {
		case xml.EndElement: // the decoder has checked it closes the root
			if err := readutil.ExpectEnd(dec, "uk list", "</Designations>"); err != nil {
				return nil, err
			}
			if snap.Version.Published, err = published(generated, readutil.Attr(root, "dateGenerated")); err != nil {
				return nil, err
			}
			snap.Version.Entities = len(snap.Entities)
			return snap, errors.Join(rejected...)
		case xml.CharData:
			if strings.TrimSpace(string(t)) != "" {
				return nil, fmt.Errorf("uk list: line %d: text %q directly inside <Designations>", line, readutil.Clip(string(t)))
			}
		case xml.StartElement:
			switch t.Name.Local {
			case "DateGenerated":
				if err := dec.DecodeElement(&generated, &t); err != nil {
					return nil, fmt.Errorf("uk list: line %d: <DateGenerated>: %w", line, readutil.NoEOF(err, "element is not closed"))
				}
			case "Designation":
				position++
				startLine, _ := dec.InputPos()
				var rec xmlDesignation
				if err := dec.DecodeElement(&rec, &t); err != nil {
					return nil, &RecordError{Position: position, Line: startLine, Err: readutil.NoEOF(err, "record is cut short")}
				}
				entity, err := toEntity(&rec)
				if err == nil {
					if first, seen := firstAt[entity.NativeID]; seen {
						err = fmt.Errorf("UniqueID %s repeats record #%d", entity.NativeID, first)
					}
				}
				if err != nil {
					rejected = append(rejected, &RecordError{Position: position, Line: startLine,
						UniqueID: strings.TrimSpace(strings.Join(rec.UniqueIDs, " ")), Name: firstName(&rec), Err: err})
					continue
				}
				firstAt[entity.NativeID] = position
				entity.Source.Record = fmt.Sprintf("Designation %s, line %d", entity.NativeID, startLine)
				snap.Entities = append(snap.Entities, entity)
			default:
				if err := dec.Skip(); err != nil {
					return nil, fmt.Errorf("uk list: line %d: <%s>: %w", line, t.Name.Local, readutil.NoEOF(err, "element is not closed"))
				}
			}
		}
	}
}

// published reads the DateGenerated element, or, in a file without one, the root's
// dateGenerated attribute.
func published(element, attribute string) (time.Time, error) {
	if element = strings.TrimSpace(element); element != "" {
		t, err := time.Parse("02/01/2006", element)
		if err != nil {
			return time.Time{}, fmt.Errorf("uk list: <DateGenerated>%s</DateGenerated>: not a dd/mm/yyyy date", element)
		}
		return t, nil
	}
	if attribute = strings.TrimSpace(attribute); attribute != "" {
		t, err := time.Parse(time.RFC3339, attribute)
		if err != nil {
			return time.Time{}, fmt.Errorf("uk list: <Designations dateGenerated=%q>: not an ISO 8601 date-time", attribute)
		}
		return t, nil
	}
	return time.Time{}, nil
}

func firstName(rec *xmlDesignation) string {
	for _, n := range rec.Names {
		if full := fullName(n); full != "" {
			return full
		}
	}
	for _, n := range rec.NonLatinNames {
		if full := strings.TrimSpace(n.Name); full != "" {
			return full
		}
	}
	return ""
}
