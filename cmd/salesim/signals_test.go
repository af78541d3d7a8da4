//go:build linux

package main

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/salesim/salesim/sim/experiment"
	"github.com/salesim/salesim/sim/results"
)

// TestInterruptRunaways: Ctrl-C (SIGINT) stops, within a second, designs
// whose single replication would run for hours: a 99-year horizon whose
// 10 % growth makes the thinning of arrivals draw 13,000 candidates per
// arrival, a billion requests an hour, and an M/M/c queue with 100,000
// agents. (An overloaded design stops by itself at -max-memory:
// TestHostileInputs.)
func TestInterruptRunaways(t *testing.T) {
	runaways := [][]string{
		{"-horizon", "99y", "growth-plan"},
		{"-set", "inbound.requests.rate=1e9/h", "growth-plan"},
		{"-set", "roles.agent.headcount=100000", "-set", "inbound.requests.rate=90000/h", "validation/mmc"},
	}
	// The promise is one second; the race detector slows the simulation
	// (not the checks) about tenfold.
	within := time.Second
	if raceEnabled {
		within = 3 * time.Second
	}
	for _, r := range runaways {
		dir := t.TempDir()
		args := append([]string{"run", "-q", "-no-plots", "-reps", "2", "-workers", "2", "-out", filepath.Join(dir, "out")}, r...)
		cmd := salesimCmd(t, nil, args...)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		// Long enough to be deep in the replication (past the setup of
		// 100,000 people), short enough that none has finished.
		time.Sleep(2 * time.Second)
		sent := time.Now()
		if err := cmd.Process.Signal(os.Interrupt); err != nil {
			t.Fatalf("%v: %v (ended before the interrupt?)\n%s", r, err, stderr.String())
		}
		select {
		case <-done:
		case <-time.After(20 * time.Second):
			cmd.Process.Kill()
			<-done
			t.Fatalf("salesim run %s: still running 20 s after the interrupt", strings.Join(r, " "))
		}
		el := time.Since(sent)
		t.Logf("salesim run %s: exit status %d %.2f s after SIGINT: %s", strings.Join(r, " "), cmd.ProcessState.ExitCode(), el.Seconds(), strings.TrimSpace(stderr.String()))
		if el > within {
			t.Errorf("salesim run %s: exited %.2f s after SIGINT, want within %v", strings.Join(r, " "), el.Seconds(), within)
		}
		if code := cmd.ProcessState.ExitCode(); code != 1 {
			t.Errorf("salesim run %s: exit status %d after SIGINT, want 1\n%s", strings.Join(r, " "), code, stderr.String())
		}
		if !strings.Contains(stderr.String(), "interrupted") && !strings.Contains(stderr.String(), "memory limit") {
			t.Errorf("salesim run %s: stderr does not say it was interrupted:\n%s", strings.Join(r, " "), stderr.String())
		}
	}
}

// TestKilledRunsLeaveWholeFolders kills runs with SIGKILL at random
// moments, into fresh folders (the default names) and into a reused one
// (-force), with a different seed each time, and checks every folder a
// later 'salesim report' or 'salesim merge' would accept: each holds one
// run, whole (every file its manifest lists, the summaries those of its
// records, the records of its seed), and no temporary folder or file of
// the killed runs survives the next run into the same place.
func TestKilledRunsLeaveWholeFolders(t *testing.T) {
	root := t.TempDir()
	reused := filepath.Join(root, "reused")
	rnd := rand.New(rand.NewPCG(1, 2))
	// A run of about 0.3 s, as long with the race detector.
	reps := "40"
	if raceEnabled {
		reps = "4"
	}
	base := []string{"run", "-q", "-no-plots", "-reps", reps, "-horizon", "2mo", "-warmup", "1d", "-workers", "2"}
	// How long a whole run takes, to spread the kills over it.
	start := time.Now()
	timing := salesimCmd(t, nil, append(base, "-out", filepath.Join(root, "timing"), "validation/mmc")...)
	if out, err := timing.CombinedOutput(); err != nil {
		t.Fatalf("%v: %v\n%s", timing.Args, err, out)
	}
	full := time.Since(start)
	first := full
	// Until 20 runs (24 without -short) were killed: a run that finished
	// before its kill narrows the window, as the machine got faster.
	want := 24
	if testing.Short() {
		want = 20
	}
	killed, finished, trials := 0, 0, 0
	for ; killed < want && trials < 4*want; trials++ {
		seed := fmt.Sprint(100 + trials)
		args := append([]string{}, base...)
		args = append(args, "-seed", seed)
		if trials%2 == 0 {
			args = append(args, "-out", reused, "-force")
		}
		args = append(args, "validation/mmc")
		cmd := salesimCmd(t, nil, args...)
		cmd.Dir = root // default folders: root/results/mmc/<time>
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(rnd.Float64() * 1.2 * float64(full)))
		cmd.Process.Signal(syscall.SIGKILL)
		err := cmd.Wait()
		if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			killed++
		} else if err == nil {
			finished++
			full = full * 4 / 5
		}
	}
	t.Logf("%d runs: %d killed, %d finished before the kill (a whole run took %v at first)", trials, killed, finished, first.Round(time.Millisecond))
	if killed < want {
		t.Errorf("only %d of %d runs were killed, want %d", killed, trials, want)
	}
	// One more run into each place removes what the killed ones left.
	salesimOK(t, append(base, "-out", reused, "-force", "-seed", "999", "validation/mmc")...)
	last := salesimCmd(t, nil, append(base, "-seed", "998", "validation/mmc")...)
	last.Dir = root
	if out, err := last.CombinedOutput(); err != nil {
		t.Fatalf("%v: %v\n%s", last.Args, err, out)
	}

	var folders []string
	entries, _ := os.ReadDir(filepath.Join(root, "results", "mmc"))
	for _, e := range entries {
		folders = append(folders, filepath.Join(root, "results", "mmc", e.Name()))
	}
	folders = append(folders, reused)
	accepted := 0
	for _, dir := range folders {
		if strings.HasPrefix(filepath.Base(dir), ".") {
			t.Errorf("temporary folder left: %s", dir)
			continue
		}
		d, man, recs, _, err := readRunFolder(dir)
		if err != nil {
			// A folder report refuses: the reservation of a killed run.
			if names, _ := dirNames(dir); len(names) > 0 {
				t.Errorf("%s holds %v but report refuses it: %v", dir, names, err)
			}
			continue
		}
		accepted++
		wholeRun(t, dir, d, man, recs)
	}
	noTempFiles(t, root)
	t.Logf("%d folders accepted by report, each one whole run", accepted)
	if accepted < 2 {
		t.Errorf("only %d folders accepted", accepted)
	}
}

// wholeRun checks that a folder report accepts is one run: its shard
// file, summary and records agree with its manifest's seed and count.
func wholeRun(t *testing.T, dir string, d *experiment.Design, man *experiment.Manifest, recs []results.Record) {
	t.Helper()
	sh := readShardFile(t, filepath.Join(dir, "shards", results.ShardName(0, 1)))
	if sh.Header.Seed != man.Seed || len(sh.Records) != man.Replications || len(recs) != man.Replications {
		t.Errorf("%s mixes runs: manifest seed %d with %d replications, shard seed %d with %d, replications file %d",
			dir, man.Seed, man.Replications, sh.Header.Seed, len(sh.Records), len(recs))
	}
	for i, r := range recs {
		for j, v := range r.Values {
			if w := sh.Records[i].Values[j]; v != w && !(v != v && w != w) {
				t.Errorf("%s: replication %d differs between replications.csv and the shard: a mixed folder", dir, r.Rep)
				return
			}
		}
	}
	var got bytes.Buffer
	if err := results.WriteSummaryCSV(&got, results.Aggregate(d.Keys(), recs), d.Units()); err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join(dir, "summary.csv"))
	if err != nil || !bytes.Equal(got.Bytes(), want) {
		t.Errorf("%s: summary.csv is not the summary of its replications: a mixed folder (%v)", dir, err)
	}
	for _, name := range man.Files {
		checkComplete(t, filepath.Join(dir, name))
	}
	m, err := experiment.Merge([]*results.Shard{sh}, experiment.MergeOptions{Design: d, Partial: true})
	if err != nil {
		t.Errorf("%s: merge refuses its shard: %v", dir, err)
	} else if m.Run.Header.Seed != man.Seed {
		t.Errorf("%s: merged seed %d, manifest %d", dir, m.Run.Header.Seed, man.Seed)
	}
}
