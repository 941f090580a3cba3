package un

import (
	"regexp"
	"strings"
	"unicode"
)

// splitName turns one name as the UN writes it into the names it holds, plus the notes the UN
// wrote into the name field. The UN packs several spellings into one ALIAS_NAME
// ("Qasim Soleimani; Qasem Sulaimani"), pairs a name with its other-script form
// ("حسن غول (Hassan Ghul; Hassan Gul)", "Jin Tiesan (金铁三)"), and annotates names
// ("Encep Nurjaman (birth name)", "..., born 1 Jan. 1953 (Oman passport no. ...)").
// A matcher wants each spelling as a name of its own and no annotation words in it; the
// notes go to the remarks so nothing is lost. Parentheses that are part of the name, such
// as acronyms ("(LFIC)") or a qualifier ("(HONG KONG)"), stay.
func splitName(s string) (names, notes []string) {
	s = clean(s)
	if head, tail, ok := cutBorn(s); ok {
		s = head
		notes = append(notes, tail)
	}
	groups, tail := topLevelGroups(s)
	mainScript := script(outsideText(groups, tail))

	var kept strings.Builder
	var alternatives []string
	for _, g := range groups {
		kept.WriteString(g.before)
		inner := clean(g.inner)
		switch {
		case inner == "":
		case isAnnotation(inner):
			notes = append(notes, strings.ToLower(inner))
		case strings.HasPrefix(strings.ToLower(inner), "original script:"):
			alternatives = append(alternatives, clean(inner[len("original script:"):]))
		case script(inner) != mainScript || strings.Contains(inner, ";"):
			for _, alt := range splitList(inner) {
				altNames, altNotes := splitName(alt)
				alternatives = append(alternatives, altNames...)
				notes = append(notes, altNotes...)
			}
		case strings.ContainsAny(inner, "0123456789"):
			// A number in parentheses is a remark (a passport, a reference), not a name.
			notes = append(notes, inner)
		default:
			kept.WriteString("(" + inner + ")")
		}
	}
	kept.WriteString(tail)

	for _, n := range append(splitList(kept.String()), alternatives...) {
		n, note := cutSuffixNote(trimName(n))
		if note != "" {
			notes = append(notes, note)
		}
		names = append(names, splitScripts(n)...)
	}
	return names, notes
}

// suffixNotes are annotations the UN appends to a name after a dash.
var suffixNotes = []string{" - sub-unit name"}

func cutSuffixNote(n string) (name, note string) {
	for _, suffix := range suffixNotes {
		if len(n) > len(suffix) && strings.EqualFold(n[len(n)-len(suffix):], suffix) {
			return trimName(n[:len(n)-len(suffix)]), strings.TrimPrefix(suffix, " - ")
		}
	}
	return n, ""
}

// splitScripts splits a name written in two scripts one after the other
// ("Agha Jan Alizai اغا جان عالیزی") into one name per script.
func splitScripts(n string) []string {
	if n == "" {
		return nil
	}
	words := strings.Fields(n)
	var runs []string
	current, start := script(words[0]), 0
	for i := 1; i < len(words); i++ {
		sc := script(words[i])
		if sc == current || !hasLetter(words[i]) {
			continue
		}
		runs = append(runs, strings.Join(words[start:i], " "))
		current, start = sc, i
	}
	if len(runs) == 0 {
		return []string{n}
	}
	return append(runs, strings.Join(words[start:], " "))
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// spellingsInNote returns the spellings the UN lists in an alias's NOTE: the Latin forms of
// an alias written in another script ("Yunis al-Mauritani; Younis al-Mauritani"), or a
// parenthesised list after a remark ("born in 1971 in Samarra, Iraq (Ibrahim ‘Awad Ibrahim
// al-Badri al-Samarrai; ...)", "(Abu Du’a; Abu Duaa’) prominently known by this nom de
// guerre"). Only lists (with ";") without digits count, so that passports and dates stay
// remarks.
func spellingsInNote(alias, note string) []string {
	if !strings.Contains(note, ";") {
		return nil
	}
	var lists []string
	groups, _ := topLevelGroups(note)
	for _, g := range groups {
		if strings.Contains(g.inner, ";") && !strings.ContainsAny(g.inner, "0123456789") {
			lists = append(lists, g.inner)
		}
	}
	if len(groups) == 0 && script(alias) != "" && script(note) == "" && !strings.ContainsAny(note, "0123456789") {
		lists = append(lists, note)
	}
	var names []string
	for _, list := range lists {
		for _, n := range splitList(list) {
			if n = trimName(n); n != "" {
				names = append(names, n)
			}
		}
	}
	return names
}

// group is one top-level parenthesised part of a name and the text before it.
type group struct{ before, inner string }

// topLevelGroups splits s into its top-level parenthesised groups and the text after the
// last one. An unclosed parenthesis is left in the tail as plain text.
func topLevelGroups(s string) (groups []group, tail string) {
	depth, start, last := 0, 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(':
			if depth == 0 {
				start = i
			}
			depth++
		case ')':
			if depth == 0 {
				continue
			}
			depth--
			if depth == 0 {
				groups = append(groups, group{before: s[last:start], inner: s[start+1 : i]})
				last = i + 1
			}
		}
	}
	return groups, s[last:]
}

// outsideText is the name without its parenthesised groups: the text its script is judged on.
func outsideText(groups []group, tail string) string {
	var b strings.Builder
	for _, g := range groups {
		b.WriteString(g.before)
	}
	b.WriteString(tail)
	return b.String()
}

// annotations are parenthesised notes the UN writes into names.
var annotations = map[string]bool{
	"previously listed as": true,
	"formerly listed as":   true,
	"birth name":           true,
	"combat name":          true,
	"original script":      true,
	"third":                true, // "Hilarion Santos, III (third)"
}

func isAnnotation(inner string) bool {
	return annotations[strings.ToLower(inner)]
}

var bornRe = regexp.MustCompile(`(?i)(?:,\s*|\s)born\b`)

// cutBorn splits "Name, born 1 Jan. 1953 (...)" or "Name born in 1963" into the name and
// the rest.
func cutBorn(s string) (head, tail string, ok bool) {
	loc := bornRe.FindStringIndex(s)
	if loc == nil {
		return s, "", false
	}
	return s[:loc[0]], strings.TrimLeft(s[loc[0]:], ", "), true
}

// splitList splits s where the UN separates spellings: at "; " and at the "b)", "c)" of an
// enumeration left inside a name. Separators inside parentheses do not count, so
// "A (B; C); D" gives "A (B; C)" and "D".
func splitList(s string) []string {
	var parts []string
	depth, last := 0, 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '(':
			depth++
		case c == ')' && depth > 0:
			depth--
		case depth > 0:
		case c == ';':
			parts = append(parts, s[last:i])
			last = i + 1
		case c == ' ' && i+3 < len(s) && s[i+1] >= 'b' && s[i+1] <= 'h' && s[i+2] == ')' && s[i+3] == ' ':
			parts = append(parts, s[last:i])
			i += 3
			last = i + 1
		}
	}
	return append(parts, s[last:])
}

// trimName drops the punctuation and quotes that the UN leaves around names.
func trimName(s string) string {
	s = clean(s)
	s = strings.Trim(s, ",;:- ")
	s = strings.TrimPrefix(s, ") ") // a stray closing parenthesis left from an edit
	if len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"' {
		s = s[1 : len(s)-1]
	}
	return clean(s)
}
