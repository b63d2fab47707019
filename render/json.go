package render

import (
	"encoding/json"
	"io"

	"github.com/brief-dev/brief/brief"
	"github.com/brief-dev/brief/brief/digest"
)

// JSON writes b as indented JSON. Keys come in the order of the struct
// fields and arrays are never null, so scripts can rely on the shape.
func JSON(w io.Writer, b *brief.Briefing) error {
	if b == nil {
		return errNil
	}
	return writeJSON(w, normalBriefing(b))
}

// DigestJSON writes d as indented JSON, with the same guarantees as [JSON].
func DigestJSON(w io.Writer, d *digest.Digest) error {
	if d == nil {
		return errNil
	}
	n := *d
	n.KeyDevelopments = make([]digest.Development, len(d.KeyDevelopments))
	for i, k := range d.KeyDevelopments {
		k.Articles = nonNil(k.Articles)
		k.Sources = nonNil(k.Sources)
		n.KeyDevelopments[i] = k
	}
	n.Stories = make([]digest.Story, len(d.Stories))
	for i, s := range d.Stories {
		s.Sources = nonNil(s.Sources)
		s.Articles = nonNil(s.Articles)
		s.Members = nonNil(s.Members)
		n.Stories[i] = s
	}
	n.Articles = make([]digest.Article, len(d.Articles))
	for i, a := range d.Articles {
		if a.Briefing != nil {
			a.Briefing = normalBriefing(a.Briefing)
		}
		n.Articles[i] = a
	}
	return writeJSON(w, &n)
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// normalBriefing returns a shallow copy of b whose arrays are all non-nil.
// b itself is left untouched.
func normalBriefing(b *brief.Briefing) *brief.Briefing {
	n := *b
	n.BottomLine = normalBullets(b.BottomLine)
	n.KeyPoints = normalBullets(b.KeyPoints)
	n.Background = normalBullets(b.Background)
	n.Outlook = normalBullets(b.Outlook)
	n.Actors = nonNil(b.Actors)
	n.Statements = make([]brief.Statement, len(b.Statements))
	for i, s := range b.Statements {
		s.Sources = nonNil(s.Sources)
		n.Statements[i] = s
	}
	return &n
}

func normalBullets(bs []brief.Bullet) []brief.Bullet {
	out := make([]brief.Bullet, len(bs))
	for i, x := range bs {
		x.Sources = nonNil(x.Sources)
		out[i] = x
	}
	return out
}

// nonNil returns s, or an empty slice when s is nil, so that it encodes as
// [] rather than null.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
