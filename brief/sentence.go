package brief

import (
	"strings"
	"unicode"
)

// SplitSentences splits body text into sentences. Line breaks inside a
// sentence become spaces.
//
// PLACEHOLDER: splits after . ? ! followed by a space and a capital letter.
func SplitSentences(text string) []string {
	text = strings.Join(strings.Fields(text), " ")
	var out []string
	start := 0
	r := []rune(text)
	for i := 0; i < len(r); i++ {
		if (r[i] == '.' || r[i] == '?' || r[i] == '!') && i+2 < len(r) && r[i+1] == ' ' && unicode.IsUpper(r[i+2]) {
			out = append(out, strings.TrimSpace(string(r[start:i+1])))
			start = i + 2
		}
	}
	if s := strings.TrimSpace(string(r[start:])); s != "" {
		out = append(out, s)
	}
	return out
}
