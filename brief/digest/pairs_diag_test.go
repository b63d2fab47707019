package digest

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
)

// sharedTerms returns the terms articles a and b share, by their part of
// the similarity, largest first, as "term(df):contribution".
func (ix *index) sharedTerms(a, b, n int) []string {
	type st struct {
		t int32
		w float32
	}
	var out []st
	ix.shared(a, b, func(x, y int32) { out = append(out, st{ix.vTerm[x], ix.vW[x] * ix.vW[y]}) })
	slices.SortFunc(out, func(p, q st) int {
		if p.w > q.w {
			return -1
		}
		if p.w < q.w {
			return 1
		}
		return 0
	})
	var s []string
	for i, e := range out {
		if i >= n {
			break
		}
		s = append(s, fmt.Sprintf("%s(%d):%.3f", ix.c.keys[e.t], ix.df[e.t], e.w))
	}
	return s
}

// TestReportFalsePairs prints, on all 400 and each half at the defaults,
// the pairs grouped together but not one gold story (false merges) and
// the gold pairs left apart (false splits), with their similarity and
// top shared terms.
func TestReportFalsePairs(t *testing.T) {
	reportOn(t)
	arts := readDev(t, "dev.jsonl")
	gold := readGold(t)
	a, b := halves(arts)
	which := os.Getenv("BRIEF_HALF")
	for _, day := range []struct {
		name string
		arts []devArticle
	}{{"all", arts}, {"A", a}, {"B", b}} {
		if which != "" && which != day.name {
			continue
		}
		s := makeSet(day.arts, gold)
		opt := Options{}
		for _, v := range variants {
			if v.name == os.Getenv("BRIEF_VARIANT") {
				opt = v.opt
			}
		}
		ix := newIndex(s.corpus(), opt)
		gs := ix.groups()
		g := map[int]int{}
		for gi, x := range s.gold {
			for _, d := range x.Members {
				g[d] = gi + 1
			}
			for _, d := range x.Borderline {
				g[d] = -(gi + 1)
			}
		}
		in := map[int]int{}
		for gi, x := range gs {
			for _, d := range x.members {
				in[d] = gi
			}
		}
		fmt.Printf("==== %s: false merges\n", day.name)
		for gi, x := range gs {
			for i, p := range x.members {
				for _, q := range x.members[i+1:] {
					if g[p] > 0 && g[p] == g[q] || g[p] != 0 && (g[p] == -g[q]) {
						continue
					}
					fmt.Printf("#%d sim %.3f  [%s] %s\n    | [%s] %s\n    %s\n", gi, ix.similarity(p, q), lab(g[p]), snippet(s.arts[p].f.Title, 70), lab(g[q]), snippet(s.arts[q].f.Title, 70), strings.Join(ix.sharedTerms(p, q, 10), " "))
				}
			}
		}
		fmt.Printf("==== %s: false splits\n", day.name)
		for _, x := range s.gold {
			for i, p := range x.Members {
				for _, q := range x.Members[i+1:] {
					if in[p] == in[q] {
						continue
					}
					fmt.Printf("sim %.3f  #%d %s\n    | #%d %s\n    %s\n", ix.similarity(p, q), in[p], snippet(s.arts[p].f.Title, 70), in[q], snippet(s.arts[q].f.Title, 70), strings.Join(ix.sharedTerms(p, q, 10), " "))
				}
			}
		}
	}
}

func lab(g int) string {
	switch {
	case g > 0:
		return fmt.Sprintf("G%d", g-1)
	case g < 0:
		return fmt.Sprintf("B%d", -g-1)
	}
	return "-"
}
