package brief

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// wordTok is one word of a sentence.
type wordTok struct {
	start, end int    // byte offsets of the word in the sentence text
	word       string // the word, without a possessive "'s"
	k          string // key(word), the lookup form
	poss       bool   // the word ended in "'s" or "’s"
	gap        string // the text between the previous word and this one
}

// isWordRune reports whether r can be part of a word.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// wordToks splits text into words. Apostrophes and hyphens inside a word
// belong to it ("al-Assad", "Russia’s"), and so do the dots of
// abbreviations such as "U.S.".
func wordToks(text string) []wordTok {
	toks := make([]wordTok, 0, len(text)/6+1)
	prevEnd := 0
	i := 0
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			i += n
			continue
		}
		start := i
		i += n
		// abbr: the word so far is single capitals joined by dots ("U.S").
		abbr, seg, dots := unicode.IsUpper(r), 1, 0
		for i < len(text) {
			r, n := utf8.DecodeRuneInString(text[i:])
			if isWordRune(r) {
				abbr = abbr && seg == 0 && unicode.IsUpper(r)
				seg++
				i += n
				continue
			}
			if r == '\'' || r == '’' || r == '-' || r == '.' {
				next, m := utf8.DecodeRuneInString(text[i+n:])
				if m > 0 && isWordRune(next) && (r != '.' || abbr) {
					if r == '.' {
						seg, dots = 0, dots+1
					} else {
						abbr = false
					}
					i += n
					continue
				}
				if r == '.' && abbr && dots > 0 {
					i += n // the closing dot of "U.S."
				}
			}
			break
		}
		w := text[start:i]
		t := wordTok{start: start, end: i, gap: text[prevEnd:start]}
		switch {
		case strings.HasSuffix(w, "’s"):
			t.word, t.poss = w[:len(w)-len("’s")], true
		case strings.HasSuffix(w, "'s"):
			t.word, t.poss = w[:len(w)-2], true
		default:
			t.word = w
		}
		t.k = key(t.word)
		toks = append(toks, t)
		prevEnd = i
	}
	return toks
}

// capitalized reports whether w starts with an upper-case letter, or is a
// name such as "al-Assad" whose particle is lower-case.
func capitalized(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	if unicode.IsUpper(r) {
		return true
	}
	if i := strings.IndexByte(w, '-'); i > 0 && i < len(w)-1 && nameParticles[w[:i]] {
		r, _ := utf8.DecodeRuneInString(w[i+1:])
		return unicode.IsUpper(r)
	}
	return false
}

// allCaps reports whether w is an acronym: two to six upper-case letters.
func allCaps(w string) bool {
	n := 0
	for _, r := range w {
		if !unicode.IsUpper(r) {
			return false
		}
		n++
	}
	return n >= 2 && n <= 6
}

// key is the lookup form of a word: lower case, without dots.
func key(w string) string {
	return strings.ToLower(strings.ReplaceAll(w, ".", ""))
}

// lowerWordsOf returns the lower-case words of text, for matching cue phrases.
func lowerWordsOf(text string) []string { return lowerOf(wordToks(text)) }

// lowerOf returns the lower-case words of toks.
func lowerOf(toks []wordTok) []string {
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = strings.ToLower(t.word)
		if !strings.Contains(t.word, ".") {
			out[i] = t.k
		}
	}
	return out
}
