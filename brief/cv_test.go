package brief

import (
	"hash/fnv"
	"os"
	"strings"
	"testing"

	"github.com/brief-dev/brief/brief/rouge"
	"github.com/brief-dev/brief/internal/evalset"
)

// TestFolds reports the scorer's ROUGE beside Lead-3 on five folds of each
// development set (folds by a hash of the article id), uncut and cut to
// the first 60 words, so that a change to the scorer can be judged by how
// steady its margin is from fold to fold rather than by one mean. It runs
// with BRIEF_CV=1:
//
//	BRIEF_CV=1 go test ./brief -run TestFolds -v
func TestFolds(t *testing.T) {
	if os.Getenv("BRIEF_CV") == "" {
		t.Skip("set BRIEF_CV=1 to report the folds")
	}
	const folds, cut = 5, 60
	for _, set := range []string{"dev.jsonl", "bbc-dev.jsonl"} {
		type sums struct{ key, lead, keyCut, leadCut [2]float64 }
		var per [folds]sums
		var count [folds]int
		for _, r := range evalset.Read(t, set) {
			d, err := Parse(r.Article)
			if err != nil {
				continue
			}
			h := fnv.New32a()
			h.Write([]byte(r.ID))
			f := int(h.Sum32() % folds)
			ref := strings.Join(r.Highlights, "\n")
			var kp, l3 []string
			for _, b := range Summarize(d, Options{Bullets: 3}).KeyPoints {
				kp = append(kp, b.Text)
			}
			for _, s := range d.Sentences() {
				if len(l3) < 3 {
					l3 = append(l3, s.Text)
				}
			}
			add := func(dst *[2]float64, lines []string, words int) {
				sc := rouge.Compute(rouge.FirstWords(lines, words), ref)
				dst[0] += sc.R1.F1
				dst[1] += sc.R2.F1
			}
			add(&per[f].key, kp, 0)
			add(&per[f].lead, l3, 0)
			add(&per[f].keyCut, kp, cut)
			add(&per[f].leadCut, l3, cut)
			count[f]++
		}
		for f := range folds {
			n := float64(count[f]) / 100
			p := per[f]
			t.Logf("%s fold %d (%d): key points %.2f/%.2f vs Lead-3 %.2f/%.2f (Δ %+.2f/%+.2f); first %d words %.2f/%.2f vs %.2f/%.2f",
				set, f, count[f], p.key[0]/n, p.key[1]/n, p.lead[0]/n, p.lead[1]/n,
				(p.key[0]-p.lead[0])/n, (p.key[1]-p.lead[1])/n, cut, p.keyCut[0]/n, p.keyCut[1]/n, p.leadCut[0]/n, p.leadCut[1]/n)
		}
	}
}
