package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/brief-dev/brief/brief"
	"github.com/brief-dev/brief/brief/llm"
	"github.com/brief-dev/brief/brief/refine"
	"github.com/brief-dev/brief/prompts"
	"github.com/urfave/cli/v3"
)

// refineOptions are the flags of the optional LLM refinement.
type refineOptions struct {
	enabled        bool
	model          string
	baseURL        string
	apiKey         string // from OPENAI_API_KEY only: a flag would show in ps
	timeout        time.Duration
	retries        int
	strict         bool
	noCache        bool
	cacheDir       string // "" when there is no cache directory
	prompts        *prompts.Set
	maxInputTokens int
}

// defaultModel is a small current OpenAI chat model.
const defaultModel = "gpt-4o-mini"

func refineFlags() []cli.Flag {
	return []cli.Flag{
		&cli.BoolFlag{Name: "refine", Usage: "let an LLM tighten the wording (any OpenAI-compatible API); rewrites that add facts are rejected"},
		&cli.StringFlag{Name: "model", Usage: "LLM `MODEL` for --refine", Value: defaultModel, Sources: cli.EnvVars("BRIEF_MODEL")},
		&cli.StringFlag{Name: "base-url", Usage: "OpenAI-compatible API `URL` for --refine, e.g. http://localhost:11434/v1 (key: OPENAI_API_KEY)", Value: llm.DefaultBaseURL, Sources: cli.EnvVars("OPENAI_BASE_URL")},
		&cli.DurationFlag{Name: "timeout", Usage: "time allowed for refining one article, retries included", Value: 60 * time.Second},
		&cli.IntFlag{Name: "retries", Usage: "retries of a failed LLM request", Value: 2},
		&cli.BoolFlag{Name: "strict", Usage: "exit 1 if refinement fails (default: warn and print the extractive briefing)"},
		&cli.BoolFlag{Name: "no-cache", Usage: "neither read nor write cached LLM answers"},
		&cli.StringFlag{Name: "prompts", Usage: "read the prompt templates (system.tmpl, refine.tmpl) from `DIR`"},
		&cli.IntFlag{Name: "max-input-tokens", Usage: "largest estimated size of the text sent to the LLM", Value: 6000},
	}
}

func refineOptionsFrom(cmd *cli.Command) (refineOptions, error) {
	o := refineOptions{
		enabled:        cmd.Bool("refine"),
		model:          strings.TrimSpace(cmd.String("model")),
		baseURL:        strings.TrimSpace(cmd.String("base-url")),
		apiKey:         strings.TrimSpace(os.Getenv("OPENAI_API_KEY")),
		timeout:        cmd.Duration("timeout"),
		retries:        int(cmd.Int("retries")),
		strict:         cmd.Bool("strict"),
		noCache:        cmd.Bool("no-cache"),
		maxInputTokens: int(cmd.Int("max-input-tokens")),
	}
	if !o.enabled {
		return o, nil
	}
	if o.model == "" { // BRIEF_MODEL= set but empty
		o.model = defaultModel
	}
	switch {
	case o.timeout <= 0:
		return o, usagef("--timeout must be positive, got %s", o.timeout)
	case o.retries < 0 || o.retries > 10:
		return o, usagef("--retries must be between 0 and 10, got %d", o.retries)
	case o.maxInputTokens < 100:
		return o, usagef("--max-input-tokens must be at least 100, got %d", o.maxInputTokens)
	}
	var err error
	if dir := cmd.String("prompts"); dir != "" {
		if o.prompts, err = prompts.Load(dir); err != nil {
			return o, usageError{err}
		}
	} else if o.prompts, err = prompts.Default(); err != nil {
		return o, err
	}
	o.cacheDir = cacheDir()
	return o, nil
}

// cacheDir is where LLM answers are cached: BRIEF_CACHE_DIR, else brief/
// in the user cache directory; "" if there is none.
func cacheDir() string {
	if d := os.Getenv("BRIEF_CACHE_DIR"); d != "" {
		return d
	}
	d, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(d, "brief")
}

// refiner lets a language model reword the briefings of a run, one
// article at a time, and reports how it went. It is safe for concurrent
// use: with many articles, as many requests are in flight as --jobs
// allows, every answer cached and every rewrite grounded as for one
// article.
//
// A failure never loses a briefing: the extractive one stays, with one
// warning on stderr (or, with --strict, the run fails). When the service
// itself fails (no connection, a timeout, 401, 404, 429 after retries),
// the articles after it are not sent: a down server costs one warning and
// one timeout, not one per article.
type refiner struct {
	opts   refineOptions
	client *llm.Client
	log    logOptions
	stderr *lockedWriter
	many   bool // a summary at the end instead of a line per article

	mu        sync.Mutex
	down      error // the service failed: no further article is sent
	articles  int   // articles offered to the model
	skipped   int   // articles not sent because the service was down
	failed    int   // articles whose answer was unusable
	improved  int   // articles with at least one rewrite kept
	offered   int   // bullets offered
	rewritten int   // rewrites kept
	rejected  int   // rewrites refused by the grounding check
}

// errStrict marks a refinement failure under --strict: the run fails.
type errStrict struct{ err error }

func (e errStrict) Error() string { return "LLM refinement failed: " + e.err.Error() }
func (e errStrict) Unwrap() error { return e.err }

// newRefiner returns the refiner of o, or nil when --refine is off. many
// says the run has many articles.
func newRefiner(o refineOptions, log logOptions, stderr io.Writer, many bool) (*refiner, error) {
	if !o.enabled {
		return nil, nil
	}
	w := &lockedWriter{w: stderr}
	cfg := llm.Config{
		BaseURL: o.baseURL, APIKey: o.apiKey, Model: o.model,
		Timeout: o.timeout, Retries: o.retries, CacheDir: o.cacheDir, NoCache: o.noCache,
	}
	if log.verbose {
		cfg.Verbose = w
	}
	client, err := llm.New(cfg)
	if err != nil {
		return nil, usageError{fmt.Errorf("--refine: %w", err)}
	}
	return &refiner{opts: o, client: client, log: log, stderr: w, many: many}, nil
}

// refine returns b with the model's grounded rewrites in place, or b
// itself when refinement fails (after a warning). name names the article
// in messages. The error is ctx's when the run is interrupted, or
// errStrict under --strict.
func (r *refiner) refine(ctx context.Context, name string, doc *brief.Document, b *brief.Briefing) (*brief.Briefing, error) {
	r.mu.Lock()
	down := r.down
	if down != nil {
		r.skipped++
	}
	r.mu.Unlock()
	if down != nil {
		return b, nil
	}
	out, err := r.attempt(ctx, name, doc, b)
	if err == nil {
		return out, nil
	}
	if ctx.Err() != nil {
		return nil, ctx.Err() // interrupted
	}
	if r.opts.strict {
		return nil, errStrict{err}
	}
	msg := strings.Join(strings.Fields(err.Error()), " ")
	if articleFault(err) {
		r.mu.Lock()
		r.failed++
		r.mu.Unlock()
		switch {
		case !r.many:
			r.printf("brief: warning: LLM refinement failed (%s); using the extractive briefing\n", msg)
		case r.log.verbose:
			r.printf("brief: %s: LLM refinement failed (%s); the article stays extractive\n", inputName(name), msg)
		}
		return b, nil
	}
	r.mu.Lock()
	first := r.down == nil
	if first {
		r.down = err
	}
	r.failed++
	r.mu.Unlock()
	if first {
		if r.many {
			r.printf("brief: warning: LLM refinement failed (%s); this article and the rest stay extractive\n", msg)
		} else {
			r.printf("brief: warning: LLM refinement failed (%s); using the extractive briefing\n", msg)
		}
	}
	return b, nil
}

// articleFault reports whether err concerns one article only (its answer
// or its size), so that the next article may still be sent.
func articleFault(err error) bool {
	return errors.Is(err, refine.ErrMalformedAnswer) || errors.Is(err, refine.ErrBudget) ||
		errors.Is(err, refine.ErrNothingToRefine) || errors.Is(err, refine.ErrNoSources)
}

// attempt sends one article's briefing to the model and merges the
// grounded rewrites.
func (r *refiner) attempt(ctx context.Context, name string, doc *brief.Document, b *brief.Briefing) (*brief.Briefing, error) {
	ro := r.opts
	req, err := refine.NewRequest(doc, b, refine.Options{MaxInputTokens: ro.maxInputTokens})
	if err != nil {
		return nil, err
	}
	offered := 0
	for _, s := range req.Sections {
		offered += len(s.Bullets)
	}
	who := ""
	if r.many {
		who = inputName(name) + ": "
	}
	if req.Trimmed && !r.log.quiet && (!r.many || r.log.verbose) {
		r.printf("brief: %sthe LLM gets %d of %d bullets to fit --max-input-tokens %d; the others stay extractive\n", who, offered, offered+req.Left, ro.maxInputTokens)
	}
	if r.log.verbose {
		r.printf("brief: %srefine: %d bullets, %d of %d article sentences (~%d tokens of text)\n", who, offered, len(req.Sentences), len(req.Sentences)+req.Omitted, req.Tokens)
	}
	p, err := ro.prompts.Render(req)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(ctx, ro.timeout)
	defer cancel()
	res, err := refine.Run(ctx, r.client, b, req, p)
	if err != nil {
		return nil, err
	}
	r.mu.Lock()
	r.articles++
	r.offered += res.Offered
	r.rewritten += res.Refined
	r.rejected += len(res.Rejected)
	if res.Refined > 0 {
		r.improved++
	}
	r.mu.Unlock()
	if !r.log.quiet && (!r.many || r.log.verbose) {
		line := fmt.Sprintf("brief: %sLLM refinement: %d of %d bullets rewritten, %d rejected as not grounded in their cited sentences", who, res.Refined, res.Offered, len(res.Rejected))
		if res.Missing > 0 {
			line += fmt.Sprintf(", %d not rewritten", res.Missing)
		}
		r.printf("%s\n", line)
	}
	if r.log.verbose {
		for _, rj := range res.Rejected {
			r.printf("brief: %srejected %s\n", who, rj)
		}
	}
	return res.Briefing, nil
}

// finish reports, for a run of many articles, what refinement did.
func (r *refiner) finish() {
	if r == nil || !r.many || r.log.quiet {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	total := r.articles + r.failed + r.skipped
	r.printf("brief: LLM refinement: %d of %d articles reworded (%d of %d bullets rewritten, %d rejected as not grounded in their cited sentences)",
		r.improved, total, r.rewritten, r.offered, r.rejected)
	if r.skipped > 0 {
		r.printf("; %d articles not sent after the service failed", r.skipped)
	}
	r.printf("\n")
}

func (r *refiner) printf(format string, args ...any) {
	fmt.Fprintf(r.stderr, format, args...)
}

// lockedWriter serialises writes from concurrent workers, so that lines
// on stderr do not interleave.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}
