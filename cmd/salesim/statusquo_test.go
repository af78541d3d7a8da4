package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/salesim/salesim/sim/experiment"
)

// TestRunAgainstStatusQuo: a run of a design with a reorganisation prints
// and writes its paired difference against the status quo; a design
// without one has none; -no-status-quo turns it off.
func TestRunAgainstStatusQuo(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	out := salesimOK(t, "run", "-reps", "12", "-no-plots", "-out", filepath.Join(dir, "plan"), "growth-plan")
	for _, want := range []string{"against the status quo (growth-plan (status quo)", "plan − status quo", "margin", "p_target"} {
		if !strings.Contains(out, want) {
			t.Errorf("the run's output lacks %q:\n%s", want, out)
		}
	}
	b, err := os.ReadFile(filepath.Join(dir, "plan", statusQuoFile))
	if err != nil {
		t.Fatal(err)
	}
	if lines := strings.Split(string(b), "\n"); lines[0] != experiment.ComparisonHeader || !strings.Contains(string(b), "\nmargin,all,total,growth-plan,") {
		t.Errorf("%s: header %q, or no margin row of the plan", statusQuoFile, lines[0])
	}
	salesimOK(t, "run", "-reps", "4", "-q", "-no-plots", "-out", filepath.Join(dir, "today"), "today")
	salesimOK(t, "run", "-reps", "4", "-q", "-no-plots", "-no-status-quo", "-out", filepath.Join(dir, "off"), "growth-plan")
	for _, d := range []string{"today", "off"} {
		if _, err := os.Stat(filepath.Join(dir, d, statusQuoFile)); err == nil {
			t.Errorf("%s: a status quo was written", d)
		}
	}
}

// TestStatusQuoRecordsAsAsked: the status quo's per-replication records
// are in the format -records asks for, as the plan's are.
func TestStatusQuoRecordsAsAsked(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	salesimOK(t, "run", "-reps", "3", "-q", "-no-plots", "-records", "csv", "-out", dir, "growth-plan")
	for _, sub := range []string{".", statusQuoDir} {
		if _, err := os.Stat(filepath.Join(dir, sub, "replications.csv")); err != nil {
			t.Errorf("%s: %v", sub, err)
		}
		if _, err := os.Stat(filepath.Join(dir, sub, "replications.parquet")); err == nil {
			t.Errorf("%s: replications.parquet written with -records csv", sub)
		}
	}
}

// filesFirst is the standard output of a command that must have written
// its files before it prints: at its first write it checks that each of
// want is there, as a reader that stops early ('salesim run | head',
// whose SIGPIPE ends salesim at that write) would find them.
type filesFirst struct {
	t       *testing.T
	want    []string
	checked bool
}

func (w *filesFirst) Write(p []byte) (int, error) {
	if !w.checked {
		w.checked = true
		for _, f := range w.want {
			if _, err := os.Stat(f); err != nil {
				w.t.Errorf("printed before %s was written: %v", f, err)
			}
		}
	}
	return len(p), nil
}

// TestFilesBeforeOutput: run and merge print their tables only once every
// result file is in place (the audit found 'salesim run -out DIR | head
// -2' leaving DIR empty and its files in a hidden temporary folder, and
// 'salesim merge DIR | head' leaving DIR without its status quo).
func TestFilesBeforeOutput(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	one := filepath.Join(dir, "one")
	w := &filesFirst{t: t, want: []string{filepath.Join(one, "manifest.json"), filepath.Join(one, statusQuoFile), filepath.Join(one, statusQuoDir, "manifest.json")}}
	var stderr strings.Builder
	if err := run(context.Background(), append([]string{"run", "-out", one, "growth-plan"}, quick[:len(quick)-1]...), w, &stderr); err != nil || !w.checked {
		t.Fatalf("run: %v (printed: %v)\n%s", err, w.checked, stderr.String())
	}
	split := filepath.Join(dir, "split")
	runShards(t, split, 2)
	merged := filepath.Join(dir, "merged")
	w = &filesFirst{t: t, want: []string{filepath.Join(merged, "manifest.json"), filepath.Join(merged, statusQuoFile), filepath.Join(merged, statusQuoDir, "manifest.json")}}
	if err := run(context.Background(), []string{"merge", "-no-plots", "-out", merged, split}, w, &stderr); err != nil || !w.checked {
		t.Fatalf("merge: %v (printed: %v)\n%s", err, w.checked, stderr.String())
	}
}

// TestStatusQuoHeadingFitsColumns: the heading of the status quo's
// differences wraps to $COLUMNS, as the tables do, not always to 100.
func TestStatusQuoHeadingFitsColumns(t *testing.T) {
	t.Parallel()
	var out, errb bytes.Buffer
	env := &cmdEnv{stdout: &out, stderr: &errb, getenv: func(k string) string {
		if k == "COLUMNS" {
			return "64"
		}
		return ""
	}}
	if err := runEnv(context.Background(), env, []string{"run", "-reps", "2", "-no-plots", "-out", filepath.Join(t.TempDir(), "r"), "growth-plan"}); err != nil {
		t.Fatalf("%v\n%s", err, errb.String())
	}
	text := out.String()
	i := strings.Index(text, "against the status quo")
	if i < 0 {
		t.Fatalf("no status quo heading in\n%s", text)
	}
	for _, line := range strings.Split(text[i:], "\n")[:2] {
		if n := utf8.RuneCountInString(line); n > 64 {
			t.Errorf("heading line of %d columns with COLUMNS=64: %q", n, line)
		}
	}
}
