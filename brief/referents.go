package brief

import "sort"

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
