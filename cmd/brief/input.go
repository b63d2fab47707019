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
	it, err := readItem(ctx, name, io)
	if err != nil {
		return "", err
	}
	return it.Text, nil
}

// readItem reads the input named name as readText does, keeping the
// page an HTML input was read into.
func readItem(ctx context.Context, name string, io streams) (source.Item, error) {
	r := source.Reader{Stdin: io.in, MaxBytes: maxInput}
	it := r.Read(ctx, r.Input(name))
	if it.Err != nil {
		return it, fmt.Errorf("%s: %w", inputName(name), it.Err)
	}
	if it.Note != "" {
		fmt.Fprintf(io.err, "brief: %s: %s\n", inputName(name), it.Note)
	}
	return it, nil
}

// readDocument reads and parses one article.
func readDocument(ctx context.Context, name string, io streams) (*brief.Document, error) {
	it, err := readItem(ctx, name, io)
	if err != nil {
		return nil, err
	}
	doc, err := parseItem(it)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", inputName(name), err)
	}
	return doc, nil
}

// parseItem parses a read input: a web page as the HTML reader found it
// (brief.ParsePage), plain text with brief.Parse.
func parseItem(it source.Item) (*brief.Document, error) {
	if it.Page != nil {
		return brief.ParsePage(*it.Page)
	}
	return brief.Parse(it.Text)
}
