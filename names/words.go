package names

// Word lists the tokenizer uses. Each is small and closed; extending one is a reviewed
// change because a word added here changes how every listed name is indexed.

// titles are honorifics and ranks that say nothing about who a person is.
var titles = set(
	"haji", "hajji", "hadji", "alhaj", "alhaji", "alhajj", "hajj",
	"mullah", "mulla", "molla", "mollah", "mulah", "mla", "mlla",
	"mawlawi", "maulavi", "maulvi", "mawlavi", "molvi", "moulvi", "mawlvi", "maulawi", "mowlawi", "mavlavi", "mulwi", "mwlwi", "mulawi",
	"qari", "qary",
	"sheikh", "shaikh", "sheik", "shaykh", "sheyh", "cheikh",
	"sayed", "sayyid", "syed", "sayyed", "seyed", "seyyed", "sayid", "sayeed", "sid", "syd",
	"hafiz", "hafez", "hafeez",
	"mufti", "imam", "ustad", "ustaz", "ustadh", "amir", "emir", "qazi",
	"dr", "doctor", "mr", "mrs", "ms", "miss", "sir", "madam", "prof", "professor", "eng", "engineer",
	"gen", "general", "colonel", "maj", "major", "capt", "captain", "lt", "brig", "brigadier",
	"sgt", "cmdr", "commander", "admiral", "marshal",
	"hon", "his", "her", "excellency", "hrh", "rev", "father",
)

// particles are articles and linking words inside Arabic and Persian names ("al-Rahman",
// "Siraj ud-Din"). They are dropped, and they do not break a compound.
var particles = set("al", "el", "ul", "ud", "ad", "ed", "ur", "ar", "as", "az", "ash", "at", "ath", "an", "ol", "od", "il")

// connectors say "son of" or "daughter of"; they carry no identity of their own.
var connectors = set("bin", "ibn", "bint", "binti", "ibnu", "bn", "bnt", "ould", "walad", "wld")

// dinWords end a compound such as "Siraj ud-Din" or "Nur al-Din"; they join the word before.
var dinWords = set("din", "deen", "dine", "ddin", "uddin", "eddin", "eddine", "uddeen", "addin", "aldin", "udin", "dyn", "aldeen", "uddine", "eddeen")

// allahWords end a compound such as "Hibat Allah"; they join the word before.
var allahWords = set("allah", "ullah", "ollah", "ulla", "alla", "ellah", "lh", "llah", "lah")

// abdWords and abuWords start a compound ("Abd al-Rahman", "Abu Bakr"); they join the word
// after them.
var abdWords = set("abd", "abdul", "abdel", "abdal", "abdol", "abdur", "abdor", "abdu", "abdil", "abdoul", "bd")
var abuWords = set("abu", "abou", "abo", "abw", "bou")

// companyForms are legal forms and their local variants. They are dropped from company names:
// "Ltd" agrees with "Limited" only by accident, and neither says which company it is.
var companyForms = set(
	"llc", "llp", "lp", "ltd", "limited", "co", "company", "inc", "incorporated", "corp", "corporation",
	"plc", "pvt", "pte", "pty", "gmbh", "mbh", "ag", "kg", "kgaa", "ug", "ohg", "ev",
	"sa", "sas", "sarl", "sasu", "sca", "sl", "slu", "srl", "spa", "sapa", "snc", "sc", "sae", "saog", "saoc", "sal",
	"bv", "nv", "vof", "cv", "ab", "oy", "oyj", "as", "asa", "aps", "sp", "zoo",
	"ooo", "oao", "zao", "pao", "ao", "jsc", "ojsc", "cjsc", "pjsc", "ojs", "tov", "pat", "too", "dp",
	"obshchestvo", "obschestvo", "ogranichennoy", "ogranichennoi", "ogranichennoj", "otvetstvennostyu", "otvetstvennostju", "aktsionernoe", "zakrytoe", "otkrytoe", "publichnoe",
	"sdn", "bhd", "tbk", "jsc", "fzc", "fze", "fzco", "fzllc", "dmcc", "wll", "llc", "est", "establishment",
	"sro", "as", "kft", "zrt", "nyrt", "doo", "dd", "ad", "ead", "eood", "ltda", "eireli", "cia", "sab", "rl",
)

// spanishForms are the legal forms that Spanish writes with "de" ("S.A. de C.V.").
var spanishForms = set("sa", "rl", "sc", "spr", "sab", "sapi", "srl")

func set(words ...string) map[string]struct{} {
	m := make(map[string]struct{}, len(words))
	for _, w := range words {
		m[w] = struct{}{}
	}
	return m
}

func in(m map[string]struct{}, b []byte) bool {
	_, ok := m[string(b)] // no allocation: the compiler converts in place for map lookups
	return ok
}

// IsTitle reports whether a token is a title or honorific ("haji", "mullah", "sayed").
func IsTitle(tok []byte) bool {
	return in(titles, tok)
}

// Ignorable reports whether a token is a word the analyzer drops from names: a title, a
// particle, a "son of" connector or a company form.
func Ignorable(tok []byte) bool {
	return in(ignorable, tok)
}

var ignorable = func() map[string]struct{} {
	m := make(map[string]struct{}, len(titles)+len(particles)+len(connectors)+len(companyForms))
	for _, s := range []map[string]struct{}{titles, particles, connectors, companyForms} {
		for w := range s {
			m[w] = struct{}{}
		}
	}
	return m
}()

// Spelling returns the canonical spelling of a common name written another way ("mohammed"
// -> "muhammad"), or tok itself.
func Spelling(tok []byte) []byte {
	if s, ok := spellingBytes[string(tok)]; ok {
		return s
	}
	return tok
}

var spellingBytes = func() map[string][]byte {
	m := make(map[string][]byte, len(spellings))
	for k, v := range spellings {
		m[k] = []byte(v)
	}
	return m
}()

// Vocabulary calls f with every word the analyzer treats specially: spelling variants,
// titles, particles, connectors and company forms.
func Vocabulary(f func(word string)) {
	for w := range spellings {
		f(w)
	}
	for w := range ignorable {
		f(w)
	}
}

// wordClass says what the analyzer does with a word; one lookup answers for every list.
type wordClass uint16

const (
	classTitle wordClass = 1 << iota
	classParticle
	classConnector
	classCompanyForm
	classDin
	classAllah
	classAbd
	classAbu
	classSpelling
)

var classes = func() map[string]wordClass {
	m := make(map[string]wordClass, 512)
	for class, words := range map[wordClass]map[string]struct{}{
		classTitle: titles, classParticle: particles, classConnector: connectors,
		classCompanyForm: companyForms, classDin: dinWords, classAllah: allahWords,
		classAbd: abdWords, classAbu: abuWords,
	} {
		for w := range words {
			m[w] |= class
		}
	}
	for w := range spellings {
		m[w] |= classSpelling
	}
	return m
}()

func classOf(tok []byte) wordClass { return classes[string(tok)] }
