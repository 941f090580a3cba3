package iso20022

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// same reports, line by line, where got and want differ as indented JSON.
func same(t *testing.T, label string, got, want any) {
	t.Helper()
	if reflect.DeepEqual(got, want) {
		return
	}
	g, _ := json.MarshalIndent(got, "", " ")
	w, _ := json.MarshalIndent(want, "", " ")
	gl, wl := strings.Split(string(g), "\n"), strings.Split(string(w), "\n")
	var b strings.Builder
	for i := 0; i < len(gl) || i < len(wl); i++ {
		var x, y string
		if i < len(gl) {
			x = gl[i]
		}
		if i < len(wl) {
			y = wl[i]
		}
		if x != y {
			fmt.Fprintf(&b, "line %d:\n  got  %s\n  want %s\n", i+1, x, y)
			if b.Len() > 2000 {
				break
			}
		}
	}
	t.Errorf("%s differs:\n%s", label, b.String())
}
