package quantity

import (
	"errors"
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"
)

// Durations in hours, the project's time unit. A month is a twelfth of a
// 365-day year, so that twelve months make a year.
const (
	Second float64 = 1.0 / 3600
	Minute float64 = 1.0 / 60
	Hour   float64 = 1
	Day    float64 = 24
	Week   float64 = 7 * Day
	Month  float64 = Year / 12
	Year   float64 = 365 * Day
)

// timeUnit is a unit of time as written in text, worth num/den hours.
type timeUnit struct {
	sym      string // canonical symbol, used by Duration and Span
	num, den int64  // hours per unit = num/den
}

// hours returns the length of the unit in hours as a rational.
func (u timeUnit) hours() *big.Rat { return big.NewRat(u.num, u.den) }

// fromHours converts h hours to units, in floating point (used only to
// propose a text, which is then checked by parsing it back).
func (u timeUnit) fromHours(h float64) float64 {
	return h * float64(u.den) / float64(u.num)
}

var (
	unitSecond = timeUnit{"s", 1, 3600}
	unitMinute = timeUnit{"m", 1, 60}
	unitHour   = timeUnit{"h", 1, 1}
	unitDay    = timeUnit{"d", 24, 1}
	unitWeek   = timeUnit{"w", 168, 1}
	unitMonth  = timeUnit{"mo", 730, 1}
	unitYear   = timeUnit{"y", 8760, 1}
)

// timeUnits maps every accepted spelling to its unit.
var timeUnits = map[string]timeUnit{
	"s": unitSecond, "sec": unitSecond, "secs": unitSecond, "second": unitSecond, "seconds": unitSecond,
	"m": unitMinute, "min": unitMinute, "mins": unitMinute, "minute": unitMinute, "minutes": unitMinute,
	"h": unitHour, "hr": unitHour, "hrs": unitHour, "hour": unitHour, "hours": unitHour,
	"d": unitDay, "day": unitDay, "days": unitDay,
	"w": unitWeek, "wk": unitWeek, "wks": unitWeek, "week": unitWeek, "weeks": unitWeek,
	"mo": unitMonth, "month": unitMonth, "months": unitMonth,
	"y": unitYear, "yr": unitYear, "yrs": unitYear, "year": unitYear, "years": unitYear,
}

// lookupUnit returns the time unit spelled name. Units are case-sensitive:
// M is the million suffix of amounts, not minutes.
func lookupUnit(name string) (timeUnit, bool) {
	u, ok := timeUnits[name]
	return u, ok
}

// unitHelp says which time units are allowed.
const unitHelp = "use s, m, h, d, w, mo or y, or a name such as minutes, hours or days"

// durationHelp says what a duration looks like.
const durationHelp = "want a number with a unit, such as 15m, 4h, 10 minutes or 70d"

// ParseHours parses a non-negative duration and returns it in hours:
// "90s", "15m", "15min" or "15 minutes", "4h", "1.5 hours", "70d", "2w",
// "12mo" (a month is 730 h), "1y" (8760 h), and sums such as "1h30m" or
// "1 h 30 min". A bare number is an error, except zero: "0" is 0.
func ParseHours(s string) (float64, error) {
	t := strings.TrimSpace(s)
	if v, err := parseNumber(t); err == nil && v == 0 {
		return 0, nil
	}
	h, err := parseDuration(t)
	if err != nil {
		return 0, err
	}
	if h < 0 {
		return 0, fmt.Errorf("negative duration %q: durations must be >= 0", t)
	}
	return h, nil
}

// parseDuration parses a signed duration with units into hours.
func parseDuration(s string) (float64, error) {
	r, err := parseDurationRat(s)
	if err != nil {
		return 0, err
	}
	return ratFloat(r, s, "duration")
}

// parseDurationRat parses a signed duration with units into an exact
// number of hours. Spaces may separate a number from its unit and one
// term of a sum from the next.
func parseDurationRat(s string) (*big.Rat, error) {
	t := strings.TrimSpace(s)
	if t == "" {
		return nil, errors.New("empty duration: " + durationHelp)
	}
	rest, neg := t, false
	switch rest[0] {
	case '-':
		neg, rest = true, rest[1:]
	case '+':
		rest = rest[1:]
	}
	if rest == "" {
		return nil, fmt.Errorf("invalid duration %q: %s", t, durationHelp)
	}
	total := new(big.Rat)
	for rest != "" {
		n := scanNumber(rest)
		if n == 0 {
			return nil, fmt.Errorf("invalid duration %q: %s", t, durationHelp)
		}
		v, err := decimalRat(rest[:n])
		if err != nil {
			return nil, fmt.Errorf("duration %q out of range", t)
		}
		rest = strings.TrimLeft(rest[n:], " ")
		j := 0
		for j < len(rest) && isLetter(rest[j]) {
			j++
		}
		if j == 0 {
			return nil, fmt.Errorf("missing unit in %q: %s", t, unitHelp)
		}
		u, ok := lookupUnit(rest[:j])
		if !ok {
			return nil, fmt.Errorf("unknown unit %q in %q: %s", rest[:j], t, unitHelp)
		}
		rest = strings.TrimLeft(rest[j:], " ")
		total.Add(total, v.Mul(v, u.hours()))
	}
	if neg {
		total.Neg(total)
	}
	return total, nil
}

// decimalRat parses an unsigned decimal number, as accepted by scanNumber,
// into an exact rational. Numbers beyond the range of float64 are an error;
// numbers that underflow it are 0, which also keeps huge negative exponents
// from building huge rationals.
func decimalRat(s string) (*big.Rat, error) {
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return nil, err
	}
	if f == 0 {
		return new(big.Rat), nil
	}
	r, ok := new(big.Rat).SetString(s)
	if !ok {
		return nil, fmt.Errorf("invalid number %q", s)
	}
	return r, nil
}

// ratFloat rounds r to the nearest float64, reporting overflow as an error
// about the text s (a "duration" or a "rate").
func ratFloat(r *big.Rat, s, what string) (float64, error) {
	f, _ := r.Float64()
	if math.IsInf(f, 0) {
		return 0, fmt.Errorf("%s %q out of range", what, strings.TrimSpace(s))
	}
	return f + 0, nil // + 0 turns -0 into 0
}

// durationUnits lists the units tried by Duration: hours first, then the
// others in order of preference when two texts are equally short.
var durationUnits = []timeUnit{unitHour, unitDay, unitMinute, unitWeek, unitMonth, unitYear, unitSecond}

// Duration formats h hours exactly, in the unit that gives the shortest
// text that [ParseHours] reads back as h: 0.25 is "15m", 1680 is "70d"
// ("10w" is as short; days come first), 8760 is "1y", 4 is "4h", 0 is
// "0h". Negative durations keep their sign.
func Duration(h float64) string {
	best := Number(h) + "h"
	for _, u := range durationUnits[1:] {
		v := u.fromHours(h)
		if math.IsInf(v, 0) {
			continue
		}
		// v is computed in floating point and may be off by an ulp
		// (0.0001 h is 0.36000000000000004 s); try it rounded to 12
		// significant digits too. The parse-back check keeps only exact texts.
		r, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 12, 64), 64)
		for _, x := range [2]float64{r, v} {
			num := Number(x)
			s := num + u.sym
			// Another unit must give a shorter text, and a round number:
			// 957080.5926616563s is no better than 265.85572018379344h.
			if len(s) < len(best) && len(num) <= 8 {
				if back, err := parseDuration(s); err == nil && back == h {
					best = s
					break
				}
			}
		}
	}
	return best
}

// Span formats a span of calendar time from a scenario (a horizon, a
// warm-up, a mean delay) for people: exactly, as [Duration] does, when
// that takes at most six characters ("12mo", "70d", "90m", "1.5h"), else
// to three significant digits in days from two days on, in hours from one
// hour on and in minutes below ("77.3d", "26.4h", "12.5m").
func Span(h float64) string {
	switch {
	case math.IsNaN(h) || math.IsInf(h, 0):
		return dash
	case h < 0:
		return "-" + Span(-h)
	}
	if s := Duration(h); len(s) <= 6 {
		return s
	}
	switch {
	case h >= 2*Day:
		return sig(round3(h/Day)) + unitDay.sym
	case h >= Hour:
		return sig(round3(h)) + unitHour.sym
	}
	return sig(round3(h/Minute)) + unitMinute.sym
}
