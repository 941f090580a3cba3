package screen

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/corridor-aml/corridor"
)

// textRuns returns the runs of words of free text to screen as names: every run of
// minTextWords to maxTextWords consecutive words, in order and without repeats.
//
// Where a line ends in the middle of a word and the next line goes on with it, the two halves
// are also joined: MT103 fields 70 and 72 hold lines of at most 35 characters, and the
// systems that fill them cut where the line is full, so "SIRAJUDDIN HAQ" + "QANI" must also
// be read as "SIRAJUDDIN HAQQANI". Which breaks cut a word is not known, so every break
// between two letters or digits gets the joined reading beside the split one.
func textRuns(text string) []string {
	if len(text) > maxTextBytes {
		text = text[:maxTextBytes]
	}
	var words []string
	var cuts []int // indexes i in words where words[i] and words[i+1] may be one word cut by a line break
	prev := ""
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSuffix(line, "\r")
		if mayCutWord(prev, line) && len(words) > 0 {
			cuts = append(cuts, len(words)-1)
		}
		words = append(words, strings.Fields(line)...)
		prev = line
	}
	seen := map[string]bool{}
	var runs []string
	add := func(ws []string, must int) { // every run of ws that holds ws[must] (every run when must < 0)
		for i := range ws {
			for n := minTextWords; n <= maxTextWords && i+n <= len(ws); n++ {
				if must >= 0 && (must < i || must >= i+n) {
					continue
				}
				if run := strings.Join(ws[i:i+n], " "); !seen[run] {
					seen[run] = true
					runs = append(runs, run)
				}
			}
		}
	}
	add(words, -1)
	for _, c := range cuts {
		lo := max(0, c-(maxTextWords-1))
		hi := min(len(words), c+2+maxTextWords-1)
		joined := append(append(append([]string{}, words[lo:c]...), words[c]+words[c+1]), words[c+2:hi]...)
		add(joined, c-lo)
	}
	return runs
}

// mayCutWord reports whether a line break between prev and next may cut a word: prev ends
// in a letter or a digit and next starts with one, with no space on either side.
func mayCutWord(prev, next string) bool {
	last, _ := utf8.DecodeLastRuneInString(prev)
	first, _ := utf8.DecodeRuneInString(next)
	return isWordRune(last) && isWordRune(first)
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// joinPieces joins consecutive pieces of free text found in the same place, one per line, up
// to maxTextBytes: ISO 20022 cuts unstructured remittance into Ustrd elements of 140
// characters, and a name cut in two by that, or written across two of them, must be read
// whole as in MT103's wrapped lines.
func joinPieces(texts []corridor.Text) []corridor.Text {
	var out []corridor.Text
	for _, t := range texts {
		if n := len(out); n > 0 && out[n-1].Where == t.Where && len(out[n-1].Text)+1+len(t.Text) <= maxTextBytes {
			out[n-1].Text += "\n" + t.Text
			continue
		}
		out = append(out, t)
	}
	return out
}
