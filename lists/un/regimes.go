package un

// regimes names the sanctions regime behind each UN_LIST_TYPE value, by the Security Council
// resolution that set it up. Entity.Programs keeps the list's own short value ("Taliban");
// RegimeName gives the readable form for reports.
var regimes = map[string]string{
	"Al-Qaida":   "ISIL (Da'esh) and Al-Qaida sanctions regime (resolutions 1267, 1989, 2253)",
	"Taliban":    "Taliban sanctions regime (resolution 1988)",
	"DPRK":       "Democratic People's Republic of Korea sanctions regime (resolution 1718)",
	"Iran":       "Iran sanctions regime (resolution 1737)",
	"Iraq":       "Iraq sanctions regime (resolution 1518)",
	"DRC":        "Democratic Republic of the Congo sanctions regime (resolution 1533)",
	"Libya":      "Libya sanctions regime (resolution 1970)",
	"Somalia":    "Al-Shabaab sanctions regime (resolution 2713, formerly 751)",
	"CAR":        "Central African Republic sanctions regime (resolution 2127)",
	"Haiti":      "Haiti sanctions regime (resolution 2653)",
	"Yemen":      "Yemen sanctions regime (resolution 2140)",
	"GB":         "Guinea-Bissau sanctions regime (resolution 2048)",
	"Sudan":      "Sudan sanctions regime (resolution 1591)",
	"SouthSudan": "South Sudan sanctions regime (resolution 2206)",
	"Mali":       "Mali sanctions regime (resolution 2374)",
}

// RegimeName returns the readable name of a UN programme as Entity.Programs holds it, e.g.
// "Taliban" -> "Taliban sanctions regime (resolution 1988)", and false for a value it does
// not know.
func RegimeName(program string) (string, bool) {
	name, ok := regimes[program]
	return name, ok
}
