package report

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/salesim/salesim/sim/stats"
)

// value formats x by unit: money and counts compactly (12.3M, 450k, 583,
// 2.4), shares as percentages (24.8%), hours with "h".
func value(x float64, unit string) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return "—"
	}
	switch unit {
	case "share":
		return strconv.FormatFloat(100*x, 'f', 1, 64) + "%"
	case "hours":
		return compact(x, 1e4) + " h"
	case "money":
		return compact(x, 1e3)
	}
	return compact(x, 1e4)
}

// signed formats a difference with its sign.
func signed(x float64, unit string) string {
	s := value(x, unit)
	if x > 0 {
		return "+" + s
	}
	return s
}

// interval formats the 95 % interval of s: "[13.5M, 16.1M]", or "—".
func interval(s stats.Summary, unit string) string {
	if math.IsNaN(s.Lo) || math.IsNaN(s.Hi) {
		return "—"
	}
	return "[" + value(s.Lo, unit) + ", " + value(s.Hi, unit) + "]"
}

// plusMinus formats "mean ±h" with h relative for counts and money and in
// points for shares: "14.8M ±9%", "24.8% ±0.3".
func plusMinus(s stats.Summary, unit string) string {
	m := value(s.Mean, unit)
	h := s.HalfWidth()
	switch {
	case math.IsNaN(h):
		return m
	case unit == "share":
		return fmt.Sprintf("%s ±%.1f", m, 100*h)
	case s.Mean != 0:
		return fmt.Sprintf("%s ±%.0f%%", m, 100*h/math.Abs(s.Mean))
	}
	return m + " ±" + value(h, unit)
}

// compact formats x to three significant digits with a suffix k (from
// kFrom on), M or G; below kFrom whole numbers from 100 on.
func compact(x, kFrom float64) string {
	r := x
	if x != 0 {
		p := math.Pow(10, 2-math.Floor(math.Log10(math.Abs(x))))
		r = math.Round(x*p) / p
	}
	a := math.Abs(r)
	digits := func(v float64) string {
		d := 2 - int(math.Floor(math.Log10(math.Abs(v))))
		return strconv.FormatFloat(v, 'f', max(d, 0), 64)
	}
	switch {
	case a >= 1e9:
		return digits(r/1e9) + "G"
	case a >= 1e6:
		return digits(r/1e6) + "M"
	case a >= kFrom:
		return digits(r/1e3) + "k"
	case a >= 100:
		return strconv.FormatFloat(x, 'f', 0, 64)
	case a == 0:
		return "0"
	}
	s := strconv.FormatFloat(r, 'f', max(2-int(math.Floor(math.Log10(a))), 0), 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}

// percent formats a probability: "42%", or with one decimal below 10 % and
// above 90 %: "3.3%".
func percent(x float64) string {
	if math.IsNaN(x) {
		return "—"
	}
	if x < 0.1 || x > 0.9 {
		return strconv.FormatFloat(100*x, 'f', 1, 64) + "%"
	}
	return strconv.FormatFloat(100*x, 'f', 0, 64) + "%"
}

// excludesZero reports whether the interval of a difference lies on one
// side of 0: the designs differ at the 95 % level.
func excludesZero(s stats.Summary) bool {
	return !math.IsNaN(s.Lo) && (s.Lo > 0 || s.Hi < 0)
}
