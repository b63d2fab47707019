package sentences

import (
	"strings"
	"unicode/utf8"
)

// maxTitleRunes is how long a title made from a sentence may be.
const maxTitleRunes = 90

// Title turns a sentence into a title: white space collapsed, a
// list marker or bracketed note that opens it ("• ", "[Breaking news
// update …]") and a closing
// full stop dropped, and cut at a word boundary to at most 90 characters,
// an ellipsis marking the cut.
func Title(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	s = strings.TrimLeft(s, "•·*-–—>|#: ")
	if strings.HasPrefix(s, "[") {
		if i := strings.IndexByte(s, ']'); i > 0 && i < len(s)-1 {
			s = strings.TrimSpace(s[i+1:])
		}
	}
	s = strings.TrimRight(s, ". ")
	if utf8.RuneCountInString(s) <= maxTitleRunes {
		return s
	}
	// Cut at the last space within the first maxTitleRunes-1
	// characters (the ellipsis takes the last place).
	cut, n, end := 0, 0, len(s)
	for i, r := range s {
		if n == maxTitleRunes-1 {
			end = i
			break
		}
		if r == ' ' {
			cut = i
		}
		n++
	}
	if r, _ := utf8.DecodeRuneInString(s[end:]); r == ' ' {
		cut = end
	}
	if cut < len(s)/4 {
		cut = end // no space in sight: cut inside the word
	}
	return strings.TrimRight(s[:cut], " ,;:—–-") + "…"
}
