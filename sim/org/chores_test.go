package org

import (
	"context"
	"math"
	"strings"
	"testing"

	"github.com/salesim/salesim/sim/dist"
)

// choreBook is clientBook(n) with a one-minute chore activity and the
// given chores.
func choreBook(n int, chores ...Chore) Config {
	cfg := clientBook(n)
	cfg.Activities = append(cfg.Activities, Activity{Name: "chore", Duration: dist.MustParse("1m"), Kind: "errand"})
	cfg.Roles[0].Speed = ones(2)
	cfg.Roles[0].Skill = ones(2)
	cfg.Clients.Chores = chores
	return cfg
}

// runChores runs one replication by hand and returns it with the number
// of chore tasks created: done, or still queued or in hand at the end.
func runChores(t *testing.T, cfg Config) (*Sim, Result, float64) {
	t.Helper()
	s := NewSim(mustCompile(t, cfg))
	r, err := s.Run(context.Background(), 1, 0)
	if err != nil {
		t.Fatal(err)
	}
	var open float64
	for _, ro := range s.work.roles {
		open += float64(ro.inSys)
	}
	return s, r, value(t, s.p, r, "done.chore", "all", "total") + open
}

// TestChoresPerOrder: two chores per order make exactly twice as many
// chore tasks as orders; a quarter of a chore per order makes about a
// quarter as many.
func TestChoresPerOrder(t *testing.T) {
	t.Parallel()
	s, r, n := runChores(t, choreBook(100, Chore{Activity: ActivityAt(1), PerOrder: 2}))
	orders := value(t, s.p, r, "orders", "all", "total")
	if orders < 2000 || n != 2*orders {
		t.Fatalf("%g chores for %g orders, want twice as many", n, orders)
	}
	s, r, n = runChores(t, choreBook(100, Chore{Activity: ActivityAt(1), PerOrder: 0.25}))
	orders = value(t, s.p, r, "orders", "all", "total")
	if !within(n, int(orders), 0.25, 4) {
		t.Fatalf("%g chores for %g orders, want about a quarter as many", n, orders)
	}
}

// TestChoresPerMonth: 100 clients with 0.5 and 1.5 chores a month each
// make about 2 × 100 × 12 chores in a year, split 1 : 3; every one is
// drawn by the client's key, so slower chores change no count.
func TestChoresPerMonth(t *testing.T) {
	t.Parallel()
	cfg := choreBook(100, Chore{Activity: ActivityAt(1), PerMonth: 0.5}, Chore{Activity: ActivityAt(0), PerMonth: 1.5})
	cfg.Clients.OrdersPerMonth = 0
	s, r, n := runChores(t, cfg)
	care := value(t, s.p, r, "done.care", "all", "total")
	if want := 2400.0; math.Abs(n+care-want) > 4*math.Sqrt(want) || !within(n, int(n+care), 0.25, 4) {
		t.Fatalf("%g + %g chores, want about %g split 1 : 3", n, care, want)
	}
	cfg.Activities[1].Duration = dist.MustParse("3m")
	if _, _, n2 := runChores(t, cfg); n2 != n {
		t.Fatalf("%g chores with slower chores, %g before: the same clients should have the same chores", n2, n)
	}
}

// TestChoresGoToTheOwner: chores go to the client's owner when the owner's
// role does them, else to the role that does.
func TestChoresGoToTheOwner(t *testing.T) {
	t.Parallel()
	cfg := choreBook(20, Chore{Activity: ActivityAt(1), PerMonth: 2})
	cfg.Roles = append(cfg.Roles, Role{Name: "support", Headcount: 1, Shifts: []Week{allDay()}, Speed: ones(2), Skill: ones(2)})
	for _, tc := range []struct {
		ownerDoes bool
		role      string
	}{{true, "worker"}, {false, "support"}} {
		if !tc.ownerDoes {
			cfg.Roles[0].Speed = []float64{1, 0}
		}
		s, r, n := runChores(t, cfg)
		if got := value(t, s.p, r, "done.chore", tc.role, "total"); n < 100 || got != value(t, s.p, r, "done.chore", "all", "total") {
			t.Fatalf("owner does chores %v: %s did %g of %g", tc.ownerDoes, tc.role, got, n)
		}
	}
}

func TestChoreRules(t *testing.T) {
	t.Parallel()
	cfg := choreBook(1, Chore{Activity: ActivityAt(1), PerOrder: -1})
	if err := cfg.Validate(); err == nil || !strings.Contains(err.Error(), "Clients.Chores[0].PerOrder: -1 out of range") {
		t.Errorf("negative per order: %v", err)
	}
	cfg = choreBook(1, Chore{})
	if err := cfg.Validate(); err == nil || !strings.Contains(err.Error(), "Clients.Chores[0].Activity: missing") {
		t.Errorf("no activity: %v", err)
	}
	cfg = choreBook(1, Chore{Activity: ActivityAt(1), PerMonth: 1})
	cfg.Roles[0].Speed[1] = 0
	if err := cfg.Validate(); err == nil || !strings.Contains(err.Error(), `Clients.Chores[0].Activity: no role does activity "chore"`) {
		t.Errorf("a chore nobody does: %v", err)
	}
}
