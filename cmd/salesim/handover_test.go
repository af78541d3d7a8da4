package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// commaRole is the check command's small design with its hunter renamed
// "sales, north": a name with a comma, as issue 15 found.
func commaRole(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "check", "ok.toml"))
	if err != nil {
		t.Fatal(err)
	}
	s := strings.ReplaceAll(string(b), "[roles.hunter]", `[roles."sales, north"]`)
	s = strings.ReplaceAll(s, `from = "hunter"`, `from = "sales, north"`)
	path := filepath.Join(t.TempDir(), "north.toml")
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestRoleWithCommaRoundTrips: a role named "sales, north" is quoted in
// every CSV a run writes, its shard merges to the same files, and
// 'salesim report' reads the run back (issue 15: pandas could not read
// the CSV and report refused it).
func TestRoleWithCommaRoundTrips(t *testing.T) {
	t.Parallel()
	path := commaRole(t)
	dir := filepath.Join(t.TempDir(), "run")
	salesimOK(t, "run", path, "-reps", "3", "-no-plots", "-q", "-out", dir)
	for _, name := range []string{"summary.csv", "replications.csv", "timeseries.csv"} {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		found := false
		for _, r := range rows {
			for _, f := range r {
				found = found || f == "sales, north"
			}
		}
		if !found {
			t.Errorf("%s has no field \"sales, north\"", name)
		}
	}
	merged := filepath.Join(t.TempDir(), "merged")
	salesimOK(t, "merge", "-q", "-no-plots", "-out", merged, filepath.Join(dir, "shards"))
	sameFiles(t, dir, merged, "summary.csv", "replications.csv", "replications.parquet", "timeseries.csv", "summary.json")
	salesimOK(t, "report", dir)
	html, err := os.ReadFile(filepath.Join(dir, "report.html"))
	if err != nil || !bytes.Contains(html, []byte("sales, north")) {
		t.Errorf("report.html: %v, without the role", err)
	}
}

// TestRunPrefersLocalFile: after 'salesim init growth-plan' and an edit,
// 'salesim run growth-plan' runs the edited file, and the header names
// the file read and its SHA-256, which the manifest has in full (issue
// 15: it ran the built-in copy under an identical header). The default
// result folder is the one -out's help states.
func TestRunPrefersLocalFile(t *testing.T) {
	t.Chdir(t.TempDir())
	salesimOK(t, "init", "growth-plan")
	b, err := os.ReadFile("growth-plan.toml")
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(b), "salary = 30000", "salary = 31000", 1)
	if edited == string(b) {
		t.Fatal("no hunter salary to edit")
	}
	if err := os.WriteFile("growth-plan.toml", []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	args := append([]string{"run", "growth-plan"}, slices.Clone(quick[:len(quick)-1])...)
	if err := run(t.Context(), args, &stdout, &stderr); err != nil {
		t.Fatalf("%v\n%s", err, stderr.String())
	}
	if !strings.Contains(stderr.String(), "note: growth-plan is the file growth-plan.toml, not the built-in scenario") {
		t.Errorf("stderr: %s", stderr.String())
	}
	dirs, _ := filepath.Glob(filepath.Join("results", "*", "*"))
	pattern := regexp.MustCompile(`^results/growth-plan/\d{8}-\d{6}$`)
	if len(dirs) != 1 || !pattern.MatchString(filepath.ToSlash(dirs[0])) || !strings.Contains(runOutDefault, "<design>/<YYYYMMDD-HHMMSS>") {
		t.Fatalf("result folders %q, want one like %s", dirs, runOutDefault)
	}
	man, err := readManifest(filepath.Join(dirs[0], "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	if man.File != "growth-plan.toml" || len(man.SHA256) != 64 {
		t.Errorf("manifest: file %q, sha256 %q", man.File, man.SHA256)
	}
	if want := "read growth-plan.toml + 2 included files, SHA-256 " + man.SHA256[:12]; !strings.Contains(stdout.String(), want) {
		t.Errorf("header lacks %q:\n%s", want, stdout.String())
	}
	if !strings.Contains(man.Sources[0].Text, "salary = 31000") {
		t.Error("the run did not read the edited file")
	}

	// compare takes the copy and the built-in, told apart by file name
	// (issue 15: "design growth-plan given twice").
	stdout.Reset()
	args = append([]string{"compare", "-out", "cmp", "growth-plan.toml", "builtin:growth-plan"}, slices.Clone(quick[:len(quick)-1])...)
	if err := run(t.Context(), args, &stdout, &stderr); err != nil {
		t.Fatalf("%v\n%s", err, stderr.String())
	}
	for _, d := range []string{"growth-plan.toml", "builtin_growth-plan.toml"} {
		if _, err := os.Stat(filepath.Join("cmp", d, "summary.csv")); err != nil {
			t.Errorf("compare: %v", err)
		}
	}
	if !strings.Contains(stdout.String(), "common random numbers: every design has the same market") {
		t.Errorf("compare of a pay change does not claim common demand:\n%s", stdout.String())
	}
}

// TestCompareSaysWhenDemandDiffers: designs with different markets are
// compared but the header, comparison.csv and comparison.json say that
// their demand differs (issue 15: "common random numbers" was claimed).
func TestCompareSaysWhenDemandDiffers(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	b, err := os.ReadFile(filepath.Join("..", "..", "scenarios", "validation", "mmc.toml"))
	if err != nil {
		t.Fatal(err)
	}
	other := strings.Replace(string(b), `name = "mmc"`, `name = "busier"`, 1)
	other = regexp.MustCompile(`(?m)^rate = .*$`).ReplaceAllString(other, `rate = "8.5/h"`)
	path := filepath.Join(dir, "busier.toml")
	if err := os.WriteFile(path, []byte(other), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "cmp")
	stdout := salesimOK(t, "compare", "validation/mmc", path, "-reps", "3", "-horizon", "1d", "-warmup", "1h", "-no-plots", "-out", out)
	if !strings.Contains(stdout, "NOT common random numbers: the demand differs from mmc's (busier differs in inbound.requests)") {
		t.Errorf("header:\n%s", stdout)
	}
	f, err := os.Open(filepath.Join(out, "comparison.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if last := rows[len(rows)-1]; last[3] != "busier" || last[12] != "false" {
		t.Errorf("comparison.csv last row %q: want busier, same_demand false", last)
	}
	var doc struct {
		CommonDemand bool `json:"common_demand"`
	}
	j, err := os.ReadFile(filepath.Join(out, "comparison.json"))
	if err != nil || json.Unmarshal(j, &doc) != nil || doc.CommonDemand {
		t.Errorf("comparison.json: %v, common_demand %t", err, doc.CommonDemand)
	}
}

// TestJSONOnStdout: -json prints summary.json (run, merge) or
// comparison.json (compare) on stdout and nothing else.
func TestJSONOnStdout(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	quickMMc := []string{"-reps", "3", "-horizon", "1d", "-warmup", "1h", "-no-plots"}
	got := salesimOK(t, append([]string{"run", "validation/mmc", "-json", "-out", dir}, quickMMc...)...)
	want, err := os.ReadFile(filepath.Join(dir, "summary.json"))
	if err != nil || got != string(want) {
		t.Errorf("run -json printed %d bytes, summary.json has %d (%v)", len(got), len(want), err)
	}
	var sum struct {
		Replications int `json:"replications"`
		Summaries    []struct {
			Unit string `json:"unit"`
		} `json:"summaries"`
	}
	if err := json.Unmarshal([]byte(got), &sum); err != nil || sum.Replications != 3 || sum.Summaries[0].Unit == "" {
		t.Errorf("run -json: %v, %+v", err, sum.Replications)
	}
	got = salesimOK(t, append([]string{"merge", "-json", "-out", t.TempDir(), filepath.Join(dir, "shards")}, "-no-plots")...)
	if got != string(want) {
		t.Errorf("merge -json differs from the run's summary.json")
	}
	cmp := filepath.Join(t.TempDir(), "cmp")
	got = salesimOK(t, append([]string{"compare", "-json", "-out", cmp, "validation/mmc", "validation/speed"}, quickMMc...)...)
	want, err = os.ReadFile(filepath.Join(cmp, "comparison.json"))
	if err != nil || got != string(want) {
		t.Errorf("compare -json differs from comparison.json (%v)", err)
	}
}

// TestNoNoteForExplicitFile: 'salesim run growth-plan.toml' names the
// file, so it gets no note that "growth-plan.toml is the file
// growth-plan.toml, not the built-in scenario" (the audit found that
// note on every run of an explicit .toml file named like a built-in);
// 'salesim run growth-plan' still gets it.
func TestNoNoteForExplicitFile(t *testing.T) {
	t.Chdir(t.TempDir())
	salesimOK(t, "init", "validation/mmc")
	if err := os.Rename("mmc.toml", "today.toml"); err != nil {
		t.Fatal(err)
	}
	for arg, note := range map[string]bool{"today.toml": false, "today": true} {
		var stdout, stderr bytes.Buffer
		args := []string{"run", arg, "-reps", "1", "-horizon", "1d", "-warmup", "1h", "-no-plots", "-q", "-out", t.TempDir()}
		if err := run(t.Context(), args, &stdout, &stderr); err != nil {
			t.Fatalf("%v\n%s", err, stderr.String())
		}
		if got := strings.Contains(stderr.String(), "note:"); got != note {
			t.Errorf("run %s: note %v, want %v; stderr: %s", arg, got, note, stderr.String())
		}
	}
}
