package render

import (
	"bytes"
	"embed"
	"html/template"
	"io"
	"strings"

	"github.com/brief-dev/brief/brief"
	"github.com/brief-dev/brief/brief/digest"
)

// The HTML page is one self-contained file: semantic HTML5 with its
// language, character set and title, the style inline (it reads well on a
// phone and prints well), no scripts and no external resources, so that
// it can be the body of an e-mail as it is. Every text is escaped by
// html/template.

//go:embed html/*.tmpl
var htmlFS embed.FS

// htmlTemplates are parsed once; they are read-only.
var htmlTemplates = template.Must(template.New("").ParseFS(htmlFS, "html/*.tmpl"))

// htmlPage is what the page template reads.
type htmlPage struct {
	Lang      string
	Title     string
	Generator string
	Style     template.CSS
	Briefing  *htmlBriefing
	Digest    *htmlDigest
}

// htmlDigest is a digest as the template shows it (see planDigest).
type htmlDigest struct {
	Title   string
	Meta    string
	Keys    []htmlKey
	Stories []htmlStory
	Others  []htmlOther
}

// htmlKey is one key development.
type htmlKey struct {
	Text    string
	Reports string // "3 reports"
	Story   int    // the number of its story's section, 0 for none
	Anchor  string // the id of its story's section
	Cites   []htmlCite
}

// htmlCite is what a key development cites in one article.
type htmlCite struct {
	Title, URL, IDs string
}

// htmlStory is one story's section.
type htmlStory struct {
	Number   int
	ID       string
	Title    string
	Lead     string
	Articles []htmlStoryArticle
}

// htmlStoryArticle is one article under its story.
type htmlStoryArticle struct {
	Title   string
	URL     string
	Heading bool // the article gets a heading of its own
	Meta    []string
	Bottom  []htmlItem
	Keys    []htmlItem
}

// htmlOther is a story told in one line.
type htmlOther struct {
	Title, URL, Line, Source string
}

// htmlBriefing is a briefing as the template shows it, every section in
// display form and in the order of the Markdown: the bottom line and key
// points (Top), actors, statements, then background and outlook (Tail).
type htmlBriefing struct {
	Title      string
	Meta       []string
	Top        []htmlSection
	Actors     []htmlActor
	Statements []htmlStatement
	Tail       []htmlSection
	Source     string
	Level      int // the heading level of the title: 1 for a page of its own
}

// htmlSection is a named list of bullets.
type htmlSection struct {
	ID      string
	Heading string
	Items   []htmlItem
	Lead    bool // the bottom line: set apart
}

// htmlItem is one bullet: its text and citation.
type htmlItem struct {
	Text string
	Cite string
	Lead bool // the first bullet of an article's bottom line in a digest
}

// htmlActor is one actor line.
type htmlActor struct {
	Name, Role, Cite string
}

// htmlStatement is one quotation and who said it.
type htmlStatement struct {
	Quote, Speaker, Cite string
}

// HTML writes b as one self-contained HTML page: the title as <h1>, the
// metadata line, the sections as headed lists (the bottom line set
// apart), quotations as block quotes with their speaker, and the source
// line in the footer. With opt.Cite each bullet shows its source
// sentence ids.
func HTML(w io.Writer, b *brief.Briefing, opt Options) error {
	if b == nil {
		return errNil
	}
	page := htmlPage{
		Lang:      pageLang(b.Meta.Lang),
		Title:     title(b),
		Generator: generator(opt),
		Style:     template.CSS(pageStyle),
		Briefing:  htmlBriefingOf(b, opt, 1),
	}
	var buf bytes.Buffer
	if err := htmlTemplates.ExecuteTemplate(&buf, "page.tmpl", page); err != nil {
		return err
	}
	_, err := buf.WriteTo(w)
	return err
}

// DigestHTML writes d as one self-contained HTML page, laid out as the
// Markdown and the PDF are (see planDigest): the key developments, each
// linked to its story; a section per story with its articles' bottom
// lines and key points; then the other reports one line each. Web
// articles' titles link to the pages.
func DigestHTML(w io.Writer, d *digest.Digest, opt Options) error {
	if d == nil {
		return errNil
	}
	p := planDigest(d)
	hd := &htmlDigest{Title: p.title, Meta: p.meta}
	for _, k := range p.keys {
		item := htmlKey{Text: k.text, Reports: reportsLabel(k.reports), Story: k.story, Anchor: k.storyID}
		if opt.Cite {
			for _, g := range k.cites {
				item.Cites = append(item.Cites, htmlCite{Title: g.title, URL: g.url, IDs: strings.Join(g.ids, ", ")})
			}
		}
		hd.Keys = append(hd.Keys, item)
	}
	for _, s := range p.stories {
		hs := htmlStory{Number: s.number, ID: s.id, Title: s.title, Lead: storyLead(s)}
		for _, a := range s.articles {
			ha := htmlStoryArticle{Title: a.title, URL: a.url, Meta: a.meta,
				Heading: s.reports > 1 || a.title != s.title || a.url != ""}
			for k, x := range a.bottom {
				if t := clean(x.Text); t != "" {
					ha.Bottom = append(ha.Bottom, htmlItem{Text: t, Cite: strings.TrimSpace(cite(opt, x.Sources)), Lead: k == 0})
				}
			}
			for _, x := range a.keys {
				if t := clean(x.Text); t != "" {
					ha.Keys = append(ha.Keys, htmlItem{Text: t, Cite: strings.TrimSpace(cite(opt, x.Sources))})
				}
			}
			hs.Articles = append(hs.Articles, ha)
		}
		hd.Stories = append(hd.Stories, hs)
	}
	for _, o := range p.others {
		hd.Others = append(hd.Others, htmlOther{Title: o.title, URL: o.url, Line: o.line, Source: o.source})
	}
	lang := ""
	for _, a := range d.Articles {
		if a.Briefing != nil && a.Meta.Lang != "" {
			if lang != "" && lang != a.Meta.Lang {
				lang = ""
				break
			}
			lang = a.Meta.Lang
		}
	}
	page := htmlPage{Lang: pageLang(lang), Title: hd.Title, Generator: generator(opt), Style: template.CSS(pageStyle), Digest: hd}
	var buf bytes.Buffer
	if err := htmlTemplates.ExecuteTemplate(&buf, "page.tmpl", page); err != nil {
		return err
	}
	_, err := buf.WriteTo(w)
	return err
}

// htmlBriefingOf puts b in display form; its title is a heading of the
// given level.
func htmlBriefingOf(b *brief.Briefing, opt Options, level int) *htmlBriefing {
	hb := &htmlBriefing{Title: title(b), Meta: metaParts(b.Meta), Source: sourceLine(b), Level: level}
	section := func(id, heading string, bs []brief.Bullet, lead bool) []htmlSection {
		s := htmlSection{ID: id, Heading: heading, Lead: lead}
		for _, x := range bs {
			if t := clean(x.Text); t != "" {
				s.Items = append(s.Items, htmlItem{Text: t, Cite: strings.TrimSpace(cite(opt, x.Sources))})
			}
		}
		if len(s.Items) == 0 {
			return nil
		}
		return []htmlSection{s}
	}
	hb.Top = append(section("bottom-line", headBottomLine, b.BottomLine, true),
		section("key-points", headKeyPoints, freshKeyPoints(b.BottomLine, b.KeyPoints), false)...)
	for _, a := range b.Actors {
		if name := clean(a.Name); name != "" {
			hb.Actors = append(hb.Actors, htmlActor{Name: name, Role: clean(a.Role), Cite: strings.TrimSpace(cite(opt, a.Sources))})
		}
	}
	for _, s := range b.Statements {
		if q := quoted(s.Quote); q != "" {
			hb.Statements = append(hb.Statements, htmlStatement{Quote: q, Speaker: clean(s.Speaker), Cite: strings.TrimSpace(cite(opt, s.Sources))})
		}
	}
	hb.Tail = append(section("background", headBackground, b.Background, false),
		section("outlook", headOutlook, b.Outlook, false)...)
	return hb
}

// pageLang is the page's language: the article's, else English.
func pageLang(lang string) string {
	if lang = strings.TrimSpace(lang); lang != "" && !strings.ContainsAny(lang, " \"'<>") {
		return lang
	}
	return "en"
}

// generator names brief and its version, for the page's metadata.
func generator(opt Options) string {
	if opt.Version == "" {
		return "brief"
	}
	return "brief " + opt.Version
}

// pageStyle is the page's only style sheet: a readable measure on a
// desk, full width on a phone, black on white when printed.
const pageStyle = `
:root { color-scheme: light; }
body { margin: 0 auto; max-width: 44rem; padding: 1.5rem 1rem 3rem; font: 1.05rem/1.55 Georgia, "Times New Roman", serif; color: #1b1b1b; background: #fff; }
header { border-bottom: 2px solid #1b1b1b; margin-bottom: 1.25rem; }
h1 { font: 700 1.7rem/1.25 "Helvetica Neue", Arial, sans-serif; margin: 0 0 .4rem; }
h2 { font: 700 1.05rem/1.3 "Helvetica Neue", Arial, sans-serif; text-transform: uppercase; letter-spacing: .04em; color: #444; margin: 1.6rem 0 .5rem; }
h3 { font: 700 1.15rem/1.3 "Helvetica Neue", Arial, sans-serif; margin: 1.4rem 0 .3rem; }
h4 { font: 700 .85rem/1.3 "Helvetica Neue", Arial, sans-serif; text-transform: uppercase; letter-spacing: .04em; color: #555; margin: .8rem 0 .2rem; }
.meta { color: #555; font-size: .92rem; margin: 0 0 .8rem; }
ul { padding-left: 1.2rem; margin: .3rem 0; }
li { margin: .35rem 0; }
.lead li { font-size: 1.12rem; font-weight: 600; }
li.lead { font-weight: 600; }
.story { margin-bottom: 1.6rem; }
.story-lead { font-size: 1.08rem; margin: .2rem 0 .6rem; }
.reports { color: #555; font-size: .92rem; }
.story h4 { text-transform: none; letter-spacing: 0; font-size: 1rem; color: #1b1b1b; margin-top: 1rem; }
.cite.cites { display: block; white-space: normal; }
.cite { color: #777; font-size: .82rem; white-space: nowrap; }
blockquote { margin: .5rem 0 .9rem; padding-left: .9rem; border-left: 3px solid #bbb; }
blockquote p { margin: 0; }
.speaker { color: #444; font-style: italic; }
footer { margin-top: 2rem; padding-top: .6rem; border-top: 1px solid #ccc; color: #555; font-size: .88rem; }
a { color: #0b4f8a; }
@media (max-width: 30rem) { body { font-size: 1rem; padding: 1rem .8rem 2rem; } h1 { font-size: 1.4rem; } }
@media print { body { max-width: none; padding: 0; font-size: 11pt; } a { color: inherit; } h2 { color: #000; } section { break-inside: avoid-page; } }
`
