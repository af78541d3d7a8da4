package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
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
