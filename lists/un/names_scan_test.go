package un

import (
	"html"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/corridor-aml/corridor"
)

// The scan below reads the raw file with regular expressions, not with encoding/xml or the
// parser's own code, so that it counts the names independently of Parse.
var (
	recordRe = regexp.MustCompile(`(?s)<(INDIVIDUAL|ENTITY)>(.*?)</(?:INDIVIDUAL|ENTITY)>`)
	refRe    = regexp.MustCompile(`<REFERENCE_NUMBER>([^<]*)</REFERENCE_NUMBER>`)
	nameRe   = regexp.MustCompile(`<(FIRST_NAME|SECOND_NAME|THIRD_NAME|FOURTH_NAME|NAME_ORIGINAL_SCRIPT|ALIAS_NAME)>([^<]*)</`)
)

// markers are the list structure the UN writes inside name fields: the "b)" of an
// enumeration and the label of an other-script form. They are not name words.
var markers = regexp.MustCompile(`(?i)\s[b-h]\)\s|original script:`)

type rawName struct {
	ref, tag, text string
}

func scanNames(data []byte) (names []rawName, records int) {
	for _, rec := range recordRe.FindAllSubmatch(data, -1) {
		records++
		ref := strings.TrimSpace(string(refRe.FindSubmatch(rec[2])[1]))
		var personParts []string
		for _, m := range nameRe.FindAllSubmatch(rec[2], -1) {
			tag, text := string(m[1]), squeeze(html.UnescapeString(string(m[2])))
			if text == "" {
				continue
			}
			switch {
			case string(rec[1]) == "INDIVIDUAL" && strings.HasSuffix(tag, "_NAME") && tag != "ALIAS_NAME":
				personParts = append(personParts, text)
			default:
				names = append(names, rawName{ref, tag, text})
			}
		}
		if len(personParts) > 0 {
			names = append(names, rawName{ref, "FIRST_NAME..FOURTH_NAME", strings.Join(personParts, " ")})
		}
	}
	return names, records
}

func squeeze(s string) string { return strings.Join(strings.Fields(s), " ") }

// words are the lower-cased letter and digit runs of s.
func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r)
	})
}

func key(s string) string { return strings.Join(words(s), " ") }

// plain tells a name field that holds one name in one script, which the model must carry
// word for word, from one the parser splits or annotates.
func plain(s string) bool {
	if strings.ContainsAny(s, ";()") || strings.Contains(strings.ToLower(s), "born") {
		return false
	}
	latin, other := false, false
	for _, r := range s {
		if unicode.IsLetter(r) {
			if unicode.Is(unicode.Latin, r) {
				latin = true
			} else {
				other = true
			}
		}
	}
	return !(latin && other)
}

// TestEveryNameInModel checks that every name string of the file reaches the model: a plain
// name as one of the entity's names (same words, same order; quotes and stray punctuation
// aside), and a packed or annotated one word by word across the entity's names and remarks,
// so a split never drops a spelling silently.
func TestEveryNameInModel(t *testing.T) {
	data, snap := real(t)
	raw, records := scanNames(data)
	if records != 1003 || len(snap.Entities) != records {
		t.Fatalf("scan found %d records, parser %d", records, len(snap.Entities))
	}
	byRef := make(map[string]*corridor.Entity, len(snap.Entities))
	for i := range snap.Entities {
		byRef[snap.Entities[i].NativeID] = &snap.Entities[i]
	}
	counts := map[string]int{}
	for _, n := range raw {
		counts[n.tag]++
		e := byRef[n.ref]
		if e == nil {
			t.Errorf("%s: no entity", n.ref)
			continue
		}
		switch {
		case n.tag == "FIRST_NAME..FOURTH_NAME":
			if e.Names[0].Full != n.text || e.Names[0].Kind != corridor.NamePrimary {
				t.Errorf("%s: primary %q, file has %q", n.ref, e.Names[0].Full, n.text)
			}
		case n.tag == "NAME_ORIGINAL_SCRIPT":
			// One that repeats the primary name (QDe.164) is not added twice.
			if !hasKindFull(e, corridor.NameOriginalScript, n.text) && e.Names[0].Full != n.text {
				t.Errorf("%s: original-script name %q missing", n.ref, n.text)
			}
		case plain(n.text):
			if !hasKey(e, key(n.text)) {
				t.Errorf("%s: %s %q missing", n.ref, n.tag, n.text)
			}
		default:
			have := map[string]bool{}
			for _, name := range e.Names {
				for _, w := range words(name.Full) {
					have[w] = true
				}
			}
			for _, w := range words(e.Remarks) {
				have[w] = true
			}
			for _, w := range words(markers.ReplaceAllString(n.text, " ")) {
				if !have[w] {
					t.Errorf("%s: word %q of %s %q is in neither names nor remarks", n.ref, w, n.tag, n.text)
				}
			}
		}
	}
	// Figures from grep on the file: 730 individuals, 273 entities, 378 NAME_ORIGINAL_SCRIPT,
	// 2752 ALIAS_NAME with text (and 291 empty <ALIAS_NAME/> placeholders).
	want := map[string]int{"FIRST_NAME..FOURTH_NAME": 730, "FIRST_NAME": 273, "NAME_ORIGINAL_SCRIPT": 378, "ALIAS_NAME": 2752}
	for tag, n := range want {
		if counts[tag] != n {
			t.Errorf("%d %s strings checked, want %d", counts[tag], tag, n)
		}
	}
}

func hasKindFull(e *corridor.Entity, kind corridor.NameKind, full string) bool {
	for _, n := range e.Names {
		if n.Kind == kind && n.Full == full {
			return true
		}
	}
	return false
}

func hasKey(e *corridor.Entity, k string) bool {
	for _, n := range e.Names {
		if key(n.Full) == k {
			return true
		}
	}
	return false
}
