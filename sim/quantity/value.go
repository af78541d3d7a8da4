package quantity

import (
	"errors"
	"fmt"
	"strings"

	"github.com/salesim/salesim/sim/metric"
)

// Kind is what a value was written as, for parsers that learn the unit
// from the text.
type Kind uint8

// Kinds of values.
const (
	KindZero  Kind = iota // a bare zero, which fits a duration as well as a count
	KindPlain             // a plain number, amount or percentage
	KindTime              // a duration, or a rate per unit of time
)

// ParseValue parses a value whose unit the text says: a duration ("4h",
// "10 minutes", "1h30m"), returned in hours with [KindTime]; a plain number
// or amount ("3", "150k", "1.2 M", "150_000") or a percentage ("10%"),
// with [KindPlain]; or a bare zero, with [KindZero]. Negative values are
// returned as such; ranges are the caller's.
func ParseValue(s string) (float64, Kind, error) {
	t := strings.TrimSpace(s)
	if t == "" {
		return 0, 0, errors.New("missing value")
	}
	if strings.HasSuffix(t, "%") {
		v, err := ParseFraction(t)
		return v, KindPlain, err
	}
	if c := t[len(t)-1]; isLetter(c) && !isAmountSuffix(t) {
		h, err := parseDuration(t)
		return h, KindTime, err
	}
	v, err := parseAmount(t)
	if err != nil {
		return 0, 0, err
	}
	if v == 0 {
		return 0, KindZero, nil
	}
	return v, KindPlain, nil
}

// isAmountSuffix reports whether t ends in a k, K, M or G that follows a
// digit, a point or a space (as in "150k" or "1.2 M"), rather than a time
// unit such as "wk".
func isAmountSuffix(t string) bool {
	n := len(t)
	switch t[n-1] {
	case 'k', 'K', 'M', 'G':
	default:
		return false
	}
	if n < 2 {
		return false
	}
	c := t[n-2]
	return isDigit(c) || c == '.' || c == ' '
}

// Parse parses a value of unit u: money and counts as [ParseMoney] does,
// hours as [ParseHours], shares as [ParseFraction]. It reads back the
// display texts of [Format] (without a currency).
func Parse(s string, u metric.Unit) (float64, error) {
	switch u {
	case metric.Money:
		return ParseMoney(s)
	case metric.Hours:
		return ParseHours(s)
	case metric.Share:
		return ParseFraction(s)
	case metric.Tasks, metric.Clients, metric.Leads, metric.Orders, metric.People:
		return ParseCount(s)
	}
	return 0, fmt.Errorf("unknown unit %q: want money, hours, share, tasks, clients, leads, orders or people", string(u))
}
