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
	feat  *digest.Features // with step.features
}

// item briefs one read input. The error does not repeat the input's name.
// When the briefing has no key points, the error is errNothingToBrief and
// doc and b are still set (--explain shows why).
func (s *step) item(ctx context.Context, it source.Item) (*briefed, error) {
	a := &briefed{input: it.Input, note: it.Note}
	if it.Err != nil {
		return a, it.Err
	}
	var err error
	a.doc, a.b, err = s.text(ctx, it.Input, it.Text)
	if err == nil && s.features != nil {
		a.feat = s.features.Features(a.doc)
	}
	return a, err
}

// text briefs the decoded article text of the input named name.
func (s *step) text(ctx context.Context, name, text string) (*brief.Document, *brief.Briefing, error) {
	doc, err := brief.Parse(text)
	if err != nil {
		return nil, nil, err
	}
	return s.document(ctx, name, doc)
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
		a = &briefed{input: it.Input}
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
