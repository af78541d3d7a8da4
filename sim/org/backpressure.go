package org

import (
	"fmt"

	"github.com/salesim/salesim/sim/des"
)

// Pause is back-pressure: a role's pulled work stops while role Watch has
// more than Above tasks waiting and restarts when it has at most Below.
// Activities, if any, restricts the count to tasks of those activities
// (the sellers' orders, seed 003); none counts every waiting task.
type Pause struct {
	Watch        RoleRef
	Above, Below int
	Activities   []ActivityRef
}

func (pz *Pause) check(v *checker, f string, self int, pulls bool) {
	if v.role(f+".Watch", pz.Watch, true) && pz.Watch.Index() == self {
		v.bad(f+".Watch", "a role cannot watch itself")
	}
	if v.count(f+".Above", pz.Above, 1) && v.count(f+".Below", pz.Below, 0) && pz.Below >= pz.Above {
		v.bad(f+".Below", "below %d must be less than above %d", pz.Below, pz.Above)
	}
	for i, a := range pz.Activities {
		v.activity(fmt.Sprintf("%s.Activities[%d]", f, i), a, true)
	}
	if !pulls {
		v.warn(f, "the role pulls no database: a pause stops only pulled work")
	}
}

// counts reports whether the pause counts waiting tasks of activity a.
func (pz *Pause) counts(a int32) bool {
	if len(pz.Activities) == 0 {
		return true
	}
	for _, x := range pz.Activities {
		if x.Index() == int(a) {
			return true
		}
	}
	return false
}

// backpressure pauses a role's pulled work ([Pause]) while the role it
// watches has more than Above tasks waiting, and resumes it once that role
// has at most Below: callers stop filling the closers' queues while the
// closers are swamped (seed 003). Pausing cuts every member's run of calls
// after the call in progress; resuming wakes the role's idle members.
type backpressure struct {
	s       *Sim
	paused  []bool // per role
	watched []int  // per role: the waiting tasks its pause counts
}

func (b *backpressure) bind(s *Sim) { b.s = s }

func (b *backpressure) reset() {
	n := len(b.s.cfg.Roles)
	if cap(b.paused) < n {
		b.paused = make([]bool, n)
	}
	b.paused = b.paused[:n]
	clear(b.paused)
	if cap(b.watched) < n {
		b.watched = make([]int, n)
	}
	b.watched = b.watched[:n]
	clear(b.watched)
}

// waitingChanged pauses or resumes the roles that watch role r, whose
// waiting tasks of activity act changed by d.
func (b *backpressure) waitingChanged(r int, act int32, d int) {
	s := b.s
	for _, w := range s.p.watchers[r] {
		pz := s.cfg.Roles[w].Pause
		if !pz.counts(act) {
			continue
		}
		b.watched[w] += d
		waiting := b.watched[w]
		switch {
		case !b.paused[w] && waiting > pz.Above:
			b.paused[w] = true
			for _, m := range s.staff.roles[w].members {
				s.calls.cutAfterCurrent(m)
			}
		case b.paused[w] && waiting <= pz.Below:
			b.paused[w] = false
			// Wake the paused role's idle people by an event rather than
			// now: this runs in the middle of someone taking a task.
			s.env.After(0, des.Normal, s.work.hWake, int(w))
		}
	}
}
