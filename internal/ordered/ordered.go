// Package ordered runs work on a stream of values in parallel and hands
// the results on in the order of the stream, with a bounded number of
// values in flight, so that memory stays flat however long the stream is.
package ordered

import (
	"context"
	"iter"
	"sync"
)

// Window is how many values may be in flight per worker: read, worked on,
// or done and waiting for an earlier one.
const Window = 4

// Map calls work on every value of in, with at most jobs calls at once,
// and emit with each result in the order of in. At most Window×jobs
// values are in flight at any time.
//
// An error from emit stops the run: no further value is started, the
// calls under way finish, and Map returns emit's error. When ctx ends,
// Map stops in the same way and returns ctx's error (work receives ctx
// and should return promptly; nothing is emitted after ctx ends). Map
// returns nil when every value was emitted. It calls emit from the goroutine that called Map.
func Map[T, R any](ctx context.Context, jobs int, in iter.Seq[T], work func(context.Context, T) R, emit func(R) error) error {
	if jobs < 1 {
		jobs = 1
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	type job struct {
		seq int
		v   T
	}
	type done struct {
		seq int
		r   R
	}
	window := Window * jobs
	slots := make(chan struct{}, window) // one per value in flight
	jobsc := make(chan job)
	results := make(chan done, window)

	go func() {
		defer close(jobsc)
		seq := 0
		for v := range in {
			select {
			case slots <- struct{}{}:
			case <-ctx.Done():
				return
			}
			select {
			case jobsc <- job{seq, v}:
			case <-ctx.Done():
				return
			}
			seq++
		}
	}()

	var wg sync.WaitGroup
	for range jobs {
		wg.Go(func() {
			for j := range jobsc {
				results <- done{j.seq, work(ctx, j.v)} // never blocks: at most window results exist
			}
		})
	}
	go func() {
		wg.Wait()
		close(results)
	}()

	// Hold early finishers until every earlier value is out.
	pending := make(map[int]R, window)
	next := 0
	var emitErr error
	for d := range results {
		pending[d.seq] = d.r
		for {
			r, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			<-slots
			if emitErr == nil && ctx.Err() == nil {
				if emitErr = emit(r); emitErr != nil {
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
