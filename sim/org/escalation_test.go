package org

import (
	"testing"

	"github.com/salesim/salesim/sim/dist"
	"github.com/salesim/salesim/sim/metric"
)

// TestEscalation: a caller passes five leads to one closer at time 0; each
// close takes exactly 1 h. With escalation after 1.5 h, the three leads
// still waiting at 1.5 h are escalated, counted for the caller, and taken
// before a request of higher priority that arrives later.
func TestEscalation(t *testing.T) {
	t.Parallel()
	acts := []Activity{
		{Name: "call", Duration: dist.MustParse("10m"), Kind: "phone"},
		{Name: "close", Duration: dist.MustParse("1h"), Kind: "sell", Priority: 50},
		{Name: "urgent", Duration: dist.MustParse("1h"), Kind: "sell", Priority: 10},
	}
	cfg := Config{
		Name:       "escalation",
		Run:        Run{Horizon: 12, Replications: 1, Seed: 1},
		Market:     Market{Size: dist.Const(1000, dist.None), MarginRate: 1},
		Clients:    Clients{Plan: 1},
		Activities: acts,
		Stages: []Stage{
			{Name: "qualify", Activity: ActivityAt(0), Convert: 1, Next: StageAt(1)},
			{Name: "close", Activity: ActivityAt(1), Convert: 0},
			{Name: "rush", Activity: ActivityAt(2), Convert: 0},
		},
		Roles: []Role{
			{Name: "caller", Headcount: 1, Shifts: []Week{AroundTheClock()}, Speed: []float64{1, 0, 0}, Skill: ones(3),
				Escalate: &Escalate{After: 1.5}},
			{Name: "closer", Headcount: 1, Shifts: []Week{AroundTheClock()}, Speed: []float64{0, 1, 1}, Skill: ones(3),
				Assign: AssignPool},
		},
	}
	s := manual(t, cfg)
	for range 5 {
		id := s.accts.newAccount(1000, s.testKey(), 1, -1)
		s.accts.list[id].src, s.accts.list[id].srcRole = 0, 0 // passed on by the caller
		s.funnel.enterStage(id, 1, 0)
	}
	s.env.RunUntil(1.6)
	// A request of higher priority arrives after the escalation.
	rush := s.accts.newAccount(1000, s.testKey(), 1, -1)
	s.funnel.enterStage(rush, 2, 0)
	s.env.RunUntil(4.5)
	// By 4.5 h the closer has closed leads 1 and 2, then two escalated
	// leads (3 and 4, in order), and is on the third; the rush waits.
	if got := s.rec.done[1*s.p.nAct+1]; got != 4 {
		t.Errorf("%g closes done by 4.5 h, want 4 (escalated work first)", got)
	}
	if got := s.rec.done[1*s.p.nAct+2]; got != 0 {
		t.Errorf("the rush request was taken before escalated work (%g done)", got)
	}
	r := s.finishRun(t)
	if got := value(t, s.p, r, metric.Escalated, "caller", metric.Total); got != 3 {
		t.Errorf("%g leads escalated, want 3", got)
	}
	if got := value(t, s.p, r, metric.Escalated, metric.Department, metric.Total); got != 3 {
		t.Errorf("department: %g escalated, want 3", got)
	}
}
