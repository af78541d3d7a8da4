package experiment

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/salesim/salesim/sim/results"
)

// fakeClock returns a clock that advances a millisecond at every reading,
// safe for concurrent use.
func fakeClock() func() time.Time {
	var n atomic.Int64
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	return func() time.Time { return t0.Add(time.Duration(n.Add(1)) * time.Millisecond) }
}

// roundTrip writes a shard and reads it back, as files carry shards.
func roundTrip(t *testing.T, sh *results.Shard) *results.Shard {
	t.Helper()
	var b bytes.Buffer
	if err := results.WriteShard(&b, sh); err != nil {
		t.Fatal(err)
	}
	back, err := results.ReadShard(&b, "shard")
	if err != nil {
		t.Fatal(err)
	}
	return back
}

// files writes a merged run's files into a map.
func files(t *testing.T, m *Merged) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, f := range m.Files(RecordsBoth) {
		var b bytes.Buffer
		if err := f.Write(&b); err != nil {
			t.Fatal(err)
		}
		out[f.Name] = b.String()
	}
	return out
}

// TestShardsMergeToTheWholeRun: the shards of a run, each run on its own
// and carried through a shard file, merge to the files of the whole run,
// with the design rebuilt from the recorded text.
func TestShardsMergeToTheWholeRun(t *testing.T) {
	t.Parallel()
	d := design(t, "validation/mmc")
	whole := run(t, []*Design{d}, Options{Seed: 2, Replications: 10, Workers: 2})
	ref, err := Merge([]*results.Shard{whole.Shard(0)}, MergeOptions{Design: d})
	if err != nil {
		t.Fatal(err)
	}
	if ref.Partial() || ref.Shards != 1 || ref.Table.N != 10 {
		t.Fatalf("merged single run: partial %t, %d shards, n %d", ref.Partial(), ref.Shards, ref.Table.N)
	}
	for _, n := range []int{3, 4, 11} {
		var shards []*results.Shard
		covered := 0
		for i := range n {
			reps := ShardReps(i, n, 10)
			out := run(t, []*Design{d}, Options{Seed: 2, Replications: 10, Shard: i, Shards: n, Workers: 2})
			if len(out.Results[0].Records) != len(reps) {
				t.Fatalf("shard %d of %d: %d records, want %d", i, n, len(out.Results[0].Records), len(reps))
			}
			covered += len(reps)
			shards = append(shards, roundTrip(t, out.Shard(0)))
		}
		if covered != 10 {
			t.Errorf("%d shards cover %d replications, want 10", n, covered)
		}
		m, err := Merge(shards, MergeOptions{})
		if err != nil {
			t.Fatalf("%d shards: %v", n, err)
		}
		if m.Design.Name != d.Name || CacheKey(m.Design, 2, 10) != CacheKey(d, 2, 10) {
			t.Errorf("%d shards: rebuilt design %s differs from %s", n, m.Design.Name, d.Name)
		}
		if !reflect.DeepEqual(files(t, m), files(t, ref)) {
			t.Errorf("%d shards merged: files differ from the whole run's", n)
		}
	}
}

// TestMergeRefusesPartialShards: a partial shard is refused, naming it
// and any missing shard to run again, unless partial shards are allowed.
func TestMergeRefusesPartialShards(t *testing.T) {
	t.Parallel()
	d := design(t, "validation/mmc")
	var shards []*results.Shard
	for i := range 3 {
		out := run(t, []*Design{d}, Options{Seed: 2, Replications: 9, Shard: i, Shards: 3})
		shards = append(shards, out.Shard(0))
	}
	shards[1].Header.Partial = true
	shards[1].Records = shards[1].Records[:1]
	_, err := Merge(shards, MergeOptions{})
	var me *results.MergeError
	if !errors.As(err, &me) || !strings.Contains(err.Error(), "partial shards (interrupted runs): 1; run shards 1 again") {
		t.Errorf("partial shard 1: %v", err)
	}
	_, err = Merge([]*results.Shard{shards[1], shards[2]}, MergeOptions{})
	if err == nil || !strings.HasSuffix(err.Error(), "run shards 0,1 again") {
		t.Errorf("partial shard 1, shard 0 missing: %v", err)
	}
	_, err = Merge(shards[1:2], MergeOptions{})
	if err == nil || !strings.HasSuffix(err.Error(), "run shards 0,1,2 again") {
		t.Errorf("only a partial shard: %v", err)
	}
	m, err := Merge(shards, MergeOptions{Partial: true})
	if err != nil || !m.Partial() || len(m.Run.Records) != 7 {
		t.Errorf("partial allowed: %v", err)
	}
}

// TestMergeChecksTheRecordedText: shards whose recorded scenario text was
// changed are refused; shards of an older salesim, without the text, are
// refused with a message saying so.
func TestMergeChecksTheRecordedText(t *testing.T) {
	t.Parallel()
	d := design(t, "validation/mmc")
	sh := run(t, []*Design{d}, Options{Seed: 2, Replications: 2}).Shard(0)
	edited := *sh
	edited.Header.Sources = append([]results.Source(nil), sh.Header.Sources...)
	edited.Header.Sources[0].Text = append([]byte("# edited\n"), edited.Header.Sources[0].Text...)
	if _, err := Merge([]*results.Shard{&edited}, MergeOptions{}); err == nil || !strings.Contains(err.Error(), "does not match its SHA-256") {
		t.Errorf("edited text: %v", err)
	}
	old := *sh
	old.Header.Sources = nil
	if _, err := Merge([]*results.Shard{&old}, MergeOptions{}); err == nil || !strings.Contains(err.Error(), "older salesim") {
		t.Errorf("no text: %v", err)
	}
}

// TestManifest: a manifest describes the merged run, reads back as
// written, and rebuilds the design.
func TestManifest(t *testing.T) {
	t.Parallel()
	d := design(t, "growth-plan#veterans_leave")
	m, err := Merge([]*results.Shard{run(t, []*Design{d}, Options{Seed: 5, Replications: 2}).Shard(0)}, MergeOptions{Design: d})
	if err != nil {
		t.Fatal(err)
	}
	man := Manifest{WallSeconds: 2, Files: []string{"summary.csv"}}
	man.Describe(m)
	if man.Scenario != "growth-plan" || man.Variant != "veterans_leave" || man.Seed != 5 || man.Replications != 2 || man.Shards != 1 ||
		man.Events != m.Table.Events || man.RepsPerSec != 1 || len(man.Sources) != len(d.Scenario.Sources) || man.Partial {
		t.Errorf("manifest %+v", man)
	}
	for i, s := range man.Sources {
		if s.Name != d.Scenario.Sources[i].Name || s.SHA256 != d.Scenario.Sources[i].SHA256 {
			t.Errorf("source %d: %s %s, want %s %s", i, s.Name, s.SHA256, d.Scenario.Sources[i].Name, d.Scenario.Sources[i].SHA256)
		}
	}
	var b bytes.Buffer
	if err := man.WriteJSON(&b); err != nil {
		t.Fatal(err)
	}
	js, _ := man.JSON()
	if !bytes.Equal(b.Bytes(), append(js, '\n')) {
		t.Error("WriteJSON is not JSON and a newline")
	}
	back, err := ReadManifest(&b, "manifest.json")
	if err != nil || !reflect.DeepEqual(*back, man) {
		t.Fatalf("read back: %v\n%+v\nwant\n%+v", err, back, man)
	}
	rebuilt, err := back.Design()
	if err != nil || CacheKey(rebuilt, 5, 2) != CacheKey(d, 5, 2) {
		t.Errorf("design from the manifest: %v", err)
	}
	if _, err := ReadManifest(strings.NewReader("{"), "m.json"); err == nil || !strings.HasPrefix(err.Error(), "m.json: ") {
		t.Errorf("bad JSON: %v", err)
	}
}

func TestCacheKey(t *testing.T) {
	t.Parallel()
	base := design(t, "growth-plan")
	key := CacheKey(base, 1, 10)
	if len(key) != 64 || key != CacheKey(design(t, "growth-plan"), 1, 10) {
		t.Fatalf("key %q is not a stable SHA-256", key)
	}
	for name, k := range map[string]string{
		"seed":         CacheKey(base, 2, 10),
		"replications": CacheKey(base, 1, 11),
		"variant":      CacheKey(design(t, "growth-plan#veterans_leave"), 1, 10),
		"override":     CacheKey(design(t, "growth-plan", "run.seed=9"), 1, 10),
		"other design": CacheKey(design(t, "cascade"), 1, 10),
	} {
		if k == key {
			t.Errorf("another %s gives the same key", name)
		}
	}
}
