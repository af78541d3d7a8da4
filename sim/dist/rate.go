package dist

import (
	"fmt"
	"math/big"
	"strings"
)

// ParseRate parses a non-negative rate and returns it per hour: "12/h",
// "0.5/min", "3/d" or "3/day", "40/w" or "40/week", "100/mo" or
// "100/month", "5/y" or "5/yr". The denominator may be a duration ("3/2h"
// is 1.5 an hour), and "every 2d" means one per two days (1/48 an hour).
// A bare number is an error, except zero: "0" is 0.
func ParseRate(s string) (perHour float64, err error) {
	v, k, err := parseRate(s)
	if err != nil {
		return 0, fmt.Errorf("dist: %w", err)
	}
	if k == kindPlain {
		return 0, fmt.Errorf("dist: missing unit in rate %q: write it as 12/h, 3/d, 40/week or every 2d", s)
	}
	if v < 0 {
		return 0, fmt.Errorf("dist: negative rate %q: rates must be >= 0", s)
	}
	return v, nil
}

// parseRate parses a signed rate. A rate with a time unit is per hour and of
// kind kindTime; a plain number is of kind kindPlain (or kindAny if zero).
func parseRate(s string) (float64, kind, error) {
	r, k, err := parseRateRat(s)
	if err != nil {
		return 0, 0, err
	}
	v, err := ratFloat(r, s, "rate")
	return v, k, err
}

// parseRateRat is parseRate with an exact result.
func parseRateRat(s string) (*big.Rat, kind, error) {
	t := strings.TrimSpace(s)
	if rest, ok := strings.CutPrefix(t, "every "); ok {
		h, err := parseDurationRat(rest)
		if err != nil {
			return nil, 0, err
		}
		if h.Sign() <= 0 {
			return nil, 0, fmt.Errorf("invalid rate %q: the interval must be > 0", t)
		}
		return h.Inv(h), kindTime, nil
	}
	num, den, ok := strings.Cut(t, "/")
	if !ok {
		v, err := parseAmount(t)
		if err != nil {
			return nil, 0, fmt.Errorf("invalid rate %q: want a count per unit such as 12/h, 3/d or 40/week, or every 2d", t)
		}
		r := new(big.Rat).SetFloat64(v)
		if v == 0 {
			return r, kindAny, nil
		}
		return r, kindPlain, nil
	}
	v, err := parseAmount(num)
	if err != nil {
		return nil, 0, fmt.Errorf("invalid rate %q: %v", t, err)
	}
	den = strings.TrimSpace(den)
	var h *big.Rat
	if u, ok := timeUnits[den]; ok {
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
	return r.Quo(r, h), kindTime, nil
}
