package org

import (
	"errors"
	"fmt"
	"math"
	"strconv"

	"github.com/salesim/salesim/sim/dist"
	"github.com/salesim/salesim/sim/quantity"
)

// A ConfigError names the field of a Config that is wrong, or, if Warning
// is set, that is legal but probably not what was meant.
type ConfigError struct {
	// Field is the path of the field, such as "Roles[2].Speed[3]" or
	// "Stages[0].Activity"; "" for the Config as a whole.
	Field   string
	Msg     string
	Warning bool
	// Whole is set for a rule about the design as a whole (work nobody
	// can do, stages no lead reaches, requests nobody answers), checked
	// only when every part is valid: a tool that found problems of its
	// own in the parts may leave these out.
	Whole bool
}

func (e *ConfigError) Error() string {
	if e.Field == "" {
		return "org: " + e.Msg
	}
	return "org: " + e.Field + ": " + e.Msg
}

// Validate checks every rule of the Config and returns the problems found,
// joined, as *ConfigError values, or nil. Each rule is checked once, by
// the check method of the type it concerns (config*.go).
func (c *Config) Validate() error {
	v := c.validate()
	return errors.Join(v.errs...)
}

// Warnings returns what is legal in the Config but probably not meant: an
// activity nobody does, a stage nobody reaches, a rule that can never act.
func (c *Config) Warnings() []*ConfigError {
	return c.validate().warns
}

func (c *Config) validate() *checker {
	v := &checker{cfg: c}
	c.Run.check(v)
	c.checkLimits(v)
	c.Market.check(v, c.needsSize())
	if len(c.Roles) == 0 {
		v.bad("Roles", "no roles")
	}
	if len(c.Activities) == 0 {
		v.bad("Activities", "no activities")
	}
	for i := range c.Activities {
		c.Activities[i].check(v, i)
	}
	for i := range c.Stages {
		c.Stages[i].check(v, i)
	}
	c.Clients.check(v)
	for i := range c.Roles {
		c.Roles[i].check(v, i)
	}
	for i := range c.Inbound {
		c.Inbound[i].check(v, i)
	}
	for i := range c.Databases {
		c.Databases[i].check(v, i)
	}
	for i := range c.Handoffs {
		c.Handoffs[i].check(v, i)
	}
	for i := range c.Initial {
		c.Initial[i].check(v, i)
	}
	for i := range c.Reorgs {
		c.Reorgs[i].check(v, i)
	}
	if c.Target != nil {
		c.Target.check(v, &c.Run)
	}
	for i := range c.Segments {
		c.Segments[i].check(v, i)
	}
	for i := range c.Teams {
		c.Teams[i].check(v, i)
	}
	if len(v.errs) == 0 {
		v.whole = true
		c.checkFlow(v)
	}
	return v
}

// needsSize reports whether companies need a size: some lead can be won,
// or clients exist at the start.
func (c *Config) needsSize() bool {
	for _, in := range c.Initial {
		if in.Clients > 0 {
			return true
		}
	}
	for i, st := range c.Stages {
		won := st.Next == 0
		c.segmentSteps(i, func(n int) { won = won || n < 0 })
		if won && st.Convert > 0 {
			return true
		}
	}
	return false
}

// checker collects the problems of a Config.
type checker struct {
	cfg   *Config
	errs  []error
	warns []*ConfigError
	whole bool // checking the rules of the whole design
}

func (v *checker) bad(field, format string, args ...any) {
	v.errs = append(v.errs, &ConfigError{Field: field, Msg: fmt.Sprintf(format, args...), Whole: v.whole})
}

func (v *checker) warn(field, format string, args ...any) {
	v.warns = append(v.warns, &ConfigError{Field: field, Msg: fmt.Sprintf(format, args...), Warning: true, Whole: v.whole})
}

// index returns field[i].
func index(field string, i int) string { return field + "[" + strconv.Itoa(i) + "]" }

// fmtNum, fmtHours and fmtPct format numbers, durations and fractions
// for messages, exactly ("70d", "4h", "12mo"; "14%").
func fmtNum(x float64) string   { return quantity.Number(x) }
func fmtHours(h float64) string { return quantity.Duration(h) }
func fmtPct(x float64) string   { return quantity.Percent(x) }

// within checks lo ≤ x ≤ hi (strictly at an open end) and that x is
// finite, formatting values with f.
func (v *checker) within(field string, x, lo, hi float64, loOpen, hiOpen bool, f func(float64) string) bool {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		v.bad(field, "%s: want a finite number", f(x))
		return false
	}
	if x > lo && x < hi || x == lo && !loOpen || x == hi && !hiOpen {
		return true
	}
	v.bad(field, "%s out of range: want %s", f(x), describeRange(lo, hi, loOpen, hiOpen, f))
	return false
}

// describeRange says what a range allows.
func describeRange(lo, hi float64, loOpen, hiOpen bool, f func(float64) string) string {
	hasLo, hasHi := !math.IsInf(lo, -1), !math.IsInf(hi, 1)
	l, h := ">= ", "<= "
	if loOpen {
		l = "> "
	}
	if hiOpen {
		h = "< "
	}
	switch {
	case hasLo && hasHi && !loOpen && !hiOpen:
		return "from " + f(lo) + " to " + f(hi)
	case hasLo && hasHi:
		return l + f(lo) + " and " + h + f(hi)
	case hasLo:
		return l + f(lo)
	case hasHi:
		return h + f(hi)
	}
	return "any number"
}

// share checks a fraction (shown as a percentage).
func (v *checker) share(field string, x, lo, hi float64, loOpen, hiOpen bool) bool {
	return v.within(field, x, lo, hi, loOpen, hiOpen, fmtPct)
}

// prob checks a probability: a share from 0 % to 100 %.
func (v *checker) prob(field string, x float64) bool { return v.share(field, x, 0, 1, false, false) }

// hours checks a duration of at least lo (more than lo if open).
func (v *checker) hours(field string, h, lo float64, open bool) bool {
	return v.within(field, h, lo, math.Inf(1), open, true, fmtHours)
}

// money checks an amount of at least lo (more than lo if open) and at
// most [MaxMoney].
func (v *checker) money(field string, x, lo float64, open bool) bool {
	if x > MaxMoney && !math.IsInf(x, 1) {
		v.bad(field, "%s out of range: want at most %s (salesim's limit: larger amounts make costs and margins overflow)", fmtNum(x), fmtNum(MaxMoney))
		return false
	}
	return v.within(field, x, lo, math.Inf(1), open, true, fmtNum)
}

// number checks a plain number of at least lo (more than lo if open).
func (v *checker) number(field string, x, lo float64, open bool) bool {
	return v.within(field, x, lo, math.Inf(1), open, true, fmtNum)
}

// count checks a whole number of at least lo.
func (v *checker) count(field string, n, lo int) bool {
	if n < lo {
		v.bad(field, "%d out of range: want >= %d", n, lo)
		return false
	}
	return true
}

// dist checks a distribution: a finite mean ≥ 0; with work, a mean above
// 0 (work takes time); missing when required.
func (v *checker) dist(field string, d dist.Dist, required bool) {
	if d.IsZero() {
		if required {
			v.bad(field, "missing distribution")
		}
		return
	}
	if m := d.Mean(); !(m >= 0) || math.IsInf(m, 0) {
		v.bad(field, "distribution %s has mean %g; want a finite mean ≥ 0", d, m)
	}
}

// refs checks a reference to one of n parts (what: "role", "stage", ...).
func (v *checker) ref(field string, i, n int, what string, required bool) bool {
	switch {
	case i == -1 && !required:
		return true
	case i == -1:
		v.bad(field, "missing: give the %s", what)
	case i < -1 || i >= n:
		v.bad(field, "%s %d out of range: the design has %d", what, i, n)
	default:
		return true
	}
	return false
}

func (v *checker) role(field string, r RoleRef, required bool) bool {
	return v.ref(field, r.Index(), len(v.cfg.Roles), "role", required)
}

func (v *checker) activity(field string, a ActivityRef, required bool) bool {
	return v.ref(field, a.Index(), len(v.cfg.Activities), "activity", required)
}

func (v *checker) stage(field string, s StageRef, required bool) bool {
	return v.ref(field, s.Index(), len(v.cfg.Stages), "stage", required)
}

func (v *checker) database(field string, d DatabaseRef, required bool) bool {
	return v.ref(field, d.Index(), len(v.cfg.Databases), "database", required)
}
