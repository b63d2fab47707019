package brief

import (
	"math"
	"strings"
)

// Signals are the evidence the scorer weighs for one sentence. Each is in
// [0, 1]; --explain prints them.
type Signals struct {
	// Position is 1 for the first sentence of the article and halves
	// with every 3.5% of the article read.
	Position float64 `json:"position"`
	// Lead is how much position counts in this article: high when the
	// opening sentences are as central in the similarity graph as the best
	// of the rest and, when there is a title, as close to the title. It
	// is the same for every sentence of an article.
	Lead float64 `json:"lead"`
	// ParagraphStart is 1 for the first sentence of a paragraph.
	ParagraphStart float64 `json:"paragraph_start"`
	// Centrality is the sentence's LexRank score in the sentence
	// similarity graph, relative to the best sentence.
	Centrality float64 `json:"centrality"`
	// Centroid is the cosine similarity to the TF-IDF centroid of the
	// other sentences, relative to the best sentence.
	Centroid float64 `json:"centroid"`
	// Title is the cosine similarity to the title's TF-IDF vector (0 when
	// there is no title).
	Title float64 `json:"title"`
	// Entities grows with the names and numbers the sentence holds.
	Entities float64 `json:"entities"`
	// Quote is the share of the sentence's words inside quotation marks.
	Quote float64 `json:"quote"`
	// Dangling is 1 when the sentence opens with a pronoun or a connective
	// that points back ("He said…", "But the talks…"), so it cannot stand
	// on its own as a bullet. It carries no weight: Summarize names the
	// referent, drops the connective or passes the sentence over, and a
	// penalty here only kept repaired sentences out.
	Dangling float64 `json:"dangling"`
	// Length is 1 for sentences of a readable length, less for fragments
	// and, in proportion, for sentences over maxWords words.
	Length float64 `json:"length"`
}

// Scored is a sentence with its importance score and the signals behind
// it.
type Scored struct {
	Located
	Score   float64
	Signals Signals

	vec  vector  // unit TF-IDF vector, for redundancy checks
	toks []token // the words of the sentence
	ok   bool    // vec and toks are set
}

// scoreParams are the weights of the scorer, tuned on two dev sets of
// different outlets (short CNN highlights, long BBC extracts) and checked
// on 2-fold splits of each; few and explainable on purpose. A weight of 0
// means the signal is measured and shown by --explain but did not help on
// either set.
type scoreParams struct {
	posHalf     float64 // Position halves every posHalf × (sentences in the article)
	wPos        float64 // weight of Position × Lead
	wPara       float64 // weight of ParagraphStart
	wCent       float64 // weight of Centrality
	wCentroid   float64 // weight of Centroid
	wTitle      float64 // weight of Title
	wEnt        float64 // weight of Entities
	wQuote      float64 // penalty for Quote
	wDangling   float64 // penalty for Dangling
	minWords    int     // sentences shorter than this lose Length
	maxWords    int     // sentences longer than this lose Length in proportion
	window      int     // graph edges only within this many sentences
	damping     float64 // LexRank damping
	leadSpan    int     // opening sentences compared with the rest for Lead
	leadFloor   float64 // Lead never falls below this
	mmrLambda   float64 // relevance vs novelty in RankKeyPoints
	maxCosine   float64 // cosine above which a sentence repeats a chosen one
	minKeyWords int     // key points need at least this many words
}

func defaultParams() scoreParams {
	return scoreParams{
		posHalf:     0.035,
		wPos:        1,
		wPara:       0,
		wCent:       0.5,
		wCentroid:   0.5,
		wTitle:      0.3,
		wEnt:        0,
		wQuote:      0.3,
		wDangling:   0,
		minWords:    10,
		maxWords:    30,
		window:      60,
		damping:     0.85,
		leadSpan:    4,
		leadFloor:   0.3,
		mmrLambda:   0.6,
		maxCosine:   0.3,
		minKeyWords: 6,
	}
}

// ScoreSentences scores every body sentence of d; higher is more
// important. The result is in document order.
//
// The score is local and deterministic. It combines the sentence's
// position (weighted by how central the article's opening is, so a lead
// that summarises the story counts and one that sets a scene does not),
// its centrality in a TF-IDF similarity graph (LexRank over a bounded
// window of neighbours), its similarity to the article's centroid and
// title, and penalties for quotations, fragments and overlong sentences.
func ScoreSentences(d *Document) []Scored {
	return scoreWith(d, newModel(d), defaultParams())
}

func scoreWith(d *Document, m *model, p scoreParams) []Scored {
	n := len(m.sents)
	out := make([]Scored, n)
	if n == 0 {
		return out
	}
	cent := normMax(lexRank(m.vecs, p.window, p.damping))
	csNorm := normMax(centroidSims(m.raw, len(m.idf)))
	var title vector
	titleSims := make([]float64, n)
	if strings.TrimSpace(d.Title) != "" {
		title = m.textVector(d.Title)
		for i, v := range m.vecs {
			titleSims[i] = dot(v, title)
		}
	}
	// The opening counts as much as it agrees with the rest of the article
	// and, when there is a title, with the title.
	lead := max(p.leadFloor, leadAgreement(cent, p.leadSpan)*leadAgreement(titleSims, p.leadSpan))
	// Position is measured in shares of the article, so a long article's
	// lead spans more sentences than a short one's.
	decay := max(p.posHalf*float64(n), 0.1)
	for i, s := range m.sents {
		sig := Signals{
			Position:   math.Exp2(-float64(s.Index) / decay),
			Lead:       lead,
			Centrality: cent[i],
			Centroid:   csNorm[i],
			Entities:   entities(m.toks[i]),
			Quote:      quoteShare(s.Text),
			Dangling:   dangling(s.Text),
			Length:     min(1, float64(len(m.toks[i]))/float64(p.minWords)),
		}
		if s.InParagraph == 0 {
			sig.ParagraphStart = 1
		}
		if l := len(m.toks[i]); l > p.maxWords {
			sig.Length = float64(p.maxWords) / float64(l)
		}
		sig.Title = titleSims[i]
		out[i] = Scored{Located: s, Signals: sig, Score: combine(sig, p),
			vec: m.vecs[i], toks: m.toks[i], ok: true}
	}
	return out
}

// combine weighs the signals into one score.
func combine(s Signals, p scoreParams) float64 {
	base := p.wPos*s.Lead*s.Position + p.wPara*s.ParagraphStart +
		p.wCent*s.Centrality + p.wCentroid*s.Centroid + p.wTitle*s.Title +
		p.wEnt*s.Entities - p.wQuote*s.Quote - p.wDangling*s.Dangling
	return base * s.Length
}

// leadAgreement measures how well the first span sentences stand for
// the whole by xs (centrality, or similarity to the title): the best of
// them against the best of the rest, capped at 1. It is 1 when there is
// nothing to compare.
func leadAgreement(xs []float64, span int) float64 {
	k := min(span, len(xs))
	best, rest := 0.0, 0.0
	for i, x := range xs {
		if i < k {
			best = max(best, x)
		} else {
			rest = max(rest, x)
		}
	}
	if rest == 0 {
		return 1
	}
	return min(1, best/rest)
}

// normMax scales xs so that the largest is 1 (all zeros stay zero).
func normMax(xs []float64) []float64 {
	mx := 0.0
	for _, x := range xs {
		mx = max(mx, x)
	}
	if mx > 0 {
		for i := range xs {
			xs[i] /= mx
		}
	}
	return xs
}

// entities grows with the names (capitalised words not opening the
// sentence) and numbers in ws, saturating.
func entities(ws []token) float64 {
	k := 0
	for i, w := range ws {
		if w.number || (w.capital && i > 0 && !w.stop) {
			k++
		}
	}
	return float64(k) / float64(k+3)
}

// dangling reports (as 1 or 0) whether text opens with a word that
// points back to an earlier sentence.
func dangling(text string) float64 {
	first, _, _ := strings.Cut(strings.TrimLeft(text, " \"“‘'("), " ")
	switch strings.Trim(first, ",;:") {
	case "He", "She", "It", "They", "This", "That", "These", "Those", "His", "Her",
		"Its", "Their", "Him", "Them", "But", "And", "However", "Also", "So", "Yet",
		"Still", "Meanwhile", "Instead", "Then", "Such":
		return 1
	}
	return 0
}

// quoteShare returns the share of the words of text that sit inside
// quotation marks.
func quoteShare(text string) float64 {
	total, inside := 0, 0
	in, inWord := false, false
	for _, r := range text {
		switch r {
		case '“':
			in = true
			continue
		case '”':
			in = false
			continue
		case '"':
			in = !in
			continue
		}
		letter := r != ' ' && r != '\t' && r != '\n'
		if letter && !inWord {
			total++
			if in {
				inside++
			}
		}
		inWord = letter
	}
	if total == 0 {
		return 0
	}
	return float64(inside) / float64(total)
}

// lexRank returns the stationary distribution of a random walk on the
// sentence similarity graph (continuous LexRank): edges weighted by cosine
// similarity, only between sentences at most window apart, so the cost
// grows linearly with the length of the document.
func lexRank(vecs []vector, window int, damping float64) []float64 {
	n := len(vecs)
	type edge struct {
		to int
		w  float64
	}
	adj := make([][]edge, n)
	deg := make([]float64, n)
	for i := range adj {
		adj[i] = make([]edge, 0, min(n-1, 2*window))
	}
	for i := range n {
		for j := i + 1; j < n && j-i <= window; j++ {
			w := dot(vecs[i], vecs[j])
			if w <= 0 {
				continue
			}
			adj[i] = append(adj[i], edge{j, w})
			adj[j] = append(adj[j], edge{i, w})
			deg[i] += w
			deg[j] += w
		}
	}
	r := make([]float64, n)
	next := make([]float64, n)
	for i := range r {
		r[i] = 1 / float64(n)
	}
	for range 100 {
		dangling := 0.0
		for i := range next {
			next[i] = 0
		}
		for i, es := range adj {
			if deg[i] == 0 {
				dangling += r[i]
				continue
			}
			for _, e := range es {
				next[e.to] += r[i] * e.w / deg[i]
			}
		}
		diff := 0.0
		for i := range next {
			v := (1-damping)/float64(n) + damping*(next[i]+dangling/float64(n))
			diff += math.Abs(v - r[i])
			next[i] = v
		}
		r, next = next, r
		if diff < 1e-7 {
			break
		}
	}
	return r
}

// RankKeyPoints picks the n sentences that make the best key points from
// scored (as returned by ScoreSentences), most important first, with
// redundant sentences left out.
//
// It uses maximal marginal relevance: each pick maximises its score less a
// penalty for its similarity to the sentences already chosen; a sentence
// that mostly repeats a chosen one, or is a fragment, is passed over while
// others remain.
func RankKeyPoints(d *Document, scored []Scored, n int) []Scored {
	return rankWith(d, scored, n, defaultParams())
}

func rankWith(d *Document, scored []Scored, n int, p scoreParams) []Scored {
	if n <= 0 || len(scored) == 0 {
		return nil
	}
	vecs := make([]vector, len(scored))
	nwords := make([]int, len(scored))
	var m *model
	for k, s := range scored {
		if s.ok {
			vecs[k], nwords[k] = s.vec, len(s.toks)
			continue
		}
		// Scores made elsewhere: measure the sentences here.
		if m == nil {
			m = newModel(d)
		}
		if s.Index >= 0 && s.Index < len(m.vecs) {
			vecs[k], nwords[k] = m.vecs[s.Index], len(m.toks[s.Index])
		}
	}
	top := 0.0
	for _, s := range scored {
		top = max(top, s.Score)
	}
	if top <= 0 {
		top = 1
	}
	used := make([]bool, len(scored))
	var out []Scored
	var chosen []int
	for pass := 0; pass < 2 && len(out) < n; pass++ {
		for len(out) < n {
			best, bestVal := -1, math.Inf(-1)
			for k, s := range scored {
				if used[k] {
					continue
				}
				sim := 0.0
				for _, c := range chosen {
					sim = max(sim, dot(vecs[k], vecs[c]))
				}
				// The first pass skips fragments and near-repeats.
				if pass == 0 && (sim > p.maxCosine || nwords[k] < p.minKeyWords) {
					continue
				}
				val := p.mmrLambda*s.Score/top - (1-p.mmrLambda)*sim
				if val > bestVal {
					best, bestVal = k, val
				}
			}
			if best < 0 {
				break
			}
			used[best] = true
			chosen = append(chosen, best)
			out = append(out, scored[best])
		}
	}
	return out
}
