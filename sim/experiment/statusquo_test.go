package experiment

import (
	"context"
	"testing"

	"github.com/salesim/salesim/sim/metric"
	"github.com/salesim/salesim/sim/scenario"
)

// TestStatusQuo: the status quo of growth-plan is today's department on
// the same demand. Before the reorganisation the two are the same
// replication for replication (the warm-up's baseline is identical), and
// the plan's paired difference against it has an interval.
func TestStatusQuo(t *testing.T) {
	sc, err := scenario.Builtin("growth-plan", scenario.Options{})
	if err != nil {
		t.Fatal(err)
	}
	d, err := NewDesign(sc)
	if err != nil {
		t.Fatal(err)
	}
	sq, ok, err := StatusQuo(d)
	if err != nil || !ok {
		t.Fatalf("status quo: %v %v", ok, err)
	}
	if len(sq.Plan.Config().Reorgs) != 0 || !IsStatusQuo(sq) || IsStatusQuo(d) {
		t.Fatalf("status quo %s has %d reorganisations", sq.Name, len(sq.Plan.Config().Reorgs))
	}
	out, err := Run(context.Background(), []*Design{d, sq}, Options{Seed: 1, Replications: 10})
	if err != nil {
		t.Fatal(err)
	}
	base := metric.Key{Metric: metric.Baseline, Role: metric.Department, Period: metric.Total}
	i, _ := d.Plan.Catalog().Index(base)
	j, _ := sq.Plan.Catalog().Index(base)
	for rep := range 10 {
		if a, b := out.Results[0].Records[rep].Values[i], out.Results[1].Records[rep].Values[j]; a != b {
			t.Fatalf("replication %d: baseline %v in the plan, %v in its status quo", rep, a, b)
		}
	}
	c := Versus(out.Results[0], out.Results[1])
	row, ok := c.Get(1, metric.Margin)
	if !ok || !row.HasRef || !(row.Diff.Hi > row.Diff.Lo) {
		t.Fatalf("margin against the status quo: %+v", row)
	}
	t.Logf("margin: plan − status quo %.3g [%.3g, %.3g]", row.Diff.Mean, row.Diff.Lo, row.Diff.Hi)
	if _, ok, _ := StatusQuo(sq); ok {
		t.Error("the status quo has a status quo")
	}
}
