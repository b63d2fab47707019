package source

// Feeds as inputs. A file or URL whose content is an RSS, Atom or JSON
// Feed document stands for its items: each item becomes an Input of kind
// kindFeedItem named by the item's link, carrying what the feed says of
// the item (a FeedItem), and Read fetches the link as it fetches a URL.
// An OPML file (or URL) lists feeds: it stands for their items. Whether
// an input is a feed is told by its content alone, never by its name or
// content type: an HTML page or a text article is never taken for one.

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/brief-dev/brief/brief"
	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html"
)

// ErrFeed means an article was wanted and the input is a feed or an OPML
// list of feeds.
var ErrFeed = errors.New("a news feed, not an article")

// FeedItem is what a feed says of one of its items. Its fields are plain
// text on one line, control characters removed.
type FeedItem struct {
	// Feed names the feed: its title, else the feed's path or URL
	// (without credentials).
	Feed string
	// Title is the item's title; "" when the feed gives none.
	Title string
	// Link is the address of the item's article, made absolute; "" when
	// the item has none that brief can fetch.
	Link string
	// Published is when the item was published or, lacking that, last
	// updated; the zero time when the feed does not say.
	Published time.Time
	// Author is the item's author, or its authors separated by commas;
	// "" when the feed names none (an e-mail address alone is no name).
	Author string
}

// Fill fills in what the parsed article doc lacks from what the feed says
// of it: the title, the author (as the byline) and the publication date.
// What the page gives is kept. Fill does nothing on a nil FeedItem.
func (f *FeedItem) Fill(doc *brief.Document) {
	if f == nil || doc == nil {
		return
	}
	if doc.Title == "" {
		doc.Title = f.Title
	}
	if doc.Byline.Name == "" {
		doc.Byline.Name = f.Author
	}
	if doc.Published == "" {
		doc.Published = f.stamp()
	}
}

// Briefing is the item standing alone, for when its page could not be
// read or briefed: a briefing with the item's title (else its link),
// author and publication date, and no bullets (Meta.Sentences is 0). Its
// lists are empty, not nil, as a briefing's JSON wants.
func (f *FeedItem) Briefing() *brief.Briefing {
	title := f.Title
	switch {
	case title != "":
	case f.Link != "":
		title = Redact(f.Link)
	default:
		title = "An item of " + f.Feed
	}
	return &brief.Briefing{
		Title:      title,
		Meta:       brief.Meta{Byline: f.Author, Published: f.stamp()},
		BottomLine: []brief.Bullet{},
		KeyPoints:  []brief.Bullet{},
		Actors:     []brief.Actor{},
		Statements: []brief.Statement{},
		Background: []brief.Bullet{},
		Outlook:    []brief.Bullet{},
	}
}

// stamp is the publication date as news sites print it ("2 January 2006",
// with the time when it is not midnight), in UTC as the feed parser gives
// it; "" when the feed gives none.
func (f *FeedItem) stamp() string {
	t := f.Published
	switch {
	case t.IsZero():
		return ""
	case t.Hour() == 0 && t.Minute() == 0:
		return t.Format("2 January 2006")
	}
	return t.Format("15:04 MST, 2 January 2006")
}

// explain adds to the error of an item's input which item it is.
func (f *FeedItem) explain(err error) error {
	if f.Title == "" {
		return fmt.Errorf("%w (an item of feed %q)", err, f.Feed)
	}
	return fmt.Errorf("%w (item %q of feed %q)", err, f.Title, f.Feed)
}

const (
	docOther docKind = iota // an article, or anything else
	docFeed                 // RSS, Atom or JSON Feed
	docOPML                 // an OPML list of feeds
)

// Namespaces that mark the root element of a feed.
const (
	atomNS  = "http://www.w3.org/2005/Atom"
	atom03  = "http://purl.org/atom/ns#"
	rss10NS = "http://purl.org/rss/1.0/"
	rss09NS = "http://my.netscape.com/rdf/simple/0.9/"
)

// parseFeed parses the feed b with gofeed. A panic in the parser (a
// hostile document) is an error, not the end of the run.
func parseFeed(b []byte) (feed *gofeed.Feed, err error) {
	defer func() {
		if p := recover(); p != nil {
			feed, err = nil, fmt.Errorf("unreadable feed: the parser failed: %v", p)
		}
	}()
	feed, err = gofeed.NewParser().Parse(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("unreadable feed: %w", err)
	}
	return feed, nil
}

// expansion is the state of one expansion of arguments into inputs:
// what it has yielded (the links of articles, as normaliseLink has them,
// and the feeds read), so that an article linked from two feeds is read
// once and a feed listed twice is read once; and the URL arguments
// fetched ahead of the one expanded.
type expansion struct {
	links map[string]bool
	feeds map[string]bool

	args   []string
	arg    int              // the index of the argument being expanded
	next   int              // the first argument not yet considered for fetching ahead
	ahead  map[int]*fetched // URL arguments fetched ahead, by index
	ctx    context.Context  // of the fetches ahead
	cancel context.CancelFunc
}

// fetchAhead is how many URL arguments are fetched at once, ahead of the
// one expanded, so that a run over many URLs does not fetch them one by
// one (PerHost still bounds the requests to each host).
const fetchAhead = 4

// fetched is the outcome of a fetch ahead, once done is closed.
type fetched struct {
	done chan struct{}
	p    *page
	err  error
}

func (r *Reader) newExpansion(ctx context.Context, args []string) *expansion {
	ex := &expansion{links: map[string]bool{}, feeds: map[string]bool{}, args: args, ahead: map[int]*fetched{}}
	ex.ctx, ex.cancel = context.WithCancel(ctx)
	return ex
}

// stop ends the fetches ahead that are no longer wanted.
func (ex *expansion) stop() { ex.cancel() }

// fetchArg fetches the URL argument being expanded, or waits for its
// fetch ahead, and starts fetching the next URL arguments, up to
// fetchAhead of them.
func (r *Reader) fetchArg(ctx context.Context, ex *expansion) (*page, error) {
	for ex.next < len(ex.args) && (ex.next <= ex.arg || len(ex.ahead) < fetchAhead) {
		if i := ex.next; i >= ex.arg && IsURL(ex.args[i]) && !r.JSONL {
			f := &fetched{done: make(chan struct{})}
			ex.ahead[i] = f
			go func() {
				defer close(f.done)
				f.p, f.err = r.fetchDocument(ex.ctx, ex.args[i])
			}()
		}
		ex.next++
	}
	f, ok := ex.ahead[ex.arg]
	if !ok {
		return r.fetchDocument(ctx, ex.args[ex.arg])
	}
	delete(ex.ahead, ex.arg)
	select {
	case <-f.done:
		return f.p, f.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// urlInputs yields the inputs of a URL argument. It is fetched while
// expanding (see fetchArg), because only its content says whether it is
// a feed: it is the items of the feeds it is or lists, or else the page
// itself (carried by the Input, so that Read does not fetch it again). A
// page that is neither a feed nor HTML or text is refused as fetch
// refuses it.
func (r *Reader) urlInputs(ctx context.Context, arg string, ex *expansion, yield func(Input) bool) bool {
	key := normaliseLink(arg)
	if ex.feeds[key] {
		delete(ex.ahead, ex.arg) // fetched ahead for nothing
		return true
	}
	p, err := r.fetchArg(ctx, ex)
	if ctx.Err() != nil {
		return false
	}
	if err != nil {
		return yield(failed(arg, err))
	}
	if kind := detectDoc(p.body); kind != docOther {
		ex.feeds[key] = true
		return r.document(ctx, arg, p.url, p.body, kind, ex, yield)
	}
	if !articleType(p.mediaType) {
		return yield(failed(arg, typeError(p.mediaType)))
	}
	ex.links[key] = true
	return yield(Input{Name: arg, kind: kindURL, page: p})
}

// pageOf is the page of a URL input or feed item: the one fetched while
// expanding, else fetched now. A feed is refused with ErrFeed.
func (r *Reader) pageOf(ctx context.Context, in Input) (*page, error) {
	if in.page != nil {
		return in.page, nil
	}
	p, err := r.fetchDocument(ctx, in.Name)
	if err != nil {
		return nil, err
	}
	if err := notADocument(p.body); err != nil {
		return nil, err
	}
	if !articleType(p.mediaType) {
		return nil, typeError(p.mediaType)
	}
	return p, nil
}

// sniffFile returns the content of the file at path and what it is, when
// it is a regular file that is a feed or OPML; otherwise (an article, a
// file that cannot be read) nil and docOther: Read reads it, or says why
// it cannot.
func (r *Reader) sniffFile(path string) ([]byte, docKind) {
	fi, err := os.Stat(path)
	if err != nil || !fi.Mode().IsRegular() {
		return nil, docOther // a FIFO or device is read once, by Read
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, docOther
	}
	defer f.Close()
	head := make([]byte, sniffLen)
	n, err := io.ReadFull(f, head)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return nil, docOther
	}
	head = head[:n]
	t := trimDocStart(head)
	switch {
	case len(t) > 0 && t[0] == '<':
		if detectDoc(head) == docOther {
			return nil, docOther
		}
	case len(t) > 0 && t[0] == '{':
	default:
		return nil, docOther
	}
	b, err := r.readAll(io.MultiReader(bytes.NewReader(head), f))
	if err != nil {
		return nil, docOther
	}
	kind := detectDoc(b)
	if kind == docOther {
		return nil, docOther
	}
	return b, kind
}

// document yields the items of the feed b, or of the feeds the OPML file
// b lists; name names b, and base is its address when it was fetched.
func (r *Reader) document(ctx context.Context, name string, base *url.URL, b []byte, kind docKind, ex *expansion, yield func(Input) bool) bool {
	if kind == docOPML {
		return r.opml(ctx, name, base, b, ex, yield)
	}
	return r.feedItems(ctx, name, base, b, ex, yield)
}

// feedItems yields the items of the feed b, named name and fetched from
// base (nil for a file), in the feed's order: those published at or
// before Since are left out, and so are those whose link was yielded
// before. An item without a link brief can fetch is yielded as a failed
// input that still carries its FeedItem.
func (r *Reader) feedItems(ctx context.Context, name string, base *url.URL, b []byte, ex *expansion, yield func(Input) bool) bool {
	feed, err := parseFeed(b)
	if err != nil {
		return yield(failed(name, err))
	}
	title := plainText(feed.Title)
	if title == "" {
		title = Redact(name)
	}
	if base == nil {
		// A feed read from a file: its links are relative to its site.
		if u, err := url.Parse(strings.TrimSpace(feed.Link)); err == nil && IsURL(u.String()) {
			base = u
		}
	}
	for i, item := range feed.Items {
		if ctx.Err() != nil {
			return false
		}
		if item == nil {
			continue
		}
		fi := newFeedItem(title, item)
		if !r.Since.IsZero() && !fi.Published.IsZero() && !fi.Published.After(r.Since) {
			continue
		}
		link, err := itemLink(item, base)
		if err != nil {
			in := failed(Redact(name)+" (item "+strconv.Itoa(i+1)+")", err)
			in.feed = fi
			if !yield(in) {
				return false
			}
			continue
		}
		fi.Link = link
		key := normaliseLink(link)
		if ex.links[key] {
			continue
		}
		ex.links[key] = true
		if !yield(Input{Name: link, kind: kindFeedItem, feed: fi}) {
			return false
		}
	}
	return true
}

// newFeedItem is what the feed titled feed says of item.
func newFeedItem(feed string, item *gofeed.Item) *FeedItem {
	fi := &FeedItem{Feed: feed, Title: plainText(item.Title)}
	switch {
	case item.PublishedParsed != nil:
		fi.Published = *item.PublishedParsed
	case item.UpdatedParsed != nil:
		fi.Published = *item.UpdatedParsed
	}
	people := item.Authors
	if len(people) == 0 && item.Author != nil {
		people = []*gofeed.Person{item.Author}
	}
	var names []string
	for _, p := range people {
		if p == nil {
			continue
		}
		if n := plainText(p.Name); n != "" && !strings.Contains(n, "@") && !containsFold(names, n) {
			names = append(names, n)
		}
	}
	fi.Author = strings.Join(names, ", ")
	return fi
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

// itemLink is the absolute http(s) address of item's article: its link,
// else its first other link, else its GUID when that is a web address;
// resolved against base when relative.
func itemLink(item *gofeed.Item, base *url.URL) (string, error) {
	raw := strings.TrimSpace(item.Link)
	for _, l := range item.Links {
		if raw != "" {
			break
		}
		raw = strings.TrimSpace(l)
	}
	if raw == "" && IsURL(strings.TrimSpace(item.GUID)) {
		raw = strings.TrimSpace(item.GUID)
	}
	if raw == "" {
		return "", errors.New("the feed item has no link to an article")
	}
	u, err := url.Parse(raw)
	if err != nil {
		return "", errors.New("the feed item's link is not a valid web address")
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	if u.Host == "" || !IsURL(u.String()) {
		return "", errors.New("the feed item's link is not an http(s) address")
	}
	return u.String(), nil
}

// plainText is s (a title or a name from a feed, which may hold HTML) as
// plain text on one line: tags dropped, character references decoded,
// white space collapsed, control characters removed.
func plainText(s string) string {
	if strings.ContainsAny(s, "<&") {
		var b strings.Builder
		z := html.NewTokenizer(strings.NewReader(s))
		for {
			tt := z.Next()
			if tt == html.ErrorToken {
				break
			}
			if tt == html.TextToken {
				b.Write(z.Text())
			}
		}
		s = b.String()
	}
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) && !unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// normaliseLink is the form of a link by which the same article is
// recognised under two spellings: scheme and host in lower case, without
// a default port, user name and password, fragment, or utm_* tracking
// parameters, and with "/" for an empty path. A link that does not parse
// is its own form.
func normaliseLink(s string) string {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil {
		return s
	}
	u.Scheme = strings.ToLower(u.Scheme)
	u.Host = strings.ToLower(u.Host)
	if h, port, ok := strings.Cut(u.Host, ":"); ok && !strings.Contains(port, ":") &&
		(u.Scheme == "http" && port == "80" || u.Scheme == "https" && port == "443") {
		u.Host = h
	}
	u.User = nil
	u.Fragment, u.RawFragment = "", ""
	if u.Host != "" && u.Path == "" {
		u.Path = "/"
	}
	if u.RawQuery != "" {
		var kept []string
		for _, p := range strings.Split(u.RawQuery, "&") {
			key, _, _ := strings.Cut(p, "=")
			if p == "" || strings.HasPrefix(strings.ToLower(key), "utm_") {
				continue
			}
			kept = append(kept, p)
		}
		u.RawQuery = strings.Join(kept, "&")
		u.ForceQuery = false
	}
	return u.String()
}
