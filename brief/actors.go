package brief

import (
	"slices"
	"sort"
	"strings"

	"github.com/brief-dev/brief/brief/lexicon"
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
	// For people: what the article tells of their sex (for "he" and
	// "she"), and whether it is certain the name is a person's (a title,
	// a given name, a role, a speech verb), not a place or a company that
	// looks like one.
	gender  gender
	certain bool
	genders [3]int // evidence counted by gender, to settle gender
}

// countryWeight scales a country's mentions against a person's or an
// organisation's when ranking actors.
const countryWeight = 0.6

// mention is one place where a sentence refers to an actor.
type mention struct {
	actor      int // index into analysis.actors
	start, end int // byte span in the sentence text
	inQuote    bool
	// ambiguous marks a short name that more than one person named
	// before could bear ("Lee" after "Lee Kuan Yew" and "Lee Hsien Loong").
	ambiguous bool
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
	text        string
	prio        int
	nation      string // the nationality or country in the role, if any
	counterpart bool   // the role is "<nationality> counterpart"
	sent        int
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
	multi      bool   // a person's name of two or more words
	titled     bool   // a person's title stands before the name
	speech     bool   // a speech verb follows the name
	deferred   bool   // a lone capitalised word opening a sentence
	gender     gender // from an honorific or a title before the name ("Mr", "Queen")
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

// mergeCandidates turns candidates into actors and mentions: a lone
// surname joins the full name it belongs to ("Obama" → "Barack Obama"),
// a lone unknown word is dropped unless a title or a speech verb marks it
// as a person.
func (a *analysis) mergeCandidates(cands []candidate) {
	byName := map[string]int{}
	surnames := map[string][]int{}
	lastSeen := map[int]int{}
	givens := map[string][]int{} // the first word of a multi-word name, for family names written first ("Yoon" of "Yoon Suk Yeol")
	add := func(name, kind string) int {
		k := kind + "\x00" + name
		if idx, ok := byName[k]; ok {
			return idx
		}
		idx := len(a.actors)
		ac := &actor{name: name, kind: kind}
		if kind == kindPerson {
			ac.surname = surnameOf(name)
			sk := lexicon.Norm(ac.surname)
			surnames[sk] = append(surnames[sk], idx)
			if f := strings.Fields(name); len(f) > 1 {
				fk := lexicon.Norm(f[0])
				givens[fk] = append(givens[fk], idx)
			}
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
		ambiguous := false
		switch {
		case c.kind != kindPerson:
			idx = add(c.name, c.kind)
		case c.multi:
			idx = byName[kindPerson+"\x00"+c.name]
		default:
			ids := surnames[lexicon.Norm(surnameOf(c.name))]
			if len(ids) == 0 && !strings.Contains(c.name, " ") {
				ids = givens[lexicon.Norm(c.name)] // a family name written first: "Yoon" of "Yoon Suk Yeol"
				if len(ids) > 0 && lexicon.GivenName(lexicon.Norm(c.name)) != genderUnknown {
					ids = nil // a given name alone ("Barack") is not a family name
				}
			}
			if len(ids) > 0 {
				idx = ids[0]
				seen := 0
				for _, id := range ids {
					if lastSeen[id] > 0 {
						seen++
					}
					if lastSeen[id] > lastSeen[idx] {
						idx = id
					}
				}
				// Two people named before share the name: "Lee" may be
				// either; mentions of it are marked ambiguous.
				ambiguous = seen > 1
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
		s.mentions = append(s.mentions, mention{actor: idx, start: c.start, end: c.end, inQuote: a.inQuote(c.sent, c.start), ambiguous: ambiguous})
		if ac.kind == kindPerson {
			ac.genders[c.gender]++
			for _, rc := range c.roles {
				ac.genders[roleGender(rc.text)]++
			}
			ac.certain = ac.certain || c.titled || c.speech || len(c.roles) > 0
		}
	}
	for _, ac := range a.actors {
		if ac.kind == kindPerson {
			ac.settlePerson()
		}
	}
}

// settlePerson decides a person's gender and whether the name is
// certainly a person's, from the evidence counted while merging and from
// the name itself. Conflicting evidence leaves the gender unknown.
func (ac *actor) settlePerson() {
	if g := nameGender(ac.name); g != genderUnknown {
		ac.genders[g]++
		ac.certain = true
	}
	male, female := ac.genders[genderMale], ac.genders[genderFemale]
	switch {
	case male > 0 && female == 0:
		ac.gender = genderMale
	case female > 0 && male == 0:
		ac.gender = genderFemale
	}
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
		if (x.nation != "") != (y.nation != "") {
			return x.nation != ""
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
	if best.prio == roleTitle && best.nation == "" {
		// "his Russian counterpart Vladimir Putin" and "President Putin"
		// make "Russian President".
		for _, rc := range ac.roles {
			if rc.counterpart {
				return rc.nation + " " + best.text, best.sent
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
// one of its authors, or a news or photo agency credited in it: the
// people who report the story are not its actors.
func (a *analysis) isSelf(ac *actor) bool {
	d := a.doc
	for _, outlet := range []string{d.Dateline.Source, d.Site} {
		if outlet != "" && strings.EqualFold(ac.name, outlet) {
			return true
		}
	}
	if newsOutlets[lexicon.Norm(ac.name)] {
		return true
	}
	for _, author := range bylineNames(d.Byline.Name) {
		if strings.EqualFold(ac.name, author) || ac.kind == kindPerson && strings.EqualFold(ac.surname, surnameOf(author)) &&
			strings.Contains(author, " ") && !strings.Contains(ac.name, " ") {
			return true
		}
	}
	return false
}

// bylineNames splits a byline into the names it lists: "Lisa Mascaro,
// Mary Clare Jalonick and Eric Tucker".
func bylineNames(byline string) []string {
	var out []string
	for _, part := range strings.FieldsFunc(strings.NewReplacer(" and ", ",", " & ", ",").Replace(byline), func(r rune) bool { return r == ',' }) {
		if p := strings.TrimSpace(part); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// newsOutlets are news organisations and photo agencies: when an article
// names them it is as a source or a credit ("told CNN", "Getty Images"),
// not as an actor of the story.
var newsOutlets = func() map[string]bool {
	m := map[string]bool{}
	for _, n := range strings.Split(`cnn|bbc|bbc news|reuters|ap|afp|associated press|agence france-presse|
		bloomberg|xinhua|interfax|getty|getty images|gettyimages|epa|shutterstock|alamy|pa|al jazeera|
		press association|ansa|dpa|efe|kyodo|yonhap|tass|ria novosti`, "|") {
		m[strings.TrimSpace(n)] = true
	}
	return m
}()

// weakActor reports whether ac, mentioned once and without a role, is too
// uncertain to list: a lone person's name or an unknown acronym ("NEVER"
// shouted in a quotation) rather than a country or a known organisation.
func (a *analysis) weakActor(ac *actor) bool {
	switch ac.kind {
	case kindPerson:
		return true
	case kindOrganisation:
		_, known := lexicon.Organisation(lexicon.Norm(ac.name))
		return !known && allCaps(ac.name)
	}
	return false
}
