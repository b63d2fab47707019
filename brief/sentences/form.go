package sentences

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// minWords is the fewest words (in Chinese and Japanese, characters) a
// sentence or a list item needs to say something.
const minWords = 5

// Complete reports whether text reads as a full sentence that states
// something: it has a few words (in Chinese and Japanese, characters: see
// [WordCount]), starts with a capital, a letter of a script without
// case, a digit or a quotation mark, and ends with sentence punctuation
// other than a question mark. Headings, fragments and questions fail; a
// quoted question with its speaker (“Why now?” she asked.) ends with
// the attribution and passes. So do signposts, which announce what
// follows instead of saying it ("Here are the key points:"), and a text
// that trails off in an ellipsis.
func Complete(text string) bool {
	if WordCount(text) < minWords || signpost(text) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text)
	uncased := unicode.IsLetter(r) && !unicode.IsLower(r)
	if !uncased && !unicode.IsDigit(r) && !opensQuote(r) {
		return false
	}
	t := strings.TrimSpace(text)
	if strings.HasSuffix(t, "...") || strings.HasSuffix(t, "…") {
		return false // trails off: "…what a time to be alive ..."
	}
	last, _ := utf8.DecodeLastRuneInString(t)
	return strings.ContainsRune(".!”\"’)。！｡」』）", last)
}

// signpostOpeners open a sentence that points at what follows it.
var signpostOpeners = [...]string{"Here are ", "Here is ", "Here's ", "Here’s ", "Below are ", "Below is "}

// signpost reports whether text announces what follows: it opens with
// "Here are" or "Below is", or ends with a colon (a stray full stop
// after it, as in "…bombings: .", is the colon's).
func signpost(text string) bool {
	for _, o := range signpostOpeners {
		if strings.HasPrefix(text, o) {
			return true
		}
	}
	text = strings.TrimRight(strings.TrimSpace(text), ". ")
	return strings.HasSuffix(text, ":")
}

// Item reports whether text, less a list marker, has a few words and
// starts with a letter, a digit or a quotation mark: a line of a list or
// a changelog that says something, with or without a capital or closing
// punctuation.
func Item(text string) bool {
	text = TrimMarker(text)
	if WordCount(text) < minWords {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text)
	return unicode.IsLetter(r) || unicode.IsDigit(r) || opensQuote(r)
}

// TrimMarker returns text without a leading list marker ("+ ", "- ",
// "• ", "> ").
func TrimMarker(text string) string {
	return strings.TrimLeftFunc(text, func(r rune) bool { return strings.ContainsRune("+-*•·–—‣▪►✓✔> ", r) })
}

// opensQuote reports whether r opens a quotation or a title.
func opensQuote(r rune) bool {
	return unicode.Is(unicode.Pi, r) || strings.ContainsRune("\"'「『《【〈（", r)
}

// QuotedShare returns the share of the words of text that sit inside
// quotation marks (0 for an empty text).
func QuotedShare(text string) float64 {
	total, inside := 0, 0
	in, inWord := false, false
	for _, r := range text {
		switch r {
		case '“':
			in = true
			continue
		case '”':
			in = false
			continue
		case '"':
			in = !in
			continue
		}
		letter := r != ' ' && r != '\t' && r != '\n'
		if letter && !inWord {
			total++
			if in {
				inside++
			}
		}
		inWord = letter
	}
	if total == 0 {
		return 0
	}
	return float64(inside) / float64(total)
}

// leadConnectives point back to the sentence before; a bullet drops them.
var leadConnectives = []string{
	"But ", "And ", "However, ", "However ", "Also, ", "Yet ", "So ", "Still, ", "Meanwhile, ",
	"Moreover, ", "Furthermore, ", "In addition, ", "Instead, ", "Nevertheless, ",
	"Nonetheless, ", "Besides, ", "Indeed, ", "Thus, ", "Therefore, ", "Then, ", "Again, ",
}

// DropConnective removes one leading connective that points back to the
// sentence before ("But ", "However, ", "Now " before a subject) from
// text and capitalises what follows; it reports whether there was one.
func DropConnective(text string) (string, bool) {
	for _, c := range leadConnectives {
		if strings.HasPrefix(text, c) && len(text) > len(c) {
			return upperFirst(text[len(c):]), true
		}
	}
	if rest, ok := strings.CutPrefix(text, "Now "); ok && startsSubject(rest) {
		return upperFirst(rest), true
	}
	return text, false
}

// subjectOpeners are the lower-case words that may open a sentence's
// subject after "Now": "Now the minister…", "Now you know…" (but "Now
// is the time…" keeps its "Now").
var subjectOpeners = []string{"the", "a", "an", "this", "that", "these", "those", "he", "she", "it", "we", "you", "they", "i", "there"}

// startsSubject reports whether text opens with a capitalised word or one
// of subjectOpeners.
func startsSubject(text string) bool {
	w, _, _ := strings.Cut(text, " ")
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) || slices.Contains(subjectOpeners, w)
}

// upperFirst returns s with its first letter in upper case.
func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if unicode.IsLower(r) {
		return string(unicode.ToUpper(r)) + s[n:]
	}
	return s
}

// BalancedQuotes reports whether every quotation mark in text is matched
// within it, so the text can be shown on its own.
func BalancedQuotes(text string) bool {
	return strings.Count(text, "“") == strings.Count(text, "”") &&
		strings.Count(text, `"`)%2 == 0
}

// WholeQuotation reports whether text is one quotation and nothing else
// ("“Did you ever…?”"): as a bullet it would not say who spoke. Such
// sentences belong to the statements.
func WholeQuotation(text string) bool {
	t := strings.TrimRight(text, " .")
	open, _ := utf8.DecodeRuneInString(t)
	closing, _ := utf8.DecodeLastRuneInString(t)
	if !(open == '“' && closing == '”' || open == '"' && closing == '"') {
		return false
	}
	inner := t[utf8.RuneLen(open) : len(t)-utf8.RuneLen(closing)]
	return !strings.ContainsAny(inner, "“”\"")
}
