package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

func writeConfig(t *testing.T, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "config.yaml")
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// A command line beats the environment, which beats the command's section of the config
// file, which beats the file's top level, which beats the default.
func TestConfigPrecedence(t *testing.T) {
	path := writeConfig(t, "threshold: 0.9\nlimit: 3\nnationality: [AF, PK]\nscreen:\n  limit: 4\n  lists: [un, us_ofac_sdn]\n")
	t.Setenv("CORRIDOR_CONFIG", path)
	t.Setenv("CORRIDOR_GENDER", "female")

	var got *cobra.Command
	root := newRootCmd()
	for _, c := range root.Commands() {
		if c.Name() == "screen" {
			got = c
			c.RunE = func(*cobra.Command, []string) error { return nil }
		}
	}
	root.SetArgs([]string{"screen", "x", "--threshold", "0.95"})
	if err := root.Execute(); err != nil {
		t.Fatal(err)
	}
	for flag, want := range map[string]string{
		"threshold":   "0.95",             // command line
		"gender":      "female",           // environment
		"limit":       "4",                // the screen section
		"lists":       "[un,us_ofac_sdn]", // the screen section, a list
		"nationality": "[AF,PK]",          // top level, a repeatable flag
		"type":        "any",              // default
	} {
		if v := got.Flag(flag).Value.String(); v != want {
			t.Errorf("--%s = %s, want %s", flag, v, want)
		}
	}
}

func TestConfigErrorsNameFileAndLine(t *testing.T) {
	for _, tt := range []struct{ text, want string }{
		{"threshold: 0.9\ntreshold: 0.8\n", `:2: unknown setting "treshold"`},
		{"screen:\n  dob: 1970\n  color: red\n", `:3: unknown setting "color" for this command`},
		{"screen:\n  threshold: high\n", `:2: threshold: `},
		{"limit: [1, 2]\n", `:1: limit: want one value`},
		{"threshold: {a: b}\n", `:1: threshold: want a value or a list`},
		{"- threshold\n", `:1: want a mapping of settings`},
		{"screen: [1\n", `yaml:`},
	} {
		_, _, err := execute(t, "screen", "Sirajuddin Haqqani", "--config", writeConfig(t, tt.text))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("config %q: err = %v, want it to contain %q", tt.text, err, tt.want)
		}
	}
	if _, _, err := execute(t, "screen", "x", "--config", filepath.Join(t.TempDir(), "missing.yaml")); err == nil {
		t.Error("a config file named but missing: no error")
	}
}

func TestConfigEnvironmentError(t *testing.T) {
	t.Setenv("CORRIDOR_LIMIT", "many")
	_, _, err := execute(t, "screen", "x")
	if err == nil || !strings.Contains(err.Error(), "CORRIDOR_LIMIT") {
		t.Errorf("err = %v, want it to name CORRIDOR_LIMIT", err)
	}
}

// The threshold set in a config file is the one screening uses.
func TestConfigReachesScreening(t *testing.T) {
	path := writeConfig(t, "screen:\n  threshold: 0.97\n  lists: un\n")
	res, _ := screenJSON(t, "Sirajuddin Haqqani", "--config", path)
	if res.Threshold != 0.97 {
		t.Errorf("threshold %v, want 0.97 from the config file", res.Threshold)
	}
	var lists []string
	for _, l := range res.Lists {
		lists = append(lists, string(l.List))
	}
	if !slices.Equal(lists, []string{"un"}) {
		t.Errorf("lists screened %v, want [un] from the config file", lists)
	}
}
