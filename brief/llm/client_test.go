package llm

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/brief-dev/brief/brief/llm/llmtest"
	"github.com/brief-dev/brief/brief/refine"
)

const testKey = "sk-test-SECRET-0123456789"

const goodAnswer = `{"bottom_line": {"text": "Talks ended.", "sources": ["s1"]}}`

var prompt = refine.Prompt{System: "You edit briefings.", User: "[s1] Talks ended without a deal.", JSON: true}

// waits records the waits a client asked for instead of waiting.
type waits struct {
	mu sync.Mutex
	ds []time.Duration
}

func (w *waits) sleep(ctx context.Context, d time.Duration) error {
	w.mu.Lock()
	w.ds = append(w.ds, d)
	w.mu.Unlock()
	return ctx.Err()
}

func (w *waits) list() []time.Duration {
	w.mu.Lock()
	defer w.mu.Unlock()
	return slices.Clone(w.ds)
}

// newClient returns a client of srv with a verbose log. It does not wait
// between attempts: the waits it would make are recorded in c.cfg.Sleep's
// waits (see waitsOf).
func newClient(t *testing.T, srv *llmtest.Server, mod func(*Config)) (*Client, *bytes.Buffer) {
	t.Helper()
	var log bytes.Buffer
	cfg := Config{BaseURL: srv.BaseURL(), APIKey: testKey, Model: "test-model", Timeout: 10 * time.Second, Retries: 2, Verbose: &log,
		Sleep: new(waits).sleep}
	if mod != nil {
		mod(&cfg)
	}
	c, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return c, &log
}

func serve(t *testing.T, h llmtest.HandlerFunc) *llmtest.Server {
	srv := llmtest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}

// noKey fails t if the API key appears in any of outs.
func noKey(t *testing.T, outs ...string) {
	t.Helper()
	for _, s := range outs {
		if strings.Contains(s, testKey) || strings.Contains(s, "SECRET") {
			t.Errorf("the API key leaked into: %s", s)
		}
	}
}

func TestCompleteSuccess(t *testing.T) {
	srv := serve(t, func(w http.ResponseWriter, r *http.Request, n int, req llmtest.Request) {
		llmtest.Answer(w, "```json\n"+goodAnswer+"\n```")
	})
	c, log := newClient(t, srv, nil)
	got, err := c.Complete(context.Background(), prompt)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(got, goodAnswer) {
		t.Errorf("answer = %q", got)
	}
	reqs := srv.Requests()
	if len(reqs) != 1 {
		t.Fatalf("%d requests, want 1", len(reqs))
	}
	req := reqs[0]
	if h := req.Header.Get("Authorization"); h != "Bearer "+testKey {
		t.Errorf("Authorization = %q, want Bearer and the key", h)
	}
	if v, ok := req.Body["temperature"]; !ok || v != float64(0) {
		t.Errorf("temperature = %v (present %v), want 0 sent explicitly; body %s", v, ok, req.Raw)
	}
	if rf, _ := req.Body["response_format"].(map[string]any); rf["type"] != "json_object" {
		t.Errorf("response_format = %v, want json_object", req.Body["response_format"])
	}
	if req.Body["model"] != "test-model" || req.System != prompt.System || req.User != prompt.User {
		t.Errorf("request = %s", req.Raw)
	}
	for _, want := range []string{"chars (~", "120 prompt + 40 completion = 160 tokens", "answer in"} {
		if !strings.Contains(log.String(), want) {
			t.Errorf("verbose log lacks %q:\n%s", want, log)
		}
	}
	noKey(t, log.String(), got)
}

func TestCompleteFailures(t *testing.T) {
	tests := []struct {
		name     string
		h        llmtest.HandlerFunc
		retries  int
		wantErr  string // "" means success
		requests int
	}{
		{
			name: "5xx then success",
			h: func(w http.ResponseWriter, r *http.Request, n int, req llmtest.Request) {
				if n == 1 {
					http.Error(w, "<html>bad gateway</html>", http.StatusBadGateway)
					return
				}
				llmtest.Answer(w, goodAnswer)
			},
			retries: 2, requests: 2,
		},
		{
			name: "5xx always",
			h: func(w http.ResponseWriter, r *http.Request, n int, req llmtest.Request) {
				llmtest.Error(w, http.StatusInternalServerError, "overloaded")
			},
			retries: 1, requests: 2, wantErr: "server error (500 Internal Server Error: overloaded) (gave up after 2 attempts)",
		},
		{
			name: "garbage body",
			h: func(w http.ResponseWriter, r *http.Request, n int, req llmtest.Request) {
				fmt.Fprint(w, "<html>this is not JSON</html>")
			},
			retries: 1, requests: 2, wantErr: "malformed response from",
		},
		{
			name: "truncated body",
			h: func(w http.ResponseWriter, r *http.Request, n int, req llmtest.Request) {
				fmt.Fprint(w, `{"id": "x", "choices": [{"index": 0, "message": {"role": "assis`)
			},
			retries: 0, requests: 1, wantErr: "malformed response from",
		},
		{
			name: "prose answer then JSON",
			h: func(w http.ResponseWriter, r *http.Request, n int, req llmtest.Request) {
				if n == 1 {
					llmtest.Answer(w, "Sure! Here is a better briefing.")
					return
				}
				llmtest.Answer(w, goodAnswer)
			},
			retries: 2, requests: 2,
		},
		{
			name: "empty choices",
			h: func(w http.ResponseWriter, r *http.Request, n int, req llmtest.Request) {
				llmtest.NoChoices(w)
			},
			retries: 1, requests: 2, wantErr: "the API answered with no choices (gave up after 2 attempts)",
		},
		{
			name: "401",
			h: func(w http.ResponseWriter, r *http.Request, n int, req llmtest.Request) {
				llmtest.Error(w, http.StatusUnauthorized, "Incorrect API key provided: "+testKey)
			},
			retries: 2, requests: 1, wantErr: "the API rejected the key; set OPENAI_API_KEY",
		},
		{
			name: "403",
			h: func(w http.ResponseWriter, r *http.Request, n int, req llmtest.Request) {
				llmtest.Error(w, http.StatusForbidden, "no access for "+testKey)
			},
			retries: 2, requests: 1, wantErr: `the API refused access to model "test-model" (403 Forbidden)`,
		},
		{
			name: "404",
			h: func(w http.ResponseWriter, r *http.Request, n int, req llmtest.Request) {
				llmtest.Error(w, http.StatusNotFound, "The model `test-model` does not exist")
			},
			retries: 2, requests: 1, wantErr: `unknown model "test-model" at http://127.0.0.1:`,
		},
		{
			name: "finish_reason length",
			h: func(w http.ResponseWriter, r *http.Request, n int, req llmtest.Request) {
				llmtest.AnswerWith(w, `{"bottom_line": {"text": "Talks en`, "length")
			},
			retries: 2, requests: 1, wantErr: "cut off at the model's length limit (finish_reason length)",
		},
		{
			name: "content_filter",
			h: func(w http.ResponseWriter, r *http.Request, n int, req llmtest.Request) {
				llmtest.AnswerWith(w, "", "content_filter")
			},
			retries: 2, requests: 1, wantErr: "content filter",
		},
		{
			name: "JSON mode refused",
			h: func(w http.ResponseWriter, r *http.Request, n int, req llmtest.Request) {
				if _, ok := req.Body["response_format"]; ok {
					llmtest.Error(w, http.StatusBadRequest, "response_format is not supported")
					return
				}
				llmtest.Answer(w, goodAnswer)
			},
			retries: 0, requests: 2,
		},
		{
			name: "temperature refused",
			h: func(w http.ResponseWriter, r *http.Request, n int, req llmtest.Request) {
				if _, ok := req.Body["temperature"]; ok {
					llmtest.Error(w, http.StatusBadRequest, "Unsupported value: 'temperature' does not support 0 with this model.")
					return
				}
				llmtest.Answer(w, goodAnswer)
			},
			retries: 0, requests: 2,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := serve(t, tt.h)
			c, log := newClient(t, srv, func(c *Config) { c.Retries = tt.retries })
			got, err := c.Complete(context.Background(), prompt)
			if n := len(srv.Requests()); n != tt.requests {
				t.Errorf("%d requests, want %d", n, tt.requests)
			}
			errText := ""
			if err != nil {
				errText = err.Error()
			}
			noKey(t, errText, log.String())
			t.Logf("error: %v", err)
			if tt.wantErr == "" {
				if err != nil || got != goodAnswer {
					t.Fatalf("Complete = %q, %v; want the good answer", got, err)
				}
				return
			}
			if err == nil || !strings.Contains(errText, tt.wantErr) {
				t.Fatalf("Complete error = %v, want one containing %q", err, tt.wantErr)
			}
		})
	}
}

func TestRetryAfter(t *testing.T) {
	srv := serve(t, func(w http.ResponseWriter, r *http.Request, n int, req llmtest.Request) {
		if n == 1 {
			w.Header().Set("Retry-After", "1")
			llmtest.Error(w, http.StatusTooManyRequests, "slow down")
			return
		}
		llmtest.Answer(w, goodAnswer)
	})
	w := new(waits)
	c, log := newClient(t, srv, func(c *Config) { c.Sleep = w.sleep })
	got, err := c.Complete(context.Background(), prompt)
	if err != nil || got != goodAnswer {
		t.Fatalf("Complete = %q, %v", got, err)
	}
	reqs := srv.Requests()
	if len(reqs) != 2 {
		t.Fatalf("%d requests, want 2", len(reqs))
	}
	if got := w.list(); !slices.Equal(got, []time.Duration{time.Second}) {
		t.Errorf("waited %v, want [1s] as Retry-After: 1 asks", got)
	}
	if !strings.Contains(log.String(), "retrying in 1s") {
		t.Errorf("log:\n%s", log)
	}
}

func TestRetryAfterPastTimeout(t *testing.T) {
	srv := serve(t, func(w http.ResponseWriter, r *http.Request, n int, req llmtest.Request) {
		w.Header().Set("Retry-After", "30")
		llmtest.Error(w, http.StatusTooManyRequests, "slow down")
	})
	c, _ := newClient(t, srv, func(c *Config) { c.Timeout = 2 * time.Second })
	_, err := c.Complete(context.Background(), prompt)
	if err == nil || !strings.Contains(err.Error(), "would come after the 2s timeout") {
		t.Fatalf("err = %v", err)
	}
	if n := len(srv.Requests()); n != 1 {
		t.Errorf("%d requests, want 1", n)
	}
}

func TestHang(t *testing.T) {
	srv := serve(t, func(w http.ResponseWriter, r *http.Request, n int, req llmtest.Request) {
		llmtest.Hang(r)
	})
	c, _ := newClient(t, srv, func(c *Config) { c.Timeout = 300 * time.Millisecond })
	start := time.Now()
	_, err := c.Complete(context.Background(), prompt)
	t.Logf("gave up after %s", time.Since(start))
	if !errors.Is(err, context.DeadlineExceeded) || !strings.Contains(err.Error(), "within the 300ms timeout") {
		t.Fatalf("err = %v, want the timeout", err)
	}
}

func TestCancel(t *testing.T) {
	srv := serve(t, func(w http.ResponseWriter, r *http.Request, n int, req llmtest.Request) {
		llmtest.Hang(r)
	})
	c, _ := newClient(t, srv, nil)
	ctx, cancel := context.WithCancel(context.Background())
	go func() { time.Sleep(50 * time.Millisecond); cancel() }()
	if _, err := c.Complete(ctx, prompt); !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
}

func TestConnectionRefused(t *testing.T) {
	srv := llmtest.NewServer(nil)
	base := srv.BaseURL()
	srv.Close()
	w := new(waits)
	c, err := New(Config{BaseURL: base, APIKey: testKey, Model: "m", Timeout: 5 * time.Second, Retries: 1, Sleep: w.sleep})
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.Complete(context.Background(), prompt)
	if err == nil || !strings.Contains(err.Error(), "cannot connect to "+base) {
		t.Fatalf("err = %v", err)
	}
	noKey(t, err.Error())
	if got := w.list(); !slices.Equal(got, []time.Duration{backoff}) {
		t.Errorf("waited %v before the one retry, want [%s]", got, backoff)
	}
}

func TestBackoffDoubles(t *testing.T) {
	srv := serve(t, func(w http.ResponseWriter, r *http.Request, n int, req llmtest.Request) {
		llmtest.Error(w, http.StatusServiceUnavailable, "busy")
	})
	w := new(waits)
	c, _ := newClient(t, srv, func(c *Config) { c.Retries = 6; c.Sleep = w.sleep })
	if _, err := c.Complete(context.Background(), prompt); err == nil {
		t.Fatal("Complete succeeded against a server that always fails")
	}
	want := []time.Duration{backoff, 2 * backoff, 4 * backoff, 8 * backoff, maxBackoff, maxBackoff}
	if got := w.list(); !slices.Equal(got, want) {
		t.Errorf("waits %v, want %v", got, want)
	}
}

func TestCache(t *testing.T) {
	srv := serve(t, func(w http.ResponseWriter, r *http.Request, n int, req llmtest.Request) {
		llmtest.Answer(w, goodAnswer)
	})
	dir := t.TempDir()
	c, log := newClient(t, srv, func(c *Config) { c.CacheDir = dir })
	for range 2 {
		if got, err := c.Complete(context.Background(), prompt); err != nil || got != goodAnswer {
			t.Fatalf("Complete = %q, %v", got, err)
		}
	}
	if n := len(srv.Requests()); n != 1 {
		t.Errorf("%d requests, want 1 (the second from the cache)", n)
	}
	if !strings.Contains(log.String(), "cache hit") {
		t.Errorf("no cache hit logged:\n%s", log)
	}
	entries, err := os.ReadDir(dir)
	if err != nil || len(entries) != 1 {
		t.Fatalf("cache dir holds %v, %v; want one file", entries, err)
	}
	b, _ := os.ReadFile(dir + "/" + entries[0].Name())
	noKey(t, string(b), entries[0].Name())

	// Another model, or --no-cache, asks the server.
	other, _ := newClient(t, srv, func(c *Config) { c.CacheDir = dir; c.Model = "other-model" })
	nocache, _ := newClient(t, srv, func(c *Config) { c.CacheDir = dir; c.NoCache = true })
	for _, c := range []*Client{other, nocache} {
		if _, err := c.Complete(context.Background(), prompt); err != nil {
			t.Fatal(err)
		}
	}
	if n := len(srv.Requests()); n != 3 {
		t.Errorf("%d requests, want 3", n)
	}

	// A failed answer is not cached.
	bad := serve(t, func(w http.ResponseWriter, r *http.Request, n int, req llmtest.Request) {
		llmtest.Answer(w, "no JSON here")
	})
	bc, _ := newClient(t, bad, func(c *Config) { c.CacheDir = dir; c.Retries = 0 })
	for range 2 {
		if _, err := bc.Complete(context.Background(), prompt); err == nil {
			t.Fatal("malformed answer accepted")
		}
	}
	if n := len(bad.Requests()); n != 2 {
		t.Errorf("%d requests, want 2 (nothing cached)", n)
	}
}

func TestNew(t *testing.T) {
	for _, cfg := range []Config{
		{Model: ""},
		{Model: "m", BaseURL: "localhost:11434"},
		{Model: "m", BaseURL: "ftp://example.com"},
	} {
		if _, err := New(cfg); err == nil {
			t.Errorf("New(%+v): no error", cfg)
		}
	}
	c, err := New(Config{Model: "m", BaseURL: "http://user:hunter2@localhost:1/v1/"})
	if err != nil {
		t.Fatal(err)
	}
	if c.base != "http://user:hunter2@localhost:1/v1" || strings.Contains(redactURL(c.base), "hunter2") {
		t.Errorf("base = %q, redacted %q", c.base, redactURL(c.base))
	}
}

func TestWithZeroTemperature(t *testing.T) {
	tests := []struct{ in, want string }{
		{`{"model":"m"}`, `{"model":"m","temperature":0}`},
		{`{"model":"m","temperature":0.7}`, `{"model":"m","temperature":0.7}`},
		{`not json`, `not json`},
	}
	for _, tt := range tests {
		if got := string(withZeroTemperature([]byte(tt.in))); got != tt.want {
			t.Errorf("withZeroTemperature(%s) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestRequestNotSent(t *testing.T) {
	srv := serve(t, func(w http.ResponseWriter, r *http.Request, n int, req llmtest.Request) {
		llmtest.Answer(w, goodAnswer)
	})
	// go-openai refuses legacy completion-only models on the chat endpoint.
	c, _ := newClient(t, srv, func(c *Config) { c.Model = "text-davinci-003" })
	_, err := c.Complete(context.Background(), prompt)
	if err == nil || !strings.Contains(err.Error(), "cannot send the request") {
		t.Fatalf("err = %v", err)
	}
	if n := len(srv.Requests()); n != 0 {
		t.Errorf("%d requests, want 0", n)
	}
}
