//go:build linux

package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// A hostileCase is one input of the hostile-input corpus: a command line
// run in a folder prepared by setup.
type hostileCase struct {
	name  string
	args  []string
	setup func(t *testing.T, dir string)
	// ok: the input is valid and the command must succeed; otherwise it
	// must be refused, with every string of want in its standard error.
	ok   bool
	want []string
}

// mmcText is a small valid scenario: the M/M/c validation design.
const mmcText = `name = "m"
[run]
horizon = "1mo"
warmup = "1d"
replications = 2
seed = 1
[inbound.requests]
rate = "9/h"
open = "24/7"
stage = "serve"
[activities.serve]
duration = "exp(mean=1h)"
[[stages]]
name = "serve"
activity = "serve"
convert = "0%"
nurture = "0%"
[roles.agent]
headcount = 10
calendar = "24/7"
does = ["serve"]
assign = "pool"
personal = false
`

// file returns a setup writing name with text.
func file(name, text string) func(*testing.T, string) {
	return func(t *testing.T, dir string) {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// both runs every setup.
func both(fs ...func(*testing.T, string)) func(*testing.T, string) {
	return func(t *testing.T, dir string) {
		for _, f := range fs {
			f(t, dir)
		}
	}
}

func fifo(name string) func(*testing.T, string) {
	return func(t *testing.T, dir string) {
		if err := syscall.Mkfifo(filepath.Join(dir, name), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func symlink(target, name string) func(*testing.T, string) {
	return func(t *testing.T, dir string) {
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
}

func mkdir(name string) func(*testing.T, string) {
	return func(t *testing.T, dir string) {
		if err := os.MkdirAll(filepath.Join(dir, name), 0o755); err != nil {
			t.Fatal(err)
		}
	}
}

// hostileCases is the corpus: scenario files of every type, size and
// shape; huge and malformed counts, durations and rates; names that
// could escape the results folder; command lines; destinations; shard
// folders; and designs that would grow without bound.
func hostileCases() []hostileCase {
	var cs []hostileCase
	add := func(c hostileCase) { cs = append(cs, c) }

	// Files: type, size, nesting, includes.
	add(hostileCase{name: "dev-zero", args: []string{"check", "/dev/zero"}, want: []string{"/dev/zero", "not a regular file", "a scenario file must be a regular file"}})
	add(hostileCase{name: "dev-null", args: []string{"check", "/dev/null"}, want: []string{"/dev/null", "not a regular file"}})
	add(hostileCase{name: "fifo", args: []string{"check", "f.toml"}, setup: fifo("f.toml"), want: []string{"f.toml", "named pipe"}})
	add(hostileCase{name: "fifo-run", args: []string{"run", "f.toml"}, setup: fifo("f.toml"), want: []string{"f.toml", "named pipe"}})
	add(hostileCase{name: "symlink-zero", args: []string{"check", "zero.toml"}, setup: symlink("/dev/zero", "zero.toml"), want: []string{"zero.toml", "not a regular file"}})
	add(hostileCase{name: "include-zero", args: []string{"check", "main.toml"}, setup: both(symlink("/dev/zero", "zero.toml"), file("main.toml", "include = [\"zero.toml\"]\n"+mmcText)),
		want: []string{`main.toml:1: include "zero.toml"`, "not a regular file"}})
	add(hostileCase{name: "include-fifo", args: []string{"check", "main.toml"}, setup: both(fifo("f.toml"), file("main.toml", "include = [\"f.toml\"]\n"+mmcText)),
		want: []string{`main.toml:1: include "f.toml"`, "named pipe"}})
	add(hostileCase{name: "include-dir", args: []string{"check", "main.toml"}, setup: both(mkdir("d.toml"), file("main.toml", "include = [\"d.toml\"]\n"+mmcText)),
		want: []string{`main.toml:1: include "d.toml"`, "directory"}})
	add(hostileCase{name: "include-missing", args: []string{"check", "main.toml"}, setup: file("main.toml", "include = [\"none.toml\"]\n"+mmcText), want: []string{`main.toml:1`, "none.toml"}})
	add(hostileCase{name: "include-absolute-missing", args: []string{"check", "main.toml"}, setup: file("main.toml", "include = [\"/nonexistent/x.toml\"]\n"+mmcText), want: []string{`main.toml:1`, "/nonexistent/x.toml"}})
	add(hostileCase{name: "include-self", args: []string{"check", "main.toml"}, setup: file("main.toml", "include = [\"main.toml\"]\n"+mmcText), want: []string{"main.toml:1", "include"}})
	add(hostileCase{name: "include-cycle", args: []string{"check", "a.toml"}, setup: both(file("a.toml", "include = [\"b.toml\"]\n"+mmcText), file("b.toml", "include = [\"a.toml\"]\n")), want: []string{"a.toml:1", "b.toml"}})
	add(hostileCase{name: "include-chain-error", args: []string{"check", "main.toml"}, setup: both(file("sub/x.toml", "[run]\nseed = \"abc\"\n"), file("main.toml", "include = [\"sub/x.toml\"]\n"+strings.Replace(mmcText, "seed = 1\n", "", 1))),
		want: []string{`main.toml:1: include "sub/x.toml"`, "sub/x.toml:2", "run.seed"}})
	add(hostileCase{name: "include-wide", args: []string{"check", "main.toml"}, setup: func(t *testing.T, dir string) {
		var inc []string
		for range 300 {
			inc = append(inc, `"e.toml"`)
		}
		file("e.toml", "")(t, dir)
		file("main.toml", "include = ["+strings.Join(inc, ", ")+"]\n"+mmcText)(t, dir)
	}, want: []string{"main.toml", "at most"}})
	add(hostileCase{name: "big-file", args: []string{"check", "big.toml"}, setup: file("big.toml", mmcText+"# "+strings.Repeat("x", 2<<20)+"\n"), want: []string{"big.toml", "at most 1 MiB"}})
	add(hostileCase{name: "nesting-40000", args: []string{"check", "n.toml"}, setup: file("n.toml", "a = "+strings.Repeat("[", 40000)+strings.Repeat("]", 40000)+"\n"), want: []string{"n.toml:1", "levels"}})
	add(hostileCase{name: "nesting-inline-tables", args: []string{"check", "n.toml"}, setup: file("n.toml", "a = "+strings.Repeat("{b = ", 100)+"1"+strings.Repeat("}", 100)+"\n"), want: []string{"n.toml:1", "levels"}})
	add(hostileCase{name: "long-key", args: []string{"check", "k.toml"}, setup: file("k.toml", strings.Repeat("k", 600)+" = 1\n"), want: []string{"k.toml:1", "bytes"}})
	add(hostileCase{name: "many-unknown-keys", args: []string{"check", "many.toml"}, setup: func(t *testing.T, dir string) {
		var b strings.Builder
		b.WriteString(mmcText)
		for i := range 30000 {
			fmt.Fprintf(&b, "[x%d]\n", i)
		}
		file("many.toml", b.String())(t, dir)
	}, want: []string{"many.toml:", "more problems"}})
	add(hostileCase{name: "empty-file", args: []string{"check", "e.toml"}, setup: file("e.toml", ""), want: []string{"e.toml"}})
	add(hostileCase{name: "binary", args: []string{"check", "b.toml"}, setup: file("b.toml", "\x00\x01\x02\xff\xfe"), want: []string{"b.toml"}})
	add(hostileCase{name: "bad-utf8", args: []string{"check", "u.toml"}, setup: file("u.toml", "name = \"\xff\xfe\"\n"+mmcText), want: []string{"u.toml:1"}})
	add(hostileCase{name: "unterminated-string", args: []string{"check", "s.toml"}, setup: file("s.toml", "name = \"abc\n"), want: []string{"s.toml:1"}})
	add(hostileCase{name: "duplicate-key", args: []string{"check", "d.toml"}, setup: file("d.toml", mmcText+"name = \"again\"\n"), want: []string{"d.toml:", "name"}})
	add(hostileCase{name: "dir-named-toml", args: []string{"check", "d.toml"}, setup: mkdir("d.toml"), want: []string{"d.toml", "directory"}})
	add(hostileCase{name: "missing-file", args: []string{"check", "none.toml"}, want: []string{"none.toml"}})
	add(hostileCase{name: "builtin-dir-shadow", args: []string{"check", "growth-plan"}, setup: mkdir("growth-plan"), ok: true})
	add(hostileCase{name: "does-as-string", args: []string{"check", "m.toml"}, setup: file("m.toml", strings.Replace(mmcText, `does = ["serve"]`, `does = "serve"`, 1)), ok: true})
	add(hostileCase{name: "valid-file", args: []string{"check", "m.toml"}, setup: file("m.toml", mmcText), ok: true})
	add(hostileCase{name: "valid-run", args: []string{"run", "-q", "-no-plots", "-out", "out", "m.toml"}, setup: file("m.toml", mmcText), ok: true})

	// Scenario names that would escape results/ or break shard files.
	for _, n := range []string{"..", ".", "a/b", `a\\b`, `a\nb`, `a\tb`, `x\u0000y`} {
		add(hostileCase{name: "name-" + n, args: []string{"run", "-q", "m.toml"}, setup: file("m.toml", strings.Replace(mmcText, `name = "m"`, `name = "`+n+`"`, 1)),
			want: []string{"m.toml:1: name:", "want a name"}})
	}

	// Values in the file: counts, durations, rates, shares, distributions.
	for _, v := range []struct{ key, old, new, want string }{
		{"headcount", "headcount = 10", "headcount = 1000000000", "at most 100k"},
		{"headcount", "headcount = 10", "headcount = -1", "want >= 0"},
		{"headcount", "headcount = 10", "headcount = 1e400", ""},
		{"headcount", "headcount = 10", "headcount = 99999999999999999999", ""},
		{"headcount", "headcount = 10", "headcount = \"ten\"", ""},
		{"replications", "replications = 2", "replications = 1000000000000", "at most 1M"},
		{"replications", "replications = 2", "replications = 0", ""},
		{"seed", "seed = 1", "seed = -1", ""},
		{"horizon", `horizon = "1mo"`, `horizon = "300y"`, "at most 100 years"},
		{"horizon", `horizon = "1mo"`, `horizon = "-1d"`, ""},
		{"horizon", `horizon = "1mo"`, `horizon = "NaNd"`, ""},
		{"horizon", `horizon = "1mo"`, `horizon = "1e400y"`, ""},
		{"horizon", `horizon = "1mo"`, `horizon = 5`, ""},
		{"warmup", `warmup = "1d"`, `warmup = "200y"`, "at most 100 years"},
		{"rate", `rate = "9/h"`, `rate = "-9/h"`, ""},
		{"rate", `rate = "9/h"`, `rate = "NaN/h"`, ""},
		{"rate", `rate = "9/h"`, `rate = "1e400/h"`, ""},
		{"rate", `rate = "9/h"`, `rate = "9"`, ""},
		{"rate", `rate = "9/h"`, `rate = "9/fortnight"`, ""},
		{"duration", `duration = "exp(mean=1h)"`, `duration = "exp(mean=-1h)"`, ""},
		{"duration", `duration = "exp(mean=1h)"`, `duration = "exp(mean=NaN)"`, ""},
		{"duration", `duration = "exp(mean=1h)"`, `duration = "lognormal(median=0h, p90=0h)"`, ""},
		{"duration", `duration = "exp(mean=1h)"`, `duration = "triangular(3h, 2h, 1h)"`, ""},
		{"duration", `duration = "exp(mean=1h)"`, `duration = "exp(mean=1h"`, ""},
		{"duration", `duration = "exp(mean=1h)"`, `duration = "gamma(shape=1e-300, mean=1h)"`, ""},
		{"duration", `duration = "exp(mean=1h)"`, `duration = "` + strings.Repeat("(", 5000) + `"`, ""},
		{"convert", `convert = "0%"`, `convert = "200%"`, ""},
		{"convert", `convert = "0%"`, `convert = "-5%"`, ""},
		{"convert", `convert = "0%"`, `convert = "NaN%"`, ""},
		{"calendar", `calendar = "24/7"`, `calendar = "Mon-Fri 25:00-26:00"`, ""},
		{"calendar", `calendar = "24/7"`, `calendar = "Xyz 09:00-18:00"`, ""},
		{"open", `open = "24/7"`, `open = "Mon-Fri 18:00-09:00"`, ""},
		{"assign", `assign = "pool"`, `assign = "random"`, ""},
		{"stage", `stage = "serve"`, `stage = "nowhere"`, ""},
		{"does", `does = ["serve"]`, `does = ["nothing"]`, ""},
	} {
		text := strings.Replace(mmcText, v.old, v.new, 1)
		line := 1 + strings.Count(text[:strings.Index(text, v.new)], "\n")
		want := []string{fmt.Sprintf("m.toml:%d:", line), v.key}
		if v.want != "" {
			want = append(want, v.want)
		}
		add(hostileCase{name: "value-" + v.key + "-" + v.new, args: []string{"check", "m.toml"}, setup: file("m.toml", text), want: want})
	}

	// -set overrides of a built-in design.
	for _, v := range []struct{ set, want string }{
		{"run.replications=1000000000000", "at most 1M"},
		{"run.replications=-3", ""},
		{"database.raw.contacts=1000000000000", "at most 100M"},
		{"database.raw.contacts=-1", "want >= 0"},
		{"database.raw.contacts=1e30", ""},
		{"roles.farmer.headcount=1000000000", "at most 100k"},
		{"initial[0].clients=1000000000", "at most"},
		{"initial[0].clients=-2", ""},
		{"run.horizon=\"300y\"", "at most 100 years"},
		{"run.warmup=\"150y\"", "at most 100 years"},
		{"inbound.requests.rate=\"1e400/h\"", ""},
		{"inbound.requests.rate=\"-1/h\"", ""},
		{"inbound.requests.growth=\"1e300%\"", ""},
		{"market.size=\"lognormal(mean=-1k, top20=0.67)\"", ""},
		{"roles.nobody.headcount=3", ""},
		{"no.such.key=1", ""},
		{"roles.farmer.headcount", ""},
		{"=5", ""},
		{"roles.farmer.headcount=[1,2]", ""},
		{"roles.farmer.headcount=" + strings.Repeat("9", 400), ""},
	} {
		key, _, _ := strings.Cut(v.set, "=")
		want := []string{"-set " + v.set}
		if key != "" && strings.Contains(v.set, "=") {
			want = []string{"-set", key}
		}
		if v.want != "" {
			want = append(want, v.want)
		}
		add(hostileCase{name: "set-" + v.set, args: []string{"check", "-set", v.set, "growth-plan"}, want: want})
	}

	// Command lines: counts, durations, shards, workers, precision, sizes.
	mmc := func(flags ...string) []string {
		return append(append([]string{"run", "-q", "-no-plots", "-out", "out"}, flags...), "validation/mmc")
	}
	for _, v := range []struct {
		flags []string
		want  string
	}{
		{[]string{"-reps", "1000000000000"}, "-reps"},
		{[]string{"-reps", "-1"}, "-reps"},
		{[]string{"-reps", "1e3"}, "-reps"},
		{[]string{"-reps", "99999999999999999999999"}, "-reps"},
		{[]string{"-reps", "10000000000", "-shard", "5000000000/10000000000"}, "-reps"},
		{[]string{"-reps", "10", "-shard", "5000000000/10000000000"}, "-shard"},
		{[]string{"-reps", "10", "-shard", "3/2"}, "-shard"},
		{[]string{"-reps", "10", "-shard", "-1/2"}, "-shard"},
		{[]string{"-reps", "10", "-shard", "0/0"}, "-shard"},
		{[]string{"-reps", "10", "-shard", "a/b"}, "-shard"},
		{[]string{"-reps", "10", "-shard", "1"}, "-shard"},
		{[]string{"-reps", "10", "-shard", "env/4"}, "-shard env/n"},
		{[]string{"-workers", "0"}, "-workers"},
		{[]string{"-workers", "1000000000"}, "-workers"},
		{[]string{"-workers", "-3"}, "-workers"},
		{[]string{"-precision", "NaN"}, "-precision"},
		{[]string{"-precision", "Inf"}, "-precision"},
		{[]string{"-precision", "-0.1"}, "-precision"},
		{[]string{"-precision", "1"}, "-precision"},
		{[]string{"-precision", "0.05", "-min-reps", "1"}, "-min-reps"},
		{[]string{"-precision", "0.05", "-max-reps", "1000000000000"}, "-max-reps"},
		{[]string{"-precision", "0.05", "-shard", "0/2"}, "-shard"},
		{[]string{"-precision", "0.05", "-precision-metrics", "nonsense"}, "-precision-metrics"},
		{[]string{"-seed", "-1"}, "-seed"},
		{[]string{"-seed", "1e30"}, "-seed"},
		{[]string{"-horizon", "300y"}, "100 years"},
		{[]string{"-horizon", "-5d"}, "-horizon"},
		{[]string{"-horizon", "5x"}, "-horizon"},
		{[]string{"-horizon", "NaNd"}, "-horizon"},
		{[]string{"-horizon", "1e400y"}, "-horizon"},
		{[]string{"-warmup", "nothing"}, "-warmup"},
		{[]string{"-max-memory", "lots"}, "-max-memory"},
		{[]string{"-max-memory", "1KiB"}, "-max-memory"},
		{[]string{"-max-memory", "-5MiB"}, "-max-memory"},
		{[]string{"-max-memory", "NaN"}, "-max-memory"},
		{[]string{"-records", "xml"}, "-records"},
		{[]string{"-lang", "tlh"}, "-lang"},
		{[]string{"-set", "roles.agent.headcount=1000000000"}, "at most 100k"},
		{[]string{"-set", "roles.agent.headcount=-5"}, "want >= 0"},
		{[]string{"-nosuchflag"}, "-nosuchflag"},
		{[]string{"-rpes", "5"}, "did you mean -reps"},
	} {
		add(hostileCase{name: "flag" + strings.Join(v.flags, "_"), args: mmc(v.flags...), want: []string{v.want}})
	}
	add(hostileCase{name: "two-scenarios", args: []string{"run", "a.toml", "b.toml"}, want: []string{"at most one scenario"}})
	add(hostileCase{name: "unknown-command", args: []string{"rnu"}, want: []string{"unknown command"}})
	add(hostileCase{name: "unknown-variant", args: []string{"check", "growth-plan#nosuch"}, want: []string{"nosuch"}})
	add(hostileCase{name: "compare-flag", args: []string{"compare", "-reps", "1000000000000", "growth-plan", "validation/mmc"}, want: []string{"-reps"}})

	// Destinations, checked before any simulation.
	add(hostileCase{name: "out-under-file", args: mmc("-reps", "1"), setup: file("out", "a file"), want: []string{"-out out", "not a folder"}})
	add(hostileCase{name: "out-under-file2", args: []string{"run", "-q", "-out", "f/x", "validation/mmc"}, setup: file("f", "a file"), want: []string{"-out f/x", "not a directory"}})
	add(hostileCase{name: "out-proc", args: []string{"run", "-q", "-out", "/proc/salesim-x", "validation/mmc"}, want: []string{"-out /proc/salesim-x"}})
	add(hostileCase{name: "out-not-empty", args: mmc("-reps", "1"), setup: file("out/old.csv", "x\n"), want: []string{"-out out", "not empty", "-force"}})
	add(hostileCase{name: "out-force", args: mmc("-reps", "1", "-horizon", "1d", "-warmup", "1h", "-force"), setup: file("out/old.csv", "x\n"), ok: true})
	add(hostileCase{name: "out-shard-under-file", args: []string{"run", "-q", "-shard", "0/2", "-reps", "2", "-out", "f/x", "validation/mmc"}, setup: file("f", "a file"), want: []string{"-out f/x"}})
	add(hostileCase{name: "compare-out-not-empty", args: []string{"compare", "-q", "-out", "out", "growth-plan", "validation/mmc"}, setup: file("out/x", "x"), want: []string{"-out out", "not empty"}})

	// Shard folders for merge, and folders for report.
	shard := "shard-00000-of-00001.csv"
	add(hostileCase{name: "merge-fifo", args: []string{"merge", "-q", "s"}, setup: both(mkdir("s"), fifo("s/"+shard)), want: []string{shard, "not a regular file"}})
	add(hostileCase{name: "merge-dir", args: []string{"merge", "-q", "s"}, setup: mkdir("s/" + shard), want: []string{shard, "not a regular file"}})
	add(hostileCase{name: "merge-zero", args: []string{"merge", "-q", "s"}, setup: both(mkdir("s"), symlink("/dev/zero", "s/"+shard)), want: []string{shard, "not a regular file"}})
	add(hostileCase{name: "merge-empty-file", args: []string{"merge", "-q", "s"}, setup: file("s/"+shard, ""), want: []string{shard, "empty"}})
	add(hostileCase{name: "merge-garbage", args: []string{"merge", "-q", "s"}, setup: file("s/"+shard, "garbage\x00\xff\n"), want: []string{shard}})
	add(hostileCase{name: "merge-huge-line", args: []string{"merge", "-q", "s"}, setup: file("s/"+shard, "# salesim shard "+strings.Repeat("x", 3<<20)), want: []string{shard}})
	add(hostileCase{name: "merge-no-shards", args: []string{"merge", "-q", "s"}, setup: mkdir("s"), want: []string{"no shard files"}})
	add(hostileCase{name: "merge-missing", args: []string{"merge", "-q", "nope"}, want: []string{"nope"}})
	add(hostileCase{name: "report-empty", args: []string{"report", "r"}, setup: mkdir("r"), want: []string{"manifest.json"}})
	add(hostileCase{name: "report-garbage-manifest", args: []string{"report", "r"}, setup: file("r/manifest.json", "{not json"), want: []string{"manifest.json"}})
	add(hostileCase{name: "report-manifest-fifo", args: []string{"report", "r"}, setup: both(mkdir("r"), fifo("r/manifest.json")), want: []string{"manifest.json", "not a regular file"}})
	add(hostileCase{name: "report-manifest-zero", args: []string{"report", "r"}, setup: both(mkdir("r"), symlink("/dev/zero", "r/manifest.json")), want: []string{"manifest.json", "not a regular file"}})

	// Designs that grow without bound stop at -max-memory, naming the queue.
	add(hostileCase{name: "overload-mmc", args: []string{"run", "-q", "-out", "out", "-max-memory", "128MiB", "-reps", "2", "-set", "inbound.requests.rate=1000/h", "validation/mmc"},
		want: []string{"memory limit", "-max-memory", "role agent's queues hold"}})
	add(hostileCase{name: "overload-compare", args: []string{"compare", "-q", "-out", "out", "-max-memory", "128MiB", "-reps", "2", "-set", "inbound.requests.rate=1000/h", "validation/mmc", "growth-plan"},
		want: []string{"memory limit", "-max-memory"}})
	return cs
}

// allowedRE matches the part of a refusal that says what is allowed.
var allowedRE = regexp.MustCompile(`want|allowed|must|at most|at least|use |not a |no such|not empty|unknown|did you mean|missing|nothing|no shard|is a directory|not a directory|empty|expected|write it|split|may |>= |<= |more problems|invalid|memory limit|cannot|out of range|neither|permission|does not|at most one|unterminated|refused|no `)

// TestHostileInputs runs the hostile-input corpus, each input in a child
// process: every input is refused with a message naming where the
// problem is and what is allowed, or accepted where valid; none panics,
// none runs past 60 s, none takes more than 400 MB (the child's maximum
// resident set).
func TestHostileInputs(t *testing.T) {
	cases := hostileCases()
	if len(cases) < 130 {
		t.Errorf("the corpus has %d cases, want at least 130", len(cases))
	}
	const limit = 60 * time.Second
	maxMB := int64(400)
	if raceEnabled {
		maxMB = 1200 // the race detector's shadow memory
	}
	var mu sync.Mutex
	worst, worstName := int64(0), ""
	sem := make(chan struct{}, 2)
	t.Run("cases", func(t *testing.T) {
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				t.Parallel()
				sem <- struct{}{}
				defer func() { <-sem }()
				dir := t.TempDir()
				if c.setup != nil {
					c.setup(t, dir)
				}
				ctx, cancel := context.WithTimeout(context.Background(), limit)
				defer cancel()
				cmd := salesimCmd(t, nil, c.args...)
				cmd = withContext(ctx, cmd)
				cmd.Dir = dir
				var stderr bytes.Buffer
				cmd.Stderr = &stderr
				start := time.Now()
				err := cmd.Run()
				el := time.Since(start)
				if ctx.Err() != nil {
					t.Fatalf("salesim %s: still running after %v", strings.Join(c.args, " "), limit)
				}
				rss := int64(0)
				if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
					rss = ru.Maxrss / 1024 // KiB on Linux
				}
				mu.Lock()
				if rss > worst {
					worst, worstName = rss, c.name
				}
				mu.Unlock()
				msg := stderr.String()
				if strings.Contains(msg, "panic") || strings.Contains(msg, "goroutine ") || strings.Contains(msg, "fatal error") {
					t.Fatalf("salesim %s crashed:\n%.2000s", strings.Join(c.args, " "), msg)
				}
				code := cmd.ProcessState.ExitCode()
				switch {
				case c.ok && err != nil:
					t.Errorf("salesim %s: refused a valid input (%v):\n%.2000s", strings.Join(c.args, " "), err, msg)
				case !c.ok && code != 1 && code != 2:
					t.Errorf("salesim %s: exit status %d, want 1 or 2 (refused)\n%.2000s", strings.Join(c.args, " "), code, msg)
				case !c.ok:
					for _, w := range c.want {
						if !strings.Contains(msg, w) {
							t.Errorf("salesim %s: the refusal does not say %q:\n%.2000s", strings.Join(c.args, " "), w, msg)
						}
					}
					if !allowedRE.MatchString(msg) {
						t.Errorf("salesim %s: the refusal does not say what is allowed:\n%.2000s", strings.Join(c.args, " "), msg)
					}
					if rss > maxMB {
						t.Errorf("salesim %s: %d MB of memory (maximum resident set) for a refused input, want at most %d", strings.Join(c.args, " "), rss, maxMB)
					}
				}
				if el > 10*time.Second {
					t.Logf("salesim %s: %v", strings.Join(c.args, " "), el.Round(time.Millisecond))
				}
			})
		}
	})
	t.Logf("%d cases; the most memory: %d MB (%s)", len(cases), worst, worstName)
}

// withContext makes cmd killed when ctx is done.
func withContext(ctx context.Context, cmd *exec.Cmd) *exec.Cmd {
	c := exec.CommandContext(ctx, cmd.Path, cmd.Args[1:]...)
	c.Env = cmd.Env
	return c
}
