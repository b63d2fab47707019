package brief

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/brief-dev/brief/brief/decode"
	"github.com/brief-dev/brief/internal/golden"
)

// mustParse parses text, failing the test on error.
func mustParse(t *testing.T, text string) *Document {
	t.Helper()
	doc, err := Parse(text)
	if err != nil {
		t.Fatalf("Parse(%.60q): %v", text, err)
	}
	checkDocument(t, doc)
	return doc
}

// firstSentence returns the text of s1.
func firstSentence(doc *Document) string {
	if ss := doc.Sentences(); len(ss) > 0 {
		return ss[0].Text
	}
	return ""
}

func TestParseDateline(t *testing.T) {
	tests := []struct {
		name, in          string
		place, source, s1 string
	}{
		{"cnn place em dash", "HANGZHOU, China (CNN) — US President Barack Obama met Putin.", "HANGZHOU, China", "CNN", "US President Barack Obama met Putin."},
		{"cnn glued", "(CNN)The U.S. military has left.", "", "CNN", "The U.S. military has left."},
		{"cnn glued with place", "Sanaa, Yemen (CNN)The U.S. military has left.", "Sanaa, Yemen", "CNN", "The U.S. military has left."},
		{"cnn double hyphen", "(CNN) -- A storm hit the coast.", "", "CNN", "A storm hit the coast."},
		{"reuters", "WASHINGTON (Reuters) - Prices rose in May.", "WASHINGTON", "Reuters", "Prices rose in May."},
		{"ap", "LONDON (AP) — The queen waved.", "LONDON", "AP", "The queen waved."},
		{"en dash", "PARIS (AFP) – Talks resumed.", "PARIS", "AFP", "Talks resumed."},
		{"three part place", "Chao Hu, Anhui, China (CNN)Six-year-old Lu is a handful.", "Chao Hu, Anhui, China", "CNN", "Six-year-old Lu is a handful."},
		{"other source glued", "(The Hollywood Reporter)Melissa is ready to fly.", "", "The Hollywood Reporter", "Melissa is ready to fly."},
		{"quote after cnn", `(CNN)"We are done," she said.`, "", "CNN", `"We are done," she said.`},
		{"capital place dash", "KYIV, Ukraine — Sirens sounded overnight.", "KYIV, Ukraine", "", "Sirens sounded overnight."},
		{"ticker is not a dateline", "Apple (AAPL) shares rose on Monday.", "", "", "Apple (AAPL) shares rose on Monday."},
		{"no dateline", "The council met on Monday.", "", "", "The council met on Monday."},
		{"dateline after a long paragraph", strings.Repeat("A long teaser sentence goes on. ", 25) + "\n\nLONDON (AP) — Rain fell.", "LONDON", "AP", "A long teaser sentence goes on."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := mustParse(t, tt.in)
			if doc.Dateline.Place != tt.place || doc.Dateline.Source != tt.source {
				t.Errorf("dateline = %+v, want place %q source %q", doc.Dateline, tt.place, tt.source)
			}
			if got := firstSentence(doc); got != tt.s1 {
				t.Errorf("first sentence = %q, want %q", got, tt.s1)
			}
		})
	}
}

func TestParseByline(t *testing.T) {
	tests := []struct {
		name, in   string
		want       Byline
		inDropped  string
		bodyPrefix string
	}{
		{name: "name and role", in: "Title here\n\nThe talks ended.\n\nBy Kevin Liptak CNN White House Producer",
			want: Byline{Name: "Kevin Liptak", Role: "CNN White House Producer"}},
		{name: "daily mail dots", in: "By . Daily Mail Reporter .\n\nThe council said no.",
			want: Byline{Name: "Daily Mail Reporter"}},
		{name: "comma role", in: "By Jane Roe, Reuters\n\nPrices rose.",
			want: Byline{Name: "Jane Roe", Role: "Reuters"}},
		{name: "two authors", in: "By Ann Lee and Bo Park, CNN\n\nPrices rose.",
			want: Byline{Name: "Ann Lee and Bo Park", Role: "CNN"}},
		{name: "correspondent", in: "By Sam Poe Diplomatic Correspondent\n\nPrices rose.",
			want: Byline{Name: "Sam Poe", Role: "Diplomatic Correspondent"}},
		{name: "joined prefix", in: "By . Daily Mail Reporter . The council said no. It was final.",
			want: Byline{Name: "Daily Mail Reporter"}, bodyPrefix: "The council said no."},
		{name: "sentence starting with By is body", in: "By Monday, the talks had failed.\n\nThey resumed.",
			want: Byline{}, bodyPrefix: "By Monday, the talks had failed."},
		{name: "second byline is dropped", in: "By Ann Lee\n\nPrices rose.\n\nBy Bo Park",
			want: Byline{Name: "Ann Lee"}, inDropped: "By Bo Park"},
		{name: "Japanese name", in: "北浜市、路面電車の路線を発表\n\nBy 佐藤健一\n\n北浜市は十五日、新しい路線を建設すると発表した。",
			want: Byline{Name: "佐藤健一"}, bodyPrefix: "北浜市は十五日、新しい路線を建設すると発表した。"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := mustParse(t, tt.in)
			if doc.Byline != tt.want {
				t.Errorf("byline = %+v, want %+v", doc.Byline, tt.want)
			}
			if tt.inDropped != "" && !slices.Contains(doc.Dropped, tt.inDropped) {
				t.Errorf("dropped = %q, want it to hold %q", doc.Dropped, tt.inDropped)
			}
			if tt.bodyPrefix != "" && firstSentence(doc) != tt.bodyPrefix {
				t.Errorf("first sentence = %q, want %q", firstSentence(doc), tt.bodyPrefix)
			}
			for _, s := range doc.Sentences() {
				if strings.HasPrefix(s.Text, "By ") && tt.want.Name != "" {
					t.Errorf("byline left in body: %q", s.Text)
				}
			}
		})
	}
}

func TestParseStamp(t *testing.T) {
	tests := []struct {
		name, in, want, s1 string
	}{
		{"published updated", "PUBLISHED: 12:34 EST, 1 January 2014 | UPDATED: 13:00 EST, 1 January 2014\n\nThe bridge opened.",
			"12:34 EST, 1 January 2014", "The bridge opened."},
		{"last updated", "Last updated at 9:52 AM on 3rd January 2012\n\nThe bridge opened.",
			"9:52 AM on 3rd January 2012", "The bridge opened."},
		{"published on date", "Published on March 3, 2015\n\nThe bridge opened.",
			"March 3, 2015", "The bridge opened."},
		{"date line", "March 18, 2015\n\nThe bridge opened.", "March 18, 2015", "The bridge opened."},
		{"joined date", "March 18, 2015 . Israelis have voted.", "March 18, 2015", "Israelis have voted."},
		{"joined daily mail header", "By . Mail Reporter . PUBLISHED: . 08:12 EST, 2 January 2014 . | . UPDATED: . 09:40 EST, 2 January 2014 . The council said no.",
			"08:12 EST, 2 January 2014", "The council said no."},
		{"published as a word is body", "Published in 1999, the book sold well.\n\nIt was reprinted.", "", "Published in 1999, the book sold well."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := mustParse(t, tt.in)
			if doc.Published != tt.want {
				t.Errorf("published = %q, want %q", doc.Published, tt.want)
			}
			if got := firstSentence(doc); got != tt.s1 {
				t.Errorf("first sentence = %q, want %q", got, tt.s1)
			}
		})
	}
}

func TestParseBoilerplate(t *testing.T) {
	lines := []string{
		"This is an archived article and the information in the article may be outdated.",
		"Notice: you are using an outdated browser. Please upgrade your browser.",
		"Click here to read the full report",
		"Read more: Why the talks failed",
		"Share this article",
		"Sign up for our daily newsletter",
		"Follow us on Twitter",
		"Copyright 2016 Example News. All rights reserved.",
		"© 2016 Example News",
		"Image copyright Getty Images",
		"Getty Images",
		"Advertisement",
		"We use cookies to improve your experience.",
		"Story highlights",
		"Reporting by Ann Lee; Editing by Bo Park",
		"Image caption The barrier at dawn",
		"Scroll down for video",
		"US professor Kevin King (left) and his colleague Timothy Weeks AP",
		"Let us know what you think in the comments below.",
	}
	for _, line := range lines {
		t.Run(line, func(t *testing.T) {
			in := "Talks resume\n\nThe ministers met on Monday. They agreed to meet again.\n\n" + line + "\n\nThe next round is in May."
			doc := mustParse(t, in)
			if !slices.Contains(doc.Dropped, line) {
				t.Errorf("dropped = %q, want it to hold %q", doc.Dropped, line)
			}
			for _, s := range doc.Sentences() {
				if strings.Contains(s.Text, line) {
					t.Errorf("boilerplate kept in %s: %q", s.ID, s.Text)
				}
			}
			if n := len(doc.Sentences()); n != 3 {
				t.Errorf("%d sentences, want 3", n)
			}
		})
	}
	for _, tt := range []struct {
		name, in string
		dropped  []string
		kept     int
	}{
		{"contributor credit ends the article", "(CNN)Talks failed. They resume in May. CNN's Ann Lee contributed to this report.",
			[]string{"CNN's Ann Lee contributed to this report."}, 2},
		{"credit with where from", "(CNN)Talks failed. They resume in May. Bo Park contributed reporting from Seoul.",
			[]string{"Bo Park contributed reporting from Seoul."}, 2},
		{"a call to comment", "(CNN)Talks failed. They resume in May. Share your thoughts with Ann Lee on Twitter.",
			[]string{"Share your thoughts with Ann Lee on Twitter."}, 2},
		{"a quoted call is body", "(CNN)Talks failed. \"Let us know what you need,\" the mayor told residents.",
			nil, 2},
		{"a claim about contributors is body", "(CNN)Talks failed. Hundreds of volunteers contributed to this report, the UN said.",
			nil, 2},
	} {
		t.Run(tt.name, func(t *testing.T) {
			doc := mustParse(t, tt.in)
			if !slices.Equal(doc.Dropped, tt.dropped) {
				t.Errorf("dropped = %q, want %q", doc.Dropped, tt.dropped)
			}
			if n := len(doc.Sentences()); n != tt.kept {
				t.Errorf("%d sentences, want %d", n, tt.kept)
			}
		})
	}
	t.Run("inline read more sentence", func(t *testing.T) {
		doc := mustParse(t, "(CNN)Talks failed. Read more: Why talks fail . They resume in May.")
		if !slices.Contains(doc.Dropped, "Read more: Why talks fail .") {
			t.Errorf("dropped = %q", doc.Dropped)
		}
		if n := len(doc.Sentences()); n != 2 {
			t.Errorf("%d sentences, want 2", n)
		}
	})
	t.Run("cnn dateline inside the body", func(t *testing.T) {
		doc := mustParse(t, "(CNN)Talks failed. Atlanta (CNN) -- Rain fell. It stopped.")
		if !slices.Contains(doc.Dropped, "Atlanta (CNN) --") {
			t.Errorf("dropped = %q", doc.Dropped)
		}
		if got := doc.Sentences()[1].Text; got != "Rain fell." {
			t.Errorf("s2 = %q, want %q", got, "Rain fell.")
		}
	})
	t.Run("body mentioning copyright is kept", func(t *testing.T) {
		doc := mustParse(t, "The court ruled on copyright law. The songwriters won.")
		if len(doc.Dropped) != 0 || len(doc.Sentences()) != 2 {
			t.Errorf("dropped = %q, sentences = %d", doc.Dropped, len(doc.Sentences()))
		}
	})
}

func TestParseHeadings(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string // section headings in order
	}{
		{"two headings", "Title\n\nLead para. More.\n\nCautious optimism\n\nBody one.\n\nRussia and the US\n\nBody two.",
			[]string{"", "Cautious optimism", "Russia and the US"}},
		{"heading line joined to its paragraph", "Title\n\nLead para. More.\n\nWhat comes next\nThe ministers will meet again in May, officials said on Monday.",
			[]string{"", "What comes next"}},
		{"no blank lines", "Title\nLead para here.\nNext steps\nThe ministers will meet again.",
			[]string{"", "Next steps"}},
		{"trailing short line is not a heading", "Title\n\nLead para. More.\n\nThe end",
			[]string{""}},
		{"sentence is not a heading", "Title\n\nLead para.\n\nIt rained.\n\nMore text.",
			[]string{""}},
		{"heading first", "Title\n\nBackground\n\nThe war began in 2011.",
			[]string{"Background"}},
		{"list of short lines is body", "Title\n\nThey bought:\n\nApples\n\nPears\n\nPlums\n\nThe market closed.",
			[]string{""}},
		{"heading after a byline", "Title\n\nLead para.\n\nBy Ann Lee\n\nOutlook\n\nMore talks are due.",
			[]string{"", "Outlook"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := mustParse(t, tt.in)
			var got []string
			for _, s := range doc.Sections {
				got = append(got, s.Heading)
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("headings = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestParseTitleAndStandfirst(t *testing.T) {
	tests := []struct {
		name, in, title, standfirst, s1 string
	}{
		{"bbc", "Ad sales boost profit\n\nProfits jumped 76%.\n\nSales rose.", "Ad sales boost profit", "", "Profits jumped 76%."},
		{"quoted title", "Verizon 'seals takeover'\n\nVerizon won.", "Verizon 'seals takeover'", "", "Verizon won."},
		{"caption before dateline", "Leaders meet\n\nThe president arrives in Hangzhou on Monday.\n\nHANGZHOU, China (CNN) — The leaders met.",
			"Leaders meet", "The president arrives in Hangzhou on Monday.", "The leaders met."},
		{"no title when first line is a sentence", "The leaders met.\n\nThey talked.", "", "", "The leaders met."},
		{"single line", "(CNN)The leaders met. They talked.", "", "", "The leaders met."},
		{"title ending with an agency's name", "Weak dollar hits Reuters\n\nRevenues slipped 11%.\n\nProfits rose.", "Weak dollar hits Reuters", "", "Revenues slipped 11%."},
		{"dateline first line is not a title", "LONDON (AP) — Rain\n\nIt rained.", "", "", "Rain"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := mustParse(t, tt.in)
			if doc.Title != tt.title {
				t.Errorf("title = %q, want %q", doc.Title, tt.title)
			}
			if doc.Standfirst != tt.standfirst {
				t.Errorf("standfirst = %q, want %q", doc.Standfirst, tt.standfirst)
			}
			if got := firstSentence(doc); got != tt.s1 {
				t.Errorf("first sentence = %q, want %q", got, tt.s1)
			}
		})
	}
}

func TestParseHardWrapped(t *testing.T) {
	in := "The ministers met on Monday in the capital and agreed to\n" +
		"meet again in May, after a day of talks that both sides\n" +
		"called useful. The next round will cover the port and\n" +
		"the railway."
	doc := mustParse(t, in)
	ss := doc.Sentences()
	if len(ss) != 2 || !strings.HasSuffix(ss[0].Text, "called useful.") || ss[1].Text != "The next round will cover the port and the railway." {
		t.Errorf("sentences = %+v", ss)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, in string
		want     error
	}{
		{"empty", "", ErrEmpty},
		{"blank", " \n\t\r\n ", ErrEmpty},
		{"binary", "abc\x00def", ErrBinary},
		{"control bytes", strings.Repeat("\x01\x02a", 20), ErrBinary},
		{"punctuation only", "... --- !!!", ErrNoSentences},
		{"title and boilerplate only", "Just a title\n\nShare this article", ErrNoSentences},
		{"only boilerplate", "Share this article\n\nClick here to subscribe", ErrNoSentences},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Parse(tt.in)
			if !errors.Is(err, tt.want) {
				t.Errorf("Parse = %v, %v; want error %v", doc, err, tt.want)
			}
		})
	}
}

// TestParseArticles checks the bundled article and the test articles in
// testdata/parse against golden JSON files (regenerate with -update).
func TestParseArticles(t *testing.T) {
	files, err := filepath.Glob("../testdata/parse/*.txt")
	if err != nil {
		t.Fatal(err)
	}
	files = append([]string{"../testdata/no-deal-on-syria.txt"}, files...)
	for _, in := range files {
		t.Run(filepath.Base(in), func(t *testing.T) {
			raw, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			text, _, err := decode.Text(raw)
			if err != nil {
				t.Fatal(err)
			}
			doc := mustParse(t, text)
			got, err := json.MarshalIndent(doc, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			golden.Check(t, strings.TrimSuffix(in, ".txt")+".parse.json", got)
		})
	}
}

func TestParseBundledArticle(t *testing.T) {
	raw, err := os.ReadFile("../testdata/no-deal-on-syria.txt")
	if err != nil {
		t.Fatal(err)
	}
	text, _, err := decode.Text(raw)
	if err != nil {
		t.Fatal(err)
	}
	doc := mustParse(t, text)
	if doc.Title != "No deal on Syria as Obama and Putin meet" {
		t.Errorf("title = %q", doc.Title)
	}
	if !strings.Contains(doc.Dateline.Place, "HANGZHOU") || doc.Dateline.Source != "CNN" {
		t.Errorf("dateline = %+v", doc.Dateline)
	}
	if doc.Byline.Name != "Kevin Liptak" {
		t.Errorf("byline = %+v", doc.Byline)
	}
	if !strings.HasPrefix(doc.Standfirst, "President Barack Obama wraps up") {
		t.Errorf("standfirst = %q", doc.Standfirst)
	}
	var heads []string
	for _, s := range doc.Sections {
		heads = append(heads, s.Heading)
	}
	if strings.Join(heads, "|") != "|Cautious optimism|Russia and the US" {
		t.Errorf("headings = %q", heads)
	}
	notices := []string{"This is an archived article", "you are using an outdated browser"}
	for _, n := range notices {
		found := false
		for _, d := range doc.Dropped {
			found = found || strings.Contains(d, n)
		}
		if !found {
			t.Errorf("notice %q not in dropped %q", n, doc.Dropped)
		}
	}
	ss := doc.Sentences()
	if len(ss) < 30 || len(ss) > 45 {
		t.Errorf("%d sentences, want 30 to 45", len(ss))
	}
	for _, s := range ss {
		for _, n := range notices {
			if strings.Contains(s.Text, n) {
				t.Errorf("notice in %s: %q", s.ID, s.Text)
			}
		}
		if strings.Contains(s.Text, "(CNN)") || strings.Contains(s.Text, "Liptak") {
			t.Errorf("dateline or byline in %s: %q", s.ID, s.Text)
		}
	}
	if !strings.HasPrefix(firstSentence(doc), "US President Barack Obama and his Russian counterpart") {
		t.Errorf("s1 = %q", firstSentence(doc))
	}
}
