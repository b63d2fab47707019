package source

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"

	"golang.org/x/net/html/charset"
)

// opml yields the items of the feeds the OPML file b lists (every
// outline's xmlUrl, however deeply nested), each feed once; name names b
// and base is its address when it was fetched. A listed feed that cannot
// be fetched, or is no feed, is yielded as a failed input named by its
// address.
func (r *Reader) opml(ctx context.Context, name string, base *url.URL, b []byte, ex *expansion, yield func(Input) bool) bool {
	feeds, err := opmlFeeds(b)
	if err != nil {
		return yield(failed(name, fmt.Errorf("unreadable OPML file: %w", err)))
	}
	if len(feeds) == 0 {
		return yield(failed(name, errors.New("the OPML file lists no feeds (no outline has an xmlUrl)")))
	}
	for _, raw := range feeds {
		if ctx.Err() != nil {
			return false
		}
		u, err := url.Parse(raw)
		if err != nil {
			if !yield(failed(raw, errors.New("the listed feed's address is not a valid web address"))) {
				return false
			}
			continue
		}
		if base != nil {
			u = base.ResolveReference(u)
		}
		if u.Host == "" || !IsURL(u.String()) {
			if !yield(failed(raw, errors.New("the listed feed's address is not an http(s) address"))) {
				return false
			}
			continue
		}
		if !r.listedFeed(ctx, u.String(), ex, yield) {
			return false
		}
	}
	return true
}

// listedFeed yields the items of the feed at feedURL, listed by an OPML
// file: read once however often it is listed, and refused when it is not
// a feed (OPML files are not followed from OPML files).
func (r *Reader) listedFeed(ctx context.Context, feedURL string, ex *expansion, yield func(Input) bool) bool {
	key := normaliseLink(feedURL)
	if ex.feeds[key] {
		return true
	}
	ex.feeds[key] = true
	p, err := r.fetchDocument(ctx, feedURL)
	if ctx.Err() != nil {
		return false
	}
	if err != nil {
		return yield(failed(feedURL, err))
	}
	if detectDoc(p.body) != docFeed {
		return yield(failed(feedURL, errors.New("listed as a feed, but it is not an RSS, Atom or JSON feed")))
	}
	return r.feedItems(ctx, feedURL, p.url, p.body, ex, yield)
}

// opmlFeeds returns the xmlUrl of every outline of the OPML file b, in
// document order, nested outlines included. The attribute's name is
// matched without regard to case, as OPML files in the wild vary.
func opmlFeeds(b []byte) ([]string, error) {
	d := xml.NewDecoder(bytes.NewReader(b))
	d.Strict = false
	d.CharsetReader = charset.NewReaderLabel
	var feeds []string
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return feeds, nil
		}
		if err != nil {
			if len(feeds) > 0 {
				return feeds, nil // a file cut short still lists its first feeds
			}
			return nil, err
		}
		el, ok := tok.(xml.StartElement)
		if !ok || !strings.EqualFold(el.Name.Local, "outline") {
			continue
		}
		for _, a := range el.Attr {
			if strings.EqualFold(a.Name.Local, "xmlUrl") {
				if v := strings.TrimSpace(a.Value); v != "" {
					feeds = append(feeds, v)
				}
			}
		}
	}
}
