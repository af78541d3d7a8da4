package quantity

import (
	"strings"
	"testing"

	"github.com/salesim/salesim/sim/metric"
)

func TestParseHours(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in   string
		want float64
	}{
		{"90s", 0.025},
		{"15m", 0.25},
		{"15min", 0.25},
		{"4h", 4},
		{"1.5h", 1.5},
		{"1h30m", 1.5},
		{"2hours", 2},
		{"70d", 1680},
		{"2w", 336},
		{"12mo", 8760},
		{"1mo", 730},
		{"1y", 8760},
		{"1yr", 8760},
		{"0.1d", 2.4}, // exact rational conversion: 0.1 × 24 in float64 is 2.4000000000000004
		{"1h20m", 4.0 / 3},
		{"0", 0},
		{"0.0", 0},
		{"0h", 0},
		{" 4h ", 4},
		// A space may separate a number from its unit, and the terms of a sum.
		{"10 minutes", 10.0 / 60},
		{"10 min", 10.0 / 60},
		{"1 minute", 1.0 / 60},
		{"2 hours", 2},
		{"1 hour", 1},
		{"3 days", 72},
		{"1 day", 24},
		{"2 weeks", 336},
		{"1 week", 168},
		{"6 months", 4380},
		{"1 month", 730},
		{"2 years", 17520},
		{"1 year", 8760},
		{"1 h 30 min", 1.5},
		{"1h 30m", 1.5},
	} {
		got, err := ParseHours(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("ParseHours(%q) = %g, %v; want %g", tc.in, got, err, tc.want)
		}
	}
}

func TestParseHoursErrors(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ in, want string }{
		{"4", `missing unit in "4": use s, m, h, d, w, mo or y, or a name such as minutes, hours or days`},
		{"1h30", `missing unit in "1h30"`},
		{"3x", `unknown unit "x" in "3x": use s, m, h, d, w, mo or y, or a name such as minutes, hours or days`},
		{"4M", `unknown unit "M"`}, // M is the million suffix of amounts, never minutes
		{"4 H", `unknown unit "H"`},
		{"10 Minutes", `unknown unit "Minutes"`}, // units are case-sensitive
		{"10 minuets", `unknown unit "minuets" in "10 minuets"`},
		{"1 500h", `missing unit in "1 500h"`},
		{"-1h", `negative duration "-1h": durations must be >= 0`},
		{"", "empty duration: want a number with a unit, such as 15m, 4h, 10 minutes or 70d"},
		{"h", `invalid duration "h"`},
		{"1e400h", "out of range"},
		{"Infh", `invalid duration "Infh"`},
	} {
		_, err := ParseHours(tc.in)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("ParseHours(%q) error = %v, want it to contain %q", tc.in, err, tc.want)
		}
		if err != nil && (strings.HasPrefix(err.Error(), "quantity:") || strings.HasPrefix(err.Error(), "dist:")) {
			t.Errorf("ParseHours(%q) error %q has a package prefix", tc.in, err)
		}
	}
}

func TestParseRate(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in   string
		want float64
	}{
		{"12/h", 12},
		{"40/week", 40.0 / 168},
		{"40/w", 40.0 / 168},
		{"3/day", 0.125},
		{"3/d", 0.125},
		{"100/mo", 100.0 / 730},
		{"100/month", 100.0 / 730},
		{"5/yr", 5.0 / 8760},
		{"5/y", 5.0 / 8760},
		{"0.5/min", 30},
		{"3/2h", 1.5},
		{"3/2 hours", 1.5},
		{"12 / h", 12},
		{"12 per hour", 12},
		{"40 per week", 40.0 / 168},
		{"3 per 2 hours", 1.5},
		{"every 2d", 1.0 / 48},
		{"every 2 days", 1.0 / 48},
		{"1k/mo", 1000.0 / 730},
		{"0", 0},
	} {
		got, err := ParseRate(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("ParseRate(%q) = %g, %v; want %g", tc.in, got, err, tc.want)
		}
	}
	for _, tc := range []struct{ in, want string }{
		{"12", `missing unit in rate "12": write it as 12/h, 3/day, 40/week, 12 per hour or every 2d`},
		{"12/x", `unknown unit "x" in rate "12/x": use s, m, h`},
		{"12 per fortnight", `unknown unit "fortnight"`},
		{"-1/h", "negative rate"},
		{"1/0h", "the period must be > 0"},
		{"every 0h", "the interval must be > 0"},
		{"12/", "empty duration"},
		{"x/h", `invalid amount "x"`},
	} {
		_, err := ParseRate(tc.in)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("ParseRate(%q) error = %v, want it to contain %q", tc.in, err, tc.want)
		}
	}
}

func TestParseFraction(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in   string
		want float64
	}{
		{"10%", 0.1},
		{"0.1", 0.1},
		{"33.3%", 0.333}, // the point is shifted in the text: exactly the float64 nearest 0.333
		{"150%", 1.5},
		{"-5%", -0.05},
		{"10 %", 0.1},
		{"1e-3", 0.001},
	} {
		got, err := ParseFraction(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("ParseFraction(%q) = %g, %v; want %g", tc.in, got, err, tc.want)
		}
	}
	for _, tc := range []struct{ in, want string }{
		{"", `invalid fraction ""`},
		{"%", `invalid percentage "%": want a number followed by %, such as 10% or 2.5%`},
		{"ten%", `invalid percentage "ten%"`},
		{"1e2%", `invalid percentage "1e2%"`},
		{"0.1.2", `invalid fraction "0.1.2": want a number such as 0.1 or a percentage such as 10%`},
		{"NaN", `invalid fraction "NaN"`},
		{"Inf", `invalid fraction "Inf"`},
	} {
		if _, err := ParseFraction(tc.in); err == nil || err.Error() != tc.want && !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("ParseFraction(%q) error = %v, want %q", tc.in, err, tc.want)
		}
	}
}

func TestParseMoney(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in   string
		want float64
	}{
		{"150000", 150000},
		{"150k", 150000},
		{"150K", 150000},
		{"1.2M", 1.2e6},
		{"1.23456789M", 1234567.89}, // "1.23456789e6", correctly rounded
		{"2.5G", 2.5e9},
		{"150 000", 150000},
		{"150_000", 150000},
		{"1\u00a0000\u00a0000", 1e6},
		{"1 500k", 1.5e6},
		{"-2k", -2000},
		{"1e6", 1e6},
	} {
		got, err := ParseMoney(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("ParseMoney(%q) = %g, %v; want %g", tc.in, got, err, tc.want)
		}
	}
	for _, tc := range []struct{ in, want string }{
		{"1.2m", "capital M"},
		{"$100", `invalid amount "$100"`},
		{"100 EUR", `invalid amount "100 EUR"`},
		{"150,000", "150k"}, // the message lists what is allowed
		{"_150", "150_000"},
		{"1__000", "invalid amount"},
		{"1e3k", "invalid amount"},
		{"", "empty amount"},
		{"k", "invalid amount"},
	} {
		_, err := ParseMoney(tc.in)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("ParseMoney(%q) error = %v, want it to contain %q", tc.in, err, tc.want)
		}
	}
}

func TestParseValue(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in   string
		want float64
		kind Kind
	}{
		{"4h", 4, KindTime},
		{"10 minutes", 10.0 / 60, KindTime},
		{"2wk", 336, KindTime}, // wk is weeks, not a thousand
		{"0h", 0, KindTime},
		{"-1h", -1, KindTime},
		{"3", 3, KindPlain},
		{"150k", 150000, KindPlain},
		{"1.2 M", 1.2e6, KindPlain},
		{"2.5G", 2.5e9, KindPlain},
		{"10%", 0.1, KindPlain},
		{"0", 0, KindZero},
		{"0k", 0, KindZero},
	} {
		got, k, err := ParseValue(tc.in)
		if err != nil || got != tc.want || k != tc.kind {
			t.Errorf("ParseValue(%q) = %g, %d, %v; want %g, %d", tc.in, got, k, err, tc.want, tc.kind)
		}
	}
	for _, in := range []string{"", "4x", "x", "1__0", "ten%"} {
		if _, _, err := ParseValue(in); err == nil {
			t.Errorf("ParseValue(%q): no error", in)
		}
	}
}

func TestParseRateRat(t *testing.T) {
	t.Parallel()
	// 40/week is exactly 40/168 an hour, so its reciprocal is exactly 4.2 h.
	r, k, err := ParseRateRat("40/week")
	if err != nil || k != KindTime {
		t.Fatalf("ParseRateRat(40/week) = %v, %d, %v", r, k, err)
	}
	if gap, _ := r.Inv(r).Float64(); gap != 4.2 {
		t.Errorf("1/(40/week) = %v h, want 4.2", gap)
	}
	if _, k, _ := ParseRateRat("0.5"); k != KindPlain {
		t.Errorf("ParseRateRat(0.5) kind %d, want KindPlain", k)
	}
	if _, k, _ := ParseRateRat("0"); k != KindZero {
		t.Errorf("ParseRateRat(0) kind %d, want KindZero", k)
	}
}

func TestParseByUnit(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in   string
		unit metric.Unit
		want float64
	}{
		{"12.3M", metric.Money, 12.3e6},
		{"3.45h", metric.Hours, 3.45},
		{"24.8%", metric.Share, 0.248},
		{"10.4k", metric.Tasks, 10400},
		{"583", metric.Clients, 583},
		{"2.4", metric.Leads, 2.4},
		{"1269", metric.Orders, 1269},
		{"4.91", metric.People, 4.91},
	} {
		got, err := Parse(tc.in, tc.unit)
		if err != nil || got != tc.want {
			t.Errorf("Parse(%q, %s) = %g, %v; want %g", tc.in, tc.unit, got, err, tc.want)
		}
	}
	if _, err := Parse("1", "furlongs"); err == nil || !strings.Contains(err.Error(), `unknown unit "furlongs"`) {
		t.Errorf("Parse with an unknown unit: error %v", err)
	}
	if _, err := Parse("3.45", metric.Hours); err == nil {
		t.Error("Parse(3.45, hours): no error for a duration without a unit")
	}
}
