package org

import (
	"math"

	"github.com/salesim/salesim/sim/des"
)

// work keeps the tasks and their queues. Every piece of work is a task of
// an [Activity]; a task waits in the queue of its activity in a role's
// shared pool or in one person's personal queues, and routing decides
// which (route): the role that owns the account if it performs the
// activity, else the owner's fixed partner, else the first role that
// performs it; personal if the role keeps personal queues. How people take
// work from the queues is in take.go.
type work struct {
	s        *Sim
	tasks    []task
	freeTask []int32
	roles    []roleQueue
	order    []int32            // scratch: a role's members in the order of its Pick
	wake     []int32            // scratch: the same for wakeRole
	pq       []des.Queue[int32] // [person*nAct + act] personal queues

	hDone, hPatience, hWake des.Handler
}

// Task kinds.
const (
	tkStage = iota // work a lead at its stage
	tkOrder        // handle a repeat order
	tkSale         // paperwork of a won deal
	tkCare         // proactive contact with a client
	tkClaim        // a client's claim
	tkChore        // non-sales work a client creates (chores.go)
)

// task is a piece of work. Tasks live in work.tasks and are referred to by
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
	esc     des.Event // escalation.go: when the task is escalated
}

// roleQueue is the queues of one role and the counts of its desks.
type roleQueue struct {
	q       []des.Queue[int32] // pool queues per activity
	esc     des.Queue[int32]   // escalated tasks, taken first (escalation.go)
	waiting int                // live queued tasks, pool and personal
	inSys   int                // queued tasks waiting or in service
	since   float64
	area    float64 // in-system task-hours since the last flush
	waitSum float64 // queue waits of tasks started since the last flush
	waitN   float64
	busy    int // members busy (work in hand or a run of calls)
	running int // members in a run of calls
}

// desk is the part of a person that work keeps: the work in hand.
type desk struct {
	waiting  int // live tasks in the personal queues
	busy     bool
	freeAt   float64 // when the person last became free (take.go: PickLongestIdle)
	cur      int32   // the task in hand, or -1 (none, or a run of calls)
	segStart float64
	setupEnd float64 // the setup of the work in hand ends then
	slow     float64 // fatigue: the work takes slow times its rested time
	base     float64 // rested work of the task in hand
	lastKind int32   // kind of the last work, for switching cost; −1 none
	done     des.Event
	// boost multiplies the conversion of the work in hand (a batch block's
	// gain, a joining person: blocks.go, joint.go); kept only when the
	// plan has such gains.
	boost float64
}

func (w *work) bind(s *Sim) {
	w.s = s
	w.hDone = func(p int) { w.onDone(int32(p)) }
	w.hPatience = func(id int) { w.onPatience(int32(id)) }
	w.hWake = func(r int) { w.wakeRole(r) }
}

func (w *work) reset() {
	w.tasks = w.tasks[:0]
	w.freeTask = w.freeTask[:0]
	w.pq = w.pq[:0]
}

// setupRoles prepares the pool queues of every role, keeping the buffers
// of an earlier replication.
func (w *work) setupRoles() {
	nR, nA := len(w.s.cfg.Roles), w.s.p.nAct
	if cap(w.roles) < nR {
		w.roles = make([]roleQueue, nR)
	}
	w.roles = w.roles[:nR]
	for r := range w.roles {
		q := w.roles[r].q
		if len(q) != nA {
			q = make([]des.Queue[int32], nA)
		}
		for i := range q {
			q[i].Clear()
		}
		esc := w.roles[r].esc
		esc.Clear()
		w.roles[r] = roleQueue{q: q, esc: esc}
	}
}

// addPerson adds the personal queues of a new person.
func (w *work) addPerson() {
	nA := w.s.p.nAct
	n := len(w.pq) + nA
	if cap(w.pq) >= n {
		w.pq = w.pq[:n]
		for i := n - nA; i < n; i++ {
			w.pq[i].Clear() // a queue of an earlier replication
		}
	} else {
		for len(w.pq) < n {
			w.pq = append(w.pq, des.Queue[int32]{})
		}
	}
}

func (w *work) newTask(kind uint8, act, acct int32) int32 {
	var id int32
	if n := len(w.freeTask); n > 0 {
		id = w.freeTask[n-1]
		w.freeTask = w.freeTask[:n-1]
	} else {
		id = int32(len(w.tasks))
		w.tasks = append(w.tasks, task{})
	}
	t := &w.tasks[id]
	*t = task{kind: kind, act: act, acct: acct, remain: -1, person: -1}
	if acct >= 0 {
		t.gen = w.s.accts.list[acct].gen
	}
	return id
}

// freeTaskID recycles a task that is in no queue and in no one's hands;
// newTask overwrites it whole.
func (w *work) freeTaskID(id int32) {
	w.freeTask = append(w.freeTask, id)
}

// levelInSys adds d to role r's count of tasks in system, accumulating the
// time-average first.
func (w *work) levelInSys(r int, d int) {
	ro := &w.roles[r]
	now := w.s.env.Now()
	if w.s.recording && now > ro.since {
		ro.area += float64(ro.inSys) * (now - ro.since)
	}
	ro.since = now
	ro.inSys += d
}

// flushRole moves role r's accumulated queue statistics to the recorder.
func (w *work) flushRole(r int) {
	w.levelInSys(r, 0)
	ro := &w.roles[r]
	if ro.area != 0 || ro.waitN != 0 {
		rec := w.s.rec
		rec.add(cInSysArea, r, w.s.month, ro.area)
		rec.add(cWaitSum, r, w.s.month, ro.waitSum)
		rec.add(cWaitN, r, w.s.month, ro.waitN)
		ro.area, ro.waitSum, ro.waitN = 0, 0, 0
	}
}

// setWaiting adds d to role r's count of waiting tasks and tells
// back-pressure.
func (w *work) setWaiting(r int, act int32, d int) {
	w.roles[r].waiting += d
	if len(w.s.p.watchers[r]) > 0 {
		w.s.bp.waitingChanged(r, act, d)
	}
}

// route returns the role and person that do activity act for account a.
// person is -1 for the role's pool.
func (w *work) route(a *account, act int32) (role, person int32) {
	s := w.s
	role = s.p.route[a.role][act]
	if role < 0 {
		return -1, -1
	}
	if s.staff.roles[role].staff == 0 {
		// Nobody holds the role (a reorganisation emptied it): the work
		// goes to the first staffed role that can do it, if any.
		if alt := w.staffedDoer(act); alt >= 0 {
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
		return role, w.partner(a.owner, role)
	}
	if ro.Personal && a.owner >= 0 {
		if m := s.team.worker(a.owner, act, role); m >= 0 {
			return role, m
		}
	}
	if ro.Personal {
		return role, w.leastQueued(role)
	}
	return role, -1
}

// staffedDoer returns the first role with people that performs act, or -1.
func (w *work) staffedDoer(act int32) int32 {
	for _, r := range w.s.p.doers[act] {
		if w.s.staff.roles[r].staff > 0 {
			return r
		}
	}
	return -1
}

// partner returns the person of role r at the same position as person p in
// its own role, or -1.
func (w *work) partner(p, r int32) int32 {
	st := &w.s.staff
	pos := st.people[p].slot
	m := st.roles[r].members
	if pos < len(m) && st.people[m[pos]].employed {
		return m[pos]
	}
	return -1
}

// leastQueued returns the employed member of r with the fewest personal
// tasks waiting, or -1.
func (w *work) leastQueued(r int32) int32 {
	st := &w.s.staff
	best, bestN := int32(-1), math.MaxInt
	for _, m := range st.roles[r].members {
		p := &st.people[m]
		if p.employed && p.waiting < bestN {
			best, bestN = m, p.waiting
		}
	}
	return best
}

// personal returns person p's queue of activity act.
func (w *work) personal(p int32, act int32) *des.Queue[int32] {
	return &w.pq[int(p)*w.s.p.nAct+int(act)]
}

// push queues task id for its account's route (or the given role/person
// when role >= 0) and gets someone to work on it.
func (w *work) push(id int32, role, person int32) {
	s := w.s
	t := &w.tasks[id]
	if role < 0 {
		role, person = w.route(&s.accts.list[t.acct], t.act)
		if role < 0 {
			panic("org: task with no role to do it") // Compile checks reachability
		}
	}
	t.role, t.person = role, person
	fresh := !t.queued
	if fresh && person >= 0 && t.kind == tkStage && len(s.rules.follow[role]) > 0 {
		if a := &s.accts.list[t.acct]; a.inbound && !a.responded && !s.rules.followsUp(person, t.acct) {
			w.freeTaskID(id)
			s.funnel.ignored(t.acct, role)
			return
		}
	}
	t.queued = true
	if fresh {
		t.avail = s.env.Now()
		w.levelInSys(int(role), +1)
		if pat := &s.cfg.Activities[t.act].Patience; !pat.IsZero() {
			var wait float64
			if t.acct >= 0 {
				a := &s.accts.list[t.acct]
				wait = keyedSample(pat, a.key, drawPatience, a.waits)
				a.waits++
			} else {
				wait = pat.Sample(s.rnd.delay)
			}
			t.pat = s.env.After(wait, des.Normal, w.hPatience, int(id))
		}
		if t.kind == tkStage && s.rules.watching {
			s.rules.queued(id)
		}
	}
	if person >= 0 {
		q := w.personal(person, t.act)
		if fresh {
			q.Push(id)
		} else {
			q.PushFront(id)
		}
		s.staff.people[person].waiting++
	} else {
		q := &w.roles[role].q[t.act]
		if fresh {
			q.Push(id)
		} else {
			q.PushFront(id)
		}
	}
	w.setWaiting(int(role), t.act, +1)
	w.offer(id)
}

// moveTask moves queued task id (already out of its queue) to another
// role's queues, keeping its waiting time and patience, and offers it.
func (w *work) moveTask(id int32, role, person int32) {
	t := &w.tasks[id]
	w.setWaiting(int(t.role), t.act, -1)
	w.levelInSys(int(t.role), -1)
	t.role, t.person = role, person
	w.levelInSys(int(role), +1)
	if person >= 0 {
		w.personal(person, t.act).Push(id)
		w.s.staff.people[person].waiting++
	} else {
		w.roles[role].q[t.act].Push(id)
	}
	w.setWaiting(int(role), t.act, +1)
	w.offer(id)
}

// front returns the first live task of q without removing it, dropping
// dead ones, or -1.
func (w *work) front(q *des.Queue[int32]) int32 {
	for q.Len() > 0 {
		id := q.Peek()
		if !w.tasks[id].dead {
			return id
		}
		q.Pop()
		w.freeTaskID(id)
	}
	return -1
}

// requeuePersonal moves p's personal tasks to the pool of their role.
func (w *work) requeuePersonal(p int32) {
	for a := range w.s.p.nAct {
		q := w.personal(p, int32(a))
		for q.Len() > 0 {
			id := q.Pop()
			t := &w.tasks[id]
			if t.dead {
				w.freeTaskID(id)
				continue
			}
			w.s.staff.people[p].waiting--
			t.person = -1
			w.roles[t.role].q[t.act].Push(id)
		}
	}
}
