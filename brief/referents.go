package brief

import (
	"slices"
	"sort"

	"github.com/brief-dev/brief/brief/lexicon"
)

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

// referent is the person (or the people) a pronoun or a referring phrase
// stands for, and the sentence that names them.
type referent struct {
	actors []int  // indexes into analysis.actors, in the order named
	names  string // the names as the naming sentence writes them ("Obama", "Obama and Putin")
	sent   int    // the sentence that names them
}

// maxReferentBack is how many sentences before a pronoun (not counting
// sentences that are all quotation) are searched for the person it
// stands for: the one before. Further back, the chain of reference is
// too often broken by someone or something else.
const maxReferentBack = 1

// allQuoted reports whether every word of sentence si is inside a
// quotation.
func (a *analysis) allQuoted(si int) bool {
	for _, t := range a.sents[si].toks {
		if !a.inQuote(si, t.start) {
			return false
		}
	}
	return true
}

// pronounReferent returns the person a "he" or "she" (of gender g) at
// byte offset off of sentence si stands for, when the article leaves no
// doubt: searching back from the pronoun, the first sentence that
// mentions anyone must mention exactly one person who could be meant (of
// the pronoun's gender, or of unknown gender), that person must certainly
// be a person (not a place or a company that looks like a name), and no
// unnamed person ("a spokesman", "the official") may be mentioned after
// him. Mentions inside quotations do not count. Otherwise it returns
// false: a pronoun is better left unresolved than resolved wrongly.
func (a *analysis) pronounReferent(si, off int, g gender) (referent, bool) {
	return a.pronounChain(si, off, g, 2)
}

// pronounChain is pronounReferent, following up to depth sentences whose
// subject is the same pronoun: in "Obama said. But he insisted… “…,” he
// said." both pronouns stand for Obama.
func (a *analysis) pronounChain(si, off int, g gender, depth int) (referent, bool) {
	steps := 0 // sentences with words outside quotations passed
	for k := si; k >= 0 && k >= si-maxReferentBack-6; k-- {
		end := off
		if k != si {
			end = len(a.sents[k].text)
			if !a.allQuoted(k) {
				steps++
			}
			if steps > maxReferentBack {
				break
			}
		}
		var cands []mention
		lastEnd := -1
		for _, m := range a.sents[k].mentions {
			if m.end > end || m.inQuote || a.actors[m.actor].kind != kindPerson {
				continue
			}
			cands = append(cands, m)
			lastEnd = max(lastEnd, m.end)
		}
		unnamed := a.lastUnnamed(k, end)
		if len(cands) == 0 && unnamed < 0 && a.firstReference(k, end) < 0 {
			continue
		}
		if unnamed >= 0 && unnamed >= lastEnd {
			return referent{}, false // "a spokesman" was mentioned last
		}
		if r := a.firstReference(k, end); r >= 0 && len(cands) == 0 && k < si && depth > 0 && unnamed < 0 {
			// The sentence before speaks of someone by the same pronoun,
			// as its subject: "But he insisted…". Then it is whom that
			// pronoun stands for.
			if pg, ok := a.subjectPronoun(k, r); ok && pg == g && g != genderUnknown {
				return a.pronounChain(k, r, g, depth-1)
			}
			return referent{}, false
		}
		if r := a.firstReference(k, end); r >= 0 && (len(cands) == 0 || r < cands[0].start) {
			// The sentence opens its account of someone with a pronoun or
			// a description ("But he said Yassine Labidi…", "The Chilean
			// refused…"): a name after it is not who the pronoun means.
			return referent{}, false
		}
		var who []mention
		for _, m := range cands {
			ac := a.actors[m.actor]
			if !agrees(ac.gender, g) {
				continue
			}
			if !slices.ContainsFunc(who, func(x mention) bool { return x.actor == m.actor }) {
				who = append(who, m)
			}
		}
		if len(who) == 0 {
			// Everyone named here is certainly of the other sex: the
			// pronoun may point further back.
			continue
		}
		if len(who) != 1 || !a.actors[who[0].actor].certain {
			return referent{}, false
		}
		m := who[0]
		return referent{actors: []int{m.actor}, names: a.sents[k].text[m.start:m.end], sent: k}, true
	}
	return referent{}, false
}

// pairReferent returns the two people "the two leaders" (or "the pair",
// "both men") at the start of sentence si stand for: the sentence before
// must name exactly two people, both certainly people, outside
// quotations, and no one else.
func (a *analysis) pairReferent(si int) (referent, bool) {
	k := si - 1
	if k < 0 {
		return referent{}, false
	}
	var who []mention
	for _, m := range a.sents[k].mentions {
		if m.inQuote {
			continue
		}
		ac := a.actors[m.actor]
		if ac.kind != kindPerson {
			continue
		}
		if !ac.certain {
			return referent{}, false
		}
		if !slices.ContainsFunc(who, func(x mention) bool { return x.actor == m.actor }) {
			who = append(who, m)
		}
	}
	if len(who) != 2 || a.lastUnnamed(k, len(a.sents[k].text)) >= 0 {
		return referent{}, false
	}
	text := a.sents[k].text
	return referent{
		actors: []int{who[0].actor, who[1].actor},
		names:  text[who[0].start:who[0].end] + " and " + text[who[1].start:who[1].end],
		sent:   k,
	}, true
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
			if lexicon.PersonNouns.Has(s.toks[x].norm) && !capitalized(w) && !a.inQuote(si, t.start) {
				return t.start
			}
		}
	}
	return -1
}

// firstReference returns the offset of the first word of sentence si,
// before end and outside quotations, that refers to a person without
// naming one: a personal pronoun ("he", "her"), a description that opens
// the sentence ("The official", "The Chilean"), or -1.
func (a *analysis) firstReference(si, end int) int {
	s := &a.sents[si]
	for k, t := range s.toks {
		if t.end > end {
			break
		}
		if a.inQuote(si, t.start) {
			continue
		}
		if pronounGender(t.norm) != genderUnknown && !t.capital || k == 0 && pronounGender(t.norm) != genderUnknown {
			return t.start
		}
		if k == 0 && t.norm == "the" && len(s.toks) > 1 {
			if next := s.toks[1]; next.capital {
				if _, ok := lexicon.Country(next.norm); ok {
					return t.start // "The Chilean refused…"
				}
			}
		}
		// "A cousin of Yassine", "one dealer", "the official": a person
		// described, not named, among the opening words.
		if k < 4 && lexicon.Determiners.Has(t.norm) {
			for x := k + 1; x < len(s.toks) && x <= k+3; x++ {
				n := s.toks[x]
				if n.capital && x > k+1 {
					break
				}
				if lexicon.PersonNouns.Has(n.norm) && !n.capital {
					return t.start
				}
			}
		}
	}
	return -1
}

// subjectPronoun reports the gender of the personal pronoun at offset off
// of sentence si when it is the sentence's subject: its first word, or
// the first after a connective ("But he insisted").
func (a *analysis) subjectPronoun(si, off int) (gender, bool) {
	toks := a.sents[si].toks
	for k, t := range toks {
		if t.start != off {
			continue
		}
		if t.norm != "he" && t.norm != "she" {
			return genderUnknown, false
		}
		if k == 0 || k == 1 && lexicon.Connectives.Has(toks[0].norm) {
			return pronounGender(t.norm), true
		}
		return genderUnknown, false
	}
	return genderUnknown, false
}

// lookBack is how many words before a pronoun are searched for the
// unnamed person it may point to.
const lookBack = 60

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
			if k+2 < len(s.toks) && (capitalized(s.toks[k+2].text) || s.toks[k+2].norm == "of") {
				continue // "the president Obama", "the president of the Farm Bureau"
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
