package dist

import (
	"strings"
	"testing"
)

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
		{"every 2d", 1.0 / 48},
		{"1k/mo", 1000.0 / 730},
		{"0", 0},
	} {
		got, err := ParseRate(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("ParseRate(%q) = %g, %v; want %g", tc.in, got, err, tc.want)
		}
	}
	for _, tc := range []struct{ in, want string }{
		{"12", `missing unit in rate "12"`},
		{"12/x", `unknown unit "x"`},
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
