package charts

import (
	"math"
	"strconv"
	"strings"

	"gonum.org/v1/plot"
)

// Money formats an amount compactly to three significant digits: 12.3M,
// 450k, 4.00M, 950. It is the format of every money label.
func Money(x float64) string { return compact(x, 1e3) }

// Count formats a count or an amount of hours: 10.4k, 583, 2.4, 0.87.
// Thousands get a k from 10,000 on.
func Count(x float64) string { return compact(x, 1e4) }

// compact formats x to three significant digits with a suffix k (from
// kFrom on), M or G; below kFrom whole numbers from 100 on, and small
// values without trailing zeros.
func compact(x, kFrom float64) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return "—"
	}
	r := round3(x)
	a := math.Abs(r)
	switch {
	case a >= 1e9:
		return sig3(r/1e9) + "G"
	case a >= 1e6:
		return sig3(r/1e6) + "M"
	case a >= kFrom:
		return sig3(r/1e3) + "k"
	case a >= 100:
		return strconv.FormatFloat(x, 'f', 0, 64)
	case a == 0:
		return "0"
	}
	return sig(r)
}

// round3 rounds x to three significant digits.
func round3(x float64) float64 {
	if x == 0 {
		return 0
	}
	p := math.Pow(10, 2-math.Floor(math.Log10(math.Abs(x))))
	return math.Round(x*p) / p
}

// Percent formats a share as a percentage with one decimal: 24.8%.
func Percent(x float64) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return "—"
	}
	return strconv.FormatFloat(100*x, 'f', 1, 64) + "%"
}

// sig formats x to three significant digits without an exponent and
// without trailing zeros: 1.06, 14.8, 450.
func sig(x float64) string {
	if x == 0 {
		return "0"
	}
	d := 2 - int(math.Floor(math.Log10(math.Abs(x))))
	if d < 0 {
		d = 0
	}
	s := strconv.FormatFloat(x, 'f', d, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	if s == "-0" {
		s = "0"
	}
	return s
}

// ticks is a plot.Ticker placing about five labelled ticks at round
// values (1, 2, 2.5 or 5 times a power of ten), five unless n says. All labels take the
// suffix of the largest: 0, 2.5k, 5k, 7.5k, 10k. Thousands are shown as
// k from kFrom on; a zero kFrom makes a percentage ticker.
type ticks struct {
	kFrom float64
	n     int // about how many ticks; 0 means 5
}

// Ticks implements plot.Ticker.
func (tk ticks) Ticks(min, max float64) []plot.Tick {
	n := tk.n
	if n == 0 {
		n = 5
	}
	vals := niceTicks(min, max, n)
	top := 0.0
	for _, v := range vals {
		top = math.Max(top, math.Abs(v))
	}
	div, suffix := 1.0, ""
	switch {
	case tk.kFrom == 0:
		div, suffix = 0.01, "%"
	case top >= 1e9:
		div, suffix = 1e9, "G"
	case top >= 1e6:
		div, suffix = 1e6, "M"
	case top >= tk.kFrom:
		div, suffix = 1e3, "k"
	}
	ts := make([]plot.Tick, len(vals))
	for i, v := range vals {
		ts[i] = plot.Tick{Value: v, Label: strconv.FormatFloat(math.Round(v/div*1e6)/1e6, 'f', -1, 64) + suffix}
		if v == 0 {
			ts[i].Label = "0"
			if suffix == "%" {
				ts[i].Label = "0%"
			}
		}
	}
	return ts
}

// niceTicks returns round values covering [min, max], their number as
// close to n as the steps 1, 2, 2.5 and 5 times a power of ten allow
// (the larger step on a tie).
func niceTicks(min, max float64, n int) []float64 {
	if !(max > min) || math.IsInf(max-min, 0) {
		return []float64{min}
	}
	count := func(step float64) int {
		return int(math.Floor(max/step+1e-9) - math.Ceil(min/step-1e-9) + 1)
	}
	e := math.Floor(math.Log10((max - min) / float64(n)))
	best, bestD := 0.0, math.MaxInt
	for _, p := range []float64{e - 1, e, e + 1} {
		for _, s := range []float64{1, 2, 2.5, 5} {
			step := s * math.Pow(10, p)
			d := count(step) - n
			if d < 0 {
				d = -d
			}
			if d < bestD || (d == bestD && step > best) {
				best, bestD = step, d
			}
		}
	}
	var out []float64
	for k := math.Ceil(min/best - 1e-9); k*best <= max+best*1e-9; k++ {
		v := k * best
		if math.Abs(v) < best*1e-9 {
			v = 0
		}
		out = append(out, v)
	}
	return out
}

var (
	moneyTicks   = ticks{kFrom: 1e3}
	countTicks   = ticks{kFrom: 1e4}
	percentTicks = ticks{} // shares as percentages: 0%, 25%
)

// unitLabel returns an axis label for a quantity in a unit: "cost (EUR)",
// or the bare quantity without a currency.
func (m *Meta) moneyLabel(quantity string) string {
	if m.Currency == "" {
		return quantity
	}
	return quantity + " (" + m.Currency + ")"
}

// pretty turns a snake_case name into words: cold_call → cold call.
func pretty(s string) string { return strings.ReplaceAll(s, "_", " ") }

// capitalize returns s with its first letter in upper case.
func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// sparse returns tk with about three ticks, for narrow panels.
func sparse(tk ticks) ticks {
	tk.n = 3
	return tk
}

// sig3 formats x, already rounded to three significant digits, keeping
// trailing zeros: 4.00, 10.0, 450.
func sig3(x float64) string {
	if x == 0 {
		return "0"
	}
	d := 2 - int(math.Floor(math.Log10(math.Abs(x))))
	return strconv.FormatFloat(x, 'f', max(d, 0), 64)
}

// logTicks labels the powers of ten in range, with unlabelled ticks at 2
// and 5 times them: 1, 10, 100, 1000, 10k.
type logTicks struct{}

// Ticks implements plot.Ticker.
func (logTicks) Ticks(min, max float64) []plot.Tick {
	var ts []plot.Tick
	for e := math.Floor(math.Log10(min)); e <= math.Ceil(math.Log10(max)); e++ {
		p := math.Pow(10, e)
		for _, k := range []float64{1, 2, 5} {
			v := k * p
			if v < min*(1-1e-9) || v > max*(1+1e-9) {
				continue
			}
			t := plot.Tick{Value: v}
			if k == 1 {
				t.Label = powerLabel(v)
			}
			ts = append(ts, t)
		}
	}
	return ts
}

// powerLabel labels a power of ten: 1, 10, 100, 1000, 10k, 100k, 1M.
func powerLabel(v float64) string {
	switch {
	case v >= 1e9:
		return strconv.FormatFloat(v/1e9, 'f', -1, 64) + "G"
	case v >= 1e6:
		return strconv.FormatFloat(v/1e6, 'f', -1, 64) + "M"
	case v >= 1e4:
		return strconv.FormatFloat(v/1e3, 'f', -1, 64) + "k"
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}
