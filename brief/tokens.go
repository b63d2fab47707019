package brief

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/brief-dev/brief/brief/lexicon"
	"github.com/brief-dev/brief/brief/sentences"
	"github.com/brief-dev/brief/brief/stem"
)

// token is one word of a sentence. Every sentence is tokenized once
// (see newModel); the scorer, the actors, the quotations and the
// standalone rule all read the same tokens.
type token struct {
	start, end int    // byte offsets of the word in the sentence text
	text       string // the word as written, without a possessive "'s" ("U.S.", "Russia")
	norm       string // the lookup form: lower case, without dots ("us", "russia")
	stem       string // the scorer's term: norm Porter-stemmed when ASCII, "" for stop words
	gap        string // the text between the previous word and this one
	poss       bool   // the word ended in "'s" or "’s"
	capital    bool   // starts with an upper-case letter
	number     bool   // contains a digit
	stop       bool   // a function word or one too common in news to tell sentences apart
}

// stemCache remembers the stems of the words of one document.
type stemCache map[string]string

func (c stemCache) stem(w string) string {
	if c == nil {
		return stemASCII(w)
	}
	if s, ok := c[w]; ok {
		return s
	}
	s := stemASCII(w)
	c[w] = s
	return s
}

// stemASCII stems lower-case ASCII words; other words are kept as they
// are.
func stemASCII(w string) string {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c < 'a' || c > 'z' {
			return w
		}
	}
	return stem.Porter(w)
}

// isWordRune reports whether r can be part of a word.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// tokenize splits text into words. Apostrophes and hyphens inside a word
// belong to it ("al-Assad", "Russia’s"), so do the dots of abbreviations
// such as "U.S." and the separators of numbers such as "1,000.5". Stems
// are looked up in cache, which may be nil.
func tokenize(text string, cache stemCache) []token {
	toks := make([]token, 0, len(text)/6+1)
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
		if sentences.Unspaced(r) {
			toks = append(toks, unspacedToken(text, start, i, prevEnd, cache))
			prevEnd = i
			continue
		}
		// abbr: the word so far is single capitals joined by dots ("U.S").
		abbr, seg, dots := unicode.IsUpper(r), 1, 0
		digit := isDigitByte(text[start])
		for i < len(text) {
			r, n := utf8.DecodeRuneInString(text[i:])
			if isWordRune(r) && !sentences.Unspaced(r) {
				abbr = abbr && seg == 0 && unicode.IsUpper(r)
				digit = r >= '0' && r <= '9'
				seg++
				i += n
				continue
			}
			if r == '\'' || r == '’' || r == '-' || r == '.' || r == ',' {
				next, m := utf8.DecodeRuneInString(text[i+n:])
				inNumber := (r == '.' || r == ',') && digit && next >= '0' && next <= '9'
				if m > 0 && isWordRune(next) && (r != '.' || abbr || inNumber) && (r != ',' || inNumber) {
					if r == '.' && !inNumber {
						seg, dots = 0, dots+1
					} else if !inNumber {
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
		toks = append(toks, newToken(text, start, i, prevEnd, len(toks) == 0, cache))
		prevEnd = i
	}
	return toks
}

// newToken describes the word text[start:end].
func newToken(text string, start, end, prevEnd int, first bool, cache stemCache) token {
	w := text[start:end]
	t := token{start: start, end: end, gap: text[prevEnd:start]}
	switch {
	case strings.HasSuffix(w, "’s"):
		t.text, t.poss = w[:len(w)-len("’s")], true
	case strings.HasSuffix(w, "'s"):
		t.text, t.poss = w[:len(w)-2], true
	default:
		t.text = w
	}
	t.norm = lexicon.Norm(t.text)
	r, _ := utf8.DecodeRuneInString(t.text)
	t.capital = unicode.IsUpper(r)
	t.number = strings.ContainsAny(t.text, "0123456789")
	t.stop = lexicon.StopWords.Has(t.norm)
	if !t.stop {
		t.stem = cache.stem(t.norm)
	}
	return t
}

// unspacedToken is one character of Chinese or Japanese, text[start:end].
// Its term is the character with the next one, for two-character words
// are the commonest, and a pair of kana alone is a particle or an ending
// (a stop word).
func unspacedToken(text string, start, end, prevEnd int, cache stemCache) token {
	t := token{start: start, end: end, gap: text[prevEnd:start], text: text[start:end], norm: text[start:end]}
	next, n := utf8.DecodeRuneInString(text[end:])
	first, _ := utf8.DecodeRuneInString(t.text)
	kana := func(r rune) bool { return unicode.In(r, unicode.Hiragana) }
	t.stop = n == 0 || !sentences.Unspaced(next) || kana(first) && kana(next)
	if !t.stop {
		t.stem = cache.stem(text[start : end+n])
	}
	return t
}

// readLength is the length of a sentence in words as a reader takes
// them in: a Chinese or Japanese word is about two characters long.
func readLength(toks []token) float64 {
	n := 0.0
	for _, t := range toks {
		if r, _ := utf8.DecodeRuneInString(t.text); sentences.Unspaced(r) {
			n += 0.5
		} else {
			n++
		}
	}
	return n
}

// capitalized reports whether w starts with an upper-case letter, or is a
// name such as "al-Assad" whose particle is lower-case.
func capitalized(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	if unicode.IsUpper(r) {
		return true
	}
	if i := strings.IndexByte(w, '-'); i > 0 && i < len(w)-1 && lexicon.NameParticles.Has(w[:i]) {
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

// normWords returns the lookup forms of the words of text, for matching
// cue phrases.
func normWords(text string) []string { return normsOf(tokenize(text, nil)) }

// normsOf returns the lookup forms of toks.
func normsOf(toks []token) []string {
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.norm
	}
	return out
}

// wordCount is the number of words of text.
func wordCount(text string) int { return len(tokenize(text, nil)) }

func isDigitByte(b byte) bool { return b >= '0' && b <= '9' }
