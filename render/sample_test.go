package render

import (
	"fmt"
	"strings"
	"time"

	"github.com/brief-dev/brief/brief"
	"github.com/brief-dev/brief/brief/digest"
)

// testDate is the creation date of every PDF made in tests.
var testDate = time.Date(2026, 3, 14, 9, 30, 0, 0, time.UTC)

func bullet(text string, ids ...string) brief.Bullet {
	return brief.Bullet{Text: text, Sources: ids, Score: 1}
}

// unicodeBriefing is a briefing written for the tests, with accents,
// Cyrillic and Greek names, curly quotes and dashes.
func unicodeBriefing() *brief.Briefing {
	return &brief.Briefing{
		Title: "Ministers in Genève agree a grain corridor — for now",
		Meta: brief.Meta{
			Source:     "Le Courrier diplomatique",
			Byline:     "Zoë Müller-Peña",
			BylineRole: "Correspondant à Genève",
			Published:  "12 March 2026",
			Place:      "GENÈVE, Switzerland",
			Date:       "2026-03-14",
			Sentences:  31,
		},
		BottomLine: []brief.Bullet{
			bullet("Foreign ministers Сергей Лавров and Νίκος Δένδιας agreed a 90‑day grain corridor, but left the harder questions — inspections and insurance — for a second round.", "s1", "s2"),
		},
		KeyPoints: []brief.Bullet{
			bullet("The corridor runs from Odesa to the Bosporus; ships are inspected once, at sea, by a joint team.", "s3"),
			bullet("François Léger, the mediator, called the deal “fragile but real” and said talks resume on 2 April.", "s5", "s6"),
			bullet("Türkiye’s negotiators insisted on a clause – drafted overnight – letting Ankara suspend inspections for 48 hours.", "s8"),
			bullet("Prices fell 4.5% in Chicago after the announcement; traders doubt the 90‑day term will be renewed.", "s11"),
			bullet("Ελληνικά and русский text sits beside ñ, ç, ü and ø without a missing glyph.", "s12"),
		},
		Actors: []brief.Actor{
			{Name: "Сергей Лавров", Role: "Russian foreign minister", Mentions: 6, Sources: []string{"s1"}},
			{Name: "Νίκος Δένδιας", Role: "Greek foreign minister", Mentions: 4, Sources: []string{"s2"}},
			{Name: "François Léger", Role: "UN mediator", Mentions: 3, Sources: []string{"s5"}},
		},
		Statements: []brief.Statement{
			{Quote: "It is fragile, but it is real,", Speaker: "François Léger", Sources: []string{"s5"}, Score: 0.9},
			{Quote: "“Nobody should mistake a corridor for a ceasefire,”", Speaker: "a Turkish official", Sources: []string{"s9"}, Score: 0.7},
		},
		Background: []brief.Bullet{
			bullet("An earlier arrangement lapsed in 2023 after a dispute over insurance for ships calling at Русе and Констанца.", "s14"),
		},
		Outlook: []brief.Bullet{
			bullet("A second round on 2 April will take up inspections; both sides say a deal by mid‑May is “possible, not likely”.", "s20"),
		},
	}
}

// syriaBriefing is a hand-made briefing of the bundled article, as the
// assembly is meant to produce it.
func syriaBriefing() *brief.Briefing {
	return &brief.Briefing{
		Title: "No deal on Syria as Obama and Putin meet",
		Meta: brief.Meta{
			Source: "CNN", Byline: "Kevin Liptak", BylineRole: "CNN White House Producer",
			Published: "September 5, 2016", Place: "HANGZHOU, China", Date: "2016-09-06", Sentences: 42,
		},
		BottomLine: []brief.Bullet{
			bullet("US President Barack Obama and Russian President Vladimir Putin met at the G20 summit in Hangzhou, but talks on ending the violence in Syria ended without an agreement.", "s4"),
		},
		KeyPoints: []brief.Bullet{
			bullet("The two leaders talked for ninety minutes on the sidelines of the summit and worked to clarify gaps in the negotiations on Syria.", "s5"),
			bullet("Talks between Secretary of State John Kerry and Sergey Lavrov failed to produce a ceasefire agreement.", "s7"),
			bullet("The plan would have boosted military cooperation to better target terrorists and prevent civilian deaths.", "s8"),
			bullet("The leaders want Kerry and Lavrov to reconvene in the coming days.", "s10"),
			bullet("Obama and Putin also discussed Ukraine and Russia’s cyber intrusions.", "s6"),
		},
		Actors: []brief.Actor{
			{Name: "Barack Obama", Role: "US President", Mentions: 9},
			{Name: "Vladimir Putin", Role: "Russian President", Mentions: 6},
			{Name: "John Kerry", Role: "US Secretary of State", Mentions: 4},
			{Name: "Sergey Lavrov", Role: "Russian Foreign Minister", Mentions: 3},
		},
		Statements: []brief.Statement{
			{Quote: "It was constructive,", Speaker: "a US official", Sources: []string{"s11"}},
			{Quote: "We have had some productive conversations about what a real cessation of hostilities would look like,", Speaker: "Barack Obama", Sources: []string{"s20"}},
		},
		Background: []brief.Bullet{
			bullet("The United States and Russia back opposing sides in Syria’s civil war.", "s25"),
		},
		Outlook: []brief.Bullet{
			bullet("Officials said the talks have ended for now, but could resume within days.", "s10"),
		},
	}
}

// longBriefing has n key points of varying length, and a bullet holding a
// long URL with no break in it.
func longBriefing(n int) *brief.Briefing {
	b := syriaBriefing()
	b.Title = "A long briefing to check that text flows over several pages without leaving the margins"
	b.KeyPoints = nil
	for i := range n {
		words := strings.Repeat("The delegations went over the draft text clause by clause. ", 1+i%5)
		b.KeyPoints = append(b.KeyPoints, bullet(fmt.Sprintf("Point %d: %s", i+1, strings.TrimSpace(words)), fmt.Sprintf("s%d", i+1)))
	}
	b.KeyPoints[3].Text = "The full text is at https://example.org/a/very/long/path/that/has/no/spaces/at/all/and/goes/on/and/on/past/the/right/margin/of/any/page/0123456789abcdefghijklmnopqrstuvwxyz and nowhere else."
	return b
}

// testDigest is a digest of four articles: a story of two reports (one
// a web page), a story of one, both key developments, and an article
// without a title listed on one line.
func testDigest() *digest.Digest {
	return &digest.Digest{
		Date: "2026-03-14",
		KeyDevelopments: []digest.Development{
			{Text: "Obama and Putin met at the G20 but reached no deal on Syria.", Story: "story-1", Reports: 2, Articles: []string{"syria.txt", "https://example.org/g20.html"}, Sources: []string{"syria.txt#s4", "https://example.org/g20.html#s2"}},
			{Text: "Ministers in Genève agreed a 90‑day grain corridor.", Story: "story-2", Reports: 1, Articles: []string{"grain.txt"}, Sources: []string{"grain.txt#s1"}},
		},
		Stories: []digest.Story{
			{ID: "story-1", Title: "No deal on Syria as Obama and Putin meet", Text: "Obama and Putin met at the G20 but reached no deal on Syria.", Sources: []string{"syria.txt#s4"},
				Reports: 2, Articles: []string{"syria.txt", "https://example.org/g20.html"}, Members: []int{0, 2}, Key: true, Detailed: true, Cohesion: 0.41, Importance: 1.6},
			{ID: "story-2", Title: "Ministers in Genève agree a grain corridor — for now", Text: "Ministers in Genève agreed a 90‑day grain corridor.", Sources: []string{"grain.txt#s1"},
				Reports: 1, Articles: []string{"grain.txt"}, Members: []int{1}, Key: true, Detailed: true, Cohesion: 1, Importance: 1.2},
			{ID: "story-3", Title: "The port of Kessel reopened on Friday after a two-week strike by dockers", Text: "The port of Kessel reopened on Friday after a two-week strike by dockers.", Sources: []string{"port.txt#s1"},
				Reports: 1, Articles: []string{"port.txt"}, Members: []int{3}, Cohesion: 1, Importance: 0.9},
		},
		Articles: []digest.Article{
			{Input: "syria.txt", Title: "No deal on Syria as Obama and Putin meet", Story: "story-1", Briefing: syriaBriefing()},
			{Input: "grain.txt", Title: "Ministers in Genève agree a grain corridor — for now", Story: "story-2", Briefing: unicodeBriefing()},
			{Input: "https://example.org/g20.html", Title: "G20 ends with few results", URL: "https://example.org/g20.html", Story: "story-1", Briefing: &brief.Briefing{
				Title:      "G20 ends with few results",
				Meta:       brief.Meta{Source: "Example News", Sentences: 12},
				BottomLine: []brief.Bullet{bullet("The summit closed without a statement on Syria.", "s2")},
				KeyPoints:  []brief.Bullet{bullet("Leaders agreed on trade language only.", "s3")},
			}},
			{Input: "port.txt", Title: "The port of Kessel reopened on Friday after a two-week strike by dockers", TitleDerived: true, Story: "story-3", Briefing: &brief.Briefing{
				Meta:       brief.Meta{Source: "Wire", Sentences: 6},
				BottomLine: []brief.Bullet{bullet("The port of Kessel reopened on Friday after a two-week strike by dockers.", "s1")},
				KeyPoints:  []brief.Bullet{bullet("Ships had queued for days outside the harbour.", "s2")},
			}},
		},
	}
}
