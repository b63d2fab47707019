package digest

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"unicode"

	"github.com/brief-dev/brief/brief/stem"
)

// storyTerms is a bag of weighted terms (stemmed content words and pairs
// of adjacent ones) that stands for what a text is about, for telling
// whether two articles report the same story.
type storyTerms map[string]float64

// textTerms returns the terms of text.
func textTerms(text string) storyTerms {
	v := storyTerms{}
	v.add(text, 1)
	return v
}

// add adds the terms of text with weight w.
func (v storyTerms) add(text string, w float64) {
	prev := ""
	for _, word := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\''
	}) {
		word = strings.Trim(word, "'")
		word = strings.TrimSuffix(word, "'s")
		if storyStopwords[word] || (len(word) < 3 && !isNumber(word)) {
			continue
		}
		s := stemWord(word) // the Porter stemmer ROUGE and the scorer use
		v[s] += w
		if prev != "" {
			v[prev+" "+s] += w
		}
		prev = s
	}
}

// cosine is the cosine similarity of v and u, from 0 to 1.
func (v storyTerms) cosine(u storyTerms) float64 {
	dot := v.dot(u)
	if dot == 0 {
		return 0
	}
	return dot / (v.norm() * u.norm())
}

// dot is the dot product of v and u.
func (v storyTerms) dot(u storyTerms) float64 {
	if len(u) < len(v) {
		v, u = u, v
	}
	var dot float64
	for t, x := range v {
		dot += x * u[t]
	}
	return dot
}

// sparseTerms is a storyTerms with its terms numbered and sorted, and its
// norm, for fast comparison of many vectors.
type sparseTerms struct {
	ids  []int32
	w    []float64
	norm float64
}

// sparse numbers the terms of v with ids (adding new terms to it).
func (v storyTerms) sparse(ids map[string]int32) sparseTerms {
	type tw struct {
		id int32
		w  float64
	}
	tws := make([]tw, 0, len(v))
	for t, w := range v {
		id, ok := ids[t]
		if !ok {
			id = int32(len(ids))
			ids[t] = id
		}
		tws = append(tws, tw{id, w})
	}
	slices.SortFunc(tws, func(a, b tw) int { return cmp.Compare(a.id, b.id) })
	s := sparseTerms{ids: make([]int32, len(tws)), w: make([]float64, len(tws)), norm: v.norm()}
	for i, x := range tws {
		s.ids[i], s.w[i] = x.id, x.w
	}
	return s
}

// cosine is the cosine similarity of s and u, from 0 to 1.
func (s sparseTerms) cosine(u sparseTerms) float64 {
	if s.norm == 0 || u.norm == 0 {
		return 0
	}
	var dot float64
	for i, j := 0, 0; i < len(s.ids) && j < len(u.ids); {
		switch {
		case s.ids[i] < u.ids[j]:
			i++
		case s.ids[i] > u.ids[j]:
			j++
		default:
			dot += s.w[i] * u.w[j]
			i++
			j++
		}
	}
	return dot / (s.norm * u.norm)
}

func (v storyTerms) norm() float64 {
	var s float64
	for _, x := range v {
		s += x * x
	}
	return math.Sqrt(s)
}

func isNumber(s string) bool {
	for _, r := range s {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return s != ""
}

// storyStopwords are words that say nothing about which story a text
// tells: function words and the verbs of reporting.
var storyStopwords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a about above after again against all also am an and any are
	as at be because been before being below between both but by can could did do does doing
	down during each few for from further had has have having he her here hers herself him
	himself his how i if in into is it its itself just me more most my myself no nor not now of
	off on once only or other our ours ourselves out over own same she should so some such than
	that the their theirs them themselves then there these they this those through to too under
	until up very was we were what when where which while who whom why will with would you your
	yours yourself yourselves said says say saying told tells tell according reported reports
	reporting added adding news monday tuesday wednesday thursday friday saturday sunday
	week weeks year years day days one two three new last first also mr mrs ms`) {
		m[w] = true
	}
	return m
}()

// stemWord stems a lower-case ASCII word with the Porter stemmer; other
// words are kept as they are.
func stemWord(w string) string {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c < 'a' || c > 'z' {
			return w
		}
	}
	return stem.Porter(w)
}
