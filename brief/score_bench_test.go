package brief

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/brief-dev/brief/internal/evalset"
)

// devArticles parses the CNN dev articles beside the repository, or skips.
func devArticles(b *testing.B) []*Document {
	b.Helper()
	f, err := os.Open(evalset.Path(b, "dev.jsonl"))
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	var docs []*Document
	for sc.Scan() {
		var r struct{ Article string }
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			b.Fatal(err)
		}
		if d, err := Parse(r.Article); err == nil {
			docs = append(docs, d)
		}
	}
	return docs
}

// BenchmarkScore scores and ranks one dev article per iteration.
func BenchmarkScore(b *testing.B) {
	docs := devArticles(b)
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		d := docs[i%len(docs)]
		RankKeyPoints(d, ScoreSentences(d), 5)
	}
}

// bigDocument is about size bytes of article text in paragraphs.
func bigDocument(b *testing.B, size int) *Document {
	b.Helper()
	var sb strings.Builder
	topics := []string{"talks", "ceasefire", "sanctions", "election", "budget", "refugees", "trade", "oil", "court", "army"}
	for i := 0; sb.Len() < size; i++ {
		t1, t2 := topics[i%len(topics)], topics[(i*7+3)%len(topics)]
		sb.WriteString("Officials in the capital said the " + t1 + " would shape the " + t2 + " debate for months, according to a statement issued on day ")
		sb.WriteString(strings.Repeat("x", i%5+1))
		sb.WriteString(". ")
		if i%5 == 4 {
			sb.WriteString("\n\n")
		}
	}
	d, err := Parse(sb.String())
	if err != nil {
		b.Fatal(err)
	}
	return d
}

func benchmarkSize(b *testing.B, size int) {
	d := bigDocument(b, size)
	b.ResetTimer()
	for b.Loop() {
		RankKeyPoints(d, ScoreSentences(d), 5)
	}
}

// BenchmarkScore100KB and BenchmarkScore1MB show that the cost grows
// linearly with the document (the graph is windowed).
func BenchmarkScore100KB(b *testing.B) { benchmarkSize(b, 100<<10) }
func BenchmarkScore1MB(b *testing.B)   { benchmarkSize(b, 1<<20) }
