package policy

import (
	"strings"
	"unicode"
)

// mentions reports whether any text names any of the phrases as whole words, ignoring case
// and punctuation: "Customs duty, Kabul" mentions "customs duty" and "duty", while
// "furniture" does not mention "fur". Whole words keep a luxury limit from catching
// furniture, and a fee exception from catching "feed".
func mentions(texts []string, phrases []string) bool {
	for _, t := range texts {
		hay := wordsOf(t)
		for _, p := range phrases {
			if hasPhrase(hay, p) {
				return true
			}
		}
	}
	return false
}

// hasPhrase reports whether hay, as wordsOf writes it, holds the phrase as whole words.
// Packs write phrases in lower case already, and those are found without a copy.
func hasPhrase(hay, phrase string) bool {
	if !plainPhrase(phrase) {
		phrase = strings.TrimSpace(wordsOf(phrase))
		if phrase == "" {
			return false
		}
	}
	for from := 0; ; {
		i := strings.Index(hay[from:], phrase)
		if i < 0 {
			return false
		}
		i += from
		// hay starts and ends with a space, so both neighbours exist.
		if hay[i-1] == ' ' && hay[i+len(phrase)] == ' ' {
			return true
		}
		from = i + 1
	}
}

// plainPhrase reports whether a phrase is already in wordsOf's form, without its end
// spaces: lower-case ASCII letters and digits, words one space apart.
func plainPhrase(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		case c == ' ' && s[i-1] != ' ':
		default:
			return false
		}
	}
	return true
}

// wordsOf lower-cases s and writes its words apart, each run of other characters as one
// space, with a space at both ends so that a phrase matches only at word boundaries.
func wordsOf(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte(' ')
	space := true
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
			space = false
			continue
		}
		if !space {
			b.WriteByte(' ')
			space = true
		}
	}
	if !space {
		b.WriteByte(' ')
	}
	if b.Len() == 1 {
		b.WriteByte(' ')
	}
	return b.String()
}
