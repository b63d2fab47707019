package render

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/brief-dev/brief/brief"
	"github.com/brief-dev/brief/brief/digest"
)

// A memo is the PDF's content before layout: a list of blocks of styled
// text. It holds no fpdf value, so the layout in pdf.go is the only code
// that knows the PDF library.
type memo struct {
	title    string // the document's title, for the footer and metadata
	subject  string
	author   string
	keywords string
	blocks   []block
}

// blockKind picks how a block is set: its font, size, indent and spacing.
type blockKind int

const (
	kindKicker      blockKind = iota // small capitals label above the title
	kindTitle                        // the document title
	kindMeta                         // the line under the title, then a rule
	kindHeading                      // a section heading
	kindArticle                      // an article's title in a digest
	kindArticleMeta                  // the line under an article's title
	kindSubheading                   // a section heading inside a digest article
	kindLead                         // a lone bottom line, set large with a bar
	kindBullet                       // a bullet with a hanging indent
	kindQuote                        // an indented, italic quotation, then its speaker
	kindSource                       // the closing source line, after a rule
	kindNumbered                     // a numbered item: a bullet whose marker is the block's
)

// fontStyle is one of the four faces of the embedded font family.
type fontStyle int

const (
	regular fontStyle = iota
	bold
	italic
	boldItalic
)

// tone is a text colour.
type tone int

const (
	toneText   tone = iota // near-black body text
	toneMuted              // grey for metadata and citations
	toneAccent             // dark blue for titles and headings
)

// span is a run of text in one style. A span whose text is "\n" breaks
// the line.
type span struct {
	text  string
	style fontStyle
	small bool // set smaller than the block's text (citation markers)
	tone  tone
}

// block is a paragraph of styled spans.
type block struct {
	kind     blockKind
	spans    []span
	bookmark string // outline entry pointing at the block, if any
	link     string // web address the block's lines link to, if any
	marker   string // drawn before the first line instead of the look's marker
}

// lineBreak is a span that ends the current line.
var lineBreak = span{text: "\n"}

func textBlock(kind blockKind, text string) block {
	return block{kind: kind, spans: []span{{text: clean(text)}}}
}

// metaBlock is a metadata line whose short parts are kept whole on a
// line: the line breaks at the separators when it can.
func metaBlock(kind blockKind, parts []string) block {
	glued := make([]string, len(parts))
	for i, p := range parts {
		glued[i] = p
		if utf8.RuneCountInString(p) <= 40 {
			glued[i] = strings.ReplaceAll(p, " ", nbsp)
		}
	}
	return block{kind: kind, spans: []span{{text: strings.Join(glued, metaSep)}}}
}

// citeSpan is the citation marker of a bullet, set small and grey.
func citeSpan(opt Options, sources []string) []span {
	if c := cite(opt, sources); c != "" {
		return []span{{text: c, small: true, tone: toneMuted}}
	}
	return nil
}

// briefingMemo lays out b as a briefing memo.
func briefingMemo(b *brief.Briefing, opt Options) *memo {
	m := &memo{
		title:    title(b),
		subject:  "Briefing on “" + title(b) + "”",
		author:   firstNonEmpty(b.Meta.Byline, b.Meta.Source, "brief"),
		keywords: actorNames(b.Actors),
	}
	if d := clean(b.Meta.Date); d != "" {
		m.subject = "Briefing of " + longDate(d) + " on “" + title(b) + "”"
	}
	m.add(textBlock(kindKicker, "BRIEFING"))
	m.add(textBlock(kindTitle, m.title))
	if parts := metaParts(b.Meta); len(parts) > 0 {
		m.add(metaBlock(kindMeta, parts))
	}
	m.briefingBody(b, opt, kindHeading)
	m.add(textBlock(kindSource, sourceLine(b)))
	return m
}

// digestMemo lays out d as planDigest does: the key developments, a
// section per detailed story with its articles under it, then the other
// reports one line each. Every story has an outline entry (bookmark);
// titles of web pages link to them. (The outline stays flat: the PDF
// library writes nested entries that strict readers reject.)
func digestMemo(d *digest.Digest, opt Options) *memo {
	p := planDigest(d)
	m := &memo{
		title:   p.title,
		subject: p.meta,
		author:  "brief",
	}
	var names []string
	for _, s := range p.stories {
		names = append(names, s.title)
	}
	m.keywords = strings.Join(names, "; ")
	m.add(textBlock(kindKicker, "DIGEST"))
	m.add(textBlock(kindTitle, m.title))
	m.add(textBlock(kindMeta, p.meta))
	if len(p.keys) > 0 {
		h := textBlock(kindHeading, headKeyDevs)
		h.bookmark = headKeyDevs
		m.add(h)
	}
	for i, k := range p.keys {
		spans := []span{{text: k.text}, {text: keySuffix(k), tone: toneMuted}}
		if opt.Cite {
			if c := citeText(k.cites); c != "" {
				spans = append(spans, span{text: c, small: true, tone: toneMuted})
			}
		}
		m.add(block{kind: kindNumbered, spans: spans, marker: strconv.Itoa(i+1) + "."})
	}
	if len(p.stories) > 0 {
		m.add(textBlock(kindHeading, headStories))
	}
	for _, s := range p.stories {
		t := textBlock(kindArticle, strconv.Itoa(s.number)+". "+s.title)
		t.bookmark = strconv.Itoa(s.number) + ". " + s.title
		m.add(t)
		if s.line != "" {
			m.add(block{kind: kindLead, spans: []span{{text: s.line + " "}, {text: "(" + reportsLabel(s.reports) + ")", tone: toneMuted}}})
		} else {
			m.add(block{kind: kindLead, spans: []span{{text: reportsLabel(s.reports), tone: toneMuted}}})
		}
		for _, a := range s.articles {
			if s.reports > 1 || a.title != s.title || a.url != "" {
				h := textBlock(kindSubheading, a.title)
				h.link = a.url
				m.add(h)
			}
			if len(a.meta) > 0 {
				m.add(metaBlock(kindArticleMeta, a.meta))
			}
			for k, x := range a.bottom {
				if t := clean(x.Text); t != "" {
					spans := []span{{text: t}}
					if k == 0 {
						spans = []span{{text: headBottomLine + ": ", style: bold}, {text: t}}
					}
					m.add(block{kind: kindBullet, spans: append(spans, citeSpan(opt, x.Sources)...)})
				}
			}
			for _, x := range a.keys {
				if t := clean(x.Text); t != "" {
					m.add(block{kind: kindBullet, spans: append([]span{{text: t}}, citeSpan(opt, x.Sources)...)})
				}
			}
		}
	}
	if len(p.others) > 0 {
		h := textBlock(kindHeading, headOthers)
		h.bookmark = headOthers
		m.add(h)
	}
	for _, o := range p.others {
		spans := []span{{text: o.title, style: bold}}
		if o.line != "" {
			spans = append(spans, span{text: " — " + o.line})
		}
		if o.source != "" {
			spans = append(spans, span{text: " (" + o.source + ")", tone: toneMuted})
		}
		m.add(block{kind: kindBullet, spans: spans, link: o.url})
	}
	return m
}

func (m *memo) add(b block) {
	m.blocks = append(m.blocks, b)
}

// bullets adds a section of bullets under a heading, or nothing when the
// section is empty. With lead, a lone bullet is set as a lead paragraph.
func (m *memo) bullets(heading blockKind, name string, bs []brief.Bullet, opt Options, lead bool) {
	var items []block
	for _, x := range bs {
		if t := clean(x.Text); t != "" {
			items = append(items, block{kind: kindBullet, spans: append([]span{{text: t}}, citeSpan(opt, x.Sources)...)})
		}
	}
	if len(items) == 0 {
		return
	}
	m.add(textBlock(heading, name))
	if lead && len(items) == 1 {
		items[0].kind = kindLead
	}
	m.blocks = append(m.blocks, items...)
}

// briefingBody adds the sections of b.
func (m *memo) briefingBody(b *brief.Briefing, opt Options, heading blockKind) {
	m.bullets(heading, headBottomLine, b.BottomLine, opt, true)
	m.bullets(heading, headKeyPoints, freshKeyPoints(b.BottomLine, b.KeyPoints), opt, false)
	var actors []block
	for _, a := range b.Actors {
		if name := clean(a.Name); name != "" {
			spans := []span{{text: name, style: bold}}
			if r := roleSuffix(a.Role); r != "" {
				spans = append(spans, span{text: r})
			}
			actors = append(actors, block{kind: kindBullet, spans: append(spans, citeSpan(opt, a.Sources)...)})
		}
	}
	if len(actors) > 0 {
		m.add(textBlock(heading, headActors))
		m.blocks = append(m.blocks, actors...)
	}
	var quotes []block
	for _, s := range b.Statements {
		q := quoted(s.Quote)
		if q == "" {
			continue
		}
		spans := []span{{text: q, style: italic}}
		if sp := speakerSuffix(s.Speaker); sp != "" {
			spans = append(spans, lineBreak, span{text: strings.TrimPrefix(sp, " "), tone: toneMuted})
		}
		quotes = append(quotes, block{kind: kindQuote, spans: append(spans, citeSpan(opt, s.Sources)...)})
	}
	if len(quotes) > 0 {
		m.add(textBlock(heading, headStatements))
		m.blocks = append(m.blocks, quotes...)
	}
	m.bullets(heading, headBackground, b.Background, opt, false)
	m.bullets(heading, headOutlook, b.Outlook, opt, false)
}

// actorNames lists the actors' names for the PDF's keywords.
func actorNames(actors []brief.Actor) string {
	var names []string
	for _, a := range actors {
		if n := clean(a.Name); n != "" {
			names = append(names, n)
		}
	}
	return strings.Join(names, ", ")
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s = clean(s); s != "" {
			return s
		}
	}
	return ""
}
