package org

import "github.com/salesim/salesim/sim/des"

// Absence and attrition. Each kind of a role's [Absence] starts spells at
// its rate per year (a Poisson process in calendar time, the next spell
// starting after the last ends); an absent person takes no work, and
// colleagues take their personal tasks if the role covers. Attrition is a
// constant annual hazard; a leaver's vacancy is refilled by a new hire
// after [Role.Refill], and their clients leave with [Role.LeaveLoss].

// scheduleLeave draws when person p leaves by attrition.
func (st *staff) scheduleLeave(p int32) {
	s := st.s
	pp := &st.people[p]
	if ro := &s.cfg.Roles[pp.role]; ro.Attrition > 0 {
		pp.leave = s.env.After(unitExp(pp.key, drawAttrition, pp.leaves)/hazard(ro.Attrition), des.Normal, st.hLeave, int(p))
		pp.leaves++
	}
}

// A person's spells of absence kind k are events with argument
// p*nAbs + k, where nAbs is the most kinds any role has.

// scheduleAbsences draws the first spell of each kind of absence of
// person p's role.
func (st *staff) scheduleAbsences(p int32) {
	s := st.s
	n := s.p.nAbs
	for k, ab := range s.cfg.Roles[st.people[p].role].Absence {
		if ab.Rate > 0 {
			st.absEv[int(p)*n+k] = s.env.After(st.absenceGap(p, k, ab.Rate), des.Normal, st.hAbsStart, int(p)*n+k)
		}
	}
}

// absenceGap draws the time from now to person p's next spell of absence
// kind k, of the given rate per year, and counts the spell.
func (st *staff) absenceGap(p int32, k int, rate float64) float64 {
	i := int(p)*st.s.p.nAbs + k
	n := st.absN[i]
	st.absN[i]++
	return unitExp(st.people[p].key, drawAbsence, uint32(k)<<24|n) / (rate / Year)
}

// cancelAbsences cancels person p's next spells.
func (st *staff) cancelAbsences(p int32) {
	n := st.s.p.nAbs
	for k := range n {
		st.s.env.Cancel(st.absEv[int(p)*n+k])
	}
}

func (st *staff) onAbsStart(p int32, k int) {
	s := st.s
	pp := &st.people[p]
	if !pp.employed {
		return
	}
	ab := &s.cfg.Roles[pp.role].Absence[k]
	st.acct(p)
	if pp.absent == 0 {
		st.roles[pp.role].absent++
	}
	pp.absent++
	s.work.preempt(p) // after the absence starts, so that p does not take the work back
	n := s.p.nAbs
	d := keyedSample(&ab.Length, pp.key, drawAbsenceLength, uint32(k)<<24|st.absN[int(p)*n+k])
	s.env.After(d, des.Normal, st.hAbsEnd, int(p)*n+k)
	// The next spell starts after this one ends.
	st.absEv[int(p)*n+k] = s.env.After(d+st.absenceGap(p, k, ab.Rate), des.Normal, st.hAbsStart, int(p)*n+k)
}

func (st *staff) onAbsEnd(p int32) {
	pp := &st.people[p]
	if !pp.employed || pp.absent == 0 {
		return
	}
	st.acct(p)
	pp.absent--
	if pp.absent == 0 {
		st.roles[pp.role].absent--
		st.s.work.next(p)
	}
}

// onAttrition: person p leaves; the vacancy is refilled after a delay.
func (st *staff) onAttrition(p int32) {
	s := st.s
	ro := &s.cfg.Roles[st.people[p].role]
	st.dismiss(p, ro.LeaveLoss)
	if !ro.Refill.IsZero() {
		pp := &st.people[p]
		s.env.After(keyedSample(&ro.Refill, pp.key, drawRefill, pp.refills), des.Normal, st.hRefill, int(p))
		pp.refills++
	}
}
