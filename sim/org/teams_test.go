package org

import (
	"testing"

	"github.com/salesim/salesim/sim/dist"
)

// teamDesign: two SDRs qualify leads (1 h) and pass them to four AEs, who
// close (1 h) and also write a proposal that only the proposal writers
// do; pods of one SDR, two AEs and one writer. Nobody works before 09:00
// Monday, so that tests can look at queues and owners first.
func teamDesign() Config {
	acts := []Activity{
		{Name: "qualify", Duration: dist.MustParse("1h"), Kind: "phone"},
		{Name: "close", Duration: dist.MustParse("1h"), Kind: "sell"},
		{Name: "proposal", Duration: dist.MustParse("1h"), Kind: "paper"},
	}
	week := day(9, 17)
	return Config{
		Name:       "teams",
		Run:        Run{Horizon: 24, Replications: 1, Seed: 1},
		Market:     Market{Size: dist.Const(100, dist.None), MarginRate: 1},
		Clients:    Clients{Plan: 1, FirstOrder: 1},
		Activities: acts,
		Stages: []Stage{
			{Name: "qualify", Activity: ActivityAt(0), Convert: 1, Next: StageAt(1)},
			{Name: "close", Activity: ActivityAt(1), Convert: 0},
			{Name: "proposal", Activity: ActivityAt(2), Convert: 0},
		},
		Roles: []Role{
			{Name: "sdr", Headcount: 2, Shifts: []Week{week}, Speed: []float64{1, 0, 0}, Skill: ones(3), Assign: AssignFinder, Personal: true},
			{Name: "ae", Headcount: 4, Shifts: []Week{week}, Speed: []float64{0, 1, 0}, Skill: ones(3), Assign: AssignLeastLoaded, Personal: true},
			{Name: "writer", Headcount: 2, Shifts: []Week{week}, Speed: []float64{0, 0, 1}, Skill: ones(3), Assign: AssignLeastLoaded, Personal: true},
		},
		Handoffs: []Handoff{{From: RoleAt(0), To: RoleAt(1), Trigger: AtStage, Stage: StageAt(1)}},
		Teams:    []Team{{Name: "pod", Members: []TeamMember{{Role: RoleAt(0), Size: 1}, {Role: RoleAt(1), Size: 2}, {Role: RoleAt(2), Size: 1}}}},
	}
}

// handAll passes n leads found by SDR sdr to the AEs (the handoff at the
// close) and returns the number each AE then owns.
func handAll(t *testing.T, cfg Config, sdr int32, n int) []int {
	t.Helper()
	s := manual(t, cfg)
	for range n {
		id := s.accts.newAccount(100, s.testKey(), 0, sdr)
		s.funnel.enterStage(id, 1, 0)
	}
	var owned []int
	for _, m := range s.staff.roles[1].members {
		owned = append(owned, s.staff.people[m].owned)
	}
	return owned
}

// TestTeamHandoffs: five leads of SDR 1 go to the two AEs of SDR 1's pod
// (posts 2 and 3), the least loaded of them in turn; to the pool they are
// spread over all four AEs. A handoff's route overrides the team's.
func TestTeamHandoffs(t *testing.T) {
	t.Parallel()
	eq := func(a, b []int) bool {
		for i := range a {
			if a[i] != b[i] {
				return false
			}
		}
		return len(a) == len(b)
	}
	cfg := teamDesign()
	if got, want := handAll(t, cfg, 1, 5), []int{0, 0, 3, 2}; !eq(got, want) {
		t.Errorf("pods: AEs own %v, want %v", got, want)
	}
	cfg.Teams[0].Pool = true
	if got, want := handAll(t, cfg, 1, 5), []int{2, 1, 1, 1}; !eq(got, want) {
		t.Errorf("pool: AEs own %v, want %v", got, want)
	}
	cfg.Handoffs[0].Route = RouteTeam
	if got, want := handAll(t, cfg, 0, 3), []int{2, 1, 0, 0}; !eq(got, want) {
		t.Errorf("a pooled team with the handoff routed within: AEs own %v, want %v", got, want)
	}
	cfg = teamDesign()
	cfg.Handoffs[0].Route = RoutePool
	if got, want := handAll(t, cfg, 0, 3), []int{1, 1, 1, 0}; !eq(got, want) {
		t.Errorf("a team with the handoff routed to the pool: AEs own %v, want %v", got, want)
	}
}

// TestTeamWork: the proposal of an AE's lead, which AEs do not write, goes
// to the writer of the AE's pod; in the pool, to the writer with the
// fewest tasks (the first).
func TestTeamWork(t *testing.T) {
	t.Parallel()
	for _, pool := range []bool{false, true} {
		cfg := teamDesign()
		cfg.Teams[0].Pool = pool
		s := manual(t, cfg)
		ae := s.staff.roles[1].members[3] // post 3: pod 1
		id := s.accts.newAccount(100, s.testKey(), 1, ae)
		s.funnel.enterStage(id, 2, 0)
		want := s.staff.roles[2].members[1] // pod 1's writer
		if pool {
			want = s.staff.roles[2].members[0]
		}
		if n := s.work.personal(want, 2).Len(); n != 1 {
			t.Errorf("pool %v: writer %d has %d proposals waiting, want 1", pool, want, n)
		}
	}
}

// TestTeamLeaver: the accounts of an AE who leaves go to the other AE of
// the pod, though the other pod's AEs own fewer.
func TestTeamLeaver(t *testing.T) {
	t.Parallel()
	s := manual(t, teamDesign())
	ae := s.staff.roles[1].members
	for range 3 {
		s.accts.newAccount(100, s.testKey(), 1, ae[0])
	}
	s.accts.newAccount(100, s.testKey(), 1, ae[1])
	s.staff.dismiss(ae[0], 0)
	if got := s.staff.people[ae[1]].owned; got != 4 {
		t.Errorf("the pod mate owns %d accounts, want 4", got)
	}
	if got := s.staff.people[ae[2]].owned + s.staff.people[ae[3]].owned; got != 0 {
		t.Errorf("the other pod's AEs own %d, want 0", got)
	}
}

func TestTeamRules(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name  string
		edit  func(*Config)
		field string
		msg   string
	}{
		{"one role", func(c *Config) { c.Teams[0].Members = c.Teams[0].Members[:1] }, "Teams[0].Members", "at least two"},
		{"size", func(c *Config) { c.Teams[0].Members[1].Size = 0 }, "Teams[0].Members[1].Size", "out of range"},
		{"twice", func(c *Config) { c.Teams[0].Members[2].Role = RoleAt(0) }, "Teams[0].Members[2].Role", "listed twice"},
		{"two teams", func(c *Config) {
			c.Teams = append(c.Teams, Team{Name: "other", Members: []TeamMember{{Role: RoleAt(0), Size: 1}, {Role: RoleAt(2), Size: 1}}})
		}, "Teams[1].Members[0].Role", "one team at most"},
		{"pool role", func(c *Config) { c.Roles[1].Assign = AssignPool }, "Teams[0].Members[1].Role", "shared pool"},
		{"route", func(c *Config) { c.Handoffs[0].Route = 7 }, "Handoffs[0].Route", "unknown route"},
		{"route without team", func(c *Config) {
			c.Teams[0].Members = []TeamMember{{Role: RoleAt(0), Size: 1}, {Role: RoleAt(2), Size: 1}}
			c.Handoffs[0].Route = RouteTeam
		}, "Handoffs[0].Route", "in no team"},
	} {
		cfg := teamDesign()
		c.edit(&cfg)
		if !hasError(cfg.Validate(), c.field, c.msg) {
			t.Errorf("%s: want an error at %s saying %q; got %v", c.name, c.field, c.msg, cfg.Validate())
		}
	}
	cfg := teamDesign()
	cfg.Roles[1].Headcount = 3
	if !hasWarning(cfg.Warnings(), "Teams[0].Members[1].Size", "make 2 teams of 2") {
		t.Errorf("no warning for a team short of an AE: %v", cfg.Warnings())
	}
}
