package quantity

import (
	"fmt"
	"math"
	"math/big"
	"strings"
)

// rateHelp says what a rate looks like.
const rateHelp = "write it as 12/h, 3/day, 40/week, 12 per hour or every 2d"

// ParseRate parses a non-negative rate and returns it per hour: "12/h",
// "0.5/min", "3/d" or "3/day", "40/w" or "40/week", "100/mo" or
// "100/month", "5/y" or "5/yr", with "per" for the slash if wished ("12
// per hour", "40 per week"). The denominator may be a duration ("3/2h" is
// 1.5 an hour), and "every 2d" means one per two days (1/48 an hour). A
// bare number is an error, except zero: "0" is 0.
func ParseRate(s string) (perHour float64, err error) {
	r, k, err := ParseRateRat(s)
	if err != nil {
		return 0, err
	}
	if k == KindPlain {
		return 0, fmt.Errorf("missing unit in rate %q: %s", strings.TrimSpace(s), rateHelp)
	}
	v, err := ratFloat(r, s, "rate")
	if err != nil {
		return 0, err
	}
	if v < 0 {
		return 0, fmt.Errorf("negative rate %q: rates must be >= 0", strings.TrimSpace(s))
	}
	return v, nil
}

// ParseRateRat parses a signed rate exactly, for callers that take its
// reciprocal without a second rounding (a rate of 40/week is a mean gap of
// exactly 4.2h). A rate with a time unit is per hour and of [KindTime]; a
// plain number or amount is of [KindPlain], or [KindZero] if zero.
func ParseRateRat(s string) (*big.Rat, Kind, error) {
	t := strings.TrimSpace(s)
	if rest, ok := strings.CutPrefix(t, "every "); ok {
		h, err := parseDurationRat(rest)
		if err != nil {
			return nil, 0, err
		}
		if h.Sign() <= 0 {
			return nil, 0, fmt.Errorf("invalid rate %q: the interval must be > 0", t)
		}
		return h.Inv(h), KindTime, nil
	}
	num, den, ok := strings.Cut(t, "/")
	if !ok {
		num, den, ok = strings.Cut(t, " per ")
	}
	if !ok {
		v, err := parseAmount(t)
		if err != nil {
			return nil, 0, fmt.Errorf("invalid rate %q: %s", t, rateHelp)
		}
		r := new(big.Rat).SetFloat64(v)
		if v == 0 {
			return r, KindZero, nil
		}
		return r, KindPlain, nil
	}
	v, err := parseAmount(num)
	if err != nil {
		return nil, 0, fmt.Errorf("invalid rate %q: %v", t, err)
	}
	den = strings.TrimSpace(den)
	var h *big.Rat
	if u, ok := lookupUnit(den); ok {
		h = u.hours()
	} else if den != "" && isLetter(den[0]) {
		return nil, 0, fmt.Errorf("unknown unit %q in rate %q: %s", den, t, unitHelp)
	} else if h, err = parseDurationRat(den); err != nil {
		return nil, 0, fmt.Errorf("invalid rate %q: %v", t, err)
	}
	if h.Sign() <= 0 {
		return nil, 0, fmt.Errorf("invalid rate %q: the period must be > 0", t)
	}
	r := new(big.Rat).SetFloat64(v)
	return r.Quo(r, h), KindTime, nil
}

// rateUnits are the periods Rate writes a rate in, in order of preference.
var rateUnits = []struct {
	name  string
	hours float64
}{{"h", Hour}, {"day", Day}, {"week", Week}, {"mo", Month}}

// Rate formats a rate per hour in the first period that gives a round
// count of at least one, to two decimals ("9/h", "3/day", "15/week",
// "2.5/mo"); else to three significant digits in the first period that
// gives at least one, or per month ("1.67/h", "0.5/mo"). [ParseRate] reads
// every text back.
func Rate(perHour float64) string {
	switch {
	case math.IsNaN(perHour) || math.IsInf(perHour, 0):
		return dash
	case perHour == 0:
		return "0/h"
	}
	for _, u := range rateUnits {
		v := perHour * u.hours
		if r := math.Round(v*100) / 100; math.Abs(v) >= 1 && math.Abs(v-r) < 1e-9*math.Abs(v) {
			return Number(r) + "/" + u.name
		}
	}
	for i, u := range rateUnits {
		if v := perHour * u.hours; math.Abs(v) >= 1 || i == len(rateUnits)-1 {
			return sig(round3(v)) + "/" + u.name
		}
	}
	panic("unreachable")
}
