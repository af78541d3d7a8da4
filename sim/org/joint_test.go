package org

import (
	"strings"
	"testing"

	"github.com/salesim/salesim/sim/dist"
)

// closing is n sellers closing leads (a one-hour close that converts at
// 50 %, then a document) and one head of department who joins the close
// with the given gain, working headWeek.
func closing(n int, headWeek Week, gain float64) Config {
	cfg := oneRole(n, day(9, 17),
		Activity{Name: "close", Duration: dist.MustParse("1h"), Kind: "selling", Join: &Join{Role: RoleAt(1), Convert: gain}},
		Activity{Name: "docs", Duration: dist.MustParse("30m"), Kind: "paper"})
	cfg.Stages = []Stage{
		{Name: "close", Activity: ActivityAt(0), Convert: 0.5, Next: StageAt(1)},
		{Name: "contract", Activity: ActivityAt(1)},
	}
	cfg.Roles = append(cfg.Roles, Role{Name: "head", Headcount: 1, Shifts: []Week{headWeek},
		Speed: make([]float64, 2), Skill: ones(2), Assign: AssignLeastLoaded})
	return cfg
}

// TestJointWorkTakesBothAndRaisesConversion: one seller closes four leads
// with the head joining each; a gain of 100 % makes the 50 % close
// certain. Both spend the four hours on the close.
func TestJointWorkTakesBothAndRaisesConversion(t *testing.T) {
	t.Parallel()
	s := manual(t, closing(1, day(9, 17), 1))
	s.pushLeads(4, 0)
	r := s.finishRun(t)
	p := s.p
	if got := value(t, p, r, "entered.contract", "all", "total"); got != 4 {
		t.Fatalf("%g of 4 leads closed with the head, want all 4", got)
	}
	if got := value(t, p, r, "time_productive_h", "head", "total"); !near(got, 4) {
		t.Fatalf("head productive %g h, want the four hours of closing", got)
	}
	if got := value(t, p, r, "time_productive_h", "worker", "total"); !near(got, 4+4*0.5) {
		t.Fatalf("seller productive %g h, want 4 h closing and 2 h of documents", got)
	}
	if j, m := value(t, p, r, "joined", "head", "total"), value(t, p, r, "join_missed", "all", "total"); j != 4 || m != 0 {
		t.Fatalf("joined %g, missed %g; want 4 and 0", j, m)
	}
}

// TestJointWorkGoesAloneWhenNobodyIsFree: two sellers start a close at
// 9:00 and there is one head: the first seller's close is joined, the
// second goes ahead alone at the base conversion and is counted.
func TestJointWorkGoesAloneWhenNobodyIsFree(t *testing.T) {
	t.Parallel()
	s := manual(t, closing(2, day(9, 17), 1))
	s.pushLeads(2, 0)
	s.env.RunUntil(9.5)
	if a, b := s.staff.people[0].boost, s.staff.people[1].boost; !near(a, 2) || !near(b, 1) {
		t.Fatalf("conversion multipliers %g and %g, want 2 (joined) and 1 (alone)", a, b)
	}
	r := s.finishRun(t)
	if j, m := value(t, s.p, r, "joined", "head", "total"), value(t, s.p, r, "join_missed", "worker", "total"); j != 1 || m != 1 {
		t.Fatalf("joined %g, missed %g; want 1 and 1", j, m)
	}
	if got := value(t, s.p, r, "time_productive_h", "head", "total"); !near(got, 1) {
		t.Fatalf("head productive %g h, want 1", got)
	}
}

// TestJoinerLeavesMidway: the head's day ends at 9:30, halfway through the
// close: the head's time is half an hour, and the close finishes alone at
// the base conversion.
func TestJoinerLeavesMidway(t *testing.T) {
	t.Parallel()
	s := manual(t, closing(1, day(9, 9.5), 1))
	s.pushLeads(1, 0)
	s.env.RunUntil(9.75)
	if pp := &s.staff.people[0]; !pp.busy || !near(pp.boost, 1) || pp.joined != 0 {
		t.Fatalf("after the head left: busy %v, multiplier %g, joined by %d; want busy, 1, nobody", pp.busy, pp.boost, pp.joined-1)
	}
	r := s.finishRun(t)
	if got := value(t, s.p, r, "time_productive_h", "head", "total"); !near(got, 0.5) {
		t.Fatalf("head productive %g h, want 0.5", got)
	}
	if r.Ledger.SplitHours != r.Ledger.ScheduledHours && !near(r.Ledger.SplitHours, r.Ledger.ScheduledHours) {
		t.Fatalf("time splits %g h, scheduled %g h", r.Ledger.SplitHours, r.Ledger.ScheduledHours)
	}
}

// TestJoinerIsNotInterrupted: a ringing call for the head waits while the
// head is in a joint close, and is answered when it ends.
func TestJoinerIsNotInterrupted(t *testing.T) {
	t.Parallel()
	cfg := closing(1, day(9, 17), 0)
	cfg.Activities = append(cfg.Activities, Activity{Name: "ring", Duration: dist.MustParse("10m"), Kind: "phone", Priority: -1, Interrupts: true})
	for i := range cfg.Roles {
		cfg.Roles[i].Speed = append(cfg.Roles[i].Speed, 0)
		cfg.Roles[i].Skill = append(cfg.Roles[i].Skill, 1)
	}
	cfg.Roles[1].Speed[2] = 1
	s := manual(t, cfg)
	s.pushLeads(1, 0)
	s.env.RunUntil(9.5)
	s.work.push(s.work.newTask(tkSale, 2, -1), 1, -1)
	if pp := &s.staff.people[1]; pp.joins != 1 {
		t.Fatalf("the head left the close for the call (joins %d)", pp.joins)
	}
	s.env.RunUntil(10 + 10.0/60 + 1e-9)
	if got := s.rec.done[1*s.p.nAct+2]; got != 1 {
		t.Fatalf("%g calls answered by 10:10, want 1 after the close", got)
	}
}

// TestJoinRules: the joining role must exist; a join of work only the
// joining role does, or by a role that never has people, is a warning;
// a role that only joins is staffed legally.
func TestJoinRules(t *testing.T) {
	t.Parallel()
	cfg := closing(1, day(9, 17), -1)
	if err := cfg.Validate(); err == nil || !strings.Contains(err.Error(), "Activities[0].Join.Convert: -100% out of range") {
		t.Errorf("gain -100%%: %v", err)
	}
	cfg = closing(1, day(9, 17), 0.2)
	cfg.Activities[0].Join.Role = 0
	if err := cfg.Validate(); err == nil || !strings.Contains(err.Error(), "Activities[0].Join.Role: missing") {
		t.Errorf("no role: %v", err)
	}
	cfg = closing(1, day(9, 17), 0.2)
	cfg.Roles[1].Headcount = 0
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, w := range cfg.Warnings() {
		found = found || strings.Contains(w.Error(), "Activities[0].Join.Role: role head never has people")
	}
	if !found {
		t.Errorf("warnings %v: want one that the head never has people", cfg.Warnings())
	}
}

// TestJoinForSomeRoles: a join limited to the sellers' work joins all four
// of their closes; limited to another role's work (farmers, who also
// close), it joins none of the sellers' closes and counts none missed.
// Naming the joining role, or a role that does not do the work, is an
// error.
func TestJoinForSomeRoles(t *testing.T) {
	t.Parallel()
	withFarmer := func(forRole int) Config {
		cfg := closing(1, day(9, 17), 1)
		cfg.Roles = append(cfg.Roles, Role{Name: "farmer", Headcount: 0, Shifts: []Week{day(9, 17)},
			Speed: []float64{1, 0}, Skill: ones(2), Assign: AssignLeastLoaded})
		cfg.Activities[0].Join.For = []RoleRef{RoleAt(forRole)}
		return cfg
	}
	for _, tc := range []struct {
		forRole        int
		joined, missed float64
	}{{0, 4, 0}, {2, 0, 0}} {
		s := manual(t, withFarmer(tc.forRole))
		s.pushLeads(4, 0)
		r := s.finishRun(t)
		if j, m := value(t, s.p, r, "joined", "head", "total"), value(t, s.p, r, "join_missed", "all", "total"); j != tc.joined || m != tc.missed {
			t.Errorf("join for role %d: joined %g, missed %g; want %g and %g", tc.forRole, j, m, tc.joined, tc.missed)
		}
	}
	cfg := withFarmer(1)
	if err := cfg.Validate(); err == nil || !strings.Contains(err.Error(), "Activities[0].Join.For[0]: role head joins the work") {
		t.Errorf("join for the joiner: %v", err)
	}
	cfg = withFarmer(0)
	cfg.Roles[2].Speed = []float64{0, 1}
	cfg.Activities[0].Join.For = []RoleRef{RoleAt(2)}
	if err := cfg.Validate(); err == nil || !strings.Contains(err.Error(), "Activities[0].Join.For[0]: role farmer does not do activity close") {
		t.Errorf("join for a role that does not close: %v", err)
	}
}
