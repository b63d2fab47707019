package stem

// Porter returns the Porter stem of word, which must be lower-case ASCII
// (other bytes count as consonants). It follows M. F. Porter, "An
// algorithm for suffix stripping" (1980), with the small extensions of
// NLTK's default mode, which the rouge-score package uses: a few
// irregular forms are kept whole, words of one or two letters are
// returned unchanged, "ties"/"tied" keep their "ie", y becomes i only
// after a consonant, "-bli", "-fulli" and "-logi" are
// shortened in step 2, and a two-letter vowel-consonant stem counts as
// consonant-vowel-consonant ("used" → "use").
func Porter(word string) string {
	if len(word) <= 2 {
		return word
	}
	switch word {
	case "sky", "skies":
		return "sky"
	case "dying":
		return "die"
	case "lying":
		return "lie"
	case "tying":
		return "tie"
	case "news", "howe", "proceed", "exceed", "succeed", "inning", "outing", "canning":
		return word
	case "innings", "outings", "cannings":
		return word[:len(word)-1]
	}
	var buf [32]byte
	s := stemmer{b: append(buf[:0], word...)}
	s.step1a()
	s.step1b()
	s.step1c()
	s.step2()
	s.step3()
	s.step4()
	s.step5()
	if string(s.b) == word {
		return word
	}
	return string(s.b)
}

// stemmer holds the word being stemmed; j marks the end of the stem
// (exclusive) after a successful ends test.
type stemmer struct {
	b []byte
	j int
}

// cons reports whether b[i] is a consonant: not a, e, i, o, u, and not a
// y that follows a consonant.
func (s *stemmer) cons(i int) bool {
	switch s.b[i] {
	case 'a', 'e', 'i', 'o', 'u':
		return false
	case 'y':
		return i == 0 || !s.cons(i-1)
	}
	return true
}

// measure returns m, the number of vowel-consonant sequences in b[:n].
func (s *stemmer) measure(n int) int {
	m, i := 0, 0
	for i < n && s.cons(i) {
		i++
	}
	for i < n {
		for i < n && !s.cons(i) {
			i++
		}
		if i >= n {
			break
		}
		for i < n && s.cons(i) {
			i++
		}
		m++
	}
	return m
}

// vowelIn reports whether b[:n] contains a vowel.
func (s *stemmer) vowelIn(n int) bool {
	for i := 0; i < n; i++ {
		if !s.cons(i) {
			return true
		}
	}
	return false
}

// doubleCons reports whether b[:n] ends with a double consonant.
func (s *stemmer) doubleCons(n int) bool {
	return n >= 2 && s.b[n-1] == s.b[n-2] && s.cons(n-1)
}

// cvc reports whether b[:n] ends consonant-vowel-consonant with the last
// consonant not w, x or y, or is a two-letter vowel-consonant stem.
func (s *stemmer) cvc(n int) bool {
	if n == 2 {
		return !s.cons(0) && s.cons(1)
	}
	if n < 3 || !s.cons(n-1) || s.cons(n-2) || !s.cons(n-3) {
		return false
	}
	c := s.b[n-1]
	return c != 'w' && c != 'x' && c != 'y'
}

// ends reports whether the word ends with suf, setting j to the stem end.
func (s *stemmer) ends(suf string) bool {
	n := len(s.b) - len(suf)
	if n < 0 || string(s.b[n:]) != suf {
		return false
	}
	s.j = n
	return true
}

// setTo replaces the suffix after j with r.
func (s *stemmer) setTo(r string) {
	s.b = append(s.b[:s.j], r...)
}

func (s *stemmer) step1a() {
	switch {
	case len(s.b) == 4 && s.ends("ies"):
		s.setTo("ie")
	case s.ends("sses"):
		s.setTo("ss")
	case s.ends("ies"):
		s.setTo("i")
	case s.ends("ss"):
	case s.ends("s"):
		s.setTo("")
	}
}

func (s *stemmer) step1b() {
	if s.ends("ied") {
		if len(s.b) == 4 {
			s.setTo("ie")
		} else {
			s.setTo("i")
		}
		return
	}
	if s.ends("eed") {
		if s.measure(s.j) > 0 {
			s.setTo("ee")
		}
		return
	}
	if !(s.ends("ed") || s.ends("ing")) || !s.vowelIn(s.j) {
		return
	}
	s.setTo("")
	n := len(s.b)
	switch {
	case s.ends("at"), s.ends("bl"), s.ends("iz"):
		s.b = append(s.b, 'e')
	case s.doubleCons(n):
		if c := s.b[n-1]; c != 'l' && c != 's' && c != 'z' {
			s.b = s.b[:n-1]
		}
	case s.measure(n) == 1 && s.cvc(n):
		s.b = append(s.b, 'e')
	}
}

func (s *stemmer) step1c() {
	if s.ends("y") && s.j > 1 && s.cons(s.j-1) {
		s.b[len(s.b)-1] = 'i'
	}
}

// replaceLongest replaces the longest matching suffix from rules (pairs of
// suffix and replacement, longer suffixes first) when the stem's measure
// exceeds minM. A matched suffix whose stem fails the test stops the step.
func (s *stemmer) replaceLongest(rules [][2]string, minM int) {
	for _, r := range rules {
		if s.ends(r[0]) {
			if s.measure(s.j) > minM {
				s.setTo(r[1])
			}
			return
		}
	}
}

// step2Rules and step3Rules are ordered longest suffix first.
var step2Rules = [][2]string{
	{"ational", "ate"}, {"ization", "ize"}, {"iveness", "ive"}, {"fulness", "ful"},
	{"ousness", "ous"}, {"tional", "tion"}, {"biliti", "ble"}, {"entli", "ent"},
	{"ousli", "ous"}, {"fulli", "ful"}, {"ation", "ate"}, {"alism", "al"}, {"aliti", "al"},
	{"iviti", "ive"}, {"enci", "ence"}, {"anci", "ance"}, {"izer", "ize"},
	{"alli", "al"}, {"ator", "ate"}, {"bli", "ble"}, {"eli", "e"},
}

var step3Rules = [][2]string{
	{"icate", "ic"}, {"ative", ""}, {"alize", "al"}, {"iciti", "ic"},
	{"ical", "ic"}, {"ness", ""}, {"ful", ""},
}

func (s *stemmer) step2() {
	// "-alli" becomes "-al" first, and the result goes through step 2
	// again ("-ical" is not a step 2 ending, so once is enough).
	if s.ends("alli") && s.measure(s.j) > 0 {
		s.setTo("al")
		s.replaceLongest(step2Rules, 0)
		return
	}
	// "-logi" becomes "-log" when the stem with its "l" has a measure.
	if s.ends("logi") && s.measure(s.j+1) > 0 {
		s.setTo("log")
		return
	}
	s.replaceLongest(step2Rules, 0)
}
func (s *stemmer) step3() { s.replaceLongest(step3Rules, 0) }

var step4Suffixes = []string{
	"ement", "ance", "ence", "able", "ible", "ment", "ant", "ent", "ism",
	"ate", "iti", "ous", "ive", "ize", "ion", "al", "er", "ic", "ou",
}

func (s *stemmer) step4() {
	for _, suf := range step4Suffixes {
		if !s.ends(suf) {
			continue
		}
		if suf == "ion" && (s.j == 0 || (s.b[s.j-1] != 's' && s.b[s.j-1] != 't')) {
			continue
		}
		if s.measure(s.j) > 1 {
			s.setTo("")
		}
		return
	}
}

func (s *stemmer) step5() {
	n := len(s.b)
	if s.b[n-1] == 'e' {
		m := s.measure(n - 1)
		if m > 1 || (m == 1 && !s.cvc(n-1)) {
			s.b = s.b[:n-1]
			n--
		}
	}
	if n > 1 && s.b[n-1] == 'l' && s.doubleCons(n) && s.measure(n) > 1 {
		s.b = s.b[:n-1]
	}
}
