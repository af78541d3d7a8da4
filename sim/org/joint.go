package org

import (
	"fmt"
	"math"
)

// Joint work (seed 002, block 3 of the active funnel: the head of
// department joins the closing negotiations "so that they end in a sale
// more often"). An activity may have a joining role ([Activity.Join]):
// when a person of another role starts its work, the first member of the
// joining role who is free — employed, present, on shift, not busy and
// not idling by choice, in a span that allows the activity — joins for
// the whole of it, setup included, and the work converts 1+Convert times
// as often. Both people's time is taken: the joiner's is productive time
// (its part during the doer's setup is switching). People who become free
// at the very instant the work starts (a shift that starts at the same
// time) count as free: one with nothing else to do joins such work then.
//
// When nobody of the joining role is free, the work goes ahead alone at
// the base conversion: a seller does not put off a booked negotiation
// because the head is busy, and a rule that made the work wait would let
// one busy head stall every seller. Such starts are counted
// (join_missed). A joiner who leaves before the end (the shift ends, an
// absence, a reorganisation) leaves the work to finish alone at the base
// conversion; a joiner is not interrupted by ringing work. Work resumed
// after an interruption looks for a joiner afresh. Pulled calls are never
// joined.

// Join is a second role joining an activity's work.
type Join struct {
	// Role is the joining role (required). Its people need not do the
	// activity themselves.
	Role RoleRef
	// Convert is the relative rise in conversion of work joined: 0.3
	// multiplies it by 1.3. No source gives a number (seed 002 says only
	// that the head raises the close rate): 0, the join costing time
	// only, unless a design gives one.
	Convert float64
	// For lists the roles whose work is joined (the hunters' closes, not
	// the farmers'); none: every role that does the activity.
	For []RoleRef
}

// joins reports whether the work of role r is joined.
func (j *Join) joins(r int32) bool {
	if len(j.For) == 0 {
		return true
	}
	for _, x := range j.For {
		if x.Index() == int(r) {
			return true
		}
	}
	return false
}

func (j *Join) check(v *checker, f string, a int) {
	c := v.cfg
	if !v.role(f+".Role", j.Role, true) {
		return
	}
	v.share(f+".Convert", j.Convert, -1, math.Inf(1), true, true)
	r := j.Role.Index()
	for i, x := range j.For {
		k := fmt.Sprintf("%s.For[%d]", f, i)
		if !v.role(k, x, true) {
			continue
		}
		switch {
		case x.Index() == r:
			v.bad(k, "role %s joins the work: it cannot also be joined", c.Roles[r].Name)
		case !c.performs(x.Index(), a):
			v.bad(k, "role %s does not do activity %s: there is no work of it to join", c.Roles[x.Index()].Name, c.Activities[a].Name)
		}
	}
	others := false
	for i := range c.Roles {
		others = others || i != r && c.performs(i, a) && j.joins(int32(i))
	}
	if !others {
		v.warn(f+".Role", "no role other than %s does activity %s: nobody's work is joined", c.Roles[r].Name, c.Activities[a].Name)
	}
	if !c.staffed(r) {
		v.warn(f+".Role", "role %s never has people: the work is always done alone", c.Roles[r].Name)
	}
}

// joins reports whether role r joins some activity's work.
func (c *Config) joins(r int) bool {
	for _, a := range c.Activities {
		if a.Join != nil && a.Join.Role.Index() == r {
			return true
		}
	}
	return false
}

// joinsSome reports, per role of p, whether the role joins some
// activity's work.
func joiners(p *Plan) []bool {
	j := make([]bool, p.nRole)
	for _, a := range p.cfg.Activities {
		if a.Join != nil {
			j[a.Join.Role.Index()] = true
		}
	}
	return j
}

// joint is the joint-work mechanism.
type joint struct{ s *Sim }

func (j *joint) bind(s *Sim) { j.s = s }

// joining is the part of a person that joint work keeps.
type joining struct {
	joins  int32 // the person whose work this person joins, plus one; 0: none
	joined int32 // the person joining this person's work in hand, plus one; 0: none
}

// joinsWork reports whether some activity of p has a joining role.
func joinsWork(p *Plan) bool {
	for _, a := range p.cfg.Activities {
		if a.Join != nil {
			return true
		}
	}
	return false
}

// compileJoins notes whether some activity has a joining role.
func (p *Plan) compileJoins() {
	p.boosts = p.boosts || joinsWork(p)
	p.joiner = joiners(p)
}

// join finds a free person of the joining role of activity act for the
// work person p starts now (fresh: not resumed) and returns the
// conversion multiplier of the work.
func (jt *joint) join(p int32, act int32, fresh bool) float64 {
	s := jt.s
	j := s.cfg.Activities[act].Join
	pp := &s.staff.people[p]
	r := int32(j.Role.Index())
	if pp.role == r || !j.joins(pp.role) {
		return 1
	}
	for _, m := range s.staff.roles[r].members {
		mm := &s.staff.people[m]
		if mm.busy || mm.idling || !s.cal.onDuty(m) || !s.cal.allowed(m, act) {
			continue
		}
		jt.joinIn(m, p, fresh)
		return 1 + j.Convert
	}
	if fresh && s.recording {
		s.rec.add(cJoinMissed, int(pp.role), s.month, 1)
	}
	return 1
}

// joinIn makes free person m join the work person p has in hand.
func (jt *joint) joinIn(m, p int32, fresh bool) {
	s := jt.s
	pp, mm := &s.staff.people[p], &s.staff.people[m]
	s.staff.acct(m)
	s.work.setBusy(m, true)
	mm.cur = -1
	mm.segStart = s.env.Now()
	mm.setupEnd = pp.setupEnd
	mm.slow = 1
	mm.lastKind = pp.lastKind
	mm.joins = p + 1
	pp.joined = m + 1
	if fresh && s.recording {
		s.rec.add(cJoined, int(mm.role), s.month, 1)
	}
}

// joinNow lets free person m, of a joining role and with nothing else to
// do, join work that started alone at this very instant for want of a
// joiner (people whose shift starts at the same time as the work are
// free for it).
func (jt *joint) joinNow(m int32) {
	s := jt.s
	mm := &s.staff.people[m]
	if mm.busy || mm.idling || !s.cal.onDuty(m) {
		return
	}
	now := s.env.Now()
	for p := range s.staff.people {
		pp := &s.staff.people[p]
		if !pp.busy || pp.run || pp.cur < 0 || pp.joined != 0 || pp.segStart != now || pp.role == mm.role {
			continue
		}
		t := &s.work.tasks[pp.cur]
		j := s.cfg.Activities[t.act].Join
		if j == nil || j.Role.Index() != int(mm.role) || !j.joins(pp.role) || !s.cal.allowed(m, t.act) {
			continue
		}
		fresh := t.remain < 0
		jt.joinIn(m, int32(p), fresh)
		if fresh && s.recording {
			s.rec.add(cJoinMissed, int(pp.role), s.month, -1)
		}
		pp.boost *= 1 + j.Convert
		return
	}
}

// unjoin frees the person who joined p's work in hand, which ended or
// was interrupted, and returns them.
func (jt *joint) unjoin(p int32) int32 {
	s := jt.s
	pp := &s.staff.people[p]
	m := pp.joined - 1
	pp.joined = 0
	s.staff.acct(m)
	s.staff.people[m].joins = 0
	s.work.setBusy(m, false)
	return m
}

// leave takes joiner m away from the work it joined, which goes on
// alone at the base conversion.
func (jt *joint) leave(m int32) {
	s := jt.s
	mm := &s.staff.people[m]
	p := mm.joins - 1
	pp := &s.staff.people[p]
	s.staff.acct(m)
	mm.joins = 0
	pp.joined = 0
	pp.boost /= 1 + s.cfg.Activities[s.work.tasks[pp.cur].act].Join.Convert
	s.work.setBusy(m, false)
}
