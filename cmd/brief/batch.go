package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"io"
	"time"

	"github.com/brief-dev/brief/brief"
	"github.com/brief-dev/brief/brief/digest"
	"github.com/brief-dev/brief/brief/source"
	"github.com/urfave/cli/v3"
)

// batchOptions are the flags of "brief batch".
type batchOptions struct {
	inputs []string
	jsonl  bool
	jobs   int
	since  time.Time // feed items published after it; zero: all
	out    articleOptions
	log    logOptions
	refine refineOptions
}

func batchCommand(std streams) *cli.Command {
	return &cli.Command{
		Name:      "batch",
		Usage:     "write one briefing per input as JSON Lines, in input order",
		ArgsUsage: "[FILE|DIR|URL|-]...",
		Description: "Each input (a file, every file of a directory, a URL, - for standard input, or\n" +
			"with --jsonl every line of a JSON Lines file) gives one line of compact JSON:\n" +
			`{"id": INPUT, ...the briefing, "features": {...}}, where INPUT is the path, URL or` + "\n" +
			"JSON Lines id and features are what story matching needs (brief digest --briefings\n" +
			"groups such lines, made on any number of machines, into a digest).\n" +
			"Lines come in input order. A bad input is reported on stderr and skipped.\n\n" +
			"Exit status: 0 all inputs done, 1 none done, 2 usage error, 3 some inputs skipped.",
		Flags:        flags([]cli.Flag{outputFlag(), dateFlag(), bulletsFlag()}, manyInputFlags(), logFlags(), refineFlags()),
		OnUsageError: onUsageError,
		Action: func(ctx context.Context, cmd *cli.Command) error {
			opts, err := batchOptionsFrom(cmd)
			if err != nil {
				return err
			}
			return batchRun(ctx, opts, std)
		},
	}
}

func batchOptionsFrom(cmd *cli.Command) (batchOptions, error) {
	opts := batchOptions{inputs: inputsOf(cmd), jsonl: cmd.Bool("jsonl"), log: logOptionsFrom(cmd)}
	var err error
	if opts.jobs, err = jobsOf(cmd); err != nil {
		return opts, err
	}
	if opts.out, err = articleOptionsFrom(cmd, opts.inputs); err != nil {
		return opts, err
	}
	if opts.refine, err = refineOptionsFrom(cmd); err != nil {
		return opts, err
	}
	if opts.since, err = sinceOf(cmd, opts.out.date); err != nil {
		return opts, err
	}
	return opts, nil
}

// inputsOf is the inputs named on the command line; none means standard
// input.
func inputsOf(cmd *cli.Command) []string {
	if cmd.NArg() == 0 {
		return []string{"-"}
	}
	return cmd.Args().Slice()
}

// jobsOf reads --jobs.
func jobsOf(cmd *cli.Command) (int, error) {
	jobs := int(cmd.Int("jobs"))
	if jobs < 1 || jobs > 1024 {
		return 0, usagef("--jobs must be between 1 and 1024, got %d", jobs)
	}
	return jobs, nil
}

// batchLine is one line of "brief batch": the input's id, the briefing's
// fields, then the article's features for story matching, so that "brief
// digest --briefings" can group lines made anywhere.
type batchLine struct {
	ID string `json:"id"`
	*brief.Briefing
	Features *digest.Features `json:"features,omitempty"`
}

func batchRun(ctx context.Context, opts batchOptions, std streams) error {
	ref, err := newRefiner(opts.refine, opts.log, std.err, true)
	if err != nil {
		return err
	}
	s := &step{bullets: opts.out.bullets, date: opts.out.day(), refiner: ref, features: &digest.Featurizer{}}
	r := manyReader(std, opts.inputs, opts.jsonl, opts.since)
	t := newTally(std, opts.log, countInputs(opts.inputs, opts.jsonl))
	write := batchWriter(ctx, s, r, opts, t)
	if isStdout(opts.out.output) {
		// Stream: a pipeline reads each line as it is done, and memory
		// stays flat however many inputs there are. (writeOutput buffers
		// stdout so that a failed render prints nothing.)
		err = write(std.out)
	} else {
		err = writeOutputContext(ctx, opts.out.output, write, std)
	}
	t.end("briefings")
	ref.finish()
	if err != nil {
		return err
	}
	return t.status("briefings")
}

// batchWriter returns the function that writes the batch's lines to w as
// the inputs are done.
func batchWriter(ctx context.Context, s *step, r *source.Reader, opts batchOptions, t *tally) func(io.Writer) error {
	return func(w io.Writer) error {
		bw := bufio.NewWriterSize(w, 64<<10)
		enc := json.NewEncoder(bw)
		enc.SetEscapeHTML(false)
		err := s.each(ctx, r, opts.inputs, opts.jobs, func(a *briefed, err error) error {
			var strict errStrict
			if errors.As(err, &strict) {
				return err
			}
			if !t.record(a.input, a.note, err) {
				return nil
			}
			return enc.Encode(batchLine{ID: source.Redact(a.input), Briefing: a.b, Features: a.feat})
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
