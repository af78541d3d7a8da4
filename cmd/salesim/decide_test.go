package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// mmcExperiment is scenarios/experiments/seek-mmc.toml's content with the
// parts a test changes marked: OBJECTIVE, CONSTRAINT, FACTOR and SEEK.
const mmcExperiment = `name = "t"
design = "validation/mmc"
seed = 1
set = ['inbound.requests.rate="2/h"', 'activities.serve.service_time="20m"', 'run.horizon="20d"', 'run.warmup="5d"']

[[factor]]
FACTOR

[objective]
OBJECTIVE

[[constraint]]
CONSTRAINT

[seek]
SEEK
`

// writeExperiment writes the experiment with the marked parts replaced.
func writeExperiment(t *testing.T, objective, constraint, factor, seek string) string {
	t.Helper()
	r := strings.NewReplacer("OBJECTIVE", objective, "CONSTRAINT", constraint, "FACTOR", factor, "SEEK", seek)
	path := filepath.Join(t.TempDir(), "exp.toml")
	if err := os.WriteFile(path, []byte(r.Replace(mmcExperiment)), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

const (
	goodObjective  = "minimise = \"headcount\"\ndelta = 0.5"
	goodConstraint = "metric = \"service_level.serve\"\nat_least = 0.8\ndelta = 0.05"
	goodFactor     = "key = \"roles.agent.headcount\"\nmin = 1\nmax = 8"
	goodSeek       = "initial = 10\nmax = 300"
)

// TestSeekCommand: seek on the M/M/c staffing experiment finds Erlang C's
// answer, 4 agents (3 answer 68 % within 20 minutes, 4 answer 91 %),
// prints the answer with its guarantee and writes seek.json and seek.csv.
func TestSeekCommand(t *testing.T) {
	t.Parallel()
	exp := writeExperiment(t, goodObjective, goodConstraint, goodFactor, goodSeek)
	out := t.TempDir()
	stdout := salesimOK(t, "seek", exp, "-out", out, "-workers", "1", "-no-progress")
	for _, want := range []string{"answer: roles.agent.headcount=4", "guarantee: With probability at least 95 %", "explored: 8 of 8 designs"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout)
		}
	}
	for _, line := range strings.Split(stdout, "\n") {
		if n := utf8.RuneCountInString(line); n > 100 {
			t.Errorf("a line of %d columns (the text fits 100): %q", n, line)
		}
	}
	b, err := os.ReadFile(filepath.Join(out, "seek.json"))
	if err != nil {
		t.Fatal(err)
	}
	var j struct {
		Feasible bool
		Answer   map[string]int
	}
	if err := json.Unmarshal(b, &j); err != nil {
		t.Fatal(err)
	}
	if !j.Feasible || j.Answer["roles.agent.headcount"] != 4 {
		t.Errorf("seek.json: feasible %v, answer %v; want 4 agents", j.Feasible, j.Answer)
	}
	csv, err := os.ReadFile(filepath.Join(out, "seek.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(csv), "\n"); n != 9 {
		t.Errorf("seek.csv has %d lines, want a header and 8 designs", n)
	}

	// None feasible: 99 % within 20 minutes is out of reach with 1–3
	// agents, and that is said as clearly as an answer.
	exp = writeExperiment(t, goodObjective, "metric = \"service_level.serve\"\nat_least = 0.9\ndelta = 0.05", "key = \"roles.agent.headcount\"\nmin = 1\nmax = 3", goodSeek)
	stdout = salesimOK(t, "seek", exp, "-out", t.TempDir(), "-workers", "1", "-no-progress")
	words := strings.Join(strings.Fields(stdout), " ") // the guarantee is wrapped at 100 columns
	if !strings.Contains(stdout, "answer: NO DESIGN WITHIN THE BOUNDS IS FEASIBLE") || !strings.Contains(words, "no design within the bounds has mean service_level.serve ≥ 0.95") {
		t.Errorf("none feasible is not stated:\n%s", stdout)
	}
}

// TestSeekBadInput: each bad experiment gets one error naming the file,
// the line and the key.
func TestSeekBadInput(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name                                string
		objective, constraint, factor, seek string
		want                                []string
	}{
		{"unknown metric", goodObjective, "metric = \"service_levle.serve\"\nat_least = 0.8\ndelta = 0.05", goodFactor, goodSeek,
			[]string{"exp.toml:16:", "constraint[0].metric", "service_levle.serve"}},
		{"delta zero", goodObjective, "metric = \"service_level.serve\"\nat_least = 0.8\ndelta = 0", goodFactor, goodSeek,
			[]string{"exp.toml:15:", "constraint[0].delta", "want an indifference zone > 0"}},
		{"alpha", goodObjective, goodConstraint, goodFactor, "alpha = 1.5",
			[]string{"exp.toml:21:", "seek.alpha", "(0, 1)"}},
		{"real factor", goodObjective, goodConstraint, "key = \"roles.agent.pay.salary\"\nmin = 1000.0\nmax = 2000.0", goodSeek,
			[]string{"exp.toml:6:", "factor", "seek searches whole numbers", "roles.agent.pay.salary is a real range"}},
		{"objective delta", "minimise = \"headcount\"", goodConstraint, goodFactor, goodSeek,
			[]string{"exp.toml:12:", "objective.delta", "indifference zone"}},
		{"probability zone", goodObjective, "metric = \"p_target\"\nat_least = 0.98\ndelta = 0.05", goodFactor, goodSeek,
			[]string{"exp.toml:", "p_target"}},
	} {
		exp := writeExperiment(t, tc.objective, tc.constraint, tc.factor, tc.seek)
		stderr := salesimFails(t, 1, "seek", exp, "-out", t.TempDir(), "-no-progress")
		for _, w := range tc.want {
			if !strings.Contains(stderr, w) {
				t.Errorf("%s: error lacks %q:\n%s", tc.name, w, stderr)
			}
		}
		if strings.Count(strings.TrimSpace(stderr), "\n") > 0 {
			t.Errorf("%s: more than one line of error:\n%s", tc.name, stderr)
		}
	}
}

// TestSensitivityCommand: a small screening of the M/M/c design: the
// number of agents moves the share answered in time, their salary does
// not, and is flagged as noise; the files and the tornado chart are written.
func TestSensitivityCommand(t *testing.T) {
	t.Parallel()
	exp := filepath.Join(t.TempDir(), "sens.toml")
	text := `design = "validation/mmc"
seed = 1
set = ['inbound.requests.rate="2/h"', 'run.horizon="20d"', 'run.warmup="5d"', 'activities.serve.service_time="20m"']

[[factor]]
key = "roles.agent.headcount"
min = 3
max = 6

[[factor]]
key = "roles.agent.pay.salary"
min = 1000.0
max = 2000.0

[[response]]
metric = "service_level.serve"

[sensitivity]
trajectories = 4
levels = 4
repeats = 3
replications = 5
`
	if err := os.WriteFile(exp, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	stdout := salesimOK(t, "sensitivity", exp, "-out", out, "-workers", "1", "-no-progress")
	i, j := strings.Index(stdout, "roles.agent.headcount"), strings.Index(stdout, "roles.agent.pay.salary")
	if i < 0 || j < 0 || i > j {
		t.Errorf("the headcount is not ranked first:\n%s", stdout)
	}
	if !strings.Contains(stdout[j:], "not distinguishable from noise") {
		t.Errorf("the salary is not flagged as noise:\n%s", stdout)
	}
	for _, f := range []string{"sensitivity.txt", "sensitivity.csv", "sensitivity.json", "tornado.png", "tornado.svg"} {
		if fi, err := os.Stat(filepath.Join(out, f)); err != nil || fi.Size() == 0 {
			t.Errorf("%s not written: %v", f, err)
		}
	}
}

// TestDecideOutNotEmpty: seek and sensitivity refuse an -out folder that
// is not empty before they start, as run does, and replace its content
// with -force (the audit found both overwriting such a folder's files and
// leaving the others beside them).
func TestDecideOutNotEmpty(t *testing.T) {
	t.Parallel()
	sens := filepath.Join(t.TempDir(), "sens.toml")
	text := "design = \"validation/mmc\"\nset = ['run.horizon=\"5d\"', 'run.warmup=\"1d\"']\n\n[[factor]]\nkey = \"roles.agent.headcount\"\nmin = 9\nmax = 12\n\n[[response]]\nmetric = \"queue_wait_h\"\n\n[sensitivity]\ntrajectories = 2\nlevels = 4\nrepeats = 2\nreplications = 2\n"
	if err := os.WriteFile(sens, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	for cmd, exp := range map[string]string{
		"seek":        writeExperiment(t, goodObjective, goodConstraint, goodFactor, goodSeek),
		"sensitivity": sens,
	} {
		out := t.TempDir()
		old := filepath.Join(out, "old.txt")
		if err := os.WriteFile(old, []byte("an earlier result\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		stderr := salesimFails(t, 2, cmd, exp, "-out", out, "-workers", "1", "-no-progress")
		if want := "the folder is not empty (it holds old.txt)"; !strings.Contains(stderr, want) {
			t.Errorf("%s into a folder with a file: %q, want %q", cmd, stderr, want)
		}
		salesimOK(t, cmd, exp, "-out", out, "-force", "-workers", "1", "-no-progress", "-q")
		if _, err := os.Stat(old); err == nil {
			t.Errorf("%s -force kept the earlier file", cmd)
		}
		if _, err := os.Stat(filepath.Join(out, cmd+".json")); err != nil {
			t.Errorf("%s -force: %v", cmd, err)
		}
	}
}
