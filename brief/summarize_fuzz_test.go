package brief

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzSummarize builds documents from arbitrary text (paragraphs split on
// blank lines, sentences on "|") and checks that Summarize neither panics
// nor breaks the invariants of a briefing: valid UTF-8, sources on every
// bullet, non-nil sections.
func FuzzSummarize(f *testing.F) {
	f.Add("US President Barack Obama met Putin.|“It was constructive,” a US official said.\n\nHe said talks will resume next week.")
	f.Add("HANGZHOU, China (CNN) — They had been working “around the clock”, Obama told reporters.|But he insisted.")
	f.Add("(CNN)Sen. Jane Doe, the head of the U.S. panel, said: \"We will see.\"|Her plan failed in 2019.")
	f.Add("“\"”\"“|— — ,,, ’s al- Al-|The pair|They")
	f.Add("Mayor Jane Roe spoke on Monday.|Most will stay, he said.|“We’ll go,” she said.|However, he added, it rained.|Two years ago, she left.\n\nOfficials said al Qaeda claimed it, it said.|That image shocked.|Here are the facts: .")
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		var paras []string
		for _, p := range strings.Split(text, "\n\n") {
			if strings.TrimSpace(strings.ReplaceAll(p, "|", "")) != "" {
				paras = append(paras, p)
			}
		}
		if len(paras) == 0 {
			return
		}
		d := handDoc(paras...)
		b := Summarize(d, Options{Bullets: 3})
		if b.KeyPoints == nil || b.Actors == nil || b.Statements == nil || b.Background == nil || b.Outlook == nil {
			t.Fatal("nil section")
		}
		sections := allBullets(b)
		for _, sec := range sectionNames(sections) {
			for _, bl := range sections[sec] {
				if len(bl.Sources) == 0 || !utf8.ValidString(bl.Text) {
					t.Errorf("%s bullet %q: sources %v", sec, bl.Text, bl.Sources)
				}
			}
		}
		for _, st := range b.Statements {
			if len(st.Sources) == 0 || st.Speaker == "" || !utf8.ValidString(st.Quote) {
				t.Errorf("statement %+v", st)
			}
		}
		for _, ac := range b.Actors {
			if ac.Name == "" || ac.Mentions == 0 || !utf8.ValidString(ac.Role) {
				t.Errorf("actor %+v", ac)
			}
		}
	})
}
