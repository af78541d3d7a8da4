package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

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
