package main

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"runtime"
	"strings"
	"time"

	"github.com/brief-dev/brief/brief"
	"github.com/brief-dev/brief/brief/source"
	"github.com/urfave/cli/v3"
)

// batchOptions are the flags of "brief batch" (and, most of them, of
// "brief digest").
type batchOptions struct {
	inputs  []string
	jsonl   bool
	jobs    int
	output  string // after {date} expansion; "" or "-" is stdout
	date    time.Time
	bullets int
	quiet   bool
	verbose bool
}

// manyInputFlags are the flags shared by the commands that read many
// inputs.
func manyInputFlags() []cli.Flag {
	return []cli.Flag{
		&cli.BoolFlag{Name: "jsonl", Usage: `read each input as JSON Lines: one article per line, {"id", "title", "text" or "article"}`},
		&cli.IntFlag{Name: "jobs", Aliases: []string{"j"}, Usage: "number of articles worked on at once", Value: runtime.NumCPU()},
		&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `FILE` (- is standard output); {date} in the name becomes the briefing date", Value: "-"},
		&cli.StringFlag{Name: "date", Usage: "briefing date, `YYYY-MM-DD` (default: SOURCE_DATE_EPOCH, else today)"},
		&cli.IntFlag{Name: "bullets", Usage: "number of key points per article", Value: 5},
		&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "print nothing on stderr but errors (skipped inputs are errors)"},
		&cli.BoolFlag{Name: "verbose", Aliases: []string{"v"}, Usage: "print a summary of the run (articles, time, rate) on stderr"},
	}
}

func batchCommand(io streams) *cli.Command {
	return &cli.Command{
		Name:      "batch",
		Usage:     "write one briefing per input as JSON Lines, in input order",
		ArgsUsage: "[FILE|DIR|URL|-]...",
		Description: "Each input (a file, every file of a directory, a URL, - for standard input, or\n" +
			"with --jsonl every line of a JSON Lines file) gives one line of compact JSON:\n" +
			`{"id": INPUT, ...the briefing}, where INPUT is the path, URL or JSON Lines id.` + "\n" +
			"Lines come in input order. A bad input is reported on stderr and skipped.\n\n" +
			"Exit status: 0 all inputs done, 1 none done, 3 some inputs skipped.",
		Flags:        manyInputFlags(),
		OnUsageError: onUsageError,
		Action: func(ctx context.Context, cmd *cli.Command) error {
			opts, err := batchOptionsFrom(cmd)
			if err != nil {
				return err
			}
			return batchRun(ctx, opts, io)
		},
	}
}

func batchOptionsFrom(cmd *cli.Command) (batchOptions, error) {
	opts := batchOptions{
		inputs:  cmd.Args().Slice(),
		jsonl:   cmd.Bool("jsonl"),
		jobs:    int(cmd.Int("jobs")),
		bullets: int(cmd.Int("bullets")),
		quiet:   cmd.Bool("quiet"),
		verbose: cmd.Bool("verbose"),
	}
	if len(opts.inputs) == 0 {
		opts.inputs = []string{"-"}
	}
	if opts.jobs < 1 || opts.jobs > 1024 {
		return opts, usagef("--jobs must be between 1 and 1024, got %d", opts.jobs)
	}
	if opts.bullets < 1 || opts.bullets > 100 {
		return opts, usagef("--bullets must be between 1 and 100, got %d", opts.bullets)
	}
	var err error
	if opts.date, err = briefingDate(cmd.String("date")); err != nil {
		return opts, err
	}
	opts.output = expandDate(cmd.String("output"), opts.date)
	if err := checkNotInput(opts.output, opts.inputs); err != nil {
		return opts, err
	}
	return opts, nil
}

// expandDate replaces {date} in an output name with the briefing date.
func expandDate(name string, date time.Time) string {
	return strings.ReplaceAll(name, "{date}", date.Format("2006-01-02"))
}

// batchLine is one line of "brief batch": the input's id, then the
// briefing's fields.
type batchLine struct {
	ID string `json:"id"`
	*brief.Briefing
}

func batchRun(ctx context.Context, opts batchOptions, io streams) error {
	r := &source.Reader{Stdin: io.in, JSONL: opts.jsonl, MaxBytes: maxInput}
	t := newTally(io, opts.quiet, opts.verbose, countInputs(opts.inputs, opts.jsonl))
	write := batchWriter(ctx, r, opts, t)
	var err error
	if isStdout(opts.output) {
		// Stream: a pipeline reads each line as it is done, and memory
		// stays flat however many inputs there are. (writeOutput buffers
		// stdout so that a failed render prints nothing.)
		err = write(io.out)
	} else {
		err = writeOutput(opts.output, "", write, io)
	}
	t.end("briefings")
	if err != nil {
		return err
	}
	return t.status("briefings")
}

// batchWriter returns the function that writes the batch's lines to w as
// the inputs are done.
func batchWriter(ctx context.Context, r *source.Reader, opts batchOptions, t *tally) func(io.Writer) error {
	date := opts.date.Format("2006-01-02")
	return func(w io.Writer) error {
		bw := bufio.NewWriterSize(w, 64<<10)
		enc := json.NewEncoder(bw)
		enc.SetEscapeHTML(false)
		err := pipeline(ctx, r, opts.inputs, opts.jobs,
			func(it source.Item) (*brief.Briefing, error) { return summarizeItem(it, opts.bullets, date) },
			func(o outcome[*brief.Briefing]) error {
				if !t.record(o.input, o.note, o.err) {
					return nil
				}
				return enc.Encode(batchLine{ID: o.input, Briefing: o.val})
			})
		if ferr := bw.Flush(); err == nil {
			err = ferr
		}
		if err == nil && t.done == 0 {
			return t.status("briefings") // leave no empty output file
		}
		return err
	}
}
