package brief

import "sort"

// Scored is a sentence with its importance score.
type Scored struct {
	Located
	Score float64
}

// ScoreSentences scores every body sentence of d; higher is more
// important. The result is in document order.
//
// PLACEHOLDER: lead bias only. The real scorer replaces this.
func ScoreSentences(d *Document) []Scored {
	ss := d.Sentences()
	out := make([]Scored, len(ss))
	for i, s := range ss {
		out[i] = Scored{Located: s, Score: 1 / float64(i+1)}
	}
	return out
}

// RankKeyPoints picks the n sentences that make the best key points from
// scored (as returned by ScoreSentences), most important first, with
// redundant sentences left out.
//
// PLACEHOLDER: highest scores first, no redundancy check.
func RankKeyPoints(d *Document, scored []Scored, n int) []Scored {
	out := append([]Scored(nil), scored...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Score > out[j].Score })
	if len(out) > n {
		out = out[:n]
	}
	return out
}
