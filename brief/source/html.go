package source

import (
	"bytes"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"codeberg.org/readeck/go-readability/v2"
	"github.com/brief-dev/brief/brief"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
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
	if brief.LooksLikeHTML(b) {
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

// extractHTML finds the main article of an HTML page (dropping
// navigation, advertisements, related links, comments and footers) and
// returns it as plain text: the title, "By" and the byline, a publication
// stamp, then the headings and paragraphs, separated by blank lines.
// contentType is the server's Content-Type, if any, for the character
// set; page is the page's address, if known.
func extractHTML(b []byte, contentType string, page *url.URL) (string, error) {
	rd, err := charset.NewReader(bytes.NewReader(b), contentType)
	if err != nil {
		return "", fmt.Errorf("decoding the HTML page: %w", err)
	}
	art, err := readability.FromReader(rd, page)
	if err != nil {
		return "", fmt.Errorf("%w: %w", ErrNoArticle, err)
	}
	if art.Node == nil {
		return "", ErrNoArticle
	}
	title := oneLine(art.Title())
	paras := paragraphs(art.Node)
	// Readability may keep the headline inside the content.
	if len(paras) > 0 && strings.EqualFold(paras[0], title) {
		paras = paras[1:]
	}
	byline := oneLine(art.Byline())
	if len(paras) > 0 && byline != "" && strings.EqualFold(strings.TrimPrefix(strings.ToLower(paras[0]), "by "), strings.ToLower(byline)) {
		paras = paras[1:]
	}
	if !hasSentence(paras) {
		return "", ErrNoArticle
	}
	var sb strings.Builder
	if title != "" {
		sb.WriteString(title + "\n\n")
	}
	if byline != "" {
		if !strings.HasPrefix(strings.ToLower(byline), "by ") {
			sb.WriteString("By ")
		}
		sb.WriteString(byline + "\n\n")
	}
	if t, err := art.PublishedTime(); err == nil {
		sb.WriteString("PUBLISHED: " + stamp(t) + "\n\n")
	}
	sb.WriteString(strings.Join(paras, "\n\n"))
	sb.WriteString("\n")
	return sb.String(), nil
}

// stamp formats a publication time the way news sites print it.
func stamp(t time.Time) string {
	if t.Hour() == 0 && t.Minute() == 0 {
		return t.Format("2 January 2006")
	}
	return t.Format("15:04 MST, 2 January 2006")
}

// hasSentence reports whether paras hold any paragraph of prose (at
// least a few words), rather than only headings or captions.
func hasSentence(paras []string) bool {
	for _, p := range paras {
		if len(strings.Fields(p)) >= 5 {
			return true
		}
	}
	return false
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// skipped are elements whose text is never part of the article body.
var skipped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Svg: true,
	atom.Img: true, atom.Picture: true, atom.Video: true, atom.Audio: true,
	atom.Iframe: true, atom.Object: true, atom.Embed: true, atom.Canvas: true,
	atom.Button: true, atom.Form: true, atom.Input: true, atom.Select: true,
	atom.Textarea: true, atom.Nav: true, atom.Aside: true, atom.Footer: true,
	atom.Figcaption: true, atom.Template: true,
}

// blocks are elements that start and end a paragraph of text.
var blocks = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Section: true, atom.Article: true,
	atom.Main: true, atom.Header: true, atom.H1: true, atom.H2: true,
	atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true, atom.Li: true,
	atom.Ul: true, atom.Ol: true, atom.Dl: true, atom.Dt: true, atom.Dd: true,
	atom.Blockquote: true, atom.Pre: true, atom.Table: true, atom.Tr: true,
	atom.Td: true, atom.Th: true, atom.Hr: true, atom.Figure: true,
	atom.Address: true, atom.Details: true, atom.Summary: true,
}

// paragraphs returns the text of the blocks under n, in order, one
// string per paragraph or heading, white space collapsed. Two line
// breaks in a row (<br><br>) also end a paragraph.
func paragraphs(n *html.Node) []string {
	var out []string
	var cur strings.Builder
	flush := func() {
		for _, p := range strings.Split(cur.String(), "\n\n") {
			if p = oneLine(p); p != "" {
				out = append(out, p)
			}
		}
		cur.Reset()
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			cur.WriteString(strings.ReplaceAll(n.Data, "\n", " "))
			return
		case html.ElementNode:
			if skipped[n.DataAtom] {
				return
			}
			if n.DataAtom == atom.Br {
				cur.WriteString("\n")
				return
			}
		case html.DocumentNode:
		default:
			return
		}
		block := n.Type == html.ElementNode && blocks[n.DataAtom]
		if block {
			flush()
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			flush()
		}
	}
	walk(n)
	flush()
	return out
}
