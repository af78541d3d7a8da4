package study

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/parquet-go/parquet-go"

	"github.com/salesim/salesim/scenarios"
)

// files writes a sweep's result files to dir and returns their bytes by
// name.
func files(t *testing.T, f *File, dir string) map[string][]byte {
	t.Helper()
	sw, err := ReadSweep(f, dir)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, fl := range append(sw.Files(), sw.Figures()...) {
		var b bytes.Buffer
		if err := fl.Write(&b); err != nil {
			t.Fatalf("%s: %v", fl.Name, err)
		}
		out[fl.Name] = b.Bytes()
	}
	return out
}

func sameFiles(t *testing.T, what string, got, want map[string][]byte) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: %d files, want %d", what, len(got), len(want))
	}
	for name, w := range want {
		if !bytes.Equal(got[name], w) {
			t.Errorf("%s: %s differs from the uninterrupted sweep's", what, name)
		}
	}
}

const sweepText = `design = "validation/mmc"
replications = 6
set = ['run.horizon="10d"', 'run.warmup="1d"']

[[factor]]
key = "roles.agent.headcount"
levels = [10, 11, 12]

[[factor]]
key = "activities.serve.priority"
levels = [50, 100]

[[response]]
metric = "queue_wait_h"
`

// TestSweepResume: a sweep interrupted after two points keeps them,
// runs only the others when run again into the same folder, and ends
// with results byte-identical to an uninterrupted sweep's; a folder of
// another sweep is refused.
func TestSweepResume(t *testing.T) {
	t.Parallel()
	f, err := load(t, sweepText)
	if err != nil {
		t.Fatal(err)
	}
	whole := t.TempDir()
	if _, err := RunSweep(context.Background(), f, SweepOptions{Dir: whole, Workers: 2}); err != nil {
		t.Fatal(err)
	}
	want := files(t, f, whole)
	if len(want) != 6 || !strings.HasPrefix(string(want["summary.csv"]), "point,roles.agent.headcount,activities.serve.priority,metric,role,period,mean,") {
		t.Fatalf("files %d; summary.csv starts %.80q", len(want), want["summary.csv"])
	}

	dir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	run, err := RunSweep(ctx, f, SweepOptions{Dir: dir, Workers: 2, Progress: func(done, total int) {
		if done == 2 {
			cancel()
		}
	}})
	if !errors.Is(err, context.Canceled) || run.Ran != 2 {
		t.Fatalf("interrupted sweep: %v, ran %+v", err, run)
	}
	if _, err := ReadSweep(f, dir); err == nil || !strings.Contains(err.Error(), "point 2") {
		t.Errorf("reading an unfinished sweep: %v", err)
	}
	run, err = RunSweep(context.Background(), f, SweepOptions{Dir: dir, Workers: 1})
	if err != nil || run.Kept != 2 || run.Ran != 4 {
		t.Fatalf("resumed sweep: %v, %+v", err, run)
	}
	sameFiles(t, "resumed", files(t, f, dir), want)

	// Nothing left to run.
	if run, err := RunSweep(context.Background(), f, SweepOptions{Dir: dir}); err != nil || run.Ran != 0 || run.Kept != 6 {
		t.Errorf("third run: %v, %+v", err, run)
	}
	// Another seed in the same folder is refused.
	other := *f
	other.Seed++
	if _, err := RunSweep(context.Background(), &other, SweepOptions{Dir: dir}); err == nil || !strings.Contains(err.Error(), "another sweep") {
		t.Errorf("another seed into the folder: %v", err)
	}
}

// TestSweepShards: a sweep run in three shards into one folder gives,
// once merged, files byte-identical to a sweep on one machine; a missing
// shard is named.
func TestSweepShards(t *testing.T) {
	t.Parallel()
	f, err := load(t, sweepText)
	if err != nil {
		t.Fatal(err)
	}
	whole := t.TempDir()
	if _, err := RunSweep(context.Background(), f, SweepOptions{Dir: whole, Workers: 2}); err != nil {
		t.Fatal(err)
	}
	want := files(t, f, whole)
	dir := t.TempDir()
	for _, i := range []int{2, 0} {
		if _, err := RunSweep(context.Background(), f, SweepOptions{Dir: dir, Shard: i, Shards: 3, Workers: 1}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := ReadSweep(f, dir); err == nil || !strings.Contains(err.Error(), "shard") {
		t.Errorf("merging without shard 1: %v", err)
	}
	if _, err := RunSweep(context.Background(), f, SweepOptions{Dir: dir, Shard: 1, Shards: 3, Workers: 2}); err != nil {
		t.Fatal(err)
	}
	sameFiles(t, "merged", files(t, f, dir), want)
	// A plain sweep into the folder finds every point complete.
	if run, err := RunSweep(context.Background(), f, SweepOptions{Dir: dir}); err != nil || run.Ran != 0 {
		t.Errorf("sweep after the shards: %v, %+v", err, run)
	}
}

// TestBuiltinExperiments: every built-in experiment file loads, and a
// tiny version of its sweep (two replications of its first two points)
// runs.
func TestBuiltinExperiments(t *testing.T) {
	t.Parallel()
	names := scenarios.ExperimentNames()
	if len(names) < 2 {
		t.Fatalf("built-in experiments: %q", names)
	}
	for _, n := range names {
		b, err := fs.ReadFile(scenarios.Experiments, "experiments/"+n+".toml")
		if err != nil {
			t.Fatal(err)
		}
		f, err := Parse(b, "builtin:experiments/"+n+".toml", Options{})
		if err != nil {
			t.Errorf("%s: %v", n, err)
			continue
		}
		if strings.HasPrefix(n, "seek-") || strings.HasPrefix(n, "sensitivity-") {
			continue // not sweeps: TestBuiltinDecisionExperiments runs them
		}
		pts, err := f.Points()
		if err != nil || len(pts) < 2 {
			t.Errorf("%s: %d points, %v", n, len(pts), err)
			continue
		}
		f.Set = append(f.Set, `run.horizon="1mo"`, `run.warmup="0d"`)
		f.Replications = 2
		if n == "growth-staffing" {
			// Its target is 12 months on; the tiny run stops earlier.
			f.Set = append(f.Set[:len(f.Set)-2], `run.warmup="1mo"`, `reorg[0].at="1mo"`, `target.by="2mo"`, `run.horizon="2mo"`)
		}
		f.Plan = Plan{Kind: "points", Points: [][]float64{pts[0].Values, pts[len(pts)-1].Values}}
		dir := t.TempDir()
		if _, err := RunSweep(context.Background(), f, SweepOptions{Dir: dir, Workers: 2}); err != nil {
			t.Errorf("%s: %v", n, err)
			continue
		}
		got := files(t, f, dir)
		if len(got["summary.csv"]) == 0 {
			t.Errorf("%s: no summary", n)
		}
		if _, err := os.Stat(filepath.Join(dir, PointsDir, "p00001")); err != nil {
			t.Errorf("%s: %v", n, err)
		}
	}
}

// TestSweepParquet: replications.parquet holds every value of every
// replication of every point, with the factors' columns.
func TestSweepParquet(t *testing.T) {
	t.Parallel()
	f, err := load(t, sweepText)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if _, err := RunSweep(context.Background(), f, SweepOptions{Dir: dir, Workers: 2}); err != nil {
		t.Fatal(err)
	}
	sw, err := ReadSweep(f, dir)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := sw.writeRecordsParquet(&b); err != nil {
		t.Fatal(err)
	}
	pf, err := parquet.OpenFile(bytes.NewReader(b.Bytes()), int64(b.Len()))
	if err != nil {
		t.Fatal(err)
	}
	nKeys := len(sw.Designs[0].Keys())
	if got, want := pf.NumRows(), int64(6*6*nKeys); got != want {
		t.Errorf("%d rows, want %d", got, want)
	}
	var names []string
	for _, c := range pf.Schema().Fields() {
		names = append(names, c.Name())
	}
	if !slices.Equal(names, []string{"activities.serve.priority", "metric", "period", "point", "rep", "role", "roles.agent.headcount", "value"}) {
		t.Errorf("columns %q", names)
	}
	rows := make([]parquet.Row, 1)
	r := parquet.NewReader(pf)
	if err := r.SeekToRow(int64(5*6*nKeys + 3)); err != nil { // point 5, first key, replication 3 (by point, key, replication)
		t.Fatal(err)
	}
	if n, err := r.ReadRows(rows); n != 1 {
		t.Fatal(err)
	}
	row := rows[0]
	if row[3].Int64() != 5 || row[4].Int64() != 3 || row[6].Double() != 12 || row[0].Double() != 100 ||
		row[7].Double() != sw.Records[5][3].Values[0] {
		t.Errorf("point 5, replication 3: %v", row)
	}
	if err := r.SeekToRow(int64(5*6*nKeys + 6 + 3)); err != nil { // point 5, second key, replication 3
		t.Fatal(err)
	}
	if n, err := r.ReadRows(rows); n != 1 {
		t.Fatal(err)
	}
	if row := rows[0]; row[3].Int64() != 5 || row[4].Int64() != 3 || row[7].Double() != sw.Records[5][3].Values[1] {
		t.Errorf("point 5, second key, replication 3: %v", row)
	}
}
