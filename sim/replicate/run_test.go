package replicate

import (
	"context"
	"errors"
	"math/rand/v2"
	"slices"
	"sync/atomic"
	"testing"
	"time"
)

// square is a replication whose cost varies, so that workers finish out of
// order.
func square(ctx context.Context, w, rep int) (int, error) {
	r := rand.New(rand.NewPCG(uint64(rep), 7))
	time.Sleep(time.Duration(r.IntN(300)) * time.Microsecond)
	return rep * rep, nil
}

func TestRunDeliversInOrderForAnyWorkerCount(t *testing.T) {
	t.Parallel()
	reps := Range(0, 200)
	for _, w := range []int{1, 2, 3, 8, 50} {
		var got []int
		err := Run(context.Background(), reps, Options{Workers: w}, square, func(rep, r int) error {
			if r != rep*rep {
				t.Errorf("rep %d: result %d", rep, r)
			}
			got = append(got, rep)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got, reps) {
			t.Fatalf("workers=%d: order %v", w, got)
		}
	}
}

func TestRunArbitraryReplicationList(t *testing.T) {
	t.Parallel()
	reps := []int{5, 17, 3, 1000}
	var got []int
	Run(context.Background(), reps, Options{Workers: 3}, square, func(rep, r int) error {
		got = append(got, rep)
		return nil
	})
	if !slices.Equal(got, reps) {
		t.Fatalf("got %v", got)
	}
}

func TestStopIsDeterministic(t *testing.T) {
	t.Parallel()
	// Stop when the running sum passes a bound: the same replication ends
	// the run whatever the number of workers.
	for _, w := range []int{1, 4, 16} {
		sum, last := 0, -1
		err := Run(context.Background(), Range(0, 1000), Options{Workers: w}, square, func(rep, r int) error {
			sum += r
			last = rep
			if sum > 100000 {
				return ErrStop
			}
			return nil
		})
		if err != nil || last != 67 { // 0²+…+67² = 102510 is the first sum over 100000
			t.Fatalf("workers=%d: err %v, stopped after %d, want 67", w, err, last)
		}
	}
}

func TestErrorsAndCancellation(t *testing.T) {
	t.Parallel()
	boom := errors.New("boom")
	var delivered []int
	err := Run(context.Background(), Range(0, 100), Options{Workers: 4}, func(ctx context.Context, w, rep int) (int, error) {
		if rep == 10 {
			return 0, boom
		}
		return rep, nil
	}, func(rep, r int) error { delivered = append(delivered, rep); return nil })
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v", err)
	}
	if !slices.Equal(delivered, Range(0, 10)) {
		t.Fatalf("delivered %v, want 0..9", delivered)
	}

	ctx, cancel := context.WithCancel(context.Background())
	var n atomic.Int32
	err = Run(ctx, Range(0, 1000000), Options{Workers: 4}, func(ctx context.Context, w, rep int) (int, error) {
		if n.Add(1) == 50 {
			cancel()
		}
		return rep, nil
	}, func(rep, r int) error { return nil })
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
}

func TestWorkersDoNotOverlap(t *testing.T) {
	t.Parallel()
	const w = 4
	var busy [w]atomic.Int32
	Run(context.Background(), Range(0, 400), Options{Workers: w}, func(ctx context.Context, worker, rep int) (int, error) {
		if busy[worker].Add(1) != 1 {
			t.Error("two calls on one worker at once")
		}
		time.Sleep(10 * time.Microsecond)
		busy[worker].Add(-1)
		return 0, nil
	}, func(rep, r int) error { return nil })
}
