package digest

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
)

// The tests of this file reproduce the choice of parameters and the
// numbers of the README. They run only with BRIEF_TUNE=1:
//
//	BRIEF_TUNE=1 go test ./brief/digest -run Report -v

func reportOn(t *testing.T) {
	if os.Getenv("BRIEF_TUNE") == "" {
		t.Skip("set BRIEF_TUNE=1")
	}
}

// curve scores a day at each threshold of ts, on one index built at the
// lowest threshold (so that every pair any threshold needs is kept).
func curve(c *corpus, gold []GoldStory, opt Options, ts []float64) []Scores {
	opt.Threshold = ts[0]
	ix := newIndex(c, opt)
	out := make([]Scores, len(ts))
	for i, T := range ts {
		ix.opt.Threshold = T
		out[i] = Score(groupsOf(ix.groups()), gold)
	}
	return out
}

func grid(lo, hi, step float64) []float64 {
	var out []float64
	for i := 0; ; i++ {
		t := lo + float64(i)*step
		if t > hi+1e-9 {
			return out
		}
		out = append(out, float64(int(t*1000+0.5))/1000)
	}
}

// Threshold tuning rule, fixed before looking at held-out numbers: the
// threshold with the best F1 averaged over it and its pickWindow
// neighbours on each side (the curves are noisy), among thresholds whose
// own precision is at least pickMinPrecision (a desk needs precision
// first).
const (
	pickMinPrecision = 0.8
	pickWindow       = 2
)

func pickT(all []Scores, ts []float64) float64 {
	best, bt := -1.0, ts[len(ts)-1]
	for i := range all {
		var f float64
		n := 0
		for j := max(0, i-pickWindow); j <= min(len(all)-1, i+pickWindow); j++ {
			f += all[j].F1
			n++
		}
		if f /= float64(n); all[i].Precision >= pickMinPrecision && f > best {
			best, bt = f, ts[i]
		}
	}
	return bt
}

var reportGrid = grid(0.10, 0.30, 0.01)

func scoreLine(sc Scores) string {
	return fmt.Sprintf("P %.3f R %.3f F1 %.3f (TP %d FP %d FN %d) | B3 P %.3f R %.3f F1 %.3f",
		sc.Precision, sc.Recall, sc.F1, sc.TP, sc.FP, sc.FN, sc.BCubedPrecision, sc.BCubedRecall, sc.BCubedF1)
}

// only keeps the articles below n in the groups.
func only(groups [][]int, n int) [][]int {
	var out [][]int
	for _, g := range groups {
		var k []int
		for _, d := range g {
			if d < n {
				k = append(k, d)
			}
		}
		if len(k) > 0 {
			out = append(out, k)
		}
	}
	return out
}

func indexOf(ts []float64, T float64) int {
	for i, x := range ts {
		if x == T {
			return i
		}
	}
	return len(ts) - 1
}

// TestReportHeldOut tunes T on one half of the development set and scores
// the other half, both ways, then scores all 400 at DefaultThreshold.
func TestReportHeldOut(t *testing.T) {
	reportOn(t)
	arts := readDev(t, "dev.jsonl")
	gold := readGold(t)
	a, b := halves(arts)
	sa, sb, all := makeSet(a, gold), makeSet(b, gold), makeSet(arts, gold)
	opt := Options{}
	for _, v := range variants {
		if v.name == os.Getenv("BRIEF_VARIANT") {
			opt = v.opt
		}
	}
	ca, cb, call := curve(sa.corpus(), sa.gold, opt, reportGrid), curve(sb.corpus(), sb.gold, opt, reportGrid), curve(all.corpus(), all.gold, opt, reportGrid)
	ta, tb, tall := pickT(ca, reportGrid), pickT(cb, reportGrid), pickT(call, reportGrid)
	fmt.Printf("half A (%d articles) at T=%.2f tuned on B: %s\n", len(sa.arts), tb, scoreLine(ca[indexOf(reportGrid, tb)]))
	fmt.Printf("half B (%d articles) at T=%.2f tuned on A: %s\n", len(sb.arts), ta, scoreLine(cb[indexOf(reportGrid, ta)]))
	fmt.Printf("all 400 defaults (T=%.2f; rule on all picks %.2f): %s\n", DefaultThreshold, tall, scoreLine(Score(groupsOf(newIndex(all.corpus(), opt).groups()), all.gold)))
	fmt.Printf("half A defaults: %s\n", scoreLine(Score(groupsOf(newIndex(sa.corpus(), opt).groups()), sa.gold)))
	fmt.Printf("half B defaults: %s\n", scoreLine(Score(groupsOf(newIndex(sb.corpus(), opt).groups()), sb.gold)))
	for _, c := range []struct {
		name string
		s    []Scores
	}{{"A", ca}, {"B", cb}, {"all", call}} {
		var parts []string
		for i, T := range reportGrid {
			parts = append(parts, fmt.Sprintf("%.2f:%.2f/%.2f/%.2f", T, c.s[i].Precision, c.s[i].Recall, c.s[i].F1))
		}
		fmt.Printf("  %-3s %s\n", c.name, strings.Join(parts, " "))
	}
}

// variants are the settings TestReportParameters compares.
var variants = []struct {
	name string
	opt  Options
}{
	{"defaults", Options{}},
	{"no attaching", Options{tune: tuning{sigMin: -1}}},
	{"attach: sim floor 0", Options{tune: tuning{sigSim: 1e-9}}},
	{"attach: sim floor 0.25", Options{tune: tuning{sigSim: 0.25}}},
	{"attach: sim floor 0.4", Options{tune: tuning{sigSim: 0.4}}},
	{"attach: sim floor 0.5", Options{tune: tuning{sigSim: 0.5}}},
	{"attach: sim floor 0.6", Options{tune: tuning{sigSim: 0.6}}},
	{"attach: sim floor 0.7", Options{tune: tuning{sigSim: 0.7}}},
	{"attach: stories of 3+", Options{tune: tuning{sigMin: 3}}},
	{"attach: stories of 5+", Options{tune: tuning{sigMin: 5}}},
	{"attach: 3 names", Options{tune: tuning{sigNeed: 3}}},
	{"attach: share 0.67", Options{tune: tuning{sigShare: 0.67}}},
	{"attach: concentration 0.6", Options{tune: tuning{sigConc: 0.6}}},
	{"NameShare 0.3", Options{NameShare: 0.3}},
	{"NameShare 0.5", Options{NameShare: 0.5}},
	{"names also as words", Options{tune: tuning{namesAsWords: true}}},
	{"old rules (names as words, NameShare 0.3, groups at 2T)", Options{NameShare: 0.3, tune: tuning{namesAsWords: true, groupFactor: 2}}},
	{"no lead weight", Options{tune: tuning{leadRepeat: 1}}},
	{"lead 10 sentences", Options{tune: tuning{leadSents: 10}}},
	{"groupFactor 1 (plain avg)", Options{tune: tuning{groupFactor: 1}}},
	{"groupFactor 1.5", Options{tune: tuning{groupFactor: 1.5}}},
	{"groupFactor 2", Options{tune: tuning{groupFactor: 2}}},
	{"no hub test", Options{tune: tuning{hubRatio: -1}}},
	{"no boilerplate removal", Options{BoilerplateDocs: -1}},
}

// TestReportParameters shows, for each setting varied alone, the F1 and
// precision averaged over T from 0.12 to 0.24 on each half and on all 400
// (a measure of how good and how stable a setting is), and the held-out
// F1 of the halves under the tuning rule.
func TestReportParameters(t *testing.T) {
	reportOn(t)
	arts := readDev(t, "dev.jsonl")
	gold := readGold(t)
	a, b := halves(arts)
	sets := []devSet{makeSet(a, gold), makeSet(b, gold), makeSet(arts, gold)}
	corpora := []*corpus{sets[0].corpus(), sets[1].corpus(), sets[2].corpus()}
	mixed := makeSet(append(append([]devArticle{}, arts...), readDev(t, "bbc-dev.jsonl")...), gold)
	mixedCorpus := mixed.corpus()
	ts := grid(0.12, 0.26, 0.01)
	filter := os.Getenv("BRIEF_VARIANT")
	for _, v := range variants {
		if filter != "" && !strings.Contains(v.name, filter) && v.name != "defaults" {
			continue
		}
		line := fmt.Sprintf("%-28s", v.name)
		var curves [][]Scores
		for i, s := range sets {
			c := curve(corpora[i], s.gold, v.opt, ts)
			curves = append(curves, c)
			var f, p float64
			for _, sc := range c {
				f += sc.F1
				p += sc.Precision
			}
			line += fmt.Sprintf(" | F1 %.3f P %.3f", f/float64(len(c)), p/float64(len(c)))
		}
		ta, tb := pickT(curves[0], ts), pickT(curves[1], ts)
		ia, ib := indexOf(ts, tb), indexOf(ts, ta)
		tall := pickT(curves[2], ts)
		line += fmt.Sprintf(" | held-out F1 A %.3f B %.3f | all@%.2f %.3f/%.3f", curves[0][ia].F1, curves[1][ib].F1, tall, curves[2][indexOf(ts, tall)].Precision, curves[2][indexOf(ts, tall)].F1)
		opt := v.opt
		mix := Score(only(groupsOf(newIndex(mixedCorpus, opt).groups()), len(arts)), mixed.gold)
		line += fmt.Sprintf(" | +bbc %.3f/%.3f", mix.Precision, mix.F1)
		fmt.Println(line)
	}
}

// TestReportErrors prints the groups of two or more and the gold stories
// that were split, for reading. BRIEF_T sets the threshold.
func TestReportErrors(t *testing.T) {
	reportOn(t)
	arts := readDev(t, "dev.jsonl")
	a, b := halves(arts)
	switch os.Getenv("BRIEF_HALF") {
	case "A":
		arts = a
	case "B":
		arts = b
	}
	s := makeSet(arts, readGold(t))
	opt := Options{}
	for _, v := range variants {
		if v.name == os.Getenv("BRIEF_VARIANT") {
			opt = v.opt
		}
	}
	if v, err := strconv.ParseFloat(os.Getenv("BRIEF_T"), 64); err == nil {
		opt.Threshold = v
	}
	ix := newIndex(s.corpus(), opt)
	gs := ix.groups()
	label := map[int]string{}
	for gi, g := range s.gold {
		for _, d := range g.Members {
			label[d] = "G" + strconv.Itoa(gi)
		}
		for _, d := range g.Borderline {
			label[d] = "B" + strconv.Itoa(gi)
		}
	}
	lab := func(d int) string {
		if l, ok := label[d]; ok {
			return l
		}
		return "-"
	}
	groupOf := map[int]int{}
	fmt.Println("== groups of two or more (G#: gold story, B#: borderline, -: none; * central)")
	for si, g := range gs {
		for _, d := range g.members {
			groupOf[d] = si
		}
		if len(g.members) < 2 {
			continue
		}
		fmt.Printf("#%d n=%d cohesion %.2f\n", si, len(g.members), g.cohesion)
		for _, d := range g.members {
			mark := " "
			if d == g.central {
				mark = "*"
			}
			fmt.Printf("  %s%-4s %s\n", mark, lab(d), snippet(s.arts[d].f.Title, 100))
		}
	}
	fmt.Println("== gold stories split")
	for gi, g := range s.gold {
		parts := map[int]bool{}
		for _, d := range g.Members {
			parts[groupOf[d]] = true
		}
		if len(parts) < 2 {
			continue
		}
		fmt.Printf("G%d %s\n", gi, snippet(s.events[gi], 100))
		for _, d := range g.Members {
			var sims []string
			for _, e := range g.Members {
				if e != d {
					sims = append(sims, fmt.Sprintf("%.2f", ix.similarity(d, e)))
				}
			}
			fmt.Printf("  #%d (n=%d) %s [%s]\n", groupOf[d], len(gs[groupOf[d]].members), snippet(s.arts[d].f.Title, 70), strings.Join(sims, " "))
		}
	}
}

func snippet(s string, n int) string {
	if len(s) > n {
		s = s[:n]
		for len(s) > 0 && s[len(s)-1]&0xC0 == 0x80 {
			s = s[:len(s)-1]
		}
	}
	return strings.ReplaceAll(s, "\n", " ")
}
