package source

import (
	"bytes"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"

	"codeberg.org/readeck/go-readability/v2"
	"github.com/brief-dev/brief/brief"
	"github.com/brief-dev/brief/brief/decode"
	"github.com/brief-dev/brief/brief/sentences"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/text/unicode/norm"
)

// fragmentStarts are tags an HTML fragment (not a whole page) may open
// with, as in a JSON Lines record that holds a page's body.
var fragmentStarts = []string{
	"<meta", "<link", "<title", "<article", "<section", "<main", "<header",
	"<nav", "<div", "<p>", "<p ", "<h1", "<h2", "<h3", "<span", "<ul", "<table",
}

// looksLikeHTML reports whether b looks like an HTML page
// ([brief.LooksLikeHTML]) or fragment rather than plain text, judging by
// how it begins (after white space and a byte order mark) and, as browsers
// sniff content, by http.DetectContentType.
func looksLikeHTML(b []byte) bool {
	if decode.LooksLikeHTML(b) {
		return true
	}
	if len(b) > 1024 {
		b = b[:1024]
	}
	b = bytes.TrimPrefix(b, []byte("\xEF\xBB\xBF"))
	b = bytes.TrimLeft(b, " \t\r\n\f")
	if strings.HasPrefix(http.DetectContentType(b), "text/html") {
		return true
	}
	s := strings.ToLower(string(b))
	for _, p := range fragmentStarts {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// readPage finds the main article of an HTML page (dropping navigation,
// advertisements, related links, comments and footers) and returns it as
// a [brief.Page]: the title, byline, publication time, site name and
// language the page declares, and the body as paragraphs, headings and
// lines, captions and credits set aside. contentType is the server's
// Content-Type, if any, for the character set (see decodePage); page is
// the page's address, if known. The note says how the page was decoded
// when it was not plainly UTF-8.
func readPage(b []byte, contentType string, page *url.URL) (*brief.Page, string, error) {
	pt := decodePage(b, contentType)
	// Composed characters (NFC) and no soft hyphens, as readability's
	// own reader gives; the page is parsed here, not by readability,
	// because that reader guesses the character set again from the
	// bytes and can undo decodePage's work.
	text := norm.NFC.String(strings.ReplaceAll(pt.text, "\u00ad", ""))
	doc, err := html.Parse(strings.NewReader(text))
	if err != nil {
		return nil, "", fmt.Errorf("%w: %w", ErrNoArticle, err)
	}
	rd := readability.NewParser()
	// Keep the classes that mark an embedded post (see embeddedPost).
	rd.ClassesToPreserve = append(rd.ClassesToPreserve, embedClasses...)
	art, err := rd.ParseDocument(doc, page)
	if err != nil {
		return nil, "", fmt.Errorf("%w: %w", ErrNoArticle, err)
	}
	pg := &brief.Page{
		Title:  headline(doc, clean(art.Title())),
		Byline: pageAuthor(doc, clean(art.Byline()), clean(art.SiteName())),
		Site:   clean(art.SiteName()),
		Lang:   clean(art.Language()),
	}
	if t, err := art.PublishedTime(); err == nil {
		pg.Published = stamp(t)
	}
	if art.Node != nil {
		pg.Blocks, pg.Dropped = pageBlocks(art.Node)
	}
	if !hasSentence(pg.Blocks) {
		// Readability found no article (a page of short paragraphs, an
		// odd layout): read the body less its navigation, header and
		// footer rather than fail.
		pg.Blocks, pg.Dropped = bodyBlocks(doc)
		if pg.Title == "" {
			pg.Title = clean(documentTitle(doc))
		}
	}
	if !hasSentence(pg.Blocks) {
		return nil, "", ErrNoArticle
	}
	return pg, pt.note, nil
}

// clean is s normalised as brief reads text, on one line.
func clean(s string) string { return oneLine(decode.Normalize(s)) }

// stamp formats a publication time the way news sites print it.
func stamp(t time.Time) string {
	if t.Hour() == 0 && t.Minute() == 0 {
		return t.Format("2 January 2006")
	}
	return t.Format("15:04 MST, 2 January 2006")
}

// hasSentence reports whether blocks hold any paragraph of prose (at
// least a few words, a character of a language written without spaces
// counting as a word), rather than only headings or captions.
func hasSentence(blocks []brief.Block) bool {
	for _, b := range blocks {
		if !b.Heading && sentences.WordCount(b.Text) >= 5 {
			return true
		}
	}
	return false
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// skipped are elements whose text is never part of the article body.
var skipped = map[atom.Atom]bool{
	atom.Head: true, atom.Script: true, atom.Style: true, atom.Noscript: true,
	atom.Svg: true, atom.Math: true, atom.Img: true, atom.Picture: true,
	atom.Video: true, atom.Audio: true, atom.Iframe: true, atom.Object: true,
	atom.Embed: true, atom.Canvas: true, atom.Map: true, atom.Button: true,
	atom.Input: true, atom.Select: true, atom.Textarea: true, atom.Template: true,
}

// chrome are elements whose text is page furniture rather than article:
// it goes to Page.Dropped. (Not forms: some sites wrap the whole page in
// one.)
var chrome = map[atom.Atom]bool{
	atom.Nav: true, atom.Aside: true, atom.Footer: true, atom.Figcaption: true,
}

// blocks are elements that start and end a paragraph of text.
var blocks = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Section: true, atom.Article: true,
	atom.Main: true, atom.Header: true, atom.Li: true,
	atom.Ul: true, atom.Ol: true, atom.Dl: true, atom.Dt: true, atom.Dd: true,
	atom.Blockquote: true, atom.Pre: true, atom.Table: true, atom.Tr: true,
	atom.Td: true, atom.Th: true, atom.Hr: true, atom.Figure: true,
	atom.Address: true, atom.Details: true, atom.Summary: true,
	atom.Caption: true, atom.Fieldset: true, atom.Dialog: true, atom.Form: true,
}

// headings are the heading elements.
var headings = map[atom.Atom]bool{
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
}

// pageChromeRole reports whether n's role marks it as navigation, a
// banner, page information or a complementary aside.
func pageChromeRole(n *html.Node) bool {
	for _, a := range n.Attr {
		if a.Key == "role" {
			switch strings.ToLower(a.Val) {
			case "navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar", "dialog":
				return true
			}
		}
	}
	return false
}

// hidden reports whether the element n is hidden from readers.
func hidden(n *html.Node) bool {
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "aria-hidden":
			if a.Val == "" || a.Val == "true" {
				return true
			}
		}
	}
	return false
}

// bodyBlocks returns the blocks of the <body> of doc as pageBlocks does,
// setting aside also the page's header and anything marked as
// navigation, a banner or page information.
func bodyBlocks(doc *html.Node) ([]brief.Block, []string) {
	body := find(doc, atom.Body)
	if body == nil {
		body = doc
	}
	w := walker{wholePage: true}
	w.walk(body)
	w.flush()
	return w.blocks, w.dropped
}

// find returns the first element under n with the tag a, or nil.
func find(n *html.Node, a atom.Atom) *html.Node {
	if n.Type == html.ElementNode && tag(n) == a {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := find(c, a); f != nil {
			return f
		}
	}
	return nil
}

// headline returns the article's headline: the page's <h1> that agrees
// with title (what the page's metadata gives: og:title, <title>), when
// there is one, else title. Sites often shorten or reword the headline in
// their metadata, or add the site's name; the <h1> is what the reader
// sees above the article. An <h1> that shares too little with the title
// (a site logo, a browser warning) is passed over.
func headline(doc *html.Node, title string) string {
	tw := wordSetOf(title)
	type cand struct {
		text  string
		score float64
	}
	var cands []cand
	var walk func(n *html.Node, inArticle bool)
	walk = func(n *html.Node, inArticle bool) {
		if n.Type == html.ElementNode {
			switch tag(n) {
			case atom.Nav, atom.Footer, atom.Aside, atom.Script, atom.Style, atom.Noscript, atom.Template:
				return
			case atom.Header:
				if !inArticle {
					return // the site's header: its logo is no headline
				}
			case atom.Article, atom.Main:
				inArticle = true
			case atom.H1:
				if hidden(n) {
					return
				}
				h := clean(textOf(n))
				hw := wordSetOf(h)
				if len(hw) < 2 || len([]rune(h)) > 300 {
					return
				}
				shared := 0
				for w := range hw {
					if tw[w] {
						shared++
					}
				}
				score := 1.0
				if len(tw) > 0 {
					score = min(float64(shared)/float64(len(hw)), float64(shared)/float64(len(tw)))
				}
				cands = append(cands, cand{h, score})
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inArticle)
		}
	}
	walk(doc, false)
	// One <h1> that shares a little with the metadata is the headline;
	// among several, the one that agrees best, if it agrees enough.
	best, bestScore := "", 0.0
	floor := 0.25
	if len(cands) == 1 {
		floor = 0.1
	}
	for _, c := range cands {
		if c.score >= floor && c.score > bestScore {
			best, bestScore = c.text, c.score
		}
	}
	if best == "" {
		return title
	}
	return best
}

// wordSetOf returns the lower-case words of s, a word being a run of
// letters or digits (each character of a script without spaces counts
// as one).
func wordSetOf(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if rs := []rune(w); len(rs) > 1 && sentences.Unspaced(rs[0]) {
			for _, r := range rs {
				m[string(r)] = true
			}
			continue
		}
		m[w] = true
	}
	return m
}

// documentTitle returns the text of the document's <title>.
func documentTitle(doc *html.Node) string {
	if t := find(doc, atom.Title); t != nil {
		return textOf(t)
	}
	return ""
}

// pageBlocks returns the body under n in reading order: one block per
// paragraph or heading, white space collapsed, a line break (<br>) kept
// as "\n"; and the text set aside: figure captions and credits, and the
// text of navigation, asides and footers, one string each.
func pageBlocks(n *html.Node) (out []brief.Block, dropped []string) {
	w := walker{}
	w.walk(n)
	w.flush()
	return w.blocks, w.dropped
}

// walker collects the blocks of an article's HTML.
type walker struct {
	blocks  []brief.Block
	dropped []string
	cur     strings.Builder
	heading bool // cur is a heading
	aside   int  // depth of elements whose text goes to dropped
	embed   int  // depth of embedded posts (see embeddedPost)
	// wholePage is set when the walk covers a whole page, not an article
	// that readability found: headers and elements whose role marks
	// them as navigation are set aside too.
	wholePage bool
}

// flush ends the current block.
func (w *walker) flush() {
	text := decode.Normalize(w.cur.String())
	w.cur.Reset()
	heading := w.heading
	w.heading = false
	var lines []string
	for l := range strings.SplitSeq(text, "\n") {
		if l = oneLine(l); l != "" {
			lines = append(lines, l)
		}
	}
	if len(lines) == 0 {
		return
	}
	if w.aside > 0 {
		w.dropped = append(w.dropped, strings.Join(lines, " "))
		return
	}
	if heading {
		w.blocks = append(w.blocks, brief.Block{Text: strings.Join(lines, " "), Heading: true})
		return
	}
	w.blocks = append(w.blocks, brief.Block{Text: strings.Join(lines, "\n"), Embed: w.embed > 0})
}

func (w *walker) walk(n *html.Node) {
	var a atom.Atom
	switch n.Type {
	case html.TextNode:
		w.cur.WriteString(strings.ReplaceAll(n.Data, "\n", " "))
		return
	case html.ElementNode:
		a = tag(n)
		if skipped[a] || hidden(n) {
			return
		}
		if a == atom.Br {
			w.cur.WriteString("\n")
			return
		}
	case html.DocumentNode:
	default:
		return
	}
	set := chrome[a] || a == atom.Figure && !hasBlockquote(n) ||
		w.wholePage && (a == atom.Header || pageChromeRole(n))
	block := blocks[a] || headings[a] || set
	if !block && n.Type == html.ElementNode && linkFarm(n) && !hasLinkFarm(n) {
		// A hover card or a run of links inside a paragraph.
		if t := clean(textOf(n)); t != "" {
			w.dropped = append(w.dropped, t)
		}
		return
	}
	if block {
		w.flush()
	}
	if set {
		w.aside++
	}
	post := embeddedPost(n)
	if post {
		w.embed++
	}
	if headings[a] {
		w.heading = true
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c)
	}
	if block {
		if headings[a] {
			w.heading = true
		}
		w.flush()
	}
	if set {
		w.aside--
	}
	if post {
		w.embed--
	}
}

// embeddedPost reports whether n is the <blockquote> of a post embedded
// from a social network: its class names the network's embed
// ("twitter-tweet", "instagram-media") or it cites a post there.
func embeddedPost(n *html.Node) bool {
	if n.Type != html.ElementNode || tag(n) != atom.Blockquote {
		return false
	}
	for _, at := range n.Attr {
		switch at.Key {
		case "class":
			if slices.ContainsFunc(strings.Fields(at.Val), func(c string) bool { return slices.Contains(embedClasses, c) }) {
				return true
			}
		case "cite":
			if socialPost.MatchString(at.Val) {
				return true
			}
		}
	}
	return false
}

// embedClasses are the classes social networks give the <blockquote> of
// an embedded post.
var embedClasses = []string{"twitter-tweet", "twitter-video", "instagram-media", "tiktok-embed", "fb-xfbml-parse-ignore", "bluesky-embed", "text-post-media"}

// socialPost matches the address of a post on a social network.
var socialPost = regexp.MustCompile(`(?i)^https?://(?:www\.)?(?:twitter\.com|x\.com|instagram\.com|tiktok\.com|facebook\.com|bsky\.app|threads\.net)/`)

// hasBlockquote reports whether n holds a <blockquote>: a figure that
// wraps a quotation (or an embedded post) rather than a picture.
func hasBlockquote(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (tag(c) == atom.Blockquote || hasBlockquote(c)) {
			return true
		}
	}
	return false
}

// linkFarm reports whether the inline element n is only links: three or
// more, with nothing between them but spaces and punctuation, as in the
// hover cards some sites put inside a paragraph after a name.
func linkFarm(n *html.Node) bool {
	links := 0
	var outside bool // a letter or digit outside the links
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil && !outside; c = c.NextSibling {
			switch {
			case c.Type == html.ElementNode && tag(c) == atom.A:
				links++
			case c.Type == html.ElementNode:
				walk(c)
			case c.Type == html.TextNode:
				outside = strings.ContainsFunc(c.Data, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) })
			}
		}
	}
	walk(n)
	return links >= 3 && !outside
}

// hasLinkFarm reports whether a child element of n is a link farm
// itself, so that the links n adds (a name before a hover card) stay.
func hasLinkFarm(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && linkFarm(c) {
			return true
		}
	}
	return false
}

// textOf returns the text under n.
func textOf(n *html.Node) string { return textUnder(n, nil) }

// textUnder returns the text under n, a space after each text node,
// passing over the elements for which skip (when not nil) is true.
func textUnder(n *html.Node, skip func(*html.Node) bool) string {
	var sb strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch {
		case n.Type == html.TextNode:
			sb.WriteString(n.Data)
			sb.WriteByte(' ')
			return
		case n.Type == html.ElementNode && skip != nil && skip(n):
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return sb.String()
}

// tag returns the element n's tag. Readability renames elements (a <div>
// that holds only text becomes a <p>) by changing their name alone, so
// the name, not the parser's atom, says what an element is.
func tag(n *html.Node) atom.Atom {
	if a := atom.Lookup([]byte(n.Data)); a != 0 || n.DataAtom == 0 {
		return a
	}
	return n.DataAtom
}
