package main

import (
	"context"
	"errors"
	"io"
	"slices"
	"time"

	"github.com/brief-dev/brief/brief/digest"
	"github.com/brief-dev/brief/brief/source"
	"github.com/brief-dev/brief/render"
	"github.com/urfave/cli/v3"
)

// digestOptions are the flags of "brief digest".
type digestOptions struct {
	inputs []string
	jsonl  bool
	jobs   int
	since  time.Time // feed items published after it; zero: all
	out    outputOptions
	log    logOptions
	refine refineOptions
	mail   mailOptions
}

func digestCommand(std streams) *cli.Command {
	return &cli.Command{
		Name:      "digest",
		Usage:     "write one briefing across many articles: key developments, then each article",
		ArgsUsage: "[FILE|DIR|URL|-]...",
		Description: "Reads every input (files, the files of directories, URLs, - for standard input,\n" +
			"or with --jsonl the lines of JSON Lines files; HTML pages are reduced to their\n" +
			"article) and writes a digest: the key developments across all articles, the same\n" +
			"story reported several times merged into one item citing every article, then\n" +
			"each article's bottom line and key points. With --refine, each article's\n" +
			"briefing is reworded by the language model first.\n\n" +
			"  brief digest -o 'briefing-{date}.pdf' ~/articles/\n\n" +
			"A bad input is reported on stderr and skipped. Exit status: 0 all inputs used,\n" +
			"1 nothing produced, 2 usage error, 3 produced with some inputs skipped.",
		Flags:        flags(outputFlags(), manyInputFlags(), logFlags(), refineFlags(), mailFlags()),
		OnUsageError: onUsageError,
		Action: func(ctx context.Context, cmd *cli.Command) error {
			opts, err := digestOptionsFrom(cmd, std)
			if err != nil {
				return err
			}
			return digestRun(ctx, opts, std)
		},
	}
}

func digestOptionsFrom(cmd *cli.Command, std streams) (digestOptions, error) {
	opts := digestOptions{inputs: inputsOf(cmd), jsonl: cmd.Bool("jsonl"), log: logOptionsFrom(cmd)}
	var err error
	if opts.jobs, err = jobsOf(cmd); err != nil {
		return opts, err
	}
	if opts.out, err = outputOptionsFrom(cmd, opts.inputs, std.out); err != nil {
		return opts, err
	}
	if opts.refine, err = refineOptionsFrom(cmd); err != nil {
		return opts, err
	}
	if opts.since, err = sinceOf(cmd, opts.out.date); err != nil {
		return opts, err
	}
	if opts.mail, err = mailOptionsFrom(cmd, opts.log); err != nil {
		return opts, err
	}
	return opts, nil
}

func digestRun(ctx context.Context, opts digestOptions, std streams) error {
	ref, err := newRefiner(opts.refine, opts.log, std.err, true)
	if err != nil {
		return err
	}
	if slices.Contains(opts.inputs, "-") {
		stdinHint(std)
	}
	s := &step{bullets: opts.out.bullets, date: opts.out.day(), refiner: ref}
	r := &source.Reader{Stdin: std.in, JSONL: opts.jsonl, MaxBytes: maxInput, Since: opts.since}
	t := newTally(std, opts.log, countInputs(opts.inputs, opts.jsonl))
	var arts []digest.Article
	err = s.each(ctx, r, opts.inputs, opts.jobs, func(a *briefed, err error) error {
		var strict errStrict
		if errors.As(err, &strict) {
			return err
		}
		if t.record(a.input, a.note, err) {
			arts = append(arts, digest.Article{Input: source.Redact(a.input), Briefing: a.b})
		} else if a.feed != nil {
			// A feed item whose page gave no briefing stands alone: its
			// title, date and author, under its link (still skipped: exit 3).
			stub := a.feed.Briefing()
			stub.Meta.Date = s.date
			arts = append(arts, digest.Article{Input: source.Redact(a.input), Briefing: stub})
		}
		return nil
	})
	t.end("articles")
	ref.finish()
	if err != nil {
		return err
	}
	if t.done == 0 {
		return t.status("articles")
	}
	d := digest.New(opts.out.day(), arts)
	ro := opts.out.renderOptions()
	if err := writeOutputContext(ctx, opts.out.output, digestWriter(ctx, d, opts.out.format, ro), std); err != nil {
		return err
	}
	if opts.mail.enabled() {
		write := func(f render.Format) func(io.Writer) error { return digestWriter(ctx, d, f, ro) }
		if err := opts.mail.send(ctx, "Digest "+opts.out.day(), "digest-"+opts.out.day()+".pdf", write, std); err != nil {
			return err
		}
	}
	return t.status("articles")
}

// digestWriter returns the function that renders d in format; it stops,
// writing nothing, when ctx ends.
func digestWriter(ctx context.Context, d *digest.Digest, format render.Format, opt render.Options) func(io.Writer) error {
	return func(w io.Writer) error {
		switch format {
		case render.FormatJSON:
			return render.DigestJSON(w, d)
		case render.FormatPDF:
			return render.DigestPDFContext(ctx, w, d, opt)
		case render.FormatHTML:
			return render.DigestHTML(w, d, opt)
		}
		return render.DigestMarkdownContext(ctx, w, d, opt)
	}
}
