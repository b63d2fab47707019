package digest

// GoldStory is one story of a reference grouping: the documents that
// report it and those whose membership is debatable.
type GoldStory struct {
	// Members are indexes of the documents judged to report the story.
	Members []int
	// Borderline are indexes of documents that may or may not belong (an
	// opinion piece pegged to the story). Pairs of a borderline document
	// with the story's other documents count neither way, and borderline
	// documents are left out of the B-cubed averages.
	Borderline []int
}

// Scores compares a grouping with a reference one.
type Scores struct {
	// Pairwise counts, over all pairs of documents: TP pairs are grouped
	// together and in one gold story, FP grouped together but not in one
	// story, FN in one story but not grouped together.
	TP int `json:"tp"`
	FP int `json:"fp"`
	FN int `json:"fn"`
	// Pairwise precision, recall and F1 (precision is 1 when nothing is
	// grouped, recall 1 when the reference has no pairs).
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	// B-cubed precision and recall: per document, the share of its
	// predicted group that is in its gold story and the share of its gold
	// story that is in its predicted group, averaged over documents; and
	// their harmonic mean.
	BCubedPrecision float64 `json:"bcubed_precision"`
	BCubedRecall    float64 `json:"bcubed_recall"`
	BCubedF1        float64 `json:"bcubed_f1"`
}

// Score scores the grouping pred (groups of document indexes, every
// document of the day in one group) against gold. Documents in no gold
// story are stories of their own; documents missing from pred are left
// out of the scores.
func Score(pred [][]int, gold []GoldStory) Scores {
	goldOf := map[int]int{}   // document -> gold story
	borderOf := map[int]int{} // borderline document -> its gold story
	goldSize := map[int]int{} // gold story -> members in pred
	inPred := map[int]bool{}
	for _, g := range pred {
		for _, d := range g {
			inPred[d] = true
		}
	}
	for s, g := range gold {
		for _, d := range g.Members {
			if inPred[d] {
				goldOf[d] = s
				goldSize[s]++
			}
		}
		for _, d := range g.Borderline {
			if inPred[d] {
				borderOf[d] = s
			}
		}
	}
	var sc Scores
	var positives int
	for _, n := range goldSize {
		positives += n * (n - 1) / 2
	}
	var bp, br float64
	var counted int
	for _, g := range pred {
		members := map[int]int{} // gold story -> members in g
		borders := map[int]int{} // gold story -> borderline docs in g
		plain := 0               // documents of g not borderline
		for _, d := range g {
			if s, ok := borderOf[d]; ok {
				borders[s]++
				continue
			}
			plain++
			if s, ok := goldOf[d]; ok {
				members[s]++
			}
		}
		n := len(g)
		pairs := n * (n - 1) / 2
		excluded := 0
		for s, b := range borders {
			excluded += b*members[s] + b*(b-1)/2
		}
		tp := 0
		for _, m := range members {
			tp += m * (m - 1) / 2
		}
		sc.TP += tp
		sc.FP += pairs - tp - excluded
		// B-cubed over the group's non-borderline documents.
		for _, d := range g {
			if _, ok := borderOf[d]; ok {
				continue
			}
			same, size := 1, 1 // a document in no gold story is alone in it
			if s, ok := goldOf[d]; ok {
				same, size = members[s], goldSize[s]
			}
			bp += float64(same) / float64(plain)
			br += float64(same) / float64(size)
			counted++
		}
	}
	sc.FN = positives - sc.TP
	sc.Precision = ratio(sc.TP, sc.TP+sc.FP)
	sc.Recall = ratio(sc.TP, positives)
	sc.F1 = harmonic(sc.Precision, sc.Recall)
	if counted > 0 {
		sc.BCubedPrecision = bp / float64(counted)
		sc.BCubedRecall = br / float64(counted)
	}
	sc.BCubedF1 = harmonic(sc.BCubedPrecision, sc.BCubedRecall)
	return sc
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

func harmonic(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}
