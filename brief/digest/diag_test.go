package digest

import (
	"fmt"
	"os"
	"sort"
	"strconv"
	"testing"
)

// TestReportPairs prints, for pairs of development articles by similarity
// band, how many same-event (pos) and other (neg) pairs share 0, 1, 2…
// names held by at most BRIEF_RARE articles: a pair that shares rare
// names is hardly more often one event than its similarity says.
func TestReportPairs(t *testing.T) {
	reportOn(t)
	rareDF, _ := strconv.Atoi(os.Getenv("BRIEF_RARE"))
	if rareDF == 0 {
		rareDF = 6
	}
	s := makeSet(readDev(t, "dev.jsonl"), readGold(t))
	ix := newIndex(s.corpus(), Options{Threshold: 0.04})
	gold := map[[2]int]int{} // 1 same, -1 borderline
	for _, g := range s.gold {
		for i, a := range g.Members {
			for _, b := range g.Members[i+1:] {
				gold[[2]int{min(a, b), max(a, b)}] = 1
			}
			for _, b := range g.Borderline {
				gold[[2]int{min(a, b), max(a, b)}] = -1
			}
		}
	}
	// shared rare names per pair
	type row struct {
		sim   float64
		names int
		label int
	}
	var rows []row
	for d := range ix.n {
		docs, sims := ix.neighbours(d)
		for k, j := range docs {
			if int(j) <= d {
				continue
			}
			// shared names with df <= 12
			n := 0
			ix.shared(d, int(j), func(x, _ int32) {
				if tt := ix.vTerm[x]; ix.c.isName(tt) && ix.df[tt] <= int32(rareDF) {
					n++
				}
			})
			rows = append(rows, row{float64(sims[k]), n, gold[[2]int{d, int(j)}]})
		}
	}
	sort.Slice(rows, func(a, b int) bool { return rows[a].sim > rows[b].sim })
	// table: sim bucket x names bucket : pos/neg
	buckets := []float64{0.30, 0.22, 0.18, 0.15, 0.12, 0.10, 0.08, 0.06, 0.04}
	fmt.Println("sim>=  | names: 0 | 1 | 2 | 3 | 4-5 | 6+   (pos/neg)")
	for bi, lo := range buckets {
		hi := 2.0
		if bi > 0 {
			hi = buckets[bi-1]
		}
		var pos, neg [6]int
		for _, r := range rows {
			if r.sim >= lo && r.sim < hi {
				nb := r.names
				switch {
				case nb >= 6:
					nb = 5
				case nb >= 4:
					nb = 4
				}
				if r.label == 1 {
					pos[nb]++
				} else if r.label == 0 {
					neg[nb]++
				}
			}
		}
		fmt.Printf("%.2f  ", lo)
		for i := range pos {
			fmt.Printf("| %3d/%-5d", pos[i], neg[i])
		}
		fmt.Println()
	}
}

// TestReportAttach prints every article that attaching adds to a story,
// on all 400 development articles, each half and with the BBC articles,
// with how many of the story's articles share its gold story.
// BRIEF_FLOOR sets the similarity floor (sigSim).
func TestReportAttach(t *testing.T) {
	reportOn(t)
	arts := readDev(t, "dev.jsonl")
	gold := readGold(t)
	a, b := halves(arts)
	bbc := readDev(t, "bbc-dev.jsonl")
	floor, _ := strconv.ParseFloat(os.Getenv("BRIEF_FLOOR"), 64)
	for _, day := range []struct {
		name string
		arts []devArticle
	}{{"all", arts}, {"A", a}, {"B", b}, {"+bbc", append(append([]devArticle{}, arts...), bbc...)}} {
		s := makeSet(day.arts, gold)
		g := map[int]int{}
		for gi, x := range s.gold {
			for _, d := range x.Members {
				g[d] = gi + 1
			}
			for _, d := range x.Borderline {
				g[d] = -(gi + 1)
			}
		}
		for _, T := range []float64{0.16, 0.18, 0.20} {
			ix := newIndex(s.corpus(), Options{Threshold: T, tune: tuning{sigSim: floor}})
			ix.debugAttach = func(d int, story []int32, names []string, sim float64) {
				ok := 0
				for _, m := range story {
					if g[d] != 0 && (g[int(m)] == g[d] || g[int(m)] == -g[d]) {
						ok++
					}
				}
				fmt.Printf("%-5s T=%.2f %d/%d %.3f %-50s %v\n", day.name, T, ok, len(story), sim, snippet(s.arts[d].f.Title, 50), names)
			}
			ix.groups()
		}
	}
}
