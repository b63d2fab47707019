package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/brief-dev/brief/brief"
	"github.com/brief-dev/brief/brief/digest"
	"github.com/brief-dev/brief/brief/source"
)

// maxInput is the largest article brief reads. News articles are a few
// tens of kilobytes; anything past this is not an article.
const maxInput = 16 << 20

// errNothingToBrief is returned for an article none of whose sentences
// can stand as a bullet (e.g. a few words without a full stop): a briefing
// with no key points would be a silent failure in a cron job.
var errNothingToBrief = errors.New("no sentence in the article can stand as a key point")

// step is the per-article work every command shares: parse the decoded
// article, build its briefing, check that it has key points, date it and,
// with --refine, let the language model reword it.
type step struct {
	bullets  int
	date     string             // YYYY-MM-DD
	refiner  *refiner           // nil without --refine
	features *digest.Featurizer // non-nil: also compute what story matching needs (digest, batch)
}

// briefed is one input briefed.
type briefed struct {
	input string // the input's name as given
	note  string // how the input was decoded, when it was converted
	doc   *brief.Document
	b     *brief.Briefing

	feed *source.FeedItem // what the feed says of a feed item; nil for other inputs
	feat *digest.Features // with step.features
}

// item briefs one read input. The error does not repeat the input's name.
// When the briefing has no key points, the error is errNothingToBrief and
// doc and b are still set (--explain shows why).
func (s *step) item(ctx context.Context, it source.Item) (*briefed, error) {
	a := &briefed{input: it.Input, note: it.Note, feed: it.Feed}
	if it.Err != nil {
		return a, it.Err
	}
	doc, err := parseItem(it)
	if err != nil {
		return a, err
	}
	it.Feed.Fill(doc) // a feed item's title, author and date where the page has none
	a.doc, a.b, err = s.document(ctx, it.Input, doc)
	if err == nil && s.features != nil {
		a.feat = s.features.Features(a.doc)
	}
	return a, err
}

// parseItem parses a read input: a web page as the HTML reader found it
// (brief.ParsePage), plain text with brief.Parse.
func parseItem(it source.Item) (*brief.Document, error) {
	if it.Page != nil {
		return brief.ParsePage(*it.Page)
	}
	return brief.Parse(it.Text)
}

// document briefs the parsed article doc of the input named name.
func (s *step) document(ctx context.Context, name string, doc *brief.Document) (*brief.Document, *brief.Briefing, error) {
	var err error
	b := brief.Summarize(doc, brief.Options{Bullets: s.bullets})
	if len(b.KeyPoints) == 0 {
		return doc, b, errNothingToBrief
	}
	b.Meta.Date = s.date
	if s.refiner != nil {
		if b, err = s.refiner.refine(ctx, name, doc, b); err != nil {
			return nil, nil, err
		}
	}
	return doc, b, nil
}

// safeItem is item with a panic turned into an error, so that one
// article that trips a bug is reported and skipped instead of ending a
// run over thousands.
func (s *step) safeItem(ctx context.Context, it source.Item) (*briefed, error) {
	a, err := recovered(func() (*briefed, error) { return s.item(ctx, it) })
	if a == nil {
		a = &briefed{input: it.Input, feed: it.Feed}
	}
	return a, err
}

// recovered calls f and turns a panic into an error.
func recovered[T any](f func() (T, error)) (v T, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("internal error, please report it with this article: %v", p)
		}
	}()
	return f()
}
