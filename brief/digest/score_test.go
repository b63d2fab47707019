package digest

import (
	"math"
	"testing"
)

func TestScore(t *testing.T) {
	// Six documents: gold stories {0,1,2} and {3,4}; 5 alone.
	gold := []GoldStory{{Members: []int{0, 1, 2}}, {Members: []int{3, 4}}}
	tests := []struct {
		name       string
		pred       [][]int
		gold       []GoldStory
		tp, fp, fn int
		p, r       float64
		bp, br     float64
	}{
		{"perfect", [][]int{{0, 1, 2}, {3, 4}, {5}}, gold, 4, 0, 0, 1, 1, 1, 1},
		{"all alone", [][]int{{0}, {1}, {2}, {3}, {4}, {5}}, gold, 0, 0, 4, 1, 0, 1, 1.0 / 6 * (3*(1.0/3) + 2*0.5 + 1)},
		{"all together", [][]int{{0, 1, 2, 3, 4, 5}}, gold, 4, 11, 0, 4.0 / 15, 1, (3*0.5 + 2*(2.0/6) + 1.0/6) / 6, 1},
		{"one split, one merged with a stray",
			[][]int{{0, 1}, {2}, {3, 4, 5}}, gold, 2, 2, 2, 0.5, 0.5,
			(1 + 1 + 1 + 2.0/3 + 2.0/3 + 1.0/3) / 6, (2.0/3 + 2.0/3 + 1.0/3 + 1 + 1 + 1) / 6},
		{"borderline counts neither way",
			[][]int{{0, 1, 2, 5}, {3, 4}},
			[]GoldStory{{Members: []int{0, 1, 2}, Borderline: []int{5}}, {Members: []int{3, 4}}},
			4, 0, 0, 1, 1, 1, 1},
		{"borderline with another story is a false pair",
			[][]int{{0, 1, 2}, {3, 4, 5}},
			[]GoldStory{{Members: []int{0, 1, 2}, Borderline: []int{5}}, {Members: []int{3, 4}}},
			4, 2, 0, 4.0 / 6, 1, 1, 1},
	}
	near := func(a, b float64) bool { return math.Abs(a-b) < 1e-9 }
	for _, tt := range tests {
		sc := Score(tt.pred, tt.gold)
		if sc.TP != tt.tp || sc.FP != tt.fp || sc.FN != tt.fn {
			t.Errorf("%s: TP %d FP %d FN %d, want %d %d %d", tt.name, sc.TP, sc.FP, sc.FN, tt.tp, tt.fp, tt.fn)
		}
		if !near(sc.Precision, tt.p) || !near(sc.Recall, tt.r) {
			t.Errorf("%s: P %.4f R %.4f, want %.4f %.4f", tt.name, sc.Precision, sc.Recall, tt.p, tt.r)
		}
		if !near(sc.BCubedPrecision, tt.bp) || !near(sc.BCubedRecall, tt.br) {
			t.Errorf("%s: B-cubed P %.4f R %.4f, want %.4f %.4f", tt.name, sc.BCubedPrecision, sc.BCubedRecall, tt.bp, tt.br)
		}
		if want := harmonic(sc.Precision, sc.Recall); !near(sc.F1, want) {
			t.Errorf("%s: F1 %.4f, want %.4f", tt.name, sc.F1, want)
		}
	}
}
