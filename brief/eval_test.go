package brief

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"testing"
)

// evalRecord is one article of the eval sets beside the repository.
type evalRecord struct {
	ID      string `json:"id"`
	Source  string `json:"source"`
	Title   string `json:"title"`
	Article string `json:"article"`
}

// readEval reads an eval set, skipping the test when it is absent. The
// sets live in shared/, a sibling of the repository root (or of the
// directory holding a git worktree).
func readEval(tb testing.TB, name string) []evalRecord {
	tb.Helper()
	f, err := os.Open("../../shared/eval/" + name)
	if err != nil {
		f, err = os.Open("../../../shared/eval/" + name)
	}
	if err != nil {
		tb.Skipf("eval set not available: %v", err)
	}
	defer f.Close()
	var out []evalRecord
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() {
		var r evalRecord
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			tb.Fatalf("%s: %v", name, err)
		}
		out = append(out, r)
	}
	if err := sc.Err(); err != nil {
		tb.Fatalf("%s: %v", name, err)
	}
	return out
}

func TestParseDevSet(t *testing.T) {
	recs := readEval(t, "dev.jsonl")
	for _, r := range recs {
		doc, err := Parse(r.Article)
		if err != nil {
			t.Errorf("%s: Parse: %v", r.ID, err)
			continue
		}
		checkDocument(t, doc)
		for _, s := range doc.Sentences() {
			if strings.Contains(s.Text, "(CNN)") {
				t.Errorf("%s: %s keeps \"(CNN)\": %q", r.ID, s.ID, s.Text)
			}
			if s.Index == 0 {
				if _, dl, ok := matchDateline(s.Text); ok {
					t.Errorf("%s: first sentence keeps a dateline %+v: %q", r.ID, dl, s.Text)
				}
			}
		}
		if strings.HasPrefix(r.Article, "(CNN)") && doc.Dateline.Source != "CNN" {
			t.Errorf("%s: dateline source %q, want CNN", r.ID, doc.Dateline.Source)
		}
	}
}

func TestParseBBCTitles(t *testing.T) {
	recs := readEval(t, "bbc-dev.jsonl")
	ok := 0
	for _, r := range recs {
		doc, err := Parse(r.Article)
		if err != nil {
			t.Errorf("%s: Parse: %v", r.ID, err)
			continue
		}
		checkDocument(t, doc)
		if doc.Title == r.Title {
			ok++
		} else {
			t.Logf("%s: title %q, want %q", r.ID, doc.Title, r.Title)
		}
	}
	rate := float64(ok) / float64(len(recs))
	t.Logf("BBC titles: %d of %d right (%.1f%%)", ok, len(recs), 100*rate)
	if rate < 0.95 {
		t.Errorf("BBC title rate %.1f%%, want at least 95%%", 100*rate)
	}
}

func BenchmarkParse(b *testing.B) {
	recs := readEval(b, "dev.jsonl")
	size := 0
	for _, r := range recs {
		size += len(r.Article)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, r := range recs {
			if _, err := Parse(r.Article); err != nil {
				b.Fatal(err)
			}
		}
	}
}
