package lists

import (
	"reflect"

	"github.com/corridor-aml/corridor"
)

// Diff is what changed between two versions of a list, matched by entity ID. Added follow the
// new version's order, Removed the old one's, Changed the new one's.
type Diff struct {
	Old, New corridor.ListVersion
	Added    []corridor.Entity
	Removed  []corridor.Entity
	Changed  []Change
}

// Change is one entity present in both versions whose listed facts differ.
type Change struct {
	ID       string
	Fields   []string // names of the corridor.Entity fields that differ, in declaration order
	Old, New corridor.Entity
}

// Summary counts the changes of a diff.
type Summary struct {
	Added, Removed, Changed int
}

// Summary returns the counts of d.
func (d Diff) Summary() Summary {
	return Summary{Added: len(d.Added), Removed: len(d.Removed), Changed: len(d.Changed)}
}

// ignoredFields are not listed facts: the ID and list are what entities are matched by, and
// the source reference (a line number) moves whenever an earlier record is added or removed.
var ignoredFields = map[string]bool{"ID": true, "List": true, "NativeID": true, "Source": true}

// Compare returns the differences between two versions of a list.
func Compare(old, new *corridor.ListSnapshot) Diff {
	d := Diff{Old: old.Version, New: new.Version}
	oldByID := make(map[string]*corridor.Entity, len(old.Entities))
	for i := range old.Entities {
		oldByID[old.Entities[i].ID] = &old.Entities[i]
	}
	seen := make(map[string]bool, len(new.Entities))
	for i := range new.Entities {
		e := &new.Entities[i]
		seen[e.ID] = true
		before, ok := oldByID[e.ID]
		if !ok {
			d.Added = append(d.Added, *e)
			continue
		}
		if fields := ChangedFields(before, e); len(fields) > 0 {
			d.Changed = append(d.Changed, Change{ID: e.ID, Fields: fields, Old: *before, New: *e})
		}
	}
	for i := range old.Entities {
		if !seen[old.Entities[i].ID] {
			d.Removed = append(d.Removed, old.Entities[i])
		}
	}
	return d
}

// ChangedFields names the fields of corridor.Entity whose values differ between a and b. It
// walks the struct by reflection so that a field added to the model is compared without
// anyone remembering to add it here. An empty slice equals a nil one.
func ChangedFields(a, b *corridor.Entity) []string {
	va, vb := reflect.ValueOf(a).Elem(), reflect.ValueOf(b).Elem()
	t := va.Type()
	var fields []string
	for i := range t.NumField() {
		name := t.Field(i).Name
		if ignoredFields[name] {
			continue
		}
		fa, fb := va.Field(i), vb.Field(i)
		if fa.Kind() == reflect.Slice && fa.Len() == 0 && fb.Len() == 0 {
			continue
		}
		if !reflect.DeepEqual(fa.Interface(), fb.Interface()) {
			fields = append(fields, name)
		}
	}
	return fields
}
