package des

import (
	"container/heap"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// refItem is an event in the reference calendar of
// TestCalendarAgainstReference.
type refItem struct {
	t   float64
	p   Priority
	seq int
	id  int
}

// refHeap is a binary heap from container/heap, ordered as the kernel's
// calendar must be; cancelled and rescheduled events stay in it and are
// skipped when they reach the top.
type refHeap []refItem

func (h refHeap) Len() int { return len(h) }
func (h refHeap) Less(i, j int) bool {
	a, b := h[i], h[j]
	if a.t != b.t {
		return a.t < b.t
	}
	if a.p != b.p {
		return a.p < b.p
	}
	return a.seq < b.seq
}
func (h refHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *refHeap) Push(x any)   { *h = append(*h, x.(refItem)) }
func (h *refHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// TestCalendarAgainstReference drives the calendar through its regimes —
// the heap alone, the ladder, rungs created and exhausted — with up to
// 30,000 pending events whose times mix minutes and months on a coarse
// grid (so that many fall at equal times), while handlers schedule, cancel
// and reschedule, and checks every event against a reference calendar:
// the order of firing, Len, Time and Pending.
func TestCalendarAgainstReference(t *testing.T) {
	t.Parallel()
	rnd := rand.New(rand.NewPCG(2, 7))
	e := New()
	type ev struct {
		h    Event
		t    float64
		p    Priority
		seq  int
		live bool
	}
	var evs []ev
	var ref refHeap
	seq, live := 0, 0
	// delay draws a skewed increment: 0 (a tie with now), minutes, hours
	// or months, on a grid of one minute so that times often coincide.
	delay := func() float64 {
		var d float64
		switch k := rnd.IntN(10); {
		case k == 0:
			return 0
		case k < 6:
			d = 5.0 / 60 * rnd.ExpFloat64()
		case k < 8:
			d = 4 * rnd.ExpFloat64()
		default:
			d = 30 * 24 * rnd.ExpFloat64()
		}
		return float64(int(d*60)) / 60
	}
	prio := func() Priority {
		if rnd.IntN(50) == 0 {
			return Priority(rnd.IntN(2))*(MaxPriority-MinPriority) + MinPriority
		}
		return Priority(rnd.IntN(3) - 1)
	}
	var fire Handler
	schedule := func(tm float64) {
		p := prio()
		id := len(evs)
		evs = append(evs, ev{h: e.At(tm, p, fire, id), t: tm, p: p, seq: seq, live: true})
		heap.Push(&ref, refItem{tm, p, seq, id})
		seq++
		live++
	}
	// pick returns a random live event, or -1 after a few misses.
	pick := func() int {
		for range 8 {
			if k := rnd.IntN(len(evs)); evs[k].live {
				return k
			}
		}
		return -1
	}
	// mutate schedules (30 %), cancels (30 %), reschedules (25 %) or checks
	// Time (15 %) at random; grow biases it towards scheduling.
	grow := true
	mutate := func() {
		r := rnd.IntN(20)
		if grow {
			// Schedule 80 % of the time, as r < 6 does 30 %.
			r = []int{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 12, 13, 14, 19}[r]
		}
		switch {
		case r < 6:
			schedule(e.Now() + delay())
		case r < 12:
			if k := pick(); k >= 0 {
				if !e.Cancel(evs[k].h) {
					t.Fatalf("Cancel(%d) of a pending event failed", k)
				}
				evs[k].live = false
				live--
			}
		case r < 17:
			if k := pick(); k >= 0 {
				nt := e.Now() + delay()
				if !e.Reschedule(evs[k].h, nt) {
					t.Fatalf("Reschedule(%d) of a pending event failed", k)
				}
				evs[k].t, evs[k].seq = nt, seq
				heap.Push(&ref, refItem{nt, evs[k].p, seq, k})
				seq++
			}
		default:
			k := rnd.IntN(len(evs))
			if tm, ok := e.Time(evs[k].h); ok != evs[k].live || ok && tm != evs[k].t {
				t.Fatalf("Time(%d) = %g, %v; want %g, %v", k, tm, ok, evs[k].t, evs[k].live)
			}
		}
	}
	fired, busy := 0, 1
	fire = func(id int) {
		for {
			x := heap.Pop(&ref).(refItem)
			if w := evs[x.id]; w.live && w.seq == x.seq {
				if x.id != id {
					t.Fatalf("event %d: fired %d (t=%g p=%d), want %d (t=%g p=%d)",
						fired, id, evs[id].t, evs[id].p, x.id, x.t, x.p)
				}
				break
			}
		}
		if e.Now() != evs[id].t || e.Pending(evs[id].h) {
			t.Fatalf("event %d at Now = %g, want %g, and not pending", id, e.Now(), evs[id].t)
		}
		evs[id].live = false
		live--
		fired++
		for range rnd.IntN(4) * busy {
			mutate()
		}
		if busy > 0 && rnd.IntN(3000) == 0 {
			// A burst of distinct times just after now: it lands in the
			// heap, which must move to a new rung of the ladder.
			for range 300 {
				schedule(e.Now() + rnd.Float64()*1e-4)
			}
		}
	}
	for range 12000 {
		schedule(delay())
	}
	// Two cycles of growth and shrinkage; one in -short mode.
	target := 600000
	if testing.Short() {
		target = 150000
	}
	maxLen := 0
	for round := 0; fired < target; round++ {
		// Alternate phases that grow and shrink the calendar between
		// about 20 and 30,000 events, so that it moves between the heap
		// alone and the ladder.
		if live > 30000 {
			grow = false
		} else if live < 20 {
			grow = true
		}
		switch rnd.IntN(10) {
		case 0:
			// A short horizon: while the calendar grows, each event
			// schedules more than one, so a long one would not end.
			e.RunUntil(e.Now() + rnd.Float64()/60)
		case 1:
			mutate()
		default:
			if !e.Step() {
				t.Fatal("Step found no event")
			}
		}
		if e.Len() != live {
			t.Fatalf("round %d: Len = %d, want %d", round, e.Len(), live)
		}
		maxLen = max(maxLen, live)
	}
	busy = 0 // let Run empty the calendar
	e.Run()
	if e.Len() != 0 || live != 0 {
		t.Fatalf("after Run: Len = %d, live = %d", e.Len(), live)
	}
	t.Logf("%d events fired, up to %d pending", fired, maxLen)
}

// TestRunFromHandler checks that a handler may itself call RunUntil and
// Step, with few pending events (the heap alone) and with many (the
// ladder).
func TestRunFromHandler(t *testing.T) {
	t.Parallel()
	for _, n := range []int{3, 1000} {
		e := New()
		var got []float64
		rec := func(int) { got = append(got, e.Now()) }
		for i := range n {
			e.At(10+float64(i), Normal, rec, 0)
		}
		e.At(2, Normal, rec, 0)
		e.At(3, Normal, rec, 0)
		e.At(4, Normal, rec, 0)
		e.At(1, Normal, func(int) {
			e.RunUntil(2.5) // fires the event at 2 only
			if e.Now() != 2.5 || len(got) != 1 {
				t.Errorf("n=%d: RunUntil(2.5) in a handler: Now = %g, fired %v", n, e.Now(), got)
			}
			e.Step() // fires the event at 3
		}, 0)
		e.Run()
		if len(got) != n+3 || got[0] != 2 || got[1] != 3 || got[2] != 4 || e.Len() != 0 {
			t.Fatalf("n=%d: fired at %v..., Len = %d", n, got[:min(len(got), 5)], e.Len())
		}
	}
}

// TestLadderBackToHeap checks that the calendar, having grown into the
// ladder, returns to the heap alone when few events remain.
func TestLadderBackToHeap(t *testing.T) {
	t.Parallel()
	rnd := rand.New(rand.NewPCG(3, 3))
	e := New()
	last := 0.0
	check := func(int) {
		if e.Now() < last {
			t.Fatalf("time went back from %g to %g", last, e.Now())
		}
		last = e.Now()
	}
	var hold Handler
	hold = func(int) {
		check(0)
		e.After(rnd.ExpFloat64(), Normal, hold, 0)
	}
	for range 1000 {
		e.At(100*rnd.Float64(), Normal, check, 0)
	}
	for range 5 {
		e.At(rnd.ExpFloat64(), Normal, hold, 0)
	}
	if e.ladder.empty() {
		t.Fatal("1005 events and the ladder is empty")
	}
	e.RunUntil(1000)
	if e.Len() != 5 || !e.ladder.empty() || len(e.heap) != 5 {
		t.Fatalf("Len = %d, heap %d, ladder empty %v; want the 5 hold events in the heap", e.Len(), len(e.heap), e.ladder.empty())
	}
}

// TestNegativeZeroTime checks that -0, which At accepts at time 0, is
// ordered as 0: the calendar compares the bit patterns of times.
func TestNegativeZeroTime(t *testing.T) {
	t.Parallel()
	e := New()
	var got []int
	rec := func(i int) { got = append(got, i) }
	e.At(1, Normal, rec, 2)
	e.At(math.Copysign(0, -1), Normal, rec, 0)
	e.At(0, Normal, rec, 1)
	e.Run()
	if !slices.Equal(got, []int{0, 1, 2}) {
		t.Fatalf("order = %v, want [0 1 2]", got)
	}
}
