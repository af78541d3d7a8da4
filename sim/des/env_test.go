package des

import (
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

func TestOrderTimePrioritySequence(t *testing.T) {
	t.Parallel()
	e := New()
	var got []int
	rec := func(arg int) { got = append(got, arg) }
	e.At(2, Normal, rec, 5)
	e.At(1, Late, rec, 3)
	e.At(1, Normal, rec, 1)
	e.At(1, Urgent, rec, 0)
	e.At(1, Normal, rec, 2) // same time and priority: after 1, by sequence
	e.At(2, Urgent, rec, 4)
	e.Run()
	if want := []int{0, 1, 2, 3, 4, 5}; !slices.Equal(got, want) {
		t.Fatalf("order = %v, want %v", got, want)
	}
	if e.Now() != 2 || e.Processed() != 6 {
		t.Fatalf("Now = %g, Processed = %d", e.Now(), e.Processed())
	}
}

func TestHandlersScheduleDuringRun(t *testing.T) {
	t.Parallel()
	e := New()
	var times []float64
	var tick Handler
	tick = func(n int) {
		times = append(times, e.Now())
		if n > 0 {
			e.After(0.5, Normal, tick, n-1)
		}
	}
	e.At(1, Normal, tick, 3)
	e.Run()
	if want := []float64{1, 1.5, 2, 2.5}; !slices.Equal(times, want) {
		t.Fatalf("times = %v, want %v", times, want)
	}
}

func TestCancelAndReschedule(t *testing.T) {
	t.Parallel()
	e := New()
	var got []int
	rec := func(arg int) { got = append(got, arg) }
	a := e.At(1, Normal, rec, 1)
	b := e.At(2, Normal, rec, 2)
	c := e.At(3, Normal, rec, 3)
	if !e.Cancel(b) || e.Cancel(b) {
		t.Fatal("Cancel: want true then false")
	}
	if e.Pending(b) {
		t.Fatal("cancelled event still pending")
	}
	if !e.Reschedule(c, 0.5) {
		t.Fatal("Reschedule of a pending event failed")
	}
	if tm, ok := e.Time(c); !ok || tm != 0.5 {
		t.Fatalf("Time(c) = %g, %v", tm, ok)
	}
	if !e.Reschedule(a, 4) {
		t.Fatal("Reschedule later failed")
	}
	e.Run()
	if want := []int{3, 1}; !slices.Equal(got, want) {
		t.Fatalf("order = %v, want %v", got, want)
	}
	if e.Pending(a) || e.Cancel(a) || e.Reschedule(a, 10) {
		t.Fatal("a fired event must not be pending")
	}
	var zero Event
	if e.Pending(zero) || e.Cancel(zero) {
		t.Fatal("the zero Event must refer to no event")
	}
}

func TestStaleHandleAfterSlotReuse(t *testing.T) {
	t.Parallel()
	e := New()
	nop := func(int) {}
	a := e.At(1, Normal, nop, 0)
	e.Cancel(a)
	b := e.At(1, Normal, nop, 0) // reuses a's slot
	if e.Pending(a) || e.Cancel(a) {
		t.Fatal("stale handle affects the slot's new event")
	}
	if !e.Pending(b) {
		t.Fatal("new event lost")
	}
}

func TestRunUntilAndStop(t *testing.T) {
	t.Parallel()
	e := New()
	n := 0
	count := func(int) { n++ }
	for i := 1; i <= 10; i++ {
		e.At(float64(i), Normal, count, 0)
	}
	e.RunUntil(4.5)
	if n != 4 || e.Now() != 4.5 || e.Len() != 6 {
		t.Fatalf("after RunUntil(4.5): n = %d, Now = %g, Len = %d", n, e.Now(), e.Len())
	}
	e.At(6, Urgent, func(int) { e.Stop() }, 0)
	e.Run()
	if n != 5 || e.Now() != 6 {
		t.Fatalf("after Stop at 6: n = %d, Now = %g", n, e.Now())
	}
	e.RunUntil(100)
	if n != 10 || e.Now() != 100 {
		t.Fatalf("after RunUntil(100): n = %d, Now = %g", n, e.Now())
	}
}

func TestResetReusesMemory(t *testing.T) {
	t.Parallel()
	e := New()
	nop := func(int) {}
	h := e.At(5, Normal, nop, 0)
	e.At(6, Normal, nop, 0)
	e.RunUntil(1)
	e.Reset()
	if e.Len() != 0 || e.Now() != 0 || e.Pending(h) {
		t.Fatal("Reset left state behind")
	}
	e.At(1, Normal, nop, 0)
	e.Run()
	if e.Processed() != 1 {
		t.Fatalf("Processed = %d", e.Processed())
	}
}

func TestProgrammerErrorsPanic(t *testing.T) {
	t.Parallel()
	nop := func(int) {}
	for _, tc := range []struct {
		name string
		f    func(e *Env)
		want string
	}{
		{"past", func(e *Env) { e.RunUntil(2); e.At(1, Normal, nop, 0) }, "des: event scheduled in the past"},
		{"nan", func(e *Env) { e.At(math.NaN(), Normal, nop, 0) }, "des: NaN event time"},
		{"inf", func(e *Env) { e.At(math.Inf(1), Normal, nop, 0) }, "des: infinite event time"},
		{"negative delay", func(e *Env) { e.After(-1, Normal, nop, 0) }, "des: negative delay"},
		{"nan delay", func(e *Env) { e.After(math.NaN(), Normal, nop, 0) }, "des: NaN delay"},
		{"priority", func(e *Env) { e.At(1, 500, nop, 0) }, "des: priority out of range"},
		{"nil handler", func(e *Env) { e.At(1, Normal, nil, 0) }, "des: nil handler"},
		{"reschedule past", func(e *Env) {
			ev := e.At(5, Normal, nop, 0)
			e.RunUntil(2)
			e.Reschedule(ev, 1)
		}, "des: event rescheduled"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			defer func() {
				r := recover()
				s, _ := r.(string)
				if !strings.HasPrefix(s, tc.want) {
					t.Fatalf("panic = %v, want prefix %q", r, tc.want)
				}
			}()
			tc.f(New())
		})
	}
}

// TestHeapAgainstSort schedules, cancels and reschedules random events and
// checks that they fire in exactly the (time, priority, sequence) order.
func TestHeapAgainstSort(t *testing.T) {
	t.Parallel()
	rnd := rand.New(rand.NewPCG(1, 1))
	for round := 0; round < 50; round++ {
		e := New()
		type want struct {
			t    float64
			p    Priority
			seq  int
			live bool
			ev   Event
		}
		var ws []*want
		seq := 0
		var fired []int
		rec := func(i int) { fired = append(fired, i) }
		for i := 0; i < 300; i++ {
			// Coarse times force many ties.
			w := &want{t: float64(rnd.IntN(40)), p: Priority(rnd.IntN(3) - 1), seq: seq, live: true}
			seq++
			w.ev = e.At(w.t, w.p, rec, len(ws))
			ws = append(ws, w)
			switch rnd.IntN(5) {
			case 0:
				k := rnd.IntN(len(ws))
				if ws[k].live != e.Cancel(ws[k].ev) {
					t.Fatal("Cancel disagrees with the model")
				}
				ws[k].live = false
			case 1:
				k := rnd.IntN(len(ws))
				nt := float64(rnd.IntN(40))
				if ws[k].live != e.Reschedule(ws[k].ev, nt) {
					t.Fatal("Reschedule disagrees with the model")
				}
				if ws[k].live {
					ws[k].t, ws[k].seq = nt, seq
					seq++
				}
			}
		}
		var order []int
		for i, w := range ws {
			if w.live {
				order = append(order, i)
			}
		}
		slices.SortFunc(order, func(a, b int) int {
			x, y := ws[a], ws[b]
			switch {
			case x.t != y.t:
				if x.t < y.t {
					return -1
				}
				return 1
			case x.p != y.p:
				return int(x.p - y.p)
			default:
				return x.seq - y.seq
			}
		})
		e.Run()
		if !slices.Equal(fired, order) {
			t.Fatalf("round %d: fired %v\nwant %v", round, fired, order)
		}
	}
}

func TestQueue(t *testing.T) {
	t.Parallel()
	var q Queue[int]
	for i := 0; i < 40; i++ {
		q.Push(i)
	}
	q.PushFront(-1)
	if q.Len() != 41 || q.Peek() != -1 || q.At(40) != 39 {
		t.Fatal("queue contents wrong after pushes")
	}
	if x := q.RemoveAt(5); x != 4 {
		t.Fatalf("RemoveAt(5) = %d", x)
	}
	var got []int
	for q.Len() > 0 {
		got = append(got, q.Pop())
	}
	want := append([]int{-1, 0, 1, 2, 3}, func() []int {
		var s []int
		for i := 5; i < 40; i++ {
			s = append(s, i)
		}
		return s
	}()...)
	if !slices.Equal(got, want) {
		t.Fatalf("got %v", got)
	}
}
