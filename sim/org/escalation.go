package org

import "github.com/salesim/salesim/sim/des"

// Escalation (seed 001, "Reforma"): the callers of an information
// department see the fate of the requests they pass on and escalate a
// request that stalls. A role with [Escalate] watches the leads it passed
// to another role: a lead whose stage work has waited longer than After in
// the receiving role's queue is escalated — taken out of the person's or
// the pool's queue into the role's queue of escalated work, which every
// member takes before any other waiting work (it does not interrupt work
// in progress) — and counted for the escalating role (metric escalated).
// Configured by Role.Escalate (scenario key roles.<role>.escalate).

// Escalate is the escalation rule of a role that passes leads on.
type Escalate struct {
	After float64 // hours a passed lead's stage work may wait before it is escalated
}

func (e *Escalate) check(v *checker, f string) {
	v.hours(f+".After", e.After, 0, true)
}

type escalation struct {
	s     *Sim
	r     int32
	after float64
	h     des.Handler
}

func newEscalation(s *Sim, r int) rule {
	ro := &s.cfg.Roles[r]
	if ro.Escalate == nil {
		return nil
	}
	e := &escalation{s: s, r: int32(r), after: ro.Escalate.After}
	e.h = func(id int) { e.fire(int32(id)) }
	return e
}

func (e *escalation) name() string { return "escalation" }

// queued starts the clock of stage task id, queued for a lead the role
// passed on.
func (e *escalation) queued(id int32) {
	t := &e.s.work.tasks[id]
	t.esc = e.s.env.After(e.after, des.Normal, e.h, int(id))
}

// fire escalates task id if it is still waiting.
func (e *escalation) fire(id int32) {
	s := e.s
	t := &s.work.tasks[id]
	t.esc = des.Event{}
	if t.dead || !t.queued || t.remain >= 0 {
		return
	}
	if !e.escalate(id) {
		return
	}
	if s.recording {
		s.rec.add(cEscalated, int(e.r), s.month, 1)
	}
}

// escalate moves waiting task id from its queue to its role's queue of
// escalated work and offers it; it reports whether the task was found.
func (e *escalation) escalate(id int32) bool {
	s := e.s
	w := &s.work
	t := &w.tasks[id]
	q := &w.roles[t.role].q[t.act]
	if t.person >= 0 {
		q = w.personal(t.person, t.act)
	}
	at := -1
	for i := range q.Len() {
		if q.At(i) == id {
			at = i
			break
		}
	}
	if at < 0 {
		return false
	}
	q.RemoveAt(at)
	if t.person >= 0 {
		s.staff.people[t.person].waiting--
		t.person = -1
	}
	w.roles[t.role].esc.Push(id)
	w.offer(id)
	return true
}
