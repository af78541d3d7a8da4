package org

import (
	"math"
	"slices"

	"github.com/salesim/salesim/sim/des"
)

// person is one member of staff (or a vacancy: employed false).
type person struct {
	role     int32
	group    int32 // calendar group
	slot     int   // position in the role's members
	employed bool
	hired    float64
	absent   int8 // overlapping absences
	waiting  int  // live tasks in the personal queues

	busy     bool
	hold     bool // being moved or let go: takes no work
	slack    bool // idling by choice (fat cat) until an evSlack
	run      bool // making a run of outbound calls (calls.go)
	runI     int  // first call of the run not yet settled
	cur      int32
	segStart float64
	setupEnd float64
	slow     float64
	base     float64
	lastKind int32
	done     des.Event
	leave    des.Event
	slackEv  des.Event

	since    float64 // time accounted up to
	fatBase  float64 // fatigue hours carried into the current stretch
	fatStart float64 // start of the current stretch on shift
	offAt    float64 // when the last stretch ended

	owned   int     // clients owned
	portfol float64 // monthly margin of clients owned, at their level
	acc     [nAcc]float64
}

// group is the calendar of one shift of one role: members with
// person.group == the group's index follow it.
type group struct {
	role      int32
	week      *Week
	labels    []int // label id per span: equal ids mean no change
	in        bool  // inside span pos, else before it
	pos       int
	weekStart float64
}

// onDuty reports whether p is at work: employed, present, in a working
// span that is not an internal block.
func (s *Sim) onDuty(p int32) bool {
	pp := &s.people[p]
	if !pp.employed || pp.absent > 0 || pp.hold {
		return false
	}
	g := &s.groups[pp.group]
	return g.in && g.week.Spans[g.pos].Kind != Internal
}

// present reports whether p is employed and not absent.
func (s *Sim) present(p int32) bool {
	pp := &s.people[p]
	return pp.employed && pp.absent == 0
}

// allowed reports whether the span p is in allows activity a. Interrupting
// activities are allowed in every working span.
func (s *Sim) allowed(p int32, a int32) bool {
	g := &s.groups[s.people[p].group]
	sp := &g.week.Spans[g.pos]
	if sp.Kind != Block || s.cfg.Activities[a].Interrupts {
		return true
	}
	return slices.Contains(sp.Only, int(a))
}

// canTake reports whether p would start work on activity a now.
func (s *Sim) canTake(p int32, a int32) bool {
	pp := &s.people[p]
	return !pp.busy && !pp.slack && s.onDuty(p) && s.cfg.Roles[pp.role].Speed[a] > 0 && s.allowed(p, a)
}

// ramp returns p's productivity from tenure.
func (s *Sim) ramp(p int32) float64 { return s.rampAt(p, s.env.Now()) }

// fatigue returns the multiplier left after p's hours on shift at the
// given relative decline per hour.
func (s *Sim) fatigue(p int32, perHour float64) float64 {
	return s.fatigueAt(p, perHour, s.env.Now())
}

// Time-accounting states.
const (
	stOff = iota
	stAbsent
	stInternal
	stIdle
	stBusy
)

func (s *Sim) state(p int32) int {
	pp := &s.people[p]
	g := &s.groups[pp.group]
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
func (s *Sim) acct(p int32) {
	pp := &s.people[p]
	now := s.env.Now()
	from := pp.since
	pp.since = now
	if !s.recording || !pp.employed || now <= from {
		return
	}
	d := now - from
	a := &pp.acc
	a[aHead] += d
	st := s.state(p)
	if st >= stInternal {
		a[aPresent] += d
	}
	switch st {
	case stAbsent:
		a[aAbsence] += d
	case stInternal:
		a[aInternal] += d
	case stIdle:
		a[aIdle] += d
	case stBusy:
		if pp.run {
			s.acctRun(p, from, now)
			return
		}
		setup := math.Max(0, math.Min(now, pp.setupEnd)-from)
		work := d - setup
		a[aSetup] += setup
		a[aWork] += work / pp.slow
		a[aFatigue] += work - work/pp.slow
	}
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

// flushPerson moves p's accumulated time and pay to the recorder, under
// p's current role and month.
func (s *Sim) flushPerson(p int32) {
	pp := &s.people[p]
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
	}
	if pay.Hourly > 0 {
		rec.add(cCostHourly, r, m, a[aPresent]*pay.Hourly)
	}
	rec.add(cTAbsence, r, m, a[aAbsence])
	rec.add(cTInternal, r, m, a[aInternal])
	rec.add(cTIdle, r, m, a[aIdle])
	rec.add(cTSetup, r, m, a[aSetup])
	rec.add(cTWork, r, m, a[aWork])
	rec.add(cTFatigue, r, m, a[aFatigue])
	*a = [nAcc]float64{}
}

// setupRoles creates the people, calendars and queues.
// The buffers of a replication (queues, member lists) are kept for the
// next one: a Sim reused across replications stops allocating once they
// have grown.
func (s *Sim) setupRoles() {
	cfg := s.cfg
	if cap(s.roles) < len(cfg.Roles) {
		s.roles = make([]roleState, len(cfg.Roles))
	}
	s.roles = s.roles[:len(cfg.Roles)]
	for r, ro := range cfg.Roles {
		rs := &s.roles[r]
		q, members, groups := rs.q, rs.members[:0], rs.groups[:0]
		if len(q) != s.p.nAct {
			q = make([]des.Queue[int32], s.p.nAct)
		}
		for i := range q {
			q[i].Clear()
		}
		*rs = roleState{q: q, members: members, groups: groups}
		for i := range ro.Shifts {
			rs.groups = append(rs.groups, int32(len(s.groups)))
			s.groups = append(s.groups, group{role: int32(r), week: &ro.Shifts[i], labels: s.p.labels[r][i]})
		}
		rs.target = ro.Headcount
		for i := range ro.Headcount {
			p := s.addPerson(int32(r))
			tenure := float64(len(ro.Ramp)) * Month
			if i >= ro.Headcount-ro.New {
				tenure = 0
			}
			s.employ(p, -tenure)
		}
	}
}

// addPerson appends a vacancy to role r and returns it.
func (s *Sim) addPerson(r int32) int32 {
	id := int32(len(s.people))
	rs := &s.roles[r]
	slot := len(rs.members)
	s.people = append(s.people, person{
		role: r, slot: slot, cur: -1, lastKind: -1,
		group: rs.groups[slot%len(rs.groups)],
	})
	rs.members = append(rs.members, id)
	rs.absent++ // vacant until employed
	n := len(s.pq) + s.p.nAct
	if cap(s.pq) >= n {
		s.pq = s.pq[:n]
		for i := n - s.p.nAct; i < n; i++ {
			s.pq[i].Clear() // a queue of an earlier replication
		}
	} else {
		for len(s.pq) < n {
			s.pq = append(s.pq, des.Queue[int32]{})
		}
	}
	for range maxAbs {
		s.absEv = append(s.absEv, des.Event{})
	}
	return id
}

// employ fills vacancy p with a person hired at time hired (before now for
// tenured staff) and starts their life events.
func (s *Sim) employ(p int32, hired float64) {
	s.acct(p)
	pp := &s.people[p]
	pp.employed = true
	s.logStint(p, true)
	s.roles[pp.role].staff++
	pp.hired = hired
	pp.absent = 0
	pp.lastKind = -1
	pp.fatBase, pp.fatStart, pp.offAt = 0, s.env.Now(), s.env.Now()
	s.roles[pp.role].absent--
	ro := &s.cfg.Roles[pp.role]
	if ro.Attrition > 0 {
		h := -math.Log1p(-math.Min(ro.Attrition, 0.999999)) / Year
		pp.leave = s.env.After(s.exp(s.rPeople, h), des.Normal, s.h, enc(evLeave, int(p)))
	}
	for k, ab := range ro.Absence {
		if ab.Rate > 0 && k < maxAbs {
			s.absEv[int(p)*maxAbs+k] = s.env.After(s.exp(s.rPeople, ab.Rate/Year), des.Normal, s.h, enc(evAbsStart, int(p)*maxAbs+k))
		}
	}
}

// hire fills vacancy p with a new hire (after attrition's refill delay).
func (s *Sim) hire(p int32) {
	r := s.people[p].role
	if s.people[p].employed || len(s.employedBy(r, nil)) >= s.roles[r].target {
		return
	}
	s.employ(p, s.env.Now())
	g := &s.groups[s.people[p].group]
	if g.in {
		s.people[p].fatStart = s.env.Now()
	}
	s.next(p)
}

func (s *Sim) onAbsStart(p int32, k int) {
	pp := &s.people[p]
	if !pp.employed {
		return
	}
	ab := &s.cfg.Roles[pp.role].Absence[k]
	s.acct(p)
	if pp.absent == 0 {
		s.roles[pp.role].absent++
	}
	pp.absent++
	s.preempt(p) // after the absence starts, so that p does not take the work back
	d := ab.Length.Sample(s.rPeople)
	s.env.After(d, des.Normal, s.h, enc(evAbsEnd, int(p)*maxAbs+k))
	// The next spell starts after this one ends.
	s.absEv[int(p)*maxAbs+k] = s.env.After(d+s.exp(s.rPeople, ab.Rate/Year), des.Normal, s.h, enc(evAbsStart, int(p)*maxAbs+k))
}

func (s *Sim) onAbsEnd(p int32) {
	pp := &s.people[p]
	if !pp.employed || pp.absent == 0 {
		return
	}
	s.acct(p)
	pp.absent--
	if pp.absent == 0 {
		s.roles[pp.role].absent--
		s.next(p)
	}
}

// onAttrition: person p leaves; the vacancy is refilled after a delay.
func (s *Sim) onAttrition(p int32) {
	ro := &s.cfg.Roles[s.people[p].role]
	s.dismiss(p, ro.LeaveLoss)
	if !ro.Refill.IsZero() {
		s.env.After(ro.Refill.Sample(s.rPeople), des.Normal, s.h, enc(evRefill, int(p)))
	}
}

// dismiss makes p a vacancy. Work in hand and queued personal tasks go to
// the role's pool; each client leaves with probability loss and is
// otherwise handed to a colleague.
func (s *Sim) dismiss(p int32, loss float64) {
	pp := &s.people[p]
	if !pp.employed {
		return
	}
	pp.hold = true // p takes no work while leaving
	s.preempt(p)
	s.acct(p)
	pp.hold = false
	r := pp.role
	if pp.absent == 0 {
		s.roles[r].absent++
	}
	pp.employed = false
	s.logStint(p, false)
	s.roles[r].staff--
	pp.absent = 0
	pp.slack = false
	s.env.Cancel(pp.leave)
	s.env.Cancel(pp.slackEv)
	for k := range maxAbs {
		s.env.Cancel(s.absEv[int(p)*maxAbs+k])
	}
	s.requeuePersonal(p)
	for i := range s.accts {
		a := &s.accts[i]
		if a.owner != p || (a.state != stClient && a.state != stLead && a.state != stNurture) {
			continue
		}
		if a.state == stClient && s.rCli.Float64() < loss {
			s.churn(int32(i))
			continue
		}
		s.reassign(int32(i), a.role)
	}
	pp.owned, pp.portfol = 0, 0
	s.wakeRole(int(r))
}

// requeuePersonal moves p's personal tasks to the pool of their role.
func (s *Sim) requeuePersonal(p int32) {
	nAct := s.p.nAct
	for a := range nAct {
		q := &s.pq[int(p)*nAct+a]
		for q.Len() > 0 {
			id := q.Pop()
			t := &s.tasks[id]
			if t.dead {
				s.freeTaskID(id)
				continue
			}
			s.people[p].waiting--
			t.person = -1
			s.roles[t.role].q[t.act].Push(id)
		}
	}
}

// startGroup puts calendar group g in its state at time 0 and schedules its
// first change.
func (s *Sim) startGroup(g int) {
	gr := &s.groups[g]
	sp := gr.week.Spans
	gr.weekStart = 0
	gr.pos = 0
	for gr.pos < len(sp) && sp[gr.pos].End <= 0 {
		gr.pos++
	}
	gr.in = sp[gr.pos].Start <= 0
	for _, m := range s.roles[gr.role].members {
		if s.people[m].group == int32(g) {
			s.people[m].fatStart = 0
			s.people[m].offAt = math.Inf(-1)
			s.next(m)
		}
	}
	s.scheduleCal(g)
}

// scheduleCal schedules group g's next calendar change. The start of work
// comes before anything else at the same instant (work arriving then finds
// people at their desks); the end of a span comes after everything else
// (work finishing exactly then is finished, not cut).
func (s *Sim) scheduleCal(g int) {
	gr := &s.groups[g]
	prio := des.Urgent
	if gr.in {
		prio = des.Late
	}
	s.env.At(s.nextChange(gr), prio, s.h, enc(evCal, g))
}

func (s *Sim) nextChange(g *group) float64 {
	sp := g.week.Spans[g.pos]
	if g.in {
		return g.weekStart + sp.End
	}
	return g.weekStart + sp.Start
}

// breakMax is the longest time off that counts as a break rather than the
// end of a shift.
const breakMax = 2.0

// onCal moves calendar group g to its next span (or gap).
func (s *Sim) onCal(g int) {
	gr := &s.groups[g]
	sp := gr.week.Spans
	members := s.roles[gr.role].members
	for _, m := range members {
		if s.people[m].group == int32(g) {
			s.acct(m)
		}
	}
	wasIn, wasLabel := gr.in, -1
	if gr.in {
		wasLabel = gr.labels[gr.pos]
		end := sp[gr.pos].End
		nxt, ws := gr.pos+1, gr.weekStart
		if nxt == len(sp) {
			nxt, ws = 0, ws+HoursPerWeek
			end -= HoursPerWeek
		}
		gr.pos, gr.weekStart = nxt, ws
		gr.in = sp[nxt].Start == end
	} else {
		gr.in = true
	}
	s.scheduleCal(g)
	if gr.in && wasIn && gr.labels[gr.pos] == wasLabel {
		return // the same kind of span continues
	}
	now := s.env.Now()
	kind := Span{}.Kind
	if gr.in {
		kind = sp[gr.pos].Kind
	}
	for _, m := range members {
		pp := &s.people[m]
		if pp.group != int32(g) || !pp.employed {
			continue
		}
		switch {
		case !gr.in: // off: the stretch ends
			s.preempt(m)
			pp.fatBase += now - pp.fatStart
			pp.fatStart = now
			pp.offAt = now
		case !wasIn: // back on after a gap: a break or a new shift
			f := &s.cfg.Roles[pp.role].Fatigue
			if now-pp.offAt <= breakMax {
				pp.fatBase *= 1 - f.BreakRecovery
			} else {
				pp.fatBase = 0
				pp.lastKind = -1
			}
			pp.fatStart = now
			s.next(m)
		case kind == Internal:
			s.preempt(m)
		case pp.run:
			s.cutAfterCurrent(m)
		default:
			s.next(m)
		}
	}
}

func (s *Sim) onSlackEnd(p int32) {
	pp := &s.people[p]
	pp.slack = false
	pp.slackEv = des.Event{}
	s.next(p)
}
