package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/brief-dev/brief/brief"
	"github.com/brief-dev/brief/brief/source"
)

// maxInput is the largest article brief reads. News articles are a few
// tens of kilobytes; anything past this is not an article.
const maxInput = 16 << 20

// errNothingToBrief is returned for an article none of whose sentences
// can stand as a bullet (e.g. a few words without a full stop): a briefing
// with no key points would be a silent failure in a cron job.
var errNothingToBrief = errors.New("no sentence in the article can stand as a key point")

// inputName is how an input is named in messages.
func inputName(name string) string {
	if name == "-" {
		return "standard input"
	}
	return name
}

// readText reads the input named name ("-" is stdin, an http(s) URL is
// fetched) and decodes it to text; an HTML page is reduced to its
// article. A note about the decoding (e.g. Windows-1252) goes to stderr.
func readText(ctx context.Context, name string, io streams) (string, error) {
	r := source.Reader{Stdin: io.in, MaxBytes: maxInput}
	it := r.Read(ctx, r.Input(name))
	if it.Err != nil {
		return "", fmt.Errorf("%s: %w", inputName(name), it.Err)
	}
	if it.Note != "" {
		fmt.Fprintf(io.err, "brief: %s: %s\n", inputName(name), it.Note)
	}
	return it.Text, nil
}

// readDocument reads and parses one article.
func readDocument(ctx context.Context, name string, io streams) (*brief.Document, error) {
	text, err := readText(ctx, name, io)
	if err != nil {
		return nil, err
	}
	doc, err := brief.Parse(text)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", inputName(name), err)
	}
	return doc, nil
}
