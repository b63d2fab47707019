package source

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/mmcdole/gofeed"
)

// docKind is what a document is, as far as feeds go.
type docKind int

// sniffLen is how much of a document tells whether it is an XML feed or
// OPML: its root element comes within the first few kilobytes (as
// gofeed's detection has it).
const sniffLen = 4096

// detectDoc tells whether b is a feed, an OPML file or neither, by its
// content. An XML document is a feed when gofeed's detection says so (its
// root element is rss, rdf:RDF or feed) and its root element says which
// feed it is, as the formats require: rss with a version, feed in the
// Atom namespace, rdf:RDF with an RSS 1.0 or 0.9 namespace. It is OPML
// when its root element is opml. A JSON object is a feed when its
// "version" is a JSON Feed version. So an HTML page (root html, or not
// XML) is neither, and neither is text that merely opens with "<feed>".
func detectDoc(b []byte) docKind {
	b = trimDocStart(b)
	switch {
	case len(b) == 0:
		return docOther
	case b[0] == '<':
		head := b[:min(len(b), sniffLen)]
		root, ok := xmlRoot(head)
		if !ok {
			return docOther
		}
		if root.Name.Local == "opml" {
			return docOPML
		}
		switch gofeed.DetectFeedType(bytes.NewReader(head)) {
		case gofeed.FeedTypeRSS, gofeed.FeedTypeAtom:
			if isFeedRoot(root) {
				return docFeed
			}
		}
	case b[0] == '{':
		if isJSONFeed(b) {
			return docFeed
		}
	}
	return docOther
}

// isFeedRoot reports whether root, the root element of an XML document
// (its name lower-case, as xmlRoot gives it), is that of a feed.
func isFeedRoot(root xml.StartElement) bool {
	has := func(name string, values ...string) bool {
		for _, a := range root.Attr {
			full := a.Name.Local
			if a.Name.Space != "" {
				full = a.Name.Space + ":" + full
			}
			if !strings.EqualFold(full, name) {
				continue
			}
			if len(values) == 0 {
				return true
			}
			for _, v := range values {
				if strings.TrimSpace(a.Value) == v {
					return true
				}
			}
		}
		return false
	}
	switch root.Name.Local {
	case "rss":
		return has("version")
	case "feed":
		return has("xmlns", atomNS, atom03)
	case "rdf":
		return has("xmlns", rss10NS, rss09NS) || has("xmlns:rss", rss10NS, rss09NS)
	}
	return false
}

// trimDocStart drops a UTF-8 byte order mark and white space from the
// start of b.
func trimDocStart(b []byte) []byte {
	b = bytes.TrimPrefix(b, []byte("\xEF\xBB\xBF"))
	return bytes.TrimLeft(b, " \t\r\n")
}

// xmlRoot returns the root element of the XML document that begins head,
// its local name in lower case (attributes as written, namespaces not
// resolved); ok is false when head does not begin an XML document.
func xmlRoot(head []byte) (root xml.StartElement, ok bool) {
	d := xml.NewDecoder(bytes.NewReader(head))
	d.Strict = false
	d.CharsetReader = func(_ string, in io.Reader) (io.Reader, error) { return in, nil } // only the root is wanted
	for range 64 {
		tok, err := d.RawToken()
		if err != nil {
			return root, false
		}
		switch t := tok.(type) {
		case xml.StartElement:
			t.Name.Local = strings.ToLower(t.Name.Local)
			return t, true
		case xml.CharData:
			if len(bytes.TrimSpace(t)) > 0 {
				return root, false
			}
		}
	}
	return root, false
}

// isJSONFeed reports whether b is a JSON object whose "version" is that
// of JSON Feed ("https://jsonfeed.org/version/1.1").
func isJSONFeed(b []byte) bool {
	var v struct {
		Version any `json:"version"`
	}
	if err := json.Unmarshal(b, &v); err != nil {
		return false
	}
	s, _ := v.Version.(string)
	s = strings.TrimPrefix(strings.TrimPrefix(s, "https://"), "http://")
	return strings.HasPrefix(s, "jsonfeed.org/version/")
}

// notADocument returns ErrFeed, worded, when b is a feed or OPML.
func notADocument(b []byte) error {
	if detectDoc(b) == docOther {
		return nil
	}
	return fmt.Errorf("%w: brief digest and brief batch read feeds and brief their items", ErrFeed)
}
