package llm

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	openai "github.com/sashabaranov/go-openai"
)

// failure is one failed attempt, worded for the user.
type failure struct {
	msg   string
	retry bool          // trying again can help
	after time.Duration // the server's Retry-After, if any
	// The server refused an option: ask again without it.
	dropJSON, dropTemperature bool
}

// classify words the error of one request. go-openai's own error strings
// are not used: they may carry request details.
func (c *Client) classify(ctx context.Context, err error, h http.Header) *failure {
	where := redactURL(c.base)
	if ctx.Err() != nil {
		return &failure{msg: fmt.Sprintf("no answer from %s in time", where)}
	}
	status, msg, code := 0, "", ""
	var apiErr *openai.APIError
	var reqErr *openai.RequestError
	switch {
	case errors.As(err, &apiErr):
		status, msg = apiErr.HTTPStatusCode, apiErr.Message
		if s, ok := apiErr.Code.(string); ok {
			code = s
		}
		if apiErr.Type == "insufficient_quota" {
			code = apiErr.Type
		}
	case errors.As(err, &reqErr):
		status = reqErr.HTTPStatusCode
		if reqErr.Err != nil && reqErr.HTTPStatusCode < 400 {
			msg = reqErr.Err.Error()
		}
	}
	msg = c.redact(clip(msg, 200))
	detail := ""
	if msg != "" {
		detail = ": " + msg
	}
	statusText := fmt.Sprintf("%d %s", status, http.StatusText(status))
	switch {
	case status == 0:
		return c.classifyTransport(err)
	case status == http.StatusUnauthorized:
		// The server's message is left out: OpenAI's quotes part of the key.
		if c.cfg.APIKey == "" {
			return &failure{msg: "the API wants a key; set OPENAI_API_KEY"}
		}
		return &failure{msg: "the API rejected the key; set OPENAI_API_KEY"}
	case status == http.StatusForbidden:
		return &failure{msg: fmt.Sprintf("the API refused access to model %q (403 Forbidden); check the key's permissions", c.cfg.Model)}
	case status == http.StatusNotFound:
		hint := ""
		if !strings.HasSuffix(c.base, "/v1") {
			hint = "; OpenAI-compatible base URLs usually end in /v1"
		}
		return &failure{msg: fmt.Sprintf("unknown model %q at %s (404 Not Found%s)%s", c.cfg.Model, where, detail, hint)}
	case status == http.StatusTooManyRequests:
		if code == "insufficient_quota" {
			return &failure{msg: "the API key has no quota left (429 insufficient_quota)"}
		}
		return &failure{msg: "rate limited by the API (429 Too Many Requests)", retry: true, after: retryAfter(h)}
	case status == http.StatusBadRequest:
		lower := strings.ToLower(msg)
		return &failure{
			msg:             "the API refused the request (400 Bad Request" + detail + ")",
			dropTemperature: strings.Contains(lower, "temperature"),
			dropJSON:        !strings.Contains(lower, "temperature"),
		}
	case status == http.StatusRequestTimeout || status == http.StatusConflict || status >= 500:
		return &failure{msg: fmt.Sprintf("server error (%s%s)", statusText, detail), retry: true, after: retryAfter(h)}
	default:
		return &failure{msg: fmt.Sprintf("the API refused the request (%s%s)", statusText, detail)}
	}
}

// classifyTransport words an error that came without an HTTP status: no
// connection, or a response that is not the JSON the API promises.
func (c *Client) classifyTransport(err error) *failure {
	where := redactURL(c.base)
	var dnsErr *net.DNSError
	var opErr *net.OpError
	var urlErr *url.Error
	switch {
	case errors.As(err, &dnsErr):
		return &failure{msg: fmt.Sprintf("cannot find the host of %s (%s)", where, c.redact(dnsErr.Err)), retry: dnsErr.IsTemporary || dnsErr.IsTimeout}
	case errors.As(err, &opErr):
		return &failure{msg: fmt.Sprintf("cannot connect to %s (%s)", where, c.redact(opErr.Err.Error())), retry: true}
	case errors.As(err, &urlErr):
		return &failure{msg: fmt.Sprintf("request to %s failed (%s)", where, c.redact(clip(urlErr.Err.Error(), 200))), retry: true}
	}
	return &failure{msg: fmt.Sprintf("malformed response from %s (%s)", where, c.redact(clip(err.Error(), 200))), retry: true}
}

// retryAfter reads a Retry-After header given in seconds or as a date.
func retryAfter(h http.Header) time.Duration {
	v := strings.TrimSpace(h.Get("Retry-After"))
	if v == "" {
		return 0
	}
	if n, err := strconv.Atoi(v); err == nil && n >= 0 {
		return time.Duration(n) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil {
		if d := time.Until(t); d > 0 {
			return d
		}
	}
	return 0
}
