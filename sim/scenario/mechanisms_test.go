package scenario

import (
	"strings"
	"testing"

	"github.com/salesim/salesim/sim/org"
)

// loadBase loads base with add appended and returns the scenario and its
// problems.
func loadBase(t *testing.T, add string) (*Scenario, []string) {
	t.Helper()
	return load(t, map[string]string{"t.toml": base + add}, "t.toml", Options{})
}

// wantOne checks that the problems are exactly one, containing want.
func wantOne(t *testing.T, errs []string, want string) {
	t.Helper()
	if len(errs) != 1 || !strings.Contains(errs[0], want) {
		t.Errorf("got %q, want one problem with %q", errs, want)
	}
}

// TestBlockModeAndGains: a preferred block with gains becomes spans of
// kind Preferred carrying them; a block without a mode is strict.
func TestBlockModeAndGains(t *testing.T) {
	s, errs := loadBase(t, `blocks = [
  { time = "09:00-11:00", only = ["meet"], mode = "preferred", speed = "10%", convert = "5%" },
  { time = "14:00-15:00", only = ["meet"] },
]
`)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	kinds := map[org.SpanKind]int{}
	for _, sp := range s.Config.Roles[1].Shifts[0].Spans {
		kinds[sp.Kind]++
		switch sp.Kind {
		case org.Preferred:
			if sp.Speed != 0.1 || sp.Convert != 0.05 || len(sp.Only) != 1 {
				t.Errorf("preferred span %+v: want speed 10%%, convert 5%%, one activity", sp)
			}
		case org.Block:
			if sp.Speed != 0 || sp.Convert != 0 {
				t.Errorf("strict span %+v has gains", sp)
			}
		}
	}
	if kinds[org.Preferred] != 5 || kinds[org.Block] != 5 {
		t.Errorf("spans by kind %v: want 5 preferred and 5 strict (Mon-Fri)", kinds)
	}
}

func TestBlockProblems(t *testing.T) {
	_, errs := loadBase(t, "blocks = [{ time = \"09:00-10:00\", internal = true, mode = \"preferred\" }]\n")
	wantOne(t, errs, "roles.farmer.blocks[0]: an internal block has no mode, speed or convert")
	_, errs = loadBase(t, "blocks = [{ time = \"09:00-10:00\", only = [\"meet\"], speed = \"-100%\" }]\n")
	wantOne(t, errs, "roles.farmer.blocks[0].speed: -100% out of range")
	_, errs = loadBase(t, "blocks = [{ time = \"09:00-10:00\", only = [\"meet\"], mode = \"loose\" }]\n")
	wantOne(t, errs, "roles.farmer.blocks[0].mode: \"loose\" is not allowed: want strict or preferred")
}

// TestJoin: an activity joined by a role that does nothing else; an
// unknown joining role is named at its key.
func TestJoin(t *testing.T) {
	src := strings.Replace(base, "duration = \"1h\"\n", "duration = \"1h\"\njoin = { role = \"head\", convert = \"30%\" }\n", 1) +
		"[roles.head]\nheadcount = 1\n"
	s, errs := load(t, map[string]string{"t.toml": src}, "t.toml", Options{})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	j := s.Config.Activities[1].Join
	if j == nil || j.Role != org.RoleAt(2) || j.Convert != 0.3 {
		t.Errorf("join %+v, want role 2 (head) and 30%%", j)
	}
	src = strings.Replace(base, "duration = \"1h\"\n", "duration = \"1h\"\njoin = { role = \"haed\" }\n", 1)
	_, errs = load(t, map[string]string{"t.toml": src}, "t.toml", Options{})
	wantOne(t, errs, `t.toml:12: activities.meet.join.role: unknown role "haed"`)
}

// TestInboundChanges: a stream that starts with the first reorganisation
// at a budget and stops at a date; rates are per open hour like the base
// rate; problems are named at their keys.
func TestInboundChanges(t *testing.T) {
	src := strings.Replace(base, "rate = \"2/day\"\n", `rate = "0/day"
open = "Mon-Fri 09:00-18:00"
budget = "10k"
changes = [{ at = "10mo", rate = "0/day" }]
`, 1) + "[[reorg]]\nat = \"6mo\"\ninbound = { web = { rate = \"45/week\", budget = \"100k\" } }\n"
	s, errs := load(t, map[string]string{"t.toml": src}, "t.toml", Options{})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	in := s.Config.Inbound[0]
	if in.Budget != 10000 || len(in.Changes) != 1 || in.Changes[0] != (org.RateChange{At: 10 * org.Month}) {
		t.Errorf("budget %g, changes %+v; want 10k and none from 10mo", in.Budget, in.Changes)
	}
	want := org.StreamChange{Stream: org.InboundAt(0), Rate: 1, Budget: 100000}
	if got := s.Config.Reorgs[0].Inbound; len(got) != 1 || got[0] != want {
		t.Errorf("reorganisation's changes %+v, want %+v", got, want)
	}
	src = strings.Replace(base, "rate = \"2/day\"\n", "rate = \"2/day\"\nchanges = [{ at = \"0h\", rate = \"1/day\" }]\n", 1)
	_, errs = load(t, map[string]string{"t.toml": src}, "t.toml", Options{})
	wantOne(t, errs, "t.toml:8: inbound.web.changes[0].at: 0h out of range")
	_, errs = loadBase(t, "[[reorg]]\nat = \"6mo\"\ninbound = { wbe = { rate = \"1/day\" } }\n")
	wantOne(t, errs, `reorg[0].inbound.wbe: unknown inbound stream "wbe" (did you mean web?)`)
	_, errs = loadBase(t, "[[reorg]]\nat = \"6mo\"\ninbound = { web = { rate = \"1/day\", budget = -5 } }\n")
	wantOne(t, errs, `reorg[0].inbound.web.budget: -5 out of range`)
}

// TestChores: chores by activity; an unknown activity is named at its key.
func TestChores(t *testing.T) {
	s, errs := loadBase(t, "[[clients.chores]]\nactivity = \"meet\"\nper_order = 0.5\nper_month = 2\n")
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	want := []org.Chore{{Activity: org.ActivityAt(1), PerOrder: 0.5, PerMonth: 2}}
	if got := s.Config.Clients.Chores; len(got) != 1 || got[0] != want[0] {
		t.Errorf("chores %+v, want %+v", got, want)
	}
	_, errs = loadBase(t, "[[clients.chores]]\nactivity = \"warehouse\"\nper_order = 1\n")
	wantOne(t, errs, `t.toml:25: clients.chores[0].activity: unknown activity "warehouse"`)
}
