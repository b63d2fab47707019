package brief

import (
	"strings"
	"testing"

	"github.com/brief-dev/brief/internal/evalset"
)

// readEval reads an eval set beside the repository.
func readEval(tb testing.TB, name string) []evalset.Record { return evalset.Read(tb, name) }

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
	if ok < len(recs) {
		t.Errorf("BBC titles %d of %d right, want all (a headline ending in an agency's name, \"Weak dollar hits Reuters\", once went missing)", ok, len(recs))
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
