package refine

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/brief-dev/brief/brief"
)

// testDoc is a small hand-built article.
func testDoc() *brief.Document {
	return &brief.Document{
		Title: "No deal on the river treaty",
		Sections: []brief.Section{{Paragraphs: []brief.Paragraph{
			{Sentences: []brief.Sentence{
				{ID: "s1", Text: "Foreign ministers Ana Lopes and Piet Maas ended two days of talks in Lisbon on Monday without a treaty on the Tagus river."},
				{ID: "s2", Text: "The talks lasted 14 hours, a spokesman said."},
			}},
			{Sentences: []brief.Sentence{
				{ID: "s3", Text: "Lopes said the gap on water quotas was “narrower than ever”."},
				{ID: "s4", Text: "Both sides will meet again in March, officials said."},
				{ID: "s5", Text: "The treaty was first proposed in 1998."},
			}},
		}}},
	}
}

// testBriefing is an extractive briefing of testDoc built by hand.
func testBriefing() *brief.Briefing {
	bl := func(text string, ids ...string) brief.Bullet { return brief.Bullet{Text: text, Sources: ids, Score: 1} }
	d := testDoc()
	s := func(id string) string { x, _ := d.SentenceByID(id); return x.Text }
	return &brief.Briefing{
		Title:      d.Title,
		BottomLine: []brief.Bullet{bl(s("s1"), "s1")},
		KeyPoints:  []brief.Bullet{bl(s("s2"), "s2"), bl(s("s3"), "s3")},
		Statements: []brief.Statement{{Quote: "narrower than ever", Speaker: "Ana Lopes", Sources: []string{"s3"}}},
		Background: []brief.Bullet{bl(s("s5"), "s5")},
		Outlook:    []brief.Bullet{bl(s("s4"), "s4")},
	}
}

func TestNewRefineRequest(t *testing.T) {
	doc, b := testDoc(), testBriefing()
	req, err := NewRequest(doc, b, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if req.Trimmed || req.Left != 0 {
		t.Errorf("Trimmed = %v, Left = %d; want nothing trimmed", req.Trimmed, req.Left)
	}
	var ids []string
	for _, s := range req.Sentences {
		ids = append(ids, s.ID)
	}
	if got := strings.Join(ids, " "); got != "s1 s2 s3 s4 s5" || req.Omitted != 0 {
		t.Errorf("sentences = %s, %d omitted; want s1 … s5 in document order", got, req.Omitted)
	}

	var keys []string
	for _, s := range req.Sections {
		keys = append(keys, s.Key)
	}
	if got := strings.Join(keys, " "); got != "bottom_line key_points background outlook" {
		t.Errorf("sections = %s", got)
	}

	// A budget that holds the bottom line and the first key point only.
	small := req.Tokens - EstimateTokens(b.Background[0].Text+b.Outlook[0].Text+b.KeyPoints[1].Text)*2 - 3*bulletCost
	req, err = NewRequest(doc, b, Options{MaxInputTokens: small})
	if err != nil {
		t.Fatal(err)
	}
	if !req.Trimmed || req.Left == 0 || req.Tokens > small {
		t.Errorf("budget %d: Trimmed = %v, Left = %d, Tokens = %d; want trimmed within budget", small, req.Trimmed, req.Left, req.Tokens)
	}
	if req.Sections[0].Key != SectionBottomLine {
		t.Errorf("the bottom line must be kept first, got %s", req.Sections[0].Key)
	}

	// Context: a sentence no bullet cites is sent when it fits.
	short := testBriefing()
	short.KeyPoints, short.Background, short.Outlook = nil, nil, nil
	creq, err := NewRequest(doc, short, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(creq.Sentences) != 5 || len(creq.Sections) != 1 {
		t.Errorf("%d sentences, %d sections; want the whole article as context for the bottom line", len(creq.Sentences), len(creq.Sections))
	}
	// With room for the bottom line and one more sentence, the neighbour
	// s2 comes before s5.
	fit := EstimateTokens(doc.Title) + bulletCost + 2*EstimateTokens(short.BottomLine[0].Text) + sentenceCost
	fit += sentenceCost + EstimateTokens("The talks lasted 14 hours, a spokesman said.")
	creq, err = NewRequest(doc, short, Options{MaxInputTokens: fit})
	if err != nil {
		t.Fatal(err)
	}
	if len(creq.Sentences) != 2 || creq.Sentences[1].ID != "s2" || creq.Omitted != 3 {
		t.Errorf("sentences %v, %d omitted; want s1 and its neighbour s2", creq.Sentences, creq.Omitted)
	}
	if _, err := NewRequest(doc, b, Options{MaxInputTokens: 5}); !errors.Is(err, ErrBudget) {
		t.Errorf("tiny budget: err = %v, want ErrBudget", err)
	}
	if _, err := NewRequest(doc, &brief.Briefing{}, Options{}); !errors.Is(err, ErrNothingToRefine) {
		t.Errorf("empty briefing: err = %v, want ErrNothingToRefine", err)
	}
}

// refinerFunc adapts a function to Refiner.
type refinerFunc func(ctx context.Context, p Prompt) (string, error)

func (f refinerFunc) Complete(ctx context.Context, p Prompt) (string, error) { return f(ctx, p) }

func TestRefine(t *testing.T) {
	doc, b := testDoc(), testBriefing()
	req, err := NewRequest(doc, b, Options{})
	if err != nil {
		t.Fatal(err)
	}
	answer := "```json\n" + `{
	  "bottom_line": {"text": "Lopes and Maas ended talks in Lisbon on Monday without a river treaty.", "sources": ["s1"]},
	  "key_points": [
	    {"text": "The talks went on for 14 hours, said a spokesman, and Spain walked out.", "sources": ["s2"]},
	    {"text": "Lopes said the gap on water quotas was “narrower than ever”.", "sources": ["s3"]},
	  ],
	  "background": [{"text": "The treaty dates from 1998.", "sources": []}],
	  "outlook": [{"text": "The two sides meet again in March.", "sources": ["s4", "s9"]}]
	}` + "\n```"
	var got Prompt
	r := refinerFunc(func(ctx context.Context, p Prompt) (string, error) { got = p; return answer, nil })
	p := Prompt{System: "sys", User: "user", JSON: true}
	res, err := Run(context.Background(), r, b, req, p)
	if err != nil {
		t.Fatal(err)
	}
	if got != p {
		t.Errorf("the refiner got %+v, want %+v", got, p)
	}
	out := res.Briefing
	if !out.BottomLine[0].Refined || out.BottomLine[0].Text != "Lopes and Maas ended talks in Lisbon on Monday without a river treaty." {
		t.Errorf("bottom line not refined: %+v", out.BottomLine[0])
	}
	if out.KeyPoints[0].Refined || out.KeyPoints[0].Text != b.KeyPoints[0].Text {
		t.Errorf("key point 1 adds a name (Spain) and must stay extractive: %+v", out.KeyPoints[0])
	}
	if !out.KeyPoints[1].Refined {
		t.Errorf("key point 2 quotes verbatim and must be refined: %+v", out.KeyPoints[1])
	}
	if out.Background[0].Refined || out.Outlook[0].Refined {
		t.Errorf("background (no sources) and outlook (unknown id) must stay extractive")
	}
	if res.Offered != 5 || res.Refined != 2 || len(res.Rejected) != 3 {
		t.Errorf("offered %d, refined %d, rejected %v; want 5, 2, 3", res.Offered, res.Refined, res.Rejected)
	}
	if b.BottomLine[0].Refined || b.BottomLine[0].Text == out.BottomLine[0].Text {
		t.Error("Refine changed the input briefing")
	}
	if len(out.Statements) != 1 || out.Statements[0].Refined {
		t.Errorf("statements must pass through unchanged: %+v", out.Statements)
	}

	want := errors.New("boom")
	fail := refinerFunc(func(context.Context, Prompt) (string, error) { return "", want })
	if _, err := Run(context.Background(), fail, b, req, p); !errors.Is(err, want) {
		t.Errorf("err = %v, want the refiner's", err)
	}
	garbage := refinerFunc(func(context.Context, Prompt) (string, error) { return "<html>oops</html>", nil })
	if _, err := Run(context.Background(), garbage, b, req, p); !errors.Is(err, ErrMalformedAnswer) {
		t.Errorf("err = %v, want ErrMalformedAnswer", err)
	}
}

func TestMergeRequiresTheReplacedBulletsSources(t *testing.T) {
	doc, b := testDoc(), testBriefing()
	req, err := NewRequest(doc, b, Options{})
	if err != nil {
		t.Fatal(err)
	}
	// Grounded in s4, but offered in place of the bottom line (s1).
	a := &Answer{Sections: map[string][]Rewrite{
		SectionBottomLine: {{Text: "Both sides meet again in March.", Sources: []string{"s4"}}},
	}}
	res := Merge(b, req, a)
	if res.Refined != 0 || len(res.Rejected) != 1 || !strings.Contains(res.Rejected[0].Reason, "replaces") {
		t.Fatalf("refined %d, rejected %v; want the off-topic rewrite refused", res.Refined, res.Rejected)
	}
	if res.Missing != 4 {
		t.Errorf("Missing = %d, want 4", res.Missing)
	}
}

func TestPairRewrites(t *testing.T) {
	bullets := []Bullet{{Sources: []string{"s1"}}, {Sources: []string{"s2"}}, {Sources: []string{"s3"}}}
	tests := []struct {
		name     string
		rewrites []Rewrite
		want     []int
		extra    int
	}{
		{"in order", []Rewrite{{Sources: []string{"s1"}}, {Sources: []string{"s2"}}, {Sources: []string{"s3"}}}, []int{0, 1, 2}, 0},
		{"swapped", []Rewrite{{Sources: []string{"s2"}}, {Sources: []string{"[S1]"}}, {Sources: []string{"s3"}}}, []int{1, 0, 2}, 0},
		{"fewer", []Rewrite{{Sources: []string{"s3"}}}, []int{-1, -1, 0}, 0},
		{"unrelated by position", []Rewrite{{Sources: []string{"s9"}}, {}}, []int{0, 1, -1}, 0},
		{"more", []Rewrite{{Sources: []string{"s1"}}, {Sources: []string{"s2"}}, {Sources: []string{"s3"}}, {Sources: []string{"s3"}}}, []int{0, 1, 2}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, extra := pairRewrites(bullets, tt.rewrites)
			if fmt.Sprint(got) != fmt.Sprint(tt.want) || extra != tt.extra {
				t.Errorf("pairRewrites = %v, %d; want %v, %d", got, extra, tt.want, tt.extra)
			}
		})
	}
}
