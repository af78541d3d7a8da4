package quantity

import (
	"math"
	"strconv"
	"strings"

	"github.com/salesim/salesim/sim/metric"
)

// dash stands for a value that is not a number: NaN, an infinity, or an
// interval that does not exist (fewer than two replications).
const dash = "—"

// Money formats an amount to three significant digits with a suffix k
// (from 1,000 on), M or G: 12.3M, 450k, 4M, 9.1k; below 1,000 as a whole
// number (950), below 100 to three significant digits (2.4, 0.867). A
// currency, if not "", follows after a space: "12.3M ₽", "450k EUR".
func Money(x float64, currency string) string {
	s := compact(x, 1e3)
	if currency == "" || s == dash {
		return s
	}
	return s + " " + currency
}

// Count formats a count, or a mean count, as [Money] does but with k only
// from 10,000 on: 10.4k, 1269, 583, 2.4.
func Count(x float64) string { return compact(x, 1e4) }

// Hours formats an amount of hours with the unit h: to three significant
// digits below 100 h (3.45h, 0.25h, 10h), in whole hours from there on
// (1269h, 30412h), since k is not a unit of time.
func Hours(h float64) string {
	if math.IsNaN(h) || math.IsInf(h, 0) {
		return dash
	}
	if r := round3(h); math.Abs(r) < 100 {
		return sig(r) + "h"
	}
	return strconv.FormatFloat(h, 'f', 0, 64) + "h"
}

// Share formats a fraction as a percentage to three significant digits:
// 0.2478 is "24.8%", 0.0345 "3.45%", 0.0016 "0.16%", 1 "100%".
func Share(f float64) string {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return dash
	}
	return sig(round3(100*f)) + "%"
}

// Format formats x in unit u: money with [Money] (in currency), hours with
// [Hours], shares with [Share], and counts (tasks, clients, leads, orders,
// people, or an unknown unit) with [Count].
func Format(x float64, u metric.Unit, currency string) string {
	switch u {
	case metric.Money:
		return Money(x, currency)
	case metric.Hours:
		return Hours(x)
	case metric.Share:
		return Share(x)
	}
	return Count(x)
}

// Signed is [Format] with a "+" before a positive value, for differences:
// "+1.2M", "-3.4%", "0".
func Signed(x float64, u metric.Unit, currency string) string {
	s := Format(x, u, currency)
	if x > 0 && s != dash {
		return "+" + s
	}
	return s
}

// PlusMinus formats a mean and the half-width of its 95 % interval:
// "12.3M ±4%", the half-width relative to the mean in whole percent; for
// shares in percentage points, "24.8% ±0.3"; for a zero mean in the unit,
// "0 ±0.5". A NaN half-width (a single replication) leaves the mean alone.
func PlusMinus(mean, halfWidth float64, u metric.Unit, currency string) string {
	m := Format(mean, u, currency)
	switch {
	case math.IsNaN(halfWidth) || m == dash:
		return m
	case u == metric.Share:
		return m + " ±" + strconv.FormatFloat(100*halfWidth, 'f', 1, 64)
	case mean != 0:
		return m + " ±" + strconv.FormatFloat(100*halfWidth/math.Abs(mean), 'f', 0, 64) + "%"
	}
	return m + " ±" + Format(halfWidth, u, currency)
}

// Interval formats an interval, "[11.8M, 12.8M]", or "—" if either end is
// NaN (fewer than two replications).
func Interval(lo, hi float64, u metric.Unit, currency string) string {
	if math.IsNaN(lo) || math.IsNaN(hi) {
		return dash
	}
	return "[" + Format(lo, u, currency) + ", " + Format(hi, u, currency) + "]"
}

// Scale returns a function that labels the ticks of an axis of unit u
// whose largest value in magnitude is top: every label takes the suffix of
// top, and shows the value exactly (to a millionth of that scale): 0,
// 2.5k, 5k, 7.5k, 10k. Money takes k from 1,000 on, other units from
// 10,000 on, as [Money] and [Count] do; shares are percentages (0%, 25%,
// 50%). Hours are labelled as counts, without the h of [Hours]: the axis
// title names the unit.
func Scale(top float64, u metric.Unit) func(v float64) string {
	top = math.Abs(top)
	kFrom := 1e4
	if u == metric.Money {
		kFrom = 1e3
	}
	div, suffix := 1.0, ""
	switch {
	case u == metric.Share:
		div, suffix = 0.01, "%"
	case top >= 1e9:
		div, suffix = 1e9, "G"
	case top >= 1e6:
		div, suffix = 1e6, "M"
	case top >= kFrom:
		div, suffix = 1e3, "k"
	}
	return func(v float64) string {
		switch {
		case math.IsNaN(v) || math.IsInf(v, 0):
			return dash
		case v == 0 && suffix != "%":
			return "0"
		}
		return strconv.FormatFloat(math.Round(v/div*1e6)/1e6+0, 'f', -1, 64) + suffix
	}
}

// compact formats x to three significant digits with a suffix k (from
// kFrom on), M or G; below kFrom as a whole number from 100 on, and to
// three significant digits below.
func compact(x, kFrom float64) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return dash
	}
	r := round3(x)
	a := math.Abs(r)
	switch {
	case a >= 1e9:
		return sig(r/1e9) + "G"
	case a >= 1e6:
		return sig(r/1e6) + "M"
	case a >= kFrom:
		return sig(r/1e3) + "k"
	case a >= 100:
		return strconv.FormatFloat(x, 'f', 0, 64)
	}
	return sig(r)
}

// round3 rounds x to three significant digits, correctly: as its decimal
// text to three digits.
func round3(x float64) float64 {
	r, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'g', 3, 64), 64)
	return r
}

// sig formats x, already rounded to three significant digits, without
// trailing zeros: 1.06, 14.8, 450, 4, 0.000015; with an exponent below a
// billionth.
func sig(x float64) string {
	a := math.Abs(x)
	switch {
	case a == 0:
		return "0"
	case a < 1e-9:
		return strconv.FormatFloat(x, 'g', 3, 64)
	}
	d := 2 - int(math.Floor(math.Log10(a)))
	s := strconv.FormatFloat(x, 'f', max(d, 0), 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	if s == "-0" {
		s = "0"
	}
	return s
}
