package org

import (
	"slices"

	"github.com/salesim/salesim/sim/des"
)

// staff keeps the people of the department: who holds which post in which
// role and shift group, since when (tenure, for ramp-up), and the
// vacancies. People are hired at time 0, by attrition refills and by
// reorganisations; they leave by attrition, at a reorganisation, or move
// to another role (reorg.go). Absence and attrition are in absence.go.
type staff struct {
	s                                   *Sim
	people                              []person
	roles                               []roleStaff
	stints                              [][]stint // per person: employment history, for the ledger
	absEv                               []des.Event
	absN                                []uint32 // [person*nAbs+kind] spells drawn, the count of their keyed draws
	hAbsStart, hAbsEnd, hLeave, hRefill des.Handler
}

// person is one member of staff (or a vacancy: employed false). Each part
// belongs to the mechanism that keeps it.
type person struct {
	post      // staff.go: the job
	desk      // work.go: the work in hand
	dialing   // calls.go: a run of outbound calls
	shiftWear // fatigue.go: hours on shift
	choice    // rules.go: idling by choice
	holding   // accounts.go: the accounts owned
	timesheet // timesheet.go: time accounted
	joining   // joint.go: joint work
}

// post is a person's job.
type post struct {
	role     int32
	group    int32 // calendar group
	slot     int   // position in the role's members
	employed bool
	hold     bool // being moved or let go: takes no work
	hired    float64
	absent   int8 // overlapping absences
	leave    des.Event
	key      uint64 // the entity key of the post's keyed draws (random.go)
	leaves   uint32 // attrition draws so far
	refills  uint32 // refill draws so far
}

// roleStaff is the staffing of one role.
type roleStaff struct {
	members []int32 // people of the role, vacancies included
	groups  []int32 // its calendar groups
	absent  int     // members absent or vacant: cover looks only then
	target  int     // headcount wanted: refills stop at it
	staff   int     // members employed
	rr      int     // next member in round-robin assignment
}

func (st *staff) bind(s *Sim) {
	st.s = s
	n := max(s.p.nAbs, 1)
	st.hAbsStart = func(i int) { st.onAbsStart(int32(i/n), i%n) }
	st.hAbsEnd = func(i int) { st.onAbsEnd(int32(i / n)) }
	st.hLeave = func(p int) { st.onAttrition(int32(p)) }
	st.hRefill = func(p int) { st.hire(int32(p)) }
}

func (st *staff) reset() {
	st.people = st.people[:0]
	st.absEv = st.absEv[:0]
	st.absN = st.absN[:0]
	for i := range st.stints {
		st.stints[i] = st.stints[i][:0]
	}
}

// setup creates the people, their calendar groups and queues.
// The buffers of a replication (queues, member lists) are kept for the
// next one: a Sim reused across replications stops allocating once they
// have grown.
func (st *staff) setup() {
	s := st.s
	cfg := s.cfg
	if cap(st.roles) < len(cfg.Roles) {
		st.roles = make([]roleStaff, len(cfg.Roles))
	}
	st.roles = st.roles[:len(cfg.Roles)]
	s.work.setupRoles()
	for r, ro := range cfg.Roles {
		rs := &st.roles[r]
		*rs = roleStaff{members: rs.members[:0], groups: rs.groups[:0]}
		for i := range ro.Shifts {
			rs.groups = append(rs.groups, s.cal.add(r, i))
		}
		rs.target = ro.Headcount
		for i := range ro.Headcount {
			p := st.addPerson(int32(r))
			tenure := float64(len(ro.Ramp)) * Month
			if i >= ro.Headcount-ro.New {
				tenure = 0
			}
			st.employ(p, -tenure)
		}
	}
}

// addPerson appends a vacancy to role r and returns it.
func (st *staff) addPerson(r int32) int32 {
	id := int32(len(st.people))
	rs := &st.roles[r]
	slot := len(rs.members)
	st.people = append(st.people, person{
		post: post{role: r, slot: slot, group: rs.groups[slot%len(rs.groups)],
			key: st.s.originKey(originPerson, uint64(id), 0)},
		desk: desk{cur: -1, lastKind: -1},
	})
	rs.members = append(rs.members, id)
	st.s.work.roles[r].free.put(slot, true)
	rs.absent++ // vacant until employed
	st.s.work.addPerson()
	st.s.judge.addPerson()
	for range st.s.p.nAbs {
		st.absEv = append(st.absEv, des.Event{})
		st.absN = append(st.absN, 0)
	}
	return id
}

// employ fills vacancy p with a person hired at time hired (before now for
// tenured staff) and starts their life events.
func (st *staff) employ(p int32, hired float64) {
	s := st.s
	st.acct(p)
	pp := &st.people[p]
	pp.employed = true
	st.logStint(p, true)
	st.roles[pp.role].staff++
	pp.hired = hired
	pp.absent = 0
	pp.lastKind = -1
	pp.restart(s.env.Now())
	st.roles[pp.role].absent--
	st.scheduleLeave(p)
	st.scheduleAbsences(p)
}

// hire fills vacancy p with a new hire (after attrition's refill delay).
func (st *staff) hire(p int32) {
	r := st.people[p].role
	if st.people[p].employed || len(st.employedBy(r, nil)) >= st.roles[r].target {
		return
	}
	st.employ(p, st.s.env.Now())
	if st.s.cal.groups[st.people[p].group].in {
		st.people[p].fatStart = st.s.env.Now()
	}
	st.s.work.next(p)
}

// dismiss makes p a vacancy. Work in hand and queued personal tasks go to
// the role's pool; each client leaves with probability loss and is
// otherwise handed to a colleague.
func (st *staff) dismiss(p int32, loss float64) {
	s := st.s
	pp := &st.people[p]
	if !pp.employed {
		return
	}
	pp.hold = true // p takes no work while leaving
	s.work.preempt(p)
	st.acct(p)
	pp.hold = false
	r := pp.role
	if pp.absent == 0 {
		st.roles[r].absent++
	}
	pp.employed = false
	st.logStint(p, false)
	st.roles[r].staff--
	pp.absent = 0
	s.rules.drop(p)
	s.env.Cancel(pp.leave)
	st.cancelAbsences(p)
	s.work.requeuePersonal(p)
	s.accts.dropOwner(p, loss)
	s.work.wakeRole(int(r))
}

// employedBy returns the employed members of role r, sorted by cmp if it
// is not nil.
func (st *staff) employedBy(r int32, cmp func(a, b int32) int) []int32 {
	var out []int32
	for _, m := range st.roles[r].members {
		if st.people[m].employed {
			out = append(out, m)
		}
	}
	if cmp != nil {
		slices.SortStableFunc(out, cmp)
	}
	return out
}

// present reports whether p is employed and not absent.
func (st *staff) present(p int32) bool {
	pp := &st.people[p]
	return pp.employed && pp.absent == 0
}

// rampAt returns p's ramp-up multiplier at time t: the role's ramp value
// for the month of tenure t falls in, the last value after.
func (st *staff) rampAt(p int32, t float64) float64 {
	r := st.s.cfg.Roles[st.people[p].role].Ramp
	if len(r) == 0 {
		return 1
	}
	m := int((t - st.people[p].hired) / Month)
	if m < 0 {
		m = 0
	}
	return r[min(m, len(r)-1)]
}

// logStint opens (employed) or closes a stretch of person p's employment.
func (st *staff) logStint(p int32, open bool) {
	for int(p) >= len(st.stints) {
		st.stints = append(st.stints, nil)
	}
	now := st.s.env.Now()
	if open {
		st.stints[p] = append(st.stints[p], stint{group: st.people[p].group, from: now, to: -1})
		return
	}
	if n := len(st.stints[p]); n > 0 && st.stints[p][n-1].to < 0 {
		st.stints[p][n-1].to = now
	}
}
