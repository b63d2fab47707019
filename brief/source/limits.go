package source

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"time"
)

// Defaults of the Reader's limits on fetching as a whole.
const (
	// DefaultPerHost is how many requests to one host may be in flight
	// at once.
	DefaultPerHost = 2
	// DefaultFetchDeadline is how long all the fetching of a Reader may
	// take together, from its first request.
	DefaultFetchDeadline = 5 * time.Minute
)

// ErrDeadline means a page was not fetched, or not completely, because
// the time allowed for all fetching (Reader.FetchDeadline) had run out.
var ErrDeadline = errors.New("the time allowed for fetching ran out")

// limits is the state the Reader's fetches share: the requests in flight
// per host and when the first fetch began.
type limits struct {
	mu    sync.Mutex
	hosts map[string]chan struct{} // one slot per request in flight
	start time.Time                // of the first fetch
}

func (r *Reader) perHost() int {
	if r.PerHost > 0 {
		return r.PerHost
	}
	return DefaultPerHost
}

func (r *Reader) fetchBudget() time.Duration {
	if r.FetchDeadline > 0 {
		return r.FetchDeadline
	}
	return DefaultFetchDeadline
}

// fetchDeadline is the moment all fetching must be done by: FetchDeadline
// after the first fetch (which is now, if there was none).
func (r *Reader) fetchDeadline() time.Time {
	r.limits.mu.Lock()
	defer r.limits.mu.Unlock()
	if r.limits.start.IsZero() {
		r.limits.start = time.Now()
	}
	return r.limits.start.Add(r.fetchBudget())
}

// deadlineError is the error of a fetch cut short by the FetchDeadline.
func (r *Reader) deadlineError() error {
	return fmt.Errorf("%w (%s for all pages)", ErrDeadline, r.fetchBudget())
}

// acquire waits for a slot among the requests to host, or for ctx to be
// done; release gives the slot back.
func (r *Reader) acquire(ctx context.Context, host string) (release func(), err error) {
	host = strings.ToLower(host)
	r.limits.mu.Lock()
	if r.limits.hosts == nil {
		r.limits.hosts = map[string]chan struct{}{}
	}
	slots, ok := r.limits.hosts[host]
	if !ok {
		slots = make(chan struct{}, r.perHost())
		r.limits.hosts[host] = slots
	}
	r.limits.mu.Unlock()
	select {
	case slots <- struct{}{}:
		return sync.OnceFunc(func() { <-slots }), nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// hostLimit is a RoundTripper that holds one of the Reader's slots for a
// request's host from the request until its response body is closed, so
// that no more than PerHost requests to a host are in flight at once,
// whichever goroutines make them. (An http.Client closes the body of a
// redirect before it follows it, so a redirect to the same host does not
// wait on itself.)
type hostLimit struct {
	r    *Reader
	next http.RoundTripper // nil: http.DefaultTransport
}

func (h hostLimit) RoundTrip(req *http.Request) (*http.Response, error) {
	release, err := h.r.acquire(req.Context(), req.URL.Host)
	if err != nil {
		return nil, err
	}
	next := h.next
	if next == nil {
		next = http.DefaultTransport
	}
	resp, err := next.RoundTrip(req)
	if err != nil {
		release()
		return nil, err
	}
	resp.Body = &releasingBody{ReadCloser: resp.Body, release: release}
	return resp, nil
}

// releasingBody is a response body that gives its host slot back when
// closed.
type releasingBody struct {
	io.ReadCloser
	release func()
}

func (b *releasingBody) Close() error {
	err := b.ReadCloser.Close()
	b.release()
	return err
}
