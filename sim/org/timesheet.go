package org

import "math"

// The timesheet splits every person's scheduled hours into productive work
// (at rested speed), switching (setup), fatigue loss, idle time, absence
// and internal blocks, and accrues pay. Time is accounted lazily: a
// person's time since the last change is booked to their state before
// anything changes it ([staff.acct]), into a small array that is flushed
// to the recorder at month ends and when the person changes role.

// timesheet is the part of a person the time accounting keeps.
type timesheet struct {
	since float64 // time accounted up to
	acc   [nAcc]float64
}

// Person accumulators: time and pay piled up between flushes to the
// recorder (at month ends and when the person changes role), so that the
// hot path touches one small array.
const (
	aHead = iota
	aPresent
	aAbsence
	aInternal
	aIdle
	aSetup
	aWork
	aFatigue
	nAcc
)

// Time-accounting states.
const (
	stOff = iota
	stAbsent
	stInternal
	stIdle
	stBusy
)

func (st *staff) state(p int32) int {
	pp := &st.people[p]
	g := &st.s.cal.groups[pp.group]
	switch {
	case !g.in:
		return stOff
	case pp.absent > 0:
		return stAbsent
	case g.week.Spans[g.pos].Kind == Internal:
		return stInternal
	case pp.busy:
		return stBusy
	}
	return stIdle
}

// acct accounts p's time since the last call to its current state. Call it
// before anything that changes the state.
func (st *staff) acct(p int32) {
	s := st.s
	pp := &st.people[p]
	now := s.env.Now()
	from := pp.since
	pp.since = now
	if !s.recording || !pp.employed || now <= from {
		return
	}
	d := now - from
	a := &pp.acc
	a[aHead] += d
	state := st.state(p)
	if state >= stInternal {
		a[aPresent] += d
		if s.p.judging {
			s.judge.presentFor(p, d)
		}
	}
	switch state {
	case stAbsent:
		a[aAbsence] += d
	case stInternal:
		a[aInternal] += d
	case stIdle:
		a[aIdle] += d
	case stBusy:
		if pp.run {
			s.calls.acctRun(p, from, now)
			return
		}
		setup := math.Max(0, math.Min(now, pp.setupEnd)-from)
		work := d - setup
		a[aSetup] += setup
		a[aWork] += work / pp.slow
		a[aFatigue] += work - work/pp.slow
	}
}

// flushPerson moves p's accumulated time and pay to the recorder, under
// p's current role and month.
func (st *staff) flushPerson(p int32) {
	s := st.s
	pp := &st.people[p]
	a := &pp.acc
	if a[aHead] == 0 && a[aSetup] == 0 && a[aWork] == 0 {
		return
	}
	r, m := int(pp.role), s.month
	rec := s.rec
	pay := &s.cfg.Roles[r].Pay
	rec.add(cHeadArea, r, m, a[aHead])
	if pay.Salary > 0 {
		rec.add(cCostSalary, r, m, a[aHead]*pay.Salary/Month)
		rec.posts.add(s, p, pvCost, a[aHead]*pay.Salary/Month)
	}
	if pay.Hourly > 0 {
		rec.add(cCostHourly, r, m, a[aPresent]*pay.Hourly)
		rec.posts.add(s, p, pvCost, a[aPresent]*pay.Hourly)
	}
	rec.posts.add(s, p, pvHead, a[aHead])
	rec.posts.add(s, p, pvWork, a[aWork])
	rec.posts.add(s, p, pvSched, a[aAbsence]+a[aInternal]+a[aIdle]+a[aSetup]+a[aWork]+a[aFatigue])
	rec.add(cTAbsence, r, m, a[aAbsence])
	rec.add(cTInternal, r, m, a[aInternal])
	rec.add(cTIdle, r, m, a[aIdle])
	rec.add(cTSetup, r, m, a[aSetup])
	rec.add(cTWork, r, m, a[aWork])
	rec.add(cTFatigue, r, m, a[aFatigue])
	*a = [nAcc]float64{}
}
