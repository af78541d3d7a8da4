package org

import "math"

// Ledger is the bookkeeping of a replication, kept so that tests can
// check the model's invariants: every lead created is in exactly one
// state at the end; money and time add up.
type Ledger struct {
	Created                 int // leads created, initial ones included
	Open, Nurtured, Clients int // alive at the end
	Lost, Cold, Churned     int // gone
	Ignored                 int // never followed up (a behaviour rule)
	// NegativeQueue is set if a queue or in-system count went below zero.
	NegativeQueue bool
	// OwnedMismatch is set if people's account counts disagree with the
	// accounts' owners.
	OwnedMismatch bool
	// Money holds the department margin and cost summed over roles;
	// MoneyDept the department's own counters.
	Money, MoneyDept [2]float64
	// SplitHours is the department's time split summed (productive,
	// switching, fatigue, idle, absence, internal); ScheduledHours the
	// calendar hours of everyone employed, from their employment history.
	SplitHours, ScheduledHours float64
}

// stint is a stretch of a person's employment in one calendar group.
type stint struct {
	group    int32
	from, to float64
}

// costCounters are the counters whose sum is a role's cost; splitCounters
// those whose sum is its scheduled time.
var (
	costCounters  = []int{cCostSalary, cCostHourly, cCostCommission, cCostBonus, cCostMarketing}
	splitCounters = []int{cTWork, cTFatigue, cTSetup, cTIdle, cTAbsence, cTInternal}
)

// finish closes the replication: the recorder's totals and the ledger.
func (s *Sim) finish() {
	if s.env.Now() < s.end {
		// The calendar ran dry before the end (no demand, no people):
		// close the remaining periods at the end time.
		s.env.RunUntil(s.end)
	}
	s.rec.total()
	l := &s.ledger
	for i := range s.accts.list {
		switch s.accts.list[i].state {
		case stLead:
			l.Open++
		case stNurture:
			l.Nurtured++
		case stClient:
			l.Clients++
		}
	}
	for r := range s.work.roles {
		if s.work.roles[r].waiting < 0 || s.work.roles[r].inSys < 0 {
			l.NegativeQueue = true
		}
	}
	for r := range s.work.roles {
		l.Money[0] += s.rec.get(cMargin, r, -1)
		for _, c := range costCounters {
			l.Money[1] += s.rec.get(c, r, -1)
		}
	}
	l.MoneyDept[0] = s.rec.get(cMargin, -1, -1)
	for _, c := range costCounters {
		l.MoneyDept[1] += s.rec.get(c, -1, -1)
	}
	for _, c := range splitCounters {
		l.SplitHours += s.rec.get(c, -1, -1)
	}
	people := s.staff.people
	owned := make([]int, len(people))
	for i := range s.accts.list {
		if a := &s.accts.list[i]; a.state != stFree && a.owner >= 0 {
			owned[a.owner]++
		}
	}
	for i := range people {
		if owned[i] != people[i].owned {
			l.OwnedMismatch = true
		}
		for _, st := range s.staff.stints[i] {
			to := st.to
			if people[i].employed && to < st.from {
				to = s.end
			}
			l.ScheduledHours += weekHoursBetween(*s.cal.groups[st.group].week, math.Max(st.from, s.t0), math.Min(to, s.end))
		}
	}
}

// weekHoursBetween integrates a weekly calendar over [a, b).
func weekHoursBetween(w Week, a, b float64) float64 {
	var h float64
	if b <= a {
		return 0
	}
	for ws := math.Floor(a/HoursPerWeek) * HoursPerWeek; ws < b; ws += HoursPerWeek {
		for _, sp := range w.Spans {
			lo, hi := math.Max(a, ws+sp.Start), math.Min(b, ws+sp.End)
			if hi > lo {
				h += hi - lo
			}
		}
	}
	return h
}
