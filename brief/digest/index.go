package digest

import (
	"cmp"
	"math"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
)

// index holds the weighted terms of a day's articles and the pairs of
// them that are similar enough to matter. It is read-only once built.
type index struct {
	opt Options
	c   *corpus
	n   int

	df  []int32   // term id -> articles holding it
	idf []float32 // term id -> inverse document frequency, 0 if dropped

	// Article vectors: article d's terms are vTerm[vStart[d]:vStart[d+1]],
	// sorted by term id, terms held by at least two articles only. The
	// word part and the name part are each scaled to the length that
	// gives them their share of the cosine.
	vStart []int32
	vTerm  []int32
	vW     []float32

	// Similarity graph, both directions: article d's neighbours are
	// adjDoc[adjStart[d]:adjStart[d+1]], sorted by article.
	adjStart []int32
	adjDoc   []int32
	adjSim   []float32

	debugAttach func(d int, story []int32, names []string, sim float64) // for tests

	template  []int32 // sentences per article found word for word in other articles
	sentences []int32 // sentences per article
}

// newIndex weighs the terms of the corpus and finds its similar pairs.
func newIndex(c *corpus, opt Options) *index {
	ix := &index{opt: opt.resolved(), c: c, n: c.len()}
	skip := ix.findBoilerplate()
	counts := ix.countTerms(skip)
	ix.weigh(counts)
	ix.similarities()
	return ix
}

// workers is how many goroutines share the work on n articles.
func workers(n int) int {
	return max(1, min(runtime.GOMAXPROCS(0), (n+chunkDocs-1)/chunkDocs))
}

// forChunks runs f over [0, n) in chunks of chunkDocs articles, on
// workers(n) goroutines; w tells f which goroutine runs it.
func forChunks(n int, f func(lo, hi, w int)) {
	nChunks := (n + chunkDocs - 1) / chunkDocs
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := range workers(n) {
		wg.Go(func() {
			for {
				c := int(next.Add(1) - 1)
				if c >= nChunks {
					return
				}
				f(c*chunkDocs, min(n, (c+1)*chunkDocs), w)
			}
		})
	}
	wg.Wait()
}

// findBoilerplate marks the sentences to leave out: credit lines, and
// sentences found in at least BoilerplateDocs articles.
func (ix *index) findBoilerplate() []bool {
	c := ix.c
	skip := slices.Clone(c.credit)
	ix.template = make([]int32, ix.n)
	ix.sentences = make([]int32, ix.n)
	for d := range ix.n {
		lo, hi := c.sentences(d)
		ix.sentences[d] = hi - lo
	}
	if ix.opt.BoilerplateDocs < 0 {
		return skip
	}
	// A sentence is counted once for all the copies of an article (a
	// wire story that several sites carry is one story, not a template):
	// the articles are taken copy set by copy set.
	root := ix.copies()
	order := make([]int32, ix.n)
	for d := range order {
		order[d] = int32(d)
	}
	slices.SortStableFunc(order, func(a, b int32) int { return cmp.Compare(root[a], root[b]) })
	type seen struct{ docs, last int32 }
	count := make(map[uint64]seen, len(c.hash))
	for _, d := range order {
		lo, hi := c.sentences(int(d))
		for _, h := range c.hash[lo:hi] {
			s, ok := count[h]
			switch {
			case !ok:
				count[h] = seen{1, root[d]}
			case s.last != root[d]:
				count[h] = seen{s.docs + 1, root[d]}
			}
		}
	}
	limit := int32(max(ix.opt.BoilerplateDocs, 2))
	for d := range ix.n {
		lo, hi := c.sentences(d)
		for s := lo; s < hi; s++ {
			if count[c.hash[s]].docs >= limit {
				ix.template[d]++
				skip[s] = true
			}
		}
	}
	return skip
}

// copies finds the articles that are copies of one another, such as a
// wire story carried by several sites: two articles are copies when they
// open alike (sameLead) and at least copyMinSentences sentences,
// and at least half the sentences of the shorter one, are the same word
// for word. (Template pages share most of their sentences too, but not
// the one that opens them: "Day 4 of the briefing", the day's news.) It returns, for each
// article, the first article of its set of copies.
func (ix *index) copies() []int32 {
	c := ix.c
	// Which articles hold each sentence; a sentence in more than
	// copyMaxPosting articles is template text and tells no copies apart.
	posting := make(map[uint64][]int32, len(c.hash))
	for d := range ix.n {
		lo, hi := c.sentences(d)
		for _, h := range c.hash[lo:hi] {
			p := posting[h]
			if len(p) < copyMaxPosting && (len(p) == 0 || p[len(p)-1] != int32(d)) {
				posting[h] = append(p, int32(d))
			}
		}
	}
	root := make([]int32, ix.n)
	for d := range root {
		root[d] = int32(d)
	}
	find := func(x int32) int32 {
		for root[x] != x {
			root[x] = root[root[x]]
			x = root[x]
		}
		return x
	}
	shared := map[int32]int32{}
	for d := range ix.n {
		clear(shared)
		lo, hi := c.sentences(d)
		for _, h := range c.hash[lo:hi] {
			for _, e := range posting[h] {
				if e < int32(d) {
					shared[e]++
				}
			}
		}
		for e, k := range shared {
			if k >= copyMinSentences && ix.sameLead(d, int(e)) && 2*k >= min(ix.sentences[d], ix.sentences[e]) {
				if a, b := find(int32(d)), find(e); a != b {
					root[max(a, b)] = min(a, b)
				}
			}
		}
	}
	for d := range root {
		root[d] = find(int32(d))
	}
	return root
}

// sameLead reports whether articles d and e open alike: the first
// sentence of one is among the first three of the other (a site may put
// an editor's note or a summary before a wire story).
func (ix *index) sameLead(d, e int) bool {
	c := ix.c
	in := func(a, b int) bool {
		lo, hi := c.sentences(b)
		alo, ahi := c.sentences(a)
		return alo < ahi && slices.Contains(c.hash[lo:min(hi, lo+3)], c.hash[alo])
	}
	return in(d, e) || in(e, d)
}

// termCount is one term of an article and how often it occurs there.
type termCount struct {
	id    int32
	count int32
}

// nameStems returns, for each term that is a name of one word, the term
// of its stem ("@yemen" -> "yemen"), -1 for other terms; nil when a name's
// words also count as words (tuning.namesAsWords).
func (ix *index) nameStems() []int32 {
	if ix.opt.tune.namesAsWords {
		return nil
	}
	c := ix.c
	out := make([]int32, len(c.keys))
	for t, k := range c.keys {
		out[t] = -1
		if c.isName(int32(t)) && !strings.Contains(k, " ") {
			if id, ok := c.ids[stemWord(k[len(namePrefix):])]; ok {
				out[t] = id
			}
		}
	}
	return out
}

// countTerms counts the terms of every article, sentences marked in skip
// left out. Words of the first leadSents kept sentences count leadRepeat
// times, title words titleRepeat times. A word written as a name counts
// as the name only, not also as a word (a sentence's terms give a name
// word's stem just before its name), so that the word part of the
// similarity says what happened and the name part who and where. Each
// list is sorted by term id.
func (ix *index) countTerms(skip []bool) [][]termCount {
	c := ix.c
	out := make([][]termCount, ix.n)
	nameStem := ix.nameStems()
	forChunks(ix.n, func(lo, hi, _ int) {
		count := make(map[int32]int32, 512)
		for d := lo; d < hi; d++ {
			clear(count)
			add := func(ts []int32, repeat int32) {
				for i, t := range ts {
					if nameStem != nil && i+1 < len(ts) && nameStem[ts[i+1]] == t {
						continue // the word of a name counts as the name only
					}
					count[t] += repeat
				}
			}
			s0, s1 := c.sentences(d)
			kept := 0
			for s := s0; s < s1; s++ {
				if skip[s] {
					continue
				}
				repeat := int32(1)
				if kept < ix.opt.tune.leadSents {
					repeat = int32(ix.opt.tune.leadRepeat)
				}
				kept++
				add(c.sentenceTerms(s), repeat)
			}
			add(c.title(d), titleRepeat)
			tcs := make([]termCount, 0, len(count))
			for t, k := range count {
				tcs = append(tcs, termCount{t, k})
			}
			slices.SortFunc(tcs, func(a, b termCount) int { return cmp.Compare(a.id, b.id) })
			out[d] = tcs
		}
	})
	return out
}

// weigh computes document frequencies and IDF, and builds the article
// vectors.
func (ix *index) weigh(docTerms [][]termCount) {
	nTerms := len(ix.c.keys)
	ix.df = make([]int32, nTerms)
	for _, tcs := range docTerms {
		for _, tc := range tcs {
			ix.df[tc.id]++
		}
	}
	maxDF := int32(max(minDocCap, maxDocShare*float64(ix.n)))
	ix.idf = make([]float32, nTerms)
	for t, df := range ix.df {
		if df > 0 && df <= maxDF {
			// As if one more, unrelated article were in the day: a term
			// in every article still weighs a little, so that in a day
			// of two articles the same article twice is one story.
			ix.idf[t] = float32(math.Log(float64(ix.n+1) / float64(df)))
		}
	}
	ix.vStart = make([]int32, ix.n+1)
	for d, tcs := range docTerms {
		ix.appendVector(tcs)
		ix.vStart[d+1] = int32(len(ix.vTerm))
	}
}

// appendVector appends to the article vectors the weighted terms of tcs,
// the vector of one article: of unit length, the word part and the name
// part each scaled to the length that gives them their share of the
// cosine. Terms held by no other article are left out (they add nothing
// to a dot product).
func (ix *index) appendVector(tcs []termCount) {
	nameShare := ix.opt.NameShare
	var words, names float64
	for _, tc := range tcs {
		w := float64(ix.termWeight(tc))
		if ix.c.isName(tc.id) {
			names += w * w
		} else {
			words += w * w
		}
	}
	// An article without names (or without words) gives the other part
	// all of it.
	wordScale, nameScale := 0.0, 0.0
	switch {
	case words > 0 && names > 0:
		wordScale = math.Sqrt((1 - nameShare) / words)
		nameScale = math.Sqrt(nameShare / names)
	case words > 0:
		wordScale = math.Sqrt(1 / words)
	case names > 0:
		nameScale = math.Sqrt(1 / names)
	}
	for _, tc := range tcs {
		if ix.df[tc.id] < 2 {
			continue // shared with no other article
		}
		w := float64(ix.termWeight(tc))
		if ix.c.isName(tc.id) {
			w *= nameScale
		} else {
			w *= wordScale
		}
		if w == 0 {
			continue
		}
		ix.vTerm = append(ix.vTerm, tc.id)
		ix.vW = append(ix.vW, float32(w))
	}
}

// termWeight is the TF-IDF weight of a term of an article before
// scaling: (1 + ln count) × IDF.
func (ix *index) termWeight(tc termCount) float32 {
	idf := ix.idf[tc.id]
	if idf == 0 {
		return 0
	}
	return float32(1+math.Log(float64(tc.count))) * idf
}

// pair is a neighbour of an article and their similarity.
type pair struct {
	doc int32
	sim float32
}

// similarities finds, through an inverted index of the articles' terms,
// every pair of articles at least floorShare×T alike, and stores them as
// the similarity graph. Only articles that share a term are ever
// compared.
func (ix *index) similarities() {
	n := ix.n
	nTerms := len(ix.c.keys)
	// Postings: for each term the articles holding it, in order.
	pStart := make([]int32, nTerms+1)
	for _, t := range ix.vTerm {
		pStart[t+1]++
	}
	for t := range nTerms {
		pStart[t+1] += pStart[t]
	}
	pDoc := make([]int32, len(ix.vTerm))
	pW := make([]float32, len(ix.vTerm))
	next := make([]int32, len(ix.vTerm)) // where the postings after article d start
	fill := slices.Clone(pStart[:nTerms])
	for d := range n {
		for x := ix.vStart[d]; x < ix.vStart[d+1]; x++ {
			t := ix.vTerm[x]
			pDoc[fill[t]] = int32(d)
			pW[fill[t]] = ix.vW[x]
			fill[t]++
			next[x] = fill[t]
		}
	}
	floor := float32(floorShare * ix.opt.Threshold)
	found := make([][]pair, n) // pairs (d, j) with j > d
	accs := make([][]float32, workers(n))
	forChunks(n, func(lo, hi, wk int) {
		if accs[wk] == nil {
			accs[wk] = make([]float32, n)
		}
		acc := accs[wk]
		var touched []int32
		for d := lo; d < hi; d++ {
			touched = touched[:0]
			for x := ix.vStart[d]; x < ix.vStart[d+1]; x++ {
				t, w := ix.vTerm[x], ix.vW[x]
				end := pStart[t+1]
				for k := next[x]; k < end; k++ {
					j := pDoc[k]
					if acc[j] == 0 {
						touched = append(touched, j)
					}
					acc[j] += w * pW[k]
				}
			}
			var ps []pair
			for _, j := range touched {
				s := acc[j] * ix.dateFactor(d, int(j))
				acc[j] = 0
				if s >= floor && s > 0 {
					ps = append(ps, pair{j, s})
				}
			}
			slices.SortFunc(ps, func(a, b pair) int { return cmp.Compare(a.doc, b.doc) })
			found[d] = ps
		}
	})
	// Both directions, each list sorted by article.
	ix.adjStart = make([]int32, n+1)
	for d, ps := range found {
		ix.adjStart[d+1] += int32(len(ps))
		for _, p := range ps {
			ix.adjStart[p.doc+1]++
		}
	}
	for d := range n {
		ix.adjStart[d+1] += ix.adjStart[d]
	}
	ix.adjDoc = make([]int32, ix.adjStart[n])
	ix.adjSim = make([]float32, ix.adjStart[n])
	pos := slices.Clone(ix.adjStart[:n])
	for d, ps := range found { // lower neighbours first, in order
		for _, p := range ps {
			ix.adjDoc[pos[p.doc]] = int32(d)
			ix.adjSim[pos[p.doc]] = p.sim
			pos[p.doc]++
		}
	}
	for d, ps := range found { // then the higher ones
		for _, p := range ps {
			ix.adjDoc[pos[d]] = p.doc
			ix.adjSim[pos[d]] = p.sim
			pos[d]++
		}
	}
}

// dateFactor is how much the publication dates of articles a and b scale
// their similarity: 1 when either is unknown or they are at most a day
// apart, halving for every DateHalfLife days beyond.
func (ix *index) dateFactor(a, b int) float32 {
	da, db := ix.c.days[a], ix.c.days[b]
	if ix.opt.DateHalfLife < 0 || da == noDay || db == noDay {
		return 1
	}
	days := math.Abs(float64(da - db))
	if days <= 1 {
		return 1
	}
	return float32(math.Exp2(-(days - 1) / ix.opt.DateHalfLife))
}

// neighbours returns article d's kept neighbours and similarities.
func (ix *index) neighbours(d int) ([]int32, []float32) {
	return ix.adjDoc[ix.adjStart[d]:ix.adjStart[d+1]], ix.adjSim[ix.adjStart[d]:ix.adjStart[d+1]]
}

// kept is the kept similarity of articles a and b, 0 if the pair was not
// kept.
func (ix *index) kept(a, b int) float64 {
	docs, sims := ix.neighbours(a)
	if k, ok := slices.BinarySearch(docs, int32(b)); ok {
		return float64(sims[k])
	}
	return 0
}

// similarity is the similarity of articles a and b as grouping sees it,
// from 0 to 1: (1 − NameShare) × the cosine of their word vectors +
// NameShare × the cosine of their name vectors, scaled by their dates.
// It is 1 for a == b.
func (ix *index) similarity(a, b int) float64 {
	if a == b {
		return 1
	}
	var dot float32
	ix.shared(a, b, func(x, y int32) { dot += ix.vW[x] * ix.vW[y] })
	return float64(dot * ix.dateFactor(a, b))
}

// shared calls f with the positions in vTerm and vW of every term that
// articles a and b share, in term order.
func (ix *index) shared(a, b int, f func(x, y int32)) {
	x, xe := ix.vStart[a], ix.vStart[a+1]
	y, ye := ix.vStart[b], ix.vStart[b+1]
	for x < xe && y < ye {
		switch {
		case ix.vTerm[x] < ix.vTerm[y]:
			x++
		case ix.vTerm[x] > ix.vTerm[y]:
			y++
		default:
			f(x, y)
			x++
			y++
		}
	}
}

// isTemplate reports whether article d is a template page, kept out of
// every story: at least templateMinSentences of its sentences, and at
// least templateShare of them, are found word for word in other
// articles.
func (ix *index) isTemplate(d int) bool {
	t := ix.template[d]
	return t >= templateMinSentences && float64(t) >= templateShare*float64(ix.sentences[d])
}
