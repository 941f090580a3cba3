package un

import (
	"reflect"
	"testing"
)

func TestSplitName(t *testing.T) {
	tests := []struct {
		in           string
		names, notes []string
	}{
		{"Siraj Haqqani", []string{"Siraj Haqqani"}, nil},
		{"Azim Adhajani; Azim Agha-Jani", []string{"Azim Adhajani", "Azim Agha-Jani"}, nil},
		{"Mohammed Sabet; Mohammad Sabet b) M. Javad Kareemi Sabet",
			[]string{"Mohammed Sabet", "Mohammad Sabet", "M. Javad Kareemi Sabet"}, nil},
		{"Jin Tiesan (金铁三)", []string{"Jin Tiesan", "金铁三"}, nil},
		{"حسن غول (Hassan Ghul; Hassan Gul; Hasan Gul)", []string{"حسن غول", "Hassan Ghul", "Hassan Gul", "Hasan Gul"}, nil},
		{"Amir Khazmat (original script: Амир Хазмат)", []string{"Amir Khazmat", "Амир Хазмат"}, nil},
		{"Libyan Foreign Investment Company (LFIC)", []string{"Libyan Foreign Investment Company (LFIC)"}, nil},
		{"Encep Nurjaman (birth name)", []string{"Encep Nurjaman"}, []string{"birth name"}},
		{"EL PARA (COMBAT NAME)", []string{"EL PARA"}, []string{"combat name"}},
		{"SECOND ACADEMY OF NATURAL SCIENCES (KPE.018)", []string{"SECOND ACADEMY OF NATURAL SCIENCES"}, []string{"KPE.018"}},
		{"Safia Farkash Mohammed Al-Hadad, born 1 Jan. 1953 (Oman passport no.03825239)",
			[]string{"Safia Farkash Mohammed Al-Hadad"}, []string{"born 1 Jan. 1953 (Oman passport no.03825239)"}},
		{"Mohammad Ishaq Akhund born in 1963", []string{"Mohammad Ishaq Akhund"}, []string{"born in 1963"}},
		{"Hay’at Tahrir al-Sham (HTS) (هيئة تحرير الشام (original script); Hayat Tahrir al-Sham)",
			[]string{"Hay’at Tahrir al-Sham (HTS)", "هيئة تحرير الشام", "Hayat Tahrir al-Sham"}, []string{"original script"}},
		{"شبكة أنصار المجاهدين (Ansar al-Mujahideen Network - sub-unit name)",
			[]string{"شبكة أنصار المجاهدين", "Ansar al-Mujahideen Network"}, []string{"sub-unit name"}},
		{"Agha Jan Alizai اغا جان عالیزی", []string{"Agha Jan Alizai", "اغا جان عالیزی"}, nil},
		{`"HASSAN, Sheikh"`, []string{"HASSAN, Sheikh"}, nil},
		{") Abdelrahman Mouhamad", []string{"Abdelrahman Mouhamad"}, nil},
		{"Akhter Mohmad son of Noor Mohmad (اختر محمد ولد نور محمد ),",
			[]string{"Akhter Mohmad son of Noor Mohmad", "اختر محمد ولد نور محمد"}, nil},
		{"Unclosed (parenthesis", []string{"Unclosed (parenthesis"}, nil},
		{"  ", nil, nil},
	}
	for _, tt := range tests {
		names, notes := splitName(tt.in)
		if !reflect.DeepEqual(names, tt.names) || !reflect.DeepEqual(notes, tt.notes) {
			t.Errorf("splitName(%q) = %q, %q; want %q, %q", tt.in, names, notes, tt.names, tt.notes)
		}
	}
}

func TestSpellingsInNote(t *testing.T) {
	tests := []struct {
		alias, note string
		want        []string
	}{
		{"شيخ يونس الموريتاني", "Yunis al-Mauritani; Younis al-Mauritani", []string{"Yunis al-Mauritani", "Younis al-Mauritani"}},
		{"أبو دعاء", "(Abu Du’a; Abu Duaa’) prominently known by this nom de guerre", []string{"Abu Du’a", "Abu Duaa’"}},
		{"Dr. Ibrahim", "born in 1971 in Samarra, Iraq (Ibrahim ‘Awad; Ibrahim al-Samarra’i)", []string{"Ibrahim ‘Awad", "Ibrahim al-Samarra’i"}},
		{"Latin alias", "previously listed as", nil},
		{"Latin alias", "Passport number: B0515260; DOB: 1948", nil},
	}
	for _, tt := range tests {
		if got := spellingsInNote(tt.alias, tt.note); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("spellingsInNote(%q, %q) = %q, want %q", tt.alias, tt.note, got, tt.want)
		}
	}
}

func TestScript(t *testing.T) {
	tests := map[string]string{
		"Siraj Haqqani":                 "",
		"Salafiste pour La Prédication": "",
		"سراج الدين جلال الدين حقانى":   "Arab",
		"Умаров Доку Хаматович":         "Cyrl",
		"華信船務(香港)有限公司":                  "Hani",
		"123":                           "",
	}
	for in, want := range tests {
		if got := script(in); got != want {
			t.Errorf("script(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestClean(t *testing.T) {
	tests := map[string]string{
		"":                        "",
		"GEDO":                    "GEDO",
		" GEDO ":                  "GEDO",
		"أمیر محمد\n      الرحمن": "أمیر محمد الرحمن",
		"a  b":                    "a b",
		"a\u00a0b":                "a b",
	}
	for in, want := range tests {
		if got := clean(in); got != want {
			t.Errorf("clean(%q) = %q, want %q", in, got, want)
		}
	}
}
