package source

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"time"
)

// page is a fetched web page.
type page struct {
	body        []byte
	contentType string
	html        bool     // the content type says HTML
	url         *url.URL // after redirects
}

// fetch gets the page at rawURL: within Timeout, following at most
// MaxRedirects redirects, reading at most MaxBytes, and accepting only
// HTML or text.
func (r *Reader) fetch(ctx context.Context, rawURL string) (*page, error) {
	timeout := r.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	maxRedirects := r.MaxRedirects
	if maxRedirects <= 0 {
		maxRedirects = DefaultMaxRedirects
	}
	client := &http.Client{
		Transport: r.Transport,
		Timeout:   timeout,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) > maxRedirects {
				return fmt.Errorf("stopped after %d redirects", maxRedirects)
			}
			return nil
		},
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return nil, fmt.Errorf("not a valid URL: %w", err)
	}
	ua := r.UserAgent
	if ua == "" {
		ua = "brief"
	}
	req.Header.Set("User-Agent", ua)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1")
	resp, err := client.Do(req)
	if err != nil {
		return nil, requestError(ctx, err, timeout)
	}
	defer resp.Body.Close()
	switch {
	case resp.StatusCode == http.StatusNotFound:
		return nil, ErrNotFound
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		return nil, fmt.Errorf("the server answered HTTP %s", resp.Status)
	}
	ct := resp.Header.Get("Content-Type")
	isHTML := false
	if ct != "" {
		mt, _, err := mime.ParseMediaType(ct)
		switch {
		case err != nil:
			return nil, fmt.Errorf("unreadable content type %q: %w", ct, ErrContentType)
		case mt == "text/html" || mt == "application/xhtml+xml":
			isHTML = true
		case mt == "text/plain" || mt == "text/markdown":
		default:
			return nil, fmt.Errorf("content type %s: %w", mt, ErrContentType)
		}
	}
	limit := r.maxBytes()
	if resp.ContentLength > limit {
		return nil, tooLarge(limit)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		return nil, requestError(ctx, err, timeout)
	}
	if int64(len(body)) > limit {
		return nil, tooLarge(limit)
	}
	return &page{body: body, contentType: ct, html: isHTML, url: resp.Request.URL}, nil
}

// requestError words a failed request for the user.
func requestError(ctx context.Context, err error, timeout time.Duration) error {
	if ctx.Err() != nil {
		return ctx.Err()
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		if ue.Timeout() {
			return fmt.Errorf("no complete answer within %s", timeout)
		}
		err = ue.Err
	}
	var ne interface{ Timeout() bool }
	if errors.As(err, &ne) && ne.Timeout() {
		return fmt.Errorf("no complete answer within %s", timeout)
	}
	return fmt.Errorf("fetching the page: %w", err)
}
