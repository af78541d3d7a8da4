package org

import (
	"math"

	"github.com/salesim/salesim/sim/des"
)

// Outbound calling is a run of calls: when a person starts calling, the
// calls that follow one another without anything else happening are drawn
// at once, up to the first that converts (or nurtures), the next calendar
// change, the end of a fat cat's block of prospecting, or maxRun calls,
// and one kernel event marks the end of the run. Calls that fail have no
// effect beyond counters and the contact's cooling-off, which are settled
// as time passes. Anything that would make the person stop calling earlier
// cuts the run: work arriving for the person ends it after the call in
// progress (as the person would pick that work next), and leaving work
// (shift end, absence, preemption) abandons the call in progress; the
// contacts drawn for calls that will not happen go back to the database.
// The result is the same process as one event per call, with a different
// use of the random streams and far fewer events.

const maxRun = 64

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

// runOf returns person p's run buffer.
func (s *Sim) runOf(p int32) []call {
	for int(p) >= len(s.runs) {
		s.runs = append(s.runs, nil)
	}
	if s.runs[p] == nil {
		s.runs[p] = make([]call, 0, maxRun)
	}
	return s.runs[p]
}

// rampAt returns p's ramp-up multiplier at time t.
func (s *Sim) rampAt(p int32, t float64) float64 {
	r := s.cfg.Roles[s.people[p].role].Ramp
	if len(r) == 0 {
		return 1
	}
	m := int((t - s.people[p].hired) / Month)
	if m < 0 {
		m = 0
	}
	return r[min(m, len(r)-1)]
}

// fatigueAt returns p's fatigue multiplier at time t in the current
// stretch.
func (s *Sim) fatigueAt(p int32, perHour, t float64) float64 {
	pp := &s.people[p]
	h := pp.fatBase + (t - pp.fatStart)
	return math.Max(s.cfg.Roles[pp.role].Fatigue.Floor, 1-perHour*h)
}

// pull starts a run of outbound calls for person p, unless the role is
// paused, p's portfolio is full, no contact is callable or the fat-cat
// rule has p slack instead.
func (s *Sim) pull(p int32) {
	pp := &s.people[p]
	r := pp.role
	ro := &s.cfg.Roles[r]
	if len(ro.Pull) == 0 || s.roles[r].paused || (ro.PortfolioLimit > 0 && pp.owned >= ro.PortfolioLimit) {
		return
	}
	if s.slacks(p) {
		s.acct(p)
		pp.slack = true
		pp.slackEv = s.env.After(ro.FatCat.Slack, des.Normal, s.h, enc(evSlack, int(p)))
		return
	}
	now := s.env.Now()
	g := &s.groups[pp.group]
	limit := s.nextChange(g)
	if ro.FatCat != nil {
		// Under the fat-cat rule prospecting comes in blocks of Slack hours,
		// each decided for or against by the effort.
		limit = math.Min(limit, now+ro.FatCat.Slack)
	}
	buf := s.runOf(p)[:0]
	kind := pp.lastKind
	t := now
	for len(buf) < maxRun {
		k, c, at := -1, int32(-1), 0.0
		for _, kk := range ro.Pull {
			if !s.allowed(p, int32(s.cfg.Stages[s.cfg.Databases[kk].Stage].Activity)) {
				continue
			}
			var next float64
			if c, next = s.dbs[kk].take(t); c >= 0 {
				k, at = kk, next
				break
			}
			if !math.IsInf(next, 1) && !s.dbs[kk].waking && len(buf) == 0 {
				s.dbs[kk].waking = true
				s.env.At(next, des.Normal, s.h, enc(evWake, kk))
			}
		}
		if c < 0 {
			break
		}
		st := &s.cfg.Stages[s.cfg.Databases[k].Stage]
		act := int32(st.Activity)
		ck := int32(s.p.actKind[act])
		var setup float64
		if kind >= 0 && kind != ck {
			setup = s.p.setup[r][int(kind)*len(s.p.kinds)+int(ck)]
		}
		kind = ck
		base := s.cfg.Activities[act].Duration.Sample(s.rWork) / ro.Speed[act]
		if ro.RampSpeed {
			base /= s.rampAt(p, t)
		}
		slow := 1.0
		if s.cfg.Activities[act].Fatigue && ro.Fatigue.Speed > 0 {
			slow = 1 / s.fatigueAt(p, ro.Fatigue.Speed, t)
		}
		end := t + setup + base*slow
		cl := call{start: t, setupEnd: t + setup, end: end, slow: slow, contact: c, db: int16(k), act: act, at: at}
		if s.rOut.Float64() < s.convertAt(p, act, st.Convert, 0, nil, 0, end) {
			cl.outcome = callWin
		} else if st.NurtureShare > 0 && s.rOut.Float64() < st.NurtureShare {
			cl.outcome = callNurture
		}
		buf = append(buf, cl)
		t = end
		if cl.outcome != callFail || end >= limit {
			break
		}
	}
	s.runs[p] = buf
	if len(buf) == 0 {
		return
	}
	s.acct(p)
	s.setBusy(p, true)
	pp.run = true
	s.roles[pp.role].running++
	pp.runI = 0
	pp.cur = -1
	pp.lastKind = kind
	pp.done = s.env.At(buf[len(buf)-1].end, des.Normal, s.h, enc(evDone, int(p)))
}

// slacks draws whether p, under the fat-cat rule, idles for a block
// instead of prospecting: it prospects with probability equal to its
// effort, so that effort is the share of its free time spent prospecting.
func (s *Sim) slacks(p int32) bool {
	pp := &s.people[p]
	ro := &s.cfg.Roles[pp.role]
	fc := ro.FatCat
	if fc == nil {
		return false
	}
	inc := pp.portfol * ro.Pay.Commission
	effort := math.Max(fc.Floor, 1-math.Pow(math.Max(0, inc/fc.Target), fc.Shape))
	return s.rOut.Float64() >= effort
}

// settleRun applies the calls of p's run that ended by t (strictly before
// t when strict).
//
// Settling a call can change anything (a lead arrives and interrupts p), so
// the run's state is read afresh after each call.
func (s *Sim) settleRun(p int32, t float64, strict bool) {
	pp := &s.people[p]
	n := 0
	var c call
	for pp.run && pp.runI < len(s.runs[p]) {
		c = s.runs[p][pp.runI]
		if c.end > t || (strict && c.end == t) {
			break
		}
		pp.runI++
		n++
		if c.outcome != callFail {
			s.countCalls(p, &c, n)
			n = 0
		}
		s.settleCall(p, &c)
	}
	s.countCalls(p, &c, n)
}

// countCalls records n finished calls like c.
func (s *Sim) countCalls(p int32, c *call, n int) {
	if n == 0 || !s.recording {
		return
	}
	r := int(s.people[p].role)
	x := float64(n)
	s.rec.add(cTasks, r, s.month, x)
	s.rec.done[r*s.p.nAct+int(c.act)] += x
	s.rec.done[(s.rec.nRole-1)*s.p.nAct+int(c.act)] += x
	s.rec.entered[s.cfg.Databases[c.db].Stage] += x
}

// settleCall applies one finished call, counted already: the contact
// becomes a lead, a nurtured lead, or goes back to cool off.
func (s *Sim) settleCall(p int32, c *call) {
	r := s.people[p].role
	k := int(c.db)
	db := &s.cfg.Databases[k]
	switch c.outcome {
	case callWin:
		st := &s.cfg.Stages[db.Stage]
		id := s.newAccount(s.dbSize(k, c.contact), r, s.assign(r, p))
		if s.recording {
			s.rec.add(cLeadsIn, int(r), s.month, 1)
		}
		if st.Next < 0 {
			s.win(id, p)
		} else {
			s.enterStage(id, st.Next, 0)
		}
	case callNurture:
		st := &s.cfg.Stages[db.Stage]
		id := s.newAccount(s.dbSize(k, c.contact), r, s.assign(r, p))
		if s.recording {
			s.rec.add(cLeadsIn, int(r), s.month, 1)
		}
		s.nurture(id, st.NeedIn.Sample(s.rDelay), st.Recall, r)
	default:
		d := &s.dbs[k]
		if d.attempts != nil {
			d.attempts[c.contact]++
			if int(d.attempts[c.contact]) >= db.MaxAttempts {
				return // exhausted
			}
		}
		d.again.Push(recall{contact: c.contact, at: c.end + db.Cooloff})
	}
}

// runDone ends p's run at its last call. p is free before the calls are
// settled, since what they set off (a new lead) may be work for p.
func (s *Sim) runDone(p int32) {
	pp := &s.people[p]
	var calls [maxRun]call
	n := copy(calls[:], s.runs[p][pp.runI:])
	pp.run = false
	s.roles[pp.role].running--
	s.setBusy(p, false)
	s.runs[p] = s.runs[p][:0]
	if n > 0 {
		s.countCalls(p, &calls[0], n)
	}
	for i := range n {
		s.settleCall(p, &calls[i])
	}
	s.next(p)
}

// current returns the index of the call of p's run in progress at now.
func (s *Sim) current(p int32) int {
	pp := &s.people[p]
	buf := s.runs[p]
	now := s.env.Now()
	i := pp.runI
	for i < len(buf)-1 && buf[i].end <= now {
		i++
	}
	return i
}

// unroll gives back the contacts of the calls of p's run after call i.
func (s *Sim) unroll(p int32, i int) {
	buf := s.runs[p]
	for j := len(buf) - 1; j > i; j-- {
		s.dbs[buf[j].db].giveBack(buf[j].contact, buf[j].at)
	}
	s.runs[p] = buf[:i+1]
}

// cutAfterCurrent ends p's run when the call in progress ends.
func (s *Sim) cutAfterCurrent(p int32) {
	pp := &s.people[p]
	if !pp.run {
		return
	}
	i := s.current(p)
	if i == len(s.runs[p])-1 {
		return
	}
	s.unroll(p, i)
	s.env.Reschedule(pp.done, s.runs[p][i].end)
}

// preemptRun stops p's run now: finished calls are settled, the call in
// progress is abandoned and its contact goes back.
func (s *Sim) preemptRun(p int32) {
	pp := &s.people[p]
	s.acct(p)
	s.settleRun(p, s.env.Now(), false)
	if pp.runI < len(s.runs[p]) {
		s.unroll(p, pp.runI)
		c := s.runs[p][pp.runI]
		s.dbs[c.db].giveBack(c.contact, c.at)
	}
	s.runs[p] = s.runs[p][:0]
	s.env.Cancel(pp.done)
	pp.run = false
	s.roles[pp.role].running--
	s.setBusy(p, false)
}

// acctRun splits the busy time [from, now] of p's run into setup, work and
// fatigue.
func (s *Sim) acctRun(p int32, from, now float64) {
	pp := &s.people[p]
	var setup, work, rested float64
	for _, c := range s.runs[p][pp.runI:] {
		if c.start >= now {
			break
		}
		a, b := c.start, c.end
		if from > a {
			a = from
		}
		if now < b {
			b = now
		}
		if b <= a {
			continue
		}
		su := c.setupEnd - a
		if b < c.setupEnd {
			su = b - a
		}
		if su < 0 {
			su = 0
		}
		w := b - a - su
		setup += su
		work += w
		rested += w / c.slow
	}
	a := &pp.acc
	a[aSetup] += setup
	a[aWork] += rested
	a[aFatigue] += work - rested
}

// onWake: a contact of database k has become callable again.
func (s *Sim) onWake(k int) {
	s.dbs[k].waking = false
	for r, ro := range s.cfg.Roles {
		for _, d := range ro.Pull {
			if d == k {
				s.wakeRole(r)
			}
		}
	}
}
