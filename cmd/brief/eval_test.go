package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/brief-dev/brief/internal/evalset"
)

func TestEvalTable(t *testing.T) {
	code, out, errs := runBrief(t, "", "eval", "../../testdata/eval/tiny.jsonl")
	if code != exitOK {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 3 {
		t.Fatalf("want a header and two rows, got:\n%s", out)
	}
	for _, want := range []string{"ROUGE-1", "ROUGE-2", "ROUGE-Lsum", "ms/article"} {
		if !strings.Contains(lines[0], want) {
			t.Errorf("header %q lacks %q", lines[0], want)
		}
	}
	for i, method := range []string{"brief key points", "Lead-3"} {
		f := strings.Fields(strings.TrimPrefix(strings.TrimSpace(lines[i+1]), method))
		if !strings.HasPrefix(strings.TrimSpace(lines[i+1]), method) || len(f) != 5 || f[3] != "2" {
			t.Errorf("row %d = %q, want %s with 5 numbers and 2 articles", i+1, lines[i+1], method)
		}
	}
}

func TestEvalJSON(t *testing.T) {
	code, out, errs := runBrief(t, "", "eval", "--json", "../../testdata/eval/tiny.jsonl")
	if code != exitOK {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	var res []methodResult
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, out)
	}
	if len(res) != 2 || res[0].Method != "brief key points" || res[1].Method != "Lead-3" {
		t.Fatalf("methods = %+v", res)
	}
	for _, m := range res {
		if m.Articles != 2 {
			t.Errorf("%s: %d articles, want 2", m.Method, m.Articles)
		}
		// Both articles share words with their highlights, so every score
		// is above zero; F1 ×100 stays at most 100.
		for _, v := range []float64{m.Rouge1, m.Rouge2, m.RougeLsum} {
			if v <= 0 || v > 100 {
				t.Errorf("%s: score %v out of (0, 100]", m.Method, v)
			}
		}
	}
	// The first article's lead sentence matches the first highlight
	// closely: ROUGE-1 of both methods is well above chance.
	if res[1].Rouge1 < 30 {
		t.Errorf("Lead-3 ROUGE-1 = %.2f, want ≥ 30", res[1].Rouge1)
	}
}

func TestEvalBadLine(t *testing.T) {
	code, out, errs := runBrief(t, "", "eval", "../../testdata/eval/bad-line.jsonl")
	if code != exitPartial {
		t.Fatalf("exit %d, want %d; stderr %q", code, exitPartial, errs)
	}
	if !strings.Contains(errs, "bad-line.jsonl:2:") {
		t.Errorf("stderr %q does not name line 2", errs)
	}
	if !strings.Contains(out, "Lead-3") {
		t.Errorf("the good lines were not scored:\n%s", out)
	}
}

func TestEvalUsage(t *testing.T) {
	for _, args := range [][]string{{"eval"}, {"eval", "a.jsonl", "b.jsonl"}} {
		if code, _, _ := runBrief(t, "", args...); code != exitUsage {
			t.Errorf("%q: exit %d, want %d", args, code, exitUsage)
		}
	}
	if code, _, errs := runBrief(t, "", "eval", "no-such-file.jsonl"); code != exitFailure || !strings.HasPrefix(errs, "brief: ") {
		t.Errorf("missing file: exit %d, stderr %q", code, errs)
	}
}

func TestExplain(t *testing.T) {
	code, out, errs := runBrief(t, "", "--explain", "--bullets", "3", "../../testdata/no-deal-on-syria.txt")
	if code != exitOK {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if !strings.Contains(lines[0], "centroid") || !strings.Contains(lines[0], "score") {
		t.Errorf("header = %q", lines[0])
	}
	marked := 0
	for _, l := range lines[1:] {
		for _, k := range []string{" #1 ", " #2 ", " #3 "} {
			if strings.Contains(l, k) {
				marked++
			}
		}
	}
	if marked != 3 {
		t.Errorf("%d sentences marked as key points, want 3:\n%s", marked, out)
	}
}

// BenchmarkEvalDev runs brief eval over the CNN dev set (parse, key
// points, Lead-3 and ROUGE); ns/op is for the whole set of 400 articles.
func BenchmarkEvalDev(b *testing.B) {
	data, err := os.ReadFile(evalset.Path(b, "dev.jsonl"))
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, _, err := evaluate(context.Background(), bytes.NewReader(data), "dev.jsonl", 0, io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}

func TestEvalWords(t *testing.T) {
	code, out, stderr := runBrief(t, "", "eval", "--words", "10", "../../testdata/eval/tiny.jsonl")
	if code != exitOK || !strings.Contains(out, "brief key points (first 10 words)") || !strings.Contains(out, "Lead-3 (first 10 words)") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, stderr)
	}
	if code, _, _ := runBrief(t, "", "eval", "--words", "-1", "../../testdata/eval/tiny.jsonl"); code != exitUsage {
		t.Errorf("--words -1: exit %d, want %d", code, exitUsage)
	}
}

func TestEvalStories(t *testing.T) {
	const groups, arts = "../../testdata/eval/stories-groups.json", "../../testdata/eval/stories.jsonl"
	code, out, errs := runBrief(t, "", "eval", "--stories", groups, arts)
	if code != exitOK {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	for _, want := range []string{"pairwise", "B-cubed", "precision", "recall", "F1", "8 articles in 3 stories"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if !strings.Contains(errs, "2 ids of the story groups are not among the grouped articles") {
		t.Errorf("stderr = %q, want a note on the ids not found", errs)
	}
	code, out, _ = runBrief(t, "", "eval", "--json", "--stories", groups, arts)
	if code != exitOK {
		t.Fatalf("--json: exit %d", code)
	}
	var res struct {
		Articles        int     `json:"articles"`
		TP              int     `json:"tp"`
		FP              int     `json:"fp"`
		FN              int     `json:"fn"`
		Precision       float64 `json:"precision"`
		Recall          float64 `json:"recall"`
		F1              float64 `json:"f1"`
		BCubedPrecision float64 `json:"bcubed_precision"`
		BCubedRecall    float64 `json:"bcubed_recall"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	// The dam reports (6 pairs) and the grain reports (1 pair) are found;
	// the comment, borderline, counts neither way.
	if res.Articles != 8 || res.TP != 7 || res.FP != 0 || res.FN != 0 || res.F1 != 1 || res.BCubedPrecision != 1 || res.BCubedRecall != 1 {
		t.Errorf("scores = %+v, want every pair right", res)
	}
	for _, args := range [][]string{
		{"eval", "--stories", groups},
		{"eval", "--stories", groups, arts, arts},
	} {
		if code, _, _ := runBrief(t, "", args...); code != exitUsage {
			t.Errorf("%q: exit %d, want %d", args, code, exitUsage)
		}
	}
	if code, _, errs := runBrief(t, "", "eval", "--stories", arts, arts); code != exitFailure || !strings.Contains(errs, "not story groups") {
		t.Errorf("articles as groups: exit %d, stderr %q", code, errs)
	}
}

// TestEvalStoriesDevSet scores the digest's grouping of the development
// set with the command users run, and holds it to the package's floors.
func TestEvalStoriesDevSet(t *testing.T) {
	code, out, errs := runBrief(t, "", "eval", "--json", "--stories", evalset.Path(t, "dev-clusters.json"), evalset.Path(t, "dev.jsonl"))
	if code != exitOK {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	var res struct {
		Precision float64 `json:"precision"`
		F1        float64 `json:"f1"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	t.Logf("dev: %s", out)
	if res.F1 < 0.79 || res.Precision < 0.82 {
		t.Errorf("dev pairwise F1 %.3f precision %.3f, want at least 0.79 and 0.82", res.F1, res.Precision)
	}
}
