package screen

import (
	"slices"
	"strings"
	"testing"

	"github.com/corridor-aml/corridor"
)

func TestTextRuns(t *testing.T) {
	runs := textRuns("AID FOR SIRAJUD\nDIN HAQQANI\n/ROC/ 12 ")
	for _, want := range []string{"AID FOR", "SIRAJUD DIN HAQQANI", "SIRAJUDDIN HAQQANI", "FOR SIRAJUDDIN HAQQANI /ROC/ 12", "AID FOR SIRAJUD DIN HAQQANI"} {
		if !slices.Contains(runs, want) {
			t.Errorf("runs lack %q", want)
		}
	}
	for _, unwanted := range []string{"HAQQANI/ROC/", "AID", "AID FOR SIRAJUDDIN HAQQANI /ROC/ 12"} {
		for _, r := range runs {
			if strings.Contains(r, unwanted) && (unwanted != "AID" || r == "AID") {
				t.Errorf("run %q: a break before a slash is no cut word, and runs are 2 to 5 words", r)
			}
		}
	}
	seen := map[string]bool{}
	for _, r := range runs {
		if seen[r] {
			t.Errorf("%q twice", r)
		}
		seen[r] = true
	}
	// A break after a space, or before one, cuts nothing.
	if runs := textRuns("SIRAJUD \nDIN HAQQANI"); slices.Contains(runs, "SIRAJUDDIN HAQQANI") {
		t.Errorf("a break after a space joined words: %q", runs)
	}
	if runs := textRuns("SIRAJUD\n DIN HAQQANI"); slices.Contains(runs, "SIRAJUDDIN HAQQANI") {
		t.Errorf("a break before a space joined words: %q", runs)
	}
	if runs := textRuns("SIRAJUD\r\nDIN HAQQANI"); !slices.Contains(runs, "SIRAJUDDIN HAQQANI") {
		t.Errorf("CR LF: %q", runs)
	}
}

// MT103 field 70 wraps at 35 characters wherever the line is full: a listed name cut by the
// wrap at any place inside a word is found. The matcher alone finds most cuts (a cut word
// reads as a name written apart); the joined reading finds the rest, such as
// "GULBUDDIN HEKMATY" + "AR".
func TestPaymentTextNameCutByLineWrap(t *testing.T) {
	s := screener(t)
	cuts := 0
	for _, name := range []string{"SIRAJUDDIN HAQQANI", "GULBUDDIN HEKMATYAR", "ABDUL GHANI BARADAR", "AMIR KHAN MUTTAQI",
		"HAQQANI NETWORK", "AL RASHID TRUST", "DAWOOD IBRAHIM KASKAR", "ISLAMIC REVOLUTIONARY GUARD CORPS"} {
		if !s.Payment(textPayment("FAMILY SUPPORT " + name)).Alert {
			t.Fatalf("%s does not alert whole", name)
		}
		for i := 1; i < len(name); i++ {
			if name[i-1] == ' ' || name[i] == ' ' {
				continue
			}
			cuts++
			text := "/RFB/FAMILY SUPPORT " + name[:i] + "\n" + name[i:] + " KHOST"
			if res := s.Payment(textPayment(text)); !res.Alert || res.Hits[0].Where != ":70:" {
				t.Errorf("%q: no alert", text)
			}
		}
	}
	t.Logf("%d cuts, each found", cuts)
}

func textPayment(text string) *corridor.Payment {
	return &corridor.Payment{RemittanceInfo: []corridor.Text{{Text: text, Where: ":70:"}}}
}
