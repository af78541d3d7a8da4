package org

import (
	"cmp"
	"math"
	"slices"

	"github.com/salesim/salesim/sim/des"
)

// Taking work. A task that arrives is offered at once (offer): to its
// person if they are free, to an idle colleague if the role covers an
// absent person, to someone who is calling (after the call in progress),
// or, for an interrupting activity, to someone busy with work of lower
// priority, which is preempted and resumes later with the work left. A
// person who becomes free takes the next task (next, pick): activities by
// priority, within a priority the task that has waited longest (their own
// before the pool's on a tie), within what their calendar span allows;
// of several idle people, the role's Pick says who takes it (hunt);
// with nothing waiting they pull outbound work (calls.go) or idle. Work
// starts after the switching cost of a change of kind (switching.go) and
// takes the sampled duration divided by speed, ramp-up and fatigue.

// setBusy marks person p busy or free, keeping the role's count.
func (w *work) setBusy(p int32, b bool) {
	pp := &w.s.staff.people[p]
	if pp.busy == b {
		return
	}
	pp.busy = b
	if b {
		w.roles[pp.role].busy++
	} else {
		w.roles[pp.role].busy--
		pp.freeAt = w.s.env.Now()
	}
}

// hunt returns role r's members in the order in which idle ones are
// offered work, by the role's Pick: the members as they are for
// PickFirst; for PickLongestIdle, idle longest first (since their last
// work or their hire), by post on a tie. The slice is reused by the next
// call.
func (w *work) hunt(r int32) []int32 {
	s := w.s
	members := s.staff.roles[r].members
	if s.cfg.Roles[r].Pick != PickLongestIdle {
		return members
	}
	w.order = append(w.order[:0], members...)
	since := func(m int32) float64 {
		pp := &s.staff.people[m]
		return math.Max(pp.freeAt, pp.hired)
	}
	slices.SortStableFunc(w.order, func(a, b int32) int { return cmp.Compare(since(a), since(b)) })
	return w.order
}

// canTake reports whether p would start work on activity a now.
func (w *work) canTake(p int32, a int32) bool {
	s := w.s
	pp := &s.staff.people[p]
	return !pp.busy && !pp.idling && s.cal.onDuty(p) && s.cfg.Roles[pp.role].Speed[a] > 0 && s.cal.allowed(p, a)
}

// offer finds someone to take task id now: its person if available, an
// idle colleague, or someone to interrupt.
func (w *work) offer(id int32) {
	s := w.s
	t := &w.tasks[id]
	act := &s.cfg.Activities[t.act]
	if t.person >= 0 {
		p := t.person
		if w.canTake(p, t.act) {
			w.next(p)
			return
		}
		if s.cfg.Roles[t.role].Cover && !s.staff.present(p) {
			for _, m := range w.hunt(t.role) {
				if m != p && w.canTake(m, t.act) {
					w.next(m)
					return
				}
			}
		}
		if act.Interrupts && w.interruptible(p, act.Priority) {
			w.preempt(p)
			w.next(p)
			return
		}
		if s.staff.people[p].run && s.cfg.Roles[t.role].Speed[t.act] > 0 && !s.cal.keepsRun(p, t.act) {
			s.calls.cutAfterCurrent(p)
		}
		return
	}
	rs := &w.roles[t.role]
	members := s.staff.roles[t.role].members
	if rs.busy < s.staff.roles[t.role].staff { // somebody may be free to take it
		for _, m := range w.hunt(t.role) {
			if w.canTake(m, t.act) {
				w.next(m)
				return
			}
		}
	}
	if !act.Interrupts {
		if rs.running == 0 {
			return
		}
		// Someone calling will take it when the call in progress ends.
		best, bestEnd := int32(-1), math.Inf(1)
		for _, m := range members {
			if s.staff.people[m].run && s.cal.onDuty(m) && s.cal.allowed(m, t.act) && !s.cal.keepsRun(m, t.act) {
				if e := s.calls.runs[m][s.calls.current(m)].end; e < bestEnd {
					best, bestEnd = m, e
				}
			}
		}
		if best >= 0 {
			s.calls.cutAfterCurrent(best)
		}
		return
	}
	best, bestPrio := int32(-1), act.Priority
	for _, m := range members {
		if w.interruptible(m, bestPrio) {
			best, bestPrio = m, s.cfg.Activities[w.curAct(m)].Priority
		}
	}
	if best >= 0 {
		w.preempt(best)
		w.next(best)
	}
}

// interruptible reports whether person p is busy with work of lower
// priority (a larger number) than prio: interrupting work preempts any
// work of lower priority, interrupting work included (preemptive-resume
// priority).
func (w *work) interruptible(p int32, prio int) bool {
	s := w.s
	pp := &s.staff.people[p]
	if !pp.busy || !s.cal.onDuty(p) || pp.joins != 0 {
		return false
	}
	return s.cfg.Activities[w.curAct(p)].Priority > prio
}

// curAct returns the activity of p's work in hand.
func (w *work) curAct(p int32) int32 {
	s := w.s
	pp := &s.staff.people[p]
	if pp.run {
		return s.calls.runs[p][s.calls.current(p)].act
	}
	return w.tasks[pp.cur].act
}

// pick removes and returns the task person p should do next, or -1.
// Activities are tried by priority; within a priority the task waiting
// longest wins, the person's own tasks before the pool's on a tie.
func (w *work) pick(p int32) int32 {
	s := w.s
	pp := &s.staff.people[p]
	r := pp.role
	ro := &w.roles[r]
	acts := s.p.roleActs[r]
	members := s.staff.roles[r].members
	cover := s.cfg.Roles[r].Cover && s.staff.roles[r].absent > 0
	if id := w.front(&ro.esc); id >= 0 && s.cal.allowed(p, w.tasks[id].act) && s.cfg.Roles[r].Speed[w.tasks[id].act] > 0 {
		ro.esc.Pop()
		w.setWaiting(int(r), w.tasks[id].act, -1)
		return id
	}
	for i := 0; i < len(acts); {
		prio := s.cfg.Activities[acts[i]].Priority
		var best int32 = -1
		var bestQ *des.Queue[int32]
		var bestAvail float64
		for ; i < len(acts) && s.cfg.Activities[acts[i]].Priority == prio; i++ {
			a := acts[i]
			if !s.cal.allowed(p, a) {
				continue
			}
			q := w.personal(p, a)
			if id := w.front(q); id >= 0 && (best < 0 || w.tasks[id].avail < bestAvail) {
				best, bestQ, bestAvail = id, q, w.tasks[id].avail
			}
			q = &ro.q[a]
			if id := w.front(q); id >= 0 && (best < 0 || w.tasks[id].avail < bestAvail) {
				best, bestQ, bestAvail = id, q, w.tasks[id].avail
			}
			if cover {
				for _, m := range members {
					if m != p && !s.staff.present(m) {
						q := w.personal(m, a)
						if id := w.front(q); id >= 0 && (best < 0 || w.tasks[id].avail < bestAvail) {
							best, bestQ, bestAvail = id, q, w.tasks[id].avail
						}
					}
				}
			}
		}
		if best >= 0 {
			bestQ.Pop()
			if o := w.tasks[best].person; o >= 0 {
				s.staff.people[o].waiting--
			}
			w.setWaiting(int(r), w.tasks[best].act, -1)
			return best
		}
	}
	return -1
}

// next gives person p work if p is free to work: a waiting task, else
// pulled work, else p idles.
func (w *work) next(p int32) {
	pp := &w.s.staff.people[p]
	if pp.busy || pp.idling || !w.s.cal.onDuty(p) {
		return
	}
	if w.s.p.preferred && w.s.cal.nextInBlock(p) {
		return
	}
	if id := w.pick(p); id >= 0 {
		w.start(p, id)
		return
	}
	w.s.calls.pull(p)
	if w.s.p.boosts && w.s.p.joiner[pp.role] {
		w.s.joint.joinNow(p) // joint.go
	}
}

// wakeRole offers work to every idle member of role r.
func (w *work) wakeRole(r int) {
	order := w.hunt(int32(r))
	if w.s.cfg.Roles[r].Pick != PickFirst {
		// next may offer work, which hunts again: keep this order apart.
		w.wake = append(w.wake[:0], order...)
		order = w.wake
	}
	for _, m := range order {
		w.next(m)
	}
}

// start sets person p to work on task id.
func (w *work) start(p int32, id int32) {
	s := w.s
	s.staff.acct(p)
	pp := &s.staff.people[p]
	t := &w.tasks[id]
	r := pp.role
	now := s.env.Now()
	act := &s.cfg.Activities[t.act]
	role := &s.cfg.Roles[r]
	if t.remain < 0 {
		t.started = now
	}
	if t.queued && t.remain < 0 {
		if t.pat != (des.Event{}) {
			s.env.Cancel(t.pat)
			t.pat = des.Event{}
		}
		if t.esc != (des.Event{}) {
			s.env.Cancel(t.esc)
			t.esc = des.Event{}
		}
		if s.recording {
			rs := &w.roles[r]
			rs.waitSum += now - t.avail
			rs.waitN++
			s.rec.svc.waited(int(r), s.rec.nRole-1, int(t.act), now-t.avail)
		}
		if t.kind == tkStage {
			s.funnel.responded(t.acct, r)
		}
	}
	if t.acct >= 0 && s.recording {
		s.hand.reached(t.acct, r)
	}
	kind := int32(s.p.actKind[t.act])
	setup := s.p.setupTime(r, pp.lastKind, kind)
	base := t.remain
	if base < 0 {
		if t.acct >= 0 {
			a := &s.accts.list[t.acct]
			base = keyedSample(&act.Duration, a.key, drawWork, a.works)
			a.works++
			if s.p.sizeRef[t.act] != 0 {
				base *= s.p.sizeFactor(t.act, a.size)
			}
		} else {
			base = act.Duration.Sample(s.rnd.work)
		}
		base /= role.Speed[t.act] * s.p.pieceSpeed[r][t.act]
		if s.p.speedGain {
			base /= s.cal.speedGain(p, t.act)
		}
		if role.RampMode != RampConversion {
			base /= s.staff.rampAt(p, now)
		}
	}
	slow := 1.0
	if act.Fatigue && role.Fatigue.Speed > 0 {
		slow = 1 / s.staff.fatigueAt(p, role.Fatigue.Speed, now)
	}
	w.setBusy(p, true)
	pp.cur = id
	pp.segStart = now
	pp.setupEnd = now + setup
	pp.slow = slow
	pp.base = base
	pp.lastKind = kind
	pp.done = s.env.After(setup+base*slow, des.Normal, w.hDone, int(p))
	if s.p.boosts {
		pp.boost = s.cal.convertGain(p, t.act)
		if act.Join != nil {
			pp.boost *= s.joint.join(p, t.act, t.remain < 0)
		}
	}
}

// preempt stops person p's work in hand and puts it back at the front of
// its queue with the work left; a pulled call is abandoned.
func (w *work) preempt(p int32) {
	s := w.s
	pp := &s.staff.people[p]
	if !pp.busy {
		return
	}
	if pp.run {
		s.calls.preemptRun(p)
		return
	}
	if pp.joins != 0 { // joint.go
		s.joint.leave(p)
		return
	}
	s.staff.acct(p)
	id := pp.cur
	t := &w.tasks[id]
	worked := math.Max(0, s.env.Now()-pp.setupEnd) / pp.slow
	t.remain = math.Max(0, pp.base-worked)
	s.env.Cancel(pp.done)
	w.setBusy(p, false)
	pp.cur = -1
	person := t.person
	if person >= 0 && !s.staff.people[person].employed {
		person = -1
	}
	joiner := int32(-1)
	if pp.joined != 0 {
		joiner = s.joint.unjoin(p) // joint.go
	}
	w.push(id, t.role, person)
	if joiner >= 0 {
		w.next(joiner)
	}
}

// onDone finishes person p's work in hand.
func (w *work) onDone(p int32) {
	s := w.s
	s.staff.acct(p)
	pp := &s.staff.people[p]
	if pp.run {
		s.calls.runDone(p)
		return
	}
	id := pp.cur
	joiner := int32(-1)
	if pp.joined != 0 {
		joiner = s.joint.unjoin(p) // joint.go
	}
	w.setBusy(p, false)
	pp.cur = -1
	t := w.tasks[id]
	r := int(pp.role)
	if s.recording {
		s.rec.add(cTasks, r, s.month, 1)
		s.rec.countDone(r, int(t.act), 1)
		s.rec.posts.add(s, p, pvTasks, 1)
		s.rec.posts.add(s, p, pvDone+int(t.act), 1)
		s.clients.paid(p, r, t.act, 1)
		if s.p.judging {
			s.judge.done(p, t.act, t.acct, 1)
		}
	}
	if t.queued {
		w.levelInSys(int(t.role), -1)
	}
	w.freeTaskID(id)
	switch t.kind {
	case tkStage:
		s.funnel.stageDone(p, &t)
	case tkOrder:
		s.clients.orderDone(&t)
	case tkCare:
		s.clients.careDone(&t)
	case tkSale, tkClaim:
	}
	w.next(p)
	if joiner >= 0 {
		w.next(joiner)
	}
}

// onPatience: a queued task waited too long. The dead task stays in its
// queue until popped (front drops it).
func (w *work) onPatience(id int32) {
	s := w.s
	t := &w.tasks[id]
	t.pat = des.Event{}
	t.dead = true
	if t.esc != (des.Event{}) {
		s.env.Cancel(t.esc)
		t.esc = des.Event{}
	}
	if o := t.person; o >= 0 {
		s.staff.people[o].waiting--
	}
	w.setWaiting(int(t.role), t.act, -1)
	w.levelInSys(int(t.role), -1)
	if s.recording {
		s.rec.svc.abandoned(int(t.role), s.rec.nRole-1, int(t.act))
	}
	switch t.kind {
	case tkStage:
		if a := &s.accts.list[t.acct]; a.gen == t.gen && a.state == stLead {
			s.funnel.goneCold(t.acct, t.role)
		}
	case tkOrder, tkClaim:
		if a := &s.accts.list[t.acct]; a.gen == t.gen && a.state == stClient {
			s.clients.waitedTooLong(t.acct, t.kind == tkOrder)
		}
	case tkCare:
		if a := &s.accts.list[t.acct]; a.gen == t.gen && a.state == stClient {
			s.clients.careWaitedTooLong(t.acct)
		}
	}
}
