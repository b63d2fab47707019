package brief

import (
	"strings"

	"github.com/brief-dev/brief/brief/lexicon"
)

// nameRuns returns the runs of capitalised words of toks as [i, j) index
// pairs. Lower-case particles ("al", "von") and "of" after a title or an
// organisation word ("Secretary of State", "Ministry of Defence") join a
// run.
func nameRuns(toks []token) [][2]int {
	var out [][2]int
	for i := 0; i < len(toks); {
		if !capitalized(toks[i].text) || marketCode(toks, i) {
			i++
			continue
		}
		j := i + 1
		if i > 0 && lexicon.NameParticles.Has(toks[i-1].text) && joins(toks[i-1], toks[i].gap) && (i == 1 || !capitalized(toks[i-2].text)) {
			i-- // a name that opens with its particle: "al Qaeda", "bin Laden", "van Gogh"
		}
		for j < len(toks) {
			prev := toks[j-1]
			if prev.poss || !joins(prev, toks[j].gap) {
				break
			}
			w := toks[j].text
			if capitalized(w) {
				j++
				continue
			}
			k := toks[j].norm
			next := j+1 < len(toks) && capitalized(toks[j+1].text) && joins(toks[j], toks[j+1].gap)
			switch {
			case next && lexicon.NameParticles.Has(k):
				j++
			case next && k == "of" && (lexicon.TitleWords.Has(prev.norm) || lexicon.OrgCues.Has(prev.norm)):
				j++
			case k == "of" && j+2 < len(toks) && toks[j+1].norm == "the" && capitalized(toks[j+2].text) &&
				(lexicon.TitleWords.Has(prev.norm) || lexicon.OrgCues.Has(prev.norm)):
				j += 2
			default:
				goto done
			}
		}
	done:
		out = append(out, [2]int{i, j})
		i = j
	}
	return out
}

// marketCode reports whether toks[i] is part of a market code rather
// than a word: "US30YT=RR", "EUR=", ".DXY".
func marketCode(toks []token, i int) bool {
	return strings.Contains(toks[i].gap, "=") || strings.HasSuffix(toks[i].gap, " .") ||
		i+1 < len(toks) && strings.HasPrefix(toks[i+1].gap, "=")
}

// joins reports whether a word after gap continues a name begun by prev.
func joins(prev token, gap string) bool {
	if gap == " " {
		return true
	}
	if strings.TrimSpace(gap) == "." && strings.HasPrefix(gap, ".") {
		return lexicon.AbbrevTitles.Has(prev.norm) || (len(prev.text) == 1 && capitalized(prev.text))
	}
	return strings.TrimSpace(gap) == ""
}

// opensClause reports whether a word after gap starts a sentence or a
// quotation, where capitals say nothing about names.
func opensClause(toks []token, i int) bool {
	if i == 0 {
		return true
	}
	return strings.ContainsAny(toks[i].gap, "“\"‘:.!?")
}

// sentenceCandidates appends the names found in sentence si to cands.
func (a *analysis) sentenceCandidates(si int, cands []candidate) []candidate {
	s := &a.sents[si]
	toks := s.toks
	for _, r := range nameRuns(toks) {
		i, j := r[0], r[1]
		initial := opensClause(toks, i)
		if lexicon.SentenceStarters.Has(toks[i].norm) {
			i++
			initial = false
		}
		if i >= j {
			continue
		}
		theBefore := i > 0 && toks[i-1].norm == "the"
		if initial && j-i == 1 {
			if c, ok := a.knownName(si, toks[i]); ok {
				cands = append(cands, c)
				continue
			}
			// "Obama said" opens many sentences; "Officials said" too.
			speech := i+1 < len(toks) && lexicon.SpeechVerbs.Has(toks[i+1].norm) && toks[i+1].gap == " " &&
				!strings.HasSuffix(toks[i].text, "s") && !lexicon.NonNames.Has(toks[i].norm) && !allCaps(toks[i].text)
			cands = append(cands, candidate{sent: si, start: toks[i].start, end: nameEnd(toks[i]),
				name: toks[i].text, kind: kindPerson, deferred: !speech, speech: speech})
			continue
		}
		cands = a.classifyRun(si, i, j, theBefore, cands)
	}
	return cands
}

// nameEnd is the end of t's word without a possessive ending.
func nameEnd(t token) int { return t.start + len(t.text) }

// knownName looks a single word up in the country and organisation tables.
func (a *analysis) knownName(si int, t token) (candidate, bool) {
	k := t.norm
	c := candidate{sent: si, start: t.start, end: nameEnd(t)}
	if n, ok := lexicon.Country(k); ok {
		c.name, c.kind = n, kindCountry
		return c, true
	}
	if n, ok := lexicon.Organisation(k); ok {
		c.name, c.kind = n, kindOrganisation
		return c, true
	}
	return c, false
}

// classifyRun turns the run of capitalised words toks[i:j] of sentence si
// into candidates: an organisation, countries, a person with a title.
func (a *analysis) classifyRun(si, i, j int, theBefore bool, cands []candidate) []candidate {
	toks := a.sents[si].toks
	if c, ok, done := a.organisationRun(si, i, j, theBefore); done {
		if ok {
			cands = append(cands, c)
		}
		return cands
	}
	// Countries and title words at the front: "Russian President", "Secretary of State".
	front := a.runFront(si, i, j)
	cands = append(cands, front.countries...)
	k := front.end
	if k >= j {
		return cands
	}
	for _, t := range toks[k:j] {
		if lexicon.NonNames.Has(t.norm) || t.number {
			return cands
		}
	}
	return a.personRun(si, i, j, theBefore, front, cands)
}

// organisationRun classifies a run that names an organisation or a place
// rather than a person: a known organisation ("European Union"), a run
// ending in an organisation word ("Foreign Ministry"), "<cue> of"
// ("Central Bank of Nigeria"). done reports that the run needs no more
// reading; ok that c is a candidate (a place such as "Oakland County" is
// done but not a candidate).
func (a *analysis) organisationRun(si, i, j int, theBefore bool) (c candidate, ok, done bool) {
	s := &a.sents[si]
	toks := s.toks
	start, end := toks[i].start, nameEnd(toks[j-1])
	whole := s.text[start:end]
	if n, ok := lexicon.Organisation(lexicon.Norm(whole)); ok {
		return candidate{sent: si, start: start, end: end, name: n, kind: kindOrganisation}, true, true
	}
	if hasPersonTitle(toks[i:j]) {
		return candidate{}, false, false
	}
	if lexicon.OrgCues.Has(toks[j-1].norm) && (j-i >= 2 || theBefore) || orgOf(toks[i:j]) {
		return candidate{sent: si, start: start, end: end, name: whole, kind: kindOrganisation}, true, true
	}
	if j-i >= 2 && lexicon.PlaceCues.Has(toks[j-1].norm) {
		return candidate{}, false, true
	}
	return candidate{}, false, false
}

// runFront is what stands before the name in a run: countries (each a
// candidate of its own) and title words.
type runFront struct {
	countries   []candidate
	nation      string // the last country named, as written ("Russian")
	titleStart  int    // first word of the title, or -1
	titleEnd    int    // end of the title (exclusive)
	personTitle bool   // the title marks a person ("President", "Mr")
	gender      gender // given by an honorific or a title ("Mr", "Queen")
	end         int    // first word of the name
}

// runFront peels countries and title words off the front of the run
// toks[i:j] of sentence si.
func (a *analysis) runFront(si, i, j int) runFront {
	s := &a.sents[si]
	toks := s.toks
	f := runFront{titleStart: -1, titleEnd: -1}
	k := i
	for k < j {
		if n, m := countryAt(toks, k, j); m > 0 {
			f.countries = append(f.countries, candidate{sent: si, start: toks[k].start, end: nameEnd(toks[k+m-1]), name: n, kind: kindCountry})
			f.nation = s.text[toks[k].start:nameEnd(toks[k+m-1])]
			if f.titleStart < 0 {
				f.titleStart = k
			}
			f.titleEnd = k + m
			k += m
			continue
		}
		w := toks[k].norm
		if !lexicon.TitleWords.Has(w) && !((w == "of" || w == "the") && f.titleStart >= 0) {
			break
		}
		if g := lexicon.GenderWord(w); g != genderUnknown {
			f.gender = g
		}
		if lexicon.Honorifics.Has(w) {
			f.personTitle = true
			k++
			continue
		}
		if f.titleStart < 0 {
			f.titleStart = k
		}
		f.personTitle = f.personTitle || lexicon.PersonTitles.Has(w)
		f.titleEnd = k + 1
		k++
	}
	// A title after other capitalised words: "Claiborne County Sheriff
	// Marvin Lucas", "Labour MP Jane Doe". The name is what follows the
	// last title word.
	for t := j - 2; t >= k; t-- {
		if w := toks[t].norm; lexicon.PersonTitles.Has(w) && toks[t].capital {
			if f.titleStart < 0 {
				f.titleStart = i
			}
			f.titleEnd = t + 1
			f.personTitle = true
			if g := lexicon.GenderWord(w); g != genderUnknown {
				f.gender = g
			}
			k = t + 1
			break
		}
	}
	f.end = k
	return f
}

// personRun makes the candidate of the name toks[f.end:j] after the
// front f of the run starting at word i: a person with the roles the
// sentence gives (the title before the name, a role before the run, an
// appositive after it), or an organisation known by one word or an
// acronym.
func (a *analysis) personRun(si, i, j int, theBefore bool, f runFront, cands []candidate) []candidate {
	s := &a.sents[si]
	toks := s.toks
	k := f.end
	name := s.text[toks[k].start:nameEnd(toks[j-1])]
	c := candidate{sent: si, start: toks[k].start, end: nameEnd(toks[j-1]), name: name, kind: kindPerson}
	if j-k == 1 {
		if n, ok := lexicon.Organisation(lexicon.Norm(name)); ok {
			c.name, c.kind = n, kindOrganisation
			return append(cands, c)
		}
		if allCaps(toks[k].text) {
			c.kind = kindOrganisation
			return append(cands, c)
		}
		if lexicon.OrgCues.Has(lexicon.Norm(name)) || lexicon.PlaceCues.Has(lexicon.Norm(name)) {
			return cands // "Ministry" alone
		}
	}
	if theBefore && f.titleStart < 0 {
		return cands // "the Cold War", "the Group"
	}
	if f.titleStart < 0 && j < len(toks) && toks[j].gap == " " && lexicon.PersonNouns.Has(toks[j].norm) && !toks[j].capital {
		// A name before a person noun qualifies it: "Google India
		// spokeswoman", "Diffa resident". It is an organisation or a
		// place, not a person.
		if j-k >= 2 {
			c.kind = kindOrganisation
			return append(cands, c)
		}
		return cands
	}
	if f.titleStart < 0 && j-k == 1 && i > 0 && lexicon.Locatives.Has(toks[i-1].norm) {
		return cands // "from Texas", "in Grapevine": a place
	}
	c.multi = j-k >= 2
	c.titled = f.personTitle
	c.gender = f.gender
	c.speech = j < len(toks) && lexicon.SpeechVerbs.Has(toks[j].norm) && strings.TrimSpace(toks[j].gap) == "" ||
		i > 0 && lexicon.SpeechVerbs.Has(toks[i-1].norm)
	if f.titleStart >= 0 && f.personTitle {
		end := nameEnd(toks[f.titleEnd-1])
		if lexicon.AbbrevTitles.Has(toks[f.titleEnd-1].norm) && strings.HasPrefix(s.text[end:], ".") {
			end++ // "Sen."
		}
		role := s.text[toks[f.titleStart].start:end]
		c.roles = append(c.roles, roleCand{text: role, prio: roleTitle, nation: f.nation, sent: si, possAt: -1})
	}
	if f.titleStart < 0 {
		if rc, ok := a.preRole(si, i); ok {
			c.roles = append(c.roles, rc)
			c.titled = true
		}
	}
	if rc, ok := appositive(s, j, si); ok {
		c.roles = append(c.roles, rc)
	}
	return append(cands, c)
}

// countryAt matches a country's name or adjective of up to three words at
// toks[k:], within toks[:j]. It returns the country and the number of
// words matched.
func countryAt(toks []token, k, j int) (string, int) {
	for m := min(3, j-k); m >= 2; m-- {
		parts := make([]string, m)
		for x := 0; x < m; x++ {
			parts[x] = toks[k+x].norm
		}
		if n, ok := lexicon.Country(strings.Join(parts, " ")); ok {
			return n, m
		}
	}
	if k < j {
		if n, ok := lexicon.Country(toks[k].norm); ok {
			return n, 1
		}
	}
	return "", 0
}

// preRole reads a lower-case role before the name that starts at word i:
// "Syrian leader Bashar al-Assad", "his Russian counterpart Sergey Lavrov".
func (a *analysis) preRole(si, i int) (roleCand, bool) {
	s := &a.sents[si]
	toks := s.toks
	if i == 0 || toks[i].gap != " " {
		return roleCand{}, false
	}
	noun := toks[i-1].norm
	if !lexicon.RoleNouns.Has(noun) || capitalized(toks[i-1].text) {
		return roleCand{}, false
	}
	m := i - 1
	nation := ""
	for m > 0 && m > i-6 && toks[m].gap == " " {
		p := toks[m-1]
		if _, n := countryAt(toks, m-1, i); n == 1 {
			nation = p.text
			m--
			continue
		}
		if lexicon.RoleModifiers.Has(p.norm) && !p.capital {
			m-- // "press" in "White House press secretary"
			continue
		}
		if capitalized(p.text) && (!opensClause(toks, m-1) || toks[m].capital) || p.poss {
			m--
			if p.poss {
				break
			}
			continue
		}
		break
	}
	text := s.text[toks[m].start:toks[i-1].end]
	rc := roleCand{text: text, prio: rolePre, nation: nation, counterpart: noun == "counterpart" && nation != "", sent: si, possAt: -1}
	if m > 0 && toks[m].gap == " " {
		switch toks[m-1].norm {
		case "his", "her":
			rc.possAt = toks[m-1].start
		}
	}
	return rc, true
}

// possessive writes name's possessive, with the apostrophe style of text.
func possessive(name, text string) string {
	if strings.Contains(text, "’") {
		return name + "’s"
	}
	return name + "'s"
}

// appositive reads a role set off by commas after the name ending before
// word j: "Jane Doe, the head of the agency, said".
func appositive(s *sent, j, si int) (roleCand, bool) {
	toks := s.toks
	if j >= len(toks) || strings.TrimSpace(toks[j].gap) != "," {
		return roleCand{}, false
	}
	start := j
	if w := toks[j].norm; w == "the" || w == "a" || w == "an" {
		start = j + 1
	}
	hasRole := false
	end := start
	for end < len(toks) && end < start+12 {
		if end > start && strings.TrimSpace(toks[end].gap) != "" {
			break
		}
		if lexicon.RoleNouns.Has(toks[end].norm) && !capitalized(toks[end].text) {
			hasRole = true
		}
		end++
	}
	if !hasRole || end == start || end >= len(toks) && !strings.HasPrefix(strings.TrimSpace(s.text[toks[end-1].end:]), ".") {
		return roleCand{}, false
	}
	if end < len(toks) && strings.TrimSpace(toks[end].gap) != "," {
		return roleCand{}, false
	}
	if lexicon.SpeechVerbs.Has(toks[start].norm) {
		return roleCand{}, false
	}
	return roleCand{text: s.text[toks[start].start:toks[end-1].end], prio: roleAppos, sent: si, possAt: -1}, true
}

// surnameOf is the last word of a person's name without a particle:
// "Bashar al-Assad" → "Assad".
func surnameOf(name string) string {
	f := strings.Fields(name)
	last := f[len(f)-1]
	if i := strings.IndexByte(last, '-'); i > 0 && lexicon.NameParticles.Has(strings.ToLower(last[:i])) {
		return last[i+1:]
	}
	return last
}

// orgOf reports whether a run names an organisation by "<cue> of":
// "Central Bank of Nigeria", "Ministry of Defence".
func orgOf(run []token) bool {
	for x := 1; x < len(run); x++ {
		if run[x].norm == "of" && lexicon.OrgCues.Has(run[x-1].norm) {
			return true
		}
	}
	return false
}

// hasPersonTitle reports whether a run holds a person's title word:
// "Secretary of State" is a title, not an organisation named "State".
func hasPersonTitle(run []token) bool {
	for _, t := range run {
		if lexicon.PersonTitles.Has(t.norm) && capitalized(t.text) {
			return true
		}
	}
	return false
}
