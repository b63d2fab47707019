package brief

import (
	"slices"
	"sort"
	"strings"

	"github.com/brief-dev/brief/brief/lexicon"
)

// maxTimeline caps the background and outlook bullets.
const maxTimeline = 4

// cue is a phrase that marks a sentence as background or outlook, with
// its weight. Phrases are lower-case words separated by single spaces and
// match whole words.
type cue struct {
	phrase string
	weight float64
}

// cueList is a list of cues indexed by their first word.
type cueList struct {
	byFirst map[string][]splitCue
	year    bool // "in 2019" and "since 2016" count as a cue
}

// splitCue is a cue with its phrase split into words.
type splitCue struct {
	lowerWordsOf []string
	weight       float64
}

// newCueList indexes cues by their first word.
func newCueList(cues []cue, year bool) cueList {
	l := cueList{byFirst: map[string][]splitCue{}, year: year}
	for _, c := range cues {
		w := strings.Fields(c.phrase)
		l.byFirst[w[0]] = append(l.byFirst[w[0]], splitCue{lowerWordsOf: w, weight: c.weight})
	}
	return l
}

// strongCue is the weight from which a sentence that is already a key
// point may be repeated in the outlook.
const strongCue = 3

// backgroundCues mark earlier events and context.
var backgroundCues = newCueList([]cue{
	{"had been", 1}, {"had", 1}, {"earlier", 1}, {"last year", 1.5}, {"last month", 1.5},
	{"last week", 1.5}, {"ago", 1.5}, {"since", 1}, {"previous", 1.5}, {"previously", 1.5},
	{"past", 1}, {"former", 1}, {"formerly", 1}, {"history", 1}, {"historic", 0.5},
	{"failed", 1}, {"failure", 0.5}, {"long", 0.5}, {"began", 1}, {"started", 0.5},
	{"in january", 1}, {"in february", 1}, {"in march", 1}, {"in april", 1}, {"in may", 1},
	{"in june", 1}, {"in july", 1}, {"in august", 1}, {"in september", 1}, {"in october", 1},
	{"in november", 1}, {"in december", 1}, {"have been", 0.5}, {"has been", 0.5},
	{"was", 0.25}, {"were", 0.25}, {"decades", 1}, {"years of", 1},
}, true)

// outlookCues mark what lies ahead: future or scheduled actions,
// deadlines, expected decisions. Hopes, conditionals ("would", "could")
// and vows are not enough on their own: the outlook says what is to
// happen, not what someone wishes.
var outlookCues = newCueList([]cue{
	{"will", 1.5}, {"ll", 1.5}, {"in the coming days", 3}, {"in the coming weeks", 3},
	{"in the coming months", 3}, {"in coming days", 3}, {"expected to", 2}, {"is expected", 2},
	{"are expected", 2}, {"plans to", 2}, {"plan to", 1.5}, {"planning to", 2}, {"next week", 2},
	{"next month", 2}, {"next year", 2}, {"deadline", 2}, {"reconvene", 3}, {"resume", 1.5},
	{"later this", 2}, {"set to", 1.5}, {"scheduled", 2}, {"upcoming", 1.5},
	{"intends to", 1.5}, {"intend to", 1.5}, {"aims to", 1.5}, {"tomorrow", 1.5},
	{"prepares to", 1.5}, {"is to", 1.5}, {"are to", 1.5}, {"soon", 1}, {"by the end of", 1},
}, false)

// cueWeight sums the weights of the cues found in ws, the lower-case words
// of a sentence. Each cue counts once.
func cueWeight(ws []string, cues cueList) float64 {
	sum := 0.0
	if cues.year && yearAfter(ws, "in", "since") {
		sum++
	}
	var seen []*splitCue
	for i, w := range ws {
		cs := cues.byFirst[w]
		if strings.HasSuffix(w, "’ll") || strings.HasSuffix(w, "'ll") {
			cs = cues.byFirst["ll"]
		}
		for k := range cs {
			c := &cs[k]
			if i+len(c.lowerWordsOf) > len(ws) || c.lowerWordsOf[0] != "ll" && !hasWordsAt(ws, i, c.lowerWordsOf) {
				continue
			}
			dup := false
			for _, x := range seen {
				dup = dup || x == c
			}
			if !dup {
				seen = append(seen, c)
				sum += c.weight
			}
		}
	}
	return sum
}

// hasWordsAt reports whether ws holds the words p from index i on.
func hasWordsAt(ws []string, i int, p []string) bool {
	for k, w := range p {
		if ws[i+k] != w {
			return false
		}
	}
	return true
}

// timeline picks the background and outlook bullets. used holds the
// sentences already shown as key points or bottom line; they are repeated
// only in the outlook when their cue is strong, or when a section would
// otherwise be empty.
func (a *analysis) timeline(used map[int]bool) (background, outlook []Bullet) {
	type pick struct {
		i      int
		named  int // the sentence naming a replaced pronoun's referent, or -1
		text   string
		weight float64
		rank   float64
	}
	var bg, out, bgUsed, outUsed []pick
	for i := range a.sents {
		s := &a.sents[i]
		if strings.HasPrefix(s.text, "“") || strings.HasPrefix(s.text, `"`) || s.quoteIn {
			continue // quotations belong to the statements
		}
		outside := a.wordsOutsideQuotes(i)
		b, o := cueWeight(s.lower, backgroundCues), cueWeight(outside, outlookCues)
		if o < strongCue && slices.ContainsFunc(outside, func(w string) bool { return lexicon.ReactionWords.Has(w) }) {
			o = 0 // a reaction with a "will" in it; a plan with a date stays
		}
		w := max(b, o)
		if w < 1.5 {
			continue
		}
		text, named, ok := a.standalone(i)
		if !ok {
			continue
		}
		p := pick{i: i, named: named, text: text, weight: w, rank: w * (0.5 + a.norm(i))}
		switch {
		case o >= b && used[i] && o >= strongCue:
			p.rank /= 2
			out = append(out, p)
		case o >= b && used[i]:
			outUsed = append(outUsed, p)
		case o >= b:
			out = append(out, p)
		case used[i]:
			bgUsed = append(bgUsed, p)
		default:
			bg = append(bg, p)
		}
	}
	// A key point is repeated only when the section would be empty
	// without it.
	if len(bg) == 0 {
		bg = bgUsed
	}
	if len(out) == 0 {
		out = outUsed
	}
	best := func(ps []pick) []pick {
		sort.SliceStable(ps, func(x, y int) bool {
			if ps[x].rank != ps[y].rank {
				return ps[x].rank > ps[y].rank
			}
			return ps[x].i < ps[y].i
		})
		if len(ps) > maxTimeline {
			ps = ps[:maxTimeline]
		}
		return ps
	}
	bg, out = best(bg), best(out)
	// Background reads best in the order of the article.
	sort.SliceStable(bg, func(x, y int) bool { return bg[x].i < bg[y].i })
	bullet := func(p pick) Bullet {
		return Bullet{Text: p.text, Sources: a.sources(p.i, p.named), Score: a.sents[p.i].Score}
	}
	background, outlook = []Bullet{}, []Bullet{}
	for _, p := range bg {
		background = append(background, bullet(p))
	}
	for _, p := range out {
		outlook = append(outlook, bullet(p))
	}
	return background, outlook
}

// yearAfter reports whether a year (four digits from 1900 to 2099) follows
// one of the given words in ws: "in 2019", "since 2016".
func yearAfter(ws []string, before ...string) bool {
	for i := 1; i < len(ws); i++ {
		w := ws[i]
		if len(w) == 4 && (strings.HasPrefix(w, "19") || strings.HasPrefix(w, "20")) &&
			strings.Trim(w, "0123456789") == "" && slices.Contains(before, ws[i-1]) {
			return true
		}
	}
	return false
}

// wordsOutsideQuotes returns the lookup forms of the words of sentence i
// that are not inside a quotation: a speaker's "we will" is a statement,
// not an outlook.
func (a *analysis) wordsOutsideQuotes(i int) []string {
	s := &a.sents[i]
	out := make([]string, 0, len(s.toks))
	for _, t := range s.toks {
		if !a.inQuote(i, t.start) {
			out = append(out, t.norm)
		}
	}
	return out
}
