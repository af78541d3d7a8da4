package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

const sweepExp = `design = "validation/mmc"
replications = 4
set = ['run.horizon="5d"', 'run.warmup="1d"']

[[factor]]
key = "roles.agent.headcount"
levels = [10, 12]
`

// TestSweepCLI: sweep writes its files and table; the same sweep in two
// shards merged with -merge writes byte-identical files; a bad file is
// one error naming its line and key.
func TestSweepCLI(t *testing.T) {
	t.Parallel()
	tmp := t.TempDir()
	exp := filepath.Join(tmp, "agents.toml")
	if err := os.WriteFile(exp, []byte(sweepExp), 0o644); err != nil {
		t.Fatal(err)
	}
	one := filepath.Join(tmp, "one")
	out := salesimOK(t, "sweep", exp, "-out", one, "-workers", "2")
	if !strings.Contains(out, "agents: 2 points × 4 replications") || !strings.Contains(out, "roles.agent.headcount") {
		t.Errorf("sweep printed:\n%s", out)
	}
	two := filepath.Join(tmp, "two")
	salesimOK(t, "sweep", exp, "-out", two, "-shard", "1/2", "-q")
	if stderr := salesimFails(t, 1, "sweep", exp, "-out", two, "-merge"); !strings.Contains(stderr, "shard") {
		t.Errorf("merge without shard 0: %s", stderr)
	}
	salesimOK(t, "sweep", exp, "-out", two, "-shard", "0/2", "-q")
	salesimOK(t, "sweep", exp, "-out", two, "-merge", "-q")
	for _, name := range []string{"points.csv", "summary.csv", "replications.csv", "curve-margin.png", "curve-cost.png"} {
		a, errA := os.ReadFile(filepath.Join(one, name))
		b, errB := os.ReadFile(filepath.Join(two, name))
		if errA != nil || errB != nil || !bytes.Equal(a, b) {
			t.Errorf("%s: merged shards differ from one machine (%v, %v)", name, errA, errB)
		}
	}
	bad := filepath.Join(tmp, "bad.toml")
	if err := os.WriteFile(bad, []byte(strings.Replace(sweepExp, "levels = [10, 12]", "min = 12\nmax = 10", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if stderr := salesimFails(t, 1, "sweep", bad); !strings.Contains(stderr, "bad.toml:7: factor[0].min: min 12 is greater than max 10") || strings.Count(stderr, "\n") != 1 {
		t.Errorf("bad file: %q", stderr)
	}
}

// TestSweepInterruptResume: Ctrl-C (SIGINT) stops a sweep with a non-zero
// status that says how many points are kept; the same command run again
// finishes it, and every result file is byte-identical to that of a sweep
// never interrupted.
func TestSweepInterruptResume(t *testing.T) {
	tmp := t.TempDir()
	exp := filepath.Join(tmp, "agents.toml")
	// 60 points of three months each: several seconds in all.
	text := strings.Replace(strings.Replace(sweepExp, "levels = [10, 12]", "min = 10\nmax = 69", 1), `"5d"`, `"90d"`, 1)
	if err := os.WriteFile(exp, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	whole := filepath.Join(tmp, "whole")
	salesimOK(t, "sweep", exp, "-out", whole, "-q", "-workers", "2")
	var dir string
	var res []interrupted
	for _, delay := range []time.Duration{time.Second, 2 * time.Second} {
		dir = filepath.Join(tmp, "cut"+delay.String())
		var ok bool
		if res, ok = interruptAfter(t, []*exec.Cmd{salesimCmd(t, nil, "sweep", exp, "-out", dir, "-workers", "2")}, delay); ok {
			break
		}
	}
	if r := res[0]; r.code <= 0 || !strings.Contains(r.stderr, "interrupted:") || !strings.Contains(r.stderr, "run the same command again") {
		t.Fatalf("interrupted sweep: status %d, stderr:\n%s", r.code, r.stderr)
	}
	out := salesimOK(t, "sweep", exp, "-out", dir, "-workers", "1")
	if !strings.Contains(out, "kept ") {
		t.Errorf("the resumed sweep kept nothing:\n%s", out)
	}
	es, err := os.ReadDir(whole)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range es {
		if e.IsDir() {
			continue
		}
		a, _ := os.ReadFile(filepath.Join(whole, e.Name()))
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil || !bytes.Equal(a, b) {
			t.Errorf("%s: the resumed sweep's differs from the uninterrupted one's (%v)", e.Name(), err)
		}
	}
}

// TestSweepShardSaysItsReplications: a sharded sweep says which block of
// each point's replications it ran, not the file's whole count (the audit
// found 'salesim sweep EXP -shard 0/2' printing "ran 6 points × 5
// replications" after running 2 of each point's 5).
func TestSweepShardSaysItsReplications(t *testing.T) {
	t.Parallel()
	tmp := t.TempDir()
	exp := filepath.Join(tmp, "agents.toml")
	if err := os.WriteFile(exp, []byte(sweepExp), 0o644); err != nil {
		t.Fatal(err)
	}
	out := salesimOK(t, "sweep", exp, "-out", filepath.Join(tmp, "s"), "-shard", "1/2", "-no-progress")
	if !strings.HasPrefix(out, "ran 2 points × replications 2..3 of 4 in ") {
		t.Errorf("sweep -shard 1/2 printed:\n%s", out)
	}
}

// TestSweepShardOfCompletePoints: a shard run into a folder whose points
// are complete (from another sharding) says it wrote nothing, not that it
// wrote its shard (found by the audit).
func TestSweepShardOfCompletePoints(t *testing.T) {
	t.Parallel()
	tmp := t.TempDir()
	exp := filepath.Join(tmp, "agents.toml")
	if err := os.WriteFile(exp, []byte(sweepExp), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(tmp, "s")
	salesimOK(t, "sweep", exp, "-out", dir, "-shard", "0/2", "-q")
	salesimOK(t, "sweep", exp, "-out", dir, "-shard", "1/2", "-q")
	out := salesimOK(t, "sweep", exp, "-out", dir, "-shard", "1/3", "-no-progress")
	if !strings.Contains(out, "wrote nothing: every point in "+dir+" has this shard, or all its replications, already") || strings.Contains(out, "wrote shard") {
		t.Errorf("sweep -shard 1/3 over complete points printed:\n%s", out)
	}
}
