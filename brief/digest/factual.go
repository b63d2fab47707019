package digest

import (
	"strings"
	"unicode/utf8"
)

// factual reports whether a bullet states what happened rather than
// quoting someone or arguing: less than half of it inside quotation
// marks, no question or exclamation, no first or second person outside
// quotations, and none of the phrases of opinion writing ("should",
// "could not be more clear", "it is time").
func factual(text string) bool {
	if quotedShare(text) >= 0.5 {
		return false
	}
	outside := strings.ToLower(unquoted(text))
	if strings.ContainsAny(outside, "?!") {
		return false
	}
	for _, w := range strings.FieldsFunc(outside, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r == '\'' || r == '’')
	}) {
		if _, ok := opinionWords[w]; ok {
			return false
		}
	}
	for _, p := range opinionPhrases {
		if strings.Contains(outside, p) {
			return false
		}
	}
	return true
}

// opinionWords mark a sentence as the writer's view: the first and
// second person, and the modals of advice.
var opinionWords = map[string]struct{}{
	"i": {}, "i'm": {}, "i've": {}, "i'd": {}, "me": {}, "my": {}, "we": {}, "we're": {},
	"we've": {}, "us": {}, "our": {}, "ours": {}, "you": {}, "your": {}, "you're": {},
	"should": {}, "shouldn't": {}, "ought": {}, "let's": {},
}

// opinionPhrases are phrases of opinion writing.
var opinionPhrases = [...]string{
	"could not be more", "couldn't be more", "it is time", "it's time", "needs to be",
	"need to be", "is needed", "are needed", "must be", "must not", "is a must",
	"there is no excuse", "make no mistake", "the truth is", "in my view", "in fact,",
	"no substitute for", "it is clear that", "it's clear that",
}

// isQuoteMark reports whether r opens or closes a quotation.
func isQuoteMark(r rune) bool {
	switch r {
	case '"', '“', '”', '«', '»', '„':
		return true
	}
	return false
}

// quotedShare is the share of text's letters inside quotation marks.
func quotedShare(text string) float64 {
	in := false
	var inside, all int
	for _, r := range text {
		if isQuoteMark(r) {
			in = !in
			continue
		}
		if r == ' ' {
			continue
		}
		all++
		if in {
			inside++
		}
	}
	if all == 0 {
		return 0
	}
	return float64(inside) / float64(all)
}

// unquoted is text without what is inside quotation marks.
func unquoted(text string) string {
	var sb strings.Builder
	in := false
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		i += n
		if isQuoteMark(r) {
			in = !in
			sb.WriteByte(' ')
			continue
		}
		if !in {
			sb.WriteRune(r)
		}
	}
	return sb.String()
}
