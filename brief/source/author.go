package source

import (
	"regexp"
	"strings"

	"github.com/brief-dev/brief/brief/byline"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// pageAuthor returns the author line of a page. found is what
// readability took from the page's metadata and markup; it stands unless
// it is missing, names the site itself ("Sky" on Sky News), or appears
// nowhere in the page's text (a content-management account such as
// "PMJS - Coordenadoria de TI"): then the author line the page shows
// ([shownAuthor]) is taken, if there is one.
func pageAuthor(doc *html.Node, found, site string) string {
	f := strings.ToLower(found)
	if f != "" && !strings.HasPrefix(strings.ToLower(site)+" ", f+" ") &&
		strings.Contains(strings.ToLower(visibleText(doc)), f) {
		return found
	}
	if shown := shownAuthor(doc); shown != "" {
		return shown
	}
	return found
}

// authorMarks are the words that mark an element holding the author
// line in its class, id, rel or itemprop; authorNotMarks mark parts of
// an author box that are not the name.
var (
	authorMarks    = regexp.MustCompile(`(?i)byline|author`)
	authorNotMarks = regexp.MustCompile(`(?i)avatar|image|img|photo|pic|bio|desc|about|more|follow|social|twitter|role|title|date|time`)
	authorLinks    = regexp.MustCompile(`/(?:author|authors|byline|journalists?|reporters?)/[^/]`)
	// authorLabel is a printed label before the name: "Publicado por:",
	// "By:", "Text:", "Von:".
	authorLabel = regexp.MustCompile(`(?i)(?:^|\s)(?:by|written by|posted by|publicado por|escrito por|por|von|par|di|door|oleh|text|texto|autor|author)\s*:\s*([^|•·–—:\n]+?)\s*(?:\s-\s|[|•·–—]|$)`)
)

// shownAuthor finds the author line the page shows: the innermost
// element marked as the author's (by class, id, rel, itemprop or a link
// to an author page) with a plausible name as its text, or a name after
// a label such as "Publicado por:". Navigation, headers outside the
// article, footers and asides are passed over.
func shownAuthor(doc *html.Node) string {
	var best string
	var walk func(n *html.Node) bool
	walk = func(n *html.Node) bool {
		if n.Type == html.TextNode {
			if m := authorLabel.FindStringSubmatch(clean(n.Data)); m != nil {
				if name := byline.Clean(m[1]); name != "" && byline.Plausible(name) {
					best = name
					return true
				}
			}
			return false
		}
		if n.Type == html.ElementNode {
			switch tag(n) {
			case atom.Nav, atom.Footer, atom.Aside, atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Head:
				return false
			}
			if hidden(n) {
				return false
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if walk(c) {
				return true
			}
		}
		if n.Type == html.ElementNode && authorMarked(n) {
			if name := byline.Clean(clean(textOf(n))); name != "" && byline.Plausible(name) {
				best = name
				return true
			}
		}
		return false
	}
	walk(doc)
	return best
}

// authorMarked reports whether n is marked as holding an author's name.
func authorMarked(n *html.Node) bool {
	for _, a := range n.Attr {
		switch a.Key {
		case "class", "id", "rel", "itemprop":
			if authorMarks.MatchString(a.Val) && !authorNotMarks.MatchString(a.Val) {
				return true
			}
		case "href":
			if tag(n) == atom.A && authorLinks.MatchString(a.Val) {
				return true
			}
		}
	}
	return false
}

// visibleText returns the text a reader of the page sees: no scripts,
// styles or hidden elements.
func visibleText(n *html.Node) string {
	return clean(textUnder(n, func(n *html.Node) bool { return skipped[tag(n)] || hidden(n) }))
}
