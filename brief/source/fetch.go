package source

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// page is a fetched web page.
type page struct {
	body        []byte
	contentType string
	mediaType   string   // of contentType, lower-case; "" when the server sent none
	html        bool     // the content type says HTML
	url         *url.URL // after redirects
}

// fetch gets the page at rawURL, accepting only HTML or text: within
// Timeout, following at most MaxRedirects redirects, reading at most
// MaxBytes, with at most PerHost requests to one host at once, and
// before the Reader's FetchDeadline.
func (r *Reader) fetch(ctx context.Context, rawURL string) (*page, error) {
	return r.fetchTypes(ctx, rawURL, articleType)
}

// fetchDocument gets the document at rawURL as fetch does, accepting
// feeds and OPML (XML, JSON or untyped) as well as HTML and text: what
// it is, its content decides.
func (r *Reader) fetchDocument(ctx context.Context, rawURL string) (*page, error) {
	return r.fetchTypes(ctx, rawURL, documentType)
}

// articleType reports whether a page of media type mt may be an article:
// HTML or text (or untyped).
func articleType(mt string) bool {
	switch mt {
	case "", "text/html", "application/xhtml+xml", "text/plain", "text/markdown":
		return true
	}
	return false
}

// documentType reports whether a page of media type mt may be an
// article, a feed or an OPML file: any text, XML or JSON, or untyped
// bytes (feeds are often served as application/octet-stream).
func documentType(mt string) bool {
	return articleType(mt) || strings.HasPrefix(mt, "text/") || mt == "application/octet-stream" ||
		strings.HasSuffix(mt, "/xml") || strings.HasSuffix(mt, "+xml") ||
		strings.HasSuffix(mt, "/json") || strings.HasSuffix(mt, "+json") || strings.HasSuffix(mt, "-opml")
}

// typeError is the error for a page of media type mt that is no article.
func typeError(mt string) error {
	return fmt.Errorf("content type %s: %w", mt, ErrContentType)
}

// fetchTypes is fetch accepting the media types accept allows, within
// the Reader's FetchDeadline.
func (r *Reader) fetchTypes(ctx context.Context, rawURL string, accept func(mt string) bool) (*page, error) {
	dctx, cancel := context.WithDeadline(ctx, r.fetchDeadline())
	defer cancel()
	p, err := r.get(dctx, rawURL, accept)
	if err != nil && ctx.Err() == nil && dctx.Err() != nil {
		return nil, r.deadlineError()
	}
	return p, err
}

// get is fetchTypes within ctx.
func (r *Reader) get(ctx context.Context, rawURL string, accept func(mt string) bool) (*page, error) {
	timeout := r.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	maxRedirects := r.MaxRedirects
	if maxRedirects <= 0 {
		maxRedirects = DefaultMaxRedirects
	}
	client := &http.Client{
		Transport: hostLimit{r: r, next: r.Transport},
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
	mt := ""
	if ct != "" {
		var err error
		if mt, _, err = mime.ParseMediaType(ct); err != nil {
			return nil, fmt.Errorf("unreadable content type %q: %w", ct, ErrContentType)
		}
	}
	if !accept(mt) {
		return nil, typeError(mt)
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
	isHTML := mt == "text/html" || mt == "application/xhtml+xml"
	return &page{body: body, contentType: ct, mediaType: mt, html: isHTML, url: resp.Request.URL}, nil
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
