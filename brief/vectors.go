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
	shared(a, b, func(x, y term) { s += x.w * y.w })
	return s
}

// shared calls f with the terms of a and b (vectors sorted by id) that
// have the same id.
func shared(a, b vector, f func(x, y term)) {
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i].id < b[j].id:
			i++
		case a[i].id > b[j].id:
			j++
		default:
			f(a[i], b[j])
			i++
			j++
		}
	}
}

// model is what the scorer knows about the words of a document.
type model struct {
	sents   []Located
	toks    [][]token // the words of each sentence
	content []int     // content words of each sentence, repeats counted
	vecs    []vector  // unit TF-IDF vectors of the content words
	raw     []vector  // TF-IDF vectors before scaling
	idf     []float64 // by term id
	stemID  map[string]int
	cache   stemCache
}

// newModel tokenises every sentence of d and builds its TF-IDF vectors,
// each sentence counting as one document for the IDF. Term ids follow
// first appearance, so nothing depends on map order.
func newModel(d *Document) *model {
	m := &model{sents: d.Sentences(), stemID: make(map[string]int, 256), cache: make(stemCache, 256)}
	m.toks = make([][]token, len(m.sents))
	m.content = make([]int, len(m.sents))
	ids := make([][]int, len(m.sents))
	var df []int
	for i, s := range m.sents {
		m.toks[i] = tokenize(s.Text, m.cache)
		var v []int
		for _, w := range m.toks[i] {
			if w.stop || len(w.stem) < 2 {
				continue
			}
			id, ok := m.stemID[w.stem]
			if !ok {
				id = len(m.stemID)
				m.stemID[w.stem] = id
				df = append(df, 0)
			}
			v = append(v, id)
		}
		m.content[i] = len(v)
		slices.Sort(v)
		for k, id := range v {
			if k == 0 || v[k-1] != id {
				df[id]++
			}
		}
		ids[i] = v
	}
	n := float64(len(m.sents))
	m.idf = make([]float64, len(df))
	for id, f := range df {
		m.idf[id] = math.Log(1 + n/float64(f))
	}
	m.vecs = make([]vector, len(m.sents))
	m.raw = make([]vector, len(m.sents))
	for i, v := range ids {
		m.raw[i] = m.vectorOf(v)
		m.vecs[i] = normalized(m.raw[i])
	}
	return m
}

// vectorOf turns sorted term ids (repeated as often as they occur) into a
// TF-IDF vector.
func (m *model) vectorOf(ids []int) vector {
	var v vector
	for k, id := range ids {
		if k > 0 && ids[k-1] == id {
			v[len(v)-1].w += m.idf[id]
			continue
		}
		v = append(v, term{id, m.idf[id]})
	}
	return v
}

// textVector is the unit TF-IDF vector of text (e.g. the title) over the
// document's vocabulary; unknown words are left out.
func (m *model) textVector(text string) vector {
	var ids []int
	for _, w := range tokenize(text, m.cache) {
		if id, ok := m.stemID[w.stem]; ok && !w.stop {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	return normalized(m.vectorOf(ids))
}

// normalized returns v scaled to length 1.
func normalized(v vector) vector {
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

// centroidSims returns, for each sentence, the cosine similarity of its
// vector to the sum of the other sentences' vectors (leaving the sentence
// out, so a sentence is not central merely for its own rare words).
func centroidSims(raw []vector, dims int) []float64 {
	sum := make([]float64, dims)
	for _, v := range raw {
		for _, t := range v {
			sum[t.id] += t.w
		}
	}
	sq := 0.0
	for _, w := range sum {
		sq += w * w
	}
	out := make([]float64, len(raw))
	for i, v := range raw {
		d, vv := 0.0, 0.0
		for _, t := range v {
			d += t.w * sum[t.id]
			vv += t.w * t.w
		}
		// (C−v)·v and |C−v|² from C·v, |C|² and |v|².
		num := d - vv
		den := math.Sqrt(max(sq-2*d+vv, 0)) * math.Sqrt(vv)
		if den > 0 && num > 0 {
			out[i] = num / den
		}
	}
	return out
}
