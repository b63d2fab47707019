package brief

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/brief-dev/brief/brief/stem"
)

// word is one word of a sentence as the scorer sees it.
type word struct {
	stem    string // lower-case, Porter-stemmed when ASCII
	capital bool   // starts with an upper-case letter
	number  bool   // contains a digit
	stop    bool   // a function word
	first   bool   // the first word of the sentence
}

// stemCache remembers the stems of the words of one document.
type stemCache map[string]string

func (c stemCache) stem(lw string) string {
	if c == nil {
		return stemAny(lw)
	}
	if s, ok := c[lw]; ok {
		return s
	}
	s := stemAny(lw)
	c[lw] = s
	return s
}

// words splits text into words: runs of letters and digits, with
// apostrophes, hyphens and the separators in numbers such as 1,000.5 kept
// inside. Possessive endings are dropped. Stems are looked up in cache
// (which may be nil).
func words(text string, cache stemCache) []word {
	out := make([]word, 0, len(text)/5+1)
	start := -1
	flush := func(end int) {
		if start < 0 {
			return
		}
		w := strings.Trim(text[start:end], "'’-.,")
		start = -1
		if w == "" {
			return
		}
		w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
		r, _ := utf8.DecodeRuneInString(w)
		lw := lowerASCII(w)
		stop := isStopWord(lw)
		stem := lw
		if !stop {
			stem = cache.stem(lw)
		}
		out = append(out, word{
			stem:    stem,
			capital: unicode.IsUpper(r),
			number:  strings.ContainsAny(w, "0123456789"),
			stop:    stop,
			first:   len(out) == 0,
		})
	}
	for i, r := range text {
		inner := r == '\'' || r == '’' || r == '-' || ((r == '.' || r == ',') && start >= 0 && i > 0 && isDigitByte(text[i-1]))
		if unicode.IsLetter(r) || unicode.IsDigit(r) || (inner && start >= 0) {
			if start < 0 {
				start = i
			}
			continue
		}
		flush(i)
	}
	flush(len(text))
	return out
}

// lowerASCII is strings.ToLower without the allocation for words that are
// already lower-case ASCII.
func lowerASCII(w string) string {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= 0x80 || (c >= 'A' && c <= 'Z') {
			return strings.ToLower(w)
		}
	}
	return w
}

func isDigitByte(b byte) bool { return b >= '0' && b <= '9' }

// stemAny stems lower-case ASCII words; other words are kept as they are.
func stemAny(lw string) string {
	for i := 0; i < len(lw); i++ {
		if c := lw[i]; c < 'a' || c > 'z' {
			return lw
		}
	}
	return stem.Porter(lw)
}

// isStopWord reports whether lw (lower-case) is an English function word
// or a word too common in news to tell sentences apart.
func isStopWord(lw string) bool {
	switch lw {
	case "a", "about", "after", "again", "against", "all", "also", "am", "an", "and", "any",
		"are", "as", "at", "be", "because", "been", "before", "being", "between", "both",
		"but", "by", "can", "could", "did", "do", "does", "doing", "down", "during", "each",
		"few", "for", "from", "further", "had", "has", "have", "having", "he", "her", "here",
		"hers", "herself", "him", "himself", "his", "how", "i", "if", "in", "into", "is", "it",
		"its", "itself", "just", "me", "more", "most", "my", "myself", "no", "nor", "not", "now",
		"of", "off", "on", "once", "one", "only", "or", "other", "our", "ours", "ourselves",
		"out", "over", "own", "said", "same", "says", "say", "she", "should", "so", "some",
		"such", "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there",
		"these", "they", "this", "those", "through", "to", "too", "under", "until", "up", "us",
		"very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom",
		"why", "will", "with", "would", "you", "your", "yours", "yourself", "yourselves",
		"told", "according", "mr", "mrs", "ms",
		"may", "might", "must", "de", "s", "t", "it's", "don't", "didn't":
		return true
	}
	return false
}
