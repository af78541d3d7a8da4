package study

import (
	"context"
	"reflect"
	"testing"

	"github.com/salesim/salesim/sim/experiment"
	"github.com/salesim/salesim/sim/scenario"
)

const mmc = `design = "validation/mmc"
seed = 7
replications = 5
set = ['run.horizon="20d"', 'run.warmup="2d"']

[[factor]]
key = "roles.agent.headcount"
levels = [10, 12]
`

// TestEvaluateCRN: replication i of every point uses the streams of
// (seed, i): a point's records are those of its design run alone through
// the same path as run -set, and a later block of replications (First)
// is the tail of the whole run.
func TestEvaluateCRN(t *testing.T) {
	t.Parallel()
	f, err := load(t, mmc)
	if err != nil {
		t.Fatal(err)
	}
	pts, err := f.Points()
	if err != nil || len(pts) != 2 {
		t.Fatalf("%d points, %v", len(pts), err)
	}
	out, err := f.Evaluate(context.Background(), pts, EvalOptions{Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	sc, err := scenario.Builtin("validation/mmc", scenario.Options{Set: []string{`run.horizon="20d"`, `run.warmup="2d"`, "roles.agent.headcount=12"}})
	if err != nil {
		t.Fatal(err)
	}
	d, err := experiment.NewDesign(sc)
	if err != nil {
		t.Fatal(err)
	}
	alone, err := experiment.Run(context.Background(), []*experiment.Design{d}, experiment.Options{Seed: 7, Replications: 5, Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	if got := out.Results[1]; got.Design.Name != "roles.agent.headcount=12" || !reflect.DeepEqual(got.Records, alone.Results[0].Records) {
		t.Errorf("point %s: records differ from the design run alone", got.Design.Name)
	}
	if reflect.DeepEqual(out.Results[0].Records[0].Values, out.Results[1].Records[0].Values) {
		t.Error("10 and 12 agents gave the same record")
	}
	tail, err := f.Evaluate(context.Background(), pts[1:], EvalOptions{First: 3, Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(tail.Results[0].Records, alone.Results[0].Records[3:]) {
		t.Error("replications 3..4 differ from the tail of the whole run")
	}
}
