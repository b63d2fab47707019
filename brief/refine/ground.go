package refine

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Ground checks that text, a rewritten bullet, adds no fact to the
// sentences it cites. It returns "" when the text is grounded, else the
// first reason it is not:
//
//   - every number (digits, "1,000" and "1000" alike, or a number word such
//     as "ninety") must be a number of the cited sentences, in either form;
//     a count must count the same thing ("two hours" is refused when the
//     sentences say "two leaders" and "ninety minutes");
//   - every capitalised word (names, places, months, weekdays, acronyms)
//     must appear in the cited sentences with the same case, possibly
//     with a short ending added or removed ("Russia"/"Russian",
//     "Obama's"); at the start of a sentence, where any word is
//     capitalised, it must appear in any case, unless it is a common
//     function word ("The", "After", …);
//   - every quotation ("…", “…”, ‘…’) must be a run of words of the cited
//     sentences, ignoring case, punctuation and the kind of quote marks;
//   - every web address must appear in the cited sentences.
//
// Other words are free: that is what lets the model rephrase. The check
// is deliberately strict; a rewrite it refuses keeps the extractive
// bullet, so a false refusal costs wording, never a fact.
func Ground(text string, cited []string) string {
	src := strings.Join(cited, " ")
	srcToks := groundTokens(src)
	exact := make(map[string]bool)
	folded := make(map[string]bool)
	numbers := make(map[string]bool)
	for _, t := range srcToks {
		exact[t.text] = true
		folded[strings.ToLower(t.text)] = true
		if n, ok := t.number(); ok {
			numbers[n] = true
		}
	}
	units := numberUnits(srcToks)
	stems := make(map[string]bool)
	for _, t := range srcToks {
		stems[wordPrefix(strings.ToLower(t.text))] = true
	}
	toks := groundTokens(text)
	for i, t := range toks {
		if n, ok := t.number(); ok {
			if !numbers[n] {
				return fmt.Sprintf("number %q is not in the cited sentences", t.text)
			}
			if i+1 < len(toks) {
				// "N things" must not count what the sources count with
				// another number, or something they do not mention.
				if u, ok := unitOf(t, toks[i+1]); ok && !units[n+" "+u] && (units[u] || !stems[u]) {
					return fmt.Sprintf("%q is not a count of the cited sentences", t.text+" "+toks[i+1].text)
				}
			}
			continue
		}
		r, _ := utf8.DecodeRuneInString(t.text)
		if !unicode.IsUpper(r) || t.text == "I" {
			continue
		}
		if t.initial {
			if folded[strings.ToLower(t.text)] || functionWords[strings.ToLower(t.text)] {
				continue
			}
			if nameIn(t.text, exact) {
				continue
			}
			return fmt.Sprintf("%q is not in the cited sentences", t.text)
		}
		if !nameIn(t.text, exact) {
			return fmt.Sprintf("name %q is not in the cited sentences", t.text)
		}
	}
	srcWords := lowerWords(src)
	for _, q := range quotations(text) {
		qw := lowerWords(q)
		if len(qw) > 0 && !containsRun(srcWords, qw) {
			return fmt.Sprintf("quotation %q is not in the cited sentences", q)
		}
	}
	normSrc := normQuotes(src)
	for _, f := range strings.Fields(normQuotes(text)) {
		if strings.Contains(f, "://") || strings.HasPrefix(strings.ToLower(f), "www.") {
			f = strings.TrimRight(f, ".,;:!?)\"'")
			if !strings.Contains(normSrc, f) {
				return fmt.Sprintf("web address %q is not in the cited sentences", f)
			}
		}
	}
	return ""
}

// numberUnits returns the set of "number unit" pairs in toks, such as
// "90 minu" for "ninety minutes" (see unitOf), and of the units alone.
func numberUnits(toks []groundToken) map[string]bool {
	m := make(map[string]bool)
	for i := 0; i+1 < len(toks); i++ {
		if n, ok := toks[i].number(); ok {
			if u, ok := unitOf(toks[i], toks[i+1]); ok {
				m[n+" "+u] = true
				m[u] = true
			}
		}
	}
	return m
}

// wordPrefix is the first four letters of w.
func wordPrefix(w string) string {
	r := []rune(w)
	if len(r) > 4 {
		r = r[:4]
	}
	return string(r)
}

// unitOf returns the stem of the word next counts when number is a
// cardinal ("14", "ninety") directly followed by a lower-case content
// word ("14 hours", "90-minute"), so that a rewrite cannot move a number
// from one quantity to another ("two leaders" is not "two hours"). The
// stem is the first four letters, so "minute" and "minutes" match.
// "one" and ordinals are left out: they are more often words than counts.
func unitOf(number, next groundToken) (string, bool) {
	w := strings.ToLower(number.text)
	if !next.joined || w == "one" || ordinals[w] {
		return "", false
	}
	for _, r := range next.text {
		if !unicode.IsLower(r) {
			return "", false
		}
	}
	if functionWords[next.text] || numberWords[next.text] != "" || len(next.text) < 3 {
		return "", false
	}
	return wordPrefix(next.text), true
}

// ordinals are the number words that are not counts.
var ordinals = wordSet("first second third fourth fifth sixth seventh eighth ninth tenth once twice half")

// nameIn reports whether name, or a form of it differing by an ending of
// at most three letters, is in words.
func nameIn(name string, words map[string]bool) bool {
	if words[name] {
		return true
	}
	if utf8.RuneCountInString(name) < 4 {
		return false
	}
	for w := range words {
		short, long := w, name
		if len(short) > len(long) {
			short, long = long, short
		}
		if utf8.RuneCountInString(short) >= 4 && strings.HasPrefix(long, short) && len(long)-len(short) <= 3 {
			return true
		}
	}
	return false
}

// groundToken is one word or number of a text.
type groundToken struct {
	text    string
	initial bool // first word of a sentence
	// joined reports that the token follows the previous one with only
	// spaces or a hyphen between, as in "90 minutes" or "90-minute".
	joined bool
}

// number returns the canonical form of t if it is a number: digits with
// thousands separators removed and trailing decimal zeros dropped, with
// an ending such as "th", "s" or "%" ignored; or the value of a number
// word.
func (t groundToken) number() (string, bool) {
	if v, ok := numberWords[strings.ToLower(t.text)]; ok {
		return v, true
	}
	r, _ := utf8.DecodeRuneInString(t.text)
	if !unicode.IsDigit(r) {
		return "", false
	}
	end := 0
	for end < len(t.text) && (t.text[end] >= '0' && t.text[end] <= '9' || t.text[end] == ',' || t.text[end] == '.') {
		end++
	}
	digits := strings.ReplaceAll(strings.TrimRight(t.text[:end], ".,"), ",", "")
	f, err := strconv.ParseFloat(digits, 64)
	if err != nil {
		return digits, true
	}
	return strconv.FormatFloat(f, 'f', -1, 64), true
}

// groundTokens splits s into words and numbers. Apostrophes (straight or
// curly) stay inside words, possessive endings are removed, and "1,000"
// or "3.5" is one token.
func groundTokens(s string) []groundToken {
	s = normQuotes(s)
	var out []groundToken
	initial, joined := true, false
	rs := []rune(s)
	for i := 0; i < len(rs); {
		r := rs[i]
		if !isWordRune(r) {
			if r == '.' || r == '!' || r == '?' || r == ':' || r == ';' {
				initial = true
			}
			if !unicode.IsSpace(r) && r != '-' {
				joined = false
			}
			i++
			continue
		}
		j := i
		for j < len(rs) {
			c := rs[j]
			if isWordRune(c) {
				j++
				continue
			}
			// Apostrophe inside a word; separator inside a number.
			if j+1 < len(rs) && j > i {
				if c == '\'' && unicode.IsLetter(rs[j+1]) {
					j++
					continue
				}
				if (c == ',' || c == '.') && unicode.IsDigit(rs[j-1]) && unicode.IsDigit(rs[j+1]) {
					j++
					continue
				}
			}
			break
		}
		w := string(rs[i:j])
		w = strings.TrimSuffix(w, "'s")
		w = strings.TrimSuffix(w, "'S")
		out = append(out, groundToken{text: w, initial: initial, joined: joined && len(out) > 0})
		initial, joined = false, true
		i = j
	}
	return out
}

// normQuotes turns curly quotes and apostrophes into straight ones.
func normQuotes(s string) string {
	return strings.NewReplacer("\u2018", "'", "\u2019", "'", "\u201C", "\"", "\u201D", "\"", "\u201E", "\"", "\u00AB", "\"", "\u00BB", "\"").Replace(s)
}

// lowerWords returns the words of s in lower case, apostrophes kept,
// punctuation dropped.
func lowerWords(s string) []string {
	var out []string
	for _, t := range groundTokens(s) {
		out = append(out, strings.ToLower(t.text))
	}
	return out
}

// containsRun reports whether run appears as consecutive words in words.
func containsRun(words, run []string) bool {
	for i := 0; i+len(run) <= len(words); i++ {
		ok := true
		for k := range run {
			if words[i+k] != run[k] {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// quotations returns the text inside quotation marks in s: “…”, ‘…’,
// «…» and pairs of straight double quotes. A quotation left open runs to
// the end of s.
func quotations(s string) []string {
	out := pairedQuotations(s, "\u201C", "\u201D")
	out = append(out, singleQuotations(s)...)
	out = append(out, pairedQuotations(s, "\u00AB", "\u00BB")...)
	parts := strings.Split(s, "\"")
	for i := 1; i < len(parts); i += 2 {
		out = append(out, parts[i])
	}
	return out
}

// pairedQuotations returns the text between each open mark and the close
// mark after it.
func pairedQuotations(s, open, close string) []string {
	var out []string
	for {
		i := strings.Index(s, open)
		if i < 0 {
			return out
		}
		s = s[i+len(open):]
		j := strings.Index(s, close)
		if j < 0 {
			return append(out, s)
		}
		out = append(out, s[:j])
		s = s[j+len(close):]
	}
}

// singleQuotations returns the quotations in s set in single quotation
// marks, ‘…’. Both marks double as apostrophes. ’ closes a quotation only
// when no letter follows it ("Obama’s" goes on). ‘ between a word
// character and a letter ("Obama‘s", "O‘Neill", "rock‘n‘roll") is an
// apostrophe, as groundTokens reads it, when no closing ’ follows it
// before the next ‘; when one does, it may open a real quotation typed
// without a space ("said‘no deal’"), which is then taken from the start
// of the word the ‘ is in, so that its words are words of s, and checked
// whole. Reading a ‘ inside a word as an opening mark would cut a word in
// two, and a sentence would not be grounded in itself.
func singleQuotations(s string) []string {
	const open, closing = "\u2018", "\u2019"
	var out []string
	for at := 0; ; {
		i := strings.Index(s[at:], open)
		if i < 0 {
			return out
		}
		start := at + i
		body := start + len(open)
		before, _ := utf8.DecodeLastRuneInString(s[:start])
		after, _ := utf8.DecodeRuneInString(s[body:])
		inWord := start > 0 && isWordRune(before) && unicode.IsLetter(after)
		j := closingSingle(s[body:])
		if inWord && (j < 0 || strings.Contains(s[body:body+j], open)) {
			at = body // an apostrophe
			continue
		}
		switch {
		case j < 0:
			return append(out, s[body:])
		case inWord:
			out = append(out, s[wordStart(s, start):body+j])
		default:
			out = append(out, s[body:body+j])
		}
		at = body + j + len(closing)
	}
}

// wordStart returns the index in s just after the last white space before
// index i, or 0: the start of the word that i is in.
func wordStart(s string, i int) int {
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:i])
		if unicode.IsSpace(r) {
			return i
		}
		i -= n
	}
	return 0
}

// closingSingle returns the index in s of the first ’ not followed by a
// letter, or -1.
func closingSingle(s string) int {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == '\u2019' {
			next, _ := utf8.DecodeRuneInString(s[i+n:])
			if i+n >= len(s) || !unicode.IsLetter(next) {
				return i
			}
		}
		i += n
	}
	return -1
}

// numberWords maps number words to the canonical form of their value.
var numberWords = map[string]string{
	"zero": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5",
	"six": "6", "seven": "7", "eight": "8", "nine": "9", "ten": "10",
	"eleven": "11", "twelve": "12", "thirteen": "13", "fourteen": "14",
	"fifteen": "15", "sixteen": "16", "seventeen": "17", "eighteen": "18",
	"nineteen": "19", "twenty": "20", "thirty": "30", "forty": "40",
	"fifty": "50", "sixty": "60", "seventy": "70", "eighty": "80",
	"ninety": "90", "hundred": "100", "thousand": "1000", "million": "1000000",
	"billion": "1000000000", "trillion": "1000000000000", "dozen": "12",
	"first": "1", "second": "2", "third": "3", "fourth": "4", "fifth": "5",
	"sixth": "6", "seventh": "7", "eighth": "8", "ninth": "9", "tenth": "10",
	"twice": "2",
}

// functionWords may open a sentence of a rewrite without appearing in the
// cited sentences: they carry no fact.
var functionWords = wordSet(`a an the and but or nor so yet for in on at to of by with from
	after before during while when where as if though although because since until unless despite
	both all some any no not none this that these those there here it its he she they we you his
	her their our each every neither either however meanwhile also still instead then now only
	even more most many few several such what which who whom whose why how without within amid
	among between under over against about above below through into onto toward towards per via
	again further already other another same than rather according`)

// wordSet builds a set from space-separated words.
func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// isWordRune reports whether r can be part of a word.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}
