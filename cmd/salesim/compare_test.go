package main

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/salesim/salesim/sim/experiment"
)

// TestCompareEqualsRuns: compare runs its designs together on common
// random numbers, and each design's folder holds the files of a plain
// run of that design with the same seed and replications, byte for byte;
// comparison.csv has a row per measure of every design.
func TestCompareEqualsRuns(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	designs := []string{"growth-plan", "growth-plan#veterans_leave"}
	cmp := filepath.Join(dir, "compare")
	salesimOK(t, append(append([]string{"compare", "-out", cmp, "-seed", "5", "-workers", "2"}, quick...), designs...)...)
	for _, d := range designs {
		single := filepath.Join(dir, safeName(d))
		salesimOK(t, append(append([]string{"run", "-out", single, "-seed", "5", "-no-status-quo"}, quick...), d)...)
		sameFiles(t, single, filepath.Join(cmp, safeName(d)), resultFiles[:4]...)
	}
	f, err := os.Open(filepath.Join(cmp, "comparison.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	rows, diffs := len(recs), 0
	if strings.Join(recs[0], ",") != experiment.ComparisonHeader {
		t.Fatalf("comparison.csv header %q", recs[0])
	}
	for _, r := range recs[1:] {
		if r[8] != "" { // diff_mean
			diffs++
		}
	}
	var n []int // keys per design, as quick makes it
	for _, a := range designs {
		d, err := loadDesign(a, []string{`run.warmup="1mo"`, `run.horizon="13mo"`}, &strings.Builder{})
		if err != nil {
			t.Fatal(err)
		}
		n = append(n, len(d.Keys()))
	}
	if rows != 1+n[0]+n[1] || diffs != n[1] {
		t.Errorf("comparison.csv: %d rows with %d differences, want 1 + %d + %d with %d", rows, diffs, n[0], n[1], n[1])
	}
}

// TestComparePTargetAsShare: compare prints P(target) as run does, a
// percentage with its interval ("13% [7.76%, 21%]"), not as a bare
// fraction (the audit found "0.40 [0.12, 0.77]" in compare beside run's
// "40% [11.8%, 76.9%]" for the same replications).
func TestComparePTargetAsShare(t *testing.T) {
	t.Parallel()
	out := salesimOK(t, append([]string{"compare", "-out", t.TempDir()}, append(slices.Clone(quick[:len(quick)-1]), "growth-plan", "today")...)...)
	share := regexp.MustCompile(`  \d+(\.\d+)?% \[\d+(\.\d+)?%, \d+(\.\d+)?%\]`)
	fraction := regexp.MustCompile(`\b[01]\.\d\d \[[01]\.\d\d, [01]\.\d\d\]`)
	if !share.MatchString(out) || fraction.MatchString(out) {
		t.Errorf("P(target) not as a percentage with its interval:\n%s", out)
	}
}

// TestCompareOneDesign: a comparison of one design says "1 design" (the
// audit found "compared 1 designs").
func TestCompareOneDesign(t *testing.T) {
	t.Parallel()
	out := salesimOK(t, "compare", "validation/mmc", "-reps", "2", "-no-plots", "-out", t.TempDir())
	if !strings.HasPrefix(out, "compared 1 design, 2 replications each, seed ") {
		t.Errorf("stdout starts %q", out[:min(len(out), 60)])
	}
}
