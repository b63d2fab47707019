package brief

import (
	"math"
	"slices"
	"strings"

	"github.com/brief-dev/brief/brief/sentences"
)

// Signals are the evidence the scorer weighs for one sentence. Each is in
// [0, 1]; --explain prints them. Only Centrality, Position, Quote and
// Length carry weight (see scoreParams); the others are measured and
// shown because they help to read a briefing.
type Signals struct {
	// Position is 1 for the first sentence of the article and halves
	// with every 3.5% of the article read.
	Position float64 `json:"position"`
	// Lead is how far the article's opening can be trusted to state its
	// news: how close the first sentence comes to the title, against the
	// closest of the others, capped at 1. An opening that shares fewer of
	// the title's words than a later sentence sets a scene or tells an
	// anecdote, and its Position counts for that much less. Without a
	// title (or when no sentence shares a word with it) Lead is 1. It is
	// the same for every sentence of an article.
	Lead float64 `json:"lead"`
	// ParagraphStart is 1 for the first sentence of a paragraph.
	ParagraphStart float64 `json:"paragraph_start"`
	// Centrality is how much of the rest of the article the sentence
	// shares words with, relative to the best sentence: the mean, over
	// the sentences around it, of the content words the two have in
	// common divided by (n₁·n₂)^0.4, n being their numbers of content
	// words. The exponent sits between a plain count of shared words (0),
	// which favours long sentences, and the cosine (0.5), which favours
	// short ones.
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

// scoreParams are the weights of the scorer. They were chosen by 5-fold
// cross-validation on two dev sets of different outlets (CNN, short
// written highlights; BBC, long extractive summaries), preferring few
// signals and settings that are stable from fold to fold over the best
// mean: the score is
//
//	(Centrality + wPos·Position·Lead − wQuote·Quote) × Length
//
// A weight of 0 means the signal is measured and shown by --explain but
// did not help on held-out folds.
type scoreParams struct {
	posHalf     float64 // Position halves every posHalf × (sentences in the article)
	wPos        float64 // weight of Position
	leadScales  bool    // Position is multiplied by Lead
	wPara       float64 // weight of ParagraphStart
	wCent       float64 // weight of Centrality
	wCentroid   float64 // weight of Centroid
	wTitle      float64 // weight of Title
	wEnt        float64 // weight of Entities
	wQuote      float64 // penalty for Quote
	wDangling   float64 // penalty for Dangling
	lengthExp   float64 // Centrality divides shared words by (n₁·n₂)^lengthExp
	minWords    int     // sentences shorter than this lose Length
	maxWords    int     // sentences longer than this lose Length in proportion
	window      int     // Centrality compares sentences at most this far apart
	mmrLambda   float64 // relevance vs novelty in RankKeyPoints
	maxCosine   float64 // cosine above which a sentence repeats a chosen one
	minKeyWords int     // key points need at least this many words
}

func defaultParams() scoreParams {
	return scoreParams{
		posHalf:     0.035,
		wPos:        1,
		leadScales:  true,
		wPara:       0,
		wCent:       1,
		wCentroid:   0,
		wTitle:      0,
		wEnt:        0,
		wQuote:      0.5,
		wDangling:   0,
		lengthExp:   0.4,
		minWords:    10,
		maxWords:    30,
		window:      60,
		mmrLambda:   0.8,
		maxCosine:   0.5,
		minKeyWords: 6,
	}
}

// ScoreSentences scores every body sentence of d; higher is more
// important. The result is in document order.
//
// The score is local and deterministic. It adds the sentence's centrality
// (how many of its content words it shares with the sentences around it,
// fairly to long and short sentences) and its position (the opening of
// a news story summarises it), takes off for quotation (a key point
// states a fact rather than an opinion), and scales the sum down for
// fragments and overlong sentences.
func ScoreSentences(d *Document) []Scored {
	return scoreWith(d, newModel(d), defaultParams())
}

func scoreWith(d *Document, m *model, p scoreParams) []Scored {
	n := len(m.sents)
	out := make([]Scored, n)
	if n == 0 {
		return out
	}
	cent := normMax(degreeCentrality(m, p.window, p.lengthExp))
	csNorm := normMax(centroidSims(m.raw, len(m.idf)))
	titleSims := make([]float64, n)
	if strings.TrimSpace(d.Title) != "" {
		title := m.textVector(d.Title)
		for i, v := range m.vecs {
			titleSims[i] = dot(v, title)
		}
	}
	lead := leadAgreement(titleSims)
	// Position is measured in shares of the article, so a long article's
	// lead spans more sentences than a short one's.
	decay := max(p.posHalf*float64(n), 0.1)
	for i, s := range m.sents {
		sig := Signals{
			Position:   math.Exp2(-float64(s.Index) / decay),
			Lead:       lead,
			Centrality: cent[i],
			Centroid:   csNorm[i],
			Title:      titleSims[i],
			Entities:   entities(m.toks[i]),
			Quote:      sentences.QuotedShare(s.Text),
			Dangling:   dangling(s.Text),
			Length:     min(1, readLength(m.toks[i])/float64(p.minWords)),
		}
		if s.InParagraph == 0 {
			sig.ParagraphStart = 1
		}
		if l := readLength(m.toks[i]); l > float64(p.maxWords) {
			sig.Length = float64(p.maxWords) / l
		}
		out[i] = Scored{Located: s, Signals: sig, Score: combine(sig, p),
			vec: m.vecs[i], toks: m.toks[i], ok: true}
	}
	return out
}

// combine weighs the signals into one score.
func combine(s Signals, p scoreParams) float64 {
	pos := s.Position
	if p.leadScales {
		pos *= s.Lead
	}
	base := p.wCent*s.Centrality + p.wPos*pos + p.wPara*s.ParagraphStart +
		p.wCentroid*s.Centroid + p.wTitle*s.Title + p.wEnt*s.Entities -
		p.wQuote*s.Quote - p.wDangling*s.Dangling
	return base * s.Length
}

// leadAgreement measures how well the first sentence stands for the
// article by xs (here its similarity to the title): its x against the
// best x of the rest, capped at 1. It is 1 when the rest has nothing to
// compare.
func leadAgreement(xs []float64) float64 {
	if len(xs) < 2 {
		return 1
	}
	rest := slices.Max(xs[1:])
	if rest == 0 {
		return 1
	}
	return min(1, xs[0]/rest)
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

// degreeCentrality returns, for each sentence, its mean similarity to
// the other sentences at most window away. The similarity of two
// sentences is the number of distinct content words they share divided
// by (n₁·n₂)^exp, where n is a sentence's number of content words. The
// cost grows linearly with the length of the document.
func degreeCentrality(m *model, window int, exp float64) []float64 {
	n := len(m.vecs)
	norm := make([]float64, n)
	for i, c := range m.content {
		if c > 0 {
			norm[i] = math.Pow(float64(c), exp)
		}
	}
	sum := make([]float64, n)
	cnt := make([]int, n)
	for i := range n {
		for j := i + 1; j < n && j-i <= window; j++ {
			cnt[i]++
			cnt[j]++
			if norm[i] == 0 || norm[j] == 0 {
				continue
			}
			if k := sharedTerms(m.vecs[i], m.vecs[j]); k > 0 {
				w := float64(k) / (norm[i] * norm[j])
				sum[i] += w
				sum[j] += w
			}
		}
	}
	for i := range sum {
		if cnt[i] > 0 {
			sum[i] /= float64(cnt[i])
		}
	}
	return sum
}

// sharedTerms counts the terms two vectors (sorted by id) have in common.
func sharedTerms(a, b vector) int {
	k := 0
	shared(a, b, func(term, term) { k++ })
	return k
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
