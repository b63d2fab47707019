package sentences

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// splitter decides, gap by gap, where sentences end in a token stream.
type splitter struct {
	toks []token

	start int // first token of the current sentence

	// next list marker expected in the current paragraph, if any
	listStyle int
	listNext  int

	// the current run of stand-alone dots (". . .") is toks[grpFrom:grpEnd]
	grpFrom, grpEnd int
	grpSplitAfter   bool
}

// ranges returns the token ranges [start, end) of the sentences.
func (s *splitter) ranges() [][2]int {
	var out [][2]int
	n := len(s.toks)
	s.startSentence(0)
	for i := 0; i < n-1; i++ {
		if s.endsAfter(i) {
			out = append(out, [2]int{s.start, i + 1})
			s.startSentence(i + 1)
		}
	}
	return append(out, [2]int{s.start, n})
}

// startSentence records that a sentence begins at token i and notes a list
// marker there.
func (s *splitter) startSentence(i int) {
	s.start = i
	if s.toks[i].para || i == 0 {
		s.listStyle = 0
	}
	if style, v, ok := s.markerAt(i); ok {
		s.listStyle, s.listNext = style, v+1
	}
}

// markerAt returns the list marker at token i ("2.", "b.", "•3."), or the
// one after a bare bullet ("• 3.").
func (s *splitter) markerAt(i int) (style, value int, ok bool) {
	if isBullet(s.toks[i].text) && i+1 < len(s.toks) && !s.toks[i+1].para {
		i++
	}
	return listMarker(s.toks[i].text)
}

// endsAfter reports whether a sentence ends after token i.
func (s *splitter) endsAfter(i int) bool {
	cur, next := s.toks[i], s.toks[i+1]
	if next.para || next.glued {
		return true
	}
	if startsWithBullet(next.text) {
		return true
	}
	if s.listStyle != 0 && i+2 < len(s.toks) && !s.toks[i+2].para {
		if style, v, ok := listMarker(next.text); ok && style == s.listStyle && v == s.listNext &&
			classify(s.toks[i+2].text) == upper {
			return true
		}
	}
	if isBullet(cur.text) {
		return false
	}
	if _, _, ok := s.markerAt(s.start); ok && (i == s.start || i == s.start+1 && isBullet(s.toks[s.start].text)) {
		return false
	}
	inDots := i >= s.grpFrom && i < s.grpEnd
	if !inDots && isDots(cur.text) {
		// Dots with no word before them, as at the start of a sentence
		// (". . . The practice"), belong to what follows.
		s.openDots(i)
		inDots = true
	}
	if inDots {
		return i == s.grpEnd-1 && s.grpSplitAfter
	}
	if isDots(next.text) {
		return s.openDots(i + 1)
	}
	return s.endsAtWord(i)
}

// openDots records the run of stand-alone dot tokens starting at token
// from, decides whether a sentence ends right before it, and whether one
// ends right after it.
//
// A word with its own full stop followed by a spaced three-dot ellipsis and
// a capital ("compounds. . . . The") ends before the ellipsis, which opens
// the next sentence. Otherwise the dots stay with the words before them and
// end the sentence when followed by a capital, except a plain three-dot
// ellipsis before "I".
func (s *splitter) openDots(from int) bool {
	end, dots := from, 0
	for end < len(s.toks) && (end == from || !s.toks[end].para && !s.toks[end].glued) && isDots(s.toks[end].text) {
		dots += countDots(s.toks[end].text)
		end++
	}
	s.grpFrom, s.grpEnd, s.grpSplitAfter = from, end, false
	capital := end < len(s.toks) && !s.toks[end].para && classify(s.toks[end].text) == upper
	if from == s.start || !capital {
		return false
	}
	_, term := terminal(s.toks[from-1].text)
	if term == "." && dots == 3 {
		return true
	}
	total := dots + countDots(term)
	s.grpSplitAfter = total != 3 || !isPronounI(s.toks[end].text)
	return false
}

// endsAtWord decides whether a sentence ends after token i, a word, given
// the token after it.
func (s *splitter) endsAtWord(i int) bool {
	cur, next := s.toks[i].text, s.toks[i+1].text
	if strings.Contains(cur, "...]") || strings.Contains(cur, "…]") {
		return false // an elision mark inside a quotation
	}
	word, term := terminal(cur)
	if strings.ContainsFunc(term, isFullStop) {
		return true
	}
	if c := classify(next); term == "" || c != upper && c != uncased {
		return false
	}
	if strings.ContainsAny(term, "?!") {
		return true
	}
	if dots := countDots(term); dots > 1 {
		return dots > 3 || !isPronounI(next)
	}
	word = lastWord(word)
	switch {
	case word == "":
		return true
	case isTitleAbbrev(word):
		return false
	case isTimeOfDay(word):
		return opensSentence(next) && !s.frontedTime(i)
	case word == "I" && (i == s.start || !startsUpper(trimOpeners(s.toks[i-1].text))):
		return true // the pronoun, as in "you and I."
	case isAbbreviation(word) || isInitialism(word) || isLetter(word):
		return opensSentence(next)
	}
	return true
}

// frontedTime reports whether the sentence so far, up to token i, is only
// an adverbial of time such as "At 5 a.m.", which a clause must follow.
func (s *splitter) frontedTime(i int) bool {
	if i-s.start > 3 {
		return false
	}
	switch trimOpeners(s.toks[s.start].text) {
	case "At", "By", "Before", "After", "Until", "Till", "From", "Since", "Around", "About", "Shortly":
		return true
	}
	return false
}

// Letter classes of the first letter or digit of a token.
const (
	other = iota
	upper
	lower
	digit
	uncased // a letter of a script without case: 東, 한, ب
)

// classify returns the class of the first character of tok after any
// opening quotation marks or brackets.
func classify(tok string) int {
	r, _ := utf8.DecodeRuneInString(trimOpeners(tok))
	switch {
	case unicode.IsUpper(r):
		return upper
	case unicode.IsLower(r):
		return lower
	case unicode.IsDigit(r):
		return digit
	case unicode.IsLetter(r):
		return uncased
	}
	return other
}

// startsUpper reports whether s starts with an upper-case letter.
func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// isOpener reports whether r opens a quotation or a bracket.
func isOpener(r rune) bool {
	switch r {
	case '"', '\'', '“', '‘', '„', '«', '‹', '(', '[', '{', '¿', '¡',
		'「', '『', '（', '【', '〈', '《', '〔', '［', '｛', '〖':
		return true
	}
	return false
}

// isCloser reports whether r closes a quotation or a bracket.
func isCloser(r rune) bool {
	switch r {
	case '"', '\'', '”', '’', '»', '›', ')', ']', '}',
		'」', '』', '）', '】', '〉', '》', '〕', '］', '｝', '〗', '＂':
		return true
	}
	return false
}

// trimOpeners removes opening quotation marks and brackets from the start
// of s.
func trimOpeners(s string) string {
	return strings.TrimLeftFunc(s, isOpener)
}

// skipClosers returns the index of the first character at or after i in s
// that is not a closing quotation mark or bracket.
func skipClosers(s string, i int) int {
	for i < len(s) {
		r, w := utf8.DecodeRuneInString(s[i:])
		if !isCloser(r) {
			break
		}
		i += w
	}
	return i
}

// terminal splits tok, without its closing quotation marks and brackets,
// into the word and its final run of sentence punctuation (".", "?!", "...").
func terminal(tok string) (word, term string) {
	body := strings.TrimRightFunc(tok, isCloser)
	word = strings.TrimRightFunc(body, isTerminal)
	return word, body[len(word):]
}

// isTerminal reports whether r can end a sentence.
func isTerminal(r rune) bool {
	return r == '.' || r == '?' || r == '!' || r == '…' || r == '．' || isFullStop(r)
}

// countDots counts the full stops in s, an ellipsis character as three.
func countDots(s string) int {
	return strings.Count(s, ".") + 3*strings.Count(s, "…")
}

// isDots reports whether tok is only dots, with any quotation marks or
// brackets around them, as in the spaced ellipsis ". . .".
func isDots(tok string) bool {
	if strings.HasPrefix(tok, "[") {
		return false
	}
	body := strings.TrimRightFunc(trimOpeners(tok), isCloser)
	return body != "" && strings.Trim(body, ".…") == ""
}

// isPronounI reports whether tok is the pronoun "I" (or "I'm", "I’d", …).
func isPronounI(tok string) bool {
	tok = trimOpeners(tok)
	if !strings.HasPrefix(tok, "I") {
		return false
	}
	r, _ := utf8.DecodeRuneInString(tok[1:])
	return !unicode.IsLetter(r)
}

// leadingWord returns the letters at the start of tok after any opening
// quotation marks or brackets.
func leadingWord(tok string) string {
	tok = trimOpeners(tok)
	i := strings.IndexFunc(tok, func(r rune) bool { return !unicode.IsLetter(r) })
	if i < 0 {
		return tok
	}
	return tok[:i]
}

// lastWord returns the letters, digits and inner full stops at the end of
// s: "U.S" in "(CNN)U.S", "Ariz" in "R-Ariz".
func lastWord(s string) string {
	i := strings.LastIndexFunc(s, func(r rune) bool {
		return r != '.' && r != '\'' && r != '’' && !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	if i < 0 {
		return s
	}
	_, w := utf8.DecodeRuneInString(s[i:])
	return s[i+w:]
}

// isLetter reports whether w is a single letter of a script with case,
// such as an initial.
func isLetter(w string) bool {
	r, n := utf8.DecodeRuneInString(w)
	return n == len(w) && (unicode.IsUpper(r) || unicode.IsLower(r))
}

// isInitialism reports whether w is letters joined by full stops, such as
// "U.S", "a.m", "e.g" or "Ph.D" (its final full stop removed).
func isInitialism(w string) bool {
	if !strings.Contains(w, ".") {
		return false
	}
	for part := range strings.SplitSeq(w, ".") {
		n := 0
		for _, r := range part {
			if !unicode.IsLetter(r) {
				return false
			}
			n++
		}
		if n == 0 || n > 2 {
			return false
		}
	}
	return true
}

// isTimeOfDay reports whether w is "a.m" or "p.m" in either case.
func isTimeOfDay(w string) bool {
	return strings.EqualFold(w, "a.m") || strings.EqualFold(w, "p.m")
}

// listMarker parses a list item marker such as "1.", "2.)", "3)", "a." or
// "b)", with any leading bullets ("•9.", "⁃10."). The style tells the forms
// apart; the value is the item number (letters count from 1).
func listMarker(tok string) (style, value int, ok bool) {
	tok = strings.TrimLeftFunc(tok, isBulletRune)
	n := 0
	for n < len(tok) && n < 4 && tok[n] >= '0' && tok[n] <= '9' {
		value = value*10 + int(tok[n]-'0')
		n++
	}
	switch {
	case n > 0 && n <= 3:
		switch tok[n:] {
		case ".":
			return 1, value, true
		case ".)":
			return 2, value, true
		case ")":
			return 3, value, true
		}
	case n == 0 && len(tok) == 2 && tok[0] >= 'a' && tok[0] <= 'z':
		switch tok[1] {
		case '.':
			return 4, int(tok[0]-'a') + 1, true
		case ')':
			return 5, int(tok[0]-'a') + 1, true
		}
	}
	return 0, 0, false
}

// isBulletRune reports whether r is a list bullet.
func isBulletRune(r rune) bool {
	switch r {
	case '•', '‣', '⁃', '◦', '▪', '▫', '●', '○', '■', '□':
		return true
	}
	return false
}

// startsWithBullet reports whether tok starts with a list bullet.
func startsWithBullet(tok string) bool {
	r, _ := utf8.DecodeRuneInString(tok)
	return isBulletRune(r)
}

// isBullet reports whether tok is only bullets.
func isBullet(tok string) bool {
	return tok != "" && strings.TrimLeftFunc(tok, isBulletRune) == ""
}
