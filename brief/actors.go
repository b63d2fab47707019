package brief

import (
	"slices"
	"sort"
	"strings"
)

// Actor kinds.
const (
	kindPerson       = "person"
	kindCountry      = "country"
	kindOrganisation = "organisation"
)

// actor is a person, country or organisation found in the article.
type actor struct {
	name     string
	kind     string
	aliases  []string // other forms found, in order of appearance
	surname  string   // for people: the last part of the name
	mentions int
	weight   float64 // mentions weighted by the score of their sentences
	first    int     // index of the first sentence that mentions it
	roles    []roleCand
}

// countryWeight scales a country's mentions against a person's or an
// organisation's when ranking actors.
const countryWeight = 0.6

// mention is one place where a sentence refers to an actor.
type mention struct {
	actor      int // index into analysis.actors
	start, end int // byte span in the sentence text
	inQuote    bool
}

// Role candidate priorities: a title before the name beats an appositive,
// which beats a lower-case description before the name.
const (
	rolePre   = 1 // "his Russian counterpart Sergey Lavrov"
	roleAppos = 2 // "Jane Doe, the head of the agency,"
	roleTitle = 3 // "Secretary of State John Kerry"
)

// roleCand is one role the article gives an actor.
type roleCand struct {
	text  string
	prio  int
	nat   string // the nationality or country in the role, if any
	bare  bool   // a title without nationality, such as "President"
	count bool   // the role is "<nationality> counterpart"
	sent  int
	// possAt is the offset of a "his" or "her" before the role, to be
	// replaced by the person it points to; -1 if none.
	possAt int
}

// candidate is a name found in a sentence, before mentions are merged.
type candidate struct {
	sent       int
	start, end int // byte span of the name
	name       string
	kind       string
	multi      bool // a person's name of two or more words
	titled     bool // a person's title stands before the name
	speech     bool // a speech verb follows the name
	deferred   bool // a lone capitalised word opening a sentence
	roles      []roleCand
}

// findActors finds the actors of the document and every mention of them.
func (a *analysis) findActors() {
	var cands []candidate
	for i := range a.sents {
		cands = a.sentenceCandidates(i, cands)
	}
	a.mergeCandidates(cands)
	a.findThePresident()
	for _, ac := range a.actors {
		ac.first = -1
	}
	for i := range a.sents {
		for _, m := range a.sents[i].mentions {
			ac := a.actors[m.actor]
			ac.mentions++
			w := 1 + a.norm(i)
			if ac.kind == kindCountry {
				// Countries are named often in passing, by adjective:
				// "Russian forces", "US officials".
				w *= countryWeight
			}
			ac.weight += w
			if ac.first < 0 {
				ac.first = i
			}
		}
	}
}

// nameRuns returns the runs of capitalised words of toks as [i, j) index
// pairs. Lower-case particles ("al", "von") and "of" after a title or an
// organisation word ("Secretary of State", "Ministry of Defence") join a
// run.
func nameRuns(toks []token) [][2]int {
	var out [][2]int
	for i := 0; i < len(toks); {
		if !capitalized(toks[i].text) {
			i++
			continue
		}
		j := i + 1
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
			case next && nameParticles[k]:
				j++
			case next && k == "of" && (titleWords[prev.norm] || orgCues[prev.norm]):
				j++
			case k == "of" && j+2 < len(toks) && toks[j+1].norm == "the" && capitalized(toks[j+2].text) &&
				(titleWords[prev.norm] || orgCues[prev.norm]):
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

// joins reports whether a word after gap continues a name begun by prev.
func joins(prev token, gap string) bool {
	if gap == " " {
		return true
	}
	if strings.TrimSpace(gap) == "." && strings.HasPrefix(gap, ".") {
		return abbrevTitles[prev.norm] || (len(prev.text) == 1 && capitalized(prev.text))
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
		if sentenceStarters[toks[i].norm] {
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
			speech := i+1 < len(toks) && speechVerbs[toks[i+1].norm] && toks[i+1].gap == " " &&
				!strings.HasSuffix(toks[i].text, "s") && !nonNames[toks[i].norm] && !allCaps(toks[i].text)
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
	if n, ok := countries[k]; ok {
		c.name, c.kind = n, kindCountry
		return c, true
	}
	if n, ok := knownOrgs[k]; ok {
		c.name, c.kind = n, kindOrganisation
		return c, true
	}
	return c, false
}

// classifyRun turns the run of capitalised words toks[i:j] of sentence si
// into candidates: an organisation, countries, a person with a title.
func (a *analysis) classifyRun(si, i, j int, theBefore bool, cands []candidate) []candidate {
	s := &a.sents[si]
	toks := s.toks
	text := s.text
	whole := text[toks[i].start:nameEnd(toks[j-1])]
	if n, ok := knownOrgs[normWord(whole)]; ok {
		return append(cands, candidate{sent: si, start: toks[i].start, end: nameEnd(toks[j-1]), name: n, kind: kindOrganisation})
	}
	if !hasPersonTitle(toks[i:j]) {
		if orgCues[toks[j-1].norm] && (j-i >= 2 || theBefore) || orgOf(toks[i:j]) {
			return append(cands, candidate{sent: si, start: toks[i].start, end: nameEnd(toks[j-1]), name: whole, kind: kindOrganisation})
		}
		if j-i >= 2 && placeCues[toks[j-1].norm] {
			return cands // "Oakland County"
		}
	}
	// Peel countries and title words off the front.
	k := i
	nat := ""
	titleStart, titleEnd := -1, -1
	personTitle := false
	for k < j {
		if n, m := countryAt(toks, k, j); m > 0 {
			cands = append(cands, candidate{sent: si, start: toks[k].start, end: nameEnd(toks[k+m-1]), name: n, kind: kindCountry})
			nat = text[toks[k].start:nameEnd(toks[k+m-1])]
			if titleStart < 0 {
				titleStart = k
			}
			titleEnd = k + m
			k += m
			continue
		}
		w := toks[k].norm
		if titleWords[w] || ((w == "of" || w == "the") && titleStart >= 0) {
			if honorifics[w] {
				personTitle = true
				k++
				continue
			}
			if titleStart < 0 {
				titleStart = k
			}
			personTitle = personTitle || personTitles[w]
			titleEnd = k + 1
			k++
			continue
		}
		break
	}
	if k >= j {
		return cands
	}
	for _, t := range toks[k:j] {
		w := t.norm
		if nonNames[w] || strings.ContainsAny(t.text, "0123456789") {
			return cands
		}
	}
	name := text[toks[k].start:nameEnd(toks[j-1])]
	c := candidate{sent: si, start: toks[k].start, end: nameEnd(toks[j-1]), name: name, kind: kindPerson}
	if j-k == 1 {
		if n, ok := knownOrgs[normWord(name)]; ok {
			c.name, c.kind = n, kindOrganisation
			return append(cands, c)
		}
		if allCaps(toks[k].text) {
			c.kind = kindOrganisation
			return append(cands, c)
		}
	}
	if j-k == 1 && (orgCues[normWord(name)] || placeCues[normWord(name)]) {
		return cands // "Ministry" alone
	}
	if theBefore && titleStart < 0 {
		return cands // "the Cold War", "the Group"
	}
	c.multi = j-k >= 2
	c.titled = personTitle
	c.speech = j < len(toks) && speechVerbs[toks[j].norm] && strings.TrimSpace(toks[j].gap) == "" ||
		i > 0 && speechVerbs[toks[i-1].norm]
	if titleStart >= 0 && personTitle {
		end := nameEnd(toks[titleEnd-1])
		if abbrevTitles[toks[titleEnd-1].norm] && strings.HasPrefix(text[end:], ".") {
			end++ // "Sen."
		}
		role := text[toks[titleStart].start:end]
		c.roles = append(c.roles, roleCand{text: role, prio: roleTitle, nat: nat, bare: nat == "", sent: si, possAt: -1})
	}
	if titleStart < 0 {
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
		if n, ok := countries[strings.Join(parts, " ")]; ok {
			return n, m
		}
	}
	if k < j {
		if n, ok := countries[toks[k].norm]; ok {
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
	if !roleNouns[noun] || capitalized(toks[i-1].text) {
		return roleCand{}, false
	}
	m := i - 1
	nat := ""
	for m > 0 && m > i-5 && toks[m].gap == " " {
		p := toks[m-1]
		if _, n := countryAt(toks, m-1, i); n == 1 {
			nat = p.text
			m--
			continue
		}
		if capitalized(p.text) && !opensClause(toks, m-1) || p.poss {
			m--
			if p.poss {
				break
			}
			continue
		}
		break
	}
	text := s.text[toks[m].start:toks[i-1].end]
	rc := roleCand{text: text, prio: rolePre, nat: nat, count: noun == "counterpart" && nat != "", sent: si, possAt: -1}
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
		if roleNouns[toks[end].norm] && !capitalized(toks[end].text) {
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
	if speechVerbs[toks[start].norm] {
		return roleCand{}, false
	}
	return roleCand{text: s.text[toks[start].start:toks[end-1].end], prio: roleAppos, sent: si, possAt: -1}, true
}

// mergeCandidates turns candidates into actors and mentions: a lone
// surname joins the full name it belongs to ("Obama" → "Barack Obama"),
// a lone unknown word is dropped unless a title or a speech verb marks it
// as a person.
func (a *analysis) mergeCandidates(cands []candidate) {
	byName := map[string]int{}
	surnames := map[string][]int{}
	lastSeen := map[int]int{}
	add := func(name, kind string) int {
		k := kind + "\x00" + name
		if idx, ok := byName[k]; ok {
			return idx
		}
		idx := len(a.actors)
		ac := &actor{name: name, kind: kind}
		if kind == kindPerson {
			ac.surname = surnameOf(name)
			sk := normWord(ac.surname)
			surnames[sk] = append(surnames[sk], idx)
		}
		a.actors = append(a.actors, ac)
		byName[k] = idx
		return idx
	}
	for _, c := range cands {
		if c.kind == kindPerson && c.multi {
			add(c.name, kindPerson)
		}
	}
	// A shorter form of a longer name ("Al Houthi", "Abdul Malik al
	// Houthi") is the same person.
	// Each name is in one surname's list, so the map's order does not
	// matter; within a list the earliest longer name wins.
	for _, ids := range surnames {
		for _, x := range ids {
			for _, y := range ids {
				if x != y && strings.HasSuffix(a.actors[y].name, " "+a.actors[x].name) {
					byName[kindPerson+"\x00"+a.actors[x].name] = y
					break
				}
			}
		}
	}
	for _, c := range cands {
		idx := -1
		switch {
		case c.kind != kindPerson:
			idx = add(c.name, c.kind)
		case c.multi:
			idx = byName[kindPerson+"\x00"+c.name]
		default:
			if ids := surnames[normWord(surnameOf(c.name))]; len(ids) > 0 {
				idx = ids[0]
				for _, id := range ids[1:] {
					if lastSeen[id] > lastSeen[idx] {
						idx = id
					}
				}
			} else if (c.titled || c.speech) && !c.deferred {
				idx = add(c.name, kindPerson)
			}
		}
		if idx < 0 {
			continue
		}
		lastSeen[idx] = c.sent + 1
		ac := a.actors[idx]
		if c.name != ac.name && !slices.Contains(ac.aliases, c.name) {
			ac.aliases = append(ac.aliases, c.name)
		}
		s := &a.sents[c.sent]
		for _, rc := range c.roles {
			if rc.possAt >= 0 {
				if p := a.lastPersonIn(c.sent, rc.possAt); p >= 0 {
					rc.text = possessive(a.actors[p].surname, s.text) + " " + rc.text
				}
			}
			ac.roles = append(ac.roles, rc)
		}
		s.mentions = append(s.mentions, mention{actor: idx, start: c.start, end: c.end, inQuote: a.inQuote(c.sent, c.start)})
	}
}

// surnameOf is the last word of a person's name without a particle:
// "Bashar al-Assad" → "Assad".
func surnameOf(name string) string {
	f := strings.Fields(name)
	last := f[len(f)-1]
	if i := strings.IndexByte(last, '-'); i > 0 && nameParticles[strings.ToLower(last[:i])] {
		return last[i+1:]
	}
	return last
}

// lastPersonIn returns the person mentioned last, outside quotations,
// before byte offset off of sentence si, or -1.
func (a *analysis) lastPersonIn(si, off int) int {
	ms := a.sents[si].mentions
	for k := len(ms) - 1; k >= 0; k-- {
		m := ms[k]
		if m.end <= off && !m.inQuote && a.actors[m.actor].kind == kindPerson {
			return m.actor
		}
	}
	return -1
}

// lastPerson returns the person a "he" or "she" at byte offset off of
// sentence si points to: the person mentioned last, outside quotations,
// before it in the sentence or in the back sentences before it. It
// returns -1 when there is none, or when an unnamed person ("a
// spokesman", "the official") was mentioned after the last named one.
func (a *analysis) lastPerson(si, off, back int) int {
	for k := si; k >= 0 && k >= si-back; k-- {
		end := off
		if k != si {
			end = len(a.sents[k].text)
		}
		p := a.lastPersonIn(k, end)
		pEnd := -1
		if p >= 0 {
			for _, m := range a.sents[k].mentions {
				if m.actor == p && m.end <= end && !m.inQuote {
					pEnd = m.end
				}
			}
		}
		if u := a.lastUnnamed(k, end); u >= 0 && u >= pEnd {
			return -1
		}
		if p >= 0 {
			return p
		}
	}
	return -1
}

// lastUnnamed returns the offset of the last unnamed person outside
// quotations before byte offset end of sentence si ("a spokesman for the
// bank", "the official"), or -1.
func (a *analysis) lastUnnamed(si, end int) int {
	s := &a.sents[si]
	// Look back over the last words before end only: a pronoun points to
	// someone named shortly before it.
	hi := sort.Search(len(s.toks), func(k int) bool { return s.toks[k].end > end })
	for k := hi - 1; k >= 0 && k >= hi-lookBack; k-- {
		t := s.toks[k]
		if t.norm != "a" && t.norm != "an" && t.norm != "the" {
			continue
		}
		for x := k + 1; x < hi && x <= k+3; x++ {
			w := s.toks[x].text
			if capitalized(w) && x > k+1 && !allCaps(w) {
				break
			}
			if roleNouns[s.toks[x].norm] && !capitalized(w) && !a.inQuote(si, t.start) {
				return t.start
			}
		}
	}
	return -1
}

// lookBack is how many words before a pronoun are searched for the
// unnamed person it may point to.
const lookBack = 60

// lastPair returns the first two people named, outside quotations, in the
// nearest of the back sentences before si that names two, or false.
func (a *analysis) lastPair(si, back int) ([2]int, bool) {
	for k := si - 1; k >= 0 && k >= si-back; k-- {
		var got []int
		for _, m := range a.sents[k].mentions {
			if m.inQuote || a.actors[m.actor].kind != kindPerson || (len(got) == 1 && got[0] == m.actor) {
				continue
			}
			got = append(got, m.actor)
			if len(got) == 2 {
				return [2]int{got[0], got[1]}, true
			}
		}
	}
	return [2]int{}, false
}

// findThePresident counts "the president" as a mention of the president
// named last before it.
func (a *analysis) findThePresident() {
	for si := range a.sents {
		s := &a.sents[si]
		added := false
		for k := 0; k+1 < len(s.toks); k++ {
			if s.toks[k].norm != "the" || s.toks[k+1].text != "president" {
				continue
			}
			if k+2 < len(s.toks) && capitalized(s.toks[k+2].text) {
				continue
			}
			p := a.lastPresident(si, s.toks[k].start)
			if p < 0 {
				continue
			}
			s.mentions = append(s.mentions, mention{actor: p, start: s.toks[k].start, end: s.toks[k+1].end,
				inQuote: a.inQuote(si, s.toks[k].start)})
			added = true
		}
		if added {
			sort.SliceStable(s.mentions, func(x, y int) bool { return s.mentions[x].start < s.mentions[y].start })
		}
	}
}

// lastPresident returns the person with a presidential title mentioned
// last before offset off of sentence si, or -1.
func (a *analysis) lastPresident(si, off int) int {
	for k := si; k >= 0; k-- {
		ms := a.sents[k].mentions
		for x := len(ms) - 1; x >= 0; x-- {
			if k == si && ms[x].start >= off {
				continue
			}
			ac := a.actors[ms[x].actor]
			if ac.kind == kindPerson && ac.hasTitle("president") {
				return ms[x].actor
			}
		}
	}
	return -1
}

// hasTitle reports whether one of ac's titles contains the word w.
func (ac *actor) hasTitle(w string) bool {
	for _, rc := range ac.roles {
		if rc.prio == roleTitle {
			for _, x := range normWords(rc.text) {
				if x == w {
					return true
				}
			}
		}
	}
	return false
}

// role picks the role to show for ac and the sentence it comes from.
func (ac *actor) role() (string, int) {
	var best *roleCand
	better := func(x, y *roleCand) bool {
		if x.prio != y.prio {
			return x.prio > y.prio
		}
		if (x.nat != "") != (y.nat != "") {
			return x.nat != ""
		}
		if lx, ly := len(strings.Fields(x.text)), len(strings.Fields(y.text)); lx != ly {
			return lx > ly
		}
		return x.sent < y.sent
	}
	for k := range ac.roles {
		if best == nil || better(&ac.roles[k], best) {
			best = &ac.roles[k]
		}
	}
	if best == nil {
		return "", -1
	}
	if best.prio == roleTitle && best.bare {
		// "his Russian counterpart Vladimir Putin" and "President Putin"
		// make "Russian President".
		for _, rc := range ac.roles {
			if rc.count {
				return rc.nat + " " + best.text, best.sent
			}
		}
	}
	return best.text, best.sent
}

// maxActors caps the actors listed in a briefing.
const maxActors = 12

// actorList returns the actors that matter, most important first.
// speakers names the people quoted in the statements; they are listed
// even when named once.
func (a *analysis) actorList(speakers map[string]bool) []Actor {
	order := make([]int, 0, len(a.actors))
	for idx, ac := range a.actors {
		if ac.mentions == 0 || a.isSelf(ac) {
			continue
		}
		order = append(order, idx)
	}
	rank := func(ac *actor) float64 {
		w := ac.weight
		if r, _ := ac.role(); r != "" {
			w++
		}
		if speakers[ac.name] {
			w++
		}
		return w
	}
	sort.SliceStable(order, func(x, y int) bool {
		ax, ay := a.actors[order[x]], a.actors[order[y]]
		if rx, ry := rank(ax), rank(ay); rx != ry {
			return rx > ry
		}
		if ax.first != ay.first {
			return ax.first < ay.first
		}
		return order[x] < order[y]
	})
	out := []Actor{}
	seen := map[*actor]bool{}
	for _, idx := range order {
		ac := a.actors[idx]
		role, src := ac.role()
		if seen[ac] || ac.mentions < 2 && role == "" && !speakers[ac.name] && a.weakActor(ac) {
			continue
		}
		seen[ac] = true
		x := Actor{Name: ac.name, Kind: ac.kind, Role: role, Mentions: ac.mentions, Aliases: ac.aliases}
		if src >= 0 {
			x.Sources = []string{a.sents[src].ID}
		}
		out = append(out, x)
		if len(out) == maxActors {
			break
		}
	}
	return out
}

// isSelf reports whether ac is the article's own news organisation or
// author.
func (a *analysis) isSelf(ac *actor) bool {
	d := a.doc
	return d.Dateline.Source != "" && strings.EqualFold(ac.name, d.Dateline.Source) ||
		d.Byline.Name != "" && strings.EqualFold(ac.name, d.Byline.Name)
}

// orgOf reports whether a run names an organisation by "<cue> of":
// "Central Bank of Nigeria", "Ministry of Defence".
func orgOf(run []token) bool {
	for x := 1; x < len(run); x++ {
		if run[x].norm == "of" && orgCues[run[x-1].norm] {
			return true
		}
	}
	return false
}

// hasPersonTitle reports whether a run holds a person's title word:
// "Secretary of State" is a title, not an organisation named "State".
func hasPersonTitle(run []token) bool {
	for _, t := range run {
		if personTitles[t.norm] && capitalized(t.text) {
			return true
		}
	}
	return false
}

// weakActor reports whether ac, mentioned once and without a role, is too
// uncertain to list: a lone person's name or an unknown acronym ("NEVER"
// shouted in a quotation) rather than a country or a known organisation.
func (a *analysis) weakActor(ac *actor) bool {
	switch ac.kind {
	case kindPerson:
		return true
	case kindOrganisation:
		_, known := knownOrgs[normWord(ac.name)]
		return !known && allCaps(ac.name)
	}
	return false
}
