package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// The feeds and pages of the feed tests, written for them. {{base}} is
// the test server's address.
const (
	feedRSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
<title>Coastal Times</title><link>{{base}}/</link>
<item><title>Port of Velra reopens after the storm</title><link>{{base}}/a/harbour</link>
  <pubDate>Wed, 25 Nov 2026 08:00:00 GMT</pubDate><dc:creator>Ana Petrov</dc:creator></item>
<item><title>Minister resigns over ferry contract</title><link>{{base}}/a/dead</link>
  <pubDate>Wed, 25 Nov 2026 19:30:00 GMT</pubDate><dc:creator>Petra Lind</dc:creator></item>
<item><title>Fish market moves to the new hall</title><link>{{base}}/a/old</link>
  <pubDate>Mon, 16 Nov 2026 09:00:00 GMT</pubDate></item>
<item><title>An early grape harvest in the north</title><link>{{base}}/a/harvest</link>
  <dc:creator>Tomas Berg</dc:creator></item>
</channel></rss>`

	feedAtom = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>River and Valley News</title>
<id>urn:x</id><updated>2026-11-26T06:00:00Z</updated>
<entry><title>Velra harbour open again</title><link href="{{base}}/a/harbour?utm_source=atom"/>
  <id>urn:1</id><updated>2026-11-25T09:00:00Z</updated></entry>
<entry><title>Talks on the Telen dam resume</title><link href="/a/dam"/>
  <id>urn:2</id><updated>2026-11-25T10:00:00Z</updated><author><name>Jonas Hale</name></author></entry>
</feed>`

	feedHarbour = `<!DOCTYPE html><html><head><title>Port of Velra reopens after the storm</title></head><body>
<nav><a href="/">Home</a></nav><article><h1>Port of Velra reopens after the storm</h1>
<p>The port of Velra reopened to shipping on Tuesday, three days after a storm tore through the coast and sank two fishing boats, the harbour authority said.</p>
<p>Cranes resumed loading grain for export in the morning, and the first container ship left the outer basin shortly before noon, according to the authority's director, Marko Ilic.</p>
<p>The government has promised emergency funds for the fishing families who lost their boats, and the transport minister is expected to visit the port on Thursday.</p>
</article></body></html>`

	// feedHarvest has no title line: the feed's fills it in.
	feedHarvest = `Farmers in the northern valleys began the grape harvest two weeks earlier than usual this year, after the hottest summer on record in the region.

Growers said the early harvest had produced smaller but sweeter grapes, and that some vineyards had lost a third of their crop to drought.

The regional agriculture office said it would publish a full estimate of the harvest in October.
`

	feedDam = `Talks on the Telen dam resume

Negotiators from Karesh and Oduna resumed talks on the Telen River dam on Monday, a year after the last round broke down over the sharing of water in dry summers.

Both delegations said they hoped to agree on a schedule for filling the reservoir before the rainy season, mediators from the regional bank said.
`

	feedOld = `Fish market moves to the new hall

The fish market of Velra moved to its new hall on Monday, traders said, after two years of building work on the quay.
`
)

// newFeedTestServer serves the feeds (with unhelpful content types) and
// pages above; /a/dead is not found.
func newFeedTestServer(t *testing.T) *httptest.Server {
	t.Helper()
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		send := func(ct, body string) {
			w.Header().Set("Content-Type", ct)
			fmt.Fprint(w, strings.ReplaceAll(body, "{{base}}", "http://"+r.Host))
		}
		switch r.URL.Path {
		case "/rss":
			send("text/xml", feedRSS)
		case "/atom":
			send("application/octet-stream", feedAtom)
		case "/a/harbour":
			send("text/html; charset=utf-8", feedHarbour)
		case "/a/harvest":
			send("text/plain; charset=utf-8", feedHarvest)
		case "/a/dam":
			send("text/plain; charset=utf-8", feedDam)
		case "/a/old":
			send("text/plain; charset=utf-8", feedOld)
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(ts.Close)
	return ts
}

// feedDigestJSON is what the feed tests read of a digest.
type feedDigestJSON struct {
	KeyDevelopments []struct {
		Text     string   `json:"text"`
		Articles []string `json:"articles"`
	} `json:"key_developments"`
	Articles []struct {
		Input string `json:"input"`
		Title string `json:"title"`
		Meta  struct {
			Byline    string `json:"byline"`
			Published string `json:"published"`
			Date      string `json:"date"`
			Sentences int    `json:"sentences"`
		} `json:"meta"`
		KeyPoints []json.RawMessage `json:"key_points"`
		Unread    bool              `json:"unread"`
	} `json:"articles"`
}

func TestDigestFeeds(t *testing.T) {
	ts := newFeedTestServer(t)
	u := ts.URL
	code, out, stderr := runBrief(t, "", "digest", "-f", "json", "--date", "2026-11-26", "--since", "48h", u+"/rss", u+"/atom")
	if code != exitPartial {
		t.Errorf("exit %d, want %d (a dead link)", code, exitPartial)
	}
	want := fmt.Sprintf("brief: %s/a/dead: page not found (HTTP 404) (item \"Minister resigns over ferry contract\" of feed \"Coastal Times\")\n", u)
	if stderr != want {
		t.Errorf("stderr = %q, want %q", stderr, want)
	}
	var d feedDigestJSON
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatalf("digest JSON: %v\n%s", err, out)
	}
	type article struct {
		input, title, byline, published string
		briefed                         bool
	}
	var got []article
	for _, a := range d.Articles {
		got = append(got, article{a.Input, a.Title, a.Meta.Byline, a.Meta.Published, len(a.KeyPoints) > 0})
		if a.Meta.Date != "2026-11-26" {
			t.Errorf("%s: briefing date %q", a.Input, a.Meta.Date)
		}
	}
	wantArts := []article{
		// The page's title; the feed's author and date fill in.
		{u + "/a/harbour", "Port of Velra reopens after the storm", "Ana Petrov", "08:00 UTC, 25 November 2026", true},
		// The dead link stands alone: the item's title, author and date.
		{u + "/a/dead", "Minister resigns over ferry contract", "Petra Lind", "19:30 UTC, 25 November 2026", false},
		// No date in the feed: kept. No title on the page: the feed's.
		{u + "/a/harvest", "An early grape harvest in the north", "Tomas Berg", "", true},
		// The Atom feed's harbour entry is the same page: briefed once.
		// Its relative link is resolved.
		{u + "/a/dam", "Talks on the Telen dam resume", "Jonas Hale", "10:00 UTC, 25 November 2026", true},
	}
	if !slices.Equal(got, wantArts) {
		t.Errorf("articles:\n%+v\nwant\n%+v", got, wantArts)
	}
	if strings.Contains(out, "/a/old") || strings.Contains(out, "Fish market") {
		t.Error("the ten-day-old item is in the digest")
	}
	// The dead item is no key development (nothing of it was read), but
	// it is listed, marked unread, after the stories that were.
	for _, k := range d.KeyDevelopments {
		if slices.Contains(k.Articles, u+"/a/dead") {
			t.Errorf("the unread item is a key development: %+v", k)
		}
	}
	for _, a := range d.Articles {
		if a.Unread != (a.Input == u+"/a/dead") {
			t.Errorf("%s: unread = %v", a.Input, a.Unread)
		}
	}
	code, md, _ := runBrief(t, "", "digest", "--date", "2026-11-26", "--since", "48h", u+"/rss", u+"/atom")
	if code != exitPartial || !strings.Contains(md, "[Minister resigns over ferry contract]("+u+"/a/dead) — page not read: only the feed's entry is known") {
		t.Errorf("Markdown: exit %d, the unread item not listed as such:\n%s", code, md)
	}

	// The same as a PDF file.
	pdf := filepath.Join(t.TempDir(), "digest.pdf")
	code, _, stderr = runBrief(t, "", "digest", "-q", "--date", "2026-11-26", "--since", "48h", "-o", pdf, u+"/rss", u+"/atom")
	if code != exitPartial || !strings.Contains(stderr, "/a/dead: page not found") {
		t.Errorf("PDF: exit %d, stderr %q", code, stderr)
	}
	if b, err := os.ReadFile(pdf); err != nil || !bytes.HasPrefix(b, []byte("%PDF-")) {
		t.Errorf("digest.pdf not written (%v)", err)
	}
}

func TestFeedsSince(t *testing.T) {
	ts := newFeedTestServer(t)
	u := ts.URL
	tests := []struct {
		name string
		args []string
		env  string // SOURCE_DATE_EPOCH
		old  bool   // the item of 16 November is in
	}{
		{"no --since", nil, "", true},
		{"a date", []string{"--since", "2026-11-20"}, "", false},
		{"a time", []string{"--since", "2026-11-16T08:59:00Z"}, "", true},
		{"days before --date", []string{"--date", "2026-11-26", "--since", "7d"}, "", false},
		{"days before --date, further back", []string{"--date", "2026-11-26", "--since", "11d"}, "", true},
		// 2026-11-26T00:00:00Z less 240 hours is 16 November, 00:00 UTC.
		{"hours before SOURCE_DATE_EPOCH", []string{"--since", "240h"}, "1795651200", true},
		{"hours before SOURCE_DATE_EPOCH, nearer", []string{"--since", "200h"}, "1795651200", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("SOURCE_DATE_EPOCH", tt.env)
			args := append([]string{"batch"}, tt.args...)
			code, out, stderr := runBrief(t, "", append(args, u+"/rss")...)
			if code != exitPartial {
				t.Errorf("exit %d, stderr %q", code, stderr)
			}
			if got := strings.Contains(out, `"id":"`+u+`/a/old"`); got != tt.old {
				t.Errorf("old item in: %v, want %v\n%s", got, tt.old, out)
			}
			if n := strings.Count(out, "\n"); n < 2 {
				t.Errorf("%d lines, want the recent items", n)
			}
		})
	}
}

func TestFeedsUsage(t *testing.T) {
	for _, args := range [][]string{
		{"digest", "--since", "yesterday", "x.txt"},
		{"batch", "--since", "-3h", "x.txt"},
		{"batch", "--since", "0d", "x.txt"},
	} {
		if code, _, stderr := runBrief(t, "", args...); code != exitUsage || !strings.Contains(stderr, "--since") {
			t.Errorf("%q: exit %d, want %d; stderr %q", args, code, exitUsage, stderr)
		}
	}
}

func TestFeedAsSingleArticle(t *testing.T) {
	ts := newFeedTestServer(t)
	code, _, stderr := runBrief(t, "", ts.URL+"/rss")
	if code != exitFailure || !strings.Contains(stderr, "news feed") || !strings.Contains(stderr, "brief digest") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}
