package scenario

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

// fuzzSeeds are small inputs, one per feature area, each the base design
// plus a few lines. Small seeds keep the fuzzer fast: it mutates and
// minimises whole inputs, and the shipped scenarios (6-7 KB with their
// comments) made each minimisation take seconds, so that FuzzLoad stopped
// finding coverage after about 20 s. The shipped files are checked by
// TestShippedScenarios instead.
var fuzzSeeds = []struct{ text, set string }{
	{base, ""},
	{"", ""},
	{"[market\n", ""},
	{base, "roles.hunter.headcount=5"},
	{base, "stages[1].convert=5%"},
	{base, `roles."farmer".calendar="Mon,Wed 10:00-14:00; Sat"`},
	{base + "[run]\nwarmup = \"1mo\"\nreplications = 3\nseed = 2\n", "run.horizon=2y"},
	{base + "[[market.need]]\nmin_size = \"30k\"\nevery = \"30d\"\n", ""},
	{base + "[inbound.mail]\nrate = \"every 2d\"\ngrowth = \"10%\"\nopen = \"Mon-Fri 09:00-13:00, 14:00-18:00\"\nstage = \"meeting\"\n", ""},
	{base + "[database.raw]\ncontacts = 100\ncooloff = \"30d\"\nmax_attempts = 3\nstage = \"contact\"\n[roles.hunter.pull]\n", ""},
	{base + "[clients]\norder = \"meet\"\ncare = \"call\"\nchurn = \"18%\"\norders_per_month = 2\n", ""},
	{base + "[roles.hunter.pay]\nsalary = 100\ncommission = \"10%\"\n[roles.farmer.speed]\nmeet = 2\n", ""},
	{strings.Replace(base, "headcount = 2\n", "headcount = 2\nbreaks = \"13:00-14:00\"\nramp = [\"50%\", \"100%\"]\nattrition = \"25%\"\nabsence = [{ name = \"sick\", rate = 2, length = \"exp(mean=5d)\" }]\n", 1), ""},
	{base + "[[handoffs]]\nfrom = \"hunter\"\nto = \"farmer\"\nafter_deals = 2\ndelay = \"2d\"\n", ""},
	{base + "[[reorg]]\nat = \"6mo\"\nmoves = [{ from = \"hunter\", to = \"farmer\", n = 1 }]\nheadcount = { hunter = 3 }\n", ""},
	{base + "[target]\ngrowth = \"100%\"\nby = \"12mo\"\nwindow = \"3mo\"\n", ""},
	{base + "[initial]\nclients = 10\n", ""},
	{base + "[variants.big.roles.hunter]\nheadcount = 3\n[variants.bad]\ninclude = \"x\"\n", "run.seed=3"},
	{"include = \"common.toml\"\n" + base, ""},
	{"a = [[1, 2], {b = {c = 1}}]\n\"q k\".'l' = \"\"\"x\"\"\"\n", ""},
}

// FuzzLoad checks that no input makes the loader panic, and that every
// problem has a message and, when positioned by line, a line that exists
// in the input. It checks too that the scan before parsing (limits.go)
// never gives up on text the TOML parser accepts, so that no valid input
// escapes the nesting limits.
func FuzzLoad(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add([]byte(s.text), s.set)
	}
	f.Fuzz(func(t *testing.T, data []byte, set string) {
		var opt Options
		if set != "" {
			opt.Set = []string{set}
		}
		s, err := Parse(bytes.NewReader(data), "f.toml", opt)
		if err == nil && s == nil {
			t.Fatal("nil scenario and nil error")
		}
		checkProblems(t, data, err, s)

		sc := &shapeScan{s: string(data)}
		sc.run()
		if !sc.done && sc.err == "" && len(data) <= MaxFileSize {
			var m map[string]any
			if _, err := toml.Decode(string(data), &m); err == nil {
				t.Fatalf("the shape scan gave up at offset %d (%q) on valid TOML", sc.i, data[sc.i:min(sc.i+20, len(data))])
			}
		}
	})
}

// FuzzSet checks the -set parser and the overrides it applies, on the
// base design.
func FuzzSet(f *testing.F) {
	for _, s := range []string{
		"roles.hunter.headcount=5", "stages[1].convert=5%", `roles."key account".new=1`,
		"roles.hunter={headcount=1, does=[\"call\"]}", "run.seed=3", "stages[9].x=1", "include=x",
		"market.need=[{every=\"30d\"}]", "roles.hunter.calendar=24/7", "=", "a[",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, set string) {
		s, err := Parse(strings.NewReader(base), "f.toml", Options{Set: []string{set}})
		if err == nil && s == nil {
			t.Fatal("nil scenario and nil error")
		}
		checkProblems(t, []byte(base), err, s)
	})
}

// FuzzCalendar checks that calendar text never panics, and that a
// calendar accepted is a valid week.
func FuzzCalendar(f *testing.F) {
	for _, s := range []string{
		"Mon-Fri 09:00-18:00", "Mon-Fri 09:00-13:00, 14:00-18:00; Sat 10:00-14:00", "Mon,Wed 10:00-14:00",
		"daily 08:00-20:00", "24/7", "weekends", "Sun-Tue 22:00-24:00", "13:00-14:00", "Mon 9:00-9:30",
	} {
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, text string, noDays bool) {
		gs, err := parseCalendar(text, noDays)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("empty error")
			}
			return
		}
		for _, g := range gs {
			for _, sp := range g.spans {
				if !(0 <= sp[0] && sp[0] < sp[1] && sp[1] <= 24) {
					t.Fatalf("%q: span %v is not within a day", text, sp)
				}
			}
		}
	})
}

// checkProblems checks the problems and warnings of a Parse of data as
// f.toml.
func checkProblems(t *testing.T, data []byte, err error, s *Scenario) {
	t.Helper()
	lines := bytes.Count(data, []byte("\n")) + 1
	var all []error
	all = append(all, Problems(err)...)
	if s != nil {
		all = append(all, s.Warnings...)
	}
	for _, e := range all {
		if e == nil || e.Error() == "" {
			t.Fatalf("empty problem in %v", err)
		}
		var fe *FieldError
		if !errors.As(e, &fe) {
			t.Fatalf("problem %q is not a *FieldError", e)
		}
		if fe.Msg == "" {
			t.Fatalf("problem %q has no message", e)
		}
		switch {
		case fe.Via != "":
			if !strings.HasPrefix(fe.Via, "f.toml:") {
				t.Fatalf("problem %q: the include chain does not start in f.toml", e)
			}
		case fe.File == "f.toml":
			if fe.Line < 0 || fe.Line > lines {
				t.Fatalf("problem %q: line %d not in the input's %d lines", e, fe.Line, lines)
			}
		case strings.HasPrefix(fe.File, "-set "):
			if fe.Line != 0 {
				t.Fatalf("problem %q: a -set override has no line", e)
			}
		default:
			t.Fatalf("problem %q names file %q", e, fe.File)
		}
	}
}
