package digest

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/brief-dev/brief/brief"
	"github.com/brief-dev/brief/brief/sentences"
)

// Digest is one briefing across a day's articles: the key developments,
// then every story (the articles that report it grouped under it), then
// the articles. Its JSON form is a public interface.
//
// Renderers read it in this order: KeyDevelopments, the Stories whose
// Detailed flag is set (a section each, its articles under it), then the
// other Stories, one line each. Stories and developments point at
// articles by index into Articles, which stay in input order.
type Digest struct {
	Date string `json:"date"`
	// KeyDevelopments are the first stories of Stories (at most
	// Options.Developments of them), most reported first.
	KeyDevelopments []Development `json:"key_developments"`
	// Stories are every story of the day, ranked: most reports first,
	// then the most important. Every article is in exactly one story.
	Stories []Story `json:"stories"`
	// Articles are the day's articles in input order.
	Articles []Article `json:"articles"`
}

// Development is one item of a digest's key developments: a story told
// in one line.
type Development struct {
	// Text is the story's line (Story.Text).
	Text string `json:"text"`
	// Story is the ID of the story it tells.
	Story string `json:"story"`
	// Reports is how many articles report the story.
	Reports int `json:"reports"`
	// Articles names every input the item rests on, as given (a path, a
	// URL or a JSON Lines id), in input order.
	Articles []string `json:"articles"`
	// Sources are the sentences the item rests on, as "INPUT#sN": the
	// sentences of the line, and in every other article the bullet most
	// like it.
	Sources []string `json:"sources"`
}

// Story is the articles of the day that report one story.
type Story struct {
	// ID names the story within the digest ("story-1", in rank order),
	// for links and anchors.
	ID string `json:"id"`
	// Title heads the story: the title of the article its line comes
	// from or, when that article had none, the line shortened.
	Title string `json:"title"`
	// Text is the story's line: the most representative bottom line of
	// its articles (the most central to them that is neither a quotation
	// nor an opinion).
	Text string `json:"text"`
	// Sources are the sentences Text comes from, as "INPUT#sN".
	Sources []string `json:"sources"`
	// Reports is how many articles report the story: len(Members).
	Reports int `json:"reports"`
	// Articles names the inputs of its articles, in the order of Members.
	Articles []string `json:"articles"`
	// Members are indexes into Digest.Articles: the article Text comes
	// from first, then the others in input order.
	Members []int `json:"members"`
	// Key is true for the stories that are key developments.
	Key bool `json:"key"`
	// Detailed is true for the stories that get a section of their own
	// (every story of two or more reports, and every key development);
	// the others are listed one line each.
	Detailed bool `json:"detailed"`
	// Cohesion is the average similarity of its articles to each other
	// (1 for one article).
	Cohesion float64 `json:"cohesion"`
	// Importance breaks ties between stories of as many reports: the
	// scorer's score of the best bottom line of its articles, raised by
	// how much the rest of the day writes about the same things.
	Importance float64 `json:"importance"`
}

// Article is one article of a digest: the input it came from, its title,
// its story, and its briefing (whose fields are inlined in JSON).
type Article struct {
	Input string `json:"input"`
	// Title is the article's title as found, or one derived from its
	// first sentence when it has none (TitleDerived); never empty. In
	// JSON it stands for the briefing's title.
	Title        string `json:"title"`
	TitleDerived bool   `json:"title_derived,omitempty"`
	// URL is the address the article was read from, when it is a web
	// page.
	URL string `json:"url,omitempty"`
	// Published is the publication date, YYYY-MM-DD, when the article
	// gives one.
	Published string `json:"published_date,omitempty"`
	// Story is the ID of the article's story.
	Story string `json:"story"`
	// Unread is set for an item of a feed whose page could not be read:
	// its briefing holds only what the feed says (title, author, date),
	// and its story is never a key development.
	Unread bool `json:"unread,omitempty"`
	*brief.Briefing
}

// Builder builds a digest from articles added one at a time. It keeps
// each article's briefing and, of its features, only the term ids grouping
// needs, so that memory grows with the briefings, not the text.
type Builder struct {
	opt  Options
	arts []Article
	c    *corpus
}

// NewBuilder returns a Builder with the given options.
func NewBuilder(opt Options) *Builder {
	return &Builder{opt: opt.resolved(), c: newCorpus()}
}

// Add adds an article: its briefing (a.Briefing must not be nil) and its
// features (from NewFeatures, or from a line of "brief batch"). a.Title,
// when empty, is taken from the features.
func (b *Builder) Add(a Article, f *Features) error {
	if a.Briefing == nil {
		return fmt.Errorf("%s: no briefing", a.Input)
	}
	if f == nil {
		return fmt.Errorf("%s: no features", a.Input)
	}
	if err := f.Validate(); err != nil {
		return fmt.Errorf("%s: %w", a.Input, err)
	}
	if a.Title == "" {
		a.Title, a.TitleDerived = f.Title, f.Derived
	}
	if a.Title == "" {
		a.Title, a.TitleDerived = fallbackTitle(a.Briefing), true
	}
	if a.Published == "" {
		a.Published = f.Published
	}
	b.arts = append(b.arts, a)
	b.c.add(f)
	return nil
}

// Len is the number of articles added.
func (b *Builder) Len() int { return len(b.arts) }

// fallbackTitle is a title for an article known only by its briefing.
func fallbackTitle(br *brief.Briefing) string {
	if t := strings.Join(strings.Fields(br.Title), " "); t != "" {
		return t
	}
	for _, x := range slices.Concat(br.BottomLine, br.KeyPoints) {
		if t := sentences.Title(x.Text); t != "" {
			return t
		}
	}
	return "Article without a title"
}

// Digest groups the articles into stories, ranks them and returns the
// digest for date. The Builder should not be used afterwards.
func (b *Builder) Digest(date string) *Digest {
	d := &Digest{Date: date, KeyDevelopments: []Development{}, Stories: []Story{}, Articles: b.arts}
	if d.Articles == nil {
		d.Articles = []Article{}
	}
	if len(b.arts) == 0 {
		return d
	}
	ix := newIndex(b.c, b.opt)
	lines := newLiner(ix, b.arts)
	for _, g := range ix.groups() {
		d.Stories = append(d.Stories, lines.story(g))
	}
	unread := func(s Story) int {
		for _, m := range s.Members {
			if !b.arts[m].Unread {
				return 0
			}
		}
		return 1
	}
	slices.SortStableFunc(d.Stories, func(x, y Story) int {
		if c := cmp.Compare(unread(x), unread(y)); c != 0 {
			return c
		}
		if c := cmp.Compare(y.Reports, x.Reports); c != 0 {
			return c
		}
		if c := cmp.Compare(y.Importance, x.Importance); c != 0 {
			return c
		}
		return cmp.Compare(slices.Min(x.Members), slices.Min(y.Members))
	})
	keys := b.opt.Developments
	for i := range d.Stories {
		s := &d.Stories[i]
		s.ID = "story-" + strconv.Itoa(i+1)
		s.Key = i < keys && unread(*s) == 0
		s.Detailed = s.Key || s.Reports > 1
		for _, m := range s.Members {
			d.Articles[m].Story = s.ID
		}
		if s.Key {
			d.KeyDevelopments = append(d.KeyDevelopments, lines.development(*s))
		}
	}
	return d
}

// liner picks each story's line and ranks stories.
type liner struct {
	ix   *index
	arts []Article
	x    *extractor // for the terms of bullets
}

func newLiner(ix *index, arts []Article) *liner {
	return &liner{ix: ix, arts: arts, x: newExtractor()}
}

// lineCandidate is a bullet that could be a story's line.
type lineCandidate struct {
	member  int // index into arts
	text    string
	sources []string
	score   float64 // the scorer's
	central float64 // cosine to the story's centroid
	factual bool    // neither a quotation nor an opinion
	order   int     // bottom line 0, key points after
	day     int32   // publication day of its article, noDay when unknown
}

// story describes group g: its line, its members (the line's article
// first) and its importance.
func (l *liner) story(g group) Story {
	// A story of one article is told by its own bullets: how central
	// they are to it matters less than whether they are factual.
	var cent *centroid
	if len(g.members) > 1 {
		cent = l.centroid(g.members)
	}
	var cands []lineCandidate
	for _, m := range g.members {
		cands = append(cands, l.candidates(m, cent)...)
	}
	best := pickLine(cands)
	s := Story{
		Reports:  len(g.members),
		Cohesion: round3(g.cohesion),
		Sources:  []string{},
		Articles: []string{},
	}
	lead := g.central
	if best != nil {
		lead = best.member
		s.Text = best.text
		for _, src := range best.sources {
			s.Sources = append(s.Sources, l.arts[lead].Input+"#"+src)
		}
	}
	if s.Text == "" {
		s.Text = l.arts[lead].Title
	}
	// The title of the line's article; when that article had none, the
	// line itself, shortened, heads the story better than a title made
	// from the article's opening.
	s.Title = l.arts[lead].Title
	if l.arts[lead].TitleDerived && s.Text != "" {
		s.Title = sentences.Title(s.Text)
	}
	s.Members = append(s.Members, lead)
	for _, m := range g.members {
		if m != lead {
			s.Members = append(s.Members, m)
		}
	}
	for _, m := range s.Members {
		s.Articles = append(s.Articles, l.arts[m].Input)
	}
	var top float64
	for _, c := range cands {
		if c.order == 0 {
			top = max(top, c.score)
		}
	}
	s.Importance = round3(top * (1 + l.dayShare(g.members)))
	return s
}

func round3(x float64) float64 { return math.Round(x*1000) / 1000 }

// dayShare is how much the rest of the day writes about what the
// members write about: the kept similarities of the members to the other
// articles, summed, per member.
func (l *liner) dayShare(members []int) float64 {
	in := make(map[int32]bool, len(members))
	for _, m := range members {
		in[int32(m)] = true
	}
	var sum float64
	for _, m := range members {
		docs, sims := l.ix.neighbours(m)
		for k, d := range docs {
			if !in[d] {
				sum += float64(sims[k])
			}
		}
	}
	return sum / float64(len(members))
}

// centroid is the sum of a story's vectors, and its length.
type centroid struct {
	w    map[int32]float64
	norm float64
}

// centroid is the centroid of the members' vectors.
func (l *liner) centroid(members []int) *centroid {
	c := &centroid{w: map[int32]float64{}}
	for _, m := range members {
		for x := l.ix.vStart[m]; x < l.ix.vStart[m+1]; x++ {
			c.w[l.ix.vTerm[x]] += float64(l.ix.vW[x])
		}
	}
	for _, w := range c.w {
		c.norm += w * w
	}
	c.norm = math.Sqrt(c.norm)
	return c
}

// maxLineKeyPoints is how many key points of an article may stand for
// its story when none of the bottom lines can.
const maxLineKeyPoints = 2

// candidates are the bullets of article m that may be its story's line:
// the first bullet of its bottom line, then its first key points.
func (l *liner) candidates(m int, cent *centroid) []lineCandidate {
	b := l.arts[m].Briefing
	var out []lineCandidate
	add := func(x brief.Bullet, order int) {
		text := strings.Join(strings.Fields(x.Text), " ")
		if text == "" {
			return
		}
		out = append(out, lineCandidate{
			member:  m,
			text:    text,
			sources: x.Sources,
			score:   x.Score,
			central: l.cosine(text, cent),
			factual: factual(text),
			order:   order,
			day:     l.ix.c.days[m],
		})
	}
	if len(b.BottomLine) > 0 {
		// The first bullet of the bottom line: a story is told in one
		// sentence.
		add(b.BottomLine[0], 0)
	}
	n := 0
	for _, k := range b.KeyPoints {
		if n == maxLineKeyPoints {
			break
		}
		if len(b.BottomLine) > 0 && slices.Equal(k.Sources, b.BottomLine[0].Sources) {
			continue
		}
		n++
		add(k, n)
	}
	return out
}

// pickLine chooses a story's line: the factual bottom line most central
// to the story; failing that, the factual key point most central; failing
// that, the most central bottom line. Ties go to the higher score, then
// to the earlier article. When articles are dated, a later one whose
// bullet is nearly as central (within freshShare of the most central)
// gives the line instead: a story develops, and its latest state is the
// one to tell ("was dropped" rather than "was suspended").
func pickLine(cands []lineCandidate) *lineCandidate {
	better := func(a, b *lineCandidate) bool { // a better than b
		if a.central != b.central {
			return a.central > b.central
		}
		if a.score != b.score {
			return a.score > b.score
		}
		return a.member < b.member
	}
	for _, rule := range []func(c *lineCandidate) bool{
		func(c *lineCandidate) bool { return c.order == 0 && c.factual },
		func(c *lineCandidate) bool { return c.factual },
		func(c *lineCandidate) bool { return c.order == 0 },
		func(*lineCandidate) bool { return true },
	} {
		var pick *lineCandidate
		for i := range cands {
			c := &cands[i]
			if rule(c) && (pick == nil || better(c, pick)) {
				pick = c
			}
		}
		if pick == nil {
			continue
		}
		fresh := pick
		for i := range cands {
			c := &cands[i]
			if rule(c) && c.day != noDay && c.central >= freshShare*pick.central &&
				(fresh.day == noDay || c.day > fresh.day || c.day == fresh.day && better(c, fresh)) {
				fresh = c
			}
		}
		return fresh
	}
	return nil
}

// freshShare: a later article's bullet tells the story when it is at
// least this share as central as the most central one.
const freshShare = 0.8

// cosine is the cosine of text's terms, weighted as the index weighs
// article terms, with c; 0 when c is nil or nothing is shared.
func (l *liner) cosine(text string, c *centroid) float64 {
	if c == nil || c.norm == 0 {
		return 0
	}
	counts := map[int32]int32{}
	for _, t := range l.x.textTerms(text, false) {
		if id, ok := l.ix.c.ids[l.x.list[t]]; ok {
			counts[id]++
		}
	}
	var dot, nv float64
	for id, k := range counts {
		w := float64(l.ix.termWeight(termCount{id, k}))
		nv += w * w
		dot += w * c.w[id]
	}
	if dot == 0 {
		return 0
	}
	return dot / (math.Sqrt(nv) * c.norm)
}

// development is the key development of story s: its line, citing in
// every other article the bullet most like it.
func (l *liner) development(s Story) Development {
	dev := Development{Text: s.Text, Story: s.ID, Reports: s.Reports, Articles: []string{}, Sources: []string{}}
	members := slices.Clone(s.Members)
	slices.Sort(members) // cite in input order
	line := &centroid{w: map[int32]float64{}}
	for _, t := range l.x.textTerms(s.Text, false) {
		if id, ok := l.ix.c.ids[l.x.list[t]]; ok {
			line.w[id]++
		}
	}
	for id, k := range line.w {
		line.w[id] = float64(l.ix.termWeight(termCount{id, int32(k)}))
		line.norm += line.w[id] * line.w[id]
	}
	line.norm = math.Sqrt(line.norm)
	for _, m := range members {
		a := l.arts[m]
		dev.Articles = append(dev.Articles, a.Input)
		if m == s.Members[0] {
			dev.Sources = append(dev.Sources, s.Sources...)
			continue
		}
		var best []string
		bestSim := -1.0
		for _, x := range slices.Concat(a.BottomLine, a.KeyPoints) {
			if sim := l.cosine(x.Text, line); sim > bestSim {
				best, bestSim = x.Sources, sim
			}
		}
		for _, src := range best {
			dev.Sources = append(dev.Sources, a.Input+"#"+src)
		}
	}
	return dev
}
