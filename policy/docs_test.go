package policy

import (
	"os"
	"reflect"
	"strings"
	"testing"
)

// docs/policy.md documents every field conditions can use and every licence of the bundled
// pack; this keeps it from falling behind the code.
func TestDocsCoverVariablesAndLicences(t *testing.T) {
	raw, err := os.ReadFile("../docs/policy.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(raw)
	for name, v := range map[string]any{"payment": payment{}, "party": party{}, "hit": hit{}} {
		rt := reflect.TypeOf(v)
		for i := range rt.NumField() {
			field := name + "." + rt.Field(i).Tag.Get("cel")
			if !strings.Contains(doc, "`"+field+"`") {
				t.Errorf("docs/policy.md does not document %s", field)
			}
		}
	}
	for _, l := range bundledPack(t).Licences {
		if !strings.Contains(doc, "`"+l.ID+"`") {
			t.Errorf("docs/policy.md does not list licence %s", l.ID)
		}
	}
}
