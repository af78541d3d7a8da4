package dist

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"
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
		{"2 hours", math.NaN()}, // no spaces inside a duration
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
	} {
		got, err := ParseHours(tc.in)
		if math.IsNaN(tc.want) {
			if err == nil {
				t.Errorf("ParseHours(%q) = %g, want an error", tc.in, got)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("ParseHours(%q) = %g, %v; want %g", tc.in, got, err, tc.want)
		}
	}
}

func TestParseHoursErrors(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ in, want string }{
		{"4", `dist: missing unit in "4": use s, m, h, d, w, mo or y`},
		{"1h30", `missing unit in "1h30"`},
		{"4x", `unknown unit "x" in "4x": use s, m, h, d, w, mo or y`},
		{"4M", `unknown unit "M"`}, // M is the million suffix of amounts, never minutes
		{"-1h", `negative duration "-1h"`},
		{"", "empty duration"},
		{"h", `invalid duration "h"`},
		{"1e400h", "out of range"},
		{"Infh", `invalid duration "Infh"`},
	} {
		_, err := ParseHours(tc.in)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("ParseHours(%q) error = %v, want it to contain %q", tc.in, err, tc.want)
		}
	}
}

func TestFormatHours(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		h    float64
		want string
	}{
		{4, "4h"},
		{0.25, "15m"},
		{1.5, "90m"},
		{1.0 / 3, "20m"},
		{36, "36h"},
		{1680, "70d"}, // "10w" is as short; days are preferred
		{336, "2w"},
		{730, "1mo"},
		{8760, "1y"},
		{0.0001, "0.36s"},
		{0, "0h"},
	} {
		if got := formatHours(tc.h); got != tc.want {
			t.Errorf("formatHours(%g) = %q, want %q", tc.h, got, tc.want)
		}
	}
	// Whatever the unit chosen, the text reads back exactly.
	r := rand.New(rand.NewPCG(1, 1))
	for range 10000 {
		h := math.Exp(r.NormFloat64() * 10)
		if r.IntN(2) == 0 {
			h = math.Round(h*60) / 60 // whole minutes
		}
		s := formatHours(h)
		if back, err := parseDuration(s); err != nil || back != h {
			t.Fatalf("formatHours(%v) = %q, which reads back as %v, %v", h, s, back, err)
		}
	}
}
