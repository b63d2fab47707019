package digest

import (
	"cmp"
	"slices"
	"strings"

	"github.com/brief-dev/brief/brief"
)

// Digest is one briefing across many articles: the key developments
// across all of them (the same story reported several times merged into
// one item), then each article's own briefing. Its JSON form is a public
// interface.
type Digest struct {
	Date            string        `json:"date"`
	KeyDevelopments []Development `json:"key_developments"`
	Articles        []Article     `json:"articles"`
}

// Development is one item of a digest's key developments.
type Development struct {
	Text string `json:"text"`
	// Articles names every input the item came from, as given: a path, a
	// URL or a JSON Lines id.
	Articles []string `json:"articles"`
	// Sources are the sentences the item rests on, as "INPUT#sN".
	Sources []string `json:"sources"`
}

// Article is one article's briefing within a digest, with the input
// it came from. The briefing's fields are inlined in JSON.
type Article struct {
	Input string `json:"input"`
	*brief.Briefing
}

// Threshold is the similarity (cosine, from 0 to 1) from which
// two articles are taken to report the same story. Measured on briefings
// of invented articles (testdata/digest): two reports of one story in
// other words score 0.42 and 0.63, distinct stories sharing actors at most
// 0.15. Over the 79,000 pairs of the CNN development set the 99.9th
// percentile is 0.24, and the few pairs above 0.3 are mostly reports of
// the same developing story.
const Threshold = 0.3

// storyKeyPoints is how many key points, beside the bottom line, stand for
// an article when stories are compared.
const storyKeyPoints = 3

// New builds the digest, for date, of articles (each with its
// briefing, in the order given; entries with no briefing are left out).
//
// Articles that report the same story (their title, bottom line and top
// key points are at least Threshold alike) become one key
// development, worded as the bottom line of the most important of them
// and citing every one of them. Developments come most reported first,
// then by score, then in input order. The articles keep their order.
func New(date string, articles []Article) *Digest {
	d := &Digest{Date: date, KeyDevelopments: []Development{}, Articles: []Article{}}
	for _, a := range articles {
		if a.Briefing != nil {
			d.Articles = append(d.Articles, a)
		}
	}
	vecs := make([]storyTerms, len(d.Articles))
	for i, a := range d.Articles {
		vecs[i] = articleTerms(a.Briefing)
	}
	for _, story := range clusterStories(d.Articles, vecs) {
		d.KeyDevelopments = append(d.KeyDevelopments, storyDevelopment(d.Articles, story))
	}
	return d
}

// storyImportance is how much an article's story matters on its own: the
// score of its bottom line.
func storyImportance(b *brief.Briefing) float64 {
	if len(b.BottomLine) > 0 {
		return b.BottomLine[0].Score
	}
	if len(b.KeyPoints) > 0 {
		return b.KeyPoints[0].Score
	}
	return 0
}

// clusterStories groups the articles by story. Each group lists indexes
// into arts, the most important article first; groups come in the order
// of the digest's key developments.
func clusterStories(arts []Article, vecs []storyTerms) [][]int {
	// Visit the articles most important first, so that each story is led
	// by its most important report; ties keep input order.
	order := make([]int, len(arts))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		return cmp.Compare(storyImportance(arts[b].Briefing), storyImportance(arts[a].Briefing))
	})
	ids := map[string]int32{}
	sparse := make([]sparseTerms, len(vecs))
	for i, v := range vecs {
		sparse[i] = v.sparse(ids)
	}
	sim := func(i, j int) float64 { return sparse[i].cosine(sparse[j]) }
	var groups [][]int
	for _, i := range order {
		best, bestSim := -1, 0.0
		for g, members := range groups {
			for _, j := range members {
				if s := sim(i, j); s >= Threshold && s > bestSim {
					best, bestSim = g, s
				}
			}
		}
		if best < 0 {
			groups = append(groups, []int{i})
		} else {
			groups[best] = append(groups[best], i)
		}
	}
	first := func(g []int) int { return slices.Min(g) }
	slices.SortStableFunc(groups, func(a, b []int) int {
		if c := cmp.Compare(len(b), len(a)); c != 0 {
			return c
		}
		if c := cmp.Compare(storyImportance(arts[b[0]].Briefing), storyImportance(arts[a[0]].Briefing)); c != 0 {
			return c
		}
		return cmp.Compare(first(a), first(b))
	})
	return groups
}

// storyDevelopment is the key development of one story: the lead article's
// bottom line, citing in each article the bullet closest to it.
func storyDevelopment(arts []Article, story []int) Development {
	lead := arts[story[0]]
	text, sources := storyHeadline(lead.Briefing)
	dev := Development{Text: text, Articles: []string{}, Sources: []string{}}
	members := slices.Clone(story)
	slices.Sort(members) // cite in input order
	want := textTerms(text)
	for _, i := range members {
		a := arts[i]
		dev.Articles = append(dev.Articles, a.Input)
		cited := sources
		if i != story[0] {
			cited = closestBullet(a.Briefing, want)
		}
		for _, s := range cited {
			dev.Sources = append(dev.Sources, a.Input+"#"+s)
		}
	}
	return dev
}

// storyHeadline is the text an article's story is told by, and its sources:
// the bottom line, else the first key point, else the title.
func storyHeadline(b *brief.Briefing) (string, []string) {
	switch {
	case len(b.BottomLine) > 0:
		var texts, srcs []string
		for _, x := range b.BottomLine {
			texts = append(texts, x.Text)
			srcs = append(srcs, x.Sources...)
		}
		return strings.Join(texts, " "), srcs
	case len(b.KeyPoints) > 0:
		return b.KeyPoints[0].Text, b.KeyPoints[0].Sources
	}
	return b.Title, nil
}

// closestBullet returns the sources of the bullet of b (bottom line or
// key point) most like want.
func closestBullet(b *brief.Briefing, want storyTerms) []string {
	var best []string
	bestSim := -1.0
	for _, x := range slices.Concat(b.BottomLine, b.KeyPoints) {
		if s := want.cosine(textTerms(x.Text)); s > bestSim {
			best, bestSim = x.Sources, s
		}
	}
	return best
}

// articleTerms is what an article's story is compared by: its title,
// bottom line (weighted double) and top key points.
func articleTerms(b *brief.Briefing) storyTerms {
	v := storyTerms{}
	v.add(b.Title, 1)
	for _, x := range b.BottomLine {
		v.add(x.Text, 2)
	}
	n := 0
	for _, x := range b.KeyPoints {
		if n == storyKeyPoints {
			break
		}
		if slices.ContainsFunc(b.BottomLine, func(y brief.Bullet) bool { return y.Text == x.Text }) {
			continue
		}
		v.add(x.Text, 1)
		n++
	}
	return v
}
