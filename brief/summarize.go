package brief

import "cmp"

// defaultBullets is the number of key points when Options.Bullets is 0.
const defaultBullets = 5

// shortBottomLine is the length in words under which the bottom line takes
// a second sentence.
const shortBottomLine = 12

// Summarize builds the briefing of d: bottom line, key points (the most
// important first), actors, statements, background and outlook. Every
// bullet names the sentences it comes from, and its words are theirs:
// a bullet may drop a dateline or a leading connective, close a
// quotation that goes on into the next sentence when the sentence names
// its speaker, and replace an opening pronoun, or a pronoun that gives
// the source of the claim ("…, he said"), by the name it certainly
// stands for, citing the sentence that names it too; it never drops who
// a claim comes from.
func Summarize(d *Document, opt Options) *Briefing {
	return summarizeWith(d, opt, defaultParams())
}

// summarizeWith is Summarize with the scorer's weights p.
func summarizeWith(d *Document, opt Options, p scoreParams) *Briefing {
	n := opt.Bullets
	if n <= 0 {
		n = defaultBullets
	}
	scored := scoreWith(d, newModel(d), p)
	a := analyze(d, scored)
	b := &Briefing{
		Title: d.Title,
		Meta: Meta{Source: cmp.Or(d.Dateline.Source, d.Site), Byline: d.Byline.Name, BylineRole: d.Byline.Role,
			Published: d.Published, Place: d.Dateline.Place, Lang: d.Lang, Sentences: len(scored)},
		BottomLine: []Bullet{}, KeyPoints: []Bullet{}, Actors: []Actor{}, Statements: []Statement{},
		Background: []Bullet{}, Outlook: []Bullet{},
	}
	used := map[int]bool{}
	// take adds, best first, the first k ranked sentences that stand
	// alone as stand words them, until there are n key points.
	take := func(k int, stand func(int) (string, int, bool)) {
		for _, s := range rankWith(d, scored, k, p) {
			if len(b.KeyPoints) == n {
				break
			}
			if s.Index < 0 || s.Index >= len(a.sents) || used[s.Index] {
				continue
			}
			text, named, ok := stand(s.Index)
			if !ok || a.repeats(s.Index, used) {
				continue
			}
			used[s.Index] = true
			b.KeyPoints = append(b.KeyPoints, Bullet{Text: text, Sources: a.sources(s.Index, named), Score: s.Score})
		}
	}
	take(2*n+5, a.standalone)
	if len(b.KeyPoints) == 0 {
		// No sentence stands alone: the article may be lines rather than
		// sentences (a changelog, a list of points). Take its lines.
		take(len(scored), a.standaloneLine)
	}
	for k, kp := range b.KeyPoints {
		if k == 2 || k == 1 && wordCount(b.BottomLine[0].Text) >= shortBottomLine {
			break
		}
		kp.Sources = append([]string(nil), kp.Sources...)
		b.BottomLine = append(b.BottomLine, kp)
	}
	b.Statements = a.statements()
	speakers := map[string]bool{}
	for _, st := range b.Statements {
		speakers[st.Speaker] = true
	}
	b.Actors = a.actorList(speakers)
	b.Background, b.Outlook = a.timeline(used)
	return b
}

// maxSharedWords is the share of words two key points may have in common.
const maxSharedWords = 0.7

// repeats reports whether sentence i says what one of the used sentences
// already says: most of the words of the shorter are in the longer.
func (a *analysis) repeats(i int, used map[int]bool) bool {
	for j := range used {
		if overlap(a.sents[i].lower, a.sents[j].lower) > maxSharedWords {
			return true
		}
	}
	return false
}

// overlap is the share of the distinct words of the shorter of x and y
// that the other also has.
func overlap(x, y []string) float64 {
	if len(x) > len(y) {
		x, y = y, x
	}
	if len(x) == 0 {
		return 0
	}
	in := make(map[string]bool, len(y))
	for _, w := range y {
		in[w] = true
	}
	seen := make(map[string]bool, len(x))
	common := 0
	for _, w := range x {
		if !seen[w] {
			seen[w] = true
			if in[w] {
				common++
			}
		}
	}
	return float64(common) / float64(len(seen))
}

// sources are the ids a bullet of sentence i cites: i, and the sentence
// that names its referent when that is another one (named, or -1).
func (a *analysis) sources(i, named int) []string {
	ids := []string{a.sents[i].ID}
	if named >= 0 && named != i {
		ids = append(ids, a.sents[named].ID)
	}
	return ids
}
