package source

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/brief-dev/brief/brief"
)

// The feeds and pages below are written for these tests. {{base}} is
// replaced by the test server's address.

// harbourPage is an HTML article page with its own title and byline.
const harbourPage = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Port of Velra reopens after the storm | Coastal Times</title>
<meta name="author" content="Ana Petrov">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Port of Velra reopens after the storm</h1>
<p class="byline">By Ana Petrov</p>
<p>The port of Velra reopened to shipping on Tuesday, three days after a storm tore through the coast and sank two fishing boats, the harbour authority said.</p>
<p>Cranes resumed loading grain for export in the morning, and the first container ship left the outer basin shortly before noon, according to the authority's director, Marko Ilic.</p>
<p>"We have checked every berth and the channel is clear," Ilic told reporters at the quay. Insurers have yet to put a figure on the damage to the breakwater.</p>
<p>The government has promised emergency funds for the fishing families who lost their boats, and the transport minister is expected to visit the port on Thursday.</p>
</article>
<footer>Copyright 2026 Coastal Times. All rights reserved.</footer>
</body></html>
`

// councilPage is a text article with its own title, but no byline.
const councilPage = `Council approves budget for new schools

The city council of Dorne approved a budget of 40 million euros for three new primary schools on Wednesday, after a debate that lasted into the night.

The mayor, Irena Vos, said construction would begin in the spring and the first school would open in two years. Opposition councillors said the plan neglected repairs to older buildings.

Parents' groups welcomed the vote but asked the council to publish the timetable for each school.
`

// undatedPage is a text article with no title line: the feed fills it in.
const undatedPage = `Farmers in the northern valleys began the grape harvest two weeks earlier than usual this year, after the hottest summer on record in the region.

Growers said the early harvest had produced smaller but sweeter grapes, and that some vineyards had lost a third of their crop to drought.

The regional agriculture office said it would publish a full estimate of the harvest in October.
`

// damPage is an HTML article page with a title and no byline or date.
const damPage = `<!DOCTYPE html>
<html><head><title>Talks on the Telen dam resume</title></head><body>
<article>
<h1>Talks on the Telen dam resume</h1>
<p>Negotiators from Karesh and Oduna resumed talks on the Telen River dam on Monday, a year after the last round broke down over the sharing of water in dry summers.</p>
<p>Both delegations said they hoped to agree on a schedule for filling the reservoir before the rainy season, mediators from the regional bank said.</p>
<p>Farmers downstream have warned that a fast filling would leave their fields without water for months.</p>
</article></body></html>
`

// rssFeed is an RSS 2.0 feed: two recent items, a ten-day-old one, a dead
// link, an undated item and an item linking to a page the Atom feed
// links to as well.
const rssFeed = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
<title>Coastal Times</title>
<link>{{base}}/</link>
<description>News from the coast</description>
<item>
  <title>Port of Velra reopens after the storm</title>
  <link>{{base}}/a/harbour</link>
  <pubDate>Wed, 25 Nov 2026 08:00:00 GMT</pubDate>
  <dc:creator>Ana Petrov</dc:creator>
</item>
<item>
  <title>Council approves budget for new schools</title>
  <link>{{base}}/a/council?utm_source=rss&amp;id=7</link>
  <pubDate>Thu, 26 Nov 2026 05:00:00 GMT</pubDate>
  <dc:creator>Lena Moor</dc:creator>
</item>
<item>
  <title>Old news from the fish market</title>
  <link>{{base}}/a/old</link>
  <pubDate>Mon, 16 Nov 2026 09:00:00 GMT</pubDate>
</item>
<item>
  <title>Minister resigns over ferry contract</title>
  <link>{{base}}/a/dead</link>
  <pubDate>Wed, 25 Nov 2026 19:30:00 GMT</pubDate>
  <author>desk@coastal.example (Petra Lind)</author>
</item>
<item>
  <title>An early grape harvest in the north</title>
  <link>{{base}}/a/undated</link>
  <dc:creator>Tomas Berg</dc:creator>
</item>
</channel>
</rss>
`

// atomFeed is an Atom 1.0 feed: the harbour story again (another
// spelling of its link), the dam story, and a relative link.
const atomFeed = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="html">River &amp;amp; Valley News</title>
  <id>urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6</id>
  <updated>2026-11-26T06:00:00Z</updated>
  <link href="{{base}}/"/>
  <entry>
    <title>Velra harbour open again</title>
    <link href="{{base}}/a/harbour?utm_medium=feed#top"/>
    <id>urn:uuid:1</id>
    <updated>2026-11-25T09:00:00Z</updated>
  </entry>
  <entry>
    <title>Talks on the Telen dam resume</title>
    <link rel="alternate" href="{{base}}/a/dam"/>
    <id>urn:uuid:2</id>
    <published>2026-11-25T10:15:00+01:00</published>
    <updated>2026-11-25T11:00:00+01:00</updated>
    <author><name>Jonas Hale</name></author>
  </entry>
  <entry>
    <title>Harvest comes early</title>
    <link href="/a/undated"/>
    <id>urn:uuid:3</id>
    <updated>2026-11-24T12:00:00Z</updated>
  </entry>
</feed>
`

// jsonFeed is a JSON Feed 1.1 with one item.
const jsonFeed = `{
  "version": "https://jsonfeed.org/version/1.1",
  "title": "Dorne Daily",
  "home_page_url": "{{base}}/",
  "items": [
    {"id": "1", "url": "{{base}}/a/council", "title": "Schools budget passes",
     "date_published": "2026-11-26T07:00:00Z", "authors": [{"name": "Lena Moor"}]}
  ]
}
`

// opmlList lists the RSS and Atom feeds (the Atom one twice, one nested),
// and a page that is no feed.
const opmlList = `<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head><title>Morning feeds</title></head>
  <body>
    <outline text="Coast" type="rss" xmlUrl="{{base}}/rss.xml"/>
    <outline text="Inland">
      <outline text="Valley" type="rss" xmlUrl="{{base}}/atom"/>
      <outline text="Valley again" type="rss" xmlURL="{{base}}/atom"/>
    </outline>
    <outline text="Not a feed" type="rss" xmlUrl="{{base}}/a/harbour"/>
  </body>
</opml>
`

// feedServer serves the feeds and pages above; the content types are
// deliberately unhelpful (feeds are found by their content). It counts
// the requests in flight.
type feedServer struct {
	*httptest.Server
	mu        sync.Mutex
	now, most int
	delay     time.Duration
	hits      map[string]int
}

func newFeedServer(t *testing.T) *feedServer {
	t.Helper()
	fs := &feedServer{hits: map[string]int{}}
	fs.Server = httptest.NewServer(http.HandlerFunc(fs.serve))
	t.Cleanup(fs.Close)
	return fs
}

func (fs *feedServer) serve(w http.ResponseWriter, r *http.Request) {
	fs.mu.Lock()
	fs.now++
	fs.most = max(fs.most, fs.now)
	fs.hits[r.URL.Path]++
	delay := fs.delay
	fs.mu.Unlock()
	defer func() {
		fs.mu.Lock()
		fs.now--
		fs.mu.Unlock()
	}()
	if delay > 0 {
		select {
		case <-time.After(delay):
		case <-r.Context().Done():
			return
		}
	}
	base := "http://" + r.Host
	send := func(ct, body string) {
		if ct != "" {
			w.Header().Set("Content-Type", ct)
		}
		fmt.Fprint(w, strings.ReplaceAll(body, "{{base}}", base))
	}
	switch r.URL.Path {
	case "/rss.xml":
		send("text/xml; charset=utf-8", rssFeed)
	case "/atom":
		send("application/octet-stream", atomFeed)
	case "/feed.json":
		send("application/feed+json", jsonFeed)
	case "/feeds.opml":
		send("text/x-opml", opmlList)
	case "/a/harbour":
		send("text/html; charset=utf-8", harbourPage)
	case "/a/council":
		send("text/plain; charset=utf-8", councilPage)
	case "/a/undated":
		send("", undatedPage)
	case "/a/dam":
		send("text/html", damPage)
	case "/a/old":
		send("text/plain", "Old news\n\nThe fish market moved to the new hall ten days ago, traders said.\n")
	case "/pdf":
		send("application/pdf", "%PDF-1.4 not really")
	default:
		http.NotFound(w, r)
	}
}

// setDelay makes every answer wait d.
func (fs *feedServer) setDelay(d time.Duration) {
	fs.mu.Lock()
	fs.delay = d
	fs.mu.Unlock()
}

// mostInFlight is the most requests the server had in flight at once.
func (fs *feedServer) mostInFlight() int {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	return fs.most
}

// since is the --since moment of the tests: items of 24–26 November 2026
// are after it, the one of 16 November is not.
var since = time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)

// got is an item as the tests compare it.
type got struct {
	input, title, err string
}

// readAllItems reads every input of args with r, in order.
func readAllItems(t *testing.T, r *Reader, args ...string) ([]got, []Item) {
	t.Helper()
	var gs []got
	var items []Item
	for it := range r.Items(context.Background(), args) {
		g := got{input: it.Input}
		if it.Feed != nil {
			g.title = it.Feed.Title
		}
		if it.Err != nil {
			g.err = it.Err.Error()
		}
		gs = append(gs, g)
		items = append(items, it)
	}
	return gs, items
}

func TestFeedItems(t *testing.T) {
	fs := newFeedServer(t)
	b := fs.URL
	tests := []struct {
		name  string
		args  []string
		since time.Time
		want  []got // err: a substring; "" means no error
	}{
		{
			name:  "RSS and Atom, since 24 November",
			args:  []string{b + "/rss.xml", b + "/atom"},
			since: since,
			want: []got{
				{b + "/a/harbour", "Port of Velra reopens after the storm", ""},
				{b + "/a/council?utm_source=rss&id=7", "Council approves budget for new schools", ""},
				{b + "/a/dead", "Minister resigns over ferry contract", `page not found (HTTP 404) (item "Minister resigns over ferry contract" of feed "Coastal Times")`},
				{b + "/a/undated", "An early grape harvest in the north", ""},
				// Atom: the harbour story and the harvest are already in;
				// the dam story is new.
				{b + "/a/dam", "Talks on the Telen dam resume", ""},
			},
		},
		{
			name: "RSS without --since keeps the old item",
			args: []string{b + "/rss.xml"},
			want: []got{
				{b + "/a/harbour", "Port of Velra reopens after the storm", ""},
				{b + "/a/council?utm_source=rss&id=7", "Council approves budget for new schools", ""},
				{b + "/a/old", "Old news from the fish market", ""},
				{b + "/a/dead", "Minister resigns over ferry contract", "404"},
				{b + "/a/undated", "An early grape harvest in the north", ""},
			},
		},
		{
			name:  "JSON Feed after an article URL with the same page",
			args:  []string{b + "/a/council", b + "/feed.json", b + "/a/council"},
			since: since,
			want: []got{
				{b + "/a/council", "", ""},
				// The feed's only item is that page: read once. A URL
				// argument given twice is read twice, as before.
				{b + "/a/council", "", ""},
			},
		},
		{
			name:  "OPML",
			args:  []string{b + "/feeds.opml"},
			since: since,
			want: []got{
				{b + "/a/harbour", "Port of Velra reopens after the storm", ""},
				{b + "/a/council?utm_source=rss&id=7", "Council approves budget for new schools", ""},
				{b + "/a/dead", "Minister resigns over ferry contract", "404"},
				{b + "/a/undated", "An early grape harvest in the north", ""},
				{b + "/a/dam", "Talks on the Telen dam resume", ""},
				{b + "/a/harbour", "", "not an RSS, Atom or JSON feed"},
			},
		},
		{
			name: "a feed given twice is read once",
			args: []string{b + "/atom", b + "/atom#again"},
			want: []got{
				{b + "/a/harbour?utm_medium=feed#top", "Velra harbour open again", ""},
				{b + "/a/dam", "Talks on the Telen dam resume", ""},
				{b + "/a/undated", "Harvest comes early", ""},
			},
		},
		{
			name: "not feeds",
			args: []string{b + "/pdf", b + "/nowhere"},
			want: []got{
				{b + "/pdf", "", "content type application/pdf"},
				{b + "/nowhere", "", "page not found"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := &Reader{Since: tt.since, Timeout: 5 * time.Second}
			gs, items := readAllItems(t, r, tt.args...)
			if len(gs) != len(tt.want) {
				t.Fatalf("got %d items, want %d:\n%q", len(gs), len(tt.want), gs)
			}
			for i, w := range tt.want {
				g := gs[i]
				if g.input != w.input || g.title != w.title || (w.err == "") != (g.err == "") || !strings.Contains(g.err, w.err) {
					t.Errorf("item %d = %q, want %q", i, g, w)
				}
				if w.err == "" && strings.TrimSpace(items[i].Text) == "" {
					t.Errorf("item %d (%s) has no text", i, g.input)
				}
			}
		})
	}
}

func TestFeedItemMetadata(t *testing.T) {
	fs := newFeedServer(t)
	r := &Reader{Since: since}
	_, items := readAllItems(t, r, fs.URL+"/rss.xml", fs.URL+"/atom")
	byLink := map[string]Item{}
	for _, it := range items {
		byLink[strings.TrimPrefix(it.Input, fs.URL)] = it
	}
	tests := []struct {
		link                          string
		title, byline, published      string // of the parsed page, filled in
		feedAuthor, feedTitle, stands string // FeedItem.Author, .Feed, and the stand-alone title
	}{
		// The page's own title and byline win over the feed's.
		{"/a/harbour", "Port of Velra reopens after the storm", "Ana Petrov", "08:00 UTC, 25 November 2026", "Ana Petrov", "Coastal Times", ""},
		// No title line on the page: the feed's title, author and date.
		{"/a/undated", "An early grape harvest in the north", "Tomas Berg", "", "Tomas Berg", "Coastal Times", ""},
		// An e-mail address alone is no author; the name given with it is.
		{"/a/dead", "", "", "", "Petra Lind", "Coastal Times", "Minister resigns over ferry contract"},
		// Atom: published before updated; the title's HTML undone.
		{"/a/dam", "Talks on the Telen dam resume", "Jonas Hale", "09:15 UTC, 25 November 2026", "Jonas Hale", "River & Valley News", ""},
	}
	for _, tt := range tests {
		t.Run(tt.link, func(t *testing.T) {
			it, ok := byLink[tt.link]
			if !ok || it.Feed == nil {
				t.Fatalf("no feed item %s among %d", tt.link, len(items))
			}
			if it.Feed.Author != tt.feedAuthor || it.Feed.Feed != tt.feedTitle || it.Feed.Link != fs.URL+tt.link {
				t.Errorf("feed item = %+v", *it.Feed)
			}
			if tt.stands != "" {
				if it.Err == nil {
					t.Fatal("no error for a dead link")
				}
				b := it.Feed.Briefing()
				if b.Title != tt.stands || b.Meta.Byline != tt.feedAuthor || b.Meta.Published != "19:30 UTC, 25 November 2026" || b.KeyPoints == nil || len(b.KeyPoints) != 0 {
					t.Errorf("stand-alone briefing = %+v", b)
				}
				return
			}
			if it.Err != nil {
				t.Fatal(it.Err)
			}
			doc, err := brief.Parse(it.Text)
			if err != nil {
				t.Fatal(err)
			}
			it.Feed.Fill(doc)
			if doc.Title != tt.title || doc.Byline.Name != tt.byline {
				t.Errorf("title %q, byline %q; want %q, %q", doc.Title, doc.Byline.Name, tt.title, tt.byline)
			}
			if tt.published != "" && doc.Published != tt.published {
				t.Errorf("published %q, want %q", doc.Published, tt.published)
			}
		})
	}
}

func TestFeedFill(t *testing.T) {
	when := time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)
	fi := &FeedItem{Feed: "F", Title: "Feed title", Author: "Feed Author", Published: when}
	tests := []struct {
		name string
		doc  brief.Document
		want brief.Document
	}{
		{"empty page", brief.Document{}, brief.Document{Title: "Feed title", Byline: brief.Byline{Name: "Feed Author"}, Published: "25 November 2026"}},
		{"full page", brief.Document{Title: "T", Byline: brief.Byline{Name: "A", Role: "R"}, Published: "P"}, brief.Document{Title: "T", Byline: brief.Byline{Name: "A", Role: "R"}, Published: "P"}},
		{"byline role kept", brief.Document{Byline: brief.Byline{Role: "Reporter"}}, brief.Document{Title: "Feed title", Byline: brief.Byline{Name: "Feed Author", Role: "Reporter"}, Published: "25 November 2026"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := tt.doc
			fi.Fill(&doc)
			if doc.Title != tt.want.Title || doc.Byline != tt.want.Byline || doc.Published != tt.want.Published {
				t.Errorf("filled %+v, want %+v", doc, tt.want)
			}
		})
	}
	var none *FeedItem
	doc := brief.Document{}
	none.Fill(&doc) // no panic, nothing filled
	if doc.Title != "" {
		t.Errorf("a nil FeedItem filled %+v", doc)
	}
}

func TestFeedDetection(t *testing.T) {
	page, err := os.ReadFile(filepath.Join(testdata, "telen-dam-talks.html"))
	if err != nil {
		t.Fatal(err)
	}
	text, err := os.ReadFile(filepath.Join(testdata, "telen-dam-talks.txt"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		doc  string
		want docKind
	}{
		{"RSS 2.0", rssFeed, docFeed},
		{"RSS with a byte order mark and blank lines", "\xEF\xBB\xBF\n\n  " + rssFeed, docFeed},
		{"RSS without a declaration", `<rss version="2.0"><channel><title>T</title></channel></rss>`, docFeed},
		{"RSS 1.0", `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel/></rdf:RDF>`, docFeed},
		{"Atom", atomFeed, docFeed},
		{"Atom after a comment and a stylesheet", `<?xml version="1.0"?><!-- a comment --><?xml-stylesheet href="s.xsl"?><feed xmlns="http://www.w3.org/2005/Atom"></feed>`, docFeed},
		{"JSON Feed", jsonFeed, docFeed},
		{"JSON Feed 1.0", `{"version": "https://jsonfeed.org/version/1", "items": []}`, docFeed},
		{"OPML", opmlList, docOPML},
		{"OPML in Latin-1", "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><opml><body><outline xmlUrl=\"http://x/\" text=\"caf\xe9\"/></body></opml>", docOPML},
		{"HTML page", string(page), docOther},
		{"HTML page about feeds", `<!DOCTYPE html><html><head><link rel="alternate" type="application/rss+xml" href="/rss.xml"></head><body><p>Our <rss> feed.</p></body></html>`, docOther},
		{"XHTML page", `<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body><p>Feed me.</p></body></html>`, docOther},
		{"text article", string(text), docOther},
		{"text opening with a tag", "<feed> is how the story begins, and it is no feed at all.", docOther},
		{"text opening with an RSS tag", "<rss> feeds are dying, says a study.", docOther},
		{"Atom without its namespace", `<feed><entry><title>x</title></entry></feed>`, docOther},
		{"Atom 0.3", `<feed version="0.3" xmlns="http://purl.org/atom/ns#"></feed>`, docFeed},
		{"text opening with a brace", "{Editor's note} The council met on Monday.", docOther},
		{"JSON Lines record", `{"id": "a1", "text": "The council met."}`, docOther},
		{"JSON with another version", `{"version": "2", "items": []}`, docOther},
		{"other XML", `<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"></svg>`, docOther},
		{"empty", "", docOther},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := detectDoc([]byte(tt.doc)); got != tt.want {
				t.Errorf("detectDoc = %d, want %d", got, tt.want)
			}
		})
	}
}

func TestFeedContentTypes(t *testing.T) {
	// The same RSS feed under every content type a server may give it is
	// a feed; an HTML page is never one, whatever it is served as.
	tests := []struct {
		ct, body string
		feed     bool
		errMsg   string // for what is no feed
	}{
		{"text/xml", rssFeed, true, ""},
		{"application/rss+xml", rssFeed, true, ""},
		{"application/octet-stream", rssFeed, true, ""},
		{"text/html", rssFeed, true, ""},
		{"", rssFeed, true, ""},
		{"application/json", jsonFeed, true, ""},
		{"text/html", harbourPage, false, ""},
		{"application/xml", harbourPage, false, "content type application/xml"},
		{"text/plain", councilPage, false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.ct+" "+tt.body[:5], func(t *testing.T) {
			ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if r.URL.Path != "/doc" {
					w.Header().Set("Content-Type", "text/plain")
					fmt.Fprint(w, councilPage)
					return
				}
				if tt.ct != "" {
					w.Header().Set("Content-Type", tt.ct)
				}
				fmt.Fprint(w, strings.ReplaceAll(tt.body, "{{base}}", "http://"+r.Host))
			}))
			defer ts.Close()
			gs, _ := readAllItems(t, &Reader{}, ts.URL+"/doc")
			if len(gs) == 0 {
				t.Fatal("no input")
			}
			isFeed := gs[0].input != ts.URL+"/doc"
			if isFeed != tt.feed {
				t.Fatalf("read as a feed: %v, want %v (%q)", isFeed, tt.feed, gs)
			}
			if !tt.feed && (gs[0].err == "") != (tt.errMsg == "") || !strings.Contains(gs[0].err, tt.errMsg) {
				t.Errorf("error %q, want %q", gs[0].err, tt.errMsg)
			}
		})
	}
}

func TestFeedFile(t *testing.T) {
	fs := newFeedServer(t)
	dir := t.TempDir()
	// The feed's links are relative to its channel link, the server.
	feed := strings.ReplaceAll(rssFeed, "{{base}}/a/", "/a/")
	feed = strings.ReplaceAll(feed, "{{base}}", fs.URL)
	opml := strings.ReplaceAll(opmlList, "{{base}}", fs.URL)
	files := map[string]string{
		"a-article.txt": councilPage,
		"b-feed.xml":    feed,
		"c-feeds.opml":  opml,
		"d-feed.json":   `{"version": "https://jsonfeed.org/version/1.1", "title": "Files", "items": [{"id": "x", "url": "relative/page", "title": "No base"}, {"id": "y", "title": "No link"}]}`,
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	r := &Reader{Since: since}
	gs, _ := readAllItems(t, r, dir)
	want := []got{
		{filepath.Join(dir, "a-article.txt"), "", ""},
		{fs.URL + "/a/harbour", "Port of Velra reopens after the storm", ""},
		{fs.URL + "/a/council?utm_source=rss&id=7", "Council approves budget for new schools", ""},
		{fs.URL + "/a/dead", "Minister resigns over ferry contract", "404"},
		{fs.URL + "/a/undated", "An early grape harvest in the north", ""},
		// The OPML file's feeds: the RSS one was read from the file, not
		// from the server, so its items come again but are not read twice.
		{fs.URL + "/a/dam", "Talks on the Telen dam resume", ""},
		{fs.URL + "/a/harbour", "", "not an RSS, Atom or JSON feed"},
		{filepath.Join(dir, "d-feed.json") + " (item 1)", "No base", "not an http(s) address"},
		{filepath.Join(dir, "d-feed.json") + " (item 2)", "No link", "no link"},
	}
	if !slices.Equal(gs, want) && !matchGot(gs, want) {
		t.Errorf("got\n%q\nwant\n%q", gs, want)
	}
}

// matchGot reports whether gs matches want, errors by substring.
func matchGot(gs, want []got) bool {
	if len(gs) != len(want) {
		return false
	}
	for i, w := range want {
		g := gs[i]
		if g.input != w.input || g.title != w.title || (w.err == "") != (g.err == "") || !strings.Contains(g.err, w.err) {
			return false
		}
	}
	return true
}

func TestFeedAsArticle(t *testing.T) {
	// Where one article is wanted, a feed is refused with a word on
	// what reads it.
	fs := newFeedServer(t)
	file := filepath.Join(t.TempDir(), "feed.xml")
	if err := os.WriteFile(file, []byte(rssFeed), 0o644); err != nil {
		t.Fatal(err)
	}
	r := &Reader{}
	for _, name := range []string{fs.URL + "/rss.xml", fs.URL + "/atom", fs.URL + "/feeds.opml", file} {
		it := r.Read(context.Background(), r.Input(name))
		if !errors.Is(it.Err, ErrFeed) || !strings.Contains(it.Err.Error(), "brief digest") {
			t.Errorf("%s: error %v, want ErrFeed", name, it.Err)
		}
	}
}

func TestFeedPerHostLimit(t *testing.T) {
	fs := newFeedServer(t)
	fs.setDelay(30 * time.Millisecond)
	var items strings.Builder
	for i := range 12 {
		fmt.Fprintf(&items, "<item><title>Story %d</title><link>{{base}}/a/council?n=%d</link></item>\n", i, i)
	}
	feed := "<rss version=\"2.0\"><channel><title>Many</title>\n" + items.String() + "</channel></rss>"
	file := filepath.Join(t.TempDir(), "many.rss")
	if err := os.WriteFile(file, []byte(strings.ReplaceAll(feed, "{{base}}", fs.URL)), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, perHost := range []int{0, 1, 3} {
		t.Run(fmt.Sprint(perHost), func(t *testing.T) {
			fs.mu.Lock()
			fs.most = 0
			fs.mu.Unlock()
			r := &Reader{PerHost: perHost}
			// Eight workers read the twelve items at once.
			ins := make(chan Input)
			var wg sync.WaitGroup
			var read, failed atomic.Int32
			for range 8 {
				wg.Go(func() {
					for in := range ins {
						if it := r.Read(context.Background(), in); it.Err != nil {
							failed.Add(1)
						}
						read.Add(1)
					}
				})
			}
			for in := range r.Inputs([]string{file}) {
				ins <- in
			}
			close(ins)
			wg.Wait()
			limit := perHost
			if limit == 0 {
				limit = DefaultPerHost
			}
			if read.Load() != 12 || failed.Load() != 0 {
				t.Fatalf("%d read, %d failed; want 12, 0", read.Load(), failed.Load())
			}
			if m := fs.mostInFlight(); m > limit || m < 1 {
				t.Errorf("%d requests in flight at once, want at most %d", m, limit)
			} else if m < limit {
				t.Logf("only %d requests at once (limit %d)", m, limit)
			}
		})
	}
}

func TestPerHostRedirect(t *testing.T) {
	// A redirect to the same host does not wait for its own slot.
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/old", "/older":
			http.Redirect(w, r, "/new", http.StatusMovedPermanently)
		default:
			w.Header().Set("Content-Type", "text/plain")
			fmt.Fprint(w, councilPage)
		}
	}))
	defer ts.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	r := &Reader{PerHost: 1}
	for _, p := range []string{"/old", "/older"} {
		if it := r.Read(ctx, r.Input(ts.URL+p)); it.Err != nil {
			t.Errorf("%s: %v", p, it.Err)
		}
	}
}

func TestFetchAhead(t *testing.T) {
	// URL arguments are fetched a few at once while they are expanded,
	// as many at once as PerHost allows.
	fs := newFeedServer(t)
	fs.setDelay(50 * time.Millisecond)
	var args []string
	for i := range 6 {
		args = append(args, fmt.Sprintf("%s/a/council?n=%d", fs.URL, i))
	}
	args = append(args, fs.URL+"/rss.xml", fs.URL+"/rss.xml", fs.URL+"/a/harbour")
	gs, _ := readAllItems(t, &Reader{Since: since}, args...)
	want := slices.Clone(args[:6])
	for _, p := range []string{"/a/harbour", "/a/council?utm_source=rss&id=7", "/a/dead", "/a/undated", "/a/harbour"} {
		want = append(want, fs.URL+p)
	}
	var inputs []string
	for _, g := range gs {
		inputs = append(inputs, g.input)
	}
	if !slices.Equal(inputs, want) {
		t.Errorf("inputs\n%q\nwant\n%q", inputs, want)
	}
	if m := fs.mostInFlight(); m != DefaultPerHost {
		t.Errorf("%d requests at once, want %d", m, DefaultPerHost)
	}
	fs.mu.Lock()
	defer fs.mu.Unlock()
	// Six arguments and the feed's council item: each fetched once.
	if n := fs.hits["/a/council"]; n != 7 {
		t.Errorf("%d requests for the council pages, want 7", n)
	}
	if n := fs.hits["/rss.xml"]; n > 2 {
		t.Errorf("the feed fetched %d times", n)
	}
}

func TestFetchDeadline(t *testing.T) {
	fs := newFeedServer(t)
	fs.setDelay(2 * time.Second)
	r := &Reader{FetchDeadline: 150 * time.Millisecond}
	start := time.Now()
	gs, items := readAllItems(t, r, fs.URL+"/a/council", fs.URL+"/a/dam")
	if el := time.Since(start); el > time.Second {
		t.Errorf("took %s, want the deadline's 150ms", el)
	}
	for i, it := range items {
		if !errors.Is(it.Err, ErrDeadline) || !strings.Contains(gs[i].err, "150ms") {
			t.Errorf("%s: error %v, want ErrDeadline", it.Input, it.Err)
		}
	}
	// A canceled run is not a deadline.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if it := (&Reader{}).Read(ctx, Input{Name: fs.URL + "/a/dam", kind: kindURL}); errors.Is(it.Err, ErrDeadline) || !errors.Is(it.Err, context.Canceled) {
		t.Errorf("canceled: error %v", it.Err)
	}
}

func TestFeedCredentials(t *testing.T) {
	// A feed without a title is named by its address, without the
	// credentials it was given with.
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/feed" {
			fmt.Fprintf(w, `<rss version="2.0"><channel><item><title>Gone</title><link>http://%s/gone</link></item><item><link>http://u:hunter2@%s/gone2</link></item></channel></rss>`, r.Host, r.Host)
			return
		}
		http.NotFound(w, r)
	}))
	defer ts.Close()
	withCreds := strings.Replace(ts.URL, "http://", "http://alice:s3cret@", 1)
	gs, items := readAllItems(t, &Reader{}, withCreds+"/feed")
	if len(gs) != 2 {
		t.Fatalf("got %q", gs)
	}
	for i, it := range items {
		for _, s := range []string{gs[i].err, it.Feed.Feed, it.Feed.Briefing().Title} {
			if strings.Contains(s, "s3cret") || strings.Contains(s, "hunter2") {
				t.Errorf("credentials in %q", s)
			}
		}
	}
}

func TestNormaliseLink(t *testing.T) {
	tests := []struct{ a, b string }{
		{"https://Example.ORG/a/b", "https://example.org/a/b"},
		{"HTTPS://example.org/a", "https://example.org/a"},
		{"https://example.org", "https://example.org/"},
		{"https://example.org:443/a", "https://example.org/a"},
		{"http://example.org:80/a", "http://example.org/a"},
		{"https://example.org/a#comments", "https://example.org/a"},
		{"https://example.org/a?utm_source=rss&utm_medium=feed", "https://example.org/a"},
		{"https://example.org/a?id=7&UTM_Campaign=x", "https://example.org/a?id=7"},
		{"https://user:pw@example.org/a", "https://example.org/a"},
	}
	for _, tt := range tests {
		if na, nb := normaliseLink(tt.a), normaliseLink(tt.b); na != nb {
			t.Errorf("%q → %q, %q → %q: want the same", tt.a, na, tt.b, nb)
		}
	}
	different := []struct{ a, b string }{
		{"https://example.org/a", "https://example.org/A"},
		{"https://example.org/a?id=7", "https://example.org/a?id=8"},
		{"http://example.org/a", "https://example.org/a"},
		{"https://example.org:8443/a", "https://example.org/a"},
	}
	for _, tt := range different {
		if normaliseLink(tt.a) == normaliseLink(tt.b) {
			t.Errorf("%q and %q taken for the same page", tt.a, tt.b)
		}
	}
}

func TestParseSince(t *testing.T) {
	zone := time.FixedZone("CET", 3600)
	now := time.Date(2026, 11, 26, 0, 0, 0, 0, zone)
	tests := []struct {
		in   string
		want time.Time
		err  string
	}{
		{"", time.Time{}, ""},
		{"48h", now.Add(-48 * time.Hour), ""},
		{"90m", now.Add(-90 * time.Minute), ""},
		{"1h30m", now.Add(-90 * time.Minute), ""},
		{"7d", now.Add(-7 * 24 * time.Hour), ""},
		{" 1d ", now.Add(-24 * time.Hour), ""},
		{"2026-11-24", time.Date(2026, 11, 24, 0, 0, 0, 0, zone), ""},
		{"2026-11-24T06:30:00Z", time.Date(2026, 11, 24, 6, 30, 0, 0, time.UTC), ""},
		{"2026-11-24T06:30:00+02:00", time.Date(2026, 11, 24, 4, 30, 0, 0, time.UTC), ""},
		{"2026-11-24T06:30", time.Date(2026, 11, 24, 6, 30, 0, 0, zone), ""},
		{"0h", time.Time{}, "greater than zero"},
		{"-2h", time.Time{}, "greater than zero"},
		{"0d", time.Time{}, "number of days"},
		{"yesterday", time.Time{}, "want a duration"},
		{"2026-13-01", time.Time{}, "want a duration"},
		{"d", time.Time{}, "want a duration"},
		{"1.5d", time.Time{}, "want a duration"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseSince(tt.in, now)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Errorf("error %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil || !got.Equal(tt.want) {
				t.Errorf("= %s, %v; want %s", got, err, tt.want)
			}
		})
	}
}

func FuzzFeed(f *testing.F) {
	for _, s := range []string{rssFeed, atomFeed, jsonFeed, opmlList, harbourPage, councilPage,
		`<rss><channel><item><link>::</link></item></channel></rss>`,
		`{"version": "https://jsonfeed.org/version/1", "items": [null, {"url": 5}]}`,
		`<opml><body><outline xmlUrl="http://127.0.0.1:1/"><outline xmlUrl="/x"/></outline></body></opml>`} {
		f.Add([]byte(s))
	}
	// No request leaves the process: every fetch fails at once.
	r := &Reader{Transport: failingTransport{}}
	f.Fuzz(func(t *testing.T, b []byte) {
		kind := detectDoc(b)
		_ = notADocument(b)
		n := 0
		r.document(context.Background(), "fuzz.xml", nil, b, max(kind, docFeed), r.newExpansion(context.Background(), nil), func(in Input) bool {
			n++
			if in.kind == kindFeedItem && (in.feed == nil || !IsURL(in.Name)) {
				t.Errorf("feed item %q without metadata or web address", in.Name)
			}
			return n < 1000
		})
		_, _ = opmlFeeds(b)
		_ = plainText(string(b))
		_ = normaliseLink(string(b))
	})
}

// failingTransport fails every request.
type failingTransport struct{}

func (failingTransport) RoundTrip(*http.Request) (*http.Response, error) {
	return nil, errors.New("no network in this test")
}
