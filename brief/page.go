package brief

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/brief-dev/brief/brief/byline"
	"github.com/brief-dev/brief/brief/decode"
	"github.com/brief-dev/brief/brief/sentences"
)

// Page is an article as a web page reader found it: the metadata the
// page declares and the body in reading order. A reader (such as package
// source) fills it from the page's markup, so nothing of it has to be
// guessed back from the layout of plain text, as [Parse] must.
type Page struct {
	// Title is the article's headline.
	Title string
	// Byline is the author line as the page gives it ("By Jane Roe",
	// "Jane Roe (https://example.org)"); ParsePage cleans it.
	Byline string
	// Published is the publication time as the reader formats it.
	Published string
	// Site is the name of the site or publication.
	Site string
	// Lang is the language of the page, as an IETF language tag ("en",
	// "ja", "pt-BR"), or "" when the page does not say.
	Lang string
	// Blocks is the body in order: paragraphs, headings and lines.
	Blocks []Block
	// Dropped holds text the reader set aside: captions, credits,
	// navigation and other page chrome.
	Dropped []string
}

// Block is one paragraph or heading of a page's body.
type Block struct {
	// Text is the block's text. A line break in it (from <br>) separates
	// lines, which are read as paragraphs of their own unless a sentence
	// runs on from one line to the next.
	Text string
	// Heading marks a section heading.
	Heading bool
	// Embed marks a post embedded from a social network (a tweet, an
	// Instagram or Facebook post): its words are the post's author's,
	// not the article's, so no key point is taken from it.
	Embed bool
}

// ParsePage builds a Document from a page that a web page reader has
// already cut into metadata and blocks. Unlike [Parse] it does not guess
// the title, byline or headings from the layout; it still drops
// boilerplate lines (captions, credits, notices, a repeated headline or
// byline) into Dropped, takes a byline or publication stamp found in the
// body when the page gave none, finds the dateline and splits sentences
// as Parse does, so that sentence ids and sections mean the same.
// Control characters are removed from every field. It returns
// [ErrNoSentences] when the page has no sentence.
func ParsePage(pg Page) (*Document, error) {
	d := &Document{
		Title:     pageTitle(pg),
		Published: oneLineText(pg.Published),
		Site:      oneLineText(pg.Site),
		Lang:      oneLineText(pg.Lang),
		Dropped:   []string{},
	}
	for _, s := range pg.Dropped {
		if s = oneLineText(s); s != "" {
			d.Dropped = append(d.Dropped, s)
		}
	}
	if by := oneLineText(pg.Byline); by != "" {
		if name := byline.Clean(by); name != "" {
			d.Byline = newByline(byline.SplitPage(name))
		} else {
			d.Dropped = append(d.Dropped, by)
		}
	}
	p := &parser{doc: d}
	kept := 0 // paragraphs kept so far
	for _, b := range pg.Blocks {
		lines := blockLines(b)
		if b.Heading {
			h := strings.Join(lines, " ")
			switch {
			case h == "":
			case kept == 0 && d.Title == "" && len(p.blocks) == 0:
				d.Title = h
			case kept < headerBlocks && sameText(h, d.Title):
				d.Dropped = append(d.Dropped, h)
			case sentences.WordCount(h) > maxHeadingWords && sentences.Ended(h):
				// A sentence set as a heading (a standfirst, a pull
				// quote) is read as a paragraph.
				if p.pageLine(h, kept < headerBlocks) {
					p.blocks = append(p.blocks, block{text: h})
					kept++
				}
			default:
				p.blocks = append(p.blocks, block{text: h, heading: true})
			}
			continue
		}
		for _, l := range lines {
			if p.pageLine(l, kept < headerBlocks) {
				p.blocks = append(p.blocks, block{text: l, embed: b.Embed})
				kept++
			}
		}
	}
	p.findDateline()
	p.buildSections()
	if p.n == 0 {
		return nil, ErrNoSentences
	}
	return d, nil
}

// headerBlocks is how many paragraphs into a page's body a repeated
// headline or byline is looked for: pages put a standfirst or a caption
// before them.
const headerBlocks = 3

// titleSeparator matches what joins a headline and a site name in a
// page's title: "Headline | Site", "Headline - Site".
var titleSeparator = regexp.MustCompile(`\s+[|·•–—:-]\s+|\s*[|｜]\s*`)

// pageTitle returns the page's title without the site name that pages
// append to it ("Budget passes | The Daily Meridian"), when what is left
// is a headline of its own: the page names that site, or the part before
// the separator is a heading of the page.
func pageTitle(pg Page) string {
	title := oneLineText(pg.Title)
	locs := titleSeparator.FindAllStringIndex(title, -1)
	if len(locs) == 0 {
		return title
	}
	last := locs[len(locs)-1]
	head, tail := title[:last[0]], title[last[1]:]
	if site := oneLineText(pg.Site); site != "" && sameText(tail, site) && sentences.HasWord(head) {
		return head
	}
	for i, b := range pg.Blocks {
		if i >= headerBlocks {
			break
		}
		if b.Heading && sameText(oneLineText(b.Text), head) {
			return head
		}
	}
	return title
}

// pageLine reports whether line is body text, recording it otherwise: a
// repeated headline or byline, a caption, a credit or a notice goes to
// Dropped, and a byline or stamp fills the document's when it has none.
// header says whether line is among the first paragraphs of the body.
func (p *parser) pageLine(line string, header bool) bool {
	d := p.doc
	if header {
		switch {
		case sameText(line, d.Title), d.Byline.Name != "" && repeatsByline(line, d.Byline):
			d.Dropped = append(d.Dropped, line)
			return false
		case bylineStart.MatchString(line):
			if name := byline.Clean(line); name != "" && byline.Plausible(name) {
				if d.Byline.Name == "" {
					d.Byline = newByline(byline.SplitPage(name))
				} else {
					d.Dropped = append(d.Dropped, line)
				}
				return false
			}
		}
		if m := postedBy.FindStringSubmatch(line); m != nil {
			if name := byline.Clean(m[1]); name != "" && byline.Plausible(name) {
				if d.Byline.Name == "" {
					d.Byline = newByline(byline.SplitPage(name))
				}
				d.Dropped = append(d.Dropped, line)
				return false
			}
		}
	}
	if r, ok := matchLine(line); ok {
		p.apply(r, line)
		return false
	}
	if header && isStampLine(line) || isPromotion(line) {
		d.Dropped = append(d.Dropped, line)
		return false
	}
	return true
}

// isPromotion reports whether line is a short paragraph that asks the
// reader to sign up, subscribe or follow: one of its few sentences is
// such a call (the other sentences praise what is offered).
func isPromotion(line string) bool {
	ss := sentences.Split(line)
	if len(ss) < 2 || len(ss) > 4 {
		return false
	}
	for _, s := range ss {
		if r, ok := matchRule(s, true); ok && (r.name == "newsletter" || r.name == "follow us") {
			return true
		}
	}
	return false
}

// stampDate matches a date as pages print them: "Nov. 20, 2019",
// "20 November 2019", "11/18/19", "2019-11-20".
var stampDate = regexp.MustCompile(`(?i)\b(?:` + monthPattern + `\s+\d{1,2}(?:st|nd|rd|th)?\b|\d{1,2}\.?\s+` + monthPattern + `|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b|\d{4}-\d{2}-\d{2})`)

// stampWords are the words of a publication stamp besides the date, in
// the languages brief meets most.
var stampWords = wordSet(`published updated posted last modified on at by and the am pm a.m p.m
	utc gmt est edt cst cdt mst mdt pst pdt hst bst cet cest ist jst aest
	publicado por atualizado atualizada em às actualizado publié mis à jour le
	veröffentlicht aktualisiert am um von pubblicato aggiornato il alle
	diposting pada oleh diperbarui opublikowano`)

// isStampLine reports whether line is a publication stamp: a date, and
// besides it and the words of a stamp ("Published", "Updated", times,
// time zones, separators) at most a few words, such as a site or an
// author's name: "November 20, 2019 / 1:07 AM / CBS News".
func isStampLine(line string) bool {
	if utf8.RuneCountInString(line) > 160 || !stampDate.MatchString(line) {
		return false
	}
	rest := 0
	for _, f := range strings.FieldsFunc(line, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune("|/,;:•·–—-()[]", r)
	}) {
		f = strings.Trim(f, ".")
		lw := strings.ToLower(f)
		switch {
		case f == "", strings.ContainsFunc(f, unicode.IsDigit), stampWords[lw]:
		case monthOrDay(lw):
		case !sentences.HasWord(f):
		default:
			rest++
		}
	}
	return rest <= 4
}

// monthOrDay reports whether w, in lower case, is an English month or
// weekday name or abbreviation.
func monthOrDay(w string) bool {
	return stampMonth.MatchString(w)
}

// stampMonth matches a whole English month or weekday name or
// abbreviation.
var stampMonth = regexp.MustCompile(`^(?:` + monthPattern + `|(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|rsday|urday|sday)?)$`)

// postedBy matches a stamp that names the author, as blogs print it:
// "Posted on March 30, 2015 by Admin". The first group is the name.
var postedBy = regexp.MustCompile(`(?i)^(?:posted|published|diposting|dipublikasikan|publicado|publié|pubblicato|veröffentlicht)\b.{0,60}?\s(?:by|oleh|por|par|da|von)\s+([^|,;]{2,60})$`)

// bylineStart matches the start of an author line.
var bylineStart = regexp.MustCompile(`(?i)^by\s`)

// repeatsByline reports whether line is an author line naming b: it holds
// the name and little else (a date, a role, "By").
func repeatsByline(line string, b Byline) bool {
	name := textKey(b.Name)
	if name == "" || !strings.Contains(textKey(line), name) {
		return false
	}
	return sentences.WordCount(line) <= sentences.WordCount(b.Name)+8
}

// blockLines returns the lines of a block, normalised and with runs of
// white space collapsed. A line that stops in mid-sentence (no closing
// punctuation) and is followed by one that starts in lower case is
// joined to it: that break only wrapped the text.
func blockLines(b Block) []string {
	var out []string
	for _, l := range strings.Split(decode.Normalize(b.Text), "\n") {
		l = cleanSpace(l)
		if l == "" {
			continue
		}
		if n := len(out); n > 0 && !b.Heading && !sentences.Ended(out[n-1]) && startsLower(l) {
			out[n-1] += " " + l
			continue
		}
		out = append(out, l)
	}
	return out
}

// startsLower reports whether s starts with a lower-case letter.
func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// oneLineText normalises s as DecodeText does and collapses its white
// space, line breaks included, to single spaces.
func oneLineText(s string) string {
	return strings.Join(strings.Fields(decode.Normalize(s)), " ")
}

// sameText reports whether a and b are the same words, ignoring case,
// punctuation and spacing.
func sameText(a, b string) bool {
	ka, kb := textKey(a), textKey(b)
	return ka != "" && ka == kb
}

// textKey is s in lower case with only its letters and digits.
func textKey(s string) string {
	var sb strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			sb.WriteRune(unicode.ToLower(r))
		}
	}
	return sb.String()
}

// Text renders the page as plain text that [Parse] reads: the title, "By"
// and the byline, a "PUBLISHED:" stamp, then the blocks, separated by
// blank lines, each line of a block on a line of its own. It is for
// callers that take text; [ParsePage] reads the page itself better.
func (pg *Page) Text() string {
	var parts []string
	if t := oneLineText(pg.Title); t != "" {
		parts = append(parts, t)
	}
	if by := oneLineText(pg.Byline); by != "" {
		if !strings.HasPrefix(strings.ToLower(by), "by ") {
			by = "By " + by
		}
		parts = append(parts, by)
	}
	if p := oneLineText(pg.Published); p != "" {
		parts = append(parts, "PUBLISHED: "+p)
	}
	for _, b := range pg.Blocks {
		if lines := blockLines(b); len(lines) > 0 {
			parts = append(parts, strings.Join(lines, "\n"))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return strings.Join(parts, "\n\n") + "\n"
}
