package brief

import (
	"slices"
	"strings"

	"github.com/brief-dev/brief/brief/lexicon"
)

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
