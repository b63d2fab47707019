package source

import (
	"context"
	"errors"
	"io"
	"strings"
	"testing"
	"time"
)

// zeros is an io.Reader that yields NUL bytes for ever, as /dev/zero does.
type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

// blocked is an io.Reader whose Read blocks until release is closed, as
// a pipe with nothing to say does.
type blocked struct{ release chan struct{} }

func (b blocked) Read(p []byte) (int, error) {
	<-b.release
	return 0, io.EOF
}

// item is what a test keeps of an Item.
type item struct{ input, text, err string }

func collect(ctx context.Context, r *Reader, args ...string) []item {
	var got []item
	for it := range r.Items(ctx, args) {
		res := item{input: it.Input, text: it.Text}
		if it.Err != nil {
			res.err = it.Err.Error()
		}
		got = append(got, res)
	}
	return got
}

func checkItems(t *testing.T, got, want []item) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("got %d items, want %d: %q", len(got), len(want), got)
	}
	for i := range want {
		g, w := got[i], want[i]
		if g.input != w.input || g.text != w.text || !strings.Contains(g.err, w.err) || (w.err == "") != (g.err == "") {
			t.Errorf("item %d = %q, want %q", i, g, w)
		}
	}
}

func TestJSONLByteOrderMark(t *testing.T) {
	const bom = "\uFEFF"
	a := `{"id": "a", "text": "First."}`
	b := `{"id": "b", "text": "Second."}`
	both := []item{{"a", "First.", ""}, {"b", "Second.", ""}}
	tests := []struct {
		name string
		in   string
		want []item
	}{
		{"no mark", a + "\n" + b + "\n", both},
		{"mark", bom + a + "\n" + b + "\n", both},
		{"mark and CRLF", bom + a + "\r\n" + b + "\r\n", both},
		{"mark and a blank line", bom + "\n" + a + "\n" + b, both},
		{"mark only", bom, nil},
		{"mark inside is not skipped", a + "\n" + bom + b + "\n", []item{{"a", "First.", ""}, {"standard input:2", "", "not a JSON object"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := &Reader{JSONL: true, Stdin: strings.NewReader(tt.in)}
			checkItems(t, collect(context.Background(), r, "-"), tt.want)
		})
	}
}

func TestJSONLLongLines(t *testing.T) {
	rec := func(id string) string { return `{"id": "` + id + `", "text": "Text ` + id + `."}` }
	long := func(n int) string { return `{"id": "long", "text": "` + strings.Repeat("x", n) + `"}` }
	tests := []struct {
		name string
		in   io.Reader
		want []item
	}{
		{"long line skipped", strings.NewReader(rec("a") + "\n" + long(300) + "\n" + rec("b") + "\n"),
			[]item{{"a", "Text a.", ""}, {"standard input:2", "", "line larger than 100 bytes"}, {"b", "Text b.", ""}}},
		{"long line at the end", strings.NewReader(rec("a") + "\n" + long(350)),
			[]item{{"a", "Text a.", ""}, {"standard input:2", "", "line larger than 100 bytes"}}},
		{"line past the give-up size", strings.NewReader(rec("a") + "\n" + long(100<<10) + "\n" + rec("b") + "\n"),
			[]item{{"a", "Text a.", ""}, {"standard input", "", "line 2 is longer than 400 bytes; giving up on this stream"}}},
		{"zeros for ever", zeros{},
			[]item{{"standard input", "", "line 1 is longer than 400 bytes; giving up on this stream"}}},
		{"a record, then zeros for ever", io.MultiReader(strings.NewReader(rec("a")+"\n"), zeros{}),
			[]item{{"a", "Text a.", ""}, {"standard input", "", "line 2 is longer than 400 bytes; giving up on this stream"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := &Reader{JSONL: true, Stdin: tt.in, MaxBytes: 100}
			checkItems(t, collect(context.Background(), r, "-"), tt.want)
		})
	}
}

// TestJSONLZerosDefaultLimit reads a stream of NUL bytes with the default
// limit: it must end, with an error that says why.
func TestJSONLZerosDefaultLimit(t *testing.T) {
	r := &Reader{JSONL: true, Stdin: zeros{}}
	var errs []error
	for it := range r.Items(context.Background(), []string{"-"}) {
		errs = append(errs, it.Err)
	}
	if len(errs) != 1 || !errors.Is(errs[0], ErrTooLarge) || !strings.Contains(errs[0].Error(), "line 1 is longer than 64 MiB; giving up on this stream") {
		t.Fatalf("errors %v, want one saying the stream was given up", errs)
	}
}

// recordsForever yields the same record for ever.
type recordsForever struct{ line []byte }

func (r *recordsForever) Read(p []byte) (int, error) {
	n := 0
	for n+len(r.line) <= len(p) {
		n += copy(p[n:], r.line)
	}
	if n == 0 {
		return copy(p, r.line[:len(p)]), nil
	}
	return n, nil
}

func TestInputsContextStops(t *testing.T) {
	t.Run("between lines", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		r := &Reader{JSONL: true, Stdin: &recordsForever{line: []byte(`{"id": "x", "text": "Again."}` + "\n")}}
		n := 0
		for range r.InputsContext(ctx, []string{"-"}) {
			if n++; n == 3 {
				cancel()
			}
		}
		if n != 3 {
			t.Errorf("%d inputs, want 3: the sequence went on after the context was done", n)
		}
	})
	t.Run("inside a line with no end", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		time.AfterFunc(20*time.Millisecond, cancel)
		r := &Reader{JSONL: true, Stdin: zeros{}, MaxBytes: 1 << 40}
		for in := range r.InputsContext(ctx, []string{"-"}) {
			t.Errorf("input %q from a stream of zeros", in.Name)
		}
	})
	t.Run("blocked read", func(t *testing.T) {
		release := make(chan struct{})
		defer close(release)
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		time.AfterFunc(20*time.Millisecond, cancel)
		r := &Reader{JSONL: true, Stdin: blocked{release}}
		for in := range r.InputsContext(ctx, []string{"-"}) {
			t.Errorf("input %q from a stream that says nothing", in.Name)
		}
	})
	t.Run("done before the start", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		r := &Reader{JSONL: true, Stdin: strings.NewReader(`{"id": "a", "text": "x"}` + "\n")}
		for in := range r.InputsContext(ctx, []string{"-", "-"}) {
			t.Errorf("input %q after the context was done", in.Name)
		}
	})
}

// TestReadStdinStops checks that a read of standard input that blocks is
// abandoned when the context is done.
func TestReadStdinStops(t *testing.T) {
	release := make(chan struct{})
	defer close(release)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	time.AfterFunc(20*time.Millisecond, cancel)
	r := &Reader{Stdin: blocked{release}}
	it := r.Read(ctx, r.Input("-"))
	if !errors.Is(it.Err, context.Canceled) {
		t.Errorf("Read of a blocked standard input: error %v, want context.Canceled", it.Err)
	}
}

func TestSkipBOM(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"\uFEFF{\"id\": 1}\n", "{\"id\": 1}\n"},
		{"{\"id\": 1}\n\uFEFF", "{\"id\": 1}\n\uFEFF"},
		{"\uFEFF", ""},
		{"\xEF\xBB", "\xEF\xBB"},
		{"", ""},
	} {
		got, err := io.ReadAll(SkipBOM(strings.NewReader(tt.in)))
		if err != nil || string(got) != tt.want {
			t.Errorf("SkipBOM(%q) reads %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}
