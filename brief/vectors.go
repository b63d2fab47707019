package brief

import (
	"math"
	"slices"
)

// term is one entry of a sparse sentence vector.
type term struct {
	id int
	w  float64
}

// vector is a sparse TF-IDF vector sorted by term id, scaled to unit
// length (or empty).
type vector []term

// dot returns the dot product of two vectors; for unit vectors it is their
// cosine similarity.
func dot(a, b vector) float64 {
	s := 0.0
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i].id < b[j].id:
			i++
		case a[i].id > b[j].id:
			j++
		default:
			s += a[i].w * b[j].w
			i++
			j++
		}
	}
	return s
}

// model is what the scorer knows about the words of a document.
type model struct {
	sents  []Located
	words  [][]word
	vecs   []vector  // unit TF-IDF vectors of the content words
	raw    []vector  // TF-IDF vectors before scaling
	idf    []float64 // by term id
	stemID map[string]int
}

// newModel tokenises every sentence of d and builds its TF-IDF vectors,
// each sentence counting as one document for the IDF. Term ids follow
// first appearance, so nothing depends on map order.
func newModel(d *Document) *model {
	m := &model{sents: d.Sentences(), stemID: map[string]int{}}
	m.words = make([][]word, len(m.sents))
	counts := make([]map[int]int, len(m.sents))
	var df []int
	for i, s := range m.sents {
		m.words[i] = words(s.Text)
		c := map[int]int{}
		for _, w := range m.words[i] {
			if w.stop || len(w.stem) < 2 {
				continue
			}
			id, ok := m.stemID[w.stem]
			if !ok {
				id = len(m.stemID)
				m.stemID[w.stem] = id
				df = append(df, 0)
			}
			if c[id] == 0 {
				df[id]++
			}
			c[id]++
		}
		counts[i] = c
	}
	n := float64(len(m.sents))
	m.idf = make([]float64, len(df))
	for id, f := range df {
		m.idf[id] = math.Log(1 + n/float64(f))
	}
	m.vecs = make([]vector, len(m.sents))
	m.raw = make([]vector, len(m.sents))
	for i, c := range counts {
		m.raw[i] = m.vectorOf(c)
		m.vecs[i] = unit(m.raw[i])
	}
	return m
}

// vectorOf turns term counts into a TF-IDF vector sorted by id.
func (m *model) vectorOf(c map[int]int) vector {
	v := make(vector, 0, len(c))
	for id, k := range c {
		v = append(v, term{id, float64(k) * m.idf[id]})
	}
	slices.SortFunc(v, func(a, b term) int { return a.id - b.id })
	return v
}

// textVector is the unit TF-IDF vector of text (e.g. the title) over the
// document's vocabulary; unknown words are left out.
func (m *model) textVector(text string) vector {
	c := map[int]int{}
	for _, w := range words(text) {
		if id, ok := m.stemID[w.stem]; ok && !w.stop {
			c[id]++
		}
	}
	return unit(m.vectorOf(c))
}

// unit returns v scaled to length 1.
func unit(v vector) vector {
	s := 0.0
	for _, t := range v {
		s += t.w * t.w
	}
	out := make(vector, len(v))
	if s == 0 {
		return out[:0]
	}
	s = math.Sqrt(s)
	for i, t := range v {
		out[i] = term{t.id, t.w / s}
	}
	return out
}

// centroid returns the unit sum of the raw vectors.
func centroid(raw []vector, dims int) vector {
	sum := make([]float64, dims)
	for _, v := range raw {
		for _, t := range v {
			sum[t.id] += t.w
		}
	}
	var v vector
	for id, w := range sum {
		if w > 0 {
			v = append(v, term{id, w})
		}
	}
	return unit(v)
}
