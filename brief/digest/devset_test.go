package digest

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/brief-dev/brief/brief"
	"github.com/brief-dev/brief/brief/decode"
	"github.com/brief-dev/brief/internal/evalset"
)

// devArticle is one article of a development set with its features.
type devArticle struct {
	id   string
	text string
	f    *Features
}

// readDev parses every article of the development set name.
func readDev(tb testing.TB, name string) []devArticle {
	tb.Helper()
	var out []devArticle
	for _, r := range evalset.Read(tb, name) {
		text := r.Article
		if r.Title != "" {
			text = r.Title + "\n\n" + text
		}
		t, _, err := decode.Text([]byte(text))
		if err != nil {
			tb.Fatalf("%s: %v", r.ID, err)
		}
		doc, err := brief.Parse(t)
		if err != nil {
			tb.Fatalf("%s: %v", r.ID, err)
		}
		out = append(out, devArticle{id: r.ID, text: t, f: NewFeatures(doc)})
	}
	return out
}

// goldFile is the form of dev-clusters.json.
type goldFile struct {
	Clusters []struct {
		Event      string   `json:"event"`
		IDs        []string `json:"ids"`
		Borderline []string `json:"borderline"`
	} `json:"clusters"`
}

func readGold(tb testing.TB) goldFile {
	tb.Helper()
	b, err := os.ReadFile(evalset.Path(tb, "dev-clusters.json"))
	if err != nil {
		tb.Fatal(err)
	}
	var g goldFile
	if err := json.Unmarshal(b, &g); err != nil {
		tb.Fatal(err)
	}
	return g
}

// devSet is a day of articles with its reference stories.
type devSet struct {
	arts   []devArticle
	gold   []GoldStory
	events []string
}

// makeSet builds a day from arts, with gold's stories restricted to them.
func makeSet(arts []devArticle, gold goldFile) devSet {
	s := devSet{arts: arts}
	at := map[string]int{}
	for i, a := range arts {
		at[a.id] = i
	}
	for _, c := range gold.Clusters {
		var g GoldStory
		for _, id := range c.IDs {
			if i, ok := at[id]; ok {
				g.Members = append(g.Members, i)
			}
		}
		for _, id := range c.Borderline {
			if i, ok := at[id]; ok {
				g.Borderline = append(g.Borderline, i)
			}
		}
		if len(g.Members)+len(g.Borderline) > 0 {
			s.gold = append(s.gold, g)
			s.events = append(s.events, c.Event)
		}
	}
	return s
}

func (s devSet) corpus() *corpus {
	c := newCorpus()
	for _, a := range s.arts {
		c.add(a.f)
	}
	return c
}

// halves splits the articles by the first hex digit of their id: 0-7
// and 8-f.
func halves(arts []devArticle) (a, b []devArticle) {
	for _, x := range arts {
		if x.id[0] < '8' {
			a = append(a, x)
		} else {
			b = append(b, x)
		}
	}
	return a, b
}

// groupsOf returns the members of each group.
func groupsOf(gs []group) [][]int {
	out := make([][]int, len(gs))
	for i, g := range gs {
		out[i] = g.members
	}
	return out
}
