package study

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/salesim/salesim/sim/experiment"
	"github.com/salesim/salesim/sim/scenario"
)

// designs reads design, designs, seed, replications and set, and loads
// each base design with set applied.
func (c *checker) designs(f *File, m map[string]any, opt Options) error {
	d, hasOne := m["design"].(string)
	ds, hasMany := m["designs"].([]any)
	switch {
	case hasOne && hasMany:
		return c.fail("designs", "", "give design or designs, not both")
	case hasOne:
		f.Designs = []string{d}
	case hasMany:
		if len(ds) == 0 {
			return c.fail("designs", "[]", "empty: name at least one design")
		}
		for _, x := range ds {
			f.Designs = append(f.Designs, x.(string))
		}
	default:
		return c.fail("", "", "missing key design: the base design, such as design = \"growth-plan\"")
	}
	f.Set = append(f.Set, strList(m["set"])...)
	key := "design"
	if hasMany {
		key = "designs"
	}
	seen := map[string]bool{}
	for i, name := range f.Designs {
		k := key
		if hasMany {
			k = fmt.Sprintf("designs[%d]", i)
			if seen[name] {
				return c.failAt(key, k, name, "design %s given twice", name)
			}
			seen[name] = true
		}
		file, variant := name, ""
		if j := strings.LastIndexByte(name, '#'); j >= 0 {
			file, variant = name[:j], name[j+1:]
		}
		sc, err := opt.Scenario(file, scenario.Options{Variant: variant, Set: f.Set})
		if err != nil {
			return c.failAt(key, k, name, "%s", first(err))
		}
		if _, err := experiment.NewDesign(sc); err != nil {
			return c.failAt(key, k, name, "%s", first(err))
		}
		f.bases = append(f.bases, sc)
	}
	base, _ := experiment.NewDesign(f.bases[0])
	f.Seed = base.Seed()
	if s, ok := m["seed"].(int64); ok {
		f.Seed = uint64(s)
	}
	f.Replications = base.Replications()
	if r, ok := m["replications"].(int64); ok {
		f.Replications = int(r)
	}
	return nil
}

// failAt is fail for a value placed at the line of key lineKey if key
// has no line of its own.
func (c *checker) failAt(lineKey, key, value, format string, args ...any) *scenario.FieldError {
	e := c.fail(key, value, format, args...)
	if _, ok := c.lines.lines[key]; !ok {
		e.Line = max(c.lines.line(lineKey), 1)
	}
	return e
}

// first returns the first problem of a loader's error.
func first(err error) string {
	if ps := scenario.Problems(err); len(ps) > 0 {
		return ps[0].Error()
	}
	return err.Error()
}

// factors reads the [[factor]] tables and checks each key on the base
// designs.
func (c *checker) factors(f *File, m map[string]any) error {
	ts, _ := m["factor"].([]map[string]any)
	seen := map[string]int{}
	for i, t := range ts {
		at := fmt.Sprintf("factor[%d]", i)
		fc := Factor{Key: t["key"].(string), Line: c.lines.line(at)}
		if fc.Key = strings.TrimSpace(fc.Key); fc.Key == "" {
			return c.fail(at+".key", "", "empty: want a key that -set takes, such as reorg[0].headcount.hunter (salesim keys DESIGN lists them)")
		}
		if j, ok := seen[fc.Key]; ok {
			return c.fail(at+".key", fc.Key, "%s is already factor[%d]", fc.Key, j)
		}
		seen[fc.Key] = i
		levels, hasLevels := t["levels"].([]any)
		lo, hasMin := t["min"]
		hi, hasMax := t["max"]
		step, hasStep := t["step"]
		points, hasPoints := t["points"].(int64)
		integer, hasInteger := t["integer"].(bool)
		switch {
		case hasLevels && (hasMin || hasMax):
			return c.fail(at+".levels", "", "give levels, or min and max, not both")
		case hasLevels:
			if len(levels) == 0 {
				return c.fail(at+".levels", "[]", "empty: give at least one level")
			}
			whole := true
			for j, l := range levels {
				x, _ := number(l)
				if slices.Contains(fc.Levels, x) {
					return c.fail(at+".levels", show(l), "level %s given twice (element %d)", show(l), j)
				}
				fc.Levels = append(fc.Levels, x)
				_, isInt := l.(int64)
				whole = whole && isInt
			}
			fc.Min, fc.Max = minMax(fc.Levels)
			fc.Integer = whole
			if hasInteger {
				if integer && !whole {
					return c.fail(at+".integer", "true", "integer = true but the levels are not all whole numbers")
				}
				fc.Integer = integer
			}
			if hasStep || hasPoints {
				return c.fail(at+".levels", "", "step and points divide a range: with levels, leave them out")
			}
		case hasMin != hasMax:
			if hasMin {
				return c.fail(at+".min", show(lo), "a range needs max as well")
			}
			return c.fail(at+".max", show(hi), "a range needs min as well")
		case hasMin:
			fc.Min, _ = number(lo)
			fc.Max, _ = number(hi)
			if fc.Min > fc.Max {
				return c.fail(at+".min", show(lo), "min %s is greater than max %s", show(lo), show(hi))
			}
			_, i1 := lo.(int64)
			_, i2 := hi.(int64)
			whole := i1 && i2
			if hasStep {
				_, i3 := step.(int64)
				whole = whole && i3
			}
			fc.Integer = whole && !hasPoints
			if hasInteger {
				if integer && (fc.Min != math.Trunc(fc.Min) || fc.Max != math.Trunc(fc.Max)) {
					return c.fail(at+".integer", "true", "integer = true but min %s or max %s is not a whole number", show(lo), show(hi))
				}
				fc.Integer = integer
			}
			if hasStep && hasPoints {
				return c.fail(at+".step", show(step), "give step or points, not both")
			}
			if hasStep {
				fc.Step, _ = number(step)
				if fc.Step <= 0 {
					return c.fail(at+".step", show(step), "want a step > 0")
				}
				if fc.Integer && fc.Step != math.Trunc(fc.Step) {
					return c.fail(at+".step", show(step), "an integer factor needs a whole step")
				}
			}
			if hasPoints {
				fc.Points = int(points)
			}
			if fc.Integer && !hasStep && !hasPoints {
				fc.Step = 1
			}
		default:
			return c.fail(at, "", "factor %s has no values: give levels = [...], or min and max", fc.Key)
		}
		if n := len(fc.levels()); n > MaxPoints {
			return c.fail(at, "", "%d levels: at most %d", n, MaxPoints)
		}
		for d, base := range f.bases {
			for _, x := range []float64{fc.Min, fc.Max} {
				set := append(append([]string(nil), f.Set...), fc.Key+"="+format(x, fc.Integer))
				if msg := c.apply(base, set); msg != "" {
					return c.fail(at+".key", fc.Key, "-set does not take %s=%s on %s: %s", fc.Key, format(x, fc.Integer), f.Designs[d], msg)
				}
			}
		}
		f.Factors = append(f.Factors, fc)
	}
	return nil
}

// apply loads base again with the overrides set, as a point would be.
func (c *checker) apply(base *scenario.Scenario, set []string) string {
	sc, err := fromBase(base, set)
	if err != nil {
		return first(err)
	}
	if _, err := experiment.NewDesign(sc); err != nil {
		return first(err)
	}
	return ""
}

// fromBase rebuilds a base design with other overrides.
func fromBase(base *scenario.Scenario, set []string) (*scenario.Scenario, error) {
	return scenario.FromSources(base.Sources, base.SHA256, scenario.Options{Variant: base.Variant, Set: set})
}

func minMax(xs []float64) (lo, hi float64) {
	lo, hi = xs[0], xs[0]
	for _, x := range xs {
		lo, hi = math.Min(lo, x), math.Max(hi, x)
	}
	return lo, hi
}

// format renders a factor's value as -set takes it.
func format(x float64, integer bool) string {
	if integer {
		return strconv.FormatInt(int64(math.Round(x)), 10)
	}
	s := strconv.FormatFloat(x, 'g', -1, 64)
	if !strings.ContainsAny(s, ".eE") {
		s += ".0" // a TOML float, so that an integer key refuses it
	}
	return s
}

// levels returns the levels a factorial plan takes of the factor: its
// levels, or its range divided by step or points; nil for a real range
// without either.
func (fc *Factor) levels() []float64 {
	switch {
	case fc.Levels != nil:
		return fc.Levels
	case fc.Points > 0:
		xs := make([]float64, fc.Points)
		for i := range xs {
			xs[i] = fc.Min + (fc.Max-fc.Min)*float64(i)/float64(fc.Points-1)
			if fc.Integer {
				xs[i] = math.Round(xs[i])
			}
		}
		return xs
	case fc.Step > 0:
		n := int(math.Floor((fc.Max-fc.Min)/fc.Step+1e-9)) + 1
		if n > MaxPoints+1 {
			n = MaxPoints + 1
		}
		xs := make([]float64, n)
		for i := range xs {
			xs[i] = fc.Min + float64(i)*fc.Step
		}
		return xs
	}
	return nil
}

// plan reads [plan] and checks that it has points.
func (c *checker) plan(f *File, m map[string]any) error {
	p, _ := m["plan"].(map[string]any)
	f.Plan = Plan{Kind: "factorial", Line: c.lines.line("plan")}
	if k, ok := p["kind"].(string); ok {
		f.Plan.Kind = k
	}
	n, hasN := p["points"].(int64)
	pts, hasPts := p["point"].([]map[string]any)
	if hasN && f.Plan.Kind != "lhs" {
		return c.fail("plan.points", show(n), "the number of points is for kind = \"lhs\"; this plan is %s", f.Plan.Kind)
	}
	if hasPts && f.Plan.Kind != "points" {
		return c.fail("plan.point", "", "[[plan.point]] lists points for kind = \"points\"; this plan is %s", f.Plan.Kind)
	}
	if len(f.Factors) == 0 && !(len(f.Designs) > 1 && f.Plan.Kind == "factorial") {
		e := c.fail("plan", "", "empty plan: no [[factor]] to vary (and fewer than two designs)")
		if c.lines.line("plan") == 0 { // no [plan]: point at the design
			e.Line = max(c.lines.line("design"), c.lines.line("designs"), 1)
		}
		return e
	}
	switch f.Plan.Kind {
	case "factorial":
		if _, has := m["plan"]; !has && len(f.Factors) == 0 {
			return nil
		}
		total := len(f.Designs)
		for i, fc := range f.Factors {
			if _, has := m["plan"]; !has && fc.levels() == nil {
				// No [plan]: a file for seek or sensitivity, which take
				// real ranges; a sweep of it fails in Points.
				return nil
			}
			if fc.levels() == nil {
				return c.fail(fmt.Sprintf("factor[%d]", i), "", "a factorial plan needs levels of %s: give points = N (or step) for a real range", fc.Key)
			}
			total *= len(fc.levels())
			if total > MaxPoints {
				return c.fail("plan", "", "a factorial plan of more than %d points: use kind = \"lhs\"", MaxPoints)
			}
		}
	case "lhs":
		if !hasN {
			return c.fail("plan", "", "empty plan: kind = \"lhs\" needs points = N")
		}
		if n*int64(len(f.Designs)) > MaxPoints {
			return c.fail("plan.points", show(n), "at most %d points", MaxPoints)
		}
		f.Plan.N = int(n)
	case "points":
		if len(pts) == 0 {
			return c.fail("plan", "", "empty plan: kind = \"points\" lists no [[plan.point]]")
		}
		for i, pt := range pts {
			at := fmt.Sprintf("plan.point[%d]", i)
			vals := make([]float64, len(f.Factors))
			for k, v := range pt {
				j := f.factor(k)
				if j < 0 {
					keys := make([]string, len(f.Factors))
					for i, fc := range f.Factors {
						keys[i] = fc.Key
					}
					return c.fail(join(at, k), show(v), "not a factor%s; factors: %s", hint(k, keys), strings.Join(keys, ", "))
				}
				x, _ := number(v)
				fc := f.Factors[j]
				switch {
				case fc.Levels != nil && !slices.Contains(fc.Levels, x):
					return c.fail(join(at, k), show(v), "%s is not one of the factor's levels %s", show(v), showFloats(fc.Levels))
				case x < fc.Min || x > fc.Max:
					return c.fail(join(at, k), show(v), "%s is outside the factor's range [%g, %g]", show(v), fc.Min, fc.Max)
				case fc.Integer && x != math.Trunc(x):
					return c.fail(join(at, k), show(v), "%s is not a whole number, and the factor is integer", show(v))
				}
				vals[j] = x
			}
			for _, fc := range f.Factors {
				if _, ok := pt[fc.Key]; !ok {
					return c.fail(at, "", "no value for the factor %s: a point gives every factor", fc.Key)
				}
			}
			f.Plan.Points = append(f.Plan.Points, vals)
		}
	}
	return nil
}

// factor returns the position of the factor of key k, or -1.
func (f *File) factor(k string) int {
	for i, fc := range f.Factors {
		if fc.Key == k {
			return i
		}
	}
	return -1
}
