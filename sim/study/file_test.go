package study

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/salesim/salesim/sim/scenario"
)

// load parses an experiment text as the file exp.toml.
func load(t *testing.T, text string) (*File, error) {
	t.Helper()
	return Load(fstest.MapFS{"exp.toml": {Data: []byte(text)}}, "exp.toml", Options{})
}

const good = `name = "hunters"
design = "growth-plan"
replications = 4
set = ["roles.hunter.pay.salary=31000"]

[[factor]]
key = "reorg[0].headcount.hunter"
levels = [0, 2]

[[factor]]
key = "reorg[0].headcount.farmer"
min = 3
max = 5
step = 2

[[response]]
metric = "p_target"

[[response]]
metric = "margin"
role = "farmer"
`

func TestLoadGood(t *testing.T) {
	t.Parallel()
	f, err := load(t, good)
	if err != nil {
		t.Fatal(err)
	}
	if f.Name != "hunters" || len(f.Factors) != 2 || !f.Factors[0].Integer || f.Factors[1].Step != 2 || f.Replications != 4 || f.Seed != 1 {
		t.Fatalf("%+v", f)
	}
	if f.Factors[0].Line != 6 || f.Factors[1].Line != 10 || f.Responses[1].Role != "farmer" {
		t.Errorf("lines %d, %d; responses %+v", f.Factors[0].Line, f.Factors[1].Line, f.Responses)
	}
	pts, err := f.Points()
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range pts {
		got = append(got, f.Label(p))
	}
	want := []string{
		"reorg[0].headcount.hunter=0 reorg[0].headcount.farmer=3", "reorg[0].headcount.hunter=0 reorg[0].headcount.farmer=5",
		"reorg[0].headcount.hunter=2 reorg[0].headcount.farmer=3", "reorg[0].headcount.hunter=2 reorg[0].headcount.farmer=5",
	}
	if !slices.Equal(got, want) {
		t.Errorf("points %q, want %q", got, want)
	}
	if o := f.Overrides(pts[3]); !slices.Equal(o, []string{"roles.hunter.pay.salary=31000", "reorg[0].headcount.hunter=2", "reorg[0].headcount.farmer=5"}) {
		t.Errorf("overrides %q", o)
	}
	sc, err := f.Scenario(pts[3])
	if err != nil {
		t.Fatal(err)
	}
	if h := sc.Document.Reorg[0].Headcount; len(h) == 0 {
		t.Errorf("no reorg headcounts: %+v", sc.Document.Reorg[0])
	}
}

// TestLoadBad: every bad file gets one error naming the file, the line
// and the key.
func TestLoadBad(t *testing.T) {
	t.Parallel()
	head := "design = \"growth-plan\"\n"
	fac := "[[factor]]\nkey = \"reorg[0].headcount.hunter\"\nlevels = [0, 2]\n"
	for _, tc := range []struct {
		name, text string
		line       int
		key, want  string
	}{
		{"unknown key", head + "replicatons = 3\n" + fac, 2, "replicatons", "unknown key (did you mean replications?)"},
		{"unknown factor key", head + fac + "lvls = 3\n", 5, "factor[0].lvls", "unknown key"},
		{"unknown section", head + fac + "[plann]\nkind = \"lhs\"\n", 5, "plann", "unknown key (did you mean plan?)"},
		{"key -set does not take", head + "[[factor]]\nkey = \"roles.hunter.headcont\"\nlevels = [1]\n", 3, "factor[0].key", "-set does not take roles.hunter.headcont=1"},
		{"headcount overridden by a reorg", head + "[[factor]]\nkey = \"roles.hunter.headcount\"\nlevels = [1]\n", 3, "factor[0].key", "reorg[0].headcount.hunter=1"},
		{"no such reorg", head + "[[factor]]\nkey = \"reorg[3].headcount.hunter\"\nlevels = [1]\n", 3, "factor[0].key", "no such element"},
		{"min > max", head + "[[factor]]\nkey = \"reorg[0].headcount.hunter\"\nmin = 5\nmax = 2\n", 4, "factor[0].min", "min 5 is greater than max 2"},
		{"not numeric", head + "[[factor]]\nkey = \"reorg[0].headcount.hunter\"\nlevels = [\"two\", \"three\"]\n", 4, "factor[0].levels", "want a number, got the string \"two\""},
		{"numeric key refuses a real", head + "[[factor]]\nkey = \"reorg[0].headcount.hunter\"\nmin = 0.5\nmax = 2.5\npoints = 3\n", 3, "factor[0].key", "-set does not take"},
		{"text key", head + "[[factor]]\nkey = \"run.horizon\"\nlevels = [1, 2]\n", 3, "factor[0].key", "run.horizon"},
		{"no values", head + "[[factor]]\nkey = \"reorg[0].headcount.hunter\"\n", 2, "factor[0]", "no values"},
		{"range without max", head + "[[factor]]\nkey = \"reorg[0].headcount.hunter\"\nmin = 1\n", 4, "factor[0].min", "needs max"},
		{"response on an unknown metric", head + fac + "[[response]]\nmetric = \"marign\"\n", 6, "response[0].metric", `no metric "marign" in growth-plan (did you mean margin?)`},
		{"response on an unknown role", head + fac + "[[response]]\nmetric = \"margin\"\nrole = \"hunterz\"\n", 7, "response[0].role", "no measure margin of role"},
		{"constraint on an unknown metric", head + fac + "[[constraint]]\nmetric = \"p_targt\"\nat_least = 0.8\n", 6, "constraint[0].metric", `no metric "p_targt"`},
		{"constraint without bound", head + fac + "[[constraint]]\nmetric = \"p_target\"\n", 5, "constraint[0]", "give at_least or at_most"},
		{"constraint delta required", head + fac + "[[constraint]]\nmetric = \"cost\"\nat_most = 1e6\n", 5, "constraint[0]", "delta is required for cost"},
		{"objective on an unknown metric", head + fac + "[objective]\nminimise = \"costs\"\n", 6, "objective.minimise", `no metric "costs"`},
		{"empty plan: no factors", "\n" + head, 2, "plan", "empty plan"},
		{"empty plan: no points", head + fac + "[plan]\nkind = \"points\"\n", 5, "plan", "empty plan: kind = \"points\" lists no [[plan.point]]"},
		{"empty plan: lhs without points", head + fac + "[plan]\nkind = \"lhs\"\n", 5, "plan", "needs points = N"},
		{"bad plan kind", head + fac + "[plan]\nkind = \"grid\"\n", 6, "plan.kind", "allowed: factorial, lhs, points"},
		{"point off the levels", head + fac + "[plan]\nkind = \"points\"\n[[plan.point]]\n\"reorg[0].headcount.hunter\" = 1\n", 8, "plan.point[0].reorg[0].headcount.hunter", "not one of the factor's levels"},
		{"point on a non-factor", head + fac + "[plan]\nkind = \"points\"\n[[plan.point]]\n\"reorg[0].headcount.hunter\" = 2\nfarmers = 1\n", 9, "plan.point[0].farmers", "not a factor"},
		{"real range in a factorial", head + "[[factor]]\nkey = \"stages[0].convert\"\nmin = 0.1\nmax = 0.3\n[plan]\nkind = \"factorial\"\n", 2, "factor[0]", "a factorial plan needs levels"},
		{"no design", fac, 1, "", "missing key design"},
		{"unknown design", "design = \"growth-plna\"\n" + fac, 1, "design", "growth-plna"},
		{"bad variant", "design = \"growth-plan#nope\"\n" + fac, 1, "design", `no variant "nope"`},
		{"wrong type", "design = 3\n" + fac, 1, "design", "want a string, got the integer 3"},
		{"syntax", head + "replications = \n", 2, "", "expected value"},
		{"duplicate factor", head + fac + fac, 6, "factor[1].key", "already factor[0]"},
		{"seek max below initial", head + fac + "[seek]\ninitial = 30\nmax = 10\n", 7, "seek.max", "less than initial"},
		{"unknown table under a dotted header", head + fac + "[inbound.requests]\nrole = \"farmer\"\n", 5, "inbound", "unknown key"},
		{"unknown array of tables", head + fac + "[[handoffs]]\nfrom = \"a\"\n", 5, "handoffs", "unknown key"},
		{"unknown table under a dotted key", head + fac + "roles.hunter.headcount = 1\n", 5, "factor[0].roles", "unknown key"},
		{"sensitivity repeats 1", head + fac + "[sensitivity]\nrepeats = 1\n", 6, "sensitivity.repeats", "want 0 (no noise measured) or at least 2"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := load(t, tc.text)
			var fe *scenario.FieldError
			if !errors.As(err, &fe) {
				t.Fatalf("error %v (%T), want a *scenario.FieldError", err, err)
			}
			if fe.File != "exp.toml" || fe.Line != tc.line || fe.Key != tc.key || !strings.Contains(fe.Error(), tc.want) {
				t.Errorf("got %q (line %d, key %q), want line %d, key %q, containing %q", err, fe.Line, fe.Key, tc.line, tc.key, tc.want)
			}
			if strings.Count(err.Error(), "\n") > 0 {
				t.Errorf("more than one error: %q", err)
			}
		})
	}
}

// TestHypercube: a Latin hypercube is reproducible from the seed, puts
// one point in each of its n strata of every factor, keeps integer
// factors whole and listed levels among the levels.
func TestHypercube(t *testing.T) {
	t.Parallel()
	text := `design = "growth-plan"
seed = 3
[[factor]]
key = "reorg[0].headcount.hunter"
min = 0
max = 9
[[factor]]
key = "stages[1].convert"
min = 0.02
max = 0.08
[[factor]]
key = "reorg[0].headcount.farmer"
levels = [3, 5, 7]
[plan]
kind = "lhs"
points = 10
`
	f, err := load(t, text)
	if err != nil {
		t.Fatal(err)
	}
	pts, err := f.Points()
	if err != nil || len(pts) != 10 {
		t.Fatalf("%d points, %v", len(pts), err)
	}
	again, _ := load(t, text)
	pts2, _ := again.Points()
	strata := map[int]bool{}
	for i, p := range pts {
		if !slices.Equal(p.Values, pts2[i].Values) {
			t.Errorf("point %d: %v, then %v", i, p.Values, pts2[i].Values)
		}
		h, c, fm := p.Values[0], p.Values[1], p.Values[2]
		if h != float64(int(h)) || h < 0 || h > 9 || c < 0.02 || c > 0.08 || !slices.Contains([]float64{3, 5, 7}, fm) {
			t.Errorf("point %d out of its ranges: %v", i, p.Values)
		}
		strata[int((c-0.02)/0.006)] = true
		if _, err := f.Scenario(p); err != nil {
			t.Errorf("point %d: %v", i, err)
		}
	}
	if len(strata) != 10 {
		t.Errorf("the real factor fills %d of 10 strata", len(strata))
	}
	f.Seed++
	if pts3, _ := f.Points(); slices.EqualFunc(pts, pts3, func(a, b Point) bool { return slices.Equal(a.Values, b.Values) }) {
		t.Error("another seed gave the same hypercube")
	}
}

// TestSeveralDesigns: designs = [...] crosses the base designs with the
// plan's points; each point is its base design with the file's set and
// the factors applied.
func TestSeveralDesigns(t *testing.T) {
	t.Parallel()
	f, err := load(t, `designs = ["growth-plan", "growth-plan#five_hunters"]
[[factor]]
key = "reorg[0].headcount.farmer"
levels = [2, 4]
`)
	if err != nil {
		t.Fatal(err)
	}
	pts, err := f.Points()
	if err != nil || len(pts) != 4 {
		t.Fatalf("%d points, %v", len(pts), err)
	}
	if got := f.Label(pts[3]); got != "growth-plan#five_hunters reorg[0].headcount.farmer=4" {
		t.Errorf("label %q", got)
	}
	sc, err := f.Scenario(pts[3])
	if err != nil {
		t.Fatal(err)
	}
	h := map[string]int{}
	for _, e := range sc.Document.Reorg[0].Headcount {
		h[e.Name] = e.Value
	}
	if sc.Variant != "five_hunters" || h["hunter"] != 3 || h["farmer"] != 4 {
		t.Errorf("point 3: variant %q, headcounts %v", sc.Variant, h)
	}
	if _, err := load(t, "designs = [\"growth-plan\", \"growth-plan\"]\n"); err == nil || !strings.Contains(err.Error(), "given twice") {
		t.Errorf("the same design twice: %v", err)
	}
}
