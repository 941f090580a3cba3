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

// ISO 20022 cuts unstructured remittance into Ustrd elements of 140 characters: a name cut by
// that, or written across two of them, is read whole.
func TestPaymentTextNameAcrossUstrd(t *testing.T) {
	const where = "CdtTrfTxInf[1]/RmtInf/Ustrd"
	for _, pieces := range [][2]string{
		{"SCHOOL SUPPLIES FOR THE FAMILY OF GULBUDDIN HEKMATY", "AR IN KABUL"},
		{"SCHOOL SUPPLIES FOR THE FAMILY OF GULBUDDIN", "HEKMATYAR IN KABUL"},
	} {
		p := &corridor.Payment{RemittanceInfo: []corridor.Text{{Text: pieces[0], Where: where}, {Text: pieces[1], Where: where}}}
		res := screener(t).Payment(p)
		if !res.Alert || res.Hits[0].Where != where || !strings.Contains(res.Hits[0].Query, "GULBUDDIN") {
			t.Errorf("%q + %q: %+v", pieces[0], pieces[1], res.Hits)
		}
	}
	// Pieces from different places stay apart.
	joined := joinPieces([]corridor.Text{{Text: "A", Where: "x"}, {Text: "B", Where: "x"}, {Text: "C", Where: "y"}, {Text: strings.Repeat("D", maxTextBytes), Where: "y"}})
	if len(joined) != 3 || joined[0].Text != "A\nB" || joined[1].Text != "C" {
		t.Errorf("joinPieces: %+v", joined)
	}
}
