package digest

import (
	"reflect"
	"runtime"
	"slices"
	"strings"
	"testing"
)

func mustGroup(t *testing.T, fs []*Features, opt Options) [][]int {
	t.Helper()
	g, err := Group(fs, opt)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func TestGroupInvented(t *testing.T) {
	articles := map[string]string{
		"grain":      grainBan,
		"grain2":     grainBan2,
		"election":   electionDelay,
		"dam":        damBreak,
		"dam2":       damBreak2,
		"roundup1":   roundup(1, "Norland banned grain exports after a poor harvest, sending wheat prices higher."),
		"roundup2":   roundup(2, "A dam on the Telen River burst in southern Varsa, flooding villages."),
		"roundup3":   roundup(3, "Norland's parliament voted to postpone the general election."),
		"roundup4":   roundup(4, "Rescuers searched for people missing after the Telen dam collapse in Varsa."),
		"fivethings": `Five things to know today. Grain: Norland banned grain exports after a drought cut the harvest, and wheat prices rose. Flood: A dam on the Telen River burst in Varsa, flooding villages. Vote: Norland's parliament postponed the general election by six months. Space: A private rocket reached orbit on its third try. Sport: The national chess championship ended in a draw.`,
	}
	fs, at := day(t, articles, 80)
	ix := indexOfDay(fs, Options{})
	groups := groupIndex(mustGroup(t, fs, Options{}), len(fs))
	tests := []struct {
		name string
		a, b string
		same bool
	}{
		{"one story in other words (grain)", "grain", "grain2", true},
		{"one story in other words (dam)", "dam", "dam2", true},
		{"two stories sharing a country name", "grain", "election", false},
		{"two stories sharing a country name", "grain2", "election", false},
		{"unrelated stories", "grain", "dam", false},
		{"template pages are not merged", "roundup1", "roundup3", false},
		{"template pages are not merged", "roundup2", "roundup4", false},
		{"a template page does not absorb a story", "roundup1", "grain", false},
		{"a template page does not absorb a story", "roundup2", "dam", false},
	}
	for _, tt := range tests {
		if got := groups[at[tt.a]] == groups[at[tt.b]]; got != tt.same {
			t.Errorf("%s: %s and %s grouped = %v, want %v (similarity %.3f)", tt.name, tt.a, tt.b, got, tt.same, ix.similarity(at[tt.a], at[tt.b]))
		}
	}
	// A round-up without template text may join one of the stories it
	// lists, but it never brings two of them together: average linkage
	// does not chain.
	joined := 0
	for _, k := range []string{"grain", "election", "dam"} {
		if groups[at["fivethings"]] == groups[at[k]] {
			joined++
		}
	}
	if joined > 1 {
		t.Errorf("the round-up joined %d stories into one group", joined)
	}
	for _, k := range []string{"roundup1", "roundup2", "roundup3", "roundup4"} {
		if !ix.isTemplate(at[k]) {
			t.Errorf("%s is not seen as a template page", k)
		}
	}
	for _, k := range []string{"grain", "grain2", "dam", "election", "fivethings"} {
		if ix.isTemplate(at[k]) {
			t.Errorf("%s is taken for a template page", k)
		}
	}
}

// TestAttachBySignature: an opinion piece on a story of four reports,
// worded unlike them, joins the story because it names the event's
// names (Telen, Ilse Maron); a report on another story that shares one
// common name does not.
func TestAttachBySignature(t *testing.T) {
	articles := map[string]string{
		"dam": damBreak, "dam2": damBreak2, "dam3": damBreak3, "dam4": damBreak4,
		"feature":  damFeature,
		"election": electionDelay,
		"grain":    grainBan,
	}
	fs, at := day(t, articles, 120)
	groups := groupIndex(mustGroup(t, fs, Options{}), len(fs))
	for _, k := range []string{"dam2", "dam3", "dam4"} {
		if groups[at[k]] != groups[at["dam"]] {
			t.Errorf("%s is not in the dam story", k)
		}
	}
	if groups[at["feature"]] != groups[at["dam"]] {
		t.Error("the opinion piece naming the dam and the governor is not in the dam story")
	}
	noAttach := groupIndex(mustGroup(t, fs, Options{tune: tuning{sigMin: -1}}), len(fs))
	if noAttach[at["feature"]] == noAttach[at["dam"]] {
		t.Error("the opinion piece is in the dam story without attaching: the test shows nothing")
	}
	for _, k := range []string{"election", "grain"} {
		if groups[at[k]] == groups[at["dam"]] {
			t.Errorf("%s joined the dam story", k)
		}
	}
}

func TestGroupPartition(t *testing.T) {
	empty := &Features{Version: FeaturesVersion, Terms: []string{}, Sentences: []SentenceTerms{}}
	grain := featuresOf(t, grainBan)
	tests := []struct {
		name string
		fs   []*Features
	}{
		{"none", nil},
		{"one", []*Features{grain}},
		{"no sentences", []*Features{empty, empty, empty}},
		{"the same article twice", []*Features{grain, grain}},
		{"a day", func() []*Features {
			fs, _ := day(t, map[string]string{"a": grainBan, "b": grainBan2, "c": damBreak}, 150)
			return fs
		}()},
	}
	for _, tt := range tests {
		groups := mustGroup(t, tt.fs, Options{})
		seen := make([]int, len(tt.fs))
		for _, g := range groups {
			if len(g) == 0 {
				t.Errorf("%s: empty group", tt.name)
			}
			if !slices.IsSorted(g) {
				t.Errorf("%s: group %v not in ascending order", tt.name, g)
			}
			for _, d := range g {
				seen[d]++
			}
		}
		for d, n := range seen {
			if n != 1 {
				t.Errorf("%s: article %d is in %d groups, want 1", tt.name, d, n)
			}
		}
		for i := 1; i < len(groups); i++ {
			a, b := groups[i-1], groups[i]
			if len(a) < len(b) || (len(a) == len(b) && a[0] > b[0]) {
				t.Errorf("%s: groups out of order: %v before %v", tt.name, a, b)
			}
		}
	}
	if g := mustGroup(t, []*Features{grain, grain}, Options{}); len(g) != 1 {
		t.Errorf("the same article twice: %v, want one group", g)
	}
}

func TestGroupRefusesBadFeatures(t *testing.T) {
	old := featuresOf(t, grainBan)
	old.Version = FeaturesVersion + 1
	bad := featuresOf(t, grainBan)
	bad.Sentences[0].Terms = append(bad.Sentences[0].Terms, int32(len(bad.Terms)))
	for _, f := range []*Features{old, bad} {
		if _, err := Group([]*Features{featuresOf(t, damBreak), f}, Options{}); err == nil {
			t.Errorf("features %+v accepted", f.Sentences[0])
		}
	}
}

func TestGroupDeterministic(t *testing.T) {
	fs, _ := day(t, map[string]string{"a": grainBan, "b": grainBan2, "c": damBreak, "d": damBreak2, "e": electionDelay}, 300)
	want := mustGroup(t, fs, Options{})
	prev := runtime.GOMAXPROCS(1)
	defer runtime.GOMAXPROCS(prev)
	for _, procs := range []int{1, 2, 4, 1} {
		runtime.GOMAXPROCS(procs)
		if got := mustGroup(t, fs, Options{}); !reflect.DeepEqual(got, want) {
			t.Fatalf("GOMAXPROCS=%d: grouping differs from the first run", procs)
		}
	}
}

func TestDates(t *testing.T) {
	fs, at := day(t, map[string]string{"a": grainBan, "b": grainBan2}, 80)
	tests := []struct {
		name   string
		da, db string
		opt    Options
		same   bool
	}{
		{"dates unknown", "", "", Options{}, true},
		{"same day", "2015-03-20", "2015-03-20", Options{}, true},
		{"a day apart", "2015-03-20", "2015-03-21", Options{}, true},
		{"two months apart", "2015-03-20", "2015-05-20", Options{}, false},
		{"two months apart, dates ignored", "2015-03-20", "2015-05-20", Options{DateHalfLife: -1}, true},
	}
	for _, tt := range tests {
		d := slices.Clone(fs)
		a, b := *d[at["a"]], *d[at["b"]]
		a.Published, b.Published = tt.da, tt.db
		d[at["a"]], d[at["b"]] = &a, &b
		g := groupIndex(mustGroup(t, d, tt.opt), len(d))
		if got := g[at["a"]] == g[at["b"]]; got != tt.same {
			t.Errorf("%s: grouped = %v, want %v", tt.name, got, tt.same)
		}
	}
}

// TestWireCopies: a wire story carried word for word by several sites
// (one with an editor's note before it, one cut short) is one story, not
// template text; the round-ups beside it, which share their frame but not
// their opening, stay template pages.
func TestWireCopies(t *testing.T) {
	sents := strings.SplitAfter(damBreak, ". ")
	articles := map[string]string{
		"wire1":    damBreak,
		"wire2":    damBreak,
		"wire3":    "Editor's note: this report first appeared on the Wire service. " + damBreak,
		"wire4":    strings.Join(sents[:len(sents)-1], ""),
		"grain":    grainBan,
		"roundup1": roundup(1, "Norland banned grain exports after a poor harvest, sending wheat prices higher."),
		"roundup2": roundup(2, "Norland's parliament voted to postpone the general election."),
		"roundup3": roundup(3, "A private rocket reached orbit on its third try."),
	}
	fs, at := day(t, articles, 80)
	ix := indexOfDay(fs, Options{})
	groups := groupIndex(mustGroup(t, fs, Options{}), len(fs))
	for _, k := range []string{"wire2", "wire3", "wire4"} {
		if groups[at[k]] != groups[at["wire1"]] {
			t.Errorf("%s is not in the story of wire1 (similarity %.3f)", k, ix.similarity(at[k], at["wire1"]))
		}
		if ix.isTemplate(at[k]) {
			t.Errorf("%s is taken for a template page", k)
		}
	}
	for _, k := range []string{"roundup1", "roundup2", "roundup3"} {
		if !ix.isTemplate(at[k]) {
			t.Errorf("%s is not seen as a template page", k)
		}
	}
	if groups[at["grain"]] == groups[at["wire1"]] {
		t.Error("the grain story joined the wire story")
	}
}
