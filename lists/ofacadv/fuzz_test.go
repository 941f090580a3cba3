package ofacadv

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/corridor-aml/corridor"
)

var refValueRe = regexp.MustCompile(`(?m)^[ \t]*<(\w+) ID="(\d+)"[^\n]*\n`)

// compact drops from the reference sets the values nothing in the file refers to (through
// an attribute named after the set, CountryID="11082"), so that fuzz inputs stay small.
// References inside the sets (AreaCode -> Country) count, so it repeats until stable.
func compact(data []byte) []byte {
	head, rest, ok := bytes.Cut(data, []byte("</ReferenceValueSets>"))
	if !ok {
		return data
	}
	for {
		before := len(head)
		all := append(append([]byte(nil), head...), rest...)
		head = refValueRe.ReplaceAllFunc(head, func(line []byte) []byte {
			m := refValueRe.FindSubmatch(line)
			if bytes.Contains(all, []byte(string(m[1])+`ID="`+string(m[2])+`"`)) {
				return line
			}
			return nil
		})
		if len(head) == before {
			break
		}
	}
	return append(append(head, "</ReferenceValueSets>"...), rest...)
}

var (
	entryRe      = regexp.MustCompile(`(?s)<SanctionsEntry [^>]*ProfileID="([^"]*)".*?</SanctionsEntry>`)
	gapRe        = regexp.MustCompile(`>\s+<`)
	featureRefRe = regexp.MustCompile(`<FeatureVersionReference [^>]*/>`)
)

// seedFor cuts the extract down to one party: its DistinctParty and SanctionsEntry, the
// reference values they use, and no indentation. Small seeds keep the fuzzer fast (it
// spends its time minimising every input that finds new code).
func seedFor(data []byte, fixedRef string) []byte {
	data = partyRe.ReplaceAllFunc(data, func(m []byte) []byte {
		if string(partyRe.FindSubmatch(m)[1]) == fixedRef {
			return m
		}
		return nil
	})
	data = entryRe.ReplaceAllFunc(data, func(m []byte) []byte {
		if string(entryRe.FindSubmatch(m)[1]) == fixedRef {
			return m
		}
		return nil
	})
	data = featureRefRe.ReplaceAll(data, nil) // back-references the parser does not read
	return gapRe.ReplaceAll(compact(data), []byte("><"))
}

// FuzzParse feeds Parse the real extract (compacted) and variants of it. Parse must never
// panic; when it succeeds, every entity must carry a well-formed ID of the list, a primary
// name first and valid birth dates.
func FuzzParse(f *testing.F) {
	seed := seedFor(readExtract(f), "2677")
	for _, ref := range []string{"36", "2677", "4238", "15432"} {
		f.Add(seedFor(readExtract(f), ref))
	}
	f.Add(seedFor(variant(f, "<IDRegDocuments></IDRegDocuments>", `<IDRegDocuments><IDRegDocument ID="9001" IDRegDocTypeID="1571" IdentityID="4423" IssuedBy-CountryID="11082" ValidityID="1"><Comment /><IDRegistrationNo>A1234567</IDRegistrationNo><IssuingAuthority /><DocumentDate IDRegDocDateTypeID="1480">`+exactDay+`</DocumentDate></IDRegDocument></IDRegDocuments>`,
		"<ProfileRelationships />", `<ProfileRelationships><ProfileRelationship ID="1" From-ProfileID="2677" To-ProfileID="2677" RelationTypeID="1555" RelationQualityID="1"><Comment /></ProfileRelationship></ProfileRelationships>`), "2677"))
	f.Add(seed[:len(seed)/2])
	f.Add([]byte(strings.Replace(string(seed), `FixedRef="36">`, ">", 1)))
	f.Add([]byte{})

	f.Fuzz(func(t *testing.T, data []byte) {
		snap, err := Parse(corridor.ListOFACSDN, bytes.NewReader(data))
		if err != nil {
			if !strings.HasPrefix(err.Error(), "ofac advanced xml: ") {
				t.Fatalf("error without context: %v", err)
			}
			return
		}
		if snap.Version.List != corridor.ListOFACSDN || snap.Version.Entities != len(snap.Entities) {
			t.Fatalf("version %+v for %d entities", snap.Version, len(snap.Entities))
		}
		for _, e := range snap.Entities {
			if e.NativeID == "" || e.ID != "us_ofac_sdn:"+e.NativeID || e.List != corridor.ListOFACSDN {
				t.Fatalf("bad ID %q (native %q)", e.ID, e.NativeID)
			}
			if len(e.Names) == 0 || e.Names[0].Kind != corridor.NamePrimary || strings.TrimSpace(e.Names[0].Full) == "" {
				t.Fatalf("%s: no primary name: %+v", e.ID, e.Names)
			}
			for _, n := range e.Names[1:] {
				if n.Kind == corridor.NamePrimary || n.Full == "" {
					t.Fatalf("%s: bad secondary name %+v", e.ID, n)
				}
			}
			for _, d := range e.BirthDates {
				if err := d.Validate(); err != nil {
					t.Fatalf("%s: %v", e.ID, err)
				}
			}
		}
	})
}

func TestFuzzSeedsParse(t *testing.T) {
	for _, ref := range []string{"36", "2677", "4238", "15432"} {
		seed := seedFor(readExtract(t), ref)
		snap, err := Parse(corridor.ListOFACSDN, bytes.NewReader(seed))
		if err != nil || len(snap.Entities) != 1 || snap.Entities[0].NativeID != ref || len(snap.Entities[0].Programs) != 1 {
			t.Fatalf("seed %s: %v %+v", ref, err, snap)
		}
		if len(seed) > 15000 {
			t.Errorf("seed %s is %d bytes", ref, len(seed))
		}
	}
}
