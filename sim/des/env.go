package des

import "math"

// A Handler is called when its event fires, with the argument given when the
// event was scheduled.
type Handler func(arg int)

// Priority orders events that fall at the same time: lower fires first.
// It must lie in [MinPriority, MaxPriority].
type Priority int

// Priorities used across the project. Calendar changes (shift starts and
// ends) are Urgent so that work arriving at the same instant sees the new
// shift; the end of a run is Late so that everything at the horizon happens
// before it.
const (
	Urgent Priority = -1
	Normal Priority = 0
	Late   Priority = 1

	MinPriority Priority = -128
	MaxPriority Priority = 127
)

// An Event is a handle to a scheduled event. The zero Event refers to no
// event. A handle stays safe to use after its event has fired or been
// cancelled: [Env.Cancel] and [Env.Reschedule] then report false.
type Event struct {
	id  int32 // slot index + 1; 0 means no event
	gen uint32
}

// entry is one element of the heap. tb is the bit pattern of the event
// time, which orders as the time does because times are never negative;
// key packs the priority (high 8 bits, offset by 128) and the sequence
// number (low 56 bits). Comparing (tb, key) as one 128-bit number gives
// the order of firing.
type entry struct {
	tb   uint64
	key  uint64
	slot int32
}

// slot is the record of a scheduled event, found from its handle. An event
// is either in the heap, at heap[pos], or in the list of one bucket of the
// ladder (see ladder.go), with its time and key in tb and key.
type slot struct {
	h          Handler
	arg        int
	tb, key    uint64 // while in a bucket
	next, prev int32  // neighbours in the bucket's list, as slot index + 1
	pos        int32  // index in Env.heap while in the heap
	where      int32  // inHeap, notPending, or the bucket
	gen        uint32
}

const (
	inHeap     = -1
	notPending = -2
)

const seqBits = 56

// Env is a simulation environment: a clock and an event calendar.
// An Env must be used by one goroutine at a time; run replications in
// parallel with one Env each.
type Env struct {
	_         [64]byte // padding: see below
	now       float64
	seq       uint64
	n         int // pending events
	heap      []entry
	hole      bool // heap[0] has fired and not been replaced yet
	ladder         // events later than those in the heap
	slots     []slot
	free      []int32
	stopped   bool
	processed uint64
	// Envs of parallel replications are often allocated side by side;
	// the padding keeps the fields every event writes off the cache lines
	// of a neighbour (false sharing halved throughput with two workers).
	_ [64]byte
}

// New returns an empty environment with the clock at 0.
func New() *Env { return &Env{} }

// Now returns the current simulated time in hours.
func (e *Env) Now() float64 { return e.now }

// Len returns the number of pending events.
func (e *Env) Len() int { return e.n }

// Processed returns the number of events that have fired.
func (e *Env) Processed() uint64 { return e.processed }

// Reset empties the calendar and sets the clock to 0, keeping the memory
// already allocated, so that one Env can run many replications without
// growing again. Handles from before the reset refer to no event.
func (e *Env) Reset() {
	for i := range e.slots {
		if s := &e.slots[i]; s.where != notPending {
			s.h = nil
			s.where = notPending
			s.gen++
			e.free = append(e.free, int32(i))
		}
	}
	e.heap = e.heap[:0]
	e.hole = false
	e.ladder.reset()
	e.n = 0
	e.now, e.seq, e.stopped, e.processed = 0, 0, false, 0
}

// At schedules h(arg) at absolute time t with priority p and returns its
// handle. It panics if t is before Now, NaN or infinite, if p is out of
// range, or if h is nil.
func (e *Env) At(t float64, p Priority, h Handler, arg int) Event {
	if !(t >= e.now) || t > math.MaxFloat64 {
		if math.IsNaN(t) {
			panic("des: NaN event time")
		}
		if math.IsInf(t, 1) {
			panic("des: infinite event time")
		}
		panic("des: event scheduled in the past")
	}
	if h == nil {
		panic("des: nil handler")
	}
	key := e.key(p)
	var id int32
	if n := len(e.free); n > 0 {
		id = e.free[n-1]
		e.free = e.free[:n-1]
	} else {
		id = int32(len(e.slots))
		e.slots = append(e.slots, slot{where: notPending})
	}
	s := &e.slots[id]
	s.h, s.arg = h, arg
	e.n++
	x := entry{tb: math.Float64bits(t + 0), key: key, slot: id} // + 0 turns -0 into +0
	if e.ladder.empty() {
		e.pushHeap(x)
	} else {
		e.place(x)
	}
	return Event{id: id + 1, gen: s.gen}
}

// After schedules h(arg) at Now+d with priority p. It panics if d is
// negative or NaN, and as [Env.At] does.
func (e *Env) After(d float64, p Priority, h Handler, arg int) Event {
	if d < 0 {
		panic("des: negative delay")
	}
	if d != d {
		panic("des: NaN delay")
	}
	return e.At(e.now+d, p, h, arg)
}

func (e *Env) key(p Priority) uint64 {
	if p < MinPriority || p > MaxPriority {
		panic("des: priority out of range")
	}
	e.seq++
	return uint64(int64(p)-int64(MinPriority))<<seqBits | e.seq
}

// lookup returns the slot of a pending event, or nil.
func (e *Env) lookup(ev Event) *slot {
	if ev.id <= 0 || int(ev.id) > len(e.slots) {
		return nil
	}
	s := &e.slots[ev.id-1]
	if s.gen != ev.gen || s.where == notPending {
		return nil
	}
	return s
}

// Pending reports whether ev is scheduled and has not fired or been
// cancelled.
func (e *Env) Pending(ev Event) bool { return e.lookup(ev) != nil }

// Time returns the time at which a pending event will fire, and false if
// ev is not pending.
func (e *Env) Time(ev Event) (float64, bool) {
	s := e.lookup(ev)
	if s == nil {
		return 0, false
	}
	if s.where == inHeap {
		return math.Float64frombits(e.heap[s.pos].tb), true
	}
	return math.Float64frombits(s.tb), true
}

// Cancel removes a pending event from the calendar and reports whether it
// was pending.
func (e *Env) Cancel(ev Event) bool {
	s := e.lookup(ev)
	if s == nil {
		return false
	}
	e.unlink(ev.id-1, s)
	s.h = nil // don't keep the callback's closure alive
	s.where = notPending
	s.gen++
	e.free = append(e.free, ev.id-1)
	e.n--
	return true
}

// Reschedule moves a pending event to time t, keeping its handler,
// argument and priority, and reports whether it was pending. The event
// takes a new sequence number, as if it had been scheduled now. It panics
// for a time At would refuse.
func (e *Env) Reschedule(ev Event, t float64) bool {
	s := e.lookup(ev)
	if s == nil {
		return false
	}
	if !(t >= e.now) || t > math.MaxFloat64 {
		panic("des: event rescheduled in the past or to a non-finite time")
	}
	tb := math.Float64bits(t + 0)
	if s.where == inHeap && (e.ladder.empty() || e.route(tb) == inHeap) {
		// It stays in the heap: move it there.
		if e.hole {
			e.fill()
		}
		i := int(s.pos)
		x := &e.heap[i]
		old := x.tb
		x.tb, x.key = tb, e.key(priority(x.key))
		if tb < old {
			e.up(i)
		} else {
			e.down(i)
		}
		return true
	}
	x := e.unlink(ev.id-1, s)
	x.tb, x.key = tb, e.key(priority(x.key))
	e.place(x)
	return true
}

func priority(key uint64) Priority {
	return Priority(int64(key>>seqBits) + int64(MinPriority))
}

// Step fires the next event, advancing the clock to its time, and reports
// whether there was one.
func (e *Env) Step() bool {
	if e.hole {
		e.fill() // Step called by a handler
	}
	if len(e.heap) == 0 && !e.refill() {
		return false
	}
	top := e.heap[0]
	s := &e.slots[top.slot]
	h, arg := s.h, s.arg
	s.h = nil
	s.where = notPending
	s.gen++
	e.free = append(e.free, top.slot)
	// The root stays in place until the handler schedules an event, which
	// takes its place with a single sift down, or returns.
	e.hole = true
	e.n--
	e.now = math.Float64frombits(top.tb)
	e.processed++
	h(arg)
	if e.hole {
		e.fill()
	}
	return true
}

// Run fires events until the calendar is empty or a handler calls
// [Env.Stop].
func (e *Env) Run() {
	e.stopped = false
	for !e.stopped && e.Step() {
	}
}

// RunUntil fires every event due at or before t, unless a handler calls
// [Env.Stop] first, and then sets the clock to t if it is later than the
// last event. Events after t stay pending, so RunUntil may be called again
// with a later time to continue.
func (e *Env) RunUntil(t float64) {
	RunUntilAtMost(e, t, -1)
}

// RunUntilAtMost is e.RunUntil(t) that fires at most n events (any
// number for n < 0), so that a caller can look at the time or at the
// state between slices of a long run. It reports whether it finished:
// reached t (the clock is then set to t) or was stopped; otherwise a
// later call continues exactly where it left off, and the events fire
// in the same order as in one call. (A function, not a method: Env keeps
// to 32 methods.)
func RunUntilAtMost(e *Env, t float64, n int) bool {
	if t != t {
		panic("des: NaN stop time")
	}
	e.stopped = false
	for !e.stopped {
		if e.hole {
			e.fill() // RunUntil called by a handler
		}
		if len(e.heap) == 0 && !e.refill() || math.Float64frombits(e.heap[0].tb) > t {
			break
		}
		if n == 0 {
			return false
		}
		n--
		e.Step()
	}
	if !e.stopped && t > e.now {
		e.now = t
	}
	return true
}

// Stop makes the running [Env.Run] or [Env.RunUntil] return after the
// current event.
func (e *Env) Stop() { e.stopped = true }
