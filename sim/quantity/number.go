package quantity

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// ParseFraction parses a fraction written as a percentage ("10%" is 0.1) or
// as a number ("0.1"). It does not check the range: "150%" is 1.5 and "-5%"
// is -0.05.
func ParseFraction(s string) (float64, error) {
	t := strings.TrimSpace(s)
	if m, ok := strings.CutSuffix(t, "%"); ok {
		m = strings.TrimSpace(m)
		if !isDecimal(m) {
			return 0, fmt.Errorf("invalid percentage %q: want a number followed by %%, such as 10%% or 2.5%%", t)
		}
		// Shift the decimal point in the text rather than divide by 100, so
		// that "33.3%" gives exactly the float64 nearest 0.333.
		v, err := strconv.ParseFloat(m+"e-2", 64)
		if err != nil {
			return 0, fmt.Errorf("percentage %q out of range", t)
		}
		return v + 0, nil
	}
	v, err := parseNumber(t)
	if err != nil {
		return 0, fmt.Errorf("invalid fraction %q: want a number such as 0.1 or a percentage such as 10%%", t)
	}
	return v, nil
}

// ParseMoney parses an amount of money: digits with an optional k
// (thousand), M (million) or G (billion) suffix, and underscores or spaces
// between digit groups: "150000", "150k", "1.2M", "150 000", "150_000". A
// leading sign is accepted; range checks are the caller's. Currency
// symbols are not accepted.
func ParseMoney(s string) (float64, error) { return parseAmount(s) }

// ParseCount parses a count (of tasks, clients, leads, orders, people) in
// the grammar of [ParseMoney]: "583", "10.4k", "1.2M". Counts may be
// fractional, as means over replications are.
func ParseCount(s string) (float64, error) { return parseAmount(s) }

const amountHelp = "want digits with an optional k, M or G suffix, such as 150000, 150k, 1.2M or 150_000"

// parseAmount implements ParseMoney and ParseCount.
func parseAmount(s string) (float64, error) {
	t := strings.TrimSpace(s)
	if t == "" {
		return 0, fmt.Errorf("empty amount: %s", amountHelp)
	}
	exp := ""
	switch t[len(t)-1] {
	case 'k', 'K':
		exp = "e3"
	case 'M':
		exp = "e6"
	case 'G':
		exp = "e9"
	case 'm':
		return 0, fmt.Errorf("invalid amount %q: write millions with a capital M (m is minutes)", t)
	}
	m := t
	if exp != "" {
		m = strings.TrimSpace(t[:len(t)-1])
	}
	m, ok := ungroup(m)
	if !ok || !isNumber(m) || (exp != "" && strings.ContainsAny(m, "eE")) {
		return 0, fmt.Errorf("invalid amount %q: %s", t, amountHelp)
	}
	// "1.2M" is parsed as "1.2e6", which is correctly rounded; 1.2 * 1e6
	// might not be.
	v, err := strconv.ParseFloat(m+exp, 64)
	if err != nil {
		return 0, fmt.Errorf("amount %q out of range", t)
	}
	return v + 0, nil
}

// ungroup removes digit-group separators (underscore, space, no-break
// space, narrow no-break space) that stand between two digits. It reports
// false if a separator stands anywhere else.
func ungroup(s string) (string, bool) {
	if !strings.ContainsAny(s, "_ \u00a0\u202f") {
		return s, true
	}
	rs := []rune(s)
	var b strings.Builder
	for i, r := range rs {
		switch r {
		case '_', ' ', '\u00a0', '\u202f':
			if i == 0 || i == len(rs)-1 || !isDigitRune(rs[i-1]) || !isDigitRune(rs[i+1]) {
				return "", false
			}
			continue
		}
		b.WriteRune(r)
	}
	return b.String(), true
}

// parseNumber parses a plain signed decimal number (no grouping, no suffix).
func parseNumber(s string) (float64, error) {
	if !isNumber(s) {
		return 0, fmt.Errorf("invalid number %q", s)
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, fmt.Errorf("number %q out of range", s)
	}
	return v + 0, nil
}

// isNumber reports whether s is an optional sign followed by a decimal
// number with an optional exponent. Unlike strconv.ParseFloat it rejects
// "Inf", "NaN", hexadecimal floats and underscores.
func isNumber(s string) bool {
	if s != "" && (s[0] == '-' || s[0] == '+') {
		s = s[1:]
	}
	return s != "" && scanNumber(s) == len(s)
}

// isDecimal is isNumber without the exponent.
func isDecimal(s string) bool {
	return isNumber(s) && !strings.ContainsAny(s, "eE")
}

// scanNumber returns the length of the unsigned decimal number (digits, an
// optional fraction, an optional exponent) at the start of s, or 0 if s does
// not start with one.
func scanNumber(s string) int {
	i, digits := 0, 0
	for i < len(s) && isDigit(s[i]) {
		i++
		digits++
	}
	if i < len(s) && s[i] == '.' {
		i++
		for i < len(s) && isDigit(s[i]) {
			i++
			digits++
		}
	}
	if digits == 0 {
		return 0
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		j := i + 1
		if j < len(s) && (s[j] == '+' || s[j] == '-') {
			j++
		}
		k := j
		for k < len(s) && isDigit(s[k]) {
			k++
		}
		if k > j {
			i = k
		}
	}
	return i
}

func isDigit(c byte) bool     { return '0' <= c && c <= '9' }
func isDigitRune(r rune) bool { return '0' <= r && r <= '9' }
func isLetter(c byte) bool    { return 'a' <= c|0x20 && c|0x20 <= 'z' }

// Number formats x exactly: the shortest decimal that parses back to x,
// without an exponent unless x is very large or very small: 0.25, 150000,
// 1e-05.
func Number(x float64) string {
	if a := math.Abs(x); a == 0 || (a >= 1e-4 && a < 1e15) {
		return strconv.FormatFloat(x, 'f', -1, 64)
	}
	return strconv.FormatFloat(x, 'g', -1, 64)
}

// Percent formats a fraction exactly as a percentage, the shortest that
// [ParseFraction] reads back as f: 0.125 is "12.5%", 0.0035 "0.35%", 1
// "100%". Fractions whose percentage would need more than 20 zeros are
// written as plain fractions ("1e-30"), which ParseFraction reads too.
func Percent(f float64) string {
	switch {
	case math.IsNaN(f) || math.IsInf(f, 0):
		return dash
	case f == 0:
		return "0%"
	}
	// Shift the decimal point of f's shortest digits two places, as
	// ParseFraction does: the text then holds exactly those digits.
	e := strconv.FormatFloat(f, 'e', -1, 64) // "-1.2345e-01"
	mant, exp, _ := strings.Cut(e, "e")
	sign := ""
	if mant[0] == '-' {
		sign, mant = "-", mant[1:]
	}
	digits := strings.Replace(mant, ".", "", 1)
	n, _ := strconv.Atoi(exp)
	point := n + 3 // the decimal point follows this many digits
	switch {
	case point < -20 || point > len(digits)+20:
		return Number(f)
	case point <= 0:
		digits = "0." + strings.Repeat("0", -point) + digits
	case point >= len(digits):
		digits += strings.Repeat("0", point-len(digits))
	default:
		digits = digits[:point] + "." + digits[point:]
	}
	return sign + digits + "%"
}
