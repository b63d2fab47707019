package digest

import "testing"

// Floors asserted on the development set, a little under what the
// defaults reach (see the README for the figures, fit and held out).
const (
	devMinF1        = 0.79
	devMinPrecision = 0.86
)

// TestDevFloor groups the 400 CNN development articles as the digest
// does (parsed by brief.Parse, at the default threshold) and scores the
// grouping against the same-event groups judged by reading; then again
// with the 100 BBC articles in the day, scoring the CNN pairs only.
func TestDevFloor(t *testing.T) {
	arts := readDev(t, "dev.jsonl")
	gold := readGold(t)
	s := makeSet(arts, gold)
	fs := make([]*Features, len(s.arts))
	for i, a := range s.arts {
		fs[i] = a.f
	}
	sc := Score(mustGroup(t, fs, Options{}), s.gold)
	t.Logf("dev (400): pairwise P %.3f R %.3f F1 %.3f (TP %d FP %d FN %d); B-cubed P %.3f R %.3f F1 %.3f",
		sc.Precision, sc.Recall, sc.F1, sc.TP, sc.FP, sc.FN, sc.BCubedPrecision, sc.BCubedRecall, sc.BCubedF1)
	if sc.F1 < devMinF1 || sc.Precision < devMinPrecision {
		t.Errorf("dev pairwise F1 %.3f precision %.3f, want at least %.2f and %.2f", sc.F1, sc.Precision, devMinF1, devMinPrecision)
	}
	mixed := makeSet(append(append([]devArticle{}, arts...), readDev(t, "bbc-dev.jsonl")...), gold)
	fs = fs[:0]
	for _, a := range mixed.arts {
		fs = append(fs, a.f)
	}
	sc = Score(only(mustGroup(t, fs, Options{}), len(arts)), mixed.gold)
	t.Logf("dev + bbc (500): pairwise P %.3f R %.3f F1 %.3f; B-cubed P %.3f R %.3f", sc.Precision, sc.Recall, sc.F1, sc.BCubedPrecision, sc.BCubedRecall)
	if sc.F1 < devMinF1-0.02 || sc.Precision < devMinPrecision {
		t.Errorf("dev + bbc pairwise F1 %.3f precision %.3f, want at least %.2f and %.2f", sc.F1, sc.Precision, devMinF1-0.02, devMinPrecision)
	}
}
