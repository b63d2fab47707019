package digest

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/brief-dev/brief/brief"
)

// parsed is an article parsed, briefed and featured as the digest
// command does it.
type parsed struct {
	b *brief.Briefing
	f *Features
}

func parseArticle(tb testing.TB, text string) parsed {
	tb.Helper()
	doc, err := brief.Parse(text)
	if err != nil {
		tb.Fatal(err)
	}
	return parsed{brief.Summarize(doc, brief.Options{}), NewFeatures(doc)}
}

// testdataArticle reads and parses an article of testdata/digest.
func testdataArticle(tb testing.TB, name string) parsed {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "digest", name))
	if err != nil {
		tb.Fatal(err)
	}
	return parseArticle(tb, string(b))
}

// build makes a digest of the named articles with the given options.
func build(tb testing.TB, opt Options, inputs []string, arts []parsed) *Digest {
	tb.Helper()
	bl := NewBuilder(opt)
	for i, a := range arts {
		if err := bl.Add(Article{Input: inputs[i], Briefing: a.b}, a.f); err != nil {
			tb.Fatal(err)
		}
	}
	return bl.Digest("2026-03-12")
}

// checkShape checks what holds of every digest: every article in exactly
// one story, stories ranked, IDs and members consistent, key developments
// the first stories.
func checkShape(t *testing.T, d *Digest, developments int) {
	t.Helper()
	seen := make([]int, len(d.Articles))
	for i, s := range d.Stories {
		if want := "story-" + itoa(i+1); s.ID != want {
			t.Errorf("story %d has ID %q, want %q", i, s.ID, want)
		}
		if s.Reports != len(s.Members) || len(s.Articles) != len(s.Members) || s.Text == "" || s.Title == "" {
			t.Errorf("story %s: %d reports, %d members, %d articles, text %q, title %q", s.ID, s.Reports, len(s.Members), len(s.Articles), s.Text, s.Title)
		}
		for k, m := range s.Members {
			seen[m]++
			if d.Articles[m].Story != s.ID || s.Articles[k] != d.Articles[m].Input {
				t.Errorf("story %s member %d: article says story %q, input %q vs %q", s.ID, m, d.Articles[m].Story, d.Articles[m].Input, s.Articles[k])
			}
		}
		for _, src := range s.Sources {
			if !strings.HasPrefix(src, d.Articles[s.Members[0]].Input+"#s") {
				t.Errorf("story %s: line source %q is not of its first member %s", s.ID, src, d.Articles[s.Members[0]].Input)
			}
		}
		if i > 0 {
			p := d.Stories[i-1]
			if p.Reports < s.Reports || p.Reports == s.Reports && p.Importance < s.Importance {
				t.Errorf("%s (%d reports, importance %v) ranked after %s (%d, %v)", s.ID, s.Reports, s.Importance, p.ID, p.Reports, p.Importance)
			}
		}
		if s.Key != (i < developments) || s.Detailed != (s.Key || s.Reports > 1) {
			t.Errorf("story %s: key %v, detailed %v", s.ID, s.Key, s.Detailed)
		}
	}
	for i, n := range seen {
		if n != 1 {
			t.Errorf("article %s is in %d stories", d.Articles[i].Input, n)
		}
		if d.Articles[i].Title == "" || strings.Contains(strings.ToLower(d.Articles[i].Title), "untitled") {
			t.Errorf("article %s has title %q", d.Articles[i].Input, d.Articles[i].Title)
		}
	}
	if want := min(developments, len(d.Stories)); len(d.KeyDevelopments) != want {
		t.Fatalf("%d key developments, want %d", len(d.KeyDevelopments), want)
	}
	for i, k := range d.KeyDevelopments {
		s := d.Stories[i]
		if k.Story != s.ID || k.Text != s.Text || k.Reports != s.Reports {
			t.Errorf("key development %d = %+v, want story %s", i, k, s.ID)
		}
		for _, in := range k.Articles {
			if !slices.ContainsFunc(k.Sources, func(src string) bool { return strings.HasPrefix(src, in+"#s") }) {
				t.Errorf("key development %d names %s but cites none of its sentences: %q", i, in, k.Sources)
			}
		}
	}
}

func itoa(i int) string { b, _ := json.Marshal(i); return string(b) }

func TestDigestTestdata(t *testing.T) {
	names := []string{"morrow-election-delay.txt", "strait-reopens-wire.txt", "norland-grain-ban.txt", "telen-dam-talks.txt", "strait-reopens-paper.txt"}
	var arts []parsed
	var inputs []string
	for _, n := range names {
		arts = append(arts, testdataArticle(t, n))
		inputs = append(inputs, "in/"+n)
	}
	d := build(t, Options{}, inputs, arts)
	checkShape(t, d, DefaultDevelopments)
	if d.Date != "2026-03-12" || len(d.Articles) != 5 {
		t.Fatalf("date %q, %d articles", d.Date, len(d.Articles))
	}
	for i, a := range d.Articles {
		if a.Input != inputs[i] {
			t.Errorf("article %d is %s, want %s (input order)", i, a.Input, inputs[i])
		}
	}
	if len(d.Stories) != 4 {
		t.Fatalf("%d stories, want 4 (five articles, two of one story)", len(d.Stories))
	}
	first := d.KeyDevelopments[0]
	if want := []string{"in/strait-reopens-wire.txt", "in/strait-reopens-paper.txt"}; !slices.Equal(first.Articles, want) || first.Reports != 2 {
		t.Errorf("first development's articles = %q, want %q", first.Articles, want)
	}
	if !strings.Contains(first.Text, "Strait") {
		t.Errorf("first development = %q, want the strait story", first.Text)
	}
	bl := NewBuilder(Options{})
	if err := bl.Add(Article{Input: "nil"}, arts[0].f); err == nil {
		t.Error("an article without a briefing is accepted")
	}
	if err := bl.Add(Article{Input: "nil", Briefing: arts[0].b}, nil); err == nil {
		t.Error("an article without features is accepted")
	}
}

func TestDigestRankingAndShape(t *testing.T) {
	texts := map[string]string{
		"dam1": damBreak, "dam2": damBreak2, "dam3": damBreak3, "dam4": damBreak4,
		"grain1": grainBan, "grain2": grainBan2, "election": electionDelay,
	}
	var inputs []string
	var arts []parsed
	for _, k := range []string{"election", "grain1", "dam1", "dam2", "grain2", "dam3", "dam4"} {
		inputs = append(inputs, k)
		arts = append(arts, parseArticle(t, texts[k]))
	}
	for i, text := range fillerTexts(40) {
		inputs = append(inputs, "filler"+itoa(i))
		arts = append(arts, parseArticle(t, text))
	}
	for _, n := range []int{3, -1, DefaultDevelopments} {
		d := build(t, Options{Developments: n}, inputs, arts)
		want := n
		if n < 0 {
			want = 0
		}
		checkShape(t, d, want)
		if len(d.Stories) < 3 || d.Stories[0].Reports != 4 || d.Stories[1].Reports != 2 {
			t.Fatalf("stories do not come most reported first: %+v", d.Stories[:3])
		}
		if !slices.Contains(d.Stories[0].Articles, "dam1") || !slices.Contains(d.Stories[1].Articles, "grain1") {
			t.Errorf("first stories: %q, %q", d.Stories[0].Articles, d.Stories[1].Articles)
		}
	}
}

// TestStoryLineNotOpinion: of two reports of one story, the one whose
// bottom line argues does not give the story its line.
func TestStoryLineNotOpinion(t *testing.T) {
	opinion := `We should all be ashamed of what happened at the Telen dam in southern Varsa, where the dam burst and flooded villages. Governor Ilse Maron had been warned that the Telen dam needed urgent repairs. Rescue teams pulled families from rooftops as the water rose. At least 40 people were missing after the flood.`
	inputs := []string{"opinion", "dam1", "dam2"}
	arts := []parsed{parseArticle(t, opinion), parseArticle(t, damBreak), parseArticle(t, damBreak2)}
	// The scorer passes over the opening opinion here; a bottom line
	// that argues, and scores best, is put in by hand.
	arts[0].b.BottomLine = []brief.Bullet{{Text: "What happened at the Telen dam in southern Varsa could not be more clear: change is needed before the next flood.", Sources: []string{"s1"}, Score: 5}}
	for i, text := range fillerTexts(40) {
		inputs = append(inputs, "filler"+itoa(i))
		arts = append(arts, parseArticle(t, text))
	}
	d := build(t, Options{}, inputs, arts)
	s := d.Stories[0]
	if s.Reports != 3 {
		t.Fatalf("the dam story has %d reports: %q", s.Reports, s.Articles)
	}
	if strings.Contains(s.Text, "ashamed") || !factual(s.Text) {
		t.Errorf("the story's line is an opinion: %q", s.Text)
	}
	if s.Articles[0] == "opinion" {
		t.Errorf("the opinion piece leads the story: %q", s.Articles)
	}
}

func TestDigestEmptyJSON(t *testing.T) {
	b, err := json.Marshal(NewBuilder(Options{}).Digest("2026-01-02"))
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"date":"2026-01-02","key_developments":[],"stories":[],"articles":[]}`; string(b) != want {
		t.Errorf("got %s, want %s", b, want)
	}
}
