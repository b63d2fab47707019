package sentences

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Chinese and Japanese are written without spaces between words or
// sentences: a sentence ends at an ideographic full stop (。), a
// full-width exclamation or question mark (！？) or the half-width and
// full-width forms of the full stop (｡．), whatever follows. This file
// holds what the splitter and the word counts need to know about them.

// Unspaced reports whether r is a character of a script written without
// spaces between words: Han ideographs (Chinese, Japanese kanji),
// Hiragana, Katakana (full- and half-width) and Bopomofo. Hangul is
// written with spaces and is not one.
func Unspaced(r rune) bool {
	if r < 0x2E80 {
		return false
	}
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Bopomofo) ||
		r == 'ー' || r == 'ｰ' || r == '々' || r == '〆'
}

// WordCount returns the number of words in text as the rules on sentence
// length count them: runs of characters between spaces, except that
// every character of a script written without spaces ([Unspaced]) is a
// word of its own. "Talks resume today." is 3 words; "会談は今日再開する。"
// is 9.
func WordCount(text string) int {
	n := 0
	for _, f := range strings.Fields(text) {
		n += fieldWords(f)
	}
	return n
}

// fieldWords counts the words of one space-free run of text: 1, or, when
// it holds unspaced characters, one for each of them and one for each
// run of other characters that has a letter or digit.
func fieldWords(f string) int {
	unspaced, runs := 0, 0
	inRun, runHasWord := false, false
	for _, r := range f {
		if Unspaced(r) {
			unspaced++
			if inRun && runHasWord {
				runs++
			}
			inRun, runHasWord = false, false
			continue
		}
		inRun = true
		runHasWord = runHasWord || unicode.IsLetter(r) || unicode.IsDigit(r)
	}
	if unspaced == 0 {
		return 1
	}
	if inRun && runHasWord {
		runs++
	}
	return unspaced + runs
}

// isFullStop reports whether r ends a sentence wherever it stands: the
// ideographic full stop and the full-width exclamation and question
// marks, and the Arabic question mark and Devanagari danda, which are
// not used inside sentences either.
func isFullStop(r rune) bool {
	switch r {
	case '。', '｡', '！', '？', '؟', '।', '॥':
		return true
	}
	return false
}

// quoteParticles are the words of Japanese that continue a sentence
// after a closing quotation mark: 「…。」と述べた (he said "…").
var quoteParticles = []string{"と", "って", "とい", "など", "との", "という", "、", "，", "･", "・"}

// unspacedCut returns where a sentence ends within word at the
// terminator that starts at i, or -1: after the run of terminators and
// the closing marks that follow them, when more text follows in the same
// word, the terminator is not inside a quotation or bracket (depth is
// how many the sentence so far has left open), and what follows does not
// continue the sentence (a Japanese quotative particle, a comma).
//
// A full-width full stop (．) or an ASCII one (.!?) between two
// characters of an unspaced script counts as well; a full-width one
// between digits (３．５) does not.
func unspacedCut(word string, i, depth int) int {
	r, w := utf8.DecodeRuneInString(word[i:])
	before, _ := utf8.DecodeLastRuneInString(word[:i])
	switch {
	case isFullStop(r):
	case r == '．':
		if unicode.IsDigit(before) {
			return -1
		}
	case r == '.' || r == '!' || r == '?':
		if !Unspaced(before) {
			return -1
		}
	default:
		return -1
	}
	j := i + w
	for j < len(word) {
		r, w := utf8.DecodeRuneInString(word[j:])
		if !isFullStop(r) && r != '．' && r != '.' && r != '!' && r != '?' && r != '…' {
			break
		}
		j += w
	}
	j = skipClosers(word, j)
	if j >= len(word) || quoteDepth(depth, word[i:j]) > 0 {
		return -1
	}
	next, _ := utf8.DecodeRuneInString(word[j:])
	if (r == '．' || r == '.' || r == '!' || r == '?') && !Unspaced(next) && !isOpener(next) {
		return -1
	}
	for _, p := range quoteParticles {
		if strings.HasPrefix(word[j:], p) {
			return -1
		}
	}
	return j
}

// quoteDepth returns how many quotation marks and brackets are open
// after s, when d were open before it. Straight quotes, which open and
// close alike, are not counted.
func quoteDepth(d int, s string) int {
	for _, r := range s {
		d = quoteStep(d, r)
	}
	return d
}

// quoteStep returns how many quotation marks and brackets are open after
// r, when d were open before it.
func quoteStep(d int, r rune) int {
	switch {
	case r == '"' || r == '\'' || r == '＂':
	case isOpener(r):
		d++
	case isCloser(r) && d > 0:
		d--
	}
	return d
}
