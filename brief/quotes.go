package brief

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/brief-dev/brief/brief/lexicon"
)

// maxStatements caps the statements listed in a briefing.
const maxStatements = 6

// quoteSpan is one direct quotation, possibly spanning sentences.
type quoteSpan struct {
	sents     []int // sentences it spans, in order
	text      string
	openSent  int
	openOff   int // offset of the first quoted byte in openSent
	closeSent int
	closeOff  int // offset just after the closing mark in closeSent; -1 if unclosed
}

// collectQuotes returns every quotation of the document in order.
func (a *analysis) collectQuotes() []quoteSpan {
	var out []quoteSpan
	var cur *quoteSpan
	flush := func() {
		if cur != nil {
			out = append(out, *cur)
			cur = nil
		}
	}
	for i := range a.sents {
		s := &a.sents[i]
		for qi, q := range s.quotes {
			if qi == 0 && s.quoteIn && q.start == 0 && cur != nil {
				cur.text += " "
				cur.sents = append(cur.sents, i)
			} else {
				flush()
				cur = &quoteSpan{openSent: i, openOff: q.start, closeOff: -1, sents: []int{i}}
			}
			cur.text += s.text[q.start:q.end]
			if q.end < len(s.text) {
				_, n := utf8.DecodeRuneInString(s.text[q.end:])
				cur.closeSent, cur.closeOff = i, q.end+n
				flush()
			}
		}
		if cur != nil && (i+1 == len(a.sents) || !a.samePara(i, i+1)) {
			flush()
		}
	}
	return out
}

// closeSentOr is the sentence where q closes, or its last sentence.
func (q quoteSpan) closeSentOr() int {
	if q.closeOff >= 0 {
		return q.closeSent
	}
	return q.sents[len(q.sents)-1]
}

// speech is the phrase that says who spoke a quotation: "Obama" in "…,”
// Obama said", "a senior US official" in "…,” said a senior US official".
type speech struct {
	sent int
	toks []token // the words of the phrase, in sentence order
	// reported marks "according to X": X reports the words, which may be
	// someone else's.
	reported bool
	// subjectLast marks a phrase that runs from the start of the clause
	// to the verb ("Trump was eager, but General Mark Milley, chairman of
	// the Joint Chiefs, told"): its subject is the part nearest the verb.
	subjectLast bool
}

// attribution finds the phrase that names who spoke q, in the sentence
// where the quotation closes ("…,” Obama said", "…,” said a senior US
// official", "…,” according to police") or where it opens ("Obama said:
// “…”", "Obama told reporters, “…”", "Obama called the plan “a
// disaster”"). A speaker before the quotation wins over "according to"
// after it: in "She promised “…”, according to the ministry" she spoke
// and the ministry reports it. It returns false when the sentence names
// no speaker.
func (a *analysis) attribution(q quoteSpan) (speech, bool) {
	if sp, ok := a.nextSentence(q); ok {
		return sp, true
	}
	after, okAfter := a.afterClose(q)
	if okAfter && !after.reported {
		return after, true
	}
	if before, ok := a.beforeOpen(q); ok {
		return before, true
	}
	return after, okAfter
}

// nextSentence reads a short sentence right after a quotation that ends
// its own sentence and names only who spoke: "“Did you ever…?” Mr
// Weingarten pressed." (split into two sentences at the question mark).
func (a *analysis) nextSentence(q quoteSpan) (speech, bool) {
	if q.closeOff < 0 || strings.TrimSpace(a.sents[q.closeSent].text[q.closeOff:]) != "" {
		return speech{}, false
	}
	k := q.closeSent + 1
	if k >= len(a.sents) || !a.samePara(k, q.closeSent) {
		return speech{}, false
	}
	toks := a.sents[k].toks
	if len(toks) < 2 || len(toks) > 8 || a.sents[k].quotes != nil {
		return speech{}, false
	}
	for v := 1; v < len(toks); v++ {
		if !lexicon.SpeechVerbs.Has(toks[v].norm) {
			continue
		}
		// Nothing but the verb's own complements may follow ("…, he said
		// on Monday."), and the phrase must be a name or a pronoun.
		if v < len(toks)-3 || !toks[0].capital {
			return speech{}, false
		}
		return speech{sent: k, toks: toks[:v]}, true
	}
	return speech{}, false
}

// clauseEnds reports whether gap, the text before a word whose previous
// word is prev, ends the clause: sentence punctuation or a quotation
// mark, but not the full stop of an initial or a title ("Craig W. Floyd",
// "Sen. Doe").
func clauseEnds(prev token, gap string) bool {
	if !strings.ContainsAny(gap, ".;:“”\"(") {
		return false
	}
	if strings.TrimSpace(gap) == "." && (len(prev.text) == 1 && prev.capital || lexicon.AbbrevTitles.Has(prev.norm)) {
		return false
	}
	return true
}

// afterClose reads the speech clause right after the closing quotation
// mark. A quotation that ends its own sentence ("….”) is not attributed
// by the words after it, which start a new sentence.
func (a *analysis) afterClose(q quoteSpan) (speech, bool) {
	if q.closeOff < 0 || strings.HasSuffix(strings.TrimSpace(q.text), ".") {
		return speech{}, false
	}
	s := &a.sents[q.closeSent]
	x := sort.Search(len(s.toks), func(k int) bool { return s.toks[k].start >= q.closeOff })
	toks := s.toks[x:min(x+24, len(s.toks))]
	if len(toks) == 0 || strings.TrimFunc(s.text[q.closeOff:toks[0].start], isSpaceOrFormat) != "" {
		return speech{}, false
	}
	if lexicon.ClauseOpeners.Has(toks[0].norm) || lexicon.Prepositions.Has(toks[0].norm) {
		return speech{}, false // "…,” and Abbott said", "…” at the release": another clause
	}
	n := len(toks)
	for v := 1; v < len(toks); v++ {
		if clauseEnds(toks[v-1], toks[v].gap) {
			n = v
			break
		}
	}
	toks = toks[:n]
	switch {
	case lexicon.SpeechVerbs.Has(toks[0].norm) && !toks[0].capital:
		// "…,” said a senior US official."
		if len(toks) < 2 || lexicon.NotSpeakers.Has(toks[1].norm) {
			return speech{}, false
		}
		return speech{sent: q.closeSent, toks: toks[1:]}, true
	case toks[0].capital && lexicon.SpeechVerbs.Has(toks[0].norm):
		return speech{}, false // "…” Asked about it, Jenkins said": a new sentence
	case toks[0].norm == "according" && len(toks) > 2 && toks[1].norm == "to":
		return speech{sent: q.closeSent, toks: toks[2:], reported: true}, true
	}
	for v := 1; v < len(toks) && v < 20; v++ {
		if !lexicon.SpeechVerbs.Has(toks[v].norm) {
			continue
		}
		phrase := toks[:v]
		for len(phrase) > 1 && lexicon.AfterSubject.Has(phrase[len(phrase)-1].norm) {
			phrase = phrase[:len(phrase)-1]
		}
		return speech{sent: q.closeSent, toks: phrase}, true
	}
	return speech{}, false
}

// isSpaceOrFormat reports whether r is white space, a comma, or an
// invisible formatting character (a left-to-right mark).
func isSpaceOrFormat(r rune) bool {
	return r == ' ' || r == ',' || unicode.Is(unicode.Cf, r)
}

// beforeOpen reads the speech clause before the opening quotation mark:
// "Obama said: “…”", "Obama told reporters, “…”", or a verb of speech
// earlier in the clause, for a quotation inside reported speech ("Obama
// said the talks were “constructive”"). A quotation that is the title of
// something ("in an interview for CNN's “The World Right Now”") is not
// attributed.
func (a *analysis) beforeOpen(q quoteSpan) (speech, bool) {
	s := &a.sents[q.openSent]
	y := sort.Search(len(s.toks), func(k int) bool { return s.toks[k].end > q.openOff })
	// The words of the clause before the quotation, back to the start of
	// the sentence or the end of an earlier quotation.
	from := 0
	for k := y - 1; k >= 0; k-- {
		if a.inQuote(q.openSent, s.toks[k].start) {
			from = k + 1
			break
		}
	}
	toks := s.toks[from:y]
	if len(toks) == 0 {
		return speech{}, false
	}
	if last := toks[len(toks)-1]; last.poss || lexicon.Prepositions.Has(last.norm) || last.norm == "the" || last.norm == "a" {
		return speech{}, false // "CNN's “The World Right Now”", "the word “Unheard”"
	}
	if toks[0].norm == "according" && len(toks) > 2 && toks[1].norm == "to" {
		return speech{sent: q.openSent, toks: toks[2:]}, true
	}
	for v := len(toks) - 1; v >= 0 && v >= len(toks)-20; v-- {
		t := toks[v]
		if !lexicon.SpeechVerbs.Has(t.norm) && !lexicon.QuotingVerbs.Has(t.norm) {
			continue
		}
		if v > 0 && (toks[v-1].norm == "to" || lexicon.ClauseOpeners.Has(toks[v-1].norm) && toks[v-1].norm != "and") {
			return speech{}, false // "the right to say", "a statement that said": not a speaker's clause
		}
		for _, m := range s.mentions {
			if m.start > t.end && m.end <= q.openOff && !m.inQuote && a.actors[m.actor].kind == kindPerson {
				// "officials suggested …, with Harf calling it … “…”":
				// someone else is named between the verb and the words.
				return speech{}, false
			}
		}
		phrase := toks[:v]
		for len(phrase) > 1 && lexicon.AfterSubject.Has(phrase[len(phrase)-1].norm) {
			phrase = phrase[:len(phrase)-1]
		}
		if len(phrase) == 0 {
			// "said Obama: “…”": the speaker follows the verb and runs
			// to the quotation.
			rest := toks[v+1:]
			if lexicon.SpeechVerbs.Has(t.norm) && len(rest) > 0 && len(rest) <= 6 && !lexicon.NotSpeakers.Has(rest[0].norm) {
				return speech{sent: q.openSent, toks: rest}, true
			}
			return speech{}, false
		}
		return speech{sent: q.openSent, toks: phrase, subjectLast: true}, true
	}
	return speech{}, false
}

// statements returns the direct quotations of the document with their
// speakers, the most consequential first. A quotation whose speaker the
// article does not let brief tell is left out.
func (a *analysis) statements() []Statement {
	var out []Statement
	unnamed := map[string]string{} // head noun of an unnamed speaker → the phrase
	lastSpeaker, lastClose := "", -2
	lastQuotePara, lastQuoteEnd := -1, -2
	for _, q := range a.collectQuotes() {
		text := strings.TrimRight(strings.TrimSpace(q.text), " ")
		raw := text
		para := a.sents[q.openSent].ParaIndex
		who := ""
		if sp, ok := a.attribution(q); ok {
			who = a.speakerName(q, sp, unnamed)
		} else if lastSpeaker != "" && a.continues(q, lastClose) {
			// “…,” Obama said. “And this too.” — the same speaker goes on.
			who = lastSpeaker
		}
		if who == "" {
			lastSpeaker, lastClose = "", -2
			continue
		}
		lastSpeaker, lastClose = who, q.closeSentOr()
		if ws := normWords(who); len(ws) > 1 && (ws[0] == "a" || ws[0] == "an") {
			unnamed[ws[len(ws)-1]] = who
			for _, w := range ws {
				if lexicon.SpeakerNouns.Has(w) {
					unnamed[w] = who
				}
			}
		}
		last, _ := utf8.DecodeLastRuneInString(raw)
		if len(strings.Fields(text)) < 4 && !strings.ContainsRune(",.?!", last) {
			continue // a quoted term, not a statement
		}
		st := Statement{Quote: text, Speaker: who, Sources: []string{}}
		if k := len(out) - 1; k >= 0 && out[k].Speaker == who && para == lastQuotePara && q.openSent <= lastQuoteEnd+1 {
			// The same speaker goes on in the same paragraph: one statement.
			st = out[k]
			st.Quote = strings.TrimRight(st.Quote, ", ") + " … " + text
			out = out[:k]
		}
		lastQuotePara, lastQuoteEnd = a.sents[q.closeSentOr()].ParaIndex, q.closeSentOr()
		for _, i := range q.sents {
			if slices.Contains(st.Sources, a.sents[i].ID) {
				continue
			}
			st.Sources = append(st.Sources, a.sents[i].ID)
			if a.sents[i].Score > st.Score {
				st.Score = a.sents[i].Score
			}
		}
		out = append(out, st)
	}
	idx := make([]int, len(out))
	for k := range idx {
		idx[k] = k
	}
	sort.SliceStable(idx, func(x, y int) bool {
		if out[idx[x]].Score != out[idx[y]].Score {
			return out[idx[x]].Score > out[idx[y]].Score
		}
		return idx[x] < idx[y]
	})
	sorted := []Statement{}
	for _, k := range idx {
		sorted = append(sorted, out[k])
		if len(sorted) == maxStatements {
			break
		}
	}
	return sorted
}

// continues reports whether q, which has no speech clause of its own,
// goes on with the quotation that closed in sentence lastClose: it opens
// its own sentence, right after, in the same paragraph, and no one is
// named between them outside quotations.
func (a *analysis) continues(q quoteSpan, lastClose int) bool {
	if q.openSent != lastClose+1 || q.openOff > 3 || !a.samePara(lastClose, q.openSent) {
		return false
	}
	for _, m := range a.sents[q.openSent].mentions {
		if !m.inQuote && a.actors[m.actor].kind == kindPerson {
			return false
		}
	}
	return true
}
