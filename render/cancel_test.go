package render

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"testing"

	"github.com/brief-dev/brief/brief/digest"
)

// pollCtx is a context that is cancelled by the n-th call of its Err
// method, and counts the calls: it shows how soon a render notices.
type pollCtx struct {
	context.Context
	cancel context.CancelFunc
	mu     sync.Mutex
	polls  int
	n      int // cancel on this poll; 0 never
}

func newPollCtx(n int) *pollCtx {
	ctx, cancel := context.WithCancel(context.Background())
	return &pollCtx{Context: ctx, cancel: cancel, n: n}
}

func (c *pollCtx) Err() error {
	c.mu.Lock()
	c.polls++
	if c.polls == c.n {
		c.cancel()
	}
	c.mu.Unlock()
	return c.Context.Err()
}

func (c *pollCtx) count() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.polls
}

// bigDigest is a digest of n articles, the test digest's three over and
// over.
func bigDigest(n int) *digest.Digest {
	d := testDigest()
	base := d.Articles
	d.Articles = nil
	for i := range n {
		a := base[i%len(base)]
		a.Input = fmt.Sprintf("in%04d.txt", i)
		d.Articles = append(d.Articles, a)
	}
	return d
}

// renderers are the functions that take a context.
var renderers = []struct {
	name string
	run  func(ctx context.Context, w io.Writer) error
}{
	{"PDF", func(ctx context.Context, w io.Writer) error {
		return PDFContext(ctx, w, longBriefing(40), Options{Date: testDate})
	}},
	{"DigestPDF", func(ctx context.Context, w io.Writer) error {
		return DigestPDFContext(ctx, w, bigDigest(300), Options{Date: testDate})
	}},
	{"DigestMarkdown", func(ctx context.Context, w io.Writer) error {
		return DigestMarkdownContext(ctx, w, bigDigest(300), Options{})
	}},
}

// TestRenderStops cancels each render at several points, from before it
// starts to its very last look at the context, and checks that it returns
// context.Canceled at once and writes nothing.
func TestRenderStops(t *testing.T) {
	for _, r := range renderers {
		t.Run(r.name, func(t *testing.T) {
			full := newPollCtx(0)
			var whole bytes.Buffer
			if err := r.run(full, &whole); err != nil {
				t.Fatal(err)
			}
			if whole.Len() == 0 {
				t.Fatal("nothing rendered")
			}
			total := full.count()
			if total < 10 {
				t.Fatalf("the render looked at its context %d times; want it to look often", total)
			}
			for _, n := range []int{1, 2, total / 2, total - 1, total} {
				ctx := newPollCtx(n)
				var buf bytes.Buffer
				err := r.run(ctx, &buf)
				if !errors.Is(err, context.Canceled) {
					t.Errorf("cancelled at look %d of %d: error %v, want context.Canceled", n, total, err)
				}
				if buf.Len() > 0 {
					t.Errorf("cancelled at look %d of %d: %d bytes written", n, total, buf.Len())
				}
				if got := ctx.count(); got != n {
					t.Errorf("cancelled at look %d of %d: the render went on to look %d times", n, total, got)
				}
			}
		})
	}
}

// TestSplitTokenStops checks that cutting a very long word into lines
// looks at the context as it goes.
func TestSplitTokenStops(t *testing.T) {
	_, l, err := layoutPDF(context.Background(), &memo{title: "t"}, Options{Date: testDate})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	l.ctx = ctx
	text := strings.Repeat("x", 1<<20)
	tok := token{text: text, size: 10.5, w: l.width(text, regular, 10.5)}
	lines, _ := l.splitToken(nil, tok, 50)
	if len(lines) >= splitPoll {
		t.Errorf("cancelled, splitToken still cut %d lines; want fewer than %d", len(lines), splitPoll)
	}
}
