package main

import (
	"context"
	"io"
	"path/filepath"
	"strings"

	"github.com/brief-dev/brief/brief"
	"github.com/brief-dev/brief/brief/digest"
	"github.com/brief-dev/brief/brief/source"
	"github.com/brief-dev/brief/render"
	"github.com/urfave/cli/v3"
)

// digestOptions are the flags of "brief digest".
type digestOptions struct {
	batchOptions
	format string // md, pdf or json
	cite   bool
	paper  string
}

func digestCommand(io streams) *cli.Command {
	flags := append(manyInputFlags(),
		&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Usage: "output format: md, pdf or json (default: from the -o extension, else md)"},
		&cli.BoolFlag{Name: "cite", Usage: "show the source sentence ids of each bullet"},
		&cli.StringFlag{Name: "paper", Usage: "PDF paper size: a4 or letter", Value: "a4"},
	)
	return &cli.Command{
		Name:      "digest",
		Usage:     "write one briefing across many articles: key developments, then each article",
		ArgsUsage: "[FILE|DIR|URL|-]...",
		Description: "Reads every input (files, the files of directories, URLs, - for standard input,\n" +
			"or with --jsonl the lines of JSON Lines files; HTML pages are reduced to their\n" +
			"article) and writes a digest: the key developments across all articles, the same\n" +
			"story reported several times merged into one item citing every article, then\n" +
			"each article's bottom line and key points.\n\n" +
			"  brief digest -o 'briefing-{date}.pdf' ~/articles/\n\n" +
			"A bad input is reported on stderr and skipped. Exit status: 0 all inputs used,\n" +
			"1 nothing produced, 2 usage error, 3 produced with some inputs skipped.",
		Flags:        flags,
		OnUsageError: onUsageError,
		Action: func(ctx context.Context, cmd *cli.Command) error {
			opts, err := digestOptionsFrom(cmd, io)
			if err != nil {
				return err
			}
			return digestRun(ctx, opts, io)
		},
	}
}

func digestOptionsFrom(cmd *cli.Command, io streams) (digestOptions, error) {
	bo, err := batchOptionsFrom(cmd)
	if err != nil {
		return digestOptions{}, err
	}
	opts := digestOptions{batchOptions: bo, cite: cmd.Bool("cite"), paper: strings.ToLower(cmd.String("paper"))}
	if opts.paper != "a4" && opts.paper != "letter" {
		return opts, usagef("--paper must be a4 or letter, got %q", cmd.String("paper"))
	}
	if opts.format, err = digestFormat(cmd.String("format"), opts.output); err != nil {
		return opts, err
	}
	if opts.format == "pdf" && (opts.output == "" || opts.output == "-") && terminalWriter(io.out) {
		return opts, usagef("not writing PDF to a terminal: use -o FILE.pdf or redirect the output")
	}
	return opts, nil
}

// digestFormat is the output format: the -f flag, else the output's
// extension, else Markdown.
func digestFormat(flag, output string) (string, error) {
	f := strings.ToLower(flag)
	if f == "" {
		switch strings.ToLower(filepath.Ext(output)) {
		case ".pdf":
			return "pdf", nil
		case ".json":
			return "json", nil
		}
		return "md", nil
	}
	switch f {
	case "md", "markdown":
		return "md", nil
	case "pdf", "json":
		return f, nil
	}
	return "", usagef("-f must be md, pdf or json, got %q", flag)
}

func digestRun(ctx context.Context, opts digestOptions, io streams) error {
	r := &source.Reader{Stdin: io.in, JSONL: opts.jsonl, MaxBytes: maxInput}
	date := opts.date.Format("2006-01-02")
	t := newTally(io, opts.quiet, opts.verbose, countInputs(opts.inputs, opts.jsonl))
	var arts []digest.Article
	err := pipeline(ctx, r, opts.inputs, opts.jobs,
		func(it source.Item) (*brief.Briefing, error) { return summarizeItem(it, opts.bullets, date) },
		func(o outcome[*brief.Briefing]) error {
			if t.record(o.input, o.note, o.err) {
				arts = append(arts, digest.Article{Input: o.input, Briefing: o.val})
			}
			return nil
		})
	t.end("articles")
	if err != nil {
		return err
	}
	if len(arts) == 0 {
		return t.status("articles")
	}
	d := digest.New(date, arts)
	ropt := render.Options{Cite: opts.cite, Paper: opts.paper, Version: buildVersion(), Date: opts.date}
	if err := writeOutput(opts.output, "", digestWriter(d, opts.format, ropt), io); err != nil {
		return err
	}
	return t.status("articles")
}

// digestWriter returns the function that renders d in format.
func digestWriter(d *digest.Digest, format string, opt render.Options) func(io.Writer) error {
	return func(w io.Writer) error {
		switch format {
		case "json":
			return render.DigestJSON(w, d)
		case "pdf":
			return render.DigestPDF(w, d, opt)
		}
		return render.DigestMarkdown(w, d, opt)
	}
}
