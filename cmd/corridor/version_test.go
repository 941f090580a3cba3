package main

import (
	"runtime/debug"
	"strings"
	"testing"
)

func TestVersionPrintsGoVersion(t *testing.T) {
	out, _, err := execute(t, "version")
	if err != nil || !strings.HasPrefix(out, "corridor ") || !strings.Contains(out, "go1.") {
		t.Errorf("version: %q, %v", out, err)
	}
}

func TestCommitOf(t *testing.T) {
	rev := []debug.BuildSetting{{Key: "vcs.revision", Value: "be696c0a1b2c3d4e5f60718293a4b5c6d7e8f901"}}
	for _, tt := range []struct {
		settings []debug.BuildSetting
		want     string
	}{
		{nil, ""},
		{rev, "be696c0a1b2c"},
		{append(rev, debug.BuildSetting{Key: "vcs.modified", Value: "true"}), "be696c0a1b2c+dirty"},
		{append(rev, debug.BuildSetting{Key: "vcs.modified", Value: "false"}), "be696c0a1b2c"},
	} {
		if got := commitOf(tt.settings); got != tt.want {
			t.Errorf("commitOf(%v) = %q, want %q", tt.settings, got, tt.want)
		}
	}
}
