package rouge

import (
	"math"
	"slices"
	"testing"
)

func TestRougeTokens(t *testing.T) {
	got := Tokens("The U.S. cats' ponies -- running,in 2015!")
	want := []string{"the", "u", "s", "cat", "poni", "run", "in", "2015"}
	if !slices.Equal(got, want) {
		t.Errorf("Tokens = %q, want %q", got, want)
	}
	if got := Tokens("  ... \n"); len(got) != 0 {
		t.Errorf("Tokens of punctuation = %q, want none", got)
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestComputeRouge(t *testing.T) {
	tests := []struct {
		name          string
		pred, ref     string
		r1, r2, rlsum Score
	}{
		{
			// pred: the cat sat on the mat (6); ref: the cat is on the mat (6).
			// unigram hits: the×2, cat, on, mat = 5 → P=R=5/6.
			// bigrams pred: the-cat cat-sat sat-on on-the the-mat; ref: the-cat
			// cat-is is-on on-the the-mat → 3 hits of 5.
			// LCS: the cat on the mat = 5.
			name: "one sentence",
			pred: "The cat sat on the mat.", ref: "The cat is on the mat.",
			r1:    Score{5.0 / 6, 5.0 / 6, 5.0 / 6},
			r2:    Score{3.0 / 5, 3.0 / 5, 3.0 / 5},
			rlsum: Score{5.0 / 6, 5.0 / 6, 5.0 / 6},
		},
		{
			// pred tokens: a b c | d e (5); ref: a c d e (4), one sentence.
			// R1 hits 4: P=4/5, R=4/4, F=8/9. bigrams pred: ab bc cd de (4,
			// across the newline); ref: ac cd de (3); hits cd de = 2 → P=1/2,
			// R=2/3, F=4/7. Lsum: LCS(ref, "a b c") = a c; LCS(ref, "d e")
			// = d e; union = a c d e → 4 hits: P=4/5, R=1, F=8/9.
			name: "two prediction lines",
			pred: "a b c\nd e", ref: "a c d e",
			r1:    Score{4.0 / 5, 1, 8.0 / 9},
			r2:    Score{1.0 / 2, 2.0 / 3, 4.0 / 7},
			rlsum: Score{4.0 / 5, 1, 8.0 / 9},
		},
		{
			// Clipping: pred "x x x" vs ref "x x y" (the newline does not
			// split n-grams): unigram hits 2 of 3 each side; bigrams pred
			// xx×2, ref xx xy: one hit, P=R=1/2. Lsum: ref lines "x" and "x y" against pred
			// "x x x": each ref line's LCS contains one x, but pred has 3 x
			// and ref 2 x, so 2 hits: P=2/3, R=2/3.
			name: "clipped counts",
			pred: "x x x", ref: "x\nx y",
			r1:    Score{2.0 / 3, 2.0 / 3, 2.0 / 3},
			r2:    Score{1.0 / 2, 1.0 / 2, 1.0 / 2},
			rlsum: Score{2.0 / 3, 2.0 / 3, 2.0 / 3},
		},
		{
			name: "nothing in common",
			pred: "alpha beta", ref: "gamma delta",
		},
		{
			name: "empty prediction",
			pred: "", ref: "gamma delta",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Compute(tt.pred, tt.ref)
			for _, c := range []struct {
				name      string
				got, want Score
			}{{"R1", got.R1, tt.r1}, {"R2", got.R2, tt.r2}, {"RLsum", got.RLsum, tt.rlsum}} {
				if !near(c.got.Precision, c.want.Precision) || !near(c.got.Recall, c.want.Recall) || !near(c.got.F1, c.want.F1) {
					t.Errorf("%s = %+v, want %+v", c.name, c.got, c.want)
				}
			}
		})
	}
}

func FuzzComputeRouge(f *testing.F) {
	f.Add("The cat sat on the mat.", "The cat is on the mat.")
	f.Add("a b c\nd e", "a c d e")
	f.Add("", "\n\n")
	f.Add("Ünïcode — “quotes” 1,000.5", "unicode quotes 1 000 5")
	f.Fuzz(func(t *testing.T, pred, ref string) {
		r := Compute(pred, ref)
		for _, s := range []Score{r.R1, r.R2, r.RLsum} {
			for _, v := range []float64{s.Precision, s.Recall, s.F1} {
				if v < 0 || v > 1 || v != v {
					t.Fatalf("score %+v out of [0, 1]", r)
				}
			}
		}
		if self := Compute(ref, ref); len(Tokens(ref)) > 0 && (self.R1.F1 != 1 || self.RLsum.F1 != 1) {
			t.Fatalf("a text against itself scores %+v, want 1", self)
		}
	})
}

func TestFirstWords(t *testing.T) {
	tests := []struct {
		lines []string
		n     int
		want  string
	}{
		{[]string{"a b c", "d e"}, 0, "a b c\nd e"},
		{[]string{"a b c", "d e"}, 4, "a b c\nd"},
		{[]string{"a b c", "d e"}, 3, "a b c"},
		{[]string{"a  b", "c"}, 10, "a b\nc"},
		{nil, 5, ""},
	}
	for _, tt := range tests {
		if got := FirstWords(tt.lines, tt.n); got != tt.want {
			t.Errorf("FirstWords(%q, %d) = %q, want %q", tt.lines, tt.n, got, tt.want)
		}
	}
}
