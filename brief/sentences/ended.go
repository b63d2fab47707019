package sentences

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Ended reports whether s ends as a sentence does: with a full stop,
// question or exclamation mark, ellipsis or colon, possibly followed by a
// closing quotation mark or bracket. Headings and author lines do not.
func Ended(s string) bool {
	s = strings.TrimRight(s, "\"'”’)] ")
	last, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".!?…:", last)
}

// HasWord reports whether s has a letter or digit.
func HasWord(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}
