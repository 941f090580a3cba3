package uk

import "strings"

// remarks collects the labelled lines that become Entity.Remarks, each once.
type remarks struct {
	lines []string
}

// add appends "label: value", or the value alone when label is empty; blank values are
// nothing to keep.
func (r *remarks) add(label, value string) {
	value = strings.TrimSpace(value)
	if value == "" {
		return
	}
	line := value
	if label != "" {
		line = label + ": " + value
	}
	if !containsString(r.lines, line) {
		r.lines = append(r.lines, line)
	}
}

func (r *remarks) String() string { return strings.Join(r.lines, "\n") }

func containsString(list []string, s string) bool {
	for _, have := range list {
		if have == s {
			return true
		}
	}
	return false
}

func appendUnique(list []string, s string) []string {
	if s == "" || containsString(list, s) {
		return list
	}
	return append(list, s)
}

func joinNonEmpty(sep string, parts ...string) string {
	var kept []string
	for _, p := range parts {
		if p != "" {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, sep)
}
