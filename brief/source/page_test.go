package source

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/brief-dev/brief/brief"
)

// webdata holds the test pages that testdata/web/make-pages.py writes.
const webdata = "../../testdata/web"

// mojibake matches UTF-8 read as Windows-1252 ("â€™", "Ã©").
var mojibake = regexp.MustCompile("[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]")

// pageCase is what a test page must give.
type pageCase struct {
	file      string
	title     string
	byline    string
	contains  []string // in the document's sentences
	dropped   []string // in Dropped
	notKey    []string // in no key point
	sentences int      // at least this many sentences
}

// harbour are the words of the English test pages that a wrong character
// set would garble.
var harbour = []string{"city’s east side", "café-lined waterfront", "“We are ready to start building this summer,” said Renée Duval"}

var pageCases = []pageCase{
	{file: "bom.html", title: "Harbour authority approves new ferry terminal", byline: "Marta Lindqvist", contains: harbour},
	{file: "late-meta-utf8.html", title: "Harbour authority approves new ferry terminal", byline: "Marta Lindqvist", contains: harbour},
	{file: "undeclared-utf8.html", title: "Harbour authority approves new ferry terminal", byline: "Marta Lindqvist", contains: harbour},
	{file: "windows-1252.html", title: "Harbour authority approves new ferry terminal", byline: "Marta Lindqvist", contains: harbour},
	{file: "late-meta-windows-1252.html", title: "Harbour authority approves new ferry terminal", byline: "Marta Lindqvist", contains: harbour},
	{file: "late-meta-latin1.html", title: "Harbour authority approves new ferry terminal", byline: "Marta Lindqvist",
		contains: []string{"city's east side", "café-lined waterfront", "said Renée Duval"}},
	{file: "br-lines.html", title: "Ledgerly 4.2 released", byline: "Tomas Reyes", sentences: 12,
		contains: []string{"Version 4.2 fixes the crash when a report has no title.", "The installer no longer asks for a restart."}},
	{file: "captions.html", title: "Harbour authority approves new ferry terminal", byline: "Marta Lindqvist", contains: harbour,
		dropped: []string{"© Provided by Business Insider", "Ana Lima / Getty Images", "Photo: Jonas Berg/AFP",
			"The new terminal as the architects drew it. Photo: Ana Lima/Reuters"}},
	{file: "byline-url.html", title: "Why the harbour authority chose the larger design", byline: "Tomas K. Reyes", contains: harbour},
	{file: "nyc-title.html", title: "Ferry fares to rise in N.Y.C.", byline: "Marta Lindqvist", contains: harbour},
	{file: "og-title.html", title: "Harbour authority approves new ferry terminal", byline: "Marta Lindqvist", contains: harbour},
	{file: "control-chars.html", title: "Harbour[2J authority approves new ferry terminal", byline: "Marta Lindqvist",
		contains: []string{"The harbour authority on Tuesday approved"}},
	{file: "author-box.html", title: "Harbour authority approves new ferry terminal", byline: "Ines Moreau", contains: harbour},
	{file: "label-author.html", title: "Harbour authority approves new ferry terminal", byline: "Joana Pires", contains: harbour},
	{file: "byline-link.html", title: "Harbour authority approves new ferry terminal", byline: "Harbour Desk", contains: harbour},
	{file: "sidebar-author.html", title: "Harbour authority approves new ferry terminal", byline: "Marta Lindqvist", contains: harbour},
	{file: "embed.html", title: "Harbour authority approves new ferry terminal", byline: "Marta Lindqvist",
		contains: []string{"Work on the ferry terminal starts this summer"}, notKey: []string{"Work on the ferry terminal", "@PortEllisHarbour"}},
	{file: "zh.html", title: "河口市宣布新建跨江大桥计划", byline: "王晓梅", sentences: 10,
		contains: []string{"河口市政府周二宣布，将在未来三年内投资八十亿元建设一座新的跨江大桥。", "工程预计明年春季动工，二〇二九年底前通车。"}},
	{file: "ja.html", title: "北浜市、新しい路面電車の路線を発表", byline: "佐藤健一", sentences: 9,
		contains: []string{"総事業費はおよそ三百億円で、二〇二八年の開業を目指す。", "市長の山田和子氏は記者会見で「渋滞の解消と観光の振興につなげたい。」と述べた。"},
		dropped:  []string{"佐藤健一 記者"}},
}

// checkPage checks the item read from a test page against c: its page's
// document, its briefing and its text.
func checkPage(t *testing.T, c pageCase, it Item) {
	t.Helper()
	if it.Err != nil {
		t.Fatalf("Read: %v", it.Err)
	}
	if it.Page == nil {
		t.Fatal("Item.Page is nil for an HTML page")
	}
	doc, err := brief.ParsePage(*it.Page)
	if err != nil {
		t.Fatalf("ParsePage: %v", err)
	}
	if doc.Title != c.title {
		t.Errorf("title = %q, want %q", doc.Title, c.title)
	}
	if doc.Byline.Name != c.byline {
		t.Errorf("byline = %q, want %q", doc.Byline.Name, c.byline)
	}
	var sents []string
	for _, s := range doc.Sentences() {
		sents = append(sents, s.Text)
	}
	all := strings.Join(sents, " ")
	for _, s := range c.contains {
		if !strings.Contains(all, s) {
			t.Errorf("sentences lack %q:\n%q", s, sents)
		}
	}
	if len(sents) < c.sentences {
		t.Errorf("%d sentences, want at least %d: %q", len(sents), c.sentences, sents)
	}
	for _, d := range c.dropped {
		if !slices.Contains(doc.Dropped, d) {
			t.Errorf("dropped %q lacks %q", doc.Dropped, d)
		}
		for _, s := range sents {
			if strings.Contains(s, d) {
				t.Errorf("sentence %q holds the dropped %q", s, d)
			}
		}
	}
	b := brief.Summarize(doc, brief.Options{})
	if len(b.KeyPoints) < 2 {
		t.Errorf("%d key points, want 2 or more", len(b.KeyPoints))
	}
	texts := append([]string{doc.Title, doc.Byline.Name, doc.Byline.Role, it.Text}, sents...)
	for _, kp := range b.KeyPoints {
		texts = append(texts, kp.Text)
		for _, n := range c.notKey {
			if strings.Contains(kp.Text, n) {
				t.Errorf("key point %q holds %q", kp.Text, n)
			}
		}
	}
	for _, s := range texts {
		if m := mojibake.FindString(s); m != "" {
			t.Errorf("mojibake %q in %q", m, s)
		}
		if strings.ContainsFunc(s, func(r rune) bool { return r < 0x20 && r != '\n' || r == 0x7F }) {
			t.Errorf("control character in %q", s)
		}
	}
}

func TestTestPages(t *testing.T) {
	var r Reader
	for _, c := range pageCases {
		t.Run(c.file, func(t *testing.T) {
			checkPage(t, c, r.Read(context.Background(), Input{Name: filepath.Join(webdata, c.file), kind: kindFile}))
		})
	}
}

func TestTestPagesOverHTTP(t *testing.T) {
	// The page in Windows-1252 declares nothing: the server's
	// Content-Type says what it is. A UTF-8 page served as text/html
	// without a charset, whose first kilobyte is ASCII, stays UTF-8.
	tests := []struct {
		file, contentType string
	}{
		{"http-windows-1252.html", "text/html; charset=windows-1252"},
		{"http-windows-1252.html", "text/html; charset=ISO-8859-1"},
		{"undeclared-utf8.html", "text/html"},
		{"late-meta-utf8.html", "text/html"},
		{"bom.html", "text/html; charset=windows-1252"},
		{"ja.html", "text/html; charset=utf-8"},
	}
	for _, tt := range tests {
		t.Run(tt.file+" as "+tt.contentType, func(t *testing.T) {
			page, err := os.ReadFile(filepath.Join(webdata, tt.file))
			if err != nil {
				t.Fatal(err)
			}
			ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", tt.contentType)
				w.Write(page)
			}))
			defer ts.Close()
			var r Reader
			c := pageCases[0]
			for _, pc := range pageCases {
				if pc.file == tt.file {
					c = pc
				}
			}
			checkPage(t, c, r.Read(context.Background(), Input{Name: ts.URL + "/news/" + tt.file, kind: kindURL}))
		})
	}
}

func TestReadPageFallback(t *testing.T) {
	// Readability removes a form around the article; the body is read
	// instead, less its navigation and header.
	page := "<html><head><title>Budget passes</title></head><body><header><p>The Daily Meridian: news every day of the week since 1901.</p></header>" +
		"<nav role=navigation>Home | News | Sport</nav><form id=main><p>The council approved the budget on Tuesday after a long debate in the town hall.</p></form></body></html>"
	pg, _, err := readPage([]byte(page), "", nil)
	if err != nil {
		t.Fatalf("readPage: %v", err)
	}
	if pg.Title != "Budget passes" || len(pg.Blocks) != 1 || pg.Blocks[0].Text != "The council approved the budget on Tuesday after a long debate in the town hall." {
		t.Errorf("page = %+v", pg)
	}
}

func TestReadPageControlEntities(t *testing.T) {
	// Control characters written as character references, not bytes.
	page := "<html><head><title>Budget&#x1b;[2J passes&#7;</title></head><body><article><h1>Budget&#x1b;[2J passes&#7;</h1>" +
		"<p>The council&#27; approved the budget on Tuesday after a long debate in the town hall&#x85;.</p>" +
		"<p>Work on the new harbour road starts in May and should end a year later.</p></article></body></html>"
	pg, _, err := readPage([]byte(page), "", nil)
	if err != nil {
		t.Fatalf("readPage: %v", err)
	}
	doc, err := brief.ParsePage(*pg)
	if err != nil {
		t.Fatalf("ParsePage: %v", err)
	}
	texts := []string{pg.Title, pg.Text(), doc.Title}
	for _, s := range doc.Sentences() {
		texts = append(texts, s.Text)
	}
	for _, b := range pg.Blocks {
		texts = append(texts, b.Text)
	}
	for _, s := range texts {
		if strings.ContainsFunc(s, func(r rune) bool { return r < 0x20 && r != '\n' || r >= 0x7F && r <= 0x9F }) {
			t.Errorf("control character in %q", s)
		}
	}
}
