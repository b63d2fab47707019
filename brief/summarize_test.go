package brief

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/brief-dev/brief/brief/lexicon"
	"github.com/brief-dev/brief/internal/evalset"
	"github.com/brief-dev/brief/internal/golden"
)

// briefingJSON encodes b as the JSON renderer does.
func briefingJSON(t testing.TB, b *Briefing) []byte {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(b); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestSummarizeGolden(t *testing.T) {
	got := briefingJSON(t, Summarize(bundledArticle(t), Options{}))
	golden.Check(t, "../testdata/no-deal-on-syria.briefing.json", got)
}

func TestSummarizeBundled(t *testing.T) {
	b := Summarize(bundledArticle(t), Options{})

	if len(b.BottomLine) == 0 || len(b.BottomLine) > 2 {
		t.Fatalf("bottom line has %d sentences", len(b.BottomLine))
	}
	bl := strings.ToLower(b.BottomLine[0].Text)
	for _, w := range []string{"talks", "syria", "without an agreement"} {
		if !strings.Contains(bl, w) {
			t.Errorf("bottom line %q lacks %q", b.BottomLine[0].Text, w)
		}
	}
	if len(b.KeyPoints) != 5 {
		t.Errorf("%d key points, want 5", len(b.KeyPoints))
	}
	if len(b.KeyPoints) > 0 && b.KeyPoints[0].Sources[0] != b.BottomLine[0].Sources[0] {
		t.Errorf("first key point %v is not the bottom line's sentence %v", b.KeyPoints[0].Sources, b.BottomLine[0].Sources)
	}

	roles := map[string]string{}
	for _, ac := range b.Actors {
		roles[ac.Name] = ac.Role
	}
	for name, role := range map[string]string{
		"Barack Obama":    "US President",
		"Vladimir Putin":  "Russian President",
		"John Kerry":      "Secretary of State",
		"Sergey Lavrov":   "Kerry's Russian counterpart",
		"Bashar al-Assad": "Syrian President",
	} {
		got, ok := roles[name]
		if !ok {
			t.Errorf("actor %s missing; actors %v", name, b.Actors)
		} else if got != role {
			t.Errorf("actor %s: role %q, want %q", name, got, role)
		}
	}
	for _, bad := range []string{"Monday", "September", "Group", "The", "CNN", "Kevin Liptak"} {
		if _, ok := roles[bad]; ok {
			t.Errorf("%q listed as an actor", bad)
		}
	}

	found := false
	for _, st := range b.Statements {
		if strings.HasPrefix(st.Quote, "It was constructive") {
			found = true
			if st.Speaker != "a US official" {
				t.Errorf("“It was constructive” attributed to %q, want a US official", st.Speaker)
			}
		}
	}
	if !found {
		t.Errorf("statements lack “It was constructive”: %v", b.Statements)
	}

	found = false
	for _, o := range b.Outlook {
		found = found || strings.Contains(o.Text, "Kerry and Lavrov to reconvene") && strings.Contains(o.Text, "in the coming days")
	}
	if !found {
		t.Errorf("outlook lacks Kerry and Lavrov reconvening: %v", b.Outlook)
	}
}

// barePronouns may not open a bullet.
var barePronouns = []string{"He ", "She ", "They ", "It ", "His ", "Her ", "Their ", "Its ", "We ", "I ", "The pair ", "But ", "And "}

// allBullets returns every bullet of b with the section it is in.
func allBullets(b *Briefing) map[string][]Bullet {
	return map[string][]Bullet{
		"bottom line": b.BottomLine, "key points": b.KeyPoints,
		"background": b.Background, "outlook": b.Outlook,
	}
}

// sectionNames lists the bullet sections of allBullets in a fixed order.
func sectionNames(m map[string][]Bullet) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// faithful checks that bullet text is drawn from the sentences of d it
// cites: it is the end of its first cited sentence, from which at most a
// few opening words (a dateline, a connective, a pronoun) were cut and
// nothing at the end, after at most a few words naming people, which
// must be words of the other cited sentences (the sentence that names
// whom a replaced pronoun stands for). Inside, one "he" or "she" may be
// replaced by such names too ("…, he said" becoming "…, Ribeiro said").
// No attribution may be cut.
func faithful(d *Document, bl Bullet, _ map[string]bool) error {
	if len(bl.Sources) == 0 {
		return fmt.Errorf("no sources")
	}
	var primary []string
	others := map[string]bool{"and": true}
	for k, id := range bl.Sources {
		s, ok := d.SentenceByID(id)
		if !ok {
			return fmt.Errorf("unknown source %s", id)
		}
		if k == 0 {
			primary = normWords(s.Text)
			continue
		}
		for _, w := range normWords(s.Text) {
			others[w] = true
		}
	}
	bw := normWords(bl.Text)
	for k, n := 0, 0; k < len(bw) && k <= 8; k, n = k+(n+1)/5, (n+1)%5 {
		rest := bw[k:]
		m := len(rest) // the words of the sentence the bullet ends with
		if n > 0 {
			m = len(rest) - n + 1 // n words name a pronoun inside
		}
		if m < 1 || m > len(primary) || !namedInside(primary[len(primary)-m:], rest, n, others) {
			continue
		}
		if cut := len(primary) - m; cut > 10 {
			return fmt.Errorf("%d opening words cut", cut)
		}
		for _, w := range bw[:k] {
			if !others[w] {
				return fmt.Errorf("word %q is not in a cited sentence", w)
			}
		}
		if len(rest) < 3 {
			return fmt.Errorf("only %d words come from the source", len(rest))
		}
		return nil
	}
	return fmt.Errorf("words not found in the cited sentences %v, or the end of the sentence was cut", bl.Sources)
}

// namedInside reports whether rest is src with, when n > 0, one "he" or
// "she" replaced by n words of the other cited sentences.
func namedInside(src, rest []string, n int, others map[string]bool) bool {
	if n == 0 {
		return slices.Equal(src, rest)
	}
	p := 0
	for p < len(src) && p < len(rest) && src[p] == rest[p] {
		p++
	}
	if p == len(src) || src[p] != "he" && src[p] != "she" || p+n > len(rest) {
		return false
	}
	for _, w := range rest[p : p+n] {
		if !others[w] {
			return false
		}
	}
	return slices.Equal(src[p+1:], rest[p+n:])
}

// indexRun returns where run starts in ws as consecutive words, or -1.
func indexRun(ws, run []string) int {
	for i := 0; i+len(run) <= len(ws); i++ {
		k := 0
		for k < len(run) && ws[i+k] == run[k] {
			k++
		}
		if k == len(run) {
			return i
		}
	}
	return -1
}

// isAttribution reports whether the words ws are an attribution.
func isAttribution(ws []string) bool {
	if len(ws) > 8 {
		return false
	}
	for _, w := range ws {
		if lexicon.SpeechVerbs.Has(w) || w == "according" {
			return true
		}
	}
	return false
}

func TestBulletsFaithful(t *testing.T) {
	docs := testArticles(t)
	docs["no-deal-on-syria.txt"] = bundledArticle(t)
	var files []string
	for f := range docs {
		files = append(files, f)
	}
	sort.Strings(files)
	for _, f := range files {
		t.Run(f, func(t *testing.T) {
			d := docs[f]
			a := analyzeDoc(d)
			names := map[string]bool{"and": true}
			for _, ac := range a.actors {
				for _, w := range normWords(ac.name) {
					names[w] = true
				}
			}
			b := Summarize(d, Options{})
			if len(b.KeyPoints) == 0 {
				t.Fatal("no key points")
			}
			sections := allBullets(b)
			for _, sec := range sectionNames(sections) {
				for _, bl := range sections[sec] {
					if err := faithful(d, bl, names); err != nil {
						t.Errorf("%s bullet %q: %v", sec, bl.Text, err)
					}
					for _, p := range barePronouns {
						if strings.HasPrefix(bl.Text, p) {
							t.Errorf("%s bullet opens with %q: %q", sec, p, bl.Text)
						}
					}
				}
			}
		})
	}
}

func TestFaithfulCatchesInventedWords(t *testing.T) {
	d := handDoc("Talks between John Kerry and Sergey Lavrov failed on Monday.|They had been working on a plan, officials said.")
	tests := []struct {
		text    string
		sources []string
		ok      bool
	}{
		{"John Kerry and Sergey Lavrov had been working on a plan, officials said.", []string{"s2", "s1"}, true},
		{"John Kerry and Sergey Lavrov had been working on a plan, officials said.", []string{"s2"}, false}, // the names' sentence not cited
		{"They had been working on a plan.", []string{"s2"}, false},                                         // attribution cut
		{"Talks between John Kerry and Sergey Lavrov failed.", []string{"s1"}, false},                       // "on Monday" cut from the middle
		{"The envoys had been working on a plan, officials said.", []string{"s2", "s1"}, false},
		{"Talks between John Kerry and Sergey Lavrov failed on Monday.", []string{"s1"}, true},
	}
	for _, tt := range tests {
		err := faithful(d, Bullet{Text: tt.text, Sources: tt.sources}, nil)
		if (err == nil) != tt.ok {
			t.Errorf("faithful(%q, %v) = %v, want ok %v", tt.text, tt.sources, err, tt.ok)
		}
	}
}

func TestSummarizeOptions(t *testing.T) {
	d := bundledArticle(t)
	for _, n := range []int{1, 3, 8} {
		b := Summarize(d, Options{Bullets: n})
		if len(b.KeyPoints) != n {
			t.Errorf("Bullets %d: %d key points", n, len(b.KeyPoints))
		}
	}
}

func TestSummarizeDeterministic(t *testing.T) {
	d := bundledArticle(t)
	first := briefingJSON(t, Summarize(d, Options{}))
	for k := 0; k < 5; k++ {
		if got := briefingJSON(t, Summarize(d, Options{})); !bytes.Equal(got, first) {
			t.Fatalf("run %d differs from the first", k+2)
		}
	}
}

func TestSummarizeEmptySectionsAreArrays(t *testing.T) {
	b := Summarize(handDoc("The bridge opened to traffic on a sunny morning."), Options{})
	js := string(briefingJSON(t, b))
	if strings.Contains(js, "null") {
		t.Errorf("JSON holds null:\n%s", js)
	}
	for _, field := range []string{`"actors": []`, `"statements": []`, `"background": []`, `"outlook": []`} {
		if !strings.Contains(js, field) {
			t.Errorf("JSON lacks %s:\n%s", field, js)
		}
	}
	if len(b.KeyPoints) != 1 || len(b.BottomLine) != 1 {
		t.Errorf("key points %v, bottom line %v", b.KeyPoints, b.BottomLine)
	}
}

// bigArticle repeats the bundled article's paragraphs until the document
// has about n sentences, renumbering the ids.
func bigArticle(t testing.TB, n int) *Document {
	base := bundledArticle(t)
	d := &Document{Title: base.Title, Dateline: base.Dateline, Sections: []Section{{}}}
	id := 0
	for id < n {
		for _, sec := range base.Sections {
			for _, p := range sec.Paragraphs {
				var q Paragraph
				for _, s := range p.Sentences {
					id++
					q.Sentences = append(q.Sentences, Sentence{ID: fmt.Sprintf("s%d", id), Text: s.Text})
				}
				d.Sections[0].Paragraphs = append(d.Sections[0].Paragraphs, q)
			}
		}
	}
	return d
}

func BenchmarkSummarize(b *testing.B) {
	b.Run("article", func(b *testing.B) {
		d := bundledArticle(b)
		b.ReportAllocs()
		for b.Loop() {
			Summarize(d, Options{})
		}
	})
	b.Run("10000-sentences", func(b *testing.B) {
		d := bigArticle(b, 10000)
		b.ReportAllocs()
		for b.Loop() {
			Summarize(d, Options{})
		}
	})
}

// devDocs reads up to n articles of the CNN dev set, parsed, or skips
// the test when the set is absent.
func devDocs(t testing.TB, n int) []*Document {
	t.Helper()
	b, err := os.ReadFile(evalset.Path(t, "dev.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	var out []*Document
	for _, line := range bytes.Split(b, []byte("\n")) {
		if len(out) == n {
			break
		}
		var rec struct {
			Article string `json:"article"`
		}
		if len(bytes.TrimSpace(line)) == 0 || json.Unmarshal(line, &rec) != nil {
			continue
		}
		d, err := Parse(rec.Article)
		if err != nil {
			continue
		}
		out = append(out, d)
	}
	return out
}

func TestBulletsFaithfulDevSet(t *testing.T) {
	for k, d := range devDocs(t, 400) {
		a := analyzeDoc(d)
		names := map[string]bool{"and": true}
		for _, ac := range a.actors {
			for _, w := range normWords(ac.name) {
				names[w] = true
			}
		}
		b := Summarize(d, Options{})
		sections := allBullets(b)
		for _, sec := range sectionNames(sections) {
			for _, bl := range sections[sec] {
				if err := faithful(d, bl, names); err != nil {
					t.Errorf("article %d: %s bullet %q: %v", k, sec, bl.Text, err)
				}
				for _, p := range barePronouns {
					if strings.HasPrefix(bl.Text, p) {
						t.Errorf("article %d: %s bullet opens with %q: %q", k, sec, p, bl.Text)
					}
				}
			}
		}
	}
}

func TestKeyPointsSkipRepeats(t *testing.T) {
	d := handDoc(
		"The central bank held its main interest rate at 5% on Thursday.",
		"On Thursday the central bank held its main interest rate at 5%.",
		"Inflation slowed for a third month in a row, the statistics office said.",
		"Farmers protested outside the ministry against higher fuel prices.",
	)
	b := Summarize(d, Options{Bullets: 3})
	for _, kp := range b.KeyPoints {
		if kp.Sources[0] == "s2" {
			t.Errorf("key points repeat s1 with s2: %v", b.KeyPoints)
		}
	}
	if len(b.KeyPoints) != 3 {
		t.Errorf("%d key points, want 3", len(b.KeyPoints))
	}
}

// TestKeyPointsKeepAttribution: a key point keeps who the claim comes
// from, as its sentence gives it.
func TestKeyPointsKeepAttribution(t *testing.T) {
	d := handDoc(
		"The central bank held its main interest rate at 5% on Thursday.",
		"Inflation slowed for a third month in a row, the statistics office said.",
		"Farmers protested outside the ministry against higher fuel prices.",
	)
	b := Summarize(d, Options{Bullets: 3})
	found := false
	for _, kp := range b.KeyPoints {
		if kp.Sources[0] != "s2" {
			continue
		}
		found = true
		if want := "Inflation slowed for a third month in a row, the statistics office said."; kp.Text != want {
			t.Errorf("key point from s2 = %q, want %q", kp.Text, want)
		}
	}
	if !found {
		t.Errorf("no key point from s2: %v", b.KeyPoints)
	}
}
