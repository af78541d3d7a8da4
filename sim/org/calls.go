package org

import (
	"math"

	"github.com/salesim/salesim/sim/des"
)

// Outbound calling is a run of calls: when a person starts calling, the
// calls that follow one another without anything else happening are drawn
// at once, up to the first that converts (or nurtures), the next calendar
// change, the end of a behaviour rule's block of prospecting, or maxRun
// calls, and one kernel event marks the end of the run. Calls that fail
// have no effect beyond counters and the contact's cooling-off, which are
// settled as time passes. Anything that would make the person stop calling
// earlier cuts the run: work arriving for the person ends it after the
// call in progress (as the person would pick that work next), and leaving
// work (shift end, absence, preemption) abandons the call in progress; the
// contacts drawn for calls that will not happen go back to the database.
// The result is the same process as one event per call, with a different
// use of the random streams and far fewer events.

const maxRun = 64

// prospecting keeps the raw contact databases and the runs of calls in
// progress.
type prospecting struct {
	s     *Sim
	runs  [][]call // per person: the run of calls in progress
	dbs   []dbState
	dbKey []uint64 // per database: the key of its contacts' sizes
	hWake des.Handler
}

// dialing is the part of a person that prospecting keeps.
type dialing struct {
	run  bool // making a run of outbound calls
	runI int  // first call of the run not yet settled
}

// call is one call of a run.
type call struct {
	start, setupEnd, end float64
	slow                 float64
	contact              int32
	db                   int16
	outcome              uint8
	act                  int32
	at                   float64 // when the contact had become callable
}

// Call outcomes.
const (
	callFail = iota
	callWin
	callNurture
)

func (c *prospecting) bind(s *Sim) {
	c.s = s
	c.hWake = func(k int) { c.onWake(k) }
}

func (c *prospecting) reset() {
	for i := range c.runs {
		c.runs[i] = c.runs[i][:0]
	}
}

// runOf returns person p's run buffer.
func (c *prospecting) runOf(p int32) []call {
	for int(p) >= len(c.runs) {
		c.runs = append(c.runs, nil)
	}
	if c.runs[p] == nil {
		c.runs[p] = make([]call, 0, maxRun)
	}
	return c.runs[p]
}

// pull starts a run of outbound calls for person p, unless the role is
// paused, p's portfolio is full, no contact is callable or a behaviour
// rule has p idle instead.
func (c *prospecting) pull(p int32) {
	s := c.s
	pp := &s.staff.people[p]
	r := pp.role
	ro := &s.cfg.Roles[r]
	if len(ro.Pull) == 0 || s.bp.paused[r] || (ro.PortfolioLimit > 0 && pp.owned >= ro.PortfolioLimit) {
		return
	}
	now := s.env.Now()
	limit, ok := s.rules.prospect(p, now)
	if !ok {
		return
	}
	if change := s.cal.groups[pp.group].nextChange(); change < limit {
		limit = change
	}
	buf := c.runOf(p)[:0]
	kind := pp.lastKind
	t := now
	for len(buf) < maxRun {
		k, ct, at := -1, int32(-1), 0.0
		for _, kr := range ro.Pull {
			kk := kr.Index()
			if !s.cal.allowed(p, int32(s.p.dbAct[kk])) {
				continue
			}
			var next float64
			if ct, next = c.dbs[kk].take(t); ct >= 0 {
				k, at = kk, next
				break
			}
			if !math.IsInf(next, 1) && !c.dbs[kk].waking && len(buf) == 0 {
				c.dbs[kk].waking = true
				s.env.At(next, des.Normal, c.hWake, kk)
			}
		}
		if ct < 0 {
			break
		}
		st := &s.cfg.Stages[s.cfg.Databases[k].Stage.Index()]
		act := int32(st.Activity.Index())
		ck := int32(s.p.actKind[act])
		setup := s.p.setupTime(r, kind, ck)
		kind = ck
		key, attempt := c.contactKey(k, ct), uint32(c.dbs[k].attempts[ct])
		base := keyedSample(&s.cfg.Activities[act].Duration, key, drawWork, attempt) / (ro.Speed[act] * s.p.pieceSpeed[r][act])
		if s.p.speedGain {
			base /= s.cal.speedGain(p, act) // blocks.go
		}
		if ro.RampMode != RampConversion {
			base /= s.staff.rampAt(p, t)
		}
		slow := 1.0
		if s.cfg.Activities[act].Fatigue && ro.Fatigue.Speed > 0 {
			slow = 1 / s.staff.fatigueAt(p, ro.Fatigue.Speed, t)
		}
		end := t + setup + base*slow
		cl := call{start: t, setupEnd: t + setup, end: end, slow: slow, contact: ct, db: int16(k), act: act, at: at}
		convert := st.Convert
		if s.p.boosts {
			convert *= s.cal.convertGain(p, act) // blocks.go
		}
		if unit(key, drawCall, attempt) < s.funnel.convertAt(p, act, convert, 0, nil, 0, end) {
			cl.outcome = callWin
		} else if st.NurtureShare > 0 && unit(key, drawCallNurture, attempt) < st.NurtureShare {
			cl.outcome = callNurture
		}
		buf = append(buf, cl)
		t = end
		if cl.outcome != callFail || end >= limit {
			break
		}
	}
	c.runs[p] = buf
	if len(buf) == 0 {
		return
	}
	s.staff.acct(p)
	s.work.setBusy(p, true)
	pp.run = true
	s.work.roles[pp.role].running++
	pp.runI = 0
	pp.cur = -1
	pp.lastKind = kind
	pp.done = s.env.At(buf[len(buf)-1].end, des.Normal, s.work.hDone, int(p))
}

// settleRun applies the calls of p's run that ended by t (strictly before
// t when strict).
//
// Settling a call can change anything (a lead arrives and interrupts p), so
// the run's state is read afresh after each call.
func (c *prospecting) settleRun(p int32, t float64, strict bool) {
	pp := &c.s.staff.people[p]
	n := 0
	var cl call
	for pp.run && pp.runI < len(c.runs[p]) {
		cl = c.runs[p][pp.runI]
		if cl.end > t || (strict && cl.end == t) {
			break
		}
		pp.runI++
		n++
		if cl.outcome != callFail {
			c.countCalls(p, &cl, n)
			n = 0
		}
		c.settleCall(p, &cl)
	}
	c.countCalls(p, &cl, n)
}

// countCalls records n finished calls like cl.
func (c *prospecting) countCalls(p int32, cl *call, n int) {
	s := c.s
	if n == 0 || !s.recording {
		return
	}
	r := int(s.staff.people[p].role)
	x := float64(n)
	s.rec.add(cTasks, r, s.month, x)
	s.rec.countDone(r, int(cl.act), x)
	s.rec.posts.add(s, p, pvTasks, x)
	s.rec.posts.add(s, p, pvDone+int(cl.act), x)
	s.clients.paid(p, r, cl.act, x)
	if s.p.judging {
		s.judge.done(p, cl.act, -1, x)
	}
	s.rec.entered[s.cfg.Databases[cl.db].Stage.Index()] += x
}

// settleCall applies one finished call, counted already: the contact
// becomes a lead, a nurtured lead, or goes back to cool off.
func (c *prospecting) settleCall(p int32, cl *call) {
	s := c.s
	r := s.staff.people[p].role
	k := int(cl.db)
	db := &s.cfg.Databases[k]
	switch cl.outcome {
	case callWin:
		id := s.accts.newAccount(c.dbSize(k, cl.contact), c.contactKey(k, cl.contact), r, s.accts.assign(r, p))
		s.accts.list[id].steps = 1 // the call was its first decision
		if s.recording {
			s.rec.add(cLeadsIn, int(r), s.month, 1)
		}
		s.funnel.place(id, originDatabase, k)
		if next := s.funnel.nextStage(&s.accts.list[id], db.Stage.Index()); next < 0 {
			s.funnel.win(id, p)
		} else {
			s.funnel.enterStage(id, next, 0)
		}
	case callNurture:
		si := db.Stage.Index()
		st := &s.cfg.Stages[si]
		key := c.contactKey(k, cl.contact)
		id := s.accts.newAccount(c.dbSize(k, cl.contact), key, r, s.accts.assign(r, p))
		s.accts.list[id].steps = 1
		if s.recording {
			s.rec.add(cLeadsIn, int(r), s.month, 1)
		}
		s.funnel.place(id, originDatabase, k)
		s.funnel.nurture(id, keyedSample(&st.NeedIn, key, drawNeed, 0), st.recall(si), r)
	default:
		c.dbs[k].failed(cl.contact, cl.end, db)
	}
}

// runDone ends p's run at its last call. p is free before the calls are
// settled, since what they set off (a new lead) may be work for p.
func (c *prospecting) runDone(p int32) {
	s := c.s
	pp := &s.staff.people[p]
	var calls [maxRun]call
	n := copy(calls[:], c.runs[p][pp.runI:])
	pp.run = false
	s.work.roles[pp.role].running--
	s.work.setBusy(p, false)
	c.runs[p] = c.runs[p][:0]
	if n > 0 {
		c.countCalls(p, &calls[0], n)
	}
	for i := range n {
		c.settleCall(p, &calls[i])
	}
	s.work.next(p)
}

// current returns the index of the call of p's run in progress at now.
func (c *prospecting) current(p int32) int {
	pp := &c.s.staff.people[p]
	buf := c.runs[p]
	now := c.s.env.Now()
	i := pp.runI
	for i < len(buf)-1 && buf[i].end <= now {
		i++
	}
	return i
}

// unroll gives back the contacts of the calls of p's run after call i.
func (c *prospecting) unroll(p int32, i int) {
	buf := c.runs[p]
	for j := len(buf) - 1; j > i; j-- {
		c.dbs[buf[j].db].giveBack(buf[j].contact, buf[j].at)
	}
	c.runs[p] = buf[:i+1]
}

// cutAfterCurrent ends p's run when the call in progress ends.
func (c *prospecting) cutAfterCurrent(p int32) {
	pp := &c.s.staff.people[p]
	if !pp.run {
		return
	}
	i := c.current(p)
	if i == len(c.runs[p])-1 {
		return
	}
	c.unroll(p, i)
	c.s.env.Reschedule(pp.done, c.runs[p][i].end)
}

// preemptRun stops p's run now: finished calls are settled, the call in
// progress is abandoned and its contact goes back.
func (c *prospecting) preemptRun(p int32) {
	s := c.s
	pp := &s.staff.people[p]
	s.staff.acct(p)
	c.settleRun(p, s.env.Now(), false)
	if pp.runI < len(c.runs[p]) {
		c.unroll(p, pp.runI)
		cl := c.runs[p][pp.runI]
		c.dbs[cl.db].giveBack(cl.contact, cl.at)
	}
	c.runs[p] = c.runs[p][:0]
	s.env.Cancel(pp.done)
	pp.run = false
	s.work.roles[pp.role].running--
	s.work.setBusy(p, false)
}

// acctRun splits the busy time [from, now] of p's run into setup, work and
// fatigue.
func (c *prospecting) acctRun(p int32, from, now float64) {
	pp := &c.s.staff.people[p]
	var setup, work, rested float64
	for _, cl := range c.runs[p][pp.runI:] {
		if cl.start >= now {
			break
		}
		a, b := cl.start, cl.end
		if from > a {
			a = from
		}
		if now < b {
			b = now
		}
		if b <= a {
			continue
		}
		su := cl.setupEnd - a
		if b < cl.setupEnd {
			su = b - a
		}
		if su < 0 {
			su = 0
		}
		w := b - a - su
		setup += su
		work += w
		rested += w / cl.slow
	}
	a := &pp.acc
	a[aSetup] += setup
	a[aWork] += rested
	a[aFatigue] += work - rested
}

// onWake: a contact of database k has become callable again.
func (c *prospecting) onWake(k int) {
	s := c.s
	c.dbs[k].waking = false
	for r, ro := range s.cfg.Roles {
		for _, d := range ro.Pull {
			if d.Index() == k {
				s.work.wakeRole(r)
			}
		}
	}
}
