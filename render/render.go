// Package render writes a brief.Briefing or digest.Digest as Markdown, PDF
// or JSON.
//
// Each format is one function taking an io.Writer and the value; render
// imports brief, never the other way round. All three formats carry the
// same words: the Markdown reads well as plain text in an e-mail, the PDF
// is a briefing memo whose text copies out as the Markdown's words, and
// the JSON is the value itself with a stable key order.
//
// PDFContext, DigestPDFContext and DigestMarkdownContext are the renderers
// that can take long (a digest of thousands of articles runs to thousands
// of PDF pages) with a context: when it is done they stop within a
// fraction of a second, write nothing and return an error wrapping
// ctx.Err(). The other functions are the same with context.Background().
package render

import (
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/brief-dev/brief/brief"
	"github.com/brief-dev/brief/brief/sentences"
)

// Options tune the renderers. The zero value gives the defaults.
type Options struct {
	Cite    bool   // show source sentence ids after each bullet, as " [s3, s4]"
	Paper   string // PDF paper size: "a4" (default) or "letter"
	Version string // brief's version, for the PDF Creator field "brief <version>"
	// Date is the PDF creation and modification date: the same briefing and
	// date give the same bytes. When zero, the briefing's own date (Meta.Date)
	// is used, and when that is missing too, the current time.
	Date time.Time
}

// errNil is returned when there is nothing to render.
var errNil = errors.New("nothing to render: no briefing")

// Section headings, shared by every format so that they carry the same words.
const (
	headBottomLine = "Bottom line"
	headKeyPoints  = "Key points"
	headActors     = "Actors"
	headStatements = "Statements"
	headBackground = "Background"
	headOutlook    = "Outlook"
	headKeyDevs    = "Key developments"
	headStories    = "Stories"
	headOthers     = "Other reports"
)

// clean collapses every run of white space in s to one space and trims it,
// so that a bullet is always one line.
func clean(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// Title is the title a briefing is shown under: the article's, or one
// made from its bottom line or first key point (see sentences.Title).
func Title(b *brief.Briefing) string { return title(b) }

// title is b's title or, when the article had none, one made from its
// bottom line or first key point (see sentences.Title).
func title(b *brief.Briefing) string {
	if t := clean(b.Title); t != "" {
		return t
	}
	for _, x := range append(append([]brief.Bullet{}, b.BottomLine...), b.KeyPoints...) {
		if t := sentences.Title(x.Text); t != "" {
			return t
		}
	}
	return "Briefing"
}

// longDate writes an ISO date (YYYY-MM-DD) as "5 September 2016"; anything
// else is returned as found.
func longDate(s string) string {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return clean(s)
	}
	return t.Format("2 January 2006")
}

// metaLine is the line under the title: source, byline, place, publication
// stamp and briefing date, separated by middle dots.
func metaLine(m brief.Meta) string {
	return strings.Join(metaParts(m), metaSep)
}

// metaSep separates the parts of a metadata line.
const metaSep = " · "

// metaParts are the parts of the metadata line.
func metaParts(m brief.Meta) []string {
	var parts []string
	add := func(s string) {
		if s = clean(s); s != "" {
			parts = append(parts, s)
		}
	}
	add(m.Source)
	byline := clean(m.Byline)
	if role := clean(m.BylineRole); byline != "" && role != "" {
		byline += ", " + role
	}
	add(byline)
	add(m.Place)
	if p := clean(m.Published); p != "" {
		add("Published " + p)
	}
	if d := clean(m.Date); d != "" {
		add("Briefing of " + longDate(d))
	}
	return parts
}

// sourceLine is the closing line naming the article the briefing rests on.
func sourceLine(b *brief.Briefing) string {
	parts := []string{"“" + title(b) + "”"}
	for _, s := range []string{b.Meta.Source, b.Meta.Byline, b.Meta.Published} {
		if s = clean(s); s != "" {
			parts = append(parts, s)
		}
	}
	line := "Source: " + strings.Join(parts, ", ") + "."
	switch n := b.Meta.Sentences; {
	case n == 1:
		line += " Every bullet is drawn from the article’s one sentence"
	case n > 1:
		line += " Every bullet is drawn from the article’s " + strconv.Itoa(n) + " sentences"
	default:
		line += " Every bullet is drawn from the article"
	}
	if refined(b) {
		line += "; some were reworded by a language model and checked against it"
	}
	return line + "."
}

// refined reports whether any bullet or statement of b was reworded by a
// language model.
func refined(b *brief.Briefing) bool {
	for _, bs := range [][]brief.Bullet{b.BottomLine, b.KeyPoints, b.Background, b.Outlook} {
		for _, x := range bs {
			if x.Refined {
				return true
			}
		}
	}
	for _, s := range b.Statements {
		if s.Refined {
			return true
		}
	}
	return false
}

// cite is the marker naming the source sentences, " [s3, s4]", or "" when
// citations are off or there are none.
func cite(opt Options, sources []string) string {
	if !opt.Cite || len(sources) == 0 {
		return ""
	}
	return " [" + strings.Join(sources, ", ") + "]"
}

// quoted returns the quotation q inside curly quotation marks, unless it
// already opens with a quotation mark.
func quoted(q string) string {
	q = clean(q)
	if q == "" {
		return ""
	}
	switch q[0] {
	case '"', '\'':
		return q
	}
	for _, open := range []string{"“", "‘", "«", "„", "‹", "»"} {
		if strings.HasPrefix(q, open) {
			return q
		}
	}
	return "“" + q + "”"
}

// speakerSuffix is " — speaker", or "" when the speaker is unknown.
func speakerSuffix(speaker string) string {
	if s := clean(speaker); s != "" {
		return " — " + s
	}
	return ""
}

// roleSuffix is " — role", or "" when the role is unknown.
func roleSuffix(role string) string {
	if r := clean(role); r != "" {
		return " — " + r
	}
	return ""
}

// freshKeyPoints returns the key points of a briefing less those that
// repeat a bottom-line bullet word for word. The JSON keeps the full
// ranked list; a reader of the memo should not read a sentence twice.
func freshKeyPoints(bottom, keys []brief.Bullet) []brief.Bullet {
	seen := make(map[string]bool, len(bottom))
	for _, b := range bottom {
		seen[clean(b.Text)] = true
	}
	out := make([]brief.Bullet, 0, len(keys))
	for _, k := range keys {
		if !seen[clean(k.Text)] {
			out = append(out, k)
		}
	}
	return out
}
