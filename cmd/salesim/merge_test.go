package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/salesim/salesim/sim/results"
)

// runShards runs every shard of n of the quick growth plan into dir.
func runShards(t *testing.T, dir string, n int) {
	t.Helper()
	for i := range n {
		quickRun(t, dir, "-shard", fmt.Sprintf("%d/%d", i, n))
	}
}

// TestMergedShardsEqualSingleRun: the shards of a run, merged, give the
// files of the single-machine run byte for byte, for 1, 3 and 7 shards.
func TestMergedShardsEqualSingleRun(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	single := filepath.Join(dir, "single")
	quickRun(t, single)
	for _, n := range []int{1, 3, 7} {
		out := filepath.Join(dir, fmt.Sprint(n))
		runShards(t, out, n)
		salesimOK(t, "merge", "-q", "-no-plots", out)
		sameFiles(t, single, out)
	}
	// A single-machine run is shard 0 of 1: the same shard file.
	want, err := os.ReadFile(filepath.Join(single, "shards", results.ShardName(0, 1)))
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join(dir, "1", results.ShardName(0, 1)))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("-shard 0/1 wrote another shard file than the single-machine run")
	}
}

// TestPeopleSameForAnySplit: the results per person of a design with
// norms and a quota (set on the growth plan's hunters and farmers) are
// the same bytes for any number of workers and any split into shards.
func TestPeopleSameForAnySplit(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	set := []string{"-set", "roles.hunter.quota.margin=40k", "-set", "roles.farmer.quota.margin=150k",
		"-set", `roles.hunter.norms=[{activity="cold_call", count=150}, {name="meetings", activity="meeting", count=8, per="1mo"}]`}
	single := filepath.Join(dir, "single")
	quickRun(t, single, append(set, "-workers", "1")...)
	b, err := os.ReadFile(filepath.Join(single, "people-summary.csv"))
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range []string{"hunter,all,quota_reached,", "farmer,2,quota_met,", "hunter,1,norm_attainment.meetings,", "hunter,all,norm_met.cold_call,"} {
		if !bytes.Contains(b, []byte("\n"+row)) {
			t.Errorf("people-summary.csv has no row %s...", row)
		}
	}
	workers := filepath.Join(dir, "workers")
	quickRun(t, workers, append(set, "-workers", "2")...)
	sameFiles(t, single, workers)
	for _, n := range []int{2, 5} {
		out := filepath.Join(dir, fmt.Sprint(n))
		for i := range n {
			quickRun(t, out, append(set, "-shard", fmt.Sprintf("%d/%d", i, n))...)
		}
		salesimOK(t, "merge", "-q", "-no-plots", out)
		sameFiles(t, single, out)
	}
}

// TestMergeRefusesBadShards: a missing, duplicated, partial or truncated
// shard is refused with the shard named, and nothing is written; running
// the missing shard again and merging gives the single-machine result.
func TestMergeRefusesBadShards(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	single := filepath.Join(dir, "single")
	quickRun(t, single)
	shards := filepath.Join(dir, "shards")
	runShards(t, shards, 3)
	path := func(i int) string { return filepath.Join(shards, results.ShardName(i, 3)) }
	good, err := os.ReadFile(path(1))
	if err != nil {
		t.Fatal(err)
	}

	refused := func(what, want string) {
		t.Helper()
		stderr := salesimFails(t, 1, "merge", "-q", "-no-plots", shards)
		if !strings.Contains(stderr, want) {
			t.Errorf("%s: merge says\n%s\nwant it to say %q", what, stderr, want)
		}
		if _, err := os.Stat(filepath.Join(shards, "summary.csv")); err == nil {
			t.Fatalf("%s: merge wrote summary.csv although it refused the shards", what)
		}
	}

	// Missing.
	if err := os.Remove(path(1)); err != nil {
		t.Fatal(err)
	}
	refused("shard 1 missing", "replications are missing (first: 4); run shards 1 again")

	// Partial: shard 1 as an interrupted run writes it, one record short.
	sh, err := results.ReadShard(bytes.NewReader(good), path(1))
	if err != nil {
		t.Fatal(err)
	}
	sh.Header.Partial = true
	sh.Records = sh.Records[:len(sh.Records)-1]
	var partial bytes.Buffer
	if err := results.WriteShard(&partial, sh); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path(1), partial.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	refused("shard 1 partial", "partial shards (interrupted runs): 1; run shards 1 again")

	// Truncated: the file ends in the middle of a record.
	if err := os.WriteFile(path(1), good[:len(good)-100], 0o644); err != nil {
		t.Fatal(err)
	}
	refused("shard 1 truncated", results.ShardName(1, 3)+":")

	// Duplicated: shard 2 twice, under another name.
	if err := os.WriteFile(path(1), good, 0o644); err != nil {
		t.Fatal(err)
	}
	dup := filepath.Join(shards, "shard-00002-of-00003.copy.csv")
	b, err := os.ReadFile(path(2))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dup, b, 0o644); err != nil {
		t.Fatal(err)
	}
	refused("shard 2 twice", "are both shard 2 of 3")
	if err := os.Remove(dup); err != nil {
		t.Fatal(err)
	}

	// Run the missing shard again: the result is the single run's.
	if err := os.Remove(path(1)); err != nil {
		t.Fatal(err)
	}
	quickRun(t, shards, "-shard", "1/3")
	salesimOK(t, "merge", "-q", "-no-plots", shards)
	sameFiles(t, single, shards)
}

// TestShardIndexFromEnvironment runs shards as child processes the way
// Kubernetes Indexed Jobs (JOB_COMPLETION_INDEX) and Slurm job arrays
// (SLURM_ARRAY_TASK_ID) start them, with -shard env/4, and merges them;
// without either variable -shard env/4 fails.
func TestShardIndexFromEnvironment(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	single := filepath.Join(dir, "single")
	quickRun(t, single)
	args := func(out string) []string {
		return append(append([]string{"run", "-shard", "env/4", "-out", out}, quick...), "growth-plan")
	}
	for _, v := range shardEnvVars {
		out := filepath.Join(dir, v)
		var cmds []*exec.Cmd
		for i := range 4 {
			cmd := salesimCmd(t, []string{fmt.Sprintf("%s=%d", v, i)}, args(out)...)
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			cmds = append(cmds, cmd)
		}
		for i, cmd := range cmds {
			if err := cmd.Wait(); err != nil {
				t.Fatalf("%s=%d: %v", v, i, err)
			}
		}
		salesimOK(t, "merge", "-q", "-no-plots", out)
		sameFiles(t, single, out)
	}

	out := filepath.Join(dir, "none")
	var stderr bytes.Buffer
	cmd := salesimCmd(t, nil, args(out)...)
	cmd.Stderr = &stderr
	err := cmd.Run()
	if code := cmd.ProcessState.ExitCode(); err == nil || code != 1 {
		t.Errorf("-shard env/4 without an index in the environment: exit status %d, want 1", code)
	}
	for _, v := range shardEnvVars {
		if !strings.Contains(stderr.String(), v) {
			t.Errorf("the error does not name %s:\n%s", v, stderr.String())
		}
	}
	if _, err := os.Stat(out); err == nil {
		t.Errorf("-shard env/4 without an index created %s", out)
	}
}

// TestShardFlag checks -shard's parsing and the precedence of the
// environment variables, in-process.
func TestShardFlag(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		shard string
		env   map[string]string
		code  int
		want  string // in stderr, or the shard file written
	}{
		{"env/4", map[string]string{"SLURM_ARRAY_TASK_ID": "2", "JOB_COMPLETION_INDEX": "0"}, 0, results.ShardName(2, 4)},
		{"env/4", map[string]string{"JOB_COMPLETION_INDEX": "3"}, 0, results.ShardName(3, 4)},
		{"env/4", map[string]string{"JOB_COMPLETION_INDEX": "4"}, 1, `JOB_COMPLETION_INDEX="4" is not an index in [0, 4)`},
		{"env/4", map[string]string{"SLURM_ARRAY_TASK_ID": "x"}, 1, `SLURM_ARRAY_TASK_ID="x" is not an index`},
		{"env/4", nil, 1, "neither SLURM_ARRAY_TASK_ID"},
		{"4/4", nil, 2, "the index must be a whole number in [0, 4)"},
		{"1", nil, 2, "want i/n"},
		{"0/0", nil, 2, "the shard count n must be a whole number from 1 to"},
	} {
		out := t.TempDir()
		var stdout, stderr bytes.Buffer
		env := &cmdEnv{stdout: &stdout, stderr: &stderr, getenv: func(k string) string { return tc.env[k] }}
		err := runEnv(context.Background(), env, append(append([]string{"run", "-shard", tc.shard, "-out", out}, quick...), "growth-plan"))
		if code := exitCode(err, &stderr); code != tc.code {
			t.Errorf("-shard %s %v: exit status %d, want %d\n%s", tc.shard, tc.env, code, tc.code, stderr.String())
			continue
		}
		if tc.code != 0 {
			if !strings.Contains(stderr.String(), tc.want) {
				t.Errorf("-shard %s %v: stderr\n%s\nwant %q", tc.shard, tc.env, stderr.String(), tc.want)
			}
			continue
		}
		if _, err := os.Stat(filepath.Join(out, tc.want)); err != nil {
			t.Errorf("-shard %s %v: %v", tc.shard, tc.env, err)
		}
	}
}

// scaleOutExamples are the example job files that README.md shows in
// full; .ci/slurm-e2e runs the Slurm ones on a real cluster.
var scaleOutExamples = []string{
	"../../.ci/examples/slurm/shards.sbatch",
	"../../.ci/examples/slurm/merge.sbatch",
	"../../.ci/examples/kubernetes/shards-job.yaml",
	"../../.ci/examples/kubernetes/merge-job.yaml",
}

// TestScaleOutExamplesInREADME checks that README.md shows the example
// job files as they are, so that the tested text is the documented one.
func TestScaleOutExamplesInREADME(t *testing.T) {
	t.Parallel()
	readme, err := os.ReadFile("../../README.md")
	if err != nil || !bytes.Contains(readme, []byte("shards.sbatch")) {
		t.Skip("README.md has no scale-out section")
	}
	for _, path := range scaleOutExamples {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(readme, b) {
			t.Errorf("README.md does not show %s as it is: copy the file's text into its code block", path)
		}
	}
}

// TestMergeReplacesOlderRun: merging into the folder of another run
// removes the files that run's manifest listed, so that its figures and
// page do not stay beside the merged data (the audit found 'salesim merge
// SHARDS -no-plots -out DIR', DIR holding a run of today with -report,
// leaving today's report.html and figures beside growth-plan's data).
func TestMergeReplacesOlderRun(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	old := filepath.Join(dir, "old")
	salesimOK(t, "run", "today", "-reps", "2", "-horizon", "13mo", "-warmup", "1mo", "-report", "-q", "-out", old)
	split := filepath.Join(dir, "split")
	runShards(t, split, 2)
	salesimOK(t, "merge", "-no-plots", "-q", "-out", old, split)
	for _, name := range []string{"report.html", "cost.png", "monthly.svg"} {
		if _, err := os.Stat(filepath.Join(old, name)); err == nil {
			t.Errorf("%s of the older run is still there after the merge", name)
		}
	}
	if _, err := os.Stat(filepath.Join(old, "summary.csv")); err != nil {
		t.Error(err)
	}
}
