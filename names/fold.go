package names

import (
	"unicode"
	"unicode/utf8"

	"github.com/mozillazg/go-unidecode"
	"golang.org/x/text/unicode/norm"
)

// Separator bytes that fold writes between tokens. A comma is kept as its own byte so that
// the tokenizer can see "SURNAME, Given" order; every other punctuation becomes a space.
const (
	sepSpace = ' '
	sepComma = ','
)

// runeLatin maps the runes below tableSize to their Latin form, built once at start from
// NFKD decomposition (accents dropped), the Arabic-script table and unidecode for the rest.
const tableSize = 0x0800

var runeLatin = buildRuneTable()

func buildRuneTable() *[tableSize]string {
	var t [tableSize]string
	for r := rune(0x80); r < tableSize; r++ {
		t[r] = latinOf(r)
	}
	return &t
}

// latinOf is the slow path: the Latin form of any rune, lower case.
func latinOf(r rune) string {
	if s, ok := arabicLatin[r]; ok {
		return s
	}
	if s, ok := specialLatin[r]; ok {
		return s
	}
	if unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r) || unicode.Is(unicode.Cf, r) {
		return "" // combining marks, Arabic harakat, zero-width joiners
	}
	decomposed := norm.NFKD.String(string(r))
	out := make([]byte, 0, len(decomposed))
	for _, d := range decomposed {
		switch {
		case d < utf8.RuneSelf:
			out = append(out, byte(unicode.ToLower(d)))
		case unicode.Is(unicode.Mn, d):
		default:
			if s, ok := arabicLatin[d]; ok { // presentation forms decompose to base letters
				out = append(out, s...)
				continue
			}
			out = append(out, lowerASCII(unidecode.Unidecode(string(d)))...)
		}
	}
	return string(out)
}

func lowerASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// specialLatin holds letters that NFKD does not decompose to a Latin base letter.
var specialLatin = map[rune]string{
	'ß': "ss", 'æ': "ae", 'Æ': "ae", 'ø': "o", 'Ø': "o", 'ł': "l", 'Ł': "l", 'đ': "d", 'Đ': "d",
	'ð': "d", 'Ð': "d", 'þ': "th", 'Þ': "th", 'ı': "i", 'œ': "oe", 'Œ': "oe", 'ħ': "h", 'Ħ': "h",
	'ŋ': "ng", 'ʼ': "", 'ʻ': "", 'ʿ': "", 'ʾ': "", '‘': "", '’': "", '`': "", '´': "",
}

// Fold appends to dst the Latin, lower-case, accent-free form of s: letters and digits, with a
// single space between words and a comma where s has one. Apostrophes vanish ("Manba'ul" ->
// "manbaul") and dots inside abbreviations join ("S.A." -> "sa").
func Fold(dst []byte, s string) []byte {
	pendingSep := byte(0)
	persian := IsAbjad(s) && persianScript(s)
	// afterLower: the letter just before was lower case, so that a capital right after it
	// starts a word: "GonzaloINZUNZA", "MusaABU DAWUD", "HafizSaeed" are two names run
	// together. "McDonald" splits too; the matcher reads two query tokens as one listed
	// token and one as two, so it still meets "MCDONALD". After punctuation there is no
	// lower-case letter just before: "Lu-Chi" stays one code-like token.
	afterLower := false
	for i := 0; i < len(s); {
		c := s[i]
		var latin string
		if c < utf8.RuneSelf {
			i++
			wasLower := afterLower
			afterLower = false
			switch {
			case c >= 'a' && c <= 'z':
				dst, pendingSep = flushSep(dst, pendingSep)
				dst = append(dst, c)
				afterLower = true
				continue
			case c >= '0' && c <= '9':
				dst, pendingSep = flushSep(dst, pendingSep)
				dst = append(dst, c)
				continue
			case c >= 'A' && c <= 'Z':
				if wasLower {
					pendingSep = maxSep(pendingSep, sepSpace)
				}
				dst, pendingSep = flushSep(dst, pendingSep)
				dst = append(dst, c+'a'-'A')
				continue
			case c == '\'' || c == '`':
				continue
			case c == '.':
				// "S.A." joins; "Co. Ltd" splits on the space that follows.
				if i < len(s) && s[i] != ' ' {
					continue
				}
				pendingSep = maxSep(pendingSep, sepSpace)
				continue
			case c == ',' || c == ';':
				pendingSep = sepComma
				continue
			case c == '-' && pendingSep == 0 && codePrefix(dst) && i < len(s) && isAlnum(s[i]):
				// "EP-MOB", "YK-AKB": a registration code is one token.
				continue

			default:
				pendingSep = maxSep(pendingSep, sepSpace)
				continue
			}
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if afterLower && unicode.IsUpper(r) {
			pendingSep = maxSep(pendingSep, sepSpace)
		}
		afterLower = unicode.IsLower(r)
		if r == arabicAlef && atWordStart(dst, pendingSep) {
			if n := arabicArticleLen(s[i:]); n > 0 {
				// The Arabic article is written joined ("الدين"); split it off as "al".
				dst, pendingSep = flushSep(dst, pendingSep)
				dst = append(dst, 'a', 'l')
				pendingSep = sepSpace
				i += n
				continue
			}
		}
		i += size
		if r < tableSize {
			latin = runeLatin[r]
		} else {
			latin = latinOf(r)
		}
		if latin == "" {
			if _, apostrophe := specialLatin[r]; apostrophe {
				continue // "Sa’ad" is one word, whatever the apostrophe
			}
			if r == utf8.RuneError || unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r) {
				pendingSep = maxSep(pendingSep, sepSpace)
			}
			continue
		}
		if r == alefMaksura && persian {
			latin = "i" // Persian writes ى for the final i of Hakimi, Arabic for the a of Musa
		}
		if r == arabicWaw || r == arabicYeh || r == persianYeh {
			latin = longVowel(r, dst, pendingSep, s[i:])
		}
		if latin == "h" && len(dst) > 0 && pendingSep == 0 && formsDigraph(dst[len(dst)-1]) {
			// Arabic د then ه is "d-h", not the digraph "dh": keep them apart with the
			// vowel that is spoken but not written ("Akhundzadah").
			dst = append(dst, 'a')
		}
		for j := 0; j < len(latin); j++ {
			lc := latin[j]

			if lc >= 'a' && lc <= 'z' || lc >= '0' && lc <= '9' {
				dst, pendingSep = flushSep(dst, pendingSep)
				dst = append(dst, lc)
			} else if lc != '\'' {
				pendingSep = maxSep(pendingSep, sepSpace)
			}
		}
	}
	return dst
}

func flushSep(dst []byte, sep byte) ([]byte, byte) {
	if sep != 0 && len(dst) > 0 {
		if sep == sepComma {
			dst = append(dst, sepComma)
		}
		dst = append(dst, sepSpace)
	}
	return dst, 0
}

func maxSep(a, b byte) byte {
	if a == sepComma || b == sepComma {
		return sepComma
	}
	return b
}

// IsAbjad reports whether s contains letters of the Arabic script, which writes no short
// vowels, so that its names compare best by consonant skeleton.
func IsAbjad(s string) bool {
	for i := 0; i < len(s); i++ {
		// UTF-8 lead bytes 0xD8-0xDB start the code points U+0600-U+06FF (Arabic).
		if c := s[i]; c >= 0xD8 && c <= 0xDB {
			return true
		}
	}
	return false
}

// formsDigraph reports whether a letter followed by h reads as one consonant (kh, sh, th ...).
func formsDigraph(c byte) bool {
	switch c {
	case 'k', 'g', 's', 'z', 'c', 't', 'd', 'p':
		return true
	}
	return false
}

// codePrefix reports whether the word being written is one or two letters or digits that are
// not an Arabic particle: the country prefix of an aircraft registration, say, not "al-".
func codePrefix(dst []byte) bool {
	start := len(dst)
	for start > 0 && dst[start-1] != sepSpace && dst[start-1] != sepComma {
		start--
	}
	word := dst[start:]
	return len(word) >= 1 && len(word) <= 2 && !in(particles, word)
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// MostlyLatin reports whether most letters of s are Latin, so that "صنایع شیمیایی پارچین" is
// a name in another script while "Tionscail Ceimiceán Parchin" is not. List readers mark the
// former as original-script names.
func MostlyLatin(s string) bool {
	latin, other := 0, 0
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Latin, r):
			latin++
		case unicode.IsLetter(r):
			other++
		}
	}
	return latin >= other
}

const (
	arabicWaw  = 'و'
	arabicYeh  = 'ي'
	persianYeh = 'ی'
)

// longVowel reads و and ي (ی) as the vowels u and i they usually are between consonants and
// at the end of a word ("محمود" Mahmud, "هادي" Hadi, "عزيز" Aziz), and as the consonants w and
// y at the start of a word or next to another vowel letter ("ولد" Walad, "ياسين" Yasin).
func longVowel(r rune, dst []byte, pendingSep byte, rest string) string {
	consonant, vowel := "w", "u"
	if r != arabicWaw {
		consonant, vowel = "y", "i"
	}
	if len(dst) == 0 || pendingSep != 0 {
		return consonant
	}
	switch dst[len(dst)-1] {
	case 'a', 'e', 'i', 'o', 'u', 'w':
		return consonant // "عويس": after a vowel, a consonant again
	}

	next, _ := utf8.DecodeRuneInString(rest)
	switch next {
	case 'ا', 'و', 'ي', 'ی', 'ى', 'ۍ', 'ې', 'ے':
		return consonant
	}
	return vowel
}

const alefMaksura = 'ى'

// persianScript reports whether s uses a letter that Persian, Pashto or Urdu write and Arabic
// does not (ی ک گ پ چ ژ and the Pashto and Urdu letters).
func persianScript(s string) bool {
	for _, r := range s {
		switch r {
		case 'ی', 'ک', 'گ', 'پ', 'چ', 'ژ', 'ټ', 'ډ', 'ړ', 'ښ', 'ږ', 'ڼ', 'ځ', 'څ', 'ې', 'ۍ', 'ګ', 'ٹ', 'ڈ', 'ڑ', 'ں', 'ے':
			return true
		}
	}
	return false
}
