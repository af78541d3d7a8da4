package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/salesim/salesim/sim/experiment"
	"github.com/salesim/salesim/sim/labels"
)

// runQuiet runs salesim with args and fails the test on an error.
func runQuiet(t *testing.T, args ...string) string {
	t.Helper()
	var stdout, stderr bytes.Buffer
	if err := run(context.Background(), args, &stdout, &stderr); err != nil {
		t.Fatalf("salesim %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	return stdout.String()
}

// TestRunPlotsAndReport runs the default scenario briefly with -report,
// checks the plot files and the manifest, and that 'salesim report'
// rewrites the same page from the files alone.
func TestRunPlotsAndReport(t *testing.T) {
	dir := t.TempDir()
	runQuiet(t, "run", "-q", "-reps", "3", "-workers", "2", "-report", "-out", dir)
	man, err := readManifest(filepath.Join(dir, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"monthly", "cost", "throughput", "outcomes", "utilisation", "funnel", "service", "people"} {
		for _, ext := range []string{".png", ".svg"} {
			f := name + ext
			if !slices.Contains(man.Files, f) {
				t.Errorf("manifest files %v lack %s", man.Files, f)
			}
			if st, err := os.Stat(filepath.Join(dir, f)); err != nil || st.Size() == 0 {
				t.Errorf("%s: %v", f, err)
			}
		}
	}
	if !slices.Contains(man.Files, "report.html") {
		t.Errorf("manifest files %v lack report.html", man.Files)
	}
	first, err := os.ReadFile(filepath.Join(dir, "report.html"))
	if err != nil {
		t.Fatal(err)
	}
	page := string(first)
	for _, want := range []string{"<title>growth-plan</title>", `<section id="target">`, `id="fig-funnel"`, `id="fig-service"`, `id="fig-people"`, "@font-face", "builtin:growth-plan.toml"} {
		if !strings.Contains(page, want) {
			t.Errorf("report.html lacks %q", want)
		}
	}
	// The manifest inside the page is the manifest written.
	mj, _ := json.MarshalIndent(man, "", "  ")
	if !strings.Contains(page, strings.ReplaceAll(string(mj[:40]), `"`, "&#34;")) {
		t.Error("report.html does not hold the manifest")
	}

	if err := os.Remove(filepath.Join(dir, "report.html")); err != nil {
		t.Fatal(err)
	}
	if out := runQuiet(t, "report", dir); !strings.Contains(out, "report.html") {
		t.Errorf("salesim report printed %q", out)
	}
	again, err := os.ReadFile(filepath.Join(dir, "report.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first, again) {
		t.Error("salesim report wrote a different page from the run's files than the run did")
	}
}

func TestRunNoPlots(t *testing.T) {
	dir := t.TempDir()
	runQuiet(t, "run", "-q", "-reps", "2", "-no-plots", "-out", dir)
	if m, _ := filepath.Glob(filepath.Join(dir, "*.png")); len(m) > 0 {
		t.Errorf("-no-plots wrote %v", m)
	}
	if _, err := os.Stat(filepath.Join(dir, "report.html")); err == nil {
		t.Error("a run without -report wrote report.html")
	}
}

func TestReportErrors(t *testing.T) {
	dir := t.TempDir()
	// The audit found 'salesim report DIR' on a comparison's folder
	// failing with "stat DIR/manifest.json: no such file or directory".
	cmp := t.TempDir()
	for _, f := range []string{"comparison.json", "growth-plan/manifest.json"} {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(cmp, f)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(cmp, f), []byte("{}"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		name string
		args []string
		code int
		want string
	}{
		{"no folder", []string{"report"}, 2, "report takes one results folder"},
		{"two folders", []string{"report", dir, dir}, 2, "report takes one results folder"},
		{"no manifest", []string{"report", dir}, 1, dir + ": no manifest.json: not the folder of a run ('salesim run' or 'salesim merge' writes one)"},
		{"no such folder", []string{"report", filepath.Join(dir, "nope")}, 1, filepath.Join(dir, "nope") + ": no such folder"},
		{"a comparison", []string{"report", cmp}, 1, cmp + " is the folder of a comparison: report rewrites the page of one run; give a design's subfolder, such as " + filepath.Join(cmp, "growth-plan")},
	} {
		var stdout, stderr bytes.Buffer
		err := run(context.Background(), tc.args, &stdout, &stderr)
		if got := exitCode(err, &stderr); got != tc.code || !strings.Contains(stderr.String(), tc.want) {
			t.Errorf("%s: exit %d, stderr %q; want %d and %q", tc.name, got, stderr.String(), tc.code, tc.want)
		}
	}
}

// TestCompareReport runs two designs as compare does and writes the
// comparison's plots and report.
func TestCompareReport(t *testing.T) {
	dir := t.TempDir()
	var ds []*experiment.Design
	for _, arg := range []string{"growth-plan", "growth-plan#veterans_leave"} {
		d, err := loadDesign(arg, nil, &bytes.Buffer{})
		if err != nil {
			t.Fatal(err)
		}
		ds = append(ds, d)
	}
	out, err := experiment.Run(context.Background(), ds, experiment.Options{Seed: 1, Replications: 3, Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	c := experiment.Compare(out.Results)
	names, err := writeComparePlots(dir, c, labels.English)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"differences.png", "differences.svg", "monthly-compare.png", "monthly-compare.svg", "compare.png", "compare.svg"}
	if !slices.Equal(names, want) {
		t.Errorf("comparison plots %v, want %v", names, want)
	}
	for _, tc := range []struct {
		lang labels.Lang
		want []string
	}{
		{labels.English, []string{`<html lang="en">`, "Comparison of 2 designs", "Differences against growth-plan", "growth-plan#veterans_leave",
			`id="fig-differences"`, `id="fig-compare"`, `id="fig-monthly-compare"`, "Margin, ₽", "<dt>currency</dt><dd>₽</dd>"}},
		{labels.Russian, []string{`<html lang="ru">`, "Сравнение вариантов (2)", "Разница с growth-plan", "growth-plan#veterans_leave",
			`id="fig-differences"`, "Маржа, ₽", "Новые клиенты", "<dt>валюта</dt><dd>₽</dd>"}},
	} {
		if err := writeCompareReport(dir, c, nil, tc.lang); err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(filepath.Join(dir, "report.html"))
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range tc.want {
			if !strings.Contains(string(b), w) {
				t.Errorf("the comparison report (%s) lacks %q", tc.lang, w)
			}
		}
	}
}

// TestRunReportRussian checks that -lang ru writes the report and the
// figures in Russian, and that a language salesim lacks is refused.
func TestRunReportRussian(t *testing.T) {
	dir := t.TempDir()
	runQuiet(t, "run", "-q", "-reps", "2", "-workers", "2", "-report", "-lang", "ru", "-out", dir)
	page, err := os.ReadFile(filepath.Join(dir, "report.html"))
	if err != nil {
		t.Fatal(err)
	}
	svg, err := os.ReadFile(filepath.Join(dir, "cost.svg"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`<html lang="ru">`, "Основные результаты", "Маржа, ₽", "Приложение", "Затраты и маржа по ролям"} {
		if !strings.Contains(string(page), want) {
			t.Errorf("report.html in Russian lacks %q", want)
		}
	}
	if !strings.Contains(string(svg), "Затраты и маржа по ролям") {
		t.Error("cost.svg is not in Russian")
	}
	if out := runQuiet(t, "report", "-lang", "en", dir); !strings.Contains(out, "report.html") {
		t.Errorf("salesim report printed %q", out)
	}
	if page, _ := os.ReadFile(filepath.Join(dir, "report.html")); !strings.Contains(string(page), "Key results") {
		t.Error("salesim report -lang en did not write the page in English")
	}
	var stdout, stderr bytes.Buffer
	err = run(context.Background(), []string{"run", "-lang", "de", "-reps", "1"}, &stdout, &stderr)
	if got := exitCode(err, &stderr); got != 2 || !strings.Contains(stderr.String(), `unknown language "de"`) {
		t.Errorf("-lang de: exit %d, stderr %q; want 2 and the bad value", got, stderr.String())
	}
}

// TestReportFromParquet: a run that wrote its records only as Parquet
// (-records parquet, as -records auto does beyond 2 million rows) gets
// the same report from 'salesim report' as the run wrote; a folder
// without results per person (an older run) gets a report without their
// figure, and one without records an error naming both files.
func TestReportFromParquet(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	runQuiet(t, "run", "-q", "-reps", "3", "-horizon", "13mo", "-warmup", "1mo", "-no-plots", "-records", "parquet", "-report", "-out", dir)
	for _, name := range []string{"replications.csv", "people.csv"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err == nil {
			t.Errorf("-records parquet wrote %s", name)
		}
	}
	first, err := os.ReadFile(filepath.Join(dir, "report.html"))
	if err != nil {
		t.Fatal(err)
	}
	runQuiet(t, "report", dir)
	again, err := os.ReadFile(filepath.Join(dir, "report.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first, again) {
		t.Error("salesim report wrote another page from replications.parquet than the run did")
	}
	if !bytes.Contains(again, []byte(`id="fig-people"`)) {
		t.Error("the report lacks the figure per person")
	}
	if err := os.Remove(filepath.Join(dir, "people.parquet")); err != nil {
		t.Fatal(err)
	}
	runQuiet(t, "report", dir)
	older, err := os.ReadFile(filepath.Join(dir, "report.html"))
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(older, []byte(`id="fig-people"`)) || !bytes.Contains(older, []byte(`id="fig-service"`)) {
		t.Error("without people.parquet: want the report without the figure per person")
	}
	if err := os.Remove(filepath.Join(dir, "replications.parquet")); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	err = run(context.Background(), []string{"report", dir}, &stdout, &stderr)
	if err == nil || !strings.Contains(err.Error(), "neither replications.csv nor replications.parquet") {
		t.Errorf("a folder without records: %v", err)
	}
}
