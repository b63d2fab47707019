package rouge

import (
	"slices"
	"strings"

	"github.com/brief-dev/brief/brief/stem"
)

// Score is the precision, recall and F1 of one ROUGE measure.
type Score struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

// Scores holds ROUGE-1, ROUGE-2 and ROUGE-Lsum of one prediction against
// one reference.
type Scores struct {
	R1    Score `json:"rouge1"`
	R2    Score `json:"rouge2"`
	RLsum Score `json:"rougeLsum"`
}

// Tokens tokenises text as the reference rouge-score package does:
// lower-case, every run of characters other than a-z and 0-9 becomes a
// space, and tokens longer than three characters are Porter-stemmed.
func Tokens(text string) []string {
	text = strings.ToLower(text)
	out := make([]string, 0, len(text)/5+1)
	start := -1
	for i := 0; i <= len(text); i++ {
		alnum := i < len(text) && (text[i] >= 'a' && text[i] <= 'z' || text[i] >= '0' && text[i] <= '9')
		switch {
		case alnum && start < 0:
			start = i
		case !alnum && start >= 0:
			tok := text[start:i]
			if len(tok) > 3 {
				tok = stem.Porter(tok)
			}
			out = append(out, tok)
			start = -1
		}
	}
	return out
}

// Compute scores prediction against reference. ROUGE-1 and ROUGE-2
// count clipped n-gram matches over the whole texts; ROUGE-Lsum splits
// both on newlines and takes, for each reference sentence, the union of
// its longest common subsequences with the prediction's sentences,
// counting each token at most as often as it occurs on both sides.
func Compute(prediction, reference string) Scores {
	ids := map[string]int{}
	ps, rs := sentences(prediction, ids), sentences(reference, ids)
	p, r := slices.Concat(ps...), slices.Concat(rs...)
	return Scores{
		R1:    ngramScore(p, r, 1, len(ids)),
		R2:    ngramScore(p, r, 2, len(ids)),
		RLsum: lsumScore(ps, rs, len(ids)),
	}
}

// sentences splits text on newlines, drops empty lines and tokenises
// each line, numbering the distinct tokens in ids.
func sentences(text string, ids map[string]int) [][]int {
	var out [][]int
	for line := range strings.SplitSeq(text, "\n") {
		if line == "" {
			continue
		}
		toks := Tokens(line)
		v := make([]int, len(toks))
		for k, t := range toks {
			id, ok := ids[t]
			if !ok {
				id = len(ids)
				ids[t] = id
			}
			v[k] = id
		}
		out = append(out, v)
	}
	return out
}

func newScore(hits, predTotal, refTotal int) Score {
	var s Score
	if predTotal > 0 {
		s.Precision = float64(hits) / float64(predTotal)
	}
	if refTotal > 0 {
		s.Recall = float64(hits) / float64(refTotal)
	}
	if s.Precision+s.Recall > 0 {
		s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
	}
	return s
}

// ngramScore counts clipped matches of the n-grams (n is 1 or 2) of pred
// in ref; tokens are ids below vocab.
func ngramScore(pred, ref []int, n, vocab int) Score {
	key := func(t []int, i int) int {
		if n == 1 {
			return t[i]
		}
		return t[i]*vocab + t[i+1]
	}
	rc := map[int]int{}
	rt := 0
	for i := 0; i+n <= len(ref); i++ {
		rc[key(ref, i)]++
		rt++
	}
	hits, pt := 0, 0
	for i := 0; i+n <= len(pred); i++ {
		pt++
		if k := key(pred, i); rc[k] > 0 {
			rc[k]--
			hits++
		}
	}
	return newScore(hits, pt, rt)
}

// lsumScore is the summary-level LCS score of rouge-score's rougeLsum.
func lsumScore(pred, ref [][]int, vocab int) Score {
	pc, rc := make([]int, vocab), make([]int, vocab)
	pt, rt := 0, 0
	for _, s := range pred {
		pt += len(s)
		for _, t := range s {
			pc[t]++
		}
	}
	for _, s := range ref {
		rt += len(s)
		for _, t := range s {
			rc[t]++
		}
	}
	if pt == 0 || rt == 0 {
		return Score{}
	}
	hits := 0
	for _, r := range ref {
		in := make([]bool, len(r))
		for _, p := range pred {
			for _, i := range lcsIndices(r, p) {
				in[i] = true
			}
		}
		for i, ok := range in {
			if t := r[i]; ok && pc[t] > 0 && rc[t] > 0 {
				hits++
				pc[t]--
				rc[t]--
			}
		}
	}
	return newScore(hits, pt, rt)
}

// lcsIndices returns the indices into ref of one longest common
// subsequence of ref and cand, backtracking as rouge-score does.
func lcsIndices(ref, cand []int) []int {
	rows, cols := len(ref)+1, len(cand)+1
	t := make([]int, rows*cols)
	for i := 1; i < rows; i++ {
		for j := 1; j < cols; j++ {
			switch {
			case ref[i-1] == cand[j-1]:
				t[i*cols+j] = t[(i-1)*cols+j-1] + 1
			case t[(i-1)*cols+j] >= t[i*cols+j-1]:
				t[i*cols+j] = t[(i-1)*cols+j]
			default:
				t[i*cols+j] = t[i*cols+j-1]
			}
		}
	}
	var idx []int
	i, j := len(ref), len(cand)
	for i > 0 && j > 0 {
		switch {
		case ref[i-1] == cand[j-1]:
			idx = append(idx, i-1)
			i--
			j--
		case t[i*cols+j-1] > t[(i-1)*cols+j]:
			j--
		default:
			i--
		}
	}
	for a, b := 0, len(idx)-1; a < b; a, b = a+1, b-1 {
		idx[a], idx[b] = idx[b], idx[a]
	}
	return idx
}
