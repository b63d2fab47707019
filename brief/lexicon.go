package brief

import "strings"

// The word lists below are read-only lookup tables for the rule-based
// recognition of actors, quotations and time cues.

// wordSet builds a set from space-separated words.
func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}
