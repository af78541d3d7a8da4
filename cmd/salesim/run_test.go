package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/salesim/salesim/sim/erlang"
	"github.com/salesim/salesim/sim/metric"
	"github.com/salesim/salesim/sim/results"
)

// quick makes a small run of a sales department: 12 replications of 13
// months after a one-month warm-up (the built-in designs reorganise at
// month 12, so the horizon must pass it). The growth plan takes about
// 0.15 s so, without the race detector.
var quick = []string{"-reps", "12", "-horizon", "13mo", "-warmup", "1mo", "-no-plots", "-q"}

// quickRun runs the growth plan with quick and extra flags into dir.
func quickRun(t *testing.T, dir string, flags ...string) {
	t.Helper()
	args := append([]string{"run", "-out", dir}, quick...)
	args = append(args, flags...)
	salesimOK(t, append(args, "growth-plan")...)
}

// TestRunSameBytesForAnyWorkers: the same seed gives byte-identical
// result files for -workers 1, 2 and 8, and for the same run repeated.
func TestRunSameBytesForAnyWorkers(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	ref := filepath.Join(dir, "workers1")
	quickRun(t, ref, "-workers", "1")
	for _, tc := range []struct{ name, workers string }{{"workers2", "2"}, {"workers8", "8"}, {"workers2-again", "2"}} {
		out := filepath.Join(dir, tc.name)
		quickRun(t, out, "-workers", tc.workers)
		sameFiles(t, ref, out)
	}
}

// TestSummaryRecomputedFromReplications: every row of summary.csv (and of
// timeseries.csv) is recomputed, to the byte, from replications.csv alone.
func TestSummaryRecomputedFromReplications(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	quickRun(t, dir)
	f, err := os.Open(filepath.Join(dir, "replications.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	keys, recs, err := results.ReadReplicationsCSV(f, "replications.csv")
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 12 {
		t.Fatalf("replications.csv has %d replications, want 12", len(recs))
	}
	table := results.Aggregate(keys, recs)
	man, err := readManifest(filepath.Join(dir, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	d, err := man.Design()
	if err != nil {
		t.Fatal(err)
	}
	units := d.Units()
	for _, c := range []struct {
		file  string
		write func(*bytes.Buffer) error
	}{
		{"summary.csv", func(b *bytes.Buffer) error { return results.WriteSummaryCSV(b, table, units) }},
		{"timeseries.csv", func(b *bytes.Buffer) error { return results.WriteTimeseriesCSV(b, table, units) }},
	} {
		var got bytes.Buffer
		if err := c.write(&got); err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(filepath.Join(dir, c.file))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want) {
			t.Errorf("%s recomputed from replications.csv differs:\n%s", c.file, firstDiff(got.String(), string(want)))
		}
	}
}

// firstDiff describes the first line where got and want differ.
func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < min(len(g), len(w)); i++ {
		if g[i] != w[i] {
			return fmt.Sprintf("line %d:\n got  %s\n want %s", i+1, g[i], w[i])
		}
	}
	return fmt.Sprintf("%d lines, want %d", len(g), len(w))
}

// summaryRow is one parsed row of summary.csv.
type summaryRow struct {
	mean, sd, lo, hi, p10, p50, p90 float64
	n                               int
}

// readSummary parses a whole summary.csv, failing the test on any
// malformed row, and returns its rows by key in file order.
func readSummary(t *testing.T, path string) ([]metric.Key, map[metric.Key]summaryRow) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	cr := csv.NewReader(bytes.NewReader(b))
	cr.FieldsPerRecord = 12
	recs, err := cr.ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if len(recs) == 0 || strings.Join(recs[0], ",") != results.SummaryHeader {
		t.Fatalf("%s: no header %q", path, results.SummaryHeader)
	}
	var keys []metric.Key
	rows := map[metric.Key]summaryRow{}
	for i, r := range recs[1:] {
		k := metric.Key{Metric: r[0], Role: r[1], Period: r[2]}
		var v [7]float64
		for j := range v {
			if v[j], err = strconv.ParseFloat(r[3+j], 64); err != nil {
				t.Fatalf("%s:%d: %v", path, i+2, err)
			}
		}
		n, err := strconv.Atoi(r[10])
		if err != nil {
			t.Fatalf("%s:%d: %v", path, i+2, err)
		}
		if _, dup := rows[k]; dup {
			t.Fatalf("%s:%d: %s twice", path, i+2, k)
		}
		keys = append(keys, k)
		rows[k] = summaryRow{v[0], v[1], v[2], v[3], v[4], v[5], v[6], n}
	}
	return keys, rows
}

// TestMMcCoversErlangC: on the validation M/M/c model the 95% intervals
// of the mean wait and of the mean number in the system cover the
// Erlang C values. The full scenario (20 replications of two years, 2 s)
// runs only without -short and without the race detector; otherwise 20
// replications of three months, whose intervals are about 3 times wider.
// (.ci/bench-simpy checks the full scenario too.)
//
// The seed is fixed, so the outcome is too; but a change in how the
// kernel or the model draws its random numbers gives another sample, and
// a correct model then fails this check with probability about 5%. If it
// fails after such a change, rerun with a few -seed values before
// suspecting the model (over 30 seeds here, 26 of the full runs covered
// both values, and the mean of the means was within 0.3% of Erlang C).
func TestMMcCoversErlangC(t *testing.T) {
	t.Parallel()
	// The scenario's λ = 9/h, μ = 1/h, c = 10 agents.
	q, err := erlang.Solve(9, 1, 10)
	if err != nil {
		t.Fatal(err)
	}
	// The figures the scenario file and the issue quote.
	if math.Abs(q.Wq-0.6687) > 5e-5 || math.Abs(q.L-15.019) > 5e-4 {
		t.Fatalf("Erlang C: Wq = %v, L = %v; want 0.6687 and 15.019", q.Wq, q.L)
	}
	dir := t.TempDir()
	args := []string{"run", "-q", "-no-plots", "-out", dir}
	if testing.Short() || raceEnabled {
		args = append(args, "-reps", "20", "-horizon", "3mo")
	}
	salesimOK(t, append(args, "validation/mmc")...)
	_, rows := readSummary(t, filepath.Join(dir, "summary.csv"))
	for _, c := range []struct {
		metric string
		want   float64
	}{{"queue_wait_h", q.Wq}, {"in_system", q.L}} {
		r, ok := rows[metric.Key{Metric: c.metric, Role: "all", Period: "total"}]
		switch {
		case !ok:
			t.Errorf("summary.csv has no department row for %s", c.metric)
		case r.n != 20:
			t.Errorf("%s: n = %d, want 20", c.metric, r.n)
		case !(r.lo <= c.want && c.want <= r.hi):
			t.Errorf("%s: mean %.4f, 95%% interval [%.4f, %.4f] does not cover Erlang C's %.4f", c.metric, r.mean, r.lo, r.hi, c.want)
		}
	}
}

// interrupted is how a child process ended after an interrupt.
type interrupted struct {
	code    int // exit status
	elapsed time.Duration
	stderr  string
}

// interruptAfter starts cmds, sends each os.Interrupt after delay and
// waits up to 20 s for each to exit. It reports ok = false if a process
// died of the signal itself, which happens only if the signal came before
// salesim installed its handler.
func interruptAfter(t *testing.T, cmds []*exec.Cmd, delay time.Duration) (res []interrupted, ok bool) {
	t.Helper()
	errs := make([]*bytes.Buffer, len(cmds))
	done := make([]chan error, len(cmds))
	for i, c := range cmds {
		errs[i] = new(bytes.Buffer)
		c.Stderr = errs[i]
		if err := c.Start(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { c.Process.Kill() }) // if the test stops early
		done[i] = make(chan error, 1)
		go func() { done[i] <- c.Wait() }()
	}
	time.Sleep(delay)
	ok = true
	for i, c := range cmds {
		sent := time.Now()
		if err := c.Process.Signal(os.Interrupt); err != nil {
			t.Fatalf("%v: %v (did it end before the interrupt?)\nstderr:\n%s", c.Args, err, errs[i])
		}
		var err error
		select {
		case err = <-done[i]:
		case <-time.After(20 * time.Second):
			c.Process.Kill()
			<-done[i]
			t.Fatalf("%v: still running 20 s after the interrupt", c.Args)
		}
		var ee *exec.ExitError
		if err != nil && !errors.As(err, &ee) {
			t.Fatal(err)
		}
		if ws, isWS := c.ProcessState.Sys().(syscall.WaitStatus); isWS && ws.Signaled() {
			ok = false
		}
		res = append(res, interrupted{code: c.ProcessState.ExitCode(), elapsed: time.Since(sent), stderr: errs[i].String()})
	}
	return res, ok
}

// TestInterruptLeavesCompleteFiles interrupts long runs with SIGINT, one
// plain and one a shard, and checks that they stop within seconds with a
// non-zero status, leaving only complete files marked partial, and that
// merge refuses the partial shard.
func TestInterruptLeavesCompleteFiles(t *testing.T) {
	// Each replication is short (a day's warm-up and a month), so that
	// many finish before the interrupt even with the race detector; there
	// are enough of them to keep one machine busy for several minutes.
	long := []string{"-reps", "100000", "-warmup", "1d", "-horizon", "1mo", "-workers", "2", "validation/mmc"}
	var plain, shards string
	var res []interrupted
	for _, delay := range []time.Duration{time.Second, 4 * time.Second} {
		dir := t.TempDir()
		plain, shards = filepath.Join(dir, "run"), filepath.Join(dir, "shards")
		cmds := []*exec.Cmd{
			salesimCmd(t, nil, append([]string{"run", "-q", "-out", plain}, long...)...),
			salesimCmd(t, nil, append([]string{"run", "-q", "-out", shards, "-shard", "1/2"}, long...)...),
		}
		var ok bool
		if res, ok = interruptAfter(t, cmds, delay); ok {
			break
		}
		t.Logf("killed by the interrupt after %v: salesim had not started; trying again", delay)
	}
	for i, r := range res {
		t.Logf("run %d: exit status %d %.2fs after the interrupt", i, r.code, r.elapsed.Seconds())
		if r.code <= 0 {
			t.Errorf("run %d: exit status %d after an interrupt, want non-zero\nstderr:\n%s", i, r.code, r.stderr)
		}
		// The command promises to stop within a second; allow for a
		// loaded machine and the race detector.
		if r.elapsed > 10*time.Second {
			t.Errorf("run %d: took %v to exit after the interrupt", i, r.elapsed)
		}
		if !strings.Contains(r.stderr, "interrupted") {
			t.Errorf("run %d: stderr does not say it was interrupted:\n%s", i, r.stderr)
		}
	}

	// The plain run: every file complete, the manifest partial.
	var man struct {
		Partial      bool     `json:"partial"`
		Replications int      `json:"replications"`
		Files        []string `json:"files"`
	}
	b, err := os.ReadFile(filepath.Join(plain, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &man); err != nil {
		t.Fatalf("manifest.json: %v", err)
	}
	if !man.Partial || man.Replications < 1 || man.Replications >= 100000 {
		t.Fatalf("manifest.json: partial = %t, replications = %d; want a partial run", man.Partial, man.Replications)
	}
	t.Logf("%d replications finished before the interrupt", man.Replications)
	noTempFiles(t, plain)
	keys, rows := readSummary(t, filepath.Join(plain, "summary.csv"))
	for k, r := range rows {
		if r.n != man.Replications {
			t.Fatalf("summary.csv: %s has n = %d, want %d", k, r.n, man.Replications)
		}
	}
	reps, err := os.ReadFile(filepath.Join(plain, "replications.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := bytes.Count(reps, []byte("\n")), 1+man.Replications*len(keys); got != want || !bytes.HasSuffix(reps, []byte("\n")) {
		t.Errorf("replications.csv: %d lines, want 1 + %d replications × %d keys = %d", got, man.Replications, len(keys), want)
	}
	if _, recs, err := results.ReadReplicationsCSV(bytes.NewReader(reps), "replications.csv"); err != nil || len(recs) != man.Replications {
		t.Errorf("replications.csv: %d replications, err %v", len(recs), err)
	}
	sh := readShardFile(t, filepath.Join(plain, "shards", results.ShardName(0, 1)))
	if !sh.Header.Partial || len(sh.Records) != man.Replications {
		t.Errorf("shard file: partial = %t with %d records, want partial with %d", sh.Header.Partial, len(sh.Records), man.Replications)
	}
	for _, name := range man.Files {
		checkComplete(t, filepath.Join(plain, name))
	}
	listed := map[string]bool{"shards": true}
	for _, name := range man.Files {
		listed[name] = true
	}
	entries, err := os.ReadDir(plain)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !listed[e.Name()] {
			t.Errorf("%s is in the folder but not in manifest.json's files", e.Name())
		}
	}

	// The shard: only its file, complete and partial, and merge refuses
	// it and names both shards to run again (1 partial, 0 never run).
	noTempFiles(t, shards)
	entries, err = os.ReadDir(shards)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 || entries[0].Name() != results.ShardName(1, 2) {
		t.Fatalf("shard folder holds %v, want only %s", entries, results.ShardName(1, 2))
	}
	sh = readShardFile(t, filepath.Join(shards, entries[0].Name()))
	if !sh.Header.Partial || len(sh.Records) == 0 {
		t.Errorf("shard 1/2: partial = %t with %d records, want partial with some", sh.Header.Partial, len(sh.Records))
	}
	stderr := salesimFails(t, 1, "merge", "-q", "-no-plots", shards)
	if !strings.Contains(stderr, "partial shards (interrupted runs): 1; run shards 0,1 again") {
		t.Errorf("merge of a partial shard:\n%s", stderr)
	}
	if _, err := os.Stat(filepath.Join(shards, "summary.csv")); err == nil {
		t.Errorf("merge wrote summary.csv although it refused the shards")
	}
}

func readShardFile(t *testing.T, path string) *results.Shard {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sh, err := results.ReadShard(f, path)
	if err != nil {
		t.Fatal(err)
	}
	return sh
}

// noTempFiles fails the test if a temporary file of writeFile is left
// anywhere under dir.
func noTempFiles(t *testing.T, dir string) {
	t.Helper()
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			t.Error(err)
			return nil
		}
		if strings.HasPrefix(d.Name(), ".") && strings.Contains(d.Name(), ".tmp-") {
			t.Errorf("temporary file left: %s", path)
		}
		return nil
	})
}

// checkComplete checks that a result file is whole, by its kind.
func checkComplete(t *testing.T, path string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Error(err)
		return
	}
	complete := len(b) > 0
	switch filepath.Ext(path) {
	case ".json":
		complete = json.Valid(b)
	case ".csv":
		complete = bytes.HasSuffix(b, []byte("\n"))
	case ".svg":
		complete = bytes.HasSuffix(bytes.TrimSpace(b), []byte("</svg>"))
	case ".png":
		// The PNG trailer: the IEND chunk's type and CRC.
		complete = bytes.HasSuffix(b, []byte("IEND\xaeB`\x82"))
	case ".html":
		complete = bytes.HasSuffix(bytes.TrimSpace(b), []byte("</html>"))
	}
	if !complete {
		t.Errorf("%s is incomplete (%d bytes)", path, len(b))
	}
}
