package ofac

import "strings"

// splitRemarks cuts OFAC's remarks into their "; "-separated items. A ';' does not end an
// item inside parentheses or inside the quotes of an a.k.a., f.k.a. or n.k.a.; when such a
// parenthesis or quote never closes (remarks cut short), the item ends at the next ';' as if
// it were plain text, so one stray character cannot swallow the rest.
func splitRemarks(s string) []string {
	var items []string
	for s != "" {
		end := itemEnd(s)
		if item := strings.TrimSpace(s[:end]); item != "" {
			items = append(items, item)
		}
		if end >= len(s) {
			break
		}
		s = s[end+1:]
	}
	return items
}

// itemEnd returns the index of the ';' that ends the first item of s, or len(s).
func itemEnd(s string) int {
	plain := strings.IndexByte(s, ';')
	if plain < 0 {
		return len(s)
	}
	if end, ok := quotedAliasEnd(s); ok {
		return end
	}
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(':
			depth++
		case ')':
			if depth > 0 {
				depth--
			}
		case ';':
			if depth == 0 {
				return i
			}
		}
	}
	return plain // a parenthesis that never closes
}

// quotedAliasEnd finds the end of an item "a.k.a. 'NAME'" whose name may hold ';' or '.':
// the first closing quote followed, after an optional '.', by ';' or the end.
func quotedAliasEnd(s string) (int, bool) {
	t := strings.TrimLeft(s, " ")
	if _, rest, ok := cutAliasPrefix(t); !ok || !strings.HasPrefix(rest, "'") {
		return 0, false
	}
	start := len(s) - len(t) + len("a.k.a. '")
	for i := start; i < len(s); i++ {
		if s[i] != '\'' {
			continue
		}
		j := i + 1
		if j < len(s) && s[j] == '.' {
			j++
		}
		for j < len(s) && s[j] == ' ' {
			j++
		}
		if j == len(s) || s[j] == ';' {
			return j, true
		}
	}
	return 0, false
}
