package eu

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

// RecordError is a sanctionEntity that Parse could not take into the snapshot. It names the
// record by its place in the file and, since the ID may be what is wrong, by its first name.
type RecordError struct {
	Position  int    // 1-based among the file's sanctionEntity elements
	Line      int    // line of the element's start tag
	LogicalID string // "" when the record has none
	Name      string // the record's first name as written, "" when it has none
	Err       error
}

func (e *RecordError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "eu list: sanctionEntity #%d (line %d", e.Position, e.Line)
	if e.LogicalID != "" {
		fmt.Fprintf(&b, ", logicalId %s", e.LogicalID)
	}
	if e.Name != "" {
		fmt.Fprintf(&b, ", %q", e.Name)
	}
	fmt.Fprintf(&b, "): %v", e.Err)
	return b.String()
}

func (e *RecordError) Unwrap() error { return e.Err }

// Parse reads the EU FSF XML. Version.List = corridor.ListEU, Version.Published =
// generationDate.
//
// A file that is not well-formed XML, is cut short or is not an FSF export yields a nil
// snapshot and an error naming the line and, inside a record, the record. A well-formed record
// that breaks the list's own rules (no logicalId, a repeated one, no name, an impossible date)
// is not guessed at: Parse reads on, and returns the snapshot of every other record together
// with an error joining one *RecordError per rejected record. Whoever must not screen
// against a list with records missing treats any error as fatal; whoever loads anyway knows
// exactly which records are absent.
func Parse(r io.Reader) (*corridor.ListSnapshot, error) {
	dec := xml.NewDecoder(r)
	root, err := readutil.FindRoot(dec, "eu list", "export", Namespace)
	if err != nil {
		return nil, err
	}
	snap := &corridor.ListSnapshot{Version: corridor.ListVersion{List: corridor.ListEU}}
	if snap.Version.Published, err = generationDate(root); err != nil {
		return nil, err
	}
	var rejected []error
	firstAt := map[string]int{} // logicalId -> position of the record that holds it
	position := 0
	for {
		line, _ := dec.InputPos()
		tok, err := dec.Token()
		if err != nil {
			return nil, fmt.Errorf("eu list: line %d: %w", line, readutil.NoEOF(err, "<export> is not closed"))
		}
		switch t := tok.(type) {
		case xml.EndElement: // the decoder has checked it closes <export>
			if err := readutil.ExpectEnd(dec, "eu list", "</export>"); err != nil {
				return nil, err
			}
			snap.Version.Entities = len(snap.Entities)
			return snap, errors.Join(rejected...)
		case xml.CharData:
			if strings.TrimSpace(string(t)) != "" {
				return nil, fmt.Errorf("eu list: line %d: text %q directly inside <export>", line, readutil.Clip(string(t)))
			}
		case xml.StartElement:
			if t.Name.Local != "sanctionEntity" {
				if err := dec.Skip(); err != nil {
					return nil, fmt.Errorf("eu list: line %d: <%s>: %w", line, t.Name.Local, readutil.NoEOF(err, "element is not closed"))
				}
				continue
			}
			position++
			startLine, _ := dec.InputPos()
			var rec xmlEntity
			if err := dec.DecodeElement(&rec, &t); err != nil {
				return nil, &RecordError{Position: position, Line: startLine, LogicalID: readutil.Attr(t, "logicalId"),
					Err: readutil.NoEOF(err, "record is cut short")}
			}
			entity, err := toEntity(&rec)
			if err == nil {
				if first, seen := firstAt[rec.LogicalID]; seen {
					err = fmt.Errorf("logicalId %s repeats record #%d", rec.LogicalID, first)
				}
			}
			if err != nil {
				rejected = append(rejected, &RecordError{Position: position, Line: startLine,
					LogicalID: strings.TrimSpace(rec.LogicalID), Name: firstName(&rec), Err: err})
				continue
			}
			firstAt[rec.LogicalID] = position
			entity.Source.Record = fmt.Sprintf("sanctionEntity %s, line %d", rec.LogicalID, startLine)
			snap.Entities = append(snap.Entities, entity)
		}
	}
}

func generationDate(root xml.StartElement) (time.Time, error) {
	raw := strings.TrimSpace(readutil.Attr(root, "generationDate"))
	if raw == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.RFC3339, raw)
	if err != nil {
		return time.Time{}, fmt.Errorf("eu list: <export generationDate=%q>: not an ISO 8601 date-time", raw)
	}
	return t, nil
}

func firstName(rec *xmlEntity) string {
	for _, a := range rec.NameAliases {
		if name := aliasFull(a); name != "" {
			return name
		}
	}
	return ""
}
