package sentences

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Split splits body text into sentences the way a careful reader
// would. Line breaks inside a sentence become spaces and runs of white space
// collapse to one space; a blank line always ends a sentence. The returned
// sentences are trimmed and never empty. Empty or blank text gives none.
//
// In Chinese and Japanese, written without spaces, a sentence ends after
// 。！？ (and their half- and full-width forms) and any closing quotation
// marks, unless it goes on inside a quotation or after one (「…。」と).
//
// Otherwise a full stop ends a sentence only when the next word starts
// with a capital letter or a letter of a script without case (Korean,
// Arabic), and not after a title (Mr., Sen., Gen.), a name initial (John
// F. Kennedy) or, unless the next word is one that typically opens a
// sentence (The, He, It, But, …), after an abbreviation (U.S., Co.,
// Jan.).
// Numbers ($100.00), URLs and e-mail addresses, ellipses, closing quotation
// marks and parentheses, "?!" runs, bulleted and numbered lists are handled.
// The work is linear in the length of the text.
func Split(text string) []string {
	toks := tokenize(text)
	if len(toks) == 0 {
		return nil
	}
	s := splitter{toks: toks}
	var out []string
	for _, r := range s.ranges() {
		out = append(out, joinTokens(toks[r[0]:r[1]]))
	}
	return out
}

// token is a run of non-space text.
type token struct {
	text string
	// para is set when a blank line precedes the token.
	para bool
	// glued is set when the token was cut from a longer word at a sentence
	// boundary with no space after it, as in "world.Today".
	glued bool
}

// tokenize cuts text into tokens at white space, noting blank lines, and
// cuts words that run two sentences together.
func tokenize(text string) []token {
	toks := make([]token, 0, strings.Count(text, " ")+strings.Count(text, "\n")+1)
	breaks := 0 // line breaks in the current run of white space
	for i := 0; i < len(text); {
		r, w := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			switch r {
			case '\n', '\u2028', '\v':
				breaks++
			case '\r':
				if !strings.HasPrefix(text[i+1:], "\n") {
					breaks++
				}
			case '\f', '\u2029':
				breaks += 2
			}
			i += w
			continue
		}
		j := i + w
		for j < len(text) {
			r, w := utf8.DecodeRuneInString(text[j:])
			if unicode.IsSpace(r) {
				break
			}
			j += w
		}
		toks = appendWord(toks, text[i:j], breaks >= 2)
		breaks = 0
		i = j
	}
	return toks
}

// appendWord appends word as one token, or as several when sentences run
// together in it without a space ("Tuesday.Mr.", "1,000.That").
func appendWord(toks []token, word string, para bool) []token {
	if isAddress(word) {
		return append(toks, token{text: word, para: para})
	}
	start := 0 // start of the current piece
	wordStart := -1
	inWord := false
	depth := 0 // quotation marks and brackets open in the current piece
	for i := 0; i < len(word); {
		r, w := utf8.DecodeRuneInString(word[i:])
		if r >= 0x80 || r == '.' || r == '!' || r == '?' {
			if j := unspacedCut(word, i, depth); j > 0 {
				toks = append(toks, token{text: word[start:j], para: para, glued: start > 0})
				para, start, i, depth, inWord = false, j, j, 0, false
				continue
			}
		}
		depth = quoteStep(depth, r)
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if !inWord {
				wordStart, inWord = i, true
			}
			i += w
			continue
		case r == '.' || r == '?' || r == '!':
			j := i
			for j < len(word) && (word[j] == '.' || word[j] == '?' || word[j] == '!') {
				j++
			}
			j = skipClosers(word, j)
			depth = quoteDepth(depth, word[i:j])
			if inWord && wordStart >= start && endsGlued(word[wordStart:i]) && upperThenLower(word[j:]) {
				toks = append(toks, token{text: word[start:j], para: para, glued: start > 0})
				para, start, depth = false, j, 0
			}
			inWord = false
			i = j
			continue
		}
		inWord = false
		i += w
	}
	return append(toks, token{text: word[start:], para: para, glued: start > 0})
}

// endsGlued reports whether w, the letters or digits right before a full
// stop with no space after it, can end a sentence: a number, or a word of
// two or more letters ending in a lower-case one that is no abbreviation.
func endsGlued(w string) bool {
	last, _ := utf8.DecodeLastRuneInString(w)
	if unicode.IsDigit(last) {
		return true
	}
	return utf8.RuneCountInString(w) >= 2 && unicode.IsLower(last) && !isTitleAbbrev(w) && !isAbbreviation(w)
}

// upperThenLower reports whether s starts with an upper-case letter
// followed by a lower-case one.
func upperThenLower(s string) bool {
	r, w := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(r) {
		return false
	}
	r, _ = utf8.DecodeRuneInString(s[w:])
	return unicode.IsLower(r)
}

// isAddress reports whether word looks like a URL or an e-mail address,
// whose full stops never end a sentence.
func isAddress(word string) bool {
	return strings.Contains(word, "@") || strings.Contains(word, "://") ||
		strings.HasPrefix(word, "www.") || strings.HasPrefix(word, "WWW.")
}

// joinTokens joins the tokens of one sentence with single spaces.
func joinTokens(toks []token) string {
	if len(toks) == 1 {
		return toks[0].text
	}
	n := len(toks) - 1
	for _, t := range toks {
		n += len(t.text)
	}
	var b strings.Builder
	b.Grow(n)
	for i, t := range toks {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.text)
	}
	return b.String()
}
