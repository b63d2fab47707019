// Package llm sends brief's refinement prompts to an OpenAI-compatible
// chat completions API (OpenAI, Ollama, llama.cpp server, vLLM, LM Studio)
// through github.com/sashabaranov/go-openai. It owns the transport:
// temperature 0, JSON mode, retries with backoff, error wording and an
// answer cache on disk. [*Client] implements [refine.Refiner].
//
// The API key is sent as "Authorization: Bearer …" and never appears in
// an error, a log line or the cache.
package llm

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/brief-dev/brief/brief/refine"
	openai "github.com/sashabaranov/go-openai"
)

// DefaultBaseURL is OpenAI's API.
const DefaultBaseURL = "https://api.openai.com/v1"

// Config configures a [Client]. Only Model is required.
type Config struct {
	BaseURL string // "" means DefaultBaseURL
	APIKey  string // optional: local servers need none
	Model   string
	// Timeout bounds one Complete call, retries and waits included; 0
	// means no bound but the context's.
	Timeout time.Duration
	// Retries is how many times a failed request is retried when trying
	// again can help (connection errors, 429, 5xx, empty or malformed
	// answers).
	Retries int
	// CacheDir holds cached answers; "" disables the cache.
	CacheDir string
	// NoCache disables reading and writing the cache.
	NoCache bool
	// Verbose, if not nil, receives one line per event: request size,
	// token usage, latency, cache hits, retries.
	Verbose io.Writer
	// Sleep waits between attempts (the backoff, or a server's
	// Retry-After) and returns early with ctx's error; nil means a real
	// wait. Tests set it so that they do not wait.
	Sleep func(ctx context.Context, d time.Duration) error
}

// Client talks to one model at one API. It is safe for concurrent use.
type Client struct {
	cfg  Config
	base string // BaseURL without trailing slash
	http *http.Client
}

// New returns a client for cfg.
func New(cfg Config) (*Client, error) {
	if strings.TrimSpace(cfg.Model) == "" {
		return nil, errors.New("no model given")
	}
	base := strings.TrimRight(strings.TrimSpace(cfg.BaseURL), "/")
	if base == "" {
		base = DefaultBaseURL
	}
	u, err := url.Parse(base)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("base URL %q is not an http or https URL", redactURL(base))
	}
	if cfg.Retries < 0 {
		cfg.Retries = 0
	}
	return &Client{cfg: cfg, base: base, http: &http.Client{}}, nil
}

// backoff is the first wait between attempts; it doubles up to maxBackoff.
const (
	backoff    = 500 * time.Millisecond
	maxBackoff = 8 * time.Second
	maxWait    = 60 * time.Second // longest Retry-After honoured
)

// Complete sends p and returns the model's answer. With p.JSON it asks for
// JSON mode (and asks again without it if the server refuses the option),
// and an answer holding no JSON object counts as malformed. Answers come
// from the cache when there is one.
func (c *Client) Complete(ctx context.Context, p refine.Prompt) (string, error) {
	key := cacheKey(c.cfg.Model, c.base, p)
	useCache := !c.cfg.NoCache && c.cfg.CacheDir != ""
	if useCache {
		if s, ok := readCache(c.cfg.CacheDir, key); ok {
			c.logf("cache hit %s (no request made)", key[:16])
			return s, nil
		}
	}
	size := len([]rune(p.System)) + len([]rune(p.User))
	c.logf("request to %s, model %s: %d chars (~%d tokens)", redactURL(c.base), c.cfg.Model, size, refine.EstimateTokens(p.System)+refine.EstimateTokens(p.User))
	if c.cfg.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, c.cfg.Timeout)
		defer cancel()
	}
	opt := options{json: p.JSON, temperature: !fixedTemperature(c.cfg.Model)}
	if !opt.temperature {
		c.logf("model %s has a fixed temperature: not sending temperature 0", c.cfg.Model)
	}
	start := time.Now()
	var last *failure
	for attempt, retries := 1, 0; ; attempt++ {
		t0 := time.Now()
		a, f := c.attempt(ctx, p, opt)
		if f == nil {
			c.logf("answer in %s (attempt %d): %d prompt + %d completion = %d tokens", since(t0), attempt, a.usage.PromptTokens, a.usage.CompletionTokens, a.usage.TotalTokens)
			if useCache {
				if err := writeCache(c.cfg.CacheDir, key, a.content); err != nil {
					c.logf("cannot cache the answer: %v", c.redact(err.Error()))
				}
			}
			return a.content, nil
		}
		c.logf("attempt %d failed after %s: %s", attempt, since(t0), f.msg)
		if ctx.Err() != nil {
			return "", c.timedOut(ctx, last, start)
		}
		last = f
		switch {
		case f.dropJSON && opt.json:
			opt.json = false
			c.logf("the server refused JSON mode; asking again without it")
			continue
		case f.dropTemperature && opt.temperature:
			opt.temperature = false
			c.logf("the server refused temperature 0; asking again with its default")
			continue
		case !f.retry || retries >= c.cfg.Retries:
			if f.retry && retries > 0 {
				return "", fmt.Errorf("%s (gave up after %d attempts)", f.msg, attempt)
			}
			return "", errors.New(f.msg)
		}
		retries++
		wait := backoff << (retries - 1)
		if wait > maxBackoff {
			wait = maxBackoff
		}
		if f.after > 0 {
			wait = min(f.after, maxWait)
		}
		if dl, ok := ctx.Deadline(); ok && time.Until(dl) < wait {
			return "", fmt.Errorf("%s; the next try (in %s) would come after the %s timeout", f.msg, wait.Round(time.Millisecond), c.cfg.Timeout)
		}
		c.logf("retrying in %s", wait.Round(time.Millisecond))
		sleep := c.cfg.Sleep
		if sleep == nil {
			sleep = sleepCtx
		}
		if err := sleep(ctx, wait); err != nil {
			return "", c.timedOut(ctx, last, start)
		}
	}
}

// timedOut words the end of ctx: the timeout, or the caller's
// cancellation (returned as is, so an interrupt is recognised).
func (c *Client) timedOut(ctx context.Context, last *failure, start time.Time) error {
	if !errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return ctx.Err()
	}
	msg := fmt.Sprintf("no answer from %s within %s", redactURL(c.base), since(start))
	if c.cfg.Timeout > 0 {
		msg = fmt.Sprintf("no answer from %s within the %s timeout", redactURL(c.base), c.cfg.Timeout)
	}
	if last != nil {
		msg += " (last error: " + last.msg + ")"
	}
	return timeoutError{msg}
}

// timeoutError is the end of the time allowed. It matches
// context.DeadlineExceeded with errors.Is, without repeating its text.
type timeoutError struct{ msg string }

func (e timeoutError) Error() string { return e.msg }
func (e timeoutError) Unwrap() error { return context.DeadlineExceeded }

// options are what an attempt asks of the server.
type options struct {
	json        bool // response_format json_object
	temperature bool // send temperature 0
}

// answer is a successful attempt.
type answer struct {
	content string
	usage   openai.Usage
}

// attempt makes one request.
func (c *Client) attempt(ctx context.Context, p refine.Prompt, opt options) (answer, *failure) {
	tr := &transport{client: c.http, zeroTemperature: opt.temperature}
	oc := openai.DefaultConfig(c.cfg.APIKey)
	oc.BaseURL = c.base
	oc.HTTPClient = tr
	req := openai.ChatCompletionRequest{
		Model: c.cfg.Model,
		Messages: []openai.ChatCompletionMessage{
			{Role: openai.ChatMessageRoleSystem, Content: p.System},
			{Role: openai.ChatMessageRoleUser, Content: p.User},
		},
		// Temperature stays 0 here: go-openai omits a zero temperature
		// (omitempty), so transport writes "temperature": 0 into the body.
	}
	if opt.json {
		req.ResponseFormat = &openai.ChatCompletionResponseFormat{Type: openai.ChatCompletionResponseFormatTypeJSONObject}
	}
	resp, err := openai.NewClientWithConfig(oc).CreateChatCompletion(ctx, req)
	if err != nil {
		if !tr.sent {
			// go-openai refused to send it (e.g. a model it knows cannot chat).
			return answer{}, &failure{msg: fmt.Sprintf("cannot send the request for model %q: %s", c.cfg.Model, c.redact(err.Error()))}
		}
		return answer{}, c.classify(ctx, err, tr.header)
	}
	if len(resp.Choices) == 0 {
		return answer{}, &failure{msg: "the API answered with no choices", retry: true}
	}
	ch := resp.Choices[0]
	content := ch.Message.Content
	if ch.FinishReason == openai.FinishReasonContentFilter {
		return answer{}, &failure{msg: "the API's content filter withheld the answer (finish_reason content_filter)"}
	}
	if strings.TrimSpace(content) == "" {
		if ch.Message.Refusal != "" {
			return answer{}, &failure{msg: "the model refused: " + c.redact(clip(ch.Message.Refusal, 200))}
		}
		if ch.FinishReason == openai.FinishReasonLength {
			return answer{}, &failure{msg: "the answer was cut off at the model's length limit before any text (finish_reason length)"}
		}
		return answer{}, &failure{msg: "the API answered with empty text", retry: true}
	}
	if p.JSON {
		if _, err := refine.ExtractJSON(content); err != nil {
			if ch.FinishReason == openai.FinishReasonLength {
				// Asking again at temperature 0 gives the same cut.
				return answer{}, &failure{msg: "the answer was cut off at the model's length limit (finish_reason length)"}
			}
			return answer{}, &failure{msg: "the model's " + err.Error(), retry: true}
		}
	}
	return answer{content: content, usage: resp.Usage}, nil
}

// fixedTemperature reports whether model is a reasoning model whose
// temperature cannot be set (OpenAI's o-series and GPT-5 and later).
func fixedTemperature(model string) bool {
	for _, p := range []string{"o1", "o3", "o4", "gpt-5", "gpt-6"} {
		if strings.HasPrefix(model, p) {
			return true
		}
	}
	return false
}

func (c *Client) logf(format string, args ...any) {
	if c.cfg.Verbose == nil {
		return
	}
	fmt.Fprintf(c.cfg.Verbose, "brief: llm: %s\n", c.redact(fmt.Sprintf(format, args...)))
}

// redact removes the API key from s, wherever it came from.
func (c *Client) redact(s string) string {
	if k := c.cfg.APIKey; k != "" {
		s = strings.ReplaceAll(s, k, "[key]")
	}
	return s
}

// redactURL hides a password written into a URL.
func redactURL(s string) string {
	u, err := url.Parse(s)
	if err != nil || u.User == nil {
		return s
	}
	u.User = url.User("xxxxx")
	return u.String()
}

func since(t time.Time) time.Duration { return time.Since(t).Round(time.Millisecond) }

// clip shortens s to at most n bytes on a rune boundary, marking the cut.
func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

func utf8RuneStart(b byte) bool { return b&0xC0 != 0x80 }

// sleepCtx waits d, or returns ctx's error if it ends first.
func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
