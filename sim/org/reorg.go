package org

import (
	"math"
	"slices"

	"github.com/salesim/salesim/sim/des"
)

// reorgs applies the changes of design ([Reorg]) at their times: veterans
// who leave, people who move to another role with their clients and
// tenure, accounts transferred, headcounts matched by hiring (new hires
// ramp up) or letting the most recent hires go, accounts of emptied roles
// rehomed, and books rebalanced.
type reorgs struct {
	s      *Sim
	hReorg des.Handler
}

func (rg *reorgs) bind(s *Sim) {
	rg.s = s
	rg.hReorg = func(k int) { rg.apply(k) }
}

// schedule schedules the reorganisations that fall within the run.
func (rg *reorgs) schedule() {
	s := rg.s
	for i, ro := range s.cfg.Reorgs {
		if ro.At < s.end {
			s.env.At(ro.At, des.Urgent, rg.hReorg, i)
		}
	}
}

// apply applies reorganisation k: first the veterans who will not accept
// the new rules leave, then people move (with their clients) to their new
// roles, accounts are transferred, and headcounts are matched by hiring or
// letting go.
func (rg *reorgs) apply(k int) {
	s := rg.s
	ro := &s.cfg.Reorgs[k]
	now := s.env.Now()
	if ro.Leave > 0 {
		for r := range s.staff.roles {
			if ro.LeaveRoles != nil && !slices.Contains(ro.LeaveRoles, RoleAt(r)) {
				continue
			}
			var vets []int32
			for _, p := range s.staff.employedBy(int32(r), nil) {
				if s.staff.people[p].hired < now {
					vets = append(vets, p)
				}
			}
			n := int(math.Round(ro.Leave * float64(len(vets))))
			// Choose n of them at random (a partial Fisher–Yates shuffle).
			for i := 0; i < n; i++ {
				j := i + s.rnd.people.IntN(len(vets)-i)
				vets[i], vets[j] = vets[j], vets[i]
				s.staff.dismiss(vets[i], ro.LeaveLoss)
			}
		}
	}
	for _, mv := range ro.Moves {
		people := s.staff.employedBy(int32(mv.From.Index()), func(a, b int32) int {
			return cmpFloat(s.staff.people[a].hired, s.staff.people[b].hired) // veterans first
		})
		n := mv.N
		if n < 0 || n > len(people) {
			n = len(people)
		}
		for _, p := range people[:n] {
			rg.move(p, int32(mv.To.Index()))
		}
	}
	for _, tr := range ro.Transfer {
		rg.transfer(int32(tr.From.Index()), int32(tr.To.Index()))
	}
	for r, h := range ro.Headcount {
		if h >= 0 {
			rg.setHeadcount(int32(r), h)
		}
	}
	for r := range s.staff.roles {
		if s.staff.roles[r].staff == 0 {
			rg.rehome(int32(r))
		}
	}
	for _, r := range ro.Rebalance {
		rg.rebalance(int32(r.Index()))
	}
}

// rebalance shares the accounts of role r out afresh: clients first, the
// largest first, each to the person with the fewest accounts so far.
func (rg *reorgs) rebalance(r int32) {
	s := rg.s
	if s.staff.roles[r].staff == 0 || s.cfg.Roles[r].Assign == AssignPool {
		return
	}
	var ids []int32
	for i := range s.accts.list {
		if a := &s.accts.list[i]; a.role == r && a.state != stFree {
			ids = append(ids, int32(i))
			s.accts.disown(a)
			a.owner = -1
		}
	}
	slices.SortStableFunc(ids, func(x, y int32) int {
		a, b := &s.accts.list[x], &s.accts.list[y]
		if (a.state == stClient) != (b.state == stClient) {
			if a.state == stClient {
				return -1
			}
			return 1
		}
		return cmpFloat(b.size, a.size)
	})
	for _, id := range ids {
		a := &s.accts.list[id]
		best := int32(-1)
		for _, m := range s.staff.roles[r].members {
			if p := &s.staff.people[m]; p.employed && (best < 0 || p.owned < s.staff.people[best].owned) {
				best = m
			}
		}
		a.owner = best
		s.accts.own(a)
	}
}

// rehome hands the accounts and queued work of role r, which has nobody
// left, to the roles that can do the work: a client to the first staffed
// role that performs client care (or handles orders), a lead to the first
// that performs its stage's activity; queued tasks go where their account
// now routes them.
func (rg *reorgs) rehome(r int32) {
	s := rg.s
	c := &s.cfg.Clients
	for i := range s.accts.list {
		a := &s.accts.list[i]
		if a.role != r || a.state == stFree {
			continue
		}
		to := int32(-1)
		switch {
		case a.state == stClient && c.Care != 0:
			to = s.work.staffedDoer(int32(c.Care.Index()))
		case a.state == stClient && c.Order != 0:
			to = s.work.staffedDoer(int32(c.Order.Index()))
		case a.state != stClient && a.stage >= 0:
			to = s.work.staffedDoer(int32(s.cfg.Stages[a.stage].Activity.Index()))
		}
		if to >= 0 {
			s.accts.reassign(int32(i), to)
		}
	}
	fr := &s.work.roles[r]
	for act := range fr.q {
		q := &fr.q[act]
		n := q.Len()
		for range n {
			id := q.Pop()
			t := &s.work.tasks[id]
			if t.dead {
				s.work.freeTaskID(id)
				continue
			}
			role, person := s.work.route(&s.accts.list[t.acct], t.act)
			if role == r {
				q.Push(id) // nobody else can do it: it waits for a hire
				continue
			}
			s.work.moveTask(id, role, person)
		}
	}
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// move takes person p, with their clients and tenure, to role to.
func (rg *reorgs) move(p int32, to int32) {
	s := rg.s
	pp := &s.staff.people[p]
	from := pp.role
	if from == to {
		return
	}
	pp.hold = true // p takes no work until moved
	s.work.preempt(p)
	s.staff.acct(p)
	s.staff.flushPerson(p) // what p did so far counts for the old role
	s.staff.logStint(p, false)
	s.rules.drop(p)
	s.work.requeuePersonal(p)
	if pp.absent > 0 {
		s.staff.roles[from].absent--
	}
	fr := &s.staff.roles[from]
	fr.staff--
	fr.members = slices.DeleteFunc(fr.members, func(m int32) bool { return m == p })
	for i, m := range fr.members {
		s.staff.people[m].slot = i
	}
	s.work.roles[from].free.rebuild(fr.members, s.staff.people)
	tr := &s.staff.roles[to]
	pp.role = to
	pp.slot = len(tr.members)
	pp.group = tr.groups[pp.slot%len(tr.groups)]
	pp.lastKind = -1
	tr.members = append(tr.members, p)
	s.work.roles[to].free.put(pp.slot, !pp.busy)
	tr.staff++
	s.staff.logStint(p, true)
	if pp.absent > 0 {
		tr.absent++
	}
	for i := range s.accts.list {
		a := &s.accts.list[i]
		if a.owner == p && a.state != stFree {
			a.role = to
		}
	}
	// Absences and attrition follow the new role's rules from now on.
	s.staff.cancelAbsences(p)
	s.staff.scheduleAbsences(p)
	s.env.Cancel(pp.leave)
	s.staff.scheduleLeave(p)
	if s.cal.groups[pp.group].in {
		pp.fatStart, pp.fatBase = s.env.Now(), 0
	}
	pp.hold = false
	s.work.wakeRole(int(from))
	s.work.next(p)
}

// transfer hands every account of role from to role to, and moves the
// queued work of from's pool that to can do.
func (rg *reorgs) transfer(from, to int32) {
	s := rg.s
	for i := range s.accts.list {
		a := &s.accts.list[i]
		if a.role == from && a.state != stFree {
			s.accts.reassign(int32(i), to)
		}
	}
	fr := &s.work.roles[from]
	for act := range fr.q {
		if s.cfg.Roles[to].Speed[act] == 0 {
			continue
		}
		q := &fr.q[act]
		for q.Len() > 0 {
			id := q.Pop()
			t := &s.work.tasks[id]
			if t.dead {
				s.work.freeTaskID(id)
				continue
			}
			s.work.moveTask(id, to, -1)
		}
	}
}

// setHeadcount hires or lets go (most recent hires first) to reach h
// employed people in role r.
func (rg *reorgs) setHeadcount(r int32, h int) {
	s := rg.s
	s.staff.roles[r].target = h
	emp := s.staff.employedBy(r, func(a, b int32) int {
		return cmpFloat(s.staff.people[b].hired, s.staff.people[a].hired) // newest first
	})
	for i := 0; i < len(emp)-h; i++ {
		s.staff.dismiss(emp[i], 0)
	}
	for n := len(emp); n < h; n++ {
		p := int32(-1)
		for _, m := range s.staff.roles[r].members {
			if !s.staff.people[m].employed {
				p = m
				break
			}
		}
		if p < 0 {
			p = s.staff.addPerson(r)
		}
		s.staff.hire(p)
	}
}
