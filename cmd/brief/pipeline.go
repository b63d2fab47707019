package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"sync"
	"time"

	"github.com/brief-dev/brief/brief"
	"github.com/brief-dev/brief/brief/source"
)

// outcome is what became of one input: a value, or why it was skipped.
type outcome[T any] struct {
	seq   int
	input string // the input's name as given
	note  string // how the text was decoded, when it was converted
	val   T
	err   error
}

// pipeline reads the inputs of args and applies work to each, with jobs
// workers, and hands the outcomes to emit in input order. At most
// 4×jobs inputs are in flight (read, worked on or waiting for an earlier
// one), so memory stays flat however many inputs there are. An error
// from emit stops the pipeline and is returned; so is ctx's.
func pipeline[T any](ctx context.Context, r *source.Reader, args []string, jobs int,
	work func(source.Item) (T, error), emit func(outcome[T]) error) error {
	if jobs < 1 {
		jobs = 1
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	type job struct {
		seq int
		in  source.Input
	}
	window := 4 * jobs
	slots := make(chan struct{}, window) // one per input in flight
	jobsc := make(chan job)
	done := make(chan outcome[T], window)

	go func() {
		defer close(jobsc)
		seq := 0
		for in := range r.Inputs(args) {
			select {
			case slots <- struct{}{}:
			case <-ctx.Done():
				return
			}
			select {
			case jobsc <- job{seq, in}:
			case <-ctx.Done():
				return
			}
			seq++
		}
	}()

	var wg sync.WaitGroup
	for range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobsc {
				it := r.Read(ctx, j.in)
				o := outcome[T]{seq: j.seq, input: it.Input, note: it.Note, err: it.Err}
				if o.err == nil {
					o.val, o.err = safeWork(work, it)
				}
				done <- o // never blocks: at most window outcomes exist
			}
		}()
	}
	go func() {
		wg.Wait()
		close(done)
	}()

	// Reorder: hold early finishers until every earlier input is out.
	pending := make(map[int]outcome[T], window)
	next := 0
	var emitErr error
	for o := range done {
		pending[o.seq] = o
		for {
			p, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			<-slots
			if emitErr == nil {
				if emitErr = emit(p); emitErr != nil {
					cancel()
				}
			}
		}
	}
	if emitErr != nil {
		return emitErr
	}
	return context.Cause(ctx)
}

// safeWork runs work on it, turning a panic into an error, so that one
// article that trips a bug is reported and skipped instead of ending a
// run over thousands.
func safeWork[T any](work func(source.Item) (T, error), it source.Item) (v T, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("internal error, please report it with this article: %v", p)
		}
	}()
	return work(it)
}

// summarizeItem parses one read input and builds its briefing for date.
func summarizeItem(it source.Item, bullets int, date string) (*brief.Briefing, error) {
	doc, err := parseItem(it)
	if err != nil {
		return nil, err
	}
	b := brief.Summarize(doc, brief.Options{Bullets: bullets})
	if len(b.KeyPoints) == 0 {
		return nil, errNothingToBrief
	}
	b.Meta.Date = date
	return b, nil
}

// tally counts what a run over many inputs did, and reports on stderr.
type tally struct {
	io       streams
	quiet    bool
	verbose  bool
	progress *progress
	start    time.Time
	done     int // inputs that gave a briefing
	skipped  int // inputs reported and skipped
}

func newTally(io streams, quiet, verbose bool, total int) *tally {
	return &tally{io: io, quiet: quiet, verbose: verbose && !quiet,
		progress: newProgress(io.err, total, quiet), start: time.Now()}
}

// record reports o's skip or note (each on one line of stderr) and counts
// it. It returns whether o has a value.
func (t *tally) record(input string, note string, err error) bool {
	t.progress.add()
	if err != nil {
		t.skipped++
		t.progress.clear()
		fmt.Fprintf(t.io.err, "brief: %s: %v\n", inputName(input), err)
		return false
	}
	t.done++
	if note != "" && !t.quiet {
		t.progress.clear()
		fmt.Fprintf(t.io.err, "brief: %s: %s\n", inputName(input), note)
	}
	return true
}

// end ends the progress bar and, with -v, says how the run went.
func (t *tally) end(what string) {
	t.progress.finish()
	if t.verbose {
		el := time.Since(t.start)
		fmt.Fprintf(t.io.err, "brief: %d %s in %.2fs (%.1f/s), %d inputs skipped\n",
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

// checkNotInput refuses an output file that is one of the inputs.
func checkNotInput(output string, inputs []string) error {
	if output == "" || output == "-" {
		return nil
	}
	out, err := os.Stat(output)
	if err != nil {
		return nil // a new file is no input
	}
	for _, in := range inputs {
		if in == "-" || source.IsURL(in) {
			continue
		}
		if fi, err := os.Stat(in); err == nil && os.SameFile(fi, out) {
			return usagef("the output %s is also an input", output)
		}
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
		if a == "-" || source.IsURL(a) {
			continue
		}
		if fi, err := os.Stat(a); err == nil && fi.IsDir() {
			return -1
		}
	}
	return len(args)
}
