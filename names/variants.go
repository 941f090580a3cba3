package names

// spellings maps common spellings of the most frequent names in the lists to one canonical
// token, so that their frequency is counted once and "Mohammed" meets "Muhammad" exactly.
// Rarer names are left to the fuzzy comparison.
var spellings = map[string]string{
	"mohammad": "muhammad", "mohammed": "muhammad", "mohamed": "muhammad", "mohamad": "muhammad",
	"muhammed": "muhammad", "muhamad": "muhammad", "muhamed": "muhammad", "mohd": "muhammad",
	"mohammod": "muhammad", "mehmet": "muhammad", "mehmed": "muhammad", "mhmd": "muhammad", "mouhamed": "muhammad",
	"mohamud": "mahmud", "mahmood": "mahmud", "mahmoud": "mahmud", "mahmod": "mahmud",
	"ahmed": "ahmad", "ahmet": "ahmad", "ahmat": "ahmad", "achmed": "ahmad", "ehmad": "ahmad",
	"hussein": "husain", "hussain": "husain", "husayn": "husain", "hosein": "husain", "hossein": "husain",
	"husein": "husain", "hussien": "husain", "hosain": "husain", "hossain": "husain", "hussin": "husain",
	"hasan": "hassan", "hasson": "hassan", "hassen": "hassan",
	"osman": "usman", "uthman": "usman", "othman": "usman", "usmon": "usman", "osmon": "usman",
	"yousef": "yusuf", "yousuf": "yusuf", "youssef": "yusuf", "yusef": "yusuf", "yosef": "yusuf", "jusuf": "yusuf", "yussuf": "yusuf", "yousif": "yusuf",
	"ebrahim": "ibrahim", "ibraheem": "ibrahim", "ebraheem": "ibrahim", "brahim": "ibrahim",
	"esmail": "ismail", "ismael": "ismail", "ismayil": "ismail", "ismoil": "ismail", "esmaeil": "ismail", "ismaeel": "ismail",
	"mostafa": "mustafa", "moustafa": "mustafa", "mustapha": "mustafa", "mostapha": "mustafa",
	"khaled": "khalid",
	"rehman": "rahman", "rahmon": "rahman",
	"raheem": "rahim", "rahime": "rahim",
	"kareem": "karim",
	"noor":   "nur", "nour": "nur", "noer": "nur",
	"umar": "omar", "omer": "omar", "ommar": "omar",
	"abdullah":  "abdlah",
	"abdallah":  "abdlah",
	"abdulah":   "abdlah",
	"mohammadi": "muhammadi", "mohammedi": "muhammadi",
	"sirajuddin": "sirajdin", "yahia": "yahya", "yehia": "yahya", "yahyah": "yahya",
	"saeed": "said", "saied": "said", "abass": "abbas", "jaafar": "jafar",
	"suleiman": "sulaiman", "sulayman": "sulaiman", "suleyman": "sulaiman", "soleiman": "sulaiman", "soliman": "sulaiman", "sleiman": "sulaiman",
	"abdulaziz": "abdaziz", "azeez": "aziz", "kasim": "qasim", "qassim": "qasim", "qassem": "qasim", "ghasem": "qasim", "qasem": "qasim", "kassem": "qasim",
	"zakariya": "zakaria", "zakariyya": "zakaria", "zakariah": "zakaria",
}
