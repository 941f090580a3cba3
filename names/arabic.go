package names

import "unicode/utf8"

// arabicLatin is corridor's own transliteration of the Arabic script as Arabic, Persian,
// Pashto and Urdu use it. Short vowels are not written in the script, so none are invented
// here: the matcher compares consonant skeletons (see Skeleton) to bridge the gap. Letters
// that sound alike in Persian and Pashto (ث س ص, ذ ز ض ظ) take the Latin letter that
// Afghan names are most often written with in the lists.
var arabicLatin = map[rune]string{
	// hamza and alef forms
	'ء': "", 'آ': "a", 'أ': "a", 'إ': "i", 'ا': "a", 'ٱ': "a", 'ٲ': "a", 'ٳ': "a",
	'ؤ': "u", 'ئ': "i",
	// consonants shared by Arabic, Persian, Pashto and Urdu
	'ب': "b", 'پ': "p", 'ت': "t", 'ث': "th", 'ج': "j", 'چ': "ch", 'ح': "h", 'خ': "kh",
	'د': "d", 'ذ': "z", 'ر': "r", 'ز': "z", 'ژ': "zh", 'س': "s", 'ش': "sh", 'ص': "s",
	'ض': "z", 'ط': "t", 'ظ': "z", 'ع': "a", 'غ': "gh", 'ف': "f", 'ق': "q", 'ك': "k",
	'ک': "k", 'ڪ': "k", 'گ': "g", 'ل': "l", 'م': "m", 'ن': "n", 'ه': "h", 'ہ': "h",
	'ھ': "h", 'ۀ': "h", 'ة': "a", 'و': "w", 'ۆ': "o", 'ۇ': "u", 'ى': "a",
	'ي': "y", 'ی': "y", 'ې': "e", 'ۍ': "ay", 'ێ': "e", 'ے': "e", 'ۓ': "e",
	// Pashto
	'ټ': "t", 'ځ': "z", 'څ': "s", 'ډ': "d", 'ړ': "r", 'ږ': "zh", 'ښ': "sh", 'ڼ': "n",
	'ګ': "g",
	// Urdu and others
	'ٹ': "t", 'ڈ': "d", 'ڑ': "r", 'ں': "n", 'ڤ': "v", 'ڨ': "g", 'ڭ': "ng",
	// tatweel and punctuation
	'ـ': "", '،': ",", '؛': ",", '؟': "",
	// Arabic-Indic and Persian digits
	'٠': "0", '١': "1", '٢': "2", '٣': "3", '٤': "4", '٥': "5", '٦': "6", '٧': "7", '٨': "8", '٩': "9",
	'۰': "0", '۱': "1", '۲': "2", '۳': "3", '۴': "4", '۵': "5", '۶': "6", '۷': "7", '۸': "8", '۹': "9",
}

const (
	arabicAlef = 'ا'
	arabicLam  = 'ل'
)

// arabicArticleLen returns the byte length of a joined article "ال" at the start of s when a
// word of at least two more letters follows it, else 0.
func arabicArticleLen(s string) int {
	r1, n1 := utf8.DecodeRuneInString(s)
	if r1 != arabicAlef {
		return 0
	}
	r2, n2 := utf8.DecodeRuneInString(s[n1:])
	if r2 != arabicLam {
		return 0
	}
	rest := s[n1+n2:]
	letters := 0
	for _, r := range rest {
		if !isArabicLetter(r) {
			break
		}
		letters++
	}
	if letters < 2 {
		return 0
	}
	return n1 + n2
}

func isArabicLetter(r rune) bool {
	if r == 'ـ' {
		return false
	}
	_, ok := arabicLatin[r]
	return ok && !(r >= '٠' && r <= '٩' || r >= '۰' && r <= '۹' || r == '،' || r == '؛' || r == '؟')
}

func atWordStart(dst []byte, pendingSep byte) bool {
	return len(dst) == 0 || pendingSep != 0
}

// DentalVariant appends to dst name with ض, ظ and ذ written د, and reports whether it held
// any. Persian and Pashto say these letters as z, and Fold reads them so; Arabic says d or
// dh, and the lists write the Arabic names that way ("نضال" Nidal, "خضر" Khadr, "ظاهر"
// Dahir). A name in Arabic script does not say which language it is in, so a screen reads
// both.
func DentalVariant(dst []byte, name string) ([]byte, bool) {
	found := false
	for _, r := range name {
		switch r {
		case 'ض', 'ظ', 'ذ':
			r, found = 'د', true
		}
		dst = utf8.AppendRune(dst, r)
	}
	return dst, found
}
