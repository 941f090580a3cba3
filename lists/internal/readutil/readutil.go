// Package readutil holds what the list readers share: collecting remarks, keeping lists of
// values without repeats, and reading the edges of an XML file.
package readutil

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/corridor-aml/corridor"
)

// Remarks collects the labelled lines that become Entity.Remarks, each once.
type Remarks struct {
	lines []string
}

// Add appends "label: value", or the value alone when label is empty; blank values are
// nothing to keep.
func (r *Remarks) Add(label, value string) {
	value = strings.TrimSpace(value)
	if value == "" {
		return
	}
	line := value
	if label != "" {
		line = label + ": " + value
	}
	r.lines = AppendUnique(r.lines, line)
}

func (r *Remarks) String() string { return strings.Join(r.lines, "\n") }

// AppendUnique appends s unless it is empty or already there.
func AppendUnique(list []string, s string) []string {
	if s == "" {
		return list
	}
	for _, have := range list {
		if have == s {
			return list
		}
	}
	return append(list, s)
}

// JoinNonEmpty joins the parts that are not empty.
func JoinNonEmpty(sep string, parts ...string) string {
	var kept []string
	for _, p := range parts {
		if p != "" {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, sep)
}

// ContainsDate reports whether dates holds the same date as d, whatever their texts.
func ContainsDate(dates []corridor.BirthDate, d corridor.BirthDate) bool {
	for _, have := range dates {
		if have.Kind == d.Kind && have.Year == d.Year && have.Month == d.Month && have.Day == d.Day &&
			have.FromYear == d.FromYear && have.ToYear == d.ToYear {
			return true
		}
	}
	return false
}

// ContainsPlace reports whether places holds p.
func ContainsPlace(places []corridor.Place, p corridor.Place) bool {
	for _, have := range places {
		if have == p {
			return true
		}
	}
	return false
}

// Attr returns the value of an element's attribute by local name, or "".
func Attr(el xml.StartElement, local string) string {
	for _, a := range el.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// NoEOF turns an end of file in the middle of the document into an error that says so.
func NoEOF(err error, what string) error {
	if errors.Is(err, io.EOF) {
		return fmt.Errorf("unexpected end of file: %s", what)
	}
	return err
}

// Clip shortens a text quoted in an error message.
func Clip(s string) string {
	s = strings.TrimSpace(s)
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "..."
	}
	return s
}

// FindRoot reads up to the root element's start tag and returns it, refusing a document
// whose root is not <local> in namespace space ("" for none), text before it, or nothing at
// all; list ("eu list") names the list in errors.
func FindRoot(dec *xml.Decoder, list, local, space string) (xml.StartElement, error) {
	for {
		line, _ := dec.InputPos()
		tok, err := dec.Token()
		if err == io.EOF {
			return xml.StartElement{}, fmt.Errorf("%s: no <%s> element (empty file?)", list, local)
		}
		if err != nil {
			return xml.StartElement{}, fmt.Errorf("%s: line %d: %w", list, line, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Local != local || t.Name.Space != space {
				want := "none"
				if space != "" {
					want = fmt.Sprintf("%q", space)
				}
				return xml.StartElement{}, fmt.Errorf("%s: line %d: root element is <%s> in namespace %q, want <%s> in %s",
					list, line, t.Name.Local, t.Name.Space, local, want)
			}
			return t, nil
		case xml.CharData:
			if strings.Trim(string(t), " \t\r\n\ufeff") != "" {
				return xml.StartElement{}, fmt.Errorf("%s: line %d: text %q before the root element", list, line, Clip(string(t)))
			}
		}
	}
}

// ExpectEnd checks that nothing but comments, processing instructions and white space
// follows the root element; list ("eu list") and root ("</export>") name them in errors.
func ExpectEnd(dec *xml.Decoder, list, root string) error {
	for {
		line, _ := dec.InputPos()
		tok, err := dec.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s: line %d: after %s: %w", list, line, root, err)
		}
		switch t := tok.(type) {
		case xml.Comment, xml.ProcInst:
		case xml.CharData:
			if strings.TrimSpace(string(t)) != "" {
				return fmt.Errorf("%s: line %d: text %q after %s", list, line, Clip(string(t)), root)
			}
		default:
			return fmt.Errorf("%s: line %d: content after %s", list, line, root)
		}
	}
}
