package org

import (
	"math"

	"github.com/salesim/salesim/sim/des"
)

// Task kinds.
const (
	tkStage = iota // work a lead at its stage
	tkOrder        // handle a repeat order
	tkSale         // paperwork of a won deal
	tkCare         // proactive contact with a client
	tkClaim        // a client's claim
)

// task is a piece of work. Tasks live in Sim.tasks and are referred to by
// index; a free list recycles them.
type task struct {
	kind    uint8
	queued  bool // pushed work (counts in queues and in system)
	dead    bool // reneged while queued: skipped when popped
	act     int32
	acct    int32 // account
	gen     uint32
	stage   int32
	role    int32 // role whose queues hold it
	person  int32 // personal queue owner, or -1 for the role's pool
	avail   float64
	started float64 // when work on it first started
	remain  float64 // base work left after a preemption; −1: not started
	margin  float64
	pat     des.Event
}

type roleState struct {
	members []int32            // people of the role, vacancies included
	q       []des.Queue[int32] // pool queues per activity
	waiting int                // live queued tasks, pool and personal
	inSys   int                // queued tasks waiting or in service
	since   float64
	area    float64 // in-system task-hours since the last flush
	waitSum float64 // queue waits of tasks started since the last flush
	waitN   float64
	paused  bool
	absent  int // members absent or vacant: cover looks only then
	target  int // headcount wanted: refills stop at it
	staff   int // members employed
	busy    int // members busy (work in hand or a run of calls)
	running int // members in a run of calls
	rr      int
	groups  []int32
}

func (s *Sim) newTask(kind uint8, act, acct int32) int32 {
	var id int32
	if n := len(s.freeTask); n > 0 {
		id = s.freeTask[n-1]
		s.freeTask = s.freeTask[:n-1]
	} else {
		id = int32(len(s.tasks))
		s.tasks = append(s.tasks, task{})
	}
	t := &s.tasks[id]
	*t = task{kind: kind, act: act, acct: acct, remain: -1, person: -1}
	if acct >= 0 {
		t.gen = s.accts[acct].gen
	}
	return id
}

// freeTaskID recycles a task that is in no queue and in no one's hands;
// newTask overwrites it whole.
func (s *Sim) freeTaskID(id int32) {
	s.freeTask = append(s.freeTask, id)
}

// levelInSys adds d to role r's count of tasks in system, accumulating the
// time-average first.
func (s *Sim) levelInSys(r int, d int) {
	ro := &s.roles[r]
	now := s.env.Now()
	if s.recording && now > ro.since {
		ro.area += float64(ro.inSys) * (now - ro.since)
	}
	ro.since = now
	ro.inSys += d
}

// flushRole moves role r's accumulated queue statistics to the recorder.
func (s *Sim) flushRole(r int) {
	s.levelInSys(r, 0)
	ro := &s.roles[r]
	if ro.area != 0 || ro.waitN != 0 {
		s.rec.add(cInSysArea, r, s.month, ro.area)
		s.rec.add(cWaitSum, r, s.month, ro.waitSum)
		s.rec.add(cWaitN, r, s.month, ro.waitN)
		ro.area, ro.waitSum, ro.waitN = 0, 0, 0
	}
}

func (s *Sim) setWaiting(r int, d int) {
	ro := &s.roles[r]
	ro.waiting += d
	for _, w := range s.p.watchers[r] {
		wr := &s.roles[w]
		pz := s.cfg.Roles[w].Pause
		switch {
		case !wr.paused && ro.waiting > pz.Above:
			wr.paused = true
			for _, m := range wr.members {
				s.cutAfterCurrent(m)
			}
		case wr.paused && ro.waiting <= pz.Below:
			wr.paused = false
			// Wake the paused role's idle people by an event rather than
			// now: this runs in the middle of someone taking a task.
			s.env.After(0, des.Normal, s.h, enc(evUnpause, int(w)))
		}
	}
}

// route returns the role and person that do activity act for account a.
// person is -1 for the role's pool.
func (s *Sim) route(a *account, act int32) (role, person int32) {
	role = s.p.route[a.role][act]
	if role < 0 {
		return -1, -1
	}
	if s.roles[role].staff == 0 {
		// Nobody holds the role (a reorganisation emptied it): the work
		// goes to the first staffed role that can do it, if any.
		if alt := s.staffedDoer(act); alt >= 0 {
			role = alt
		}
	}
	ro := &s.cfg.Roles[role]
	switch {
	case role == a.role:
		if ro.Personal && a.owner >= 0 {
			return role, a.owner
		}
		return role, -1
	case s.p.pairRoute[a.role][act] && a.owner >= 0:
		return role, s.partner(a.owner, role)
	}
	if ro.Personal {
		return role, s.leastQueued(role)
	}
	return role, -1
}

// setBusy marks person p busy or free, keeping the role's count.
func (s *Sim) setBusy(p int32, b bool) {
	pp := &s.people[p]
	if pp.busy == b {
		return
	}
	pp.busy = b
	if b {
		s.roles[pp.role].busy++
	} else {
		s.roles[pp.role].busy--
	}
}

// staffedDoer returns the first role with people that performs act, or -1.
func (s *Sim) staffedDoer(act int32) int32 {
	for _, r := range s.p.doers[act] {
		if s.roles[r].staff > 0 {
			return r
		}
	}
	return -1
}

// partner returns the person of role r at the same position as person p in
// its own role, or -1.
func (s *Sim) partner(p, r int32) int32 {
	pos := s.people[p].slot
	m := s.roles[r].members
	if pos < len(m) && s.people[m[pos]].employed {
		return m[pos]
	}
	return -1
}

// leastQueued returns the employed member of r with the fewest personal
// tasks waiting, or -1.
func (s *Sim) leastQueued(r int32) int32 {
	best, bestN := int32(-1), math.MaxInt
	for _, m := range s.roles[r].members {
		p := &s.people[m]
		if p.employed && p.waiting < bestN {
			best, bestN = m, p.waiting
		}
	}
	return best
}

// push queues task id for its account's route (or the given role/person
// when role >= 0) and gets someone to work on it.
func (s *Sim) push(id int32, role, person int32) {
	t := &s.tasks[id]
	if role < 0 {
		role, person = s.route(&s.accts[t.acct], t.act)
		if role < 0 {
			panic("org: task with no role to do it") // Compile checks reachability
		}
	}
	t.role, t.person = role, person
	fresh := !t.queued
	t.queued = true
	if fresh {
		t.avail = s.env.Now()
		s.levelInSys(int(role), +1)
		if pat := &s.cfg.Activities[t.act].Patience; !pat.IsZero() {
			t.pat = s.env.After(pat.Sample(s.rDelay), des.Normal, s.h, enc(evPatience, int(id)))
		}
	}
	if person >= 0 {
		q := &s.pq[int(person)*s.p.nAct+int(t.act)]
		if fresh {
			q.Push(id)
		} else {
			q.PushFront(id)
		}
		s.people[person].waiting++
	} else {
		q := &s.roles[role].q[t.act]
		if fresh {
			q.Push(id)
		} else {
			q.PushFront(id)
		}
	}
	s.setWaiting(int(role), +1)
	s.offer(id)
}

// moveTask moves queued task id (already out of its queue) to another
// role's queues, keeping its waiting time and patience, and offers it.
func (s *Sim) moveTask(id int32, role, person int32) {
	t := &s.tasks[id]
	s.setWaiting(int(t.role), -1)
	s.levelInSys(int(t.role), -1)
	t.role, t.person = role, person
	s.levelInSys(int(role), +1)
	if person >= 0 {
		s.pq[int(person)*s.p.nAct+int(t.act)].Push(id)
		s.people[person].waiting++
	} else {
		s.roles[role].q[t.act].Push(id)
	}
	s.setWaiting(int(role), +1)
	s.offer(id)
}

// offer finds someone to take task id now: its person if available, an
// idle colleague, or someone to interrupt.
func (s *Sim) offer(id int32) {
	t := &s.tasks[id]
	act := &s.cfg.Activities[t.act]
	if t.person >= 0 {
		p := t.person
		if s.canTake(p, t.act) {
			s.next(p)
			return
		}
		if s.cfg.Roles[t.role].Cover && !s.present(p) {
			for _, m := range s.roles[t.role].members {
				if m != p && s.canTake(m, t.act) {
					s.next(m)
					return
				}
			}
		}
		if act.Interrupts && s.interruptible(p, act.Priority) {
			s.preempt(p)
			s.next(p)
			return
		}
		if s.people[p].run && s.cfg.Roles[t.role].Speed[t.act] > 0 {
			s.cutAfterCurrent(p)
		}
		return
	}
	rs := &s.roles[t.role]
	if rs.busy < rs.staff { // somebody may be free to take it
		for _, m := range rs.members {
			if s.canTake(m, t.act) {
				s.next(m)
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
		for _, m := range s.roles[t.role].members {
			pm := &s.people[m]
			if pm.run && s.onDuty(m) && s.allowed(m, t.act) {
				if e := s.runs[m][s.current(m)].end; e < bestEnd {
					best, bestEnd = m, e
				}
			}
		}
		if best >= 0 {
			s.cutAfterCurrent(best)
		}
		return
	}
	{
		best, bestPrio := int32(-1), act.Priority
		for _, m := range s.roles[t.role].members {
			if s.interruptible(m, bestPrio) {
				best, bestPrio = m, s.cfg.Activities[s.curAct(m)].Priority
			}
		}
		if best >= 0 {
			s.preempt(best)
			s.next(best)
		}
	}
}

// interruptible reports whether person p is busy with work of lower
// priority (a larger number) than prio that may be interrupted.
func (s *Sim) interruptible(p int32, prio int) bool {
	pp := &s.people[p]
	if !pp.busy || !s.onDuty(p) {
		return false
	}
	a := s.curAct(p)
	cur := &s.cfg.Activities[a]
	return !cur.Interrupts && cur.Priority > prio
}

// curAct returns the activity of p's work in hand.
func (s *Sim) curAct(p int32) int32 {
	pp := &s.people[p]
	if pp.run {
		return s.runs[p][s.current(p)].act
	}
	return s.tasks[pp.cur].act
}

// front returns the first live task of q without removing it, dropping
// dead ones, or -1.
func (s *Sim) front(q *des.Queue[int32]) int32 {
	for q.Len() > 0 {
		id := q.Peek()
		if !s.tasks[id].dead {
			return id
		}
		q.Pop()
		s.freeTaskID(id)
	}
	return -1
}

// pick removes and returns the task person p should do next, or -1.
// Activities are tried by priority; within a priority the task waiting
// longest wins, the person's own tasks before the pool's on a tie.
func (s *Sim) pick(p int32) int32 {
	pp := &s.people[p]
	r := pp.role
	ro := &s.roles[r]
	nAct := s.p.nAct
	acts := s.p.roleActs[r]
	cover := s.cfg.Roles[r].Cover && ro.absent > 0
	for i := 0; i < len(acts); {
		prio := s.cfg.Activities[acts[i]].Priority
		var best int32 = -1
		var bestQ *des.Queue[int32]
		var bestAvail float64
		for ; i < len(acts) && s.cfg.Activities[acts[i]].Priority == prio; i++ {
			a := acts[i]
			if !s.allowed(p, a) {
				continue
			}
			q := &s.pq[int(p)*nAct+int(a)]
			if id := s.front(q); id >= 0 && (best < 0 || s.tasks[id].avail < bestAvail) {
				best, bestQ, bestAvail = id, q, s.tasks[id].avail
			}
			q = &ro.q[a]
			if id := s.front(q); id >= 0 && (best < 0 || s.tasks[id].avail < bestAvail) {
				best, bestQ, bestAvail = id, q, s.tasks[id].avail
			}
			if cover {
				for _, m := range ro.members {
					if m != p && !s.present(m) {
						q := &s.pq[int(m)*nAct+int(a)]
						if id := s.front(q); id >= 0 && (best < 0 || s.tasks[id].avail < bestAvail) {
							best, bestQ, bestAvail = id, q, s.tasks[id].avail
						}
					}
				}
			}
		}
		if best >= 0 {
			bestQ.Pop()
			if o := s.tasks[best].person; o >= 0 {
				s.people[o].waiting--
			}
			s.setWaiting(int(r), -1)
			return best
		}
	}
	return -1
}

// next gives person p work if p is free to work: a waiting task, else
// pulled work, else p idles.
func (s *Sim) next(p int32) {
	pp := &s.people[p]
	if pp.busy || pp.slack || !s.onDuty(p) {
		return
	}
	if id := s.pick(p); id >= 0 {
		s.start(p, id)
		return
	}
	s.pull(p)
}

// wakeRole offers work to every idle member of role r.
func (s *Sim) wakeRole(r int) {
	for _, m := range s.roles[r].members {
		s.next(m)
	}
}

// start sets person p to work on task id.
func (s *Sim) start(p int32, id int32) {
	s.acct(p)
	pp := &s.people[p]
	t := &s.tasks[id]
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
		if s.recording {
			rs := &s.roles[r]
			rs.waitSum += now - t.avail
			rs.waitN++
		}
		if t.kind == tkStage {
			a := &s.accts[t.acct]
			if a.inbound && !a.responded {
				a.responded = true
				if s.recording {
					s.rec.add(cRespSum, int(r), s.month, now-a.created)
					s.rec.add(cRespN, int(r), s.month, 1)
				}
			}
		}
	}
	kind := int32(s.p.actKind[t.act])
	var setup float64
	if pp.lastKind >= 0 && pp.lastKind != kind {
		setup = s.p.setup[r][int(pp.lastKind)*len(s.p.kinds)+int(kind)]
	}
	base := t.remain
	if base < 0 {
		base = act.Duration.Sample(s.rWork) / role.Speed[t.act]
		if role.RampSpeed {
			base /= s.ramp(p)
		}
	}
	slow := 1.0
	if act.Fatigue && role.Fatigue.Speed > 0 {
		slow = 1 / s.fatigue(p, role.Fatigue.Speed)
	}
	s.setBusy(p, true)
	pp.cur = id
	pp.segStart = now
	pp.setupEnd = now + setup
	pp.slow = slow
	pp.base = base
	pp.lastKind = kind
	pp.done = s.env.After(setup+base*slow, des.Normal, s.h, enc(evDone, int(p)))
}

// preempt stops person p's work in hand and puts it back at the front of
// its queue with the work left; a pulled call is abandoned.
func (s *Sim) preempt(p int32) {
	pp := &s.people[p]
	if !pp.busy {
		return
	}
	if pp.run {
		s.preemptRun(p)
		return
	}
	s.acct(p)
	id := pp.cur
	t := &s.tasks[id]
	worked := math.Max(0, s.env.Now()-pp.setupEnd) / pp.slow
	t.remain = math.Max(0, pp.base-worked)
	s.env.Cancel(pp.done)
	s.setBusy(p, false)
	pp.cur = -1
	person := t.person
	if person >= 0 && !s.people[person].employed {
		person = -1
	}
	s.push(id, t.role, person)
}

// onDone finishes person p's work in hand.
func (s *Sim) onDone(p int32) {
	s.acct(p)
	pp := &s.people[p]
	if pp.run {
		s.runDone(p)
		return
	}
	id := pp.cur
	s.setBusy(p, false)
	pp.cur = -1
	t := s.tasks[id]
	r := int(pp.role)
	if s.recording {
		s.rec.add(cTasks, r, s.month, 1)
		s.rec.done[r*s.p.nAct+int(t.act)]++
		s.rec.done[(s.rec.nRole-1)*s.p.nAct+int(t.act)]++
	}
	if t.queued {
		s.levelInSys(int(t.role), -1)
	}
	s.freeTaskID(id)
	switch t.kind {
	case tkStage:
		s.stageDone(p, &t)
	case tkOrder:
		s.orderDone(p, &t)
	case tkCare:
		s.careDone(p, &t)
	case tkSale, tkClaim:
	}
	s.next(p)
}

// onPatience: a queued task waited too long.
func (s *Sim) onPatience(id int32) {
	t := &s.tasks[id]
	t.pat = des.Event{}
	t.dead = true
	if o := t.person; o >= 0 {
		s.people[o].waiting--
	}
	s.setWaiting(int(t.role), -1)
	s.levelInSys(int(t.role), -1)
	switch t.kind {
	case tkStage:
		a := &s.accts[t.acct]
		if a.gen == t.gen && a.state == stLead {
			if s.recording {
				s.rec.add(cLeadsCold, int(t.role), s.month, 1)
			}
			s.ledger.Cold++
			s.freeAccount(t.acct)
		}
	case tkOrder, tkClaim:
		a := &s.accts[t.acct]
		if a.gen == t.gen && a.state == stClient {
			if t.kind == tkOrder && s.recording {
				s.rec.add(cOrdersLost, int(a.role), s.month, 1)
			}
			if s.rCli.Float64() < s.cfg.Clients.LostOrderChurn {
				s.churn(t.acct)
			}
		}
	case tkCare:
		a := &s.accts[t.acct]
		if a.gen == t.gen && a.state == stClient {
			a.careQueued = false
			s.scheduleCare(t.acct, 0) // due again at once: the client is still waiting for a call
		}
	}
	// The dead task stays in its queue until popped (front drops it).
}
