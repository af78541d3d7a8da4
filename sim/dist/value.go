package dist

import (
	"fmt"
	"strings"
)

// kind is what a value in a spec was written as.
type kind uint8

const (
	kindAny   kind = iota // a plain zero, which fits either a duration or a count
	kindPlain             // a plain number, amount or percentage
	kindTime              // a duration (or a rate per unit of time)
)

// parseValue parses one value of a spec: a duration ("4h", "1h30m"), a
// plain number or amount ("3", "150k", "1.2M", "150_000") or a percentage
// ("10%"). Durations are returned in hours. Negative values are returned as
// such; the families check the ranges.
func parseValue(s string) (float64, kind, error) {
	t := strings.TrimSpace(s)
	if t == "" {
		return 0, 0, fmt.Errorf("missing value")
	}
	if strings.HasSuffix(t, "%") {
		v, err := parseFraction(t)
		return v, kindPlain, err
	}
	if c := t[len(t)-1]; isLetter(c) && !isAmountSuffix(t) {
		h, err := parseDuration(t)
		return h, kindTime, err
	}
	v, err := parseAmount(t)
	if err != nil {
		return 0, 0, err
	}
	if v == 0 {
		return 0, kindAny, nil
	}
	return v, kindPlain, nil
}

// isAmountSuffix reports whether t ends in a k, K or M that follows a digit,
// a point or a space (as in "150k" or "1.2 M"), rather than a time unit such
// as "wk".
func isAmountSuffix(t string) bool {
	n := len(t)
	switch t[n-1] {
	case 'k', 'K', 'M':
	default:
		return false
	}
	if n < 2 {
		return false
	}
	c := t[n-2]
	return isDigit(c) || c == '.' || c == ' '
}

// formatValue formats v as a duration if u is Time, else as a plain number.
func formatValue(v float64, u Unit) string {
	if u == Time {
		return formatHours(v)
	}
	return formatNumber(v)
}
