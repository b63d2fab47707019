package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
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
		&cli.DurationFlag{Name: "timeout", Usage: "time allowed for the whole refinement", Value: 60 * time.Second},
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

// refineBriefing lets the LLM rewrite b's bullets. Failure never loses the
// briefing: it warns on one line and returns b, unless --strict.
func refineBriefing(ctx context.Context, opts summarizeOptions, doc *brief.Document, b *brief.Briefing, io streams) (*brief.Briefing, error) {
	out, err := refineOnce(ctx, opts, doc, b, io)
	if err == nil {
		return out, nil
	}
	if ctx.Err() != nil {
		return nil, ctx.Err() // interrupted
	}
	if opts.refine.strict {
		return nil, fmt.Errorf("LLM refinement failed: %w", err)
	}
	msg := strings.Join(strings.Fields(err.Error()), " ")
	fmt.Fprintf(io.err, "brief: warning: LLM refinement failed (%s); using the extractive briefing\n", msg)
	return b, nil
}

// refineOnce does the work of refineBriefing.
func refineOnce(ctx context.Context, opts summarizeOptions, doc *brief.Document, b *brief.Briefing, io streams) (*brief.Briefing, error) {
	ro := opts.refine
	req, err := refine.NewRequest(doc, b, refine.Options{MaxInputTokens: ro.maxInputTokens})
	if err != nil {
		return nil, err
	}
	offered := 0
	for _, s := range req.Sections {
		offered += len(s.Bullets)
	}
	if req.Trimmed && !opts.quiet {
		fmt.Fprintf(io.err, "brief: the LLM gets %d of %d bullets to fit --max-input-tokens %d; the others stay extractive\n", offered, offered+req.Left, ro.maxInputTokens)
	}
	if opts.verbose {
		fmt.Fprintf(io.err, "brief: refine: %d bullets, %d of %d article sentences (~%d tokens of text)\n", offered, len(req.Sentences), len(req.Sentences)+req.Omitted, req.Tokens)
	}
	p, err := ro.prompts.Render(req)
	if err != nil {
		return nil, err
	}
	cfg := llm.Config{
		BaseURL: ro.baseURL, APIKey: ro.apiKey, Model: ro.model,
		Timeout: ro.timeout, Retries: ro.retries, CacheDir: ro.cacheDir, NoCache: ro.noCache,
	}
	if opts.verbose {
		cfg.Verbose = io.err
	}
	client, err := llm.New(cfg)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(ctx, ro.timeout)
	defer cancel()
	res, err := refine.Run(ctx, client, b, req, p)
	if err != nil {
		return nil, err
	}
	if !opts.quiet {
		fmt.Fprintf(io.err, "brief: LLM refinement: %d of %d bullets rewritten, %d rejected as not grounded in their cited sentences", res.Refined, res.Offered, len(res.Rejected))
		if res.Missing > 0 {
			fmt.Fprintf(io.err, ", %d not rewritten", res.Missing)
		}
		fmt.Fprintln(io.err)
	}
	if opts.verbose {
		for _, r := range res.Rejected {
			fmt.Fprintf(io.err, "brief: rejected %s\n", r)
		}
	}
	return res.Briefing, nil
}
