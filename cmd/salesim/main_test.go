package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// asMainEnv, set to 1 in the environment, makes the test binary run
// salesim's main instead of the tests. Tests use it to start salesim as a
// child process (signals, environment, exit status) without building it:
// a cold "go build" of the command takes over a minute on a CI machine.
const asMainEnv = "SALESIM_TEST_AS_MAIN"

// raceEnabled reports whether the tests run with the race detector, which
// slows the simulator about tenfold (set in race_test.go).
var raceEnabled bool

func TestMain(m *testing.M) {
	if os.Getenv(asMainEnv) == "1" {
		main() // exits
	}
	os.Exit(m.Run())
}

// shardEnvVars are the variables -shard env/n reads; child processes start
// without them unless a test sets them, so that the tests behave the same
// inside a Slurm array task or a Kubernetes pod.
var shardEnvVars = []string{"SLURM_ARRAY_TASK_ID", "JOB_COMPLETION_INDEX"}

// salesimCmd returns a command that runs salesim with args in a child
// process, with extra environment variables env ("K=V").
func salesimCmd(t *testing.T, env []string, args ...string) *exec.Cmd {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, args...)
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		if k != asMainEnv && !slices.Contains(shardEnvVars, k) {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	cmd.Env = append(cmd.Env, asMainEnv+"=1")
	cmd.Env = append(cmd.Env, env...)
	return cmd
}

// salesimOK runs salesim in-process and fails the test if it fails. It
// returns the standard output.
func salesimOK(t *testing.T, args ...string) string {
	t.Helper()
	var stdout, stderr bytes.Buffer
	if err := run(context.Background(), args, &stdout, &stderr); err != nil {
		t.Fatalf("salesim %s: %v\nstderr:\n%s", strings.Join(args, " "), err, stderr.String())
	}
	return stdout.String()
}

// salesimFails runs salesim in-process, expects it to exit with status
// code, and returns its standard error.
func salesimFails(t *testing.T, code int, args ...string) string {
	t.Helper()
	var stdout, stderr bytes.Buffer
	err := run(context.Background(), args, &stdout, &stderr)
	if got := exitCode(err, &stderr); got != code {
		t.Fatalf("salesim %s: exit status %d, want %d\nstderr:\n%s", strings.Join(args, " "), got, code, stderr.String())
	}
	return stderr.String()
}

// resultFiles are the result files that must not depend on how a run was
// executed (workers, shards); manifest.json records timings and the
// command line, and the plots are drawn from summary.csv's table.
// growth-plan, which the tests run, has a status quo: its files are
// result files too.
var resultFiles = []string{"summary.csv", "replications.csv", "replications.parquet", "timeseries.csv", "summary.json",
	"people-summary.csv", "people.csv", "people.parquet",
	statusQuoFile, statusQuoDir + "/summary.csv", statusQuoDir + "/replications.csv", statusQuoDir + "/replications.parquet", statusQuoDir + "/summary.json",
	statusQuoDir + "/people-summary.csv", statusQuoDir + "/people.csv"}

// sameFiles fails the test unless every result file (or each of names)
// in dir has the bytes of the one in ref.
func sameFiles(t *testing.T, ref, dir string, names ...string) {
	t.Helper()
	if names == nil {
		names = resultFiles
	}
	for _, name := range names {
		want, err := os.ReadFile(filepath.Join(ref, name))
		if err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from %s (%d vs %d bytes)", filepath.Join(dir, name), filepath.Join(ref, name), len(got), len(want))
		}
	}
}
