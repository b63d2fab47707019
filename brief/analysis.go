package brief

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// span is a byte range [start, end) of a sentence's text.
type span struct{ start, end int }

// sent is one sentence as the briefing assembly sees it: its score and
// position, its text with any dateline trimmed, where its quotations are,
// its words and the actors it mentions.
type sent struct {
	Scored
	text     string    // sentence text, dateline trimmed
	quotes   []span    // parts of text inside quotation marks
	quoteIn  bool      // the sentence starts inside a quotation opened earlier
	quoteOut bool      // a quotation is still open at the end of the sentence
	toks     []token   // words of text
	lower    []string  // the words in lower case
	mentions []mention // actor mentions, in text order
}

// analysis is what Summarize knows about a document: its sentences and
// actors. It is built once and read by the section builders.
type analysis struct {
	doc      *Document
	sents    []sent
	maxScore float64
	actors   []*actor
	// findingIssuer is set while the issuer of a quoted document is
	// looked up, so that the lookup does not recurse.
	findingIssuer bool
}

// analyze prepares d for briefing assembly. scored is ScoreSentences(d).
func analyze(d *Document, scored []Scored) *analysis {
	a := &analysis{doc: d, sents: make([]sent, len(scored))}
	for i, s := range scored {
		a.sents[i] = sent{Scored: s, text: trimDateline(s.Text, d.Dateline)}
		if s.Score > a.maxScore {
			a.maxScore = s.Score
		}
	}
	a.markQuotes()
	for i := range a.sents {
		s := &a.sents[i]
		s.toks = suffixTokens(s.Scored, s.text)
		s.lower = normsOf(s.toks)
	}
	a.findActors()
	return a
}

// suffixTokens returns the tokens of text, a suffix of s.Text (the
// sentence without its dateline), from the tokens the scorer made of the
// whole sentence, so that each sentence is tokenized once.
func suffixTokens(s Scored, text string) []token {
	off := len(s.Text) - len(text)
	if !s.ok || off < 0 || s.Text[off:] != text {
		return tokenize(text, nil)
	}
	k := 0
	for k < len(s.toks) && s.toks[k].start < off {
		if s.toks[k].end > off {
			return tokenize(text, nil) // the dateline ends inside a word
		}
		k++
	}
	if off == 0 {
		return s.toks
	}
	out := make([]token, len(s.toks)-k)
	for j, t := range s.toks[k:] {
		t.start -= off
		t.end -= off
		if j == 0 {
			t.gap = text[:t.start]
		}
		out[j] = t
	}
	return out
}

// norm is sentence i's score scaled to [0, 1].
func (a *analysis) norm(i int) float64 {
	if a.maxScore <= 0 {
		return 0
	}
	v := a.sents[i].Score / a.maxScore
	if v < 0 {
		return 0
	}
	return v
}

// samePara reports whether sentences i and j are in the same paragraph.
func (a *analysis) samePara(i, j int) bool {
	return a.sents[i].ParaIndex == a.sents[j].ParaIndex
}

// markQuotes finds the quoted parts of every sentence. A quotation opened
// in one sentence and closed in a later one of the same paragraph spans
// both; an unclosed quotation ends with its paragraph.
func (a *analysis) markQuotes() {
	open := false
	for i := range a.sents {
		s := &a.sents[i]
		if i > 0 && !a.samePara(i, i-1) {
			open = false
		}
		s.quoteIn = open
		start := 0
		for off, r := range s.text {
			switch {
			case r == '“' && !open, r == '"' && !open:
				open = true
				start = off + utf8.RuneLen(r)
			case r == '”' && open, r == '"' && open:
				if off > start {
					s.quotes = append(s.quotes, span{start, off})
				}
				open = false
			}
		}
		if open && start < len(s.text) {
			s.quotes = append(s.quotes, span{start, len(s.text)})
		}
		s.quoteOut = open
	}
}

// inQuote reports whether byte offset off of sentence i is inside a
// quotation.
func (a *analysis) inQuote(i, off int) bool {
	qs := a.sents[i].quotes // in order, not overlapping
	k := sort.Search(len(qs), func(k int) bool { return qs[k].end > off })
	return k < len(qs) && off >= qs[k].start
}

// trimDateline removes a leading dateline such as "HANGZHOU, China (CNN) —"
// from text. It leaves text alone when no dateline is found.
func trimDateline(text string, dl Dateline) string {
	if dl.Place != "" && strings.HasPrefix(text, dl.Place) {
		if rest, ok := afterDatelineTail(text[len(dl.Place):]); ok {
			return rest
		}
	}
	if rest, ok := sourceDateline(text); ok {
		return rest
	}
	// An upper-case place, an optional ", Region", an optional
	// "(Source)", then a dash.
	i := 0
	upper := 0
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if unicode.IsUpper(r) {
			upper++
		} else if unicode.IsLower(r) || unicode.IsDigit(r) {
			break
		} else if r != ' ' && r != '.' && r != '-' && r != '\'' && r != '’' {
			break
		}
		i += n
	}
	if upper < 2 {
		return text
	}
	place := strings.TrimRight(text[:i], " ")
	rest := text[len(place):]
	if strings.HasPrefix(rest, ",") {
		// ", China" or ", Calif."
		j := 1
		for j < len(rest) && rest[j] != '(' && !strings.HasPrefix(rest[j:], "—") &&
			!strings.HasPrefix(rest[j:], "–") && rest[j] != '-' && j < 40 {
			j++
		}
		rest = rest[j:]
	}
	if r, ok := afterDatelineTail(rest); ok && r != "" {
		return r
	}
	return text
}

// afterDatelineTail consumes what follows a dateline's place: an optional
// " (Source)" and a dash. It returns the text after them.
func afterDatelineTail(rest string) (string, bool) {
	rest = strings.TrimLeft(rest, " ")
	if strings.HasPrefix(rest, "(") {
		j := strings.IndexByte(rest, ')')
		if j < 0 || j > 40 {
			return "", false
		}
		rest = strings.TrimLeft(rest[j+1:], " ")
	}
	for _, dash := range []string{"—", "–", "--", "-"} {
		if strings.HasPrefix(rest, dash) {
			out := strings.TrimLeft(rest[len(dash):], " ")
			r, _ := utf8.DecodeRuneInString(out)
			if out == "" || !unicode.IsUpper(r) && !unicode.IsDigit(r) && !strings.ContainsRune("“\"‘", r) {
				return "", false // "NATO — the alliance — met" has no dateline
			}
			return out, true
		}
	}
	return "", false
}

// sourceDateline removes a dateline built around a news source in
// parentheses: "(CNN)The …", "Sanaa, Yemen (CNN)The …",
// "LONDON (Reuters) - …".
func sourceDateline(text string) (string, bool) {
	open := strings.IndexByte(text, '(')
	if open < 0 || open > 60 {
		return "", false
	}
	for _, w := range strings.Fields(strings.ReplaceAll(text[:open], ",", " ")) {
		if !capitalized(w) {
			return "", false
		}
	}
	end := strings.IndexByte(text[open:], ')')
	if end < 2 || end > 40 {
		return "", false
	}
	for _, w := range strings.Fields(text[open+1 : open+end]) {
		if !capitalized(w) {
			return "", false
		}
	}
	rest := strings.TrimLeft(text[open+end+1:], " ")
	for _, dash := range []string{"—", "–", "--", "-"} {
		if strings.HasPrefix(rest, dash) {
			rest = strings.TrimLeft(rest[len(dash):], " ")
			break
		}
	}
	r, _ := utf8.DecodeRuneInString(rest)
	if rest == "" || !unicode.IsUpper(r) && !unicode.IsDigit(r) && !strings.ContainsRune("“\"‘", r) {
		return "", false
	}
	return rest, true
}
