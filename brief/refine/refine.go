package refine

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/brief-dev/brief/brief"
)

// Prompt is one request to a language model: a system message and a user
// message. JSON asks for an answer that is one JSON object (JSON mode where
// the server has it); an answer without one is malformed.
type Prompt struct {
	System string
	User   string
	JSON   bool
}

// Refiner sends a prompt to a language model and returns the text of its
// answer. Package llm implements it over an OpenAI-compatible API.
type Refiner interface {
	Complete(ctx context.Context, p Prompt) (string, error)
}

// Refinable sections, as named in the model's JSON answer, in the order
// they are offered to the model.
const (
	SectionBottomLine = "bottom_line"
	SectionKeyPoints  = "key_points"
	SectionBackground = "background"
	SectionOutlook    = "outlook"
)

// Section is one section of the briefing offered to the model.
type Section struct {
	Key     string   // JSON name, e.g. "key_points"
	Name    string   // heading, e.g. "Key points"
	Bullets []Bullet // the extractive bullets, in briefing order
}

// Sentence is one sentence of the article sent to the model, with its id
// ("s12").
type Sentence struct {
	ID   string
	Text string
}

// Bullet is one extractive bullet offered to the model.
type Bullet struct {
	Index   int // position in its section of the briefing, from 0
	Text    string
	Sources []string
}

// Cites returns the bullet's source ids separated by ", ".
func (b Bullet) Cites() string { return strings.Join(b.Sources, ", ") }

// Request is what is sent to the model: the extractive briefing and
// the sentences it rests on. Build it with [NewRequest].
type Request struct {
	Title    string
	Sections []Section // only sections with at least one bullet
	// Sentences are the source sentences of the offered bullets and, as
	// far as the budget allows, the rest of the article, in document
	// order.
	Sentences []Sentence
	// Tokens is the estimated size of the bullets and sentences, by
	// [EstimateTokens].
	Tokens int
	// Trimmed reports that bullets (and the sentences only they rest on)
	// were left out to stay within the token budget. Those bullets stay
	// extractive.
	Trimmed bool
	// Left is the number of bullets left out.
	Left int
	// Omitted is the number of article sentences not sent.
	Omitted int
}

// Options tune [NewRequest]. The zero value gives the defaults.
type Options struct {
	// MaxInputTokens bounds the estimated size of the bullets and source
	// sentences sent to the model; 0 means 6000.
	MaxInputTokens int
}

// ErrBudget is returned by [NewRequest] when not even the first
// bullet fits in the token budget.
var ErrBudget = errors.New("the input token budget is too small for even the bottom line")

// ErrNoSources is returned by [NewRequest] when no bullet cites a
// sentence of the document.
var ErrNoSources = errors.New("no bullet cites a sentence of the article")

// ErrNothingToRefine is returned by [NewRequest] for a briefing with
// no bullets.
var ErrNothingToRefine = errors.New("the briefing has no bullets to refine")

// EstimateTokens estimates the number of model tokens in s: one per four
// characters, rounded up, the usual rule of thumb for English text with
// OpenAI tokenizers. It is deterministic and needs no tokenizer; it
// overestimates for plain English prose and underestimates for scripts
// that use many tokens per character.
func EstimateTokens(s string) int {
	return (utf8.RuneCountInString(s) + 3) / 4
}

// bulletCost is the per-bullet overhead in the prompt (marker, ids).
const bulletCost = 6

// sentenceCost is the per-sentence overhead in the prompt ("[s12] ").
const sentenceCost = 3

// NewRequest selects what to send to the model for briefing b of
// document doc: the bullets of the bottom line, key points, background and
// outlook with the sentences they cite, taken in that order while the
// estimate stays within opt.MaxInputTokens, then as much of the rest of
// the article as still fits. A bullet that does not fit is left out (it
// stays extractive) and Trimmed is set.
func NewRequest(doc *brief.Document, b *brief.Briefing, opt Options) (*Request, error) {
	budget := opt.MaxInputTokens
	if budget <= 0 {
		budget = 6000
	}
	all := doc.Sentences()
	req := &Request{Title: b.Title}
	p := &packer{budget: budget, used: EstimateTokens(b.Title), chosen: make(map[string]bool), text: make(map[string]string, len(all))}
	for _, s := range all {
		p.text[s.ID] = s.Text
	}
	total := p.bullets(req, b)
	if total == 0 {
		return nil, ErrNothingToRefine
	}
	if len(req.Sections) == 0 {
		if req.Trimmed {
			return nil, fmt.Errorf("%w (%d tokens)", ErrBudget, budget)
		}
		return nil, ErrNoSources
	}
	p.context(req, all)
	req.Tokens = p.used
	return req, nil
}

// packer fills a request within a token budget.
type packer struct {
	budget, used int
	text         map[string]string // sentence text by id
	chosen       map[string]bool   // sentences the offered bullets cite
}

// bullets offers the bullets of b, section by section, with the sentences
// they cite, while they fit; it returns the number of bullets b has.
func (p *packer) bullets(req *Request, b *brief.Briefing) (total int) {
	for _, sec := range refinable(b) {
		rs := Section{Key: sec.key, Name: sec.name}
		for i, bl := range sec.bullets {
			total++
			fresh, cost, ok := p.cost(bl)
			if !ok {
				req.Left++ // cites nothing we can show: leave it extractive
				continue
			}
			if p.used+cost > p.budget {
				req.Left++
				req.Trimmed = true
				continue
			}
			p.used += cost
			for _, id := range fresh {
				p.chosen[id] = true
			}
			rs.Bullets = append(rs.Bullets, Bullet{Index: i, Text: bl.Text, Sources: append([]string(nil), bl.Sources...)})
		}
		if len(rs.Bullets) > 0 {
			req.Sections = append(req.Sections, rs)
		}
	}
	return total
}

// cost is the estimated size of offering bl: the bullet and the cited
// sentences not offered yet (fresh). ok is false when bl cites no
// sentence of the document.
func (p *packer) cost(bl brief.Bullet) (fresh []string, cost int, ok bool) {
	cost = bulletCost + EstimateTokens(bl.Text)
	for _, id := range bl.Sources {
		t, found := p.text[id]
		if !found {
			return nil, 0, false
		}
		if !p.chosen[id] && !slices.Contains(fresh, id) {
			fresh = append(fresh, id)
			cost += sentenceCost + EstimateTokens(t)
		}
	}
	return fresh, cost, len(bl.Sources) > 0
}

// context adds, while the budget allows, the rest of the article, so the
// model can tell who "the two leaders" are and cite it: the neighbours of
// the chosen sentences first, then the others in document order. The
// sentences go into req in document order.
func (p *packer) context(req *Request, all []brief.Located) {
	var order []int
	queued := make(map[int]bool)
	queue := func(j int) {
		if j >= 0 && j < len(all) && !p.chosen[all[j].ID] && !queued[j] {
			queued[j] = true
			order = append(order, j)
		}
	}
	for i, s := range all {
		if p.chosen[s.ID] {
			queue(i - 1)
			queue(i + 1)
		}
	}
	for j := range all {
		queue(j)
	}
	sent := make(map[string]bool, len(p.chosen))
	for id := range p.chosen {
		sent[id] = true
	}
	for _, j := range order {
		cost := sentenceCost + EstimateTokens(all[j].Text)
		if p.used+cost > p.budget {
			req.Omitted++
			continue
		}
		p.used += cost
		sent[all[j].ID] = true
	}
	for _, s := range all {
		if sent[s.ID] {
			req.Sentences = append(req.Sentences, Sentence{ID: s.ID, Text: s.Text})
		}
	}
}

type refinableSection struct {
	key, name string
	bullets   []brief.Bullet
	field     *[]brief.Bullet
}

// refinable lists the sections of b that the model may rewrite.
func refinable(b *brief.Briefing) []refinableSection {
	return []refinableSection{
		{SectionBottomLine, "Bottom line", b.BottomLine, &b.BottomLine},
		{SectionKeyPoints, "Key points", b.KeyPoints, &b.KeyPoints},
		{SectionBackground, "Background", b.Background, &b.Background},
		{SectionOutlook, "Outlook", b.Outlook, &b.Outlook},
	}
}

// Result is the outcome of [Run].
type Result struct {
	// Briefing is a copy of the extractive briefing with every grounded
	// rewrite in place (Bullet.Refined set). The input briefing is not
	// changed.
	Briefing *brief.Briefing
	Offered  int         // bullets sent to the model
	Refined  int         // rewrites accepted
	Rejected []Rejection // rewrites refused; the extractive bullet stays
	// Missing counts offered bullets the answer gave no rewrite for.
	Missing int
	// Extra counts rewrites past the number of bullets offered (ignored).
	Extra int
}

// Rejection says why one rewrite was refused.
type Rejection struct {
	Section string // e.g. "key_points"
	Index   int    // position in the section, from 0
	Text    string // the rewrite
	Reason  string
}

// String gives the place of the rewrite and the reason, e.g.
// `key_points[1]: number "19" is not in the cited sentences`.
func (r Rejection) String() string {
	return fmt.Sprintf("%s[%d]: %s", r.Section, r.Index, r.Reason)
}

// Refine asks r to rewrite the bullets of req with prompt p (rendered from
// req, see package prompts), then checks each rewrite against the
// sentences it cites and merges the grounded ones into a copy of b. A
// rewrite that fails the check is counted in Rejected and the extractive
// bullet stays. The error is r's, or the answer's when it holds no usable
// JSON object.
func Run(ctx context.Context, r Refiner, b *brief.Briefing, req *Request, p Prompt) (*Result, error) {
	answer, err := r.Complete(ctx, p)
	if err != nil {
		return nil, err
	}
	a, err := ParseAnswer(answer)
	if err != nil {
		return nil, err
	}
	return Merge(b, req, a), nil
}

// Merge checks the rewrites in a against the sentences of req and puts the
// grounded ones into a copy of b. Rewrites pair with the offered bullets
// of their section by position, unless the rewrite in that position cites
// none of the bullet's sentences and a later one does (models sometimes
// reorder).
func Merge(b *brief.Briefing, req *Request, a *Answer) *Result {
	out := cloneBriefing(b)
	res := &Result{Briefing: out}
	known := make(map[string]string, len(req.Sentences))
	for _, s := range req.Sentences {
		known[s.ID] = s.Text
	}
	fields := make(map[string]*[]brief.Bullet)
	for _, sec := range refinable(out) {
		fields[sec.key] = sec.field
	}
	for _, sec := range req.Sections {
		rewrites := a.Sections[sec.Key]
		res.Offered += len(sec.Bullets)
		pair, extra := pairRewrites(sec.Bullets, rewrites)
		res.Extra += extra
		for k, ob := range sec.Bullets {
			if pair[k] < 0 || strings.TrimSpace(rewrites[pair[k]].Text) == "" {
				res.Missing++
				continue
			}
			rw := rewrites[pair[k]]
			text := cleanText(rw.Text)
			ids, why := checkSources(rw.Sources, ob.Sources, known)
			if why == "" {
				cited := make([]string, len(ids))
				for i, id := range ids {
					cited[i] = known[id]
				}
				why = Ground(text, cited)
			}
			if why != "" {
				res.Rejected = append(res.Rejected, Rejection{Section: sec.Key, Index: ob.Index, Text: text, Reason: why})
				continue
			}
			bl := &(*fields[sec.Key])[ob.Index]
			bl.Text = text
			bl.Sources = ids
			bl.Refined = true
			res.Refined++
		}
	}
	return res
}

// pairRewrites pairs each draft bullet with a rewrite: pair[k] is the
// index in rewrites for bullets[k], or -1. The rewrite in the same
// position comes first if it shares a source with the bullet; else the
// first unpaired rewrite that does; else the one in the same position,
// if still free (the grounding check then says why it does not fit).
// extra counts rewrites paired with no bullet.
func pairRewrites(bullets []Bullet, rewrites []Rewrite) (pair []int, extra int) {
	pair = make([]int, len(bullets))
	used := make([]bool, len(rewrites))
	shares := func(r Rewrite, b Bullet) bool {
		for _, id := range r.Sources {
			if slices.Contains(b.Sources, normID(id)) {
				return true
			}
		}
		return false
	}
	for k, b := range bullets {
		pair[k] = -1
		if k < len(rewrites) && shares(rewrites[k], b) {
			pair[k], used[k] = k, true
		}
	}
	for k, b := range bullets {
		for j := 0; pair[k] < 0 && j < len(rewrites); j++ {
			if !used[j] && shares(rewrites[j], b) {
				pair[k], used[j] = j, true
			}
		}
	}
	for k := range bullets {
		if pair[k] < 0 && k < len(rewrites) && !used[k] {
			pair[k], used[k] = k, true
		}
	}
	for _, u := range used {
		if !u {
			extra++
		}
	}
	return pair, extra
}

// checkSources validates the ids a rewrite cites: at least one, all among
// the sentences sent, and at least one shared with the extractive bullet
// it replaces (so a rewrite cannot swap the bullet for another topic). It
// returns the ids in the order given without duplicates, or why they fail.
func checkSources(ids, original []string, known map[string]string) ([]string, string) {
	var out []string
	shared := false
	for _, id := range ids {
		id = normID(id)
		if _, ok := known[id]; !ok {
			return nil, fmt.Sprintf("cites %q, which is not a sentence it was given", id)
		}
		if slices.Contains(out, id) {
			continue
		}
		out = append(out, id)
		if slices.Contains(original, id) {
			shared = true
		}
	}
	if len(out) == 0 {
		return nil, "cites no sentence"
	}
	if !shared {
		return nil, fmt.Sprintf("cites none of the sentences of the bullet it replaces (%s)", strings.Join(original, ", "))
	}
	return out, ""
}

// normID turns the forms models give ids in ("s12", "[s12]", " S12 ")
// into "s12".
func normID(id string) string {
	id = strings.TrimSpace(id)
	id = strings.TrimPrefix(id, "[")
	id = strings.TrimSuffix(id, "]")
	return strings.ToLower(strings.TrimSpace(id))
}

// cleanText collapses runs of white space (including line breaks) and
// removes a leading list marker.
func cleanText(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	for _, m := range []string{"- ", "* ", "• "} {
		s = strings.TrimPrefix(s, m)
	}
	return s
}

// cloneBriefing copies b deeply enough that changing bullets of the copy
// leaves b alone.
func cloneBriefing(b *brief.Briefing) *brief.Briefing {
	c := *b
	cp := func(bs []brief.Bullet) []brief.Bullet {
		if bs == nil {
			return nil
		}
		out := make([]brief.Bullet, len(bs))
		for i, x := range bs {
			x.Sources = append([]string(nil), x.Sources...)
			out[i] = x
		}
		return out
	}
	c.BottomLine = cp(b.BottomLine)
	c.KeyPoints = cp(b.KeyPoints)
	c.Background = cp(b.Background)
	c.Outlook = cp(b.Outlook)
	c.Statements = append([]brief.Statement(nil), b.Statements...)
	if b.Statements != nil && c.Statements == nil {
		c.Statements = []brief.Statement{}
	}
	c.Actors = append([]brief.Actor(nil), b.Actors...)
	if b.Actors != nil && c.Actors == nil {
		c.Actors = []brief.Actor{}
	}
	return &c
}
