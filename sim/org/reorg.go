package org

import (
	"math"
	"slices"
)

// reorg applies reorganisation k: first the veterans who will not accept
// the new rules leave, then people move (with their clients) to their new
// roles, accounts are transferred, and headcounts are matched by hiring or
// letting go.
func (s *Sim) reorg(k int) {
	ro := &s.cfg.Reorgs[k]
	now := s.env.Now()
	if ro.Leave > 0 {
		for r := range s.roles {
			if ro.LeaveRoles != nil && !slices.Contains(ro.LeaveRoles, r) {
				continue
			}
			var vets []int32
			for _, p := range s.employedBy(int32(r), nil) {
				if s.people[p].hired < now {
					vets = append(vets, p)
				}
			}
			n := int(math.Round(ro.Leave * float64(len(vets))))
			// Choose n of them at random (a partial Fisher–Yates shuffle).
			for i := 0; i < n; i++ {
				j := i + s.rPeople.IntN(len(vets)-i)
				vets[i], vets[j] = vets[j], vets[i]
				s.dismiss(vets[i], ro.LeaveLoss)
			}
		}
	}
	for _, mv := range ro.Moves {
		people := s.employedBy(int32(mv.From), func(a, b int32) int {
			return cmpFloat(s.people[a].hired, s.people[b].hired) // veterans first
		})
		n := mv.N
		if n < 0 || n > len(people) {
			n = len(people)
		}
		for _, p := range people[:n] {
			s.move(p, int32(mv.To))
		}
	}
	for _, tr := range ro.Transfer {
		s.transfer(int32(tr.From), int32(tr.To))
	}
	for r, h := range ro.Headcount {
		if h >= 0 {
			s.setHeadcount(int32(r), h)
		}
	}
	for r := range s.roles {
		if s.roles[r].staff == 0 {
			s.rehome(int32(r))
		}
	}
	for _, r := range ro.Rebalance {
		s.rebalance(int32(r))
	}
}

// rebalance shares the accounts of role r out afresh: clients first, the
// largest first, each to the person with the fewest accounts so far.
func (s *Sim) rebalance(r int32) {
	if s.roles[r].staff == 0 || s.cfg.Roles[r].Assign == AssignPool {
		return
	}
	var ids []int32
	for i := range s.accts {
		if a := &s.accts[i]; a.role == r && a.state != stFree {
			ids = append(ids, int32(i))
			s.disown(a)
			a.owner = -1
		}
	}
	slices.SortStableFunc(ids, func(x, y int32) int {
		a, b := &s.accts[x], &s.accts[y]
		if (a.state == stClient) != (b.state == stClient) {
			if a.state == stClient {
				return -1
			}
			return 1
		}
		return cmpFloat(b.size, a.size)
	})
	for _, id := range ids {
		a := &s.accts[id]
		best := int32(-1)
		for _, m := range s.roles[r].members {
			if p := &s.people[m]; p.employed && (best < 0 || p.owned < s.people[best].owned) {
				best = m
			}
		}
		a.owner = best
		s.own(a)
	}
}

// rehome hands the accounts and queued work of role r, which has nobody
// left, to the roles that can do the work: a client to the first staffed
// role that performs client care (or handles orders), a lead to the first
// that performs its stage's activity; queued tasks go where their account
// now routes them.
func (s *Sim) rehome(r int32) {
	c := &s.cfg.Clients
	for i := range s.accts {
		a := &s.accts[i]
		if a.role != r || a.state == stFree {
			continue
		}
		to := int32(-1)
		switch {
		case a.state == stClient && c.Care >= 0:
			to = s.staffedDoer(int32(c.Care))
		case a.state == stClient && c.Order >= 0:
			to = s.staffedDoer(int32(c.Order))
		case a.state != stClient && a.stage >= 0:
			to = s.staffedDoer(int32(s.cfg.Stages[a.stage].Activity))
		}
		if to >= 0 {
			s.reassign(int32(i), to)
		}
	}
	fr := &s.roles[r]
	for act := range fr.q {
		q := &fr.q[act]
		n := q.Len()
		for range n {
			id := q.Pop()
			t := &s.tasks[id]
			if t.dead {
				s.freeTaskID(id)
				continue
			}
			role, person := s.route(&s.accts[t.acct], t.act)
			if role == r {
				q.Push(id) // nobody else can do it: it waits for a hire
				continue
			}
			s.moveTask(id, role, person)
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

// employedBy returns the employed members of role r, sorted by cmp if it
// is not nil.
func (s *Sim) employedBy(r int32, cmp func(a, b int32) int) []int32 {
	var out []int32
	for _, m := range s.roles[r].members {
		if s.people[m].employed {
			out = append(out, m)
		}
	}
	if cmp != nil {
		slices.SortStableFunc(out, cmp)
	}
	return out
}

// move takes person p, with their clients and tenure, to role to.
func (s *Sim) move(p int32, to int32) {
	pp := &s.people[p]
	from := pp.role
	if from == to {
		return
	}
	pp.hold = true // p takes no work until moved
	s.preempt(p)
	s.acct(p)
	s.flushPerson(p) // what p did so far counts for the old role
	s.logStint(p, false)
	s.env.Cancel(pp.slackEv)
	pp.slack = false
	s.requeuePersonal(p)
	if pp.absent > 0 {
		s.roles[from].absent--
	}
	fr := &s.roles[from]
	fr.staff--
	fr.members = slices.DeleteFunc(fr.members, func(m int32) bool { return m == p })
	for i, m := range fr.members {
		s.people[m].slot = i
	}
	tr := &s.roles[to]
	pp.role = to
	pp.slot = len(tr.members)
	pp.group = tr.groups[pp.slot%len(tr.groups)]
	pp.lastKind = -1
	tr.members = append(tr.members, p)
	tr.staff++
	s.logStint(p, true)
	if pp.absent > 0 {
		tr.absent++
	}
	for i := range s.accts {
		a := &s.accts[i]
		if a.owner == p && a.state != stFree {
			a.role = to
		}
	}
	// Absences and attrition follow the new role's rules from now on.
	ro := &s.cfg.Roles[to]
	for k := range maxAbs {
		s.env.Cancel(s.absEv[int(p)*maxAbs+k])
	}
	for k, ab := range ro.Absence {
		if ab.Rate > 0 && k < maxAbs {
			s.absEv[int(p)*maxAbs+k] = s.env.After(s.exp(s.rPeople, ab.Rate/Year), 0, s.h, enc(evAbsStart, int(p)*maxAbs+k))
		}
	}
	s.env.Cancel(pp.leave)
	if ro.Attrition > 0 {
		h := -math.Log1p(-math.Min(ro.Attrition, 0.999999)) / Year
		pp.leave = s.env.After(s.exp(s.rPeople, h), 0, s.h, enc(evLeave, int(p)))
	}
	g := &s.groups[pp.group]
	if g.in {
		pp.fatStart, pp.fatBase = s.env.Now(), 0
	}
	pp.hold = false
	s.wakeRole(int(from))
	s.next(p)
}

// transfer hands every account of role from to role to, and moves the
// queued work of from's pool that to can do.
func (s *Sim) transfer(from, to int32) {
	for i := range s.accts {
		a := &s.accts[i]
		if a.role == from && a.state != stFree {
			s.reassign(int32(i), to)
		}
	}
	fr := &s.roles[from]
	for act := range fr.q {
		if s.cfg.Roles[to].Speed[act] == 0 {
			continue
		}
		q := &fr.q[act]
		for q.Len() > 0 {
			id := q.Pop()
			t := &s.tasks[id]
			if t.dead {
				s.freeTaskID(id)
				continue
			}
			s.moveTask(id, to, -1)
		}
	}
}

// setHeadcount hires or lets go (most recent hires first) to reach h
// employed people in role r.
func (s *Sim) setHeadcount(r int32, h int) {
	s.roles[r].target = h
	emp := s.employedBy(r, func(a, b int32) int {
		return cmpFloat(s.people[b].hired, s.people[a].hired) // newest first
	})
	for i := 0; i < len(emp)-h; i++ {
		s.dismiss(emp[i], 0)
	}
	for n := len(emp); n < h; n++ {
		p := int32(-1)
		for _, m := range s.roles[r].members {
			if !s.people[m].employed {
				p = m
				break
			}
		}
		if p < 0 {
			p = s.addPerson(r)
		}
		s.hire(p)
	}
}
