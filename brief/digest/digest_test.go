package digest

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/brief-dev/brief/brief"
	"github.com/brief-dev/brief/internal/evalset"
)

// digestBriefing parses and summarizes a test article of testdata/digest.
func digestBriefing(t testing.TB, name string) *brief.Briefing {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "digest", name))
	if err != nil {
		t.Fatal(err)
	}
	d, err := brief.Parse(string(b))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return brief.Summarize(d, brief.Options{})
}

func TestStoryThreshold(t *testing.T) {
	tests := []struct {
		a, b string
		same bool
	}{
		{"strait-reopens-wire.txt", "strait-reopens-paper.txt", true},
		{"norland-grain-ban.txt", "norland-grain-ban-brief.txt", true},
		// The same countries, another story.
		{"strait-reopens-wire.txt", "norland-grain-ban.txt", false},
		{"strait-reopens-paper.txt", "norland-grain-ban-brief.txt", false},
		{"strait-reopens-wire.txt", "morrow-election-delay.txt", false},
		{"telen-dam-talks.txt", "strait-reopens-wire.txt", false},
		{"telen-dam-talks.txt", "morrow-election-delay.txt", false},
	}
	for _, tt := range tests {
		sim := articleTerms(digestBriefing(t, tt.a)).cosine(articleTerms(digestBriefing(t, tt.b)))
		t.Logf("%.3f %s %s", sim, tt.a, tt.b)
		if got := sim >= Threshold; got != tt.same {
			t.Errorf("%s, %s: similarity %.3f, same story = %v, want %v", tt.a, tt.b, sim, got, tt.same)
		}
	}
}

func TestStoryThresholdDevSet(t *testing.T) {
	f, err := os.Open(evalset.Path(t, "dev.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	var vs []storyTerms
	for sc.Scan() {
		var rec struct{ Article string }
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			t.Fatal(err)
		}
		if d, err := brief.Parse(rec.Article); err == nil {
			vs = append(vs, articleTerms(brief.Summarize(d, brief.Options{})))
		}
	}
	pairs, over := 0, 0
	for i := range vs {
		for j := i + 1; j < len(vs); j++ {
			pairs++
			if vs[i].cosine(vs[j]) >= Threshold {
				over++
			}
		}
	}
	t.Logf("%d of %d pairs of dev articles at or over the threshold", over, pairs)
	// The set holds a few reports of the same developing stories, but
	// almost all pairs are distinct stories.
	if pairs > 0 && float64(over)/float64(pairs) > 0.001 {
		t.Errorf("%d of %d pairs taken for the same story", over, pairs)
	}
}

func TestNewDigest(t *testing.T) {
	names := []string{
		"morrow-election-delay.txt", "strait-reopens-wire.txt", "norland-grain-ban.txt",
		"telen-dam-talks.txt", "strait-reopens-paper.txt",
	}
	var arts []Article
	for _, n := range names {
		arts = append(arts, Article{Input: "in/" + n, Briefing: digestBriefing(t, n)})
	}
	arts = append(arts, Article{Input: "nil-briefing"})
	d := New("2026-03-12", arts)

	if d.Date != "2026-03-12" {
		t.Errorf("Date = %q", d.Date)
	}
	var inputs []string
	for _, a := range d.Articles {
		inputs = append(inputs, a.Input)
	}
	if want := []string{"in/morrow-election-delay.txt", "in/strait-reopens-wire.txt", "in/norland-grain-ban.txt", "in/telen-dam-talks.txt", "in/strait-reopens-paper.txt"}; !slices.Equal(inputs, want) {
		t.Errorf("articles = %q, want %q (input order, no nil briefing)", inputs, want)
	}
	if len(d.KeyDevelopments) != 4 {
		t.Fatalf("%d key developments, want 4 (five articles, two of one story):\n%+v", len(d.KeyDevelopments), d.KeyDevelopments)
	}
	// The story reported twice comes first and names both reports.
	first := d.KeyDevelopments[0]
	if want := []string{"in/strait-reopens-wire.txt", "in/strait-reopens-paper.txt"}; !slices.Equal(first.Articles, want) {
		t.Errorf("first development's articles = %q, want %q", first.Articles, want)
	}
	if !strings.Contains(first.Text, "Velmar Strait") {
		t.Errorf("first development = %q, want the strait story", first.Text)
	}
	seen := map[string]int{}
	for _, dev := range d.KeyDevelopments {
		if dev.Text == "" || len(dev.Articles) == 0 {
			t.Errorf("development without text or articles: %+v", dev)
		}
		for _, a := range dev.Articles {
			seen[a]++
			cited := slices.ContainsFunc(dev.Sources, func(s string) bool { return strings.HasPrefix(s, a+"#s") })
			if !cited {
				t.Errorf("development %q names %s but cites none of its sentences: %q", dev.Text, a, dev.Sources)
			}
		}
		for _, s := range dev.Sources {
			in, id, ok := strings.Cut(s, "#")
			if !ok || !slices.Contains(dev.Articles, in) || !strings.HasPrefix(id, "s") {
				t.Errorf("source %q is not INPUT#sN of one of %q", s, dev.Articles)
			}
		}
	}
	for _, a := range inputs {
		if seen[a] != 1 {
			t.Errorf("%s is in %d developments, want 1", a, seen[a])
		}
	}
}

func TestNewDigestEmptyJSON(t *testing.T) {
	b, err := json.Marshal(New("2026-01-02", nil))
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"date":"2026-01-02","key_developments":[],"articles":[]}`; string(b) != want {
		t.Errorf("got %s, want %s", b, want)
	}
}

// TestStoryStemsMeet: the inflections of a word count as one term when
// stories are compared.
func TestStoryStemsMeet(t *testing.T) {
	groups := [][]string{
		{"talks", "talked", "talking", "talk"},
		{"agreed", "agree", "agrees"},
		{"ships", "ship", "shipping", "shipped"},
		{"countries", "country"},
	}
	for _, g := range groups {
		want := stemWord(g[0])
		for _, w := range g[1:] {
			if got := stemWord(w); got != want {
				t.Errorf("stemWord(%q) = %q, want %q as for %q", w, got, want, g[0])
			}
		}
	}
}

func BenchmarkNewDigest200(b *testing.B) {
	names := []string{"morrow-election-delay.txt", "strait-reopens-wire.txt", "norland-grain-ban.txt",
		"telen-dam-talks.txt", "strait-reopens-paper.txt", "norland-grain-ban-brief.txt"}
	var arts []Article
	for i := range 200 {
		n := names[i%len(names)]
		arts = append(arts, Article{Input: n, Briefing: digestBriefing(b, n)})
	}
	b.ResetTimer()
	for b.Loop() {
		New("2026-01-02", arts)
	}
}
