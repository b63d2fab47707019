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

// segments cuts a speaker phrase at commas, dashes and brackets:
// "the group's president, Jack Lokeinsky" is two segments.
func segments(toks []token) [][]token {
	var out [][]token
	start := 0
	for k := 1; k <= len(toks); k++ {
		if k == len(toks) || strings.ContainsAny(toks[k].gap, ",(—–)") || strings.Contains(toks[k].gap, " - ") {
			out = append(out, toks[start:k])
			start = k
		}
	}
	return out
}

// speakerName names who said q, from the phrase that attributes it: a
// person or organisation the phrase names (by their full name), a person a
// "he" or "she" certainly stands for, a title the article gives to one
// named person ("the Conservative leader"), or the phrase itself when it
// describes a speaker without naming one ("a senior US official",
// "Mr Blair's official spokesman"). prev maps the head noun of the
// unnamed speakers found so far to the last of them, so that "the
// official" after "a US official" is that official. It returns "" when
// the attribution names no speaker it can tell: the statement is then
// left out rather than given to the wrong person.
func (a *analysis) speakerName(q quoteSpan, sp speech, prev map[string]string) string {
	toks := sp.toks
	for len(toks) > 0 && lexicon.Connectives.Has(toks[0].norm) {
		toks = toks[1:]
	}
	if len(toks) == 0 {
		return ""
	}
	first := toks[0].norm
	switch first {
	case "he", "she":
		if len(toks) > 1 && !strings.ContainsAny(toks[1].gap, ",(") {
			return ""
		}
		r, ok := a.pronounReferent(sp.sent, toks[0].start, pronounGender(first))
		if !ok || r.sent > q.openSent {
			return ""
		}
		return a.actors[r.actors[0]].name
	case "i", "we", "you", "it", "they", "this", "that", "there", "its", "their", "his", "her",
		"one", "who", "which", "what", "some", "many", "others", "both", "all", "another":
		return ""
	}
	segs := segments(toks)
	if sp.subjectLast {
		// From the verb back: the nearest segment that names someone, not
		// past the one that opens the clause ("but General Mark Milley").
		slices.Reverse(segs)
	}
	desc := ""
	for k, seg := range segs {
		opens := len(seg) > 0 && (lexicon.Connectives.Has(seg[0].norm) || lexicon.ClauseOpeners.Has(seg[0].norm))
		for len(seg) > 0 && (lexicon.Connectives.Has(seg[0].norm) || seg[0].norm == "and") {
			seg = seg[1:]
		}
		if len(seg) == 0 || lexicon.Prepositions.Has(seg[0].norm) || lexicon.ClauseOpeners.Has(seg[0].norm) {
			if sp.subjectLast && opens {
				break
			}
			continue // "of CB Richard Ellis", "who is Lee's son"
		}
		name, blocked := a.namedIn(sp.sent, seg)
		if blocked {
			return ""
		}
		if name != "" {
			return name
		}
		if desc == "" && (k == 0 || sp.subjectLast) {
			desc = a.description(sp.sent, seg, q, prev)
		}
		if sp.subjectLast && opens {
			break
		}
	}
	return desc
}

// namedIn returns the name of the person (or people, or organisation)
// a segment of a speaker phrase names as its head: a name not after a
// preposition ("a cousin of Yassine" names no speaker), not a possessive
// ("Mr Blair's spokesman" is the spokesman), not the article's own
// outlet, reporter or a photo agency. blocked reports a name that cannot
// be told for sure (a surname two people bear, a country standing for a
// person): the statement is then left out.
func (a *analysis) namedIn(si int, seg []token) (name string, blocked bool) {
	s := &a.sents[si]
	start, end := seg[0].start, seg[len(seg)-1].end
	var people []*mention
	var org *mention
	possessed, country := false, false
	for k := range s.mentions {
		m := &s.mentions[k]
		if m.start < start || m.end > end || m.inQuote {
			continue
		}
		if afterPreposition(seg, m.start) {
			continue
		}
		if a.endsPossessive(si, m) {
			possessed = true // "Mr Blair's official spokesman": not Blair
			continue
		}
		ac := a.actors[m.actor]
		if a.isSelf(ac) || lexicon.PhotoCredits.Has(lexicon.Norm(ac.name)) {
			continue
		}
		switch ac.kind {
		case kindPerson:
			if m.ambiguous {
				return "", true
			}
			people = append(people, m)
		case kindOrganisation:
			if org == nil {
				org = m
			}
		case kindCountry:
			country = true
		}
	}
	switch {
	case len(people) == 1:
		return a.actors[people[0].actor].name, false
	case len(people) == 2 && strings.Contains(s.text[people[0].end:people[1].start], " and "):
		return a.actors[people[0].actor].name + " and " + a.actors[people[1].actor].name, false
	case len(people) > 1:
		return "", true
	case org != nil && !possessed && a.segmentIs(seg, org):
		return a.actors[org.actor].name, false
	case org != nil && !possessed && (seg[len(seg)-1].norm == "statement" || seg[len(seg)-1].norm == "report"):
		return a.actors[org.actor].name, false // "a Grapevine Police statement"
	case country && !possessed && org == nil && !hasSpeakerNoun(seg):
		return "", true // a country standing for a person
	}
	if len(people) == 0 && org == nil && !possessed {
		return a.capitalName(seg), false
	}
	return "", false
}

// afterPreposition reports whether the name at byte offset off follows a
// preposition within seg: "a cousin of Yassine".
func afterPreposition(seg []token, off int) bool {
	for _, t := range seg {
		if t.start >= off {
			return false
		}
		if lexicon.Prepositions.Has(t.norm) {
			return true
		}
	}
	return false
}

// hasSpeakerNoun reports whether seg holds a lower-case speaker noun.
func hasSpeakerNoun(seg []token) bool {
	for _, t := range seg {
		if lexicon.SpeakerNouns.Has(t.norm) && !t.capital {
			return true
		}
	}
	return false
}

// description returns a segment that describes a speaker without naming
// one, as the article writes it ("a senior US official", "police and
// city officials in Grapevine"), or the one person it stands for ("the
// Conservative leader", "the official" after "a US official"). The
// description must say early what kind of speaker it is (a speaker noun
// among its first words); it is cut before a subordinate clause ("the
// official on condition of anonymity because…" is "the official").
func (a *analysis) description(si int, seg []token, q quoteSpan, prev map[string]string) string {
	noun := -1
	for k, t := range seg {
		if k > 5 {
			break
		}
		if lexicon.SpeakerNouns.Has(t.norm) && !t.capital {
			noun = k
			break
		}
	}
	if noun < 0 {
		return ""
	}
	end := len(seg)
	for k := noun + 1; k < len(seg); k++ {
		if lexicon.DescriptionStops.Has(seg[k].norm) {
			end = k
			break
		}
	}
	seg = seg[:end]
	if len(seg) > 12 {
		return ""
	}
	s := &a.sents[si]
	phrase := s.text[seg[0].start:seg[len(seg)-1].end]
	for _, art := range []string{"A ", "An ", "The "} {
		if strings.HasPrefix(phrase, art) {
			phrase = strings.ToLower(art) + phrase[len(art):]
		}
	}
	if lexicon.Generic.Has(seg[noun].norm) && noun <= 1 && len(seg) <= 2 {
		return "" // "a woman": not who, for a briefing
	}
	if lexicon.Documents.Has(seg[noun].norm) && noun <= 1 && len(seg) <= 3 && !a.findingIssuer {
		// "the statement said": who issued it, or nothing.
		return a.documentIssuer(si, seg[noun].norm, q, prev)
	}
	if seg[0].norm == "the" {
		head := seg[1 : noun+1]
		if name := a.titledPerson(head, q.openSent); name != "" && len(seg) == noun+1 {
			return name // "the Conservative leader"; not "the president of the Farm Bureau"
		}
		if p, ok := prev[seg[noun].norm]; ok && len(seg) == 2 {
			return p
		}
		if d := a.lastDescription(si, seg[noun].norm); d != "" && len(seg) == 2 && lexicon.PersonNouns.Has(seg[noun].norm) {
			return d
		}
	}
	return phrase
}

// documentIssuer returns who issued the document (a statement, a
// report) that sentence si quotes, when one of the sentences up to si
// says so: "X released a statement", "In a statement, X said", "X said in
// a statement". It returns "" when the article does not say.
func (a *analysis) documentIssuer(si int, noun string, q quoteSpan, prev map[string]string) string {
	for k := si; k >= 0 && k >= si-4; k-- {
		toks := a.sents[k].toks
		at := -1
		for x, t := range toks {
			if t.norm == noun && !a.inQuote(k, t.start) {
				at = x
				break
			}
		}
		if at < 0 {
			continue
		}
		// The verb nearest the document word, and its subject.
		best := -1
		for x, t := range toks {
			if a.inQuote(k, t.start) || !(lexicon.IssueVerbs.Has(t.norm) || lexicon.SpeechVerbs.Has(t.norm)) || x == at {
				continue
			}
			if best < 0 || abs(x-at) < abs(best-at) {
				best = x
			}
		}
		if best <= 0 {
			return ""
		}
		if k == si && best > at && toks[at-1].norm == "the" {
			return "" // "the statement said": the verb is the document's own
		}
		sp := speech{sent: k, toks: toks[:best], subjectLast: true}
		a.findingIssuer = true // a document's issuer is not looked up through another document
		name := a.speakerName(q, sp, prev)
		a.findingIssuer = false
		if name != "" && !lexicon.Documents.Has(lastWord(name)) {
			return name
		}
		return ""
	}
	return ""
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// lastWord is the last word of s, lower case.
func lastWord(s string) string {
	f := strings.Fields(strings.ToLower(s))
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

// lastDescription returns the phrase that introduced an unnamed person
// of the given noun in one of the sentences up to si ("a Yemeni Foreign
// Ministry official" for "the official"), or "".
func (a *analysis) lastDescription(si int, noun string) string {
	for k := si; k >= 0 && k >= si-6; k-- {
		s := &a.sents[k]
		for x := len(s.toks) - 1; x >= 1; x-- {
			if s.toks[x].norm != noun || s.toks[x].capital || a.inQuote(k, s.toks[x].start) {
				continue
			}
			for y := x - 1; y >= 0 && y >= x-5; y-- {
				if w := s.toks[y].norm; w == "a" || w == "an" {
					return "a" + strings.TrimPrefix(strings.TrimPrefix(s.text[s.toks[y].start:s.toks[x].end], "A"), "a")
				}
				if clauseEnds(s.toks[max(y-1, 0)], s.toks[y].gap) || lexicon.Prepositions.Has(s.toks[y].norm) || lexicon.SpeechVerbs.Has(s.toks[y].norm) {
					break
				}
			}
		}
	}
	return ""
}

// endsPossessive reports whether mention m of sentence si ends in "'s":
// "Blair's spokesman".
func (a *analysis) endsPossessive(si int, m *mention) bool {
	for _, t := range a.sents[si].toks {
		if t.start < m.end && t.end >= m.end {
			return t.poss
		}
	}
	return false
}

// segmentIs reports whether the segment seg is the organisation of
// mention m, apart from a leading "the".
func (a *analysis) segmentIs(seg []token, m *mention) bool {
	if len(seg) > 0 && seg[0].norm == "the" {
		seg = seg[1:]
	}
	return len(seg) > 0 && seg[0].start >= m.start && seg[len(seg)-1].end <= m.end+3
}

// capitalName returns a segment that is a person's name the actor finder
// passed over (named once, without a title), when its first word is a
// common given name: "Ashley Broadway-Mack". Otherwise "".
func (a *analysis) capitalName(seg []token) string {
	if len(seg) < 2 || len(seg) > 4 {
		return ""
	}
	for _, t := range seg {
		if !capitalized(t.text) || t.poss {
			return ""
		}
	}
	if lexicon.GivenName(seg[0].norm) == genderUnknown {
		return ""
	}
	return strings.Join(func() []string {
		var ws []string
		for _, t := range seg {
			ws = append(ws, t.text)
		}
		return ws
	}(), " ")
}

// roleAbbrevs are the full words of abbreviated titles, for matching "the
// senator" with "Sen. Ted Cruz".
var roleAbbrevs = map[string]string{"sen": "senator", "rep": "representative", "gov": "governor",
	"gen": "general", "lt": "lieutenant", "col": "colonel", "sgt": "sergeant", "capt": "captain", "adm": "admiral"}

// titledPerson returns the one named person the article gives the title
// toks ("Conservative leader", "MP", "press secretary") before sentence
// si: the title's last word must be the head of the person's role, and
// its other words in the role. It returns "" when none or several have
// it.
func (a *analysis) titledPerson(toks []token, si int) string {
	if len(toks) == 0 {
		return ""
	}
	want := normsOf(toks)
	headWant := want[len(want)-1]
	found := -1
	for idx, ac := range a.actors {
		if ac.kind != kindPerson || ac.first < 0 || ac.first > si {
			continue
		}
		for _, rc := range ac.roles {
			if rc.sent > si {
				continue
			}
			words := normWords(rc.text)
			for k, w := range words {
				if full, ok := roleAbbrevs[w]; ok {
					words[k] = full
				}
			}
			// The role's head: its last word before a preposition ("a
			// friend of the senator" is a friend).
			head := len(words)
			for k, w := range words {
				if lexicon.Prepositions.Has(w) {
					head = k
					break
				}
			}
			if head == 0 || words[head-1] != headWant {
				continue
			}
			ok := true
			for _, w := range want[:len(want)-1] {
				ok = ok && slices.Contains(words[:head], w)
			}
			if !ok {
				continue
			}
			if found >= 0 && found != idx {
				return ""
			}
			found = idx
		}
	}
	if found < 0 {
		return ""
	}
	return a.actors[found].name
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
