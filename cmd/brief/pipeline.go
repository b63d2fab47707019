package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/brief-dev/brief/brief/source"
	"github.com/brief-dev/brief/internal/ordered"
)

// each reads the inputs of args and briefs each with s, jobs at a time,
// and hands the articles to emit in input order (err says why an input
// was skipped). At most a few times jobs inputs are in flight, so memory
// stays flat however many inputs there are. An error from emit stops the
// run and is returned; so is ctx's.
func (s *step) each(ctx context.Context, r *source.Reader, args []string, jobs int, emit func(a *briefed, err error) error) error {
	type result struct {
		a   *briefed
		err error
	}
	return ordered.Map(ctx, jobs, r.InputsContext(ctx, args),
		func(ctx context.Context, in source.Input) result {
			a, err := s.safeItem(ctx, r.Read(ctx, in))
			return result{a, err}
		},
		func(res result) error { return emit(res.a, res.err) })
}

// tally counts what a run over many inputs did, and reports on stderr.
type tally struct {
	std      streams
	log      logOptions
	progress *progress
	start    time.Time
	done     int // inputs that gave a briefing
	skipped  int // inputs reported and skipped
}

func newTally(std streams, log logOptions, total int) *tally {
	return &tally{std: std, log: log, progress: newProgress(std.err, total, log.quiet), start: time.Now()}
}

// record reports an input's skip or note (each on one line of stderr) and
// counts it. It returns whether the input gave a briefing.
func (t *tally) record(input, note string, err error) bool {
	t.progress.add()
	if err != nil {
		t.skipped++
		t.progress.clear()
		fmt.Fprintf(t.std.err, "brief: %s: %v\n", inputName(input), err)
		return false
	}
	t.done++
	if note != "" && !t.log.quiet {
		t.progress.clear()
		fmt.Fprintf(t.std.err, "brief: %s: %s\n", inputName(input), note)
	}
	return true
}

// end ends the progress bar and, with -v, says how the run went.
func (t *tally) end(what string) {
	t.progress.finish()
	if t.log.verbose {
		el := time.Since(t.start)
		fmt.Fprintf(t.std.err, "brief: %d %s in %.2fs (%.1f/s), %d inputs skipped\n",
			t.done, what, el.Seconds(), float64(t.done)/el.Seconds(), t.skipped)
	}
}

// status is the error for the exit status: nil, errPartial when inputs
// were skipped, or a failure when nothing was produced.
func (t *tally) status(what string) error {
	switch {
	case t.done == 0 && t.skipped == 0:
		return errors.New("no input to read")
	case t.done == 0:
		return fmt.Errorf("no %s produced: all %d inputs were skipped", what, t.skipped)
	case t.skipped > 0:
		return errPartial
	}
	return nil
}

// countInputs is the number of inputs args name, or -1 when that is not
// known without reading them (directories, JSON Lines).
func countInputs(args []string, jsonl bool) int {
	if jsonl {
		return -1
	}
	for _, a := range args {
		if source.IsURL(a) {
			return -1 // it may be a feed of many items
		}
		if a == "-" {
			continue
		}
		if fi, err := os.Stat(a); err == nil && fi.IsDir() {
			return -1
		}
	}
	return len(args)
}
