package source

import (
	"bufio"
	"bytes"
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

// records yields the records of the JSON Lines stream rd, one line at a
// time; file names the stream in messages. Blank lines are skipped; a
// line that is not a record is yielded as a failed Input named
// "FILE:LINE" (or by its id when it has one), and reading goes on.
func (r *Reader) records(file string, rd io.Reader, yield func(Input) bool) bool {
	if file == "-" {
		file = "standard input"
	}
	br := bufio.NewReaderSize(rd, 64<<10)
	limit := r.maxBytes()
	for n := 1; ; n++ {
		line, err := readLine(br, limit)
		where := file + ":" + strconv.Itoa(n)
		switch {
		case errors.Is(err, io.EOF) && len(line) == 0:
			return true
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
// so that the next line can still be read.
func readLine(br *bufio.Reader, limit int64) ([]byte, error) {
	var line []byte
	tooLong := false
	for {
		chunk, err := br.ReadSlice('\n')
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
