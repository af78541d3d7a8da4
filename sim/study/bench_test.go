package study

import (
	"context"
	"strconv"
	"testing"

	"github.com/salesim/salesim/sim/experiment"
	"github.com/salesim/salesim/sim/org"
	"github.com/salesim/salesim/sim/scenario"
)

// BenchmarkWarmupShare measures what a shared warm-up could save in a
// sweep of growth-plan over its reorganisation's headcounts: a whole
// replication of a point (12 months of today's department, then 12 of the
// plan) against the warm-up alone (the same point stopped one month after
// the reorganisation). A sweep that simulated the warm-up once per
// replication and continued every point from a copy of it would run at
// most whole/(whole − warm-up) times faster.
func BenchmarkWarmupShare(b *testing.B) {
	point := []string{"reorg[0].headcount.hunter=3", "reorg[0].headcount.farmer=5"}
	for _, bc := range []struct {
		name string
		set  []string
	}{
		{"whole", point},
		{"warmup", append(point, `run.horizon="1mo"`, `target.by="1mo"`, `target.window="1mo"`)},
	} {
		b.Run(bc.name, func(b *testing.B) {
			sc, err := scenario.Builtin("growth-plan", scenario.Options{Set: bc.set})
			if err != nil {
				b.Fatal(err)
			}
			d, err := experiment.NewDesign(sc)
			if err != nil {
				b.Fatal(err)
			}
			s := org.NewSim(d.Plan)
			b.ReportAllocs()
			rep := 0
			for b.Loop() {
				if _, err := s.Run(context.Background(), 1, rep%50); err != nil {
					b.Fatal(err)
				}
				rep++
			}
		})
	}
}

// BenchmarkSharedWarmup times one replication of ten points of the
// growth-staffing sweep (hunters 0 to 9 after the reorganisation, five
// farmers), run each from the start (unshared) and continued each from a
// copy of one shared warm-up (shared), on one goroutine.
func BenchmarkSharedWarmup(b *testing.B) {
	var plans []*org.Plan
	for h := range 10 {
		sc, err := scenario.Builtin("growth-plan", scenario.Options{Set: []string{"reorg[0].headcount.hunter=" + strconv.Itoa(h)}})
		if err != nil {
			b.Fatal(err)
		}
		d, err := experiment.NewDesign(sc)
		if err != nil {
			b.Fatal(err)
		}
		plans = append(plans, d.Plan)
	}
	at := plans[0].Config().Reorgs[0].At
	sims := make([]*org.Sim, len(plans))
	for i, p := range plans {
		sims[i] = org.NewSim(p)
	}
	warm := org.NewSim(plans[0])
	ctx := context.Background()
	for _, shared := range []bool{false, true} {
		name := "unshared"
		if shared {
			name = "shared"
		}
		b.Run(name, func(b *testing.B) {
			rep := 0
			for b.Loop() {
				if shared {
					if err := warm.Warm(ctx, 1, rep%50, at); err != nil {
						b.Fatal(err)
					}
				}
				for _, s := range sims {
					var err error
					if shared {
						_, err = s.RunFrom(ctx, warm)
					} else {
						_, err = s.Run(ctx, 1, rep%50)
					}
					if err != nil {
						b.Fatal(err)
					}
				}
				rep++
			}
		})
	}
}
