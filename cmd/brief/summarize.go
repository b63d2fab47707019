package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"time"

	"github.com/brief-dev/brief/brief/source"
	"github.com/brief-dev/brief/render"
	"github.com/urfave/cli/v3"
	"golang.org/x/term"
)

// summarizeOptions are the flags of the default action.
type summarizeOptions struct {
	input   string
	out     outputOptions
	explain bool
	log     logOptions
	refine  refineOptions
	mail    mailOptions
}

func summarizeFlags() []cli.Flag {
	return flags(outputFlags(),
		[]cli.Flag{&cli.BoolFlag{Name: "explain", Usage: "print each sentence's scoring signals and score instead of the briefing"}},
		logFlags(), refineFlags(), mailFlags())
}

func summarizeCommand(std streams) *cli.Command {
	return &cli.Command{
		Name:         "summarize",
		Usage:        "write the briefing (the default action)",
		ArgsUsage:    "[FILE|URL|-]",
		Flags:        summarizeFlags(),
		OnUsageError: onUsageError,
		Action:       func(ctx context.Context, cmd *cli.Command) error { return summarizeAction(ctx, cmd, std) },
	}
}

func summarizeOptionsFrom(cmd *cli.Command, std streams) (summarizeOptions, error) {
	in, err := oneInput(cmd)
	if err != nil {
		return summarizeOptions{}, err
	}
	opts := summarizeOptions{input: in, explain: cmd.Bool("explain"), log: logOptionsFrom(cmd)}
	if opts.out, err = outputOptionsFrom(cmd, []string{in}, std.out); err != nil {
		return opts, err
	}
	if opts.explain && opts.out.format != render.FormatMarkdown {
		return opts, usagef("--explain prints a table of text: it cannot be written as %s", opts.out.format)
	}
	if opts.refine, err = refineOptionsFrom(cmd); err != nil {
		return opts, err
	}
	if opts.explain && opts.refine.enabled {
		return opts, usagef("--explain shows how the scorer chose the sentences; it cannot be combined with --refine")
	}
	if opts.mail, err = mailOptionsFrom(cmd, opts.log); err != nil {
		return opts, err
	}
	if opts.explain && opts.mail.enabled() {
		return opts, usagef("--explain prints a table for the terminal; it cannot be mailed")
	}
	return opts, nil
}

func summarizeAction(ctx context.Context, cmd *cli.Command, std streams) error {
	opts, err := summarizeOptionsFrom(cmd, std)
	if err != nil {
		return err
	}
	ref, err := newRefiner(opts.refine, opts.log, std.err, false)
	if err != nil {
		return err
	}
	s := &step{bullets: opts.out.bullets, date: opts.out.day(), refiner: ref}
	it := readOne(ctx, opts.input, std, opts.log)
	a, err := s.item(ctx, it)
	switch {
	case opts.explain && a.doc != nil && (err == nil || errors.Is(err, errNothingToBrief)):
		return writeOutputContext(ctx, opts.out.output, func(w io.Writer) error { return writeExplain(w, a.doc, a.b) }, std)
	case errors.As(err, new(errStrict)):
		return err // not about the input: the model failed
	case err != nil:
		return fmt.Errorf("%s: %w", inputName(opts.input), err)
	}
	ro := opts.out.renderOptions()
	if err := writeOutputContext(ctx, opts.out.output, briefingWriter(ctx, opts.out.format, a.b, ro), std); err != nil {
		return err
	}
	if !opts.mail.enabled() {
		return nil
	}
	write := func(f render.Format) func(io.Writer) error { return briefingWriter(ctx, f, a.b, ro) }
	return opts.mail.send(ctx, render.Title(a.b), "briefing-"+opts.out.day()+".pdf", write, std)
}

// readOne reads the single input name ("-" is standard input, an http(s)
// URL is fetched) and decodes it; an HTML page is reduced to its
// article. A note about the decoding (e.g. Windows-1252) goes to stderr.
func readOne(ctx context.Context, name string, std streams, log logOptions) source.Item {
	if name == "-" {
		stdinHint(std)
	}
	r := source.Reader{Stdin: std.in, MaxBytes: maxInput}
	it := r.Read(ctx, r.Input(name))
	if it.Err == nil && it.Note != "" && !log.quiet {
		fmt.Fprintf(std.err, "brief: %s: %s\n", inputName(name), it.Note)
	}
	return it
}

// manyReader is the reader of the inputs of batch and digest: files,
// directories, URLs, feeds, standard input, and with jsonl JSON Lines;
// feed items published before since are left out. A person at a terminal
// is told when standard input is read.
func manyReader(std streams, inputs []string, jsonl bool, since time.Time) *source.Reader {
	if slices.Contains(inputs, "-") {
		stdinHint(std)
	}
	return &source.Reader{Stdin: std.in, JSONL: jsonl, MaxBytes: maxInput, Since: since}
}

// stdinHint tells a person at a terminal that brief is waiting for the
// article on standard input, rather than waiting in silence.
func stdinHint(std streams) {
	if f, ok := std.in.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		fmt.Fprintln(std.err, "brief: reading the article from standard input (end it with Ctrl-D, or press Ctrl-C to stop; brief --help for usage)")
	}
}
