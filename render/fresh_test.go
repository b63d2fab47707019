package render

import (
	"strings"
	"testing"

	"github.com/brief-dev/brief/brief"
)

func TestMarkdownDoesNotRepeatTheBottomLine(t *testing.T) {
	lead := brief.Bullet{Text: "Talks ended without a deal.", Sources: []string{"s1"}}
	b := &brief.Briefing{
		Title:      "Talks end",
		BottomLine: []brief.Bullet{lead},
		KeyPoints:  []brief.Bullet{lead, {Text: "Ministers will meet again next week.", Sources: []string{"s4"}}},
	}
	var sb strings.Builder
	if err := Markdown(&sb, b, Options{}); err != nil {
		t.Fatal(err)
	}
	md := sb.String()
	if n := strings.Count(md, lead.Text); n != 1 {
		t.Errorf("the bottom line appears %d times, want once:\n%s", n, md)
	}
	if !strings.Contains(md, "## Key points\n\n- Ministers will meet again next week.") {
		t.Errorf("the other key point is missing:\n%s", md)
	}
	var js strings.Builder
	if err := JSON(&js, b); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(js.String(), lead.Text); n != 2 {
		t.Errorf("JSON has the lead %d times, want 2 (bottom line and first key point)", n)
	}
}
