package brief

import (
	"strings"
	"unicode/utf8"
)

// maxDerivedTitleRunes is how long a derived title may be.
const maxDerivedTitleRunes = 90

// minTitleWords is how many words a sentence needs to stand as a title:
// an opening such as "There were screams." says nothing of the story.
const minTitleWords = 6

// DeriveTitle makes a title for an article that has none: its first
// sentence of six words or more (else its first sentence), shortened with
// ShortTitle. An article with no sentence is "Article without a title".
// Digests use it, so that no article is listed as untitled.
func DeriveTitle(doc *Document) string {
	first := ""
	for _, s := range doc.Sentences() {
		t := ShortTitle(s.Text)
		if t == "" {
			continue
		}
		if first == "" {
			first = t
		}
		if len(strings.Fields(t)) >= minTitleWords {
			return t
		}
	}
	if first != "" {
		return first
	}
	return "Article without a title"
}

// ShortTitle turns a sentence into a title: white space collapsed, a
// list marker or bracketed note that opens it ("• ", "[Breaking news
// update …]") and a closing
// full stop dropped, and cut at a word boundary to at most 90 characters,
// an ellipsis marking the cut.
func ShortTitle(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	s = strings.TrimLeft(s, "•·*-–—>|#: ")
	if strings.HasPrefix(s, "[") {
		if i := strings.IndexByte(s, ']'); i > 0 && i < len(s)-1 {
			s = strings.TrimSpace(s[i+1:])
		}
	}
	s = strings.TrimRight(s, ". ")
	if utf8.RuneCountInString(s) <= maxDerivedTitleRunes {
		return s
	}
	// Cut at the last space within the first maxDerivedTitleRunes-1
	// characters (the ellipsis takes the last place).
	cut, n, end := 0, 0, len(s)
	for i, r := range s {
		if n == maxDerivedTitleRunes-1 {
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
