package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/salesim/salesim/scenarios"
	"github.com/salesim/salesim/sim/org"
)

// flagSamples holds a valid value of every flag of every command, for
// flagCompanions are flags TestHelpMatchesFlags gives with a flag that
// works only with them.
var flagCompanions = map[string][]string{
	"min-reps": {"-precision", "0.05"}, "max-reps": {"-precision", "0.05"}, "precision-metrics": {"-precision", "0.05"},
}

// TestHelpMatchesFlags; "" marks a boolean flag.
var flagSamples = map[string]string{
	"reps": "3", "precision": "0.05", "min-reps": "10", "max-reps": "20", "precision-metrics": "margin",
	"seed": "3", "workers": "1", "out": "OUT", "set": "run.seed=2", "warmup": "1mo", "horizon": "13mo",
	"shard": "0/2", "report": "", "no-plots": "", "q": "", "json": "", "no-progress": "", "records": "parquet",
	"rank-by": "profit", "reference": "", "lang": "ru", "no-status-quo": "", "force": "", "max-memory": "512MiB",
	"written": "", "merge": "", "no-share": "", "batch": "5",
}

// quotedCommand matches a command quoted in a help text, such as 'salesim
// run -shard i/n': its flags are another command's.
var quotedCommand = regexp.MustCompile(`'salesim [^']*'|"salesim [^"]*"`)

// flagMention matches a flag named in prose: -name after a space, a
// parenthesis or a line start.
var flagMention = regexp.MustCompile(`(?m)(?:^|[\s(])-([a-z][a-z0-9-]*)`)

// TestHelpMatchesFlags: every command's help names only flags the command
// has, lists every flag it has, and the command accepts each of them with
// a valid value (issue 15: compare's help listed four flags it refused).
// A command given each flag and an argument that does not exist must fail
// on the argument (status 1) or succeed, not fail on the flag (status 2).
func TestHelpMatchesFlags(t *testing.T) {
	t.Parallel()
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, name := range names {
		c := commands[name]
		fs := flag.NewFlagSet(name, flag.ContinueOnError)
		if c.Flags != nil {
			c.Flags(fs)
		}
		var have []string
		fs.VisitAll(func(f *flag.Flag) { have = append(have, f.Name) })
		var help bytes.Buffer
		if err := runEnv(context.Background(), &cmdEnv{stdout: &help, stderr: &help, getenv: func(string) string { return "" }}, []string{"help", name}); err != nil {
			t.Fatal(err)
		}
		text := quotedCommand.ReplaceAllString(c.UsageLine+"\n"+c.Long, "")
		for _, m := range flagMention.FindAllStringSubmatch(text, -1) {
			if !slices.Contains(have, m[1]) {
				t.Errorf("salesim help %s mentions -%s, which %s does not have (flags: %s)", name, m[1], name, strings.Join(have, ", "))
			}
		}
		for _, f := range have {
			if !strings.Contains(help.String(), "\n  -"+f) {
				t.Errorf("salesim help %s does not list -%s", name, f)
			}
			sample, ok := flagSamples[f]
			if !ok {
				t.Errorf("-%s of %s has no sample value in flagSamples", f, name)
				continue
			}
			args := []string{name, "-" + f}
			if sample == "OUT" {
				sample = t.TempDir()
			}
			if sample != "" {
				args = append(args, sample)
			}
			args = append(args, flagCompanions[f]...)
			switch c.args() {
			case argScenario, argExperiment:
				args = append(args, filepath.Join(t.TempDir(), "none.toml"))
			case argDir:
				args = append(args, filepath.Join(t.TempDir(), "none"))
			}
			var stdout, stderr bytes.Buffer
			err := run(context.Background(), args, &stdout, &stderr)
			if code := exitCode(err, &stderr); code == 2 || strings.Contains(stderr.String(), "-"+f) {
				t.Errorf("salesim %s: the flag was refused (status %d): %s", strings.Join(args, " "), code, stderr.String())
			}
		}
	}
}

// TestFlagsAnywhere: flags may follow the arguments (issue 15: "run
// growth-plan -reps 5" failed with "use compare for several"), and "--"
// ends them.
func TestFlagsAnywhere(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	salesimOK(t, "run", "validation/mmc", "-reps", "2", "-horizon", "1d", "-warmup", "1h", "-no-plots", "-q", "-out", dir)
	man, err := readManifest(filepath.Join(dir, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	if man.Replications != 2 || man.Scenario != "mmc" {
		t.Errorf("manifest: %d replications of %s, want 2 of mmc", man.Replications, man.Scenario)
	}
	stderr := salesimFails(t, 1, "check", "--", "-reps")
	if !strings.Contains(stderr, "-reps: no such file") {
		t.Errorf("check -- -reps: %s", stderr)
	}
}

// TestFlagErrorsOneLine: a bad flag value or an unknown flag is one line
// on stderr (issue 15: 40 lines of help and the error twice), with the
// nearest flag suggested.
func TestFlagErrorsOneLine(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"run", "-reps", "abc"}, `salesim: run: invalid value "abc" for flag -reps: parse error; see 'salesim help run'`},
		{[]string{"run", "growth-plan", "-rpes", "3"}, "salesim: run: unknown flag -rpes (did you mean -reps?); see 'salesim help run'"},
		{[]string{"compare", "-seed", "-1"}, `salesim: compare: invalid value "-1" for flag -seed: want a whole number ≥ 0, got "-1"; see 'salesim help compare'`},
		{[]string{"merge", "-records", "xlsx", "d"}, `salesim: merge: invalid value "xlsx" for flag -records: "xlsx": want one of auto, csv, parquet, both; see 'salesim help merge'`},
	} {
		stderr := salesimFails(t, 2, tc.args...)
		if strings.TrimSuffix(stderr, "\n") != tc.want {
			t.Errorf("salesim %s:\n got  %q\n want %q", strings.Join(tc.args, " "), stderr, tc.want)
		}
	}
}

// TestVersionFlags: --version, -version and -v print the version, as the
// version command does (issue 15: "--version" was an unknown command).
func TestVersionFlags(t *testing.T) {
	t.Parallel()
	want := salesimOK(t, "version")
	if !strings.HasPrefix(want, "salesim v") || strings.Contains(want, "devel") {
		t.Errorf("version: %q", want)
	}
	for _, a := range []string{"--version", "-version", "-v"} {
		if got := salesimOK(t, a); got != want {
			t.Errorf("salesim %s = %q, want %q", a, got, want)
		}
	}
	if got := salesimOK(t, "run", "-h"); !strings.HasPrefix(got, "usage: salesim run") {
		t.Errorf("run -h prints %q on stdout", got)
	}
}

// TestTablesFit: the terminal tables of run and compare fit 100 columns,
// wrapping into blocks that repeat the row labels (issue 15: up to 199).
func TestTablesFit(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	out := salesimOK(t, append([]string{"compare", "-out", dir, "-rank-by", "margin"}, append(slices.Clone(quick[:len(quick)-1]), "growth-plan", "cascade", "key-accounts")...)...)
	run := salesimOK(t, append([]string{"run", "-out", t.TempDir()}, append(slices.Clone(quick[:len(quick)-1]), "growth-plan")...)...)
	for _, line := range strings.Split(out+run, "\n") {
		if !strings.HasPrefix(line, "results in ") && utf8.RuneCountInString(line) > defaultWidth {
			t.Errorf("%d columns: %q", utf8.RuneCountInString(line), line)
		}
	}
	for _, want := range []string{"Δ profit", "P(target)", "hunter", "common random numbers: every design has the same market,"} {
		if !strings.Contains(out+run, want) {
			t.Errorf("output lacks %q:\n%s", want, out+run)
		}
	}
}

// TestRankByUnknown: -rank-by with a metric no design has is a usage
// error naming the nearest (issue 15: it exited 0).
func TestRankByUnknown(t *testing.T) {
	t.Parallel()
	stderr := salesimFails(t, 2, append([]string{"compare", "-out", t.TempDir(), "-rank-by", "proft"}, append(quick, "validation/mmc")...)...)
	if !strings.Contains(stderr, "-rank-by proft: mmc has no department metric of that name (did you mean profit?") {
		t.Errorf("stderr: %s", stderr)
	}
}

// TestGrid: a grid too wide for its width is printed in blocks, each
// repeating the label column, none wider than the width.
func TestGrid(t *testing.T) {
	t.Parallel()
	g := &grid{head: []string{"role", "a", "b", "c"}, keep: 1}
	g.add("sales, north", "1234567890", "x", "1234567890")
	var b bytes.Buffer
	g.print(&b, 30)
	want := "  role                   a  b\n" +
		"  sales, north  1234567890  x\n" +
		"\n" +
		"  role                   c\n" +
		"  sales, north  1234567890\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
	for _, line := range strings.Split(b.String(), "\n") {
		if len(line) > 30 {
			t.Errorf("line %q wider than 30", line)
		}
	}
	if got := wrapText("one two three four", 9, "  "); got != "one two\n  three\n  four\n" {
		t.Errorf("wrapText: %q", got)
	}
	var one bytes.Buffer
	(&grid{head: []string{"only"}, keep: 1, rows: [][]string{{"x"}}}).print(&one, 30)
	if one.String() != "  only\n  x\n" {
		t.Errorf("labels only: %q", one.String())
	}
}

// TestKeys: keys lists the keys -set takes with their values and where
// they are written, filtered by a word; a word nothing contains fails.
func TestKeys(t *testing.T) {
	t.Parallel()
	out := salesimOK(t, "keys", "growth-plan#five_hunters", "headcount", "-set", "reorg[0].headcount.farmer=4")
	for _, want := range []string{
		"reorg[0].headcount.hunter   3      builtin:growth-plan.toml:",
		"reorg[0].headcount.farmer   4      -set reorg[0].headcount.farmer=4",
		"roles.manager.headcount     2      common/today.toml:",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("keys: no line %q in\n%s", want, out)
		}
	}
	if strings.Contains(out, "convert") {
		t.Errorf("keys ... headcount lists other keys:\n%s", out)
	}
	all := salesimOK(t, "keys", "growth-plan")
	if !strings.Contains(all, "stages[1].convert") || !strings.Contains(all, "default") {
		t.Errorf("keys growth-plan lacks stages[1].convert or the defaults")
	}
	if written := salesimOK(t, "keys", "growth-plan", "-written"); strings.Contains(written, "default") || len(written) >= len(all) {
		t.Error("keys -written lists defaults")
	}
	if stderr := salesimFails(t, 1, "keys", "growth-plan", "zzz"); !strings.Contains(stderr, `no key of growth-plan contains "zzz"`) {
		t.Errorf("keys growth-plan zzz: %s", stderr)
	}
}

// TestRepsZeroRefused: -reps 0 is refused as -reps -3 is, not taken as
// "the scenario's replications" (the audit found 'salesim run -reps 0'
// running the scenario's 100 and 'salesim sweep EXP -reps 0' the file's).
func TestRepsZeroRefused(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{
		{"run", "validation/mmc", "-reps", "0", "-no-plots", "-q", "-out", t.TempDir()},
		{"compare", "validation/mmc", "-reps", "0", "-no-plots", "-q", "-out", t.TempDir()},
		{"sweep", "mmc-agents", "-reps", "0", "-no-plots", "-q", "-out", t.TempDir()},
	} {
		stderr := salesimFails(t, 2, args...)
		if !strings.Contains(stderr, "-reps 0: want a whole number") {
			t.Errorf("salesim %s: %s", strings.Join(args, " "), stderr)
		}
	}
}

// TestEmptyScenarioNamed: an argument with no file or name before its
// variant (or none at all) is named in the error, with what is wanted
// (the audit found 'salesim run "#x"' failing with "no such file, and no
// built-in scenario of that name", naming nothing).
func TestEmptyScenarioNamed(t *testing.T) {
	t.Parallel()
	for arg, want := range map[string]string{
		"#x": `salesim: "#x": no scenario before the variant: want FILE#variant or NAME#variant, such as growth-plan#no_push`,
		"":   `salesim: "": no scenario: give a file or the name of a built-in scenario ('salesim scenarios' lists them)`,
	} {
		stderr := salesimFails(t, 1, "run", arg, "-reps", "2", "-q", "-no-plots", "-out", t.TempDir())
		if strings.TrimSuffix(stderr, "\n") != want {
			t.Errorf("run %q:\n got  %q\n want %q", arg, stderr, want)
		}
	}
}

// TestRepsWithPrecisionRefused: -reps with -precision is refused, not
// ignored (the audit found 'salesim run -precision 0.1 -reps 5' running
// 14 replications while its output said "overrides -set
// run.replications=5").
func TestRepsWithPrecisionRefused(t *testing.T) {
	t.Parallel()
	stderr := salesimFails(t, 2, "run", "validation/mmc", "-precision", "0.1", "-reps", "5", "-no-plots", "-q", "-out", t.TempDir())
	if want := "salesim: -reps and -precision do not go together: -precision runs from -min-reps up to -max-reps replications; give -max-reps to bound it\n"; stderr != want {
		t.Errorf("stderr %q, want %q", stderr, want)
	}
}

// TestCommandListAligned: 'salesim help' lists the commands with their
// descriptions in one column, two spaces after the longest name (the
// audit found "sensitivity screen ..." and "completion print ..." one
// space apart, out of the column of the others).
func TestCommandListAligned(t *testing.T) {
	t.Parallel()
	out := salesimOK(t, "help")
	col := -1
	for _, line := range strings.Split(out, "\n") {
		name, ok := strings.CutPrefix(line, "\t")
		if !ok || strings.HasPrefix(name, "salesim ") {
			continue
		}
		i := strings.Index(name, " ")
		j := i + len(name[i:]) - len(strings.TrimLeft(name[i:], " "))
		if col < 0 {
			col = j
		}
		if j != col || j-i < 2 {
			t.Errorf("%q: description at column %d after %d spaces, want column %d after at least 2", line, j, j-i, col)
		}
	}
}

// TestWorkersBounded: sweep, seek and sensitivity refuse -workers beyond
// salesim's limit as run does (the audit found 'salesim sweep EXP
// -workers 1000000000' and seek dying with "fatal error: out of memory"
// and a Go stack trace, allocating 24 GB for the workers).
func TestWorkersBounded(t *testing.T) {
	t.Parallel()
	for _, cmd := range []string{"sweep", "seek", "sensitivity"} {
		stderr := salesimFails(t, 2, cmd, "seek-mmc", "-workers", "1000000000", "-q", "-out", t.TempDir())
		if want := fmt.Sprintf("salesim: -workers 1000000000: want a whole number from 1 to %d\n", maxWorkers); stderr != want {
			t.Errorf("%s: stderr %q, want %q", cmd, stderr, want)
		}
		stderr = salesimFails(t, 2, cmd, "seek-mmc", "-workers", "0", "-q", "-out", t.TempDir())
		if want := fmt.Sprintf("salesim: -workers 0: want a whole number from 1 to %d\n", maxWorkers); stderr != want {
			t.Errorf("%s: stderr %q, want %q", cmd, stderr, want)
		}
	}
}

// TestHorizonErrorsNameTheFlag: a -horizon or -warmup the design refuses
// is named as the user gave it, not as the -set it becomes (the audit
// found 'salesim run -horizon 0' answering '-set run.horizon="0":
// run.horizon: 0h out of range: want > 0h').
func TestHorizonErrorsNameTheFlag(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ cmd, flag, val, want string }{
		{"run", "-horizon", "0", "salesim: -horizon 0: run.horizon: 0h out of range: want > 0h\n"},
		{"compare", "-warmup", "1000y", "salesim: -warmup 1000y: run.warmup: warm-up 1000y + horizon 2y = 1002y: want at most 100 years together (salesim's limit)\n"},
	} {
		stderr := salesimFails(t, 1, tc.cmd, "validation/mmc", tc.flag, tc.val, "-q", "-no-plots", "-out", t.TempDir())
		if stderr != tc.want {
			t.Errorf("%s %s %s: stderr %q, want %q", tc.cmd, tc.flag, tc.val, stderr, tc.want)
		}
	}
}

// TestShardRefusesPageAndJSON: -report and -json, which promise a page
// and JSON on standard output, are refused with -shard, whose run writes
// only its shard file (the audit found 'salesim run -shard 0/2 -json
// -report' printing nothing, writing no page, and exiting 0).
func TestShardRefusesPageAndJSON(t *testing.T) {
	t.Parallel()
	for _, fl := range []string{"-report", "-json"} {
		stderr := salesimFails(t, 2, "run", "validation/mmc", "-shard", "0/2", "-reps", "2", fl, "-out", t.TempDir())
		if want := "salesim: " + fl + " and -shard do not go together: a shard writes only its shard file; give " + fl + " to 'salesim merge'\n"; stderr != want {
			t.Errorf("stderr %q, want %q", stderr, want)
		}
	}
}

// TestMoneyBounded: an amount beyond salesim's limit is refused where it
// is given, on the command line or in a file (the audit found 'salesim
// run -set roles.farmer.pay.salary=1e308' running with costs of +Inf,
// and a chart of them hanging).
func TestMoneyBounded(t *testing.T) {
	t.Parallel()
	stderr := salesimFails(t, 1, "run", "growth-plan", "-set", "roles.farmer.pay.salary=1e308", "-q", "-no-plots", "-out", t.TempDir())
	if want := "salesim: -set roles.farmer.pay.salary=1e308: roles.farmer.pay.salary: 1e+308 out of range: want at most 1e+15 (salesim's limit: larger amounts make costs and margins overflow)\n"; stderr != want {
		t.Errorf("stderr %q, want %q", stderr, want)
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "big.toml")
	salesimOK(t, "init", "full-cycle", filepath.Join(dir, "fc.toml"))
	b, err := os.ReadFile(filepath.Join(dir, "fc.toml"))
	if err != nil {
		t.Fatal(err)
	}
	loc := regexp.MustCompile(`salary = [0-9_.kM"]+`).FindIndex(b)
	if loc == nil {
		t.Fatal("no salary in full-cycle.toml")
	}
	big := string(b[:loc[0]]) + "salary = 5e20" + string(b[loc[1]:])
	line := 1 + strings.Count(big[:loc[0]], "\n")
	if err := os.WriteFile(file, []byte(big), 0o644); err != nil {
		t.Fatal(err)
	}
	stderr = salesimFails(t, 1, "check", file)
	if want := fmt.Sprintf("big.toml:%d: ", line); !strings.Contains(stderr, want) || !strings.Contains(stderr, "5e+20 out of range: want at most 1e+15 (salesim's limit") {
		t.Errorf("stderr %q, want %q and the limit", stderr, want)
	}
}

// TestSweepRepsBounded: sweep's -reps and an experiment file's counts of
// replications stop at salesim's limit, as run's -reps does (the audit
// found 'salesim sweep EXP -reps 2000000' starting to run).
func TestSweepRepsBounded(t *testing.T) {
	t.Parallel()
	stderr := salesimFails(t, 2, "sweep", "mmc-agents", "-reps", "2000000", "-no-plots", "-q", "-out", t.TempDir())
	if want := fmt.Sprintf("salesim: -reps 2000000: want a whole number from 1 to %d (salesim's limit; split a larger run into several with other seeds)\n", org.MaxReplications); stderr != want {
		t.Errorf("stderr %q, want %q", stderr, want)
	}
	dir := t.TempDir()
	for key, text := range map[string]string{
		"replications":             "replications = 2000000\n",
		"sensitivity.replications": "[sensitivity]\nreplications = 2000000\n",
	} {
		file := filepath.Join(dir, strings.ReplaceAll(key, ".", "-")+".toml")
		exp := "name = \"x\"\ndesign = \"validation/mmc\"\n" + text + "[[factor]]\nkey = \"roles.agent.headcount\"\nmin = 8\nmax = 12\n"
		if err := os.WriteFile(file, []byte(exp), 0o644); err != nil {
			t.Fatal(err)
		}
		stderr := salesimFails(t, 1, "sweep", file, "-q", "-out", t.TempDir())
		if want := fmt.Sprintf("%s: 2000000 is too large: want at most 1M (salesim's limit)", key); !strings.Contains(stderr, want) || !strings.Contains(stderr, filepath.Base(file)+":") {
			t.Errorf("%s: stderr %q, want %q at a line of the file", key, stderr, want)
		}
	}
}

// TestHelpOfHelp: 'salesim help help' explains help instead of calling it
// an unknown command, and 'salesim help run extra' is refused instead of
// ignoring the extra argument (both found by the audit).
func TestHelpOfHelp(t *testing.T) {
	t.Parallel()
	if out := salesimOK(t, "help", "help"); !strings.HasPrefix(out, "usage: salesim help [COMMAND]\n") {
		t.Errorf("help help: %q", out)
	}
	if stderr := salesimFails(t, 2, "help", "run", "extra"); stderr != "salesim: help takes one command, got 2 arguments: run extra\n" {
		t.Errorf("help run extra: %q", stderr)
	}
}

// TestFlagsThatWouldDoNothing: flags that only shape a -precision run, and
// flags of the files a shard does not write, are refused where they would
// do nothing (the audit found them accepted and ignored).
func TestFlagsThatWouldDoNothing(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"run", "validation/mmc", "-min-reps", "5"}, "salesim: -min-reps works only with -precision (it shapes a run that stops once precise enough); give -precision, or -reps for a fixed count\n"},
		{[]string{"run", "validation/mmc", "-precision-metrics", "cost"}, "salesim: -precision-metrics works only with -precision (it shapes a run that stops once precise enough); give -precision, or -reps for a fixed count\n"},
		{[]string{"run", "validation/mmc", "-shard", "0/2", "-records", "csv"}, "salesim: -records and -shard do not go together: a shard writes only its shard file; give -records to 'salesim merge'\n"},
		{[]string{"run", "validation/mmc", "-shard", "0/2", "-lang", "ru"}, "salesim: -lang and -shard do not go together: a shard writes only its shard file; give -lang to 'salesim merge'\n"},
	} {
		stderr := salesimFails(t, 2, append(tc.args, "-q", "-out", t.TempDir())...)
		if stderr != tc.want {
			t.Errorf("salesim %s: %q, want %q", strings.Join(tc.args, " "), stderr, tc.want)
		}
	}
}

// TestInitEmptyFile: an empty FILE is refused, not taken as the default
// name (found by the audit).
func TestInitEmptyFile(t *testing.T) {
	t.Parallel()
	if stderr := salesimFails(t, 2, "init", "growth-plan", ""); stderr != "salesim: init: FILE is empty: give the file to write, such as growth-plan.toml, or leave it out for that default\n" {
		t.Errorf("stderr %q", stderr)
	}
}

// TestOtherKindOfFile: an experiment file given to run or check, or a
// scenario given to sweep, is refused key by key as before, and a note
// says which command reads it (the audit found only the unknown keys).
func TestOtherKindOfFile(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	exp := filepath.Join(dir, "exp.toml")
	b, err := scenarios.Experiments.ReadFile("experiments/growth-staffing.toml")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(exp, b, 0o644); err != nil {
		t.Fatal(err)
	}
	sc := filepath.Join(dir, "gp.toml")
	salesimOK(t, "init", "growth-plan", sc)
	const toSweep = "note: design, factor, response are keys of an experiment file: 'salesim sweep', 'salesim seek' and 'salesim sensitivity' read experiment files\n"
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"run", exp, "-q", "-out", filepath.Join(dir, "r")}, toSweep},
		{[]string{"check", exp}, toSweep + exp + ": 6 problems\n"},
		{[]string{"sweep", sc, "-q", "-out", filepath.Join(dir, "s")}, "note: description is a key of a scenario: 'salesim run' runs a scenario, and an experiment file names it (design = \"FILE\")\n"},
	} {
		stderr := salesimFails(t, 1, tc.args...)
		if !strings.Contains(stderr, tc.want) || !strings.Contains(stderr, "unknown key") {
			t.Errorf("salesim %s: %q, want the unknown keys and %q", strings.Join(tc.args, " "), stderr, tc.want)
		}
	}
}
