package ordered

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync/atomic"
	"testing"
	"time"
)

// count yields 0, 1, …, n-1.
func count(n int) func(func(int) bool) {
	return func(yield func(int) bool) {
		for i := range n {
			if !yield(i) {
				return
			}
		}
	}
}

func TestMapOrder(t *testing.T) {
	for _, jobs := range []int{0, 1, 3, 8} {
		t.Run(fmt.Sprint(jobs), func(t *testing.T) {
			var got []int
			err := Map(context.Background(), jobs, count(200),
				func(_ context.Context, i int) int {
					if i%7 == 0 {
						time.Sleep(time.Millisecond) // finish out of order
					}
					return i * i
				},
				func(r int) error { got = append(got, r); return nil })
			if err != nil {
				t.Fatal(err)
			}
			want := make([]int, 200)
			for i := range want {
				want[i] = i * i
			}
			if !slices.Equal(got, want) {
				t.Errorf("results out of order: %v", got[:20])
			}
		})
	}
}

func TestMapBounded(t *testing.T) {
	// The first value's work blocks: the others may run ahead only as far
	// as the window.
	const jobs = 2
	var started atomic.Int32
	release := make(chan struct{})
	var emitted []int
	go func() {
		deadline := time.Now().Add(2 * time.Second)
		for started.Load() < Window*jobs && time.Now().Before(deadline) {
			time.Sleep(time.Millisecond)
		}
		time.Sleep(20 * time.Millisecond)
		close(release)
	}()
	err := Map(context.Background(), jobs, count(100),
		func(_ context.Context, i int) int {
			started.Add(1)
			if i == 0 {
				<-release
				if got := started.Load(); got > Window*jobs {
					t.Errorf("%d values started while the first was held, want at most %d", got, Window*jobs)
				}
			}
			return i
		},
		func(r int) error { emitted = append(emitted, r); return nil })
	if err != nil {
		t.Fatal(err)
	}
	if len(emitted) != 100 {
		t.Errorf("%d results, want 100", len(emitted))
	}
}

func TestMapEmitErrorStops(t *testing.T) {
	stop := errors.New("disk full")
	emitted := 0
	var worked atomic.Int32
	err := Map(context.Background(), 3, count(1000),
		func(_ context.Context, i int) int { worked.Add(1); return i },
		func(int) error {
			emitted++
			if emitted == 5 {
				return stop
			}
			return nil
		})
	if err != stop || emitted != 5 {
		t.Errorf("err = %v after %d emits, want %v after 5", err, emitted, stop)
	}
	if n := worked.Load(); n > 5+Window*3 {
		t.Errorf("%d values worked on after emit failed at the 5th, want at most %d", n, 5+Window*3)
	}
}

func TestMapCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	endless := func(yield func(int) bool) {
		for i := 0; ; i++ {
			if !yield(i) {
				return
			}
		}
	}
	emitted := 0
	err := Map(ctx, 2, endless,
		func(ctx context.Context, i int) int { return i },
		func(int) error {
			emitted++
			if emitted == 10 {
				cancel()
			}
			return nil
		})
	if !errors.Is(err, context.Canceled) || emitted != 10 {
		t.Errorf("err = %v after %d emits, want context.Canceled after 10", err, emitted)
	}
}
