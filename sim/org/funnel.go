package org

import "github.com/salesim/salesim/sim/des"

// funnel moves leads through the [Stage]s: a lead entering a stage waits
// for the stage's delay (a meeting booked for next week), then a task of
// the stage's activity is queued; when the work is done the lead advances
// with the stage's conversion — multiplied by the person's skill, ramp-up
// and fatigue, the speed-to-lead decay for the time it waited, and the
// information lost at a handoff — or fails: it is nurtured until its need
// date (then worked again at the recall stage) or lost. A lead that waits
// past its activity's patience goes cold. A lead that converts at the last
// stage is won: its first order, the closer's paperwork, and a client's
// life (clients.go).
type funnel struct {
	s               *Sim
	hStage, hRecall des.Handler
}

// lead is the part of an account the funnel keeps.
type lead struct {
	inbound   bool
	responded bool
	stage     int32
	steps     uint32  // stage decisions so far: the count of its keyed draws
	works     uint32  // tasks started for it: the count of its keyed durations
	waits     uint32  // tasks queued for it: the count of its keyed patiences
	loss      float64 // information lost at the last handoff, for its next stage
	created   float64
	evNext    des.Event
}

func (f *funnel) bind(s *Sim) {
	f.s = s
	f.hStage = func(id int) { f.onStageReady(int32(id)) }
	f.hRecall = func(id int) { f.onRecall(int32(id)) }
}

// newLead creates a lead in role r (owned by finder if the role keeps
// finders) and sends it to stage st; stream is the inbound stream it came
// from, or -1.
func (f *funnel) newLead(size float64, key uint64, st int, r int32, finder int32, stream int) int32 {
	s := f.s
	id := s.accts.newAccount(size, key, r, s.accts.assign(r, finder))
	a := &s.accts.list[id]
	a.inbound = stream >= 0
	if s.recording {
		s.rec.add(cLeadsIn, int(r), s.month, 1)
	}
	if a.inbound {
		f.place(id, originInbound, stream)
	}
	f.enterStage(id, st, 0)
	return id
}

// enterStage moves a lead to stage st after applying the stage's handoffs
// and delays; extra is a delay already incurred.
func (f *funnel) enterStage(id int32, st int, extra float64) {
	s := f.s
	a := &s.accts.list[id]
	a.stage = int32(st)
	delay := extra + s.hand.apply(id, AtStage, st)
	if d := &s.cfg.Stages[st].Delay; !d.IsZero() {
		delay += keyedSample(d, a.key, drawDelay, a.steps)
	}
	if delay > 0 {
		a.evNext = s.env.After(delay, des.Normal, f.hStage, int(id))
		return
	}
	f.onStageReady(id)
}

func (f *funnel) onStageReady(id int32) {
	s := f.s
	a := &s.accts.list[id]
	a.evNext = des.Event{}
	st := a.stage
	if s.recording {
		s.rec.entered[st]++
	}
	t := s.work.newTask(tkStage, int32(s.cfg.Stages[st].Activity.Index()), id)
	s.work.tasks[t].stage = st
	s.work.push(t, -1, -1)
}

// responded records the first response to an inbound lead, by role r.
func (f *funnel) responded(id int32, r int32) {
	s := f.s
	a := &s.accts.list[id]
	if a.inbound && !a.responded {
		a.responded = true
		if s.recording {
			s.rec.add(cRespSum, int(r), s.month, s.env.Now()-a.created)
			s.rec.add(cRespN, int(r), s.month, 1)
		}
	}
}

// convertAt returns the success probability of work of activity act by
// person p finishing at time t, for a stage of the given base rate, after
// the work waited wait hours, with loss lost at a handoff.
func (f *funnel) convertAt(p int32, act int32, base float64, wait float64, decay []DecayPoint, loss float64, t float64) float64 {
	s := f.s
	ro := &s.cfg.Roles[s.staff.people[p].role]
	pr := base * ro.Skill[act] * (1 - loss) * decayMult(decay, wait)
	if ro.RampMode != RampSpeed {
		pr *= s.staff.rampAt(p, t)
	}
	if ro.Fatigue.Convert > 0 && s.cfg.Activities[act].Fatigue {
		pr *= s.staff.fatigueAt(p, ro.Fatigue.Convert, t)
	}
	return pr
}

func (f *funnel) stageDone(p int32, t *task) {
	s := f.s
	a := &s.accts.list[t.acct]
	if a.gen != t.gen || a.state != stLead {
		return
	}
	st := &s.cfg.Stages[t.stage]
	base := st.Convert
	if s.p.boosts {
		base *= s.staff.people[p].boost // blocks.go, joint.go
	}
	pr := f.convertAt(p, t.act, base, t.started-t.avail, st.Decay, a.loss, s.env.Now())
	a.loss = 0
	step := a.steps
	a.steps++
	if unit(a.key, drawConvert, step) < pr {
		if next := f.nextStage(a, int(t.stage)); next < 0 {
			f.win(t.acct, p)
		} else {
			f.enterStage(t.acct, next, 0)
		}
		return
	}
	f.fail(t.acct, int(t.stage), s.staff.people[p].role, step)
}

// fail ends stage si without success, at the lead's decision step: the
// lead is nurtured or lost.
func (f *funnel) fail(id int32, si int, r int32, step uint32) {
	s := f.s
	st := &s.cfg.Stages[si]
	a := &s.accts.list[id]
	if st.NurtureShare > 0 && unit(a.key, drawNurture, step) < st.NurtureShare {
		f.nurture(id, keyedSample(&st.NeedIn, a.key, drawNeed, step), st.recall(si), r)
		return
	}
	if s.recording {
		s.rec.add(cLeadsLost, int(r), s.month, 1)
	}
	s.ledger.Lost++
	s.accts.freeAccount(id)
}

// ignored ends lead id, which the person of role r it was given to never
// followed up (the lead black hole, research/domain.md C6).
func (f *funnel) ignored(id int32, r int32) {
	s := f.s
	if s.recording {
		s.rec.add(cLeadsIgnored, int(r), s.month, 1)
	}
	s.ledger.Ignored++
	s.accts.freeAccount(id)
}

// goneCold ends lead id, whose task waited past its patience in role r's
// queue.
func (f *funnel) goneCold(id int32, r int32) {
	s := f.s
	if s.recording {
		s.rec.add(cLeadsCold, int(r), s.month, 1)
	}
	s.ledger.Cold++
	s.accts.freeAccount(id)
}

// nurture stores lead id until its need date, in need hours, when it is
// worked again at stage recall.
func (f *funnel) nurture(id int32, need float64, recall int, r int32) {
	s := f.s
	a := &s.accts.list[id]
	a.state = stNurture
	if s.recording {
		s.rec.add(cLeadsNurtured, int(r), s.month, 1)
	}
	a.evNext = s.env.After(need, des.Normal, f.hRecall, int(id))
	a.stage = int32(recall)
}

func (f *funnel) onRecall(id int32) {
	s := f.s
	a := &s.accts.list[id]
	a.evNext = des.Event{}
	a.state = stLead
	a.created = s.env.Now()
	a.responded = true
	f.enterStage(id, int(a.stage), 0)
}

// win makes lead id a client: its first order, paperwork for the closer,
// and the client's own life.
func (f *funnel) win(id int32, p int32) {
	s := f.s
	a := &s.accts.list[id]
	c := &s.cfg.Clients
	pr := s.staff.people[p].role
	if a.role != pr { // the person who wins the deal owns the client
		s.accts.disown(a)
		a.role = pr
		a.owner = s.accts.assign(pr, p)
		s.accts.own(a)
	}
	a.level = c.StartLevel
	s.accts.setClient(a)
	a.wonAt = s.env.Now()
	a.deals = 1
	a.contact = s.env.Now()
	if s.recording {
		s.rec.add(cFirstOrders, int(pr), s.month, 1)
		s.rec.posts.add(s, p, pvFirstOrders, 1)
	}
	f.segmentWon(a)
	s.hand.won(id)
	s.clients.bonus(p, pr, s.cfg.Roles[pr].Pay.PerFirstOrder)
	s.clients.book(id, a.size*c.FirstOrder)
	for _, wr := range c.SaleWork {
		w := wr.Index()
		t := s.work.newTask(tkSale, int32(w), id)
		if s.cfg.Roles[pr].Speed[w] > 0 {
			s.work.push(t, pr, p)
		} else {
			s.work.push(t, -1, -1)
		}
	}
	if s.p.chores {
		s.chores.ofOrder(id) // chores.go
	}
	s.clients.startLife(id)
	s.hand.apply(id, AtWon, 0)
	s.hand.clientHandoffs(id)
}
