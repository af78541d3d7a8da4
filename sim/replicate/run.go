package replicate

import (
	"context"
	"errors"
	"runtime"
	"sync"
)

// A Func computes replication rep on worker w (0 ≤ w < workers). Calls for
// the same w never overlap, so per-worker state (a simulator, buffers)
// indexed by w needs no locking.
type Func[R any] func(ctx context.Context, w, rep int) (R, error)

// A Sink receives results in order. Returning ErrStop ends the run
// successfully after this result; any other error ends it with that error.
// Run calls the sink on the goroutine that called Run, one result at a
// time, so state the sink updates needs no locking.
type Sink[R any] func(rep int, r R) error

// ErrStop is returned by a Sink to stop a run early (a precision target has
// been met).
var ErrStop = errors.New("replicate: stop")

// Options configure Run.
type Options struct {
	// Workers is the number of goroutines; 0 means runtime.GOMAXPROCS(0).
	Workers int
	// Window caps how far ahead of the next result to deliver workers may
	// run; 0 means 4 per worker.
	Window int
}

// Run computes the replications listed in reps with f on parallel workers
// and calls sink with each result in the order of reps. It returns nil
// when every replication was delivered or the sink returned ErrStop, the
// first error of f or sink otherwise, and ctx's error if ctx is cancelled
// first; results delivered before an error stay delivered, so a caller can
// keep what finished.
func Run[R any](ctx context.Context, reps []int, opt Options, f Func[R], sink Sink[R]) error {
	w := opt.Workers
	if w <= 0 {
		w = runtime.GOMAXPROCS(0)
	}
	if w > len(reps) {
		w = max(len(reps), 1)
	}
	window := opt.Window
	if window <= 0 {
		window = 4 * w
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	type result struct {
		i   int // position in reps
		r   R
		err error
	}
	// Buffered channels let a worker pick up its next replication and hand
	// in its last one without waiting for the coordinator to be scheduled.
	jobs := make(chan int, w)
	results := make(chan result, w)
	var wg sync.WaitGroup
	for worker := range w {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				r, err := f(ctx, worker, reps[i])
				select {
				case results <- result{i, r, err}:
				case <-ctx.Done():
					return
				}
			}
		}()
	}

	var err error
	pending := map[int]result{}
	next, sent := 0, 0
	for next < len(reps) && err == nil {
		// Hand out work while the window allows.
		var jobCh chan int
		if sent < len(reps) && sent < next+window {
			jobCh = jobs
		}
		select {
		case jobCh <- sent:
			sent++
			continue
		case res := <-results:
			pending[res.i] = res
		case <-ctx.Done():
			err = ctx.Err()
			continue
		}
		for err == nil {
			res, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			if res.err != nil {
				err = res.err
				break
			}
			if e := sink(reps[next], res.r); e != nil {
				if !errors.Is(e, ErrStop) {
					err = e
				}
				next = len(reps)
				break
			}
			next++
		}
	}
	close(jobs)
	cancel()
	wg.Wait()
	return err
}

// Range returns the indices [from, to).
func Range(from, to int) []int {
	r := make([]int, 0, max(to-from, 0))
	for i := from; i < to; i++ {
		r = append(r, i)
	}
	return r
}
