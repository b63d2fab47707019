package brief

import (
	"errors"

	"github.com/brief-dev/brief/brief/decode"
)

// Errors returned by [Parse] for input that holds no article.
var (
	// ErrEmpty means the input has no text at all (or only white space).
	ErrEmpty = decode.ErrEmpty
	// ErrBinary means the input looks like binary data, not text.
	ErrBinary = decode.ErrBinary
	// ErrNoSentences means the input is text but no sentence was found in it.
	ErrNoSentences = errors.New("no sentences found in input")
)

// Document is a parsed news article. Its JSON form is a public interface
// (printed by "brief parse"): field names and nesting must stay stable.
type Document struct {
	Title      string   `json:"title"`
	Standfirst string   `json:"standfirst,omitempty"`
	Dateline   Dateline `json:"dateline"`
	Byline     Byline   `json:"byline"`
	Published  string   `json:"published,omitempty"`
	// Site is the name of the site or publication, when the input says
	// (web pages do).
	Site string `json:"site,omitempty"`
	// Lang is the language of the article as an IETF language tag ("en",
	// "ja"), when the input says (web pages do).
	Lang     string    `json:"lang,omitempty"`
	Sections []Section `json:"sections"`
	// Dropped holds every line removed as boilerplate, verbatim, so that
	// nothing disappears silently.
	Dropped []string `json:"dropped"`
}

// Dateline is the place and news source that open many articles, as in
// "HANGZHOU, China (CNN) —".
type Dateline struct {
	Place  string `json:"place,omitempty"`
	Source string `json:"source,omitempty"`
}

// Byline names the author of an article and the role given with the name.
type Byline struct {
	Name string `json:"name,omitempty"`
	Role string `json:"role,omitempty"`
}

// Section is a run of paragraphs under one heading. The untitled lead
// section has an empty Heading.
type Section struct {
	Heading    string      `json:"heading"`
	Paragraphs []Paragraph `json:"paragraphs"`
}

// Paragraph is a run of sentences. Embed marks a paragraph of a post
// embedded in a web page (see [Block]).
type Paragraph struct {
	Sentences []Sentence `json:"sentences"`
	Embed     bool       `json:"embed,omitempty"`
}

// Sentence is one sentence of the article body. ID is "s1", "s2", … in
// document order across the whole article.
type Sentence struct {
	ID   string `json:"id"`
	Text string `json:"text"`
}

// Located is a sentence together with where it sits in the document.
type Located struct {
	Sentence
	Index       int // position in the whole article, from 0
	Section     int // index into Document.Sections
	Paragraph   int // index of the paragraph within its section
	InParagraph int // position within its paragraph, from 0
	ParaIndex   int // index of the paragraph in the whole article, from 0
}

// Sentences returns every body sentence in document order with its
// position.
func (d *Document) Sentences() []Located {
	var out []Located
	para := 0
	for si, sec := range d.Sections {
		for pi, p := range sec.Paragraphs {
			for k, s := range p.Sentences {
				out = append(out, Located{
					Sentence:    s,
					Index:       len(out),
					Section:     si,
					Paragraph:   pi,
					InParagraph: k,
					ParaIndex:   para,
				})
			}
			para++
		}
	}
	return out
}

// SentenceByID returns the sentence with the given id.
func (d *Document) SentenceByID(id string) (Sentence, bool) {
	for _, sec := range d.Sections {
		for _, p := range sec.Paragraphs {
			for _, s := range p.Sentences {
				if s.ID == id {
					return s, true
				}
			}
		}
	}
	return Sentence{}, false
}
