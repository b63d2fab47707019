package brief

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

// changelog is a release note whose lines a page separates with <br>.
var changelog = strings.Join([]string{
	"Version 4.2 fixes the crash when a report has no title.",
	"The export to PDF keeps the page margins.",
	"Searching by date now accepts ranges such as 2024-2026.",
	"The settings window remembers its size.",
	"Translations were updated for Dutch and Polish.",
	"Large attachments upload in the background.",
	"The command line tool prints its version with --version.",
}, "\n")

// japanesePage and chinesePage are short news reports written for these
// tests.
var japanesePage = Page{
	Title:  "北浜市、新しい路面電車の路線を発表",
	Byline: "佐藤健一",
	Lang:   "ja",
	Blocks: []Block{
		{Text: "佐藤健一 記者"},
		{Text: "北浜市は十五日、市の中心部と港を結ぶ新しい路面電車の路線を建設すると発表した。総事業費はおよそ三百億円で、二〇二八年の開業を目指す。"},
		{Text: "市長の山田和子氏は記者会見で「渋滞の解消と観光の振興につなげたい。」と述べた。新路線は全長約七キロで、十二の停留所を設ける計画だ。"},
		{Text: "一方、沿線の商店街からは工事中の売り上げ減少を心配する声も上がっている。市は説明会を来月から順次開く方針だ。"},
	},
}

var chinesePage = Page{
	Title: "河口市宣布新建跨江大桥计划",
	Lang:  "zh-CN",
	Blocks: []Block{
		{Text: "河口市政府周二宣布，将在未来三年内投资八十亿元建设一座新的跨江大桥。市长李文华在新闻发布会上表示，这座大桥将把城市东西两岸的通勤时间缩短一半。"},
		{Text: "根据规划，大桥全长约四公里，设有六条车道和一条自行车道。工程预计明年春季动工，二〇二九年底前通车！"},
		{Text: "部分居民担心施工期间的噪音和交通拥堵问题。市交通局回应称，将在施工区域设置临时绕行路线，并限制夜间作业时间。"},
	},
}

// mustParsePage parses pg, failing the test on error.
func mustParsePage(t *testing.T, pg Page) *Document {
	t.Helper()
	doc, err := ParsePage(pg)
	if err != nil {
		t.Fatalf("ParsePage: %v", err)
	}
	checkDocument(t, doc)
	return doc
}

// sentenceTexts returns the texts of doc's sentences.
func sentenceTexts(doc *Document) []string {
	var out []string
	for _, s := range doc.Sentences() {
		out = append(out, s.Text)
	}
	return out
}

func TestParsePage(t *testing.T) {
	body := Block{Text: "The council approved the budget on Tuesday after a long debate. Work starts in May."}
	tests := []struct {
		name          string
		page          Page
		title, byline string
		role          string
		published     string
		sentences     []string // the document's sentences, when set
		dropped       []string // among Dropped
		headings      []string // section headings, when set
	}{
		{name: "headline ending in an abbreviation stays the title",
			page:  Page{Title: "Subway fares rise in N.Y.C.", Blocks: []Block{body}},
			title: "Subway fares rise in N.Y.C."},
		{name: "byline with a web address in parentheses",
			page:   Page{Title: "Notes on licences", Byline: "By Bradley M. Kuhn (http://example.org/~bkuhn/)", Blocks: []Block{body}},
			title:  "Notes on licences",
			byline: "Bradley M. Kuhn"},
		{name: "byline with a date and an update stamp",
			page:   Page{Title: "T", Byline: "By Harbour Desk Staff | November 18, 2025 at 2:26 PM HST - Updated November 18 at 4:46 PM", Blocks: []Block{body}},
			byline: "Harbour Desk Staff", title: "T"},
		{name: "byline with a handle and a role",
			page:   Page{Title: "T", Byline: "Jane Roe, Science Correspondent @janeroe", Blocks: []Block{body}},
			byline: "Jane Roe", role: "Science Correspondent", title: "T"},
		{name: "byline and headline repeated in the body are dropped",
			page: Page{Title: "Budget passes", Byline: "Jane Roe", Blocks: []Block{
				{Text: "Budget passes", Heading: true}, {Text: "By Jane Roe - 11/18/25 11:04 PM EST"}, body}},
			title: "Budget passes", byline: "Jane Roe",
			sentences: []string{"The council approved the budget on Tuesday after a long debate.", "Work starts in May."},
			dropped:   []string{"Budget passes", "By Jane Roe - 11/18/25 11:04 PM EST"}},
		{name: "blog stamp with the author",
			page:   Page{Title: "T", Blocks: []Block{{Text: "Posted on Maret 30, 2015 by Admin"}, body}},
			title:  "T",
			byline: "Admin", dropped: []string{"Posted on Maret 30, 2015 by Admin"}},
		{name: "publication stamps in the header are dropped",
			page: Page{Title: "T", Blocks: []Block{{Text: "November 20, 2019 / 1:07 AM / CBS News"},
				{Text: "USA TODAY Published 7:07 PM EST Nov 19, 2019"}, body}},
			title:     "T",
			sentences: []string{"The council approved the budget on Tuesday after a long debate.", "Work starts in May."},
			dropped:   []string{"November 20, 2019 / 1:07 AM / CBS News", "USA TODAY Published 7:07 PM EST Nov 19, 2019"}},
		{name: "a sentence set as a heading is a paragraph",
			page:      Page{Title: "T", Blocks: []Block{{Text: "The brain behind this startup is said to be a pair of engineers from Pune.", Heading: true}, body}},
			title:     "T",
			sentences: []string{"The brain behind this startup is said to be a pair of engineers from Pune.", "The council approved the budget on Tuesday after a long debate.", "Work starts in May."}},
		{name: "byline found in the body when the page gave none",
			page:   Page{Title: "T", Blocks: []Block{{Text: "By Omar Haddad"}, body}},
			title:  "T",
			byline: "Omar Haddad", sentences: []string{"The council approved the budget on Tuesday after a long debate.", "Work starts in May."}},
		{name: "lines separated by line breaks are sentences of their own",
			page:      Page{Title: "Release notes", Blocks: []Block{{Text: changelog}}},
			title:     "Release notes",
			sentences: strings.Split(changelog, "\n")},
		{name: "a line break inside a sentence only wraps it",
			page:      Page{Title: "T", Blocks: []Block{{Text: "The council approved the budget\non Tuesday after a long debate."}}},
			title:     "T",
			sentences: []string{"The council approved the budget on Tuesday after a long debate."}},
		{name: "captions and credits are dropped",
			page: Page{Title: "T", Dropped: []string{"A ferry leaves the harbour."}, Blocks: []Block{
				{Text: "© Provided by Business Insider"},
				body,
				{Text: "Photo: Jane Roe/Reuters"},
				{Text: "Ana Lima / Getty Images"},
				{Text: "(Photo Credit : File Photo )"},
				{Text: "Start your day with the Morning Ledger. The Ledger is read by bankers everywhere. Sign up for the free daily newsletter."},
				{Text: "The Harbour Post, 12 Quay Street, Port Ellis | 555-010-2000 tel | 555-010-2001 fax"},
				{Text: "The mayor (left) and the harbour master at the pier AP"},
				{Text: "The ferry at the quay, Nov. 13, 2025.Ana Lima | Bloomberg | Getty Images"},
				{Text: "In this Sunday, Nov. 10, 2025, photo, a ferry leaves the harbour. (AP Photo/Ana Lima)"},
				{Text: "The mayor said the ferry would keep running. © Provided by Business Insider"},
			}},
			title: "T",
			sentences: []string{"The council approved the budget on Tuesday after a long debate.", "Work starts in May.",
				"The mayor said the ferry would keep running."},
			dropped: []string{"© Provided by Business Insider", "A ferry leaves the harbour.", "© Provided by Business Insider", "Photo: Jane Roe/Reuters",
				"Ana Lima / Getty Images", "(Photo Credit : File Photo )"}},
		{name: "control characters never reach the document",
			page:  Page{Title: "Budget\x1b[31m passes\a", Byline: "Jane\x07 Roe", Blocks: []Block{{Text: "The council\x1b approved the budget.\x07 Work starts in May."}}},
			title: "Budget[31m passes", byline: "Jane Roe",
			sentences: []string{"The council approved the budget.", "Work starts in May."}},
		{name: "headings open sections; an empty one is dropped",
			page: Page{Title: "T", Published: "2 March 2026", Blocks: []Block{
				body, {Text: "What comes next", Heading: true}, {Text: "The mayor will present the plan in April."},
				{Text: "Related", Heading: true}}},
			title: "T", published: "2 March 2026",
			headings: []string{"", "What comes next"}, dropped: []string{"Related"}},
		{name: "site name after the headline is dropped",
			page:  Page{Title: "Budget passes | The Daily Meridian", Site: "The Daily Meridian", Blocks: []Block{body}},
			title: "Budget passes"},
		{name: "site name after a headline the page shows is dropped",
			page:  Page{Title: "Budget passes - Meridian", Blocks: []Block{{Text: "Budget passes", Heading: true}, body}},
			title: "Budget passes"},
		{name: "a colon in a headline stays",
			page:  Page{Title: "Budget: council votes yes", Site: "Meridian", Blocks: []Block{body}},
			title: "Budget: council votes yes"},
		{name: "first heading is the title when the page has none",
			page:  Page{Blocks: []Block{{Text: "Budget passes", Heading: true}, body}},
			title: "Budget passes"},
		{name: "dateline",
			page:      Page{Title: "T", Blocks: []Block{{Text: "OSLO (Reuters) - The council approved the budget."}}},
			title:     "T",
			sentences: []string{"The council approved the budget."}},
		{name: "Japanese",
			page:   japanesePage,
			title:  "北浜市、新しい路面電車の路線を発表",
			byline: "佐藤健一",
			sentences: []string{
				"北浜市は十五日、市の中心部と港を結ぶ新しい路面電車の路線を建設すると発表した。",
				"総事業費はおよそ三百億円で、二〇二八年の開業を目指す。",
				"市長の山田和子氏は記者会見で「渋滞の解消と観光の振興につなげたい。」と述べた。",
				"新路線は全長約七キロで、十二の停留所を設ける計画だ。",
				"一方、沿線の商店街からは工事中の売り上げ減少を心配する声も上がっている。",
				"市は説明会を来月から順次開く方針だ。",
			},
			dropped: []string{"佐藤健一 記者"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := mustParsePage(t, tt.page)
			if doc.Title != tt.title {
				t.Errorf("Title = %q, want %q", doc.Title, tt.title)
			}
			if doc.Byline.Name != tt.byline || doc.Byline.Role != tt.role {
				t.Errorf("Byline = %+v, want name %q, role %q", doc.Byline, tt.byline, tt.role)
			}
			if doc.Published != tt.published {
				t.Errorf("Published = %q, want %q", doc.Published, tt.published)
			}
			if got := sentenceTexts(doc); tt.sentences != nil && !slices.Equal(got, tt.sentences) {
				t.Errorf("sentences:\n got  %q\n want %q", got, tt.sentences)
			}
			for _, d := range tt.dropped {
				if !slices.Contains(doc.Dropped, d) {
					t.Errorf("Dropped %q lacks %q", doc.Dropped, d)
				}
			}
			if tt.headings != nil {
				var got []string
				for _, s := range doc.Sections {
					got = append(got, s.Heading)
				}
				if !slices.Equal(got, tt.headings) {
					t.Errorf("headings = %q, want %q", got, tt.headings)
				}
			}
		})
	}
}

func TestParsePageLangSite(t *testing.T) {
	doc := mustParsePage(t, Page{Title: "T", Site: "The Daily\tMeridian", Lang: "en-GB",
		Blocks: []Block{{Text: "The council approved the budget."}}})
	if doc.Site != "The Daily Meridian" || doc.Lang != "en-GB" {
		t.Errorf("Site, Lang = %q, %q", doc.Site, doc.Lang)
	}
}

func TestParsePageErrors(t *testing.T) {
	for _, pg := range []Page{
		{},
		{Title: "Only a title"},
		{Title: "T", Blocks: []Block{{Text: "Photo: Jane Roe/Reuters"}, {Text: "  \n "}}},
	} {
		if _, err := ParsePage(pg); !errors.Is(err, ErrNoSentences) {
			t.Errorf("ParsePage(%+v) err = %v, want ErrNoSentences", pg, err)
		}
	}
}

// TestParsePageBriefing checks that pages in Chinese and Japanese give a
// briefing with key points that are whole sentences of the page.
func TestParsePageBriefing(t *testing.T) {
	for _, pg := range []Page{japanesePage, chinesePage} {
		t.Run(pg.Lang, func(t *testing.T) {
			doc := mustParsePage(t, pg)
			b := Summarize(doc, Options{})
			if len(b.KeyPoints) < 3 || len(b.BottomLine) == 0 {
				t.Fatalf("%d key points, %d bottom line bullets; want 3 or more and 1 or more", len(b.KeyPoints), len(b.BottomLine))
			}
			for _, kp := range b.KeyPoints {
				s, ok := doc.SentenceByID(kp.Sources[0])
				if !ok || s.Text != kp.Text {
					t.Errorf("key point %q is not its sentence %q", kp.Text, s.Text)
				}
			}
			// The same article as plain text.
			text := mustParse(t, pg.Text())
			if text.Title != pg.Title || len(text.Sentences()) < len(doc.Sentences()) {
				t.Errorf("as text: title %q, %d sentences; want %q, %d or more", text.Title, len(text.Sentences()), pg.Title, len(doc.Sentences()))
			}
			if b := Summarize(text, Options{}); len(b.KeyPoints) < 3 {
				t.Errorf("as text: %d key points, want 3 or more", len(b.KeyPoints))
			}
		})
	}
}

func TestPageText(t *testing.T) {
	pg := Page{Title: "Budget passes", Byline: "Jane Roe", Published: "2 March 2026",
		Blocks: []Block{{Text: "First line.\nSecond line."}, {Text: "More", Heading: true}, {Text: "Last\x1b paragraph."}}}
	want := "Budget passes\n\nBy Jane Roe\n\nPUBLISHED: 2 March 2026\n\nFirst line.\nSecond line.\n\nMore\n\nLast paragraph.\n"
	if got := pg.Text(); got != want {
		t.Errorf("Text() = %q, want %q", got, want)
	}
}

func FuzzParsePage(f *testing.F) {
	f.Add("Title", "By Jane Roe (http://x.org)", "Body text. More text.\n\nSecond\nline.")
	f.Add("N.Y.C.", "", "市は発表した。計画だ！\n\n© Provided by X")
	f.Add("", "\x1b", "Heading\n\n\x07Para one.")
	f.Add("Talks", "", "The talks ended on Monday without a deal.\n\nThe talks on the border ended on Monday, a post said.\n\nMore talks are due.")
	f.Fuzz(func(t *testing.T, title, byline, body string) {
		var blocks []Block
		for i, b := range strings.Split(body, "\n\n") {
			blocks = append(blocks, Block{Text: b, Heading: i%3 == 2, Embed: i%4 == 1})
		}
		doc, err := ParsePage(Page{Title: title, Byline: byline, Blocks: blocks, Dropped: []string{body}})
		if err != nil {
			if !errors.Is(err, ErrNoSentences) {
				t.Fatalf("ParsePage: unexpected error %v", err)
			}
			return
		}
		checkDocument(t, doc)
		embed := map[string]bool{}
		for _, s := range doc.Sentences() {
			embed[s.ID] = doc.Sections[s.Section].Paragraphs[s.Paragraph].Embed
		}
		for _, kp := range Summarize(doc, Options{}).KeyPoints {
			if embed[kp.Sources[0]] {
				t.Errorf("key point %q from an embedded post", kp.Text)
			}
		}
		fields := []string{doc.Title, doc.Byline.Name, doc.Byline.Role, doc.Standfirst, doc.Dateline.Place, doc.Dateline.Source}
		for _, s := range doc.Sentences() {
			fields = append(fields, s.Text)
		}
		for _, f := range fields {
			if strings.ContainsFunc(f, func(r rune) bool { return r < 0x20 || r == 0x7F }) {
				t.Errorf("control character in %q", f)
			}
		}
	})
}

// TestSummarizeLines checks that an article of lines rather than
// sentences (a changelog whose lines have no full stops) still gives key
// points, its lines less their list markers, and that a few words still
// give none.
func TestSummarizeLines(t *testing.T) {
	doc := mustParsePage(t, Page{Title: "Ledgerly 4.2", Blocks: []Block{{Text: strings.Join([]string{
		"+ Added export of reports to spreadsheets with formulas kept",
		"+ Added a dark theme for the settings window",
		"- Fixed the crash when a report has no title at all",
		"- Fixed slow start-up on machines with many fonts installed",
	}, "\n")}}})
	b := Summarize(doc, Options{})
	if len(b.KeyPoints) < 3 {
		t.Fatalf("%d key points, want 3 or more", len(b.KeyPoints))
	}
	for _, kp := range b.KeyPoints {
		if !strings.HasPrefix(kp.Text, "Added ") && !strings.HasPrefix(kp.Text, "Fixed ") {
			t.Errorf("key point %q keeps its list marker", kp.Text)
		}
	}
	doc = mustParsePage(t, Page{Title: "T", Blocks: []Block{{Text: "no sentence here"}}})
	if b := Summarize(doc, Options{}); len(b.KeyPoints) != 0 {
		t.Errorf("key points %+v from three words", b.KeyPoints)
	}
}
