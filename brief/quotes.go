package brief

import (
	"slices"
	"sort"
	"strings"
	"unicode/utf8"
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

// speech is who a quotation is attributed to, as found.
type speech struct {
	sent       int
	start, end int // byte span of the speaker phrase
}

// attribution finds the phrase naming who said q: "…,” Obama said",
// "…,” said a senior US official", "Obama said: “…”".
func (a *analysis) attribution(q quoteSpan) (speech, bool) {
	// A quotation that ends its own sentence is not attributed by the words
	// after it, which start a new sentence.
	if q.closeOff >= 0 && !strings.HasSuffix(strings.TrimSpace(q.text), ".") {
		s := &a.sents[q.closeSent]
		x := sort.Search(len(s.toks), func(k int) bool { return s.toks[k].start >= q.closeOff })
		toks := s.toks[x:min(x+14, len(s.toks))]
		if len(toks) > 0 && strings.Trim(s.text[q.closeOff:toks[0].start], " ,") == "" {
			base := 0
			if speechVerbs[toks[0].norm] {
				// "…,” said a senior US official."
				end := 1
				for end < len(toks) && end < 9 && strings.TrimSpace(toks[end].gap) == "" {
					end++
				}
				if end > 1 {
					return speech{q.closeSent, base + toks[1].start, base + toks[end-1].end}, true
				}
			}
			for v := 1; v < len(toks) && v < 13; v++ {
				if strings.ContainsAny(toks[v].gap, ".;:“”\"") {
					break
				}
				if speechVerbs[toks[v].norm] {
					return speech{q.closeSent, base + toks[0].start, base + toks[v-1].end}, true
				}
			}
			if toks[0].norm == "according" && len(toks) > 2 && toks[1].norm == "to" {
				end := 2
				for end < len(toks) && end < 10 && strings.TrimSpace(toks[end].gap) == "" {
					end++
				}
				return speech{q.closeSent, base + toks[2].start, base + toks[end-1].end}, true
			}
		}
	}
	// "Obama said: “…”" or "Obama told reporters, “…”".
	s := &a.sents[q.openSent]
	before := s.text[:q.openOff]
	before = strings.TrimRight(before, "“\" ")
	if !strings.HasSuffix(before, ":") && !strings.HasSuffix(before, ",") {
		return speech{}, false
	}
	y := sort.Search(len(s.toks), func(k int) bool { return s.toks[k].end > len(before) })
	toks := s.toks[max(0, y-12):y]
	for v := len(toks) - 1; v >= 1 && v >= len(toks)-4; v-- {
		if !speechVerbs[toks[v].norm] {
			continue
		}
		st := v - 1
		for st > 0 && st > v-7 && strings.TrimSpace(toks[st].gap) == "" {
			st--
		}
		if strings.TrimSpace(toks[st].gap) != "" && st < v-1 {
			st++
		}
		return speech{q.openSent, toks[st].start, toks[v-1].end}, true
	}
	return speech{}, false
}

// speaker names who said q: a named actor where the phrase names one or a
// pronoun points to one, else the phrase itself ("a US official"). prev
// maps the last word of the unnamed speakers found so far to the last of
// them, for "the official" after "a US official". It returns "" when no
// speaker is found.
func (a *analysis) speaker(q quoteSpan, prev map[string]string) string {
	sp, ok := a.attribution(q)
	if !ok {
		return ""
	}
	s := &a.sents[sp.sent]
	phrase := strings.TrimSpace(s.text[sp.start:sp.end])
	for {
		p, ok := dropConnective(phrase)
		if !ok {
			break
		}
		phrase = p
	}
	for _, art := range []string{"A ", "An ", "The "} {
		if strings.HasPrefix(phrase, art) {
			phrase = strings.ToLower(art) + phrase[len(art):] // "But a spokesman" → "a spokesman"
		}
	}
	best := -1
	for _, m := range s.mentions {
		if m.start >= sp.start && m.end <= sp.end {
			if ac := a.actors[m.actor]; ac.kind == kindPerson || best < 0 || a.actors[best].kind != kindPerson {
				best = m.actor
			}
		}
	}
	ws := normWords(phrase)
	if len(ws) == 0 {
		return ""
	}
	if best >= 0 {
		ac := a.actors[best]
		if ac.kind == kindPerson || len(ws) <= 2 && (len(ws) == 1 || ws[0] == "the") {
			return ac.name
		}
	}
	switch ws[0] {
	case "he", "she":
		if len(ws) == 1 {
			if p := a.lastPerson(q.openSent, q.openOff, 3); p >= 0 {
				return a.actors[p].name
			}
		}
		return ""
	case "i", "we", "it", "they", "this", "that":
		return ""
	case "the":
		// "the official" is the official quoted before.
		if p, ok := prev[ws[len(ws)-1]]; ok {
			return p
		}
	}
	return phrase
}

// statements returns the direct quotations of the document with their
// speakers, the most consequential first.
func (a *analysis) statements() []Statement {
	var out []Statement
	speakers := map[string]string{}
	lastPara, lastSpeaker := -1, ""
	lastQuotePara, lastQuoteEnd := -1, -2
	for _, q := range a.collectQuotes() {
		text := strings.TrimSpace(q.text)
		raw := text
		// Keep the quotation's own closing comma or full stop: it is
		// verbatim, and readers search for the quotation as printed.
		text = strings.TrimRight(text, " ")
		para := a.sents[q.openSent].ParaIndex
		who := a.speaker(q, speakers)
		if who == "" && para == lastPara {
			who = lastSpeaker
		}
		if who != "" {
			lastPara, lastSpeaker = a.sents[q.closeSentOr()].ParaIndex, who
			if ws := normWords(who); len(ws) > 1 && ws[0] != "the" {
				speakers[ws[len(ws)-1]] = who
			}
		}
		last, _ := utf8.DecodeLastRuneInString(raw)
		if who == "" || len(strings.Fields(text)) < 4 && !strings.ContainsRune(",.?!", last) {
			continue
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

// closeSentOr is the sentence where q closes, or its last sentence.
func (q quoteSpan) closeSentOr() int {
	if q.closeOff >= 0 {
		return q.closeSent
	}
	return q.sents[len(q.sents)-1]
}
