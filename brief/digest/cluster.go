package digest

import (
	"cmp"
	"container/heap"
	"slices"
	"strings"
)

// alone marks the documents that are never grouped: template pages, and
// hubs. A hub is a document with two or more neighbours at T or above
// whose neighbours are, on average, less than hubRatio×T alike to each
// other: a round-up or a live page that touches several stories, not
// another report of one of them.
func (ix *index) alone() []bool {
	out := make([]bool, ix.n)
	T := ix.opt.Threshold
	var close []int32
	for d := range ix.n {
		if ix.isTemplate(d) {
			out[d] = true
			continue
		}
		if ix.opt.tune.hubRatio < 0 {
			continue
		}
		close = close[:0]
		docs, sims := ix.neighbours(d)
		for k, j := range docs {
			if float64(sims[k]) >= T {
				close = append(close, j)
			}
		}
		if len(close) < 2 {
			continue
		}
		var sum float64
		for x, a := range close {
			for _, b := range close[x+1:] {
				sum += ix.kept(int(a), int(b))
			}
		}
		n := float64(len(close))
		if sum/(n*(n-1)/2) < ix.opt.tune.hubRatio*T {
			out[d] = true
		}
	}
	return out
}

// cluster is a group being built: its members and, for each neighbouring
// group, the sum of the similarities across the two.
type cluster struct {
	members []int32
	links   map[int32]float64 // neighbouring cluster -> sum of similarities
	version int32             // bumped at every merge into it
	alive   bool
	inner   float64 // sum of the similarities of its pairs
}

// candidate is a possible merge of clusters a < b, with its score and the
// versions of the clusters it was scored at.
type candidate struct {
	score  float64
	a, b   int32
	va, vb int32
}

// candHeap orders candidates best first: highest score, then lowest a,
// then lowest b, so that the order of merges is fully determined.
type candHeap []candidate

func (h candHeap) Len() int { return len(h) }
func (h candHeap) Less(i, j int) bool {
	if h[i].score != h[j].score {
		return h[i].score > h[j].score
	}
	if h[i].a != h[j].a {
		return h[i].a < h[j].a
	}
	return h[i].b < h[j].b
}
func (h candHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *candHeap) Push(x any)   { *h = append(*h, x.(candidate)) }
func (h *candHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// agglomerate groups the articles by average linkage: it repeatedly
// merges the two groups with the highest average similarity (over all
// pairs across them, pairs missing from the graph counting 0) while that
// is at least T; two groups of two or more articles each merge only when
// it is at least groupFactor×T. Articles left alone may then join a
// story by its signature (attach). It returns the groups, members in
// ascending order, largest group first, then by first member.
func (ix *index) agglomerate() [][]int32 {
	T := ix.opt.Threshold
	cs := make([]cluster, ix.n)
	h := &candHeap{}
	alone := ix.alone()
	for d := range ix.n {
		cs[d] = cluster{members: []int32{int32(d)}, alive: true}
		if alone[d] {
			continue
		}
		docs, sims := ix.neighbours(d)
		for k, j := range docs {
			if alone[j] {
				continue
			}
			if cs[d].links == nil {
				cs[d].links = make(map[int32]float64, len(docs))
			}
			s := float64(sims[k])
			cs[d].links[j] = s
			if int(j) > d && s >= T {
				*h = append(*h, candidate{score: s, a: int32(d), b: j})
			}
		}
	}
	heap.Init(h)
	score := func(a, b int32, link float64) float64 {
		na, nb := len(cs[a].members), len(cs[b].members)
		avg := link / float64(na*nb)
		if na > 1 && nb > 1 {
			avg /= ix.opt.tune.groupFactor
		}
		return avg
	}
	var ks []int32
	for h.Len() > 0 {
		c := heap.Pop(h).(candidate)
		A, B := &cs[c.a], &cs[c.b]
		if !A.alive || !B.alive || A.version != c.va || B.version != c.vb {
			continue // stale
		}
		// Merge b into a: links add up.
		A.inner += B.inner + A.links[c.b]
		for k, lb := range B.links {
			if k != c.a {
				A.links[k] += lb
			}
			delete(cs[k].links, c.b)
		}
		delete(A.links, c.b)
		A.members = append(A.members, B.members...)
		B.alive, B.members, B.links = false, nil, nil
		A.version++
		// Rescore a against its neighbours, in a fixed order.
		ks = ks[:0]
		for k, l := range A.links {
			cs[k].links[c.a] = l
			ks = append(ks, k)
		}
		slices.Sort(ks)
		for _, k := range ks {
			if s := score(c.a, k, A.links[k]); s >= T {
				a, b := min(c.a, k), max(c.a, k)
				// Merges come in the order of the average similarity.
				s = A.links[k] / float64(len(cs[a].members)*len(cs[b].members))
				heap.Push(h, candidate{score: s, a: a, b: b, va: cs[a].version, vb: cs[b].version})
			}
		}
	}
	if ix.opt.tune.sigMin > 0 {
		ix.attach(cs, alone)
	}
	var groups [][]int32
	for d := range cs {
		if cs[d].alive {
			m := cs[d].members
			slices.Sort(m)
			groups = append(groups, m)
		}
	}
	slices.SortFunc(groups, func(a, b []int32) int {
		if c := cmp.Compare(len(b), len(a)); c != 0 {
			return c
		}
		return cmp.Compare(a[0], b[0])
	})
	return groups
}

// attach adds articles left alone to the formed story whose signature
// names they hold. A story's signature names are the names that most of
// its articles hold and that are found mostly in it: the names of its
// event (Germanwings, Andreas Lubitz). A feature or an opinion piece on
// the event is worded unlike the news reports, but names them.
func (ix *index) attach(cs []cluster, alone []bool) {
	tn := ix.opt.tune
	owner := map[int32]int32{} // signature name -> story (cluster index)
	count := map[int32]int32{}
	for g := range cs {
		m := cs[g].members
		if !cs[g].alive || len(m) < tn.sigMin {
			continue
		}
		clear(count)
		for _, d := range m {
			for x := ix.vStart[d]; x < ix.vStart[d+1]; x++ {
				if t := ix.vTerm[x]; ix.c.isName(t) {
					count[t]++
				}
			}
		}
		for t, k := range count {
			if float64(k) >= tn.sigShare*float64(len(m)) && k >= 2 && float64(k) > tn.sigConc*float64(ix.df[t]) {
				owner[t] = int32(g)
			}
		}
	}
	type move struct{ d, g int32 }
	var moves []move
	held := map[int32][]int32{} // story -> its signature names held by d
	var stories []int32
	for d := range cs {
		if !cs[d].alive || len(cs[d].members) != 1 || alone[d] {
			continue
		}
		clear(held)
		stories = stories[:0]
		for x := ix.vStart[d]; x < ix.vStart[d+1]; x++ {
			if g, ok := owner[ix.vTerm[x]]; ok {
				if len(held[g]) == 0 {
					stories = append(stories, g)
				}
				held[g] = append(held[g], ix.vTerm[x])
			}
		}
		if len(stories) == 0 {
			continue
		}
		slices.Sort(stories)
		runs := ix.nameRuns(d)
		best, bestN, bestSim := int32(-1), 0, 0.0
		for _, g := range stories {
			n := ix.distinctNames(held[g], runs)
			var sim float64
			for _, m := range cs[g].members {
				sim += ix.similarity(d, int(m)) // exact: pairs under T/2 are not kept
			}
			sim /= float64(len(cs[g].members))
			if n < tn.sigNeed && sim < tn.sigSim*ix.opt.Threshold {
				continue
			}
			if n > bestN || n == bestN && sim > bestSim {
				best, bestN, bestSim = g, n, sim
			}
		}
		if best >= 0 {
			if ix.debugAttach != nil {
				var ns []string
				for _, t := range held[best] {
					ns = append(ns, ix.c.keys[t])
				}
				ix.debugAttach(d, cs[best].members, ns, bestSim)
			}
			moves = append(moves, move{int32(d), best})
		}
	}
	for _, mv := range moves {
		cs[mv.g].members = append(cs[mv.g].members, mv.d)
		cs[mv.d].alive = false
	}
}

// nameRuns returns the names of two or more words that article d writes
// (held by it alone or not), without the name prefix.
func (ix *index) nameRuns(d int) []string {
	var out []string
	s0, s1 := ix.c.sentences(d)
	for s := s0; s < s1; s++ {
		for _, t := range ix.c.sentenceTerms(s) {
			if k := ix.c.keys[t]; ix.c.isName(t) && strings.IndexByte(k, ' ') > 0 {
				out = append(out, k[len(namePrefix):])
			}
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// distinctNames counts the names of ts, the words of one name counted
// once: "Andreas", "Lubitz" and "Andreas Lubitz" are one name when the
// article writes "Andreas Lubitz" (one of runs, its names of several
// words).
func (ix *index) distinctNames(ts []int32, runs []string) int {
	parent := make([]int, len(ts))
	for i := range parent {
		parent[i] = i
	}
	var find func(i int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	words := make([]string, len(ts))
	for i, t := range ts {
		words[i] = " " + ix.c.keys[t][len(namePrefix):] + " "
	}
	for _, r := range runs {
		r = " " + r + " "
		first := -1
		for i, w := range words {
			if strings.Contains(r, w) {
				if first < 0 {
					first = i
				} else {
					parent[find(i)] = find(first)
				}
			}
		}
	}
	n := 0
	for i := range parent {
		if find(i) == i {
			n++
		}
	}
	return n
}
