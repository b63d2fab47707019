package digest

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/brief-dev/brief/brief/stem"
)

// token is one word of a sentence: its byte range in the sentence and how
// it is written.
type token struct {
	start, end int32
	capital    bool // starts with an upper-case letter
	allCaps    bool // two or more letters, all upper-case
	first      bool // the first word of its sentence
	joined     bool // follows the previous word with only spaces between
}

// tokenize appends the words of sentence s to out. Words are runs of
// letters and digits; an apostrophe between letters stays inside a word
// ("don't"); a possessive "'s" is dropped; hyphens and other punctuation
// separate words.
func tokenize(s string, out []token) []token {
	i, end := 0, len(s)
	first := true
	lastEnd := -1
	for i < end {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if !isWordRune(r) {
			i += size
			continue
		}
		ws := i
		upper, lower := 0, 0
		for i < end {
			r, size = rune(s[i]), 1
			if r >= utf8.RuneSelf {
				r, size = utf8.DecodeRuneInString(s[i:])
			}
			if isWordRune(r) {
				if unicode.IsUpper(r) {
					upper++
				} else if unicode.IsLetter(r) {
					lower++
				}
				i += size
				continue
			}
			// An apostrophe between letters stays in the word.
			if (r == '\'' || r == '’') && i+size < end {
				if r2, _ := utf8.DecodeRuneInString(s[i+size:]); unicode.IsLetter(r2) {
					i += size
					continue
				}
			}
			break
		}
		we := i
		// Drop a possessive ending.
		if we-ws > 2 && (s[we-1] == 's' || s[we-1] == 'S') {
			if s[we-2] == '\'' {
				we -= 2
			} else if we-ws > 4 && s[we-4:we-1] == "’" {
				we -= 4
			}
		}
		r0, _ := utf8.DecodeRuneInString(s[ws:we])
		out = append(out, token{
			start:   int32(ws),
			end:     int32(we),
			capital: unicode.IsUpper(r0),
			allCaps: upper >= 2 && lower == 0,
			first:   first,
			joined:  lastEnd >= 0 && onlySpaces(s[lastEnd:ws]),
		})
		first = false
		lastEnd = i
	}
	return out
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return isASCIIAlnum(byte(r))
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func onlySpaces(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] != ' ' {
			return false
		}
	}
	return true
}

func isASCIILetter(c byte) bool { return (c|0x20) >= 'a' && (c|0x20) <= 'z' }

func isASCIIAlnum(c byte) bool { return isASCIILetter(c) || (c >= '0' && c <= '9') }

func lowerASCIIByte(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// lowerInto writes the lower-case form of s into buf.
func lowerInto(buf []byte, s string) []byte {
	buf = buf[:0]
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return append(buf[:0], strings.ToLower(s)...)
		}
		buf = append(buf, lowerASCIIByte(c))
	}
	return buf
}

// sentenceHash is the 64-bit FNV-1a hash of the sentence's letters and
// digits, lower-cased, one space between words: sentences that differ
// only in case, punctuation or spacing hash alike. It is never 0.
func sentenceHash(s string) uint64 {
	const offset, prime = 14695981039346656037, 1099511628211
	h := uint64(offset)
	in, started := false, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '\'' {
			continue // "today's" and "todays" alike
		}
		if c < utf8.RuneSelf && !isASCIIAlnum(c) {
			in = false
			continue
		}
		if !in && started {
			h = (h ^ ' ') * prime
		}
		in, started = true, true
		h = (h ^ uint64(lowerASCIIByte(c))) * prime
	}
	if h == 0 {
		h = 1
	}
	return h
}

// creditTail is how many sentences at the end of an article are tested
// for credit lines, which close an article.
const creditTail = 4

// creditPhrases mark a sentence that credits reporters or asks readers
// for feedback rather than reports. The names in it say who wrote the
// story, not what it is about, and the same reporters cover unrelated
// stories.
var creditPhrases = [...]string{
	"contributed to this report", "contributed reporting", "contributed to this story",
	"wrote this story", "wrote the story", "wrote this report", "reporting by", "editing by",
	"share your thoughts", "follow us on", "join the conversation",
}

// isCredit reports whether sentence s is a credit line: it holds one of
// creditPhrases, or it opens with "CNN's" or "Journalist" and says who
// "reported from" where.
func isCredit(s string) bool {
	if len(s) > 400 || !mayBeCredit(s) {
		return false
	}
	low := strings.ToLower(s)
	for _, p := range creditPhrases {
		if strings.Contains(low, p) {
			return true
		}
	}
	return strings.Contains(low, "reported from") &&
		(strings.HasPrefix(low, "cnn's") || strings.HasPrefix(low, "journalist"))
}

// mayBeCredit is a fast test that rules out most sentences before
// isCredit lowers them: each credit phrase holds one of these.
func mayBeCredit(s string) bool {
	for _, p := range [...]string{"ontribut", "rote th", "eporting by", "diting by", "hare your", "ollow us", "oin the conversation", "eported from"} {
		if strings.Contains(s, p) {
			return true
		}
	}
	return false
}

// keepWord reports whether the lower-case word w is a content word: not a
// stop word, and three letters or more (two characters or more for a
// word with a digit).
func keepWord(w string) bool {
	if _, stop := stopwords[w]; stop {
		return false
	}
	if strings.ContainsAny(w, "0123456789") {
		return len(w) >= 2
	}
	return utf8.RuneCountInString(w) >= 3
}

// keepName reports whether a single capitalised word (lower-cased) is
// worth a name term of its own: two letters or more.
func keepName(lw string) bool {
	letters := 0
	for i := 0; i < len(lw); i++ {
		if c := lw[i]; c >= utf8.RuneSelf || isASCIILetter(c) {
			letters++
		}
	}
	return letters >= 2
}

// stemWord stems lower-case ASCII words with the Porter stemmer that
// ROUGE and the scorer use; other words are kept as they are.
func stemWord(w string) string {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c < 'a' || c > 'z' {
			return w
		}
	}
	return stem.Porter(w)
}
