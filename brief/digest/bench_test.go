package digest

import (
	"math/rand/v2"
	"runtime"
	"runtime/metrics"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/brief-dev/brief/brief"
	"github.com/brief-dev/brief/internal/evalset"
)

// benchTexts returns n article texts: the 400 CNN and 100 BBC
// development articles (BBC titles left out, as in a folder of text
// files), then articles made of 30 sentences drawn at random (fixed
// seed) from all of theirs, one word of each left out (or sentences
// drawn into several articles would rightly be template text). The made
// articles share rare words through reused sentences, so they give more
// candidate pairs than real news: a pessimistic load.
func benchTexts(tb testing.TB, n int) []string {
	tb.Helper()
	var texts, pool []string
	for _, set := range []string{"dev.jsonl", "bbc-dev.jsonl"} {
		for _, r := range evalset.Read(tb, set) {
			text := r.Article
			if r.Title != "" {
				text = strings.TrimSpace(strings.TrimPrefix(text, r.Title))
			}
			if len(texts) < n {
				texts = append(texts, text)
			}
			if d, err := brief.Parse(text); err == nil {
				for _, s := range d.Sentences() {
					pool = append(pool, s.Text)
				}
			}
		}
	}
	rng := rand.New(rand.NewPCG(7, 11))
	for len(texts) < n {
		var sb strings.Builder
		for range 30 {
			words := strings.Fields(pool[rng.IntN(len(pool))])
			skip := rng.IntN(len(words))
			for i, w := range words {
				if i != skip {
					sb.WriteString(w)
					sb.WriteByte(' ')
				}
			}
		}
		texts = append(texts, sb.String())
	}
	return texts
}

// benchArticles briefs and features n articles, in parallel.
func benchArticles(tb testing.TB, n int) []parsed {
	tb.Helper()
	return briefAll(benchTexts(tb, n))
}

// briefAll parses, briefs and features texts on every CPU, as a digest
// does; an article that does not parse is left zero.
func briefAll(texts []string) []parsed {
	out := make([]parsed, len(texts))
	var z Featurizer
	var wg sync.WaitGroup
	var next atomic.Int64
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= len(texts) {
					return
				}
				if doc, err := brief.Parse(texts[i]); err == nil {
					out[i] = parsed{brief.Summarize(doc, brief.Options{}), z.Features(doc)}
				}
			}
		})
	}
	wg.Wait()
	return out
}

// peakHeap samples the bytes of live and not yet swept heap objects
// every millisecond until stop is called, and returns the highest.
func peakHeap() (stop func() uint64) {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	var peak atomic.Uint64
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			metrics.Read(sample)
			if v := sample[0].Value.Uint64(); v > peak.Load() {
				peak.Store(v)
			}
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	})
	return func() uint64 {
		close(done)
		wg.Wait()
		return peak.Load()
	}
}

// cpuTime is the CPU time the process has used (user and system): on a
// shared machine it measures the work better than the wall clock.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// benchmarkDigest measures the part of a digest that runs in one place:
// adding n briefed articles to a Builder (their features interned) and
// grouping, ranking and wording the stories.
func benchmarkDigest(b *testing.B, n int) {
	arts := benchArticles(b, n)
	runtime.GC()
	stop := peakHeap()
	b.ReportAllocs()
	cpu0 := cpuTime()
	var d *Digest
	for b.Loop() {
		bl := NewBuilder(Options{})
		for i, a := range arts {
			if a.b != nil {
				bl.Add(Article{Input: itoa(i), Briefing: a.b}, a.f)
			}
		}
		d = bl.Digest("2015-03-26")
	}
	b.ReportMetric(float64(cpuTime()-cpu0)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
	b.ReportMetric(float64(stop())/(1<<20), "peak-heap-MB")
	multi := 0
	for _, s := range d.Stories {
		if s.Reports > 1 {
			multi++
		}
	}
	b.ReportMetric(float64(multi), "stories>1")
}

func BenchmarkDigest600(b *testing.B)  { benchmarkDigest(b, 600) }
func BenchmarkDigest5000(b *testing.B) { benchmarkDigest(b, 5000) }

// benchmarkArticleStep measures the per-article step a digest runs in
// parallel: parse, brief and features, n articles on every CPU.
func benchmarkArticleStep(b *testing.B, n int) {
	texts := benchTexts(b, n)
	b.ReportAllocs()
	cpu0 := cpuTime()
	for b.Loop() {
		briefAll(texts)
	}
	b.ReportMetric(float64(cpuTime()-cpu0)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
}

func BenchmarkArticleStep600(b *testing.B)  { benchmarkArticleStep(b, 600) }
func BenchmarkArticleStep5000(b *testing.B) { benchmarkArticleStep(b, 5000) }

// BenchmarkFeatures compares features with and without a Featurizer.
func BenchmarkFeatures(b *testing.B) {
	var docs []*brief.Document
	for _, r := range evalset.Read(b, "dev.jsonl")[:100] {
		d, err := brief.Parse(r.Article)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, d)
	}
	b.Run("NewFeatures", func(b *testing.B) {
		for b.Loop() {
			for _, d := range docs {
				NewFeatures(d)
			}
		}
	})
	b.Run("Featurizer", func(b *testing.B) {
		var z Featurizer
		for b.Loop() {
			for _, d := range docs {
				z.Features(d)
			}
		}
	})
}
