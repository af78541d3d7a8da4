package experiment

import (
	"context"
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/salesim/salesim/sim/metric"
	"github.com/salesim/salesim/sim/results"
	"github.com/salesim/salesim/sim/scenario"
)

// quickSet makes the M/M/10 validation design short: a day's warm-up and
// a month, about 6,500 kernel events a replication. The sales designs
// need 13 months after a month's warm-up, as they reorganise at month 12.
var quickSet = []string{`run.warmup="1d"`, `run.horizon="1mo"`}
var quickSales = []string{`run.warmup="1mo"`, `run.horizon="13mo"`}

// design loads a built-in design, made quick, with extra overrides.
func design(t testing.TB, name string, set ...string) *Design {
	t.Helper()
	quick := quickSales
	if strings.HasPrefix(name, "validation/") {
		quick = quickSet
	}
	opt := scenario.Options{Set: append(slices.Clone(quick), set...)}
	if n, v, ok := strings.Cut(name, "#"); ok {
		name, opt.Variant = n, v
	}
	sc, err := scenario.Builtin(name, opt)
	if err != nil {
		t.Fatal(err)
	}
	d, err := NewDesign(sc)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func run(t *testing.T, ds []*Design, opt Options) *Outcome {
	t.Helper()
	out, err := Run(context.Background(), ds, opt)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

var waitKey = metric.Key{Metric: metric.QueueWait, Role: metric.Department, Period: metric.Total}

// TestRunSameForAnyWorkers: the records of a design are the same for any
// number of workers, and the same whether the design runs alone or in a
// set with others.
func TestRunSameForAnyWorkers(t *testing.T) {
	t.Parallel()
	a, b := design(t, "validation/mmc"), design(t, "validation/mmc", "roles.agent.headcount=11")
	ref := run(t, []*Design{a}, Options{Seed: 3, Replications: 9, Workers: 1})
	if n := len(ref.Results[0].Records); n != 9 || ref.Partial || ref.Precise {
		t.Fatalf("%d records, partial %t, precise %t", n, ref.Partial, ref.Precise)
	}
	for i, r := range ref.Results[0].Records {
		if r.Rep != i || len(r.Values) != len(a.Keys()) || r.Events == 0 {
			t.Fatalf("record %d: rep %d, %d values, %d events", i, r.Rep, len(r.Values), r.Events)
		}
	}
	for _, w := range []int{2, 5, 20} {
		out := run(t, []*Design{a}, Options{Seed: 3, Replications: 9, Workers: w})
		if !reflect.DeepEqual(out.Results[0].Records, ref.Results[0].Records) {
			t.Errorf("%d workers: records differ from 1 worker's", w)
		}
	}
	alone := run(t, []*Design{b}, Options{Seed: 3, Replications: 9, Workers: 2})
	set := run(t, []*Design{a, b}, Options{Seed: 3, Replications: 9, Workers: 2})
	if !reflect.DeepEqual(set.Results[0].Records, ref.Results[0].Records) || !reflect.DeepEqual(set.Results[1].Records, alone.Results[0].Records) {
		t.Error("the records of designs run as a set differ from those of each run alone")
	}
	other := run(t, []*Design{a}, Options{Seed: 4, Replications: 9, Workers: 2})
	if reflect.DeepEqual(other.Results[0].Records, ref.Results[0].Records) {
		t.Error("seeds 3 and 4 give the same records")
	}
}

// TestPrecisionStopsAtSameReplication: a precision rule stops at the same
// replication for any number of workers, at the first replication after
// which every design's interval is narrow enough.
func TestPrecisionStopsAtSameReplication(t *testing.T) {
	t.Parallel()
	a, b := design(t, "validation/mmc"), design(t, "validation/mmc", "roles.agent.headcount=11")
	opt := Options{Seed: 1, Replications: 500, Precision: 0.1, MinReps: 4, StopKeys: []metric.Key{waitKey}}
	var ref *Outcome
	for _, w := range []int{1, 2, 7} {
		opt.Workers = w
		out := run(t, []*Design{a, b}, opt)
		if !out.Precise || out.Partial {
			t.Fatalf("precise %t, partial %t", out.Precise, out.Partial)
		}
		if ref == nil {
			ref = out
			continue
		}
		if !reflect.DeepEqual(out.Results, ref.Results) {
			t.Errorf("%d workers: stopped after %d replications, 1 worker after %d", w, len(out.Results[0].Records), len(ref.Results[0].Records))
		}
	}
	n := len(ref.Results[0].Records)
	t.Logf("stopped after %d replications", n)
	if n <= opt.MinReps || n >= opt.Replications {
		t.Fatalf("stopped after %d replications: the rule did not decide", n)
	}
	// Every design is precise after n replications, not all after n-1.
	precise := func(k int) bool {
		all := true
		for _, r := range ref.Results {
			agg := results.NewAggregator(r.Design.Keys())
			for _, rec := range r.Records[:k] {
				agg.Add(rec)
			}
			i, _ := r.Design.Plan.Catalog().Index(waitKey)
			all = all && agg.Precise([]int{i}, opt.Precision)
		}
		return all
	}
	if !precise(n) || precise(n-1) {
		t.Errorf("stopped after %d replications: precise then %t, after %d %t", n, precise(n), n-1, precise(n-1))
	}
	if sh := ref.Shard(0); sh.Header.Replications != n {
		t.Errorf("the shard of a precision run records %d replications, want the %d run", sh.Header.Replications, n)
	}
}

// TestCancelKeepsWhatFinished: a cancelled run returns the replications
// delivered before, the same number for every design of the set, marked
// partial, with the context's error.
func TestCancelKeepsWhatFinished(t *testing.T) {
	t.Parallel()
	a, b := design(t, "validation/mmc"), design(t, "validation/mmc", "roles.agent.headcount=11")
	full := run(t, []*Design{a, b}, Options{Seed: 1, Replications: 40, Workers: 2})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var calls []int
	out, err := Run(ctx, []*Design{a, b}, Options{Seed: 1, Replications: 40, Workers: 2, Progress: func(done, total int) {
		if total != 40 {
			t.Errorf("progress total %d, want 40", total)
		}
		calls = append(calls, done)
		if done == 5 {
			cancel()
		}
	}})
	if !errors.Is(err, context.Canceled) || out == nil || !out.Partial {
		t.Fatalf("cancelled run: err %v, outcome %v", err, out)
	}
	n := len(out.Results[0].Records)
	if n < 5 || n == 40 || len(out.Results[1].Records) != n {
		t.Fatalf("cancelled after 5: %d and %d records", n, len(out.Results[1].Records))
	}
	for i, c := range calls {
		if c != i+1 || len(calls) != n {
			t.Fatalf("progress calls %v for %d records, want 1, 2, ... %d", calls, n, n)
		}
	}
	for i := range out.Results {
		if !reflect.DeepEqual(out.Results[i].Records, full.Results[i].Records[:n]) {
			t.Errorf("design %d: the records kept are not the first %d of the full run", i, n)
		}
	}
	if !out.Shard(0).Header.Partial {
		t.Error("the shard of a cancelled run is not marked partial")
	}
}

func TestRunRefusesBadOptions(t *testing.T) {
	t.Parallel()
	a := design(t, "validation/mmc")
	for _, tc := range []struct {
		opt  Options
		want string
	}{
		{Options{}, "0 replications"},
		{Options{Replications: 4, Shard: 2, Shards: 2}, "shard 2 of 2"},
		{Options{Replications: 4, Precision: 1}, "precision 1"},
		{Options{Replications: 4, Precision: 0.1, Shards: 2, StopKeys: []metric.Key{waitKey}}, "sharded run cannot stop early"},
		{Options{Replications: 4, Precision: 0.1}, "needs the measures"},
		{Options{Replications: 4, Precision: 0.1, StopKeys: []metric.Key{{Metric: "nope", Role: metric.Department, Period: metric.Total}}}, "has no measure nope:all:total"},
	} {
		out, err := Run(context.Background(), []*Design{a}, tc.opt)
		if err == nil || out != nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%+v: %v, want an error saying %q", tc.opt, err, tc.want)
		}
	}
	if _, err := Run(context.Background(), nil, Options{Replications: 1}); err == nil {
		t.Error("no designs: no error")
	}
}

// TestWallShares: with a clock, the wall time is split between the
// designs of a set in proportion to the time their replications took.
func TestWallShares(t *testing.T) {
	t.Parallel()
	a, b := design(t, "validation/mmc"), design(t, "validation/mmc", "roles.agent.headcount=11")
	out := run(t, []*Design{a}, Options{Seed: 1, Replications: 3})
	if out.Wall != 0 || out.Results[0].Wall != 0 {
		t.Errorf("wall times %v, %v without a clock", out.Wall, out.Results[0].Wall)
	}
	out = run(t, []*Design{a, b}, Options{Seed: 1, Replications: 3, Clock: fakeClock()})
	sum := out.Results[0].Wall + out.Results[1].Wall
	if out.Wall <= 0 || out.Results[0].Wall <= 0 || out.Results[1].Wall <= 0 || sum > out.Wall || sum < out.Wall-2 {
		t.Errorf("wall %v split into %v and %v", out.Wall, out.Results[0].Wall, out.Results[1].Wall)
	}
}
