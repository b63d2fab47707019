package source

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
)

// record is one line of a JSON Lines file of articles.
type record struct {
	ID      json.RawMessage `json:"id"`
	Title   string          `json:"title"`
	Text    *string         `json:"text"`
	Article *string         `json:"article"`
}

// giveUpFactor bounds what an over-long JSON line may cost: once a line
// has run to this many times the line limit without ending, the stream is
// given up, since it may never end one (/dev/zero, a binary file).
const giveUpFactor = 4

// errEndless is readLine's report of a line longer than it reads.
var errEndless = errors.New("line has no end in sight")

// records yields the records of the JSON Lines stream rd, one line at a
// time; file names the stream in messages. A UTF-8 byte order mark at the
// start of the stream is skipped. Blank lines are skipped; a line that is
// not a record, or is longer than MaxBytes, is yielded as a failed Input
// named "FILE:LINE" (or by its id when it has one), and reading goes on.
// A line that has run to giveUpFactor times MaxBytes without ending ends
// the stream: it is yielded as a failed Input named FILE ("line N is
// longer than 64 MiB; giving up on this stream").
//
// records stops, without yielding anything more, when ctx is done: it
// looks between lines and, through rd, before every read (see
// contextReader), so that a stream that never ends a line stops too, and
// a read that blocks is abandoned. It returns false when it stopped
// because yield asked it to or ctx is done, so that no further input is
// expanded.
func (r *Reader) records(ctx context.Context, file string, rd io.Reader, yield func(Input) bool) bool {
	if file == "-" {
		file = "standard input"
	}
	br := bufio.NewReaderSize(contextReader(ctx, rd), 64<<10)
	skipBOM(br)
	limit := r.maxBytes()
	giveUp := giveUpFactor * limit
	for n := 1; ; n++ {
		if ctx.Err() != nil {
			return false
		}
		line, err := readLine(br, limit, giveUp)
		if ctx.Err() != nil {
			return false
		}
		where := file + ":" + strconv.Itoa(n)
		switch {
		case errors.Is(err, io.EOF) && len(line) == 0:
			return true
		case errors.Is(err, errEndless):
			return yield(failed(file, fmt.Errorf("line %d is longer than %s; giving up on this stream: %w", n, byteSize(giveUp), ErrTooLarge)))
		case errors.Is(err, ErrTooLarge):
			if !yield(failed(where, fmt.Errorf("line %w", tooLarge(limit)))) {
				return false
			}
			continue
		case err != nil && !errors.Is(err, io.EOF):
			return yield(failed(where, fmt.Errorf("reading: %w", err)))
		}
		line = bytes.TrimSpace(line)
		if len(line) == 0 {
			continue
		}
		if !yield(parseRecord(where, line)) {
			return false
		}
	}
}

// SkipBOM returns rd without the UTF-8 byte order mark it may begin with,
// for callers that read lines of a file themselves (a mark would stick to
// the first line and make it unreadable). It reads ahead of rd.
func SkipBOM(rd io.Reader) io.Reader {
	br := bufio.NewReader(rd)
	skipBOM(br)
	return br
}

// skipBOM discards a UTF-8 byte order mark at the start of br.
func skipBOM(br *bufio.Reader) {
	if b, _ := br.Peek(3); bytes.Equal(b, []byte("\xEF\xBB\xBF")) {
		br.Discard(3)
	}
}

// parseRecord turns one JSON line into an Input.
func parseRecord(where string, line []byte) Input {
	var rec record
	if err := json.Unmarshal(line, &rec); err != nil {
		return failed(where, fmt.Errorf("not a JSON object: %w", err))
	}
	name := where
	if id := recordID(rec.ID); id != "" {
		name = id
	}
	text := rec.Text
	if text == nil {
		text = rec.Article
	}
	if text == nil {
		return failed(name, errors.New(`record has neither "text" nor "article"`))
	}
	t := *text
	if rec.Title != "" {
		t = rec.Title + "\n\n" + t
	}
	return Input{Name: name, kind: kindRecord, text: t}
}

// recordID returns the id of a record as text: a JSON string unquoted,
// a number as written.
func recordID(raw json.RawMessage) string {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return ""
	}
	var s string
	if err := json.Unmarshal(raw, &s); err == nil {
		return s
	}
	return string(raw)
}

// readLine reads one line (without its end) of at most limit bytes. A
// longer line is read to its end and discarded, and ErrTooLarge returned,
// so that the next line can still be read; but when more than giveUp
// bytes of it have been read without finding its end, readLine stops and
// returns errEndless.
func readLine(br *bufio.Reader, limit, giveUp int64) ([]byte, error) {
	var line []byte
	var read int64
	tooLong := false
	for {
		chunk, err := br.ReadSlice('\n')
		read += int64(len(chunk))
		if !tooLong {
			if int64(len(line)+len(chunk)) > limit+1 {
				tooLong = true
				line = nil
			} else {
				line = append(line, chunk...)
			}
		}
		switch {
		case errors.Is(err, bufio.ErrBufferFull):
			if tooLong && read > giveUp {
				return nil, errEndless
			}
			continue
		case err != nil:
			if tooLong {
				return nil, ErrTooLarge
			}
			return line, err
		}
		if tooLong {
			return nil, ErrTooLarge
		}
		return bytes.TrimRight(line, "\r\n"), nil
	}
}

// contextReader returns rd made to stop when ctx is done: every Read
// first looks at ctx, so that a stream that never stops delivering (a
// line with no end) stops within one read, and a Read that blocks (a pipe
// with nothing to say) is abandoned. For that, each Read of rd runs in a
// goroutine of its own, into a buffer of the contextReader's, and is
// waited for only until ctx is done; the abandoned Read goes on until rd
// returns (closing rd, where that unblocks it, or the process ending,
// ends it) and its data is dropped. After that, every Read returns
// ctx.Err(). A context that is never done gives rd itself.
func contextReader(ctx context.Context, rd io.Reader) io.Reader {
	if ctx.Done() == nil {
		return rd
	}
	return &ctxReader{ctx: ctx, rd: rd}
}

type ctxReader struct {
	ctx context.Context
	rd  io.Reader
	buf []byte // what one Read of rd reads into; dropped when abandoned
}

// readResult is the outcome of one Read of the underlying reader.
type readResult struct {
	n   int
	err error
}

func (c *ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	if len(p) == 0 {
		return 0, nil
	}
	if len(c.buf) == 0 {
		c.buf = make([]byte, 64<<10)
	}
	buf := c.buf[:min(len(p), len(c.buf))]
	done := make(chan readResult, 1)
	go func() {
		n, err := c.rd.Read(buf)
		done <- readResult{n, err}
	}()
	select {
	case res := <-done:
		return copy(p, buf[:res.n]), res.err
	case <-c.ctx.Done():
		c.buf = nil // the abandoned Read may still write into it
		return 0, c.ctx.Err()
	}
}

// byteSize writes a size in MiB when it is a whole number of them, else
// in bytes.
func byteSize(n int64) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return strconv.FormatInt(n>>20, 10) + " MiB"
	}
	return strconv.FormatInt(n, 10) + " bytes"
}
