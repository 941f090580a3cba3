package ftm

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
)

// entity is one FtM entity as OpenSanctions serialises it. Fields the mapping does not use
// (datasets, referents, first_seen, last_seen) are not decoded.
type entity struct {
	ID         string             `json:"id"`
	Schema     string             `json:"schema"`
	Caption    string             `json:"caption"`
	Properties map[string][]value `json:"properties"`
	Target     *bool              `json:"target"`
	LastChange string             `json:"last_change"`
}

// value is one property value: a string, or in the nested form a whole related entity.
type value struct {
	text   string
	entity *entity
}

func (v *value) UnmarshalJSON(b []byte) error {
	switch b[0] {
	case '"':
		// encoding/json has checked the string already, and readGraph the line's UTF-8: a
		// string without escapes is its bytes, and need not be scanned a second time.
		if bytes.IndexByte(b, '\\') < 0 {
			v.text = string(b[1 : len(b)-1])
			return nil
		}
		return json.Unmarshal(b, &v.text)
	case '{':
		v.entity = new(entity)
		return json.Unmarshal(b, v.entity)
	default:
		return fmt.Errorf("property value %s: want a string or an entity object", clip(string(b)))
	}
}

// texts returns the property's string values, trimmed, without empty ones.
func (e *entity) texts(prop string) []string {
	values := e.Properties[prop]
	out := make([]string, 0, len(values))
	for _, v := range values {
		if v.entity == nil {
			if s := strings.TrimSpace(v.text); s != "" {
				out = append(out, s)
			}
		}
	}
	return out
}

// first returns the property's first string value, or "".
func (e *entity) first(prop string) string {
	for _, v := range e.Properties[prop] {
		if v.entity == nil {
			if s := strings.TrimSpace(v.text); s != "" {
				return s
			}
		}
	}
	return ""
}

// displayName is what a related party is called in a link: its caption unless that is
// merely its ID, else its first name.
func (e *entity) displayName() string {
	if c := strings.TrimSpace(e.Caption); c != "" && c != e.ID {
		return c
	}
	return e.first("name")
}

// validate checks what every entity, top-level or nested, must have, and that nested
// entities nest no deeper than OpenSanctions writes them.
func (e *entity) validate(depth int) error {
	if strings.TrimSpace(e.ID) == "" {
		return errors.New("no id")
	}
	if e.ID != strings.TrimSpace(e.ID) || strings.ContainsFunc(e.ID, isControl) {
		return fmt.Errorf("id %q has surrounding space or control characters", e.ID)
	}
	if strings.TrimSpace(e.Schema) == "" {
		return errors.New("no schema")
	}
	for prop, values := range e.Properties {
		for i, v := range values {
			if v.entity == nil {
				continue
			}
			if depth >= maxDepth {
				return fmt.Errorf("properties.%s[%d]: entities nested more than %d deep", prop, i, maxDepth)
			}
			if err := v.entity.validate(depth + 1); err != nil {
				return fmt.Errorf("properties.%s[%d]: nested entity: %w", prop, i, err)
			}
		}
	}
	return nil
}

// maxDepth bounds nesting: OpenSanctions nests two levels (a target, its Ownership, the
// owner); a few more are allowed, runaway depth is not.
const maxDepth = 8

func isControl(r rune) bool { return r < 0x20 || r == 0x7f }

// clip shortens s for an error message.
func clip(s string) string {
	const max = 60
	if len(s) <= max {
		return s
	}
	cut := max
	for cut > 0 && s[cut]&0xC0 == 0x80 { // do not split a UTF-8 sequence
		cut--
	}
	return s[:cut] + "..."
}
