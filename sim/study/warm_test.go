package study

import (
	"context"
	"math"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/salesim/salesim/scenarios"
	"github.com/salesim/salesim/sim/experiment"
	"github.com/salesim/salesim/sim/org"
	"github.com/salesim/salesim/sim/scenario"
)

var reorgHeadcount = regexp.MustCompile(`^reorg\[\d+\]\.headcount\.`)

// sameResult reports whether two results are the same bit for bit.
func sameResult(a, b org.Result) bool {
	bits := func(xs []float64) []uint64 {
		out := make([]uint64, len(xs))
		for i, x := range xs {
			out[i] = math.Float64bits(x)
		}
		return out
	}
	return a.Events == b.Events && a.Ledger == b.Ledger &&
		reflect.DeepEqual(bits(a.Values), bits(b.Values)) && reflect.DeepEqual(bits(a.People), bits(b.People))
}

// TestSharedWarmupBuiltins: for every built-in design and variant with
// reorganisations, a replication warmed up once on the design and
// continued from a copy of its state in the design itself and in designs
// with other headcounts after the reorganisation gives, bit for bit, the
// record a run from the start gives.
func TestSharedWarmupBuiltins(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	n := 0
	for _, name := range scenarios.Names() {
		base, err := scenario.Builtin(name, scenario.Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range append([]string{""}, base.Variants...) {
			sc, err := scenario.Builtin(name, scenario.Options{Variant: v})
			if err != nil {
				t.Fatal(err)
			}
			if len(sc.Document.Reorg) == 0 {
				continue
			}
			n++
			label := name
			if v != "" {
				label += "#" + v
			}
			// Other headcounts after the first reorganisation: +2 for its
			// first role, 1 fewer for its last (if it has any).
			var keys []string
			values := map[string]int{}
			for _, s := range sc.Settings() {
				if reorgHeadcount.MatchString(s.Key) && strings.HasPrefix(s.Key, "reorg[0]") {
					keys = append(keys, s.Key)
					values[s.Key], _ = strconv.Atoi(s.Value)
				}
			}
			var sets [][]string
			sets = append(sets, nil)
			if len(keys) > 0 {
				set := []string{keys[0] + "=" + strconv.Itoa(values[keys[0]]+2)}
				if last := keys[len(keys)-1]; len(keys) > 1 && values[last] > 0 {
					set = append(set, last+"="+strconv.Itoa(values[last]-1))
				}
				sets = append(sets, set)
			}
			a, err := experiment.NewDesign(sc)
			if err != nil {
				t.Fatal(err)
			}
			at := sc.Config.Reorgs[0].At
			for _, set := range sets {
				other, err := scenario.Builtin(name, scenario.Options{Variant: v, Set: set})
				if err != nil {
					t.Fatalf("%s %q: %v", label, set, err)
				}
				b, err := experiment.NewDesign(other)
				if err != nil {
					t.Fatal(err)
				}
				warm, cont, fresh := org.NewSim(a.Plan), org.NewSim(b.Plan), org.NewSim(b.Plan)
				for rep := range 2 {
					if err := warm.Warm(ctx, 1, rep, at); err != nil {
						t.Fatal(err)
					}
					got, err := cont.RunFrom(ctx, warm)
					if err != nil {
						t.Fatalf("%s %q: %v", label, set, err)
					}
					want, err := fresh.Run(ctx, 1, rep)
					if err != nil {
						t.Fatal(err)
					}
					if !sameResult(got, want) {
						t.Errorf("%s %q, replication %d: continued from the warm-up, the record differs from a run from the start (%d events, want %d)", label, set, rep, got.Events, want.Events)
					}
				}
			}
		}
	}
	if n < 10 {
		t.Errorf("%d built-in designs with reorganisations, want at least 10", n)
	}
}

const staffing = `design = "growth-plan"
replications = 3
set = ['run.horizon="2mo"', 'target.by="2mo"', 'target.window="1mo"']

[[factor]]
key = "reorg[0].headcount.hunter"
levels = [0, 2, 5]

[[factor]]
key = "reorg[0].headcount.farmer"
levels = [3, 6]
`

// TestSweepSharedWarmup: a sweep over headcounts after the
// reorganisation shares the warm-up, in batches, and writes files
// byte-identical to a sweep that runs every point from the start; a
// factor that changes the department before is not shared, with a note.
func TestSweepSharedWarmup(t *testing.T) {
	t.Parallel()
	f, err := load(t, staffing)
	if err != nil {
		t.Fatal(err)
	}
	if at, why := f.SharedWarmup(); at != f.Base(0).Config.Reorgs[0].At || why != "" {
		t.Fatalf("shared until %v: %s", at, why)
	}
	plain, shared := t.TempDir(), t.TempDir()
	r1, err := RunSweep(context.Background(), f, SweepOptions{Dir: plain, Workers: 2, NoShare: true})
	if err != nil || r1.SharedUntil != 0 || !strings.Contains(r1.Note, "asked") {
		t.Fatalf("unshared: %v, %+v", err, r1)
	}
	r2, err := RunSweep(context.Background(), f, SweepOptions{Dir: shared, Workers: 2, Batch: 4})
	if err != nil || r2.SharedUntil == 0 || r2.Ran != 6 {
		t.Fatalf("shared: %v, %+v", err, r2)
	}
	sameFiles(t, "shared warm-up", files(t, f, shared), files(t, f, plain))

	g, err := load(t, strings.Replace(staffing, `key = "reorg[0].headcount.farmer"`, `key = "roles.farmer.pay.salary"`, 1))
	if err != nil {
		t.Fatal(err)
	}
	if at, why := g.SharedWarmup(); at != 0 || !strings.Contains(why, "roles.farmer.pay.salary") {
		t.Errorf("a salary factor: shared until %v (%s)", at, why)
	}
}

// TestEvaluateShared: Evaluate shares the warm-up of points that can,
// with records bit for bit those of points run from the start.
func TestEvaluateShared(t *testing.T) {
	t.Parallel()
	f, err := load(t, staffing)
	if err != nil {
		t.Fatal(err)
	}
	pts, err := f.Points()
	if err != nil {
		t.Fatal(err)
	}
	pts = pts[2:5]
	shared, err := f.Evaluate(context.Background(), pts, EvalOptions{Replications: 2, Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	plain, err := f.Evaluate(context.Background(), pts, EvalOptions{Replications: 2, Workers: 2, NoShare: true})
	if err != nil {
		t.Fatal(err)
	}
	for i := range pts {
		for r := range 2 {
			a, b := shared.Results[i].Records[r], plain.Results[i].Records[r]
			if !sameResult(org.Result{Values: a.Values, People: a.People, Events: a.Events}, org.Result{Values: b.Values, People: b.People, Events: b.Events}) {
				t.Errorf("point %d, replication %d: shared and unshared records differ", i, r)
			}
		}
	}
}

// TestSharedWarmupSetAfterLoad: overrides added to File.Set after Load
// (an earlier reorganisation) move the shared warm-up's end with them:
// the records are those of points run from the start, and points with
// other headcounts differ.
func TestSharedWarmupSetAfterLoad(t *testing.T) {
	t.Parallel()
	f, err := load(t, staffing)
	if err != nil {
		t.Fatal(err)
	}
	f.Set = append(f.Set, `run.warmup="1mo"`, `reorg[0].at="1mo"`)
	pts, err := f.Points()
	if err != nil {
		t.Fatal(err)
	}
	pts = []Point{pts[0], pts[5]}
	shared, err := f.Evaluate(context.Background(), pts, EvalOptions{Replications: 2, Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	plain, err := f.Evaluate(context.Background(), pts, EvalOptions{Replications: 2, Workers: 1, NoShare: true})
	if err != nil {
		t.Fatal(err)
	}
	for i := range pts {
		for r := range 2 {
			a, b := shared.Results[i].Records[r], plain.Results[i].Records[r]
			if !sameResult(org.Result{Values: a.Values, People: a.People, Events: a.Events}, org.Result{Values: b.Values, People: b.People, Events: b.Events}) {
				t.Errorf("point %d, replication %d: shared and unshared records differ", i, r)
			}
		}
	}
	if reflect.DeepEqual(shared.Results[0].Records[0].Values, shared.Results[1].Records[0].Values) {
		t.Error("0 hunters and 3 farmers against 5 and 6: the same record")
	}
}
