package digest

import (
	"testing"

	"github.com/brief-dev/brief/brief"
	"github.com/brief-dev/brief/internal/evalset"
)

func BenchmarkFeatures(b *testing.B) {
	var docs []*brief.Document
	for _, r := range evalset.Read(b, "dev.jsonl")[:100] {
		d, err := brief.Parse(r.Article)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, d)
	}
	b.Run("parse", func(b *testing.B) {
		recs := evalset.Read(b, "dev.jsonl")[:100]
		for b.Loop() {
			for _, r := range recs {
				brief.Parse(r.Article)
			}
		}
	})
	b.Run("summarize", func(b *testing.B) {
		for b.Loop() {
			for _, d := range docs {
				brief.Summarize(d, brief.Options{})
			}
		}
	})
	b.Run("features", func(b *testing.B) {
		for b.Loop() {
			for _, d := range docs {
				NewFeatures(d)
			}
		}
	})
	b.Run("featurizer", func(b *testing.B) {
		var z Featurizer
		for b.Loop() {
			for _, d := range docs {
				z.Features(d)
			}
		}
	})
}
