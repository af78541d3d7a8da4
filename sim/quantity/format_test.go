package quantity

import (
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/salesim/salesim/sim/metric"
)

func TestDuration(t *testing.T) {
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
		if got := Duration(tc.h); got != tc.want {
			t.Errorf("Duration(%g) = %q, want %q", tc.h, got, tc.want)
		}
	}
	// Whatever the unit chosen, the text reads back exactly.
	r := rand.New(rand.NewPCG(1, 1))
	for range 10000 {
		h := math.Exp(r.NormFloat64() * 10)
		if r.IntN(2) == 0 {
			h = math.Round(h*60) / 60 // whole minutes
		}
		s := Duration(h)
		if back, err := ParseHours(s); err != nil || back != h {
			t.Fatalf("Duration(%v) = %q, which reads back as %v, %v", h, s, back, err)
		}
	}
}

func TestNumberAndPercentExact(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		f           float64
		number, pct string
	}{
		{0, "0", "0%"},
		{0.125, "0.125", "12.5%"},
		{0.0035, "0.0035", "0.35%"},
		{0.07, "0.07", "7%"}, // 0.07 × 100 is 7.000000000000001 in float64; the text is shifted instead
		{1, "1", "100%"},
		{-0.05, "-0.05", "-5%"},
		{1.5, "1.5", "150%"},
		{1.0 / 3, "0.3333333333333333", "33.33333333333333%"},
		{1e-5, "1e-05", "0.001%"},
		{1e-30, "1e-30", "1e-30"}, // too many zeros for a percentage: a plain fraction
		{150000, "150000", "15000000%"},
	} {
		if got := Number(tc.f); got != tc.number {
			t.Errorf("Number(%g) = %q, want %q", tc.f, got, tc.number)
		}
		if got := Percent(tc.f); got != tc.pct {
			t.Errorf("Percent(%g) = %q, want %q", tc.f, got, tc.pct)
		}
	}
	// Both read back exactly.
	r := rand.New(rand.NewPCG(1, 2))
	for range 10000 {
		f := r.Float64() * math.Pow(10, float64(r.IntN(30)-20))
		if r.IntN(2) == 0 {
			f = -f
		}
		for _, s := range []string{Number(f), Percent(f)} {
			if back, err := ParseFraction(s); err != nil || back != f {
				t.Fatalf("%v formats as %q, which reads back as %v, %v", f, s, back, err)
			}
		}
	}
}

func TestFormat(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		x                          float64
		money, count, hours, share string
	}{
		{0, "0", "0", "0h", "0%"},
		{0.8667, "0.867", "0.867", "0.867h", "86.7%"},
		{2.4, "2.4", "2.4", "2.4h", "240%"},
		{7.43, "7.43", "7.43", "7.43h", "743%"},
		{9.117, "9.12", "9.12", "9.12h", "912%"},
		{99.96, "100", "100", "100h", ""},
		{950, "950", "950", "950h", ""},
		{1268.6, "1.27k", "1269", "1269h", ""},
		{9100, "9.1k", "9100", "9100h", ""},
		{10388, "10.4k", "10.4k", "10388h", ""},
		{32360, "32.4k", "32.4k", "32360h", ""},
		{450000, "450k", "450k", "450000h", ""},
		{999600, "1M", "1M", "999600h", ""},
		{4.0045e6, "4M", "4M", "4004500h", ""},
		{1.478e7, "14.8M", "14.8M", "14780000h", ""},
		{-1.03e6, "-1.03M", "-1.03M", "-1030000h", ""},
		{2.5e9, "2.5G", "2.5G", "2500000000h", ""},
		{0.2478, "0.248", "0.248", "0.248h", "24.8%"},
		{0.0345, "0.0345", "0.0345", "0.0345h", "3.45%"},
		{0.99999, "1", "1", "1h", "100%"},
		{1.5e-5, "0.000015", "0.000015", "0.000015h", "0.0015%"},
		{-0.0001, "-0.0001", "-0.0001", "-0.0001h", "-0.01%"},
		{math.NaN(), "—", "—", "—", "—"},
		{math.Inf(1), "—", "—", "—", "—"},
	} {
		for _, c := range []struct {
			unit metric.Unit
			want string
		}{{metric.Money, tc.money}, {metric.Tasks, tc.count}, {metric.Hours, tc.hours}, {metric.Share, tc.share}} {
			if c.want == "" {
				continue // not a share
			}
			if got := Format(tc.x, c.unit, ""); got != c.want {
				t.Errorf("Format(%g, %s) = %q, want %q", tc.x, c.unit, got, c.want)
			}
		}
	}
	for _, u := range []metric.Unit{metric.Clients, metric.Leads, metric.Orders, metric.People, "", "widgets"} {
		if got := Format(10388, u, "₽"); got != "10.4k" {
			t.Errorf("Format(10388, %q) = %q, want a count, 10.4k", u, got)
		}
	}
	for _, tc := range []struct {
		x              float64
		currency, want string
	}{
		{12.3e6, "₽", "12.3M ₽"},
		{450e3, "RUB", "450k RUB"},
		{-950, "€", "-950 €"},
		{12.3e6, "", "12.3M"},
		{math.NaN(), "€", "—"},
	} {
		if got := Format(tc.x, metric.Money, tc.currency); got != tc.want {
			t.Errorf("Format(%g, money, %q) = %q, want %q", tc.x, tc.currency, got, tc.want)
		}
	}
}

// TestDisplayRoundTrip checks that every display text reads back, with
// Parse, to the value within half a unit of its last digit: a relative
// 0.5 % for three significant digits (the worst case is a leading 1:
// 1.005 shown as 1.00 or 1.01), 0.5 absolute for whole numbers.
func TestDisplayRoundTrip(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(1, 3))
	units := []metric.Unit{metric.Money, metric.Hours, metric.Share, metric.Tasks, metric.Clients, metric.Leads, metric.Orders, metric.People}
	for range 20000 {
		x := math.Exp(r.NormFloat64() * 6)
		if r.IntN(4) == 0 {
			x = math.Round(x)
		}
		u := units[r.IntN(len(units))]
		if u == metric.Share {
			x = math.Mod(x, 10) // shares of up to 1000 %
			if x < 1e-11 {
				continue // below a billionth of a percent: written with an exponent
			}
		}
		s := Format(x, u, "")
		back, err := Parse(s, u)
		if err != nil {
			t.Fatalf("Format(%v, %s) = %q does not parse: %v", x, u, s, err)
		}
		if tol := math.Max(0.005*x, 0.5); u != metric.Share && x >= 100 && math.Abs(back-x) > tol {
			t.Fatalf("Format(%v, %s) = %q reads back as %v: off by more than %v", x, u, s, back, tol)
		}
		if tol := 0.005 * x * (1 + 1e-12); (u == metric.Share || x < 100) && math.Abs(back-x) > tol {
			t.Fatalf("Format(%v, %s) = %q reads back as %v: off by more than %v", x, u, s, back, tol)
		}
	}
}

func TestSignedPlusMinusInterval(t *testing.T) {
	t.Parallel()
	nan := math.NaN()
	for _, tc := range []struct {
		x    float64
		unit metric.Unit
		want string
	}{
		{1.2e6, metric.Money, "+1.2M"},
		{-0.034, metric.Share, "-3.4%"},
		{0, metric.Tasks, "0"},
		{3.5, metric.Hours, "+3.5h"},
		{nan, metric.Money, "—"},
	} {
		if got := Signed(tc.x, tc.unit, ""); got != tc.want {
			t.Errorf("Signed(%g, %s) = %q, want %q", tc.x, tc.unit, got, tc.want)
		}
	}
	for _, tc := range []struct {
		mean, hw float64
		unit     metric.Unit
		currency string
		want     string
	}{
		{12.3, 0.49, metric.Tasks, "", "12.3 ±4%"},
		{14.8e6, 1.3e6, metric.Money, "", "14.8M ±9%"},
		{14.8e6, 1.3e6, metric.Money, "₽", "14.8M ₽ ±9%"},
		{0.248, 0.003, metric.Share, "", "24.8% ±0.3"},
		{3.2, 0.03, metric.Hours, "", "3.2h ±1%"},
		{0, 0.5, metric.Clients, "", "0 ±0.5"},
		{0, 0, metric.Clients, "", "0 ±0"},
		{-2e6, 1e5, metric.Money, "", "-2M ±5%"},
		{3, nan, metric.Clients, "", "3"},
		{nan, nan, metric.Money, "", "—"},
	} {
		if got := PlusMinus(tc.mean, tc.hw, tc.unit, tc.currency); got != tc.want {
			t.Errorf("PlusMinus(%g, %g, %s, %q) = %q, want %q", tc.mean, tc.hw, tc.unit, tc.currency, got, tc.want)
		}
	}
	for _, tc := range []struct {
		lo, hi float64
		unit   metric.Unit
		want   string
	}{
		{11.8, 12.8, metric.Tasks, "[11.8, 12.8]"},
		{74.5e6, 80.6e6, metric.Money, "[74.5M, 80.6M]"},
		{0.57, 0.575, metric.Share, "[57%, 57.5%]"},
		{-0.00984, 0.0298, metric.Leads, "[-0.00984, 0.0298]"},
		{nan, nan, metric.Money, "—"},
		{1, nan, metric.Money, "—"},
	} {
		if got := Interval(tc.lo, tc.hi, tc.unit, ""); got != tc.want {
			t.Errorf("Interval(%g, %g, %s) = %q, want %q", tc.lo, tc.hi, tc.unit, got, tc.want)
		}
	}
}

func TestRate(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		perHour float64
		want    string
	}{
		{9, "9/h"},
		{2.0 / 24, "2/day"},
		{15.0 / 168, "15/week"},
		{2 / Month, "2/mo"},
		{2.5 / Month, "2.5/mo"},
		{1.0 / 0.6, "40/day"},
		{1.234567, "1.23/h"},
		{0.5 / Month, "0.5/mo"},
		{12345, "12345/h"},
		{0, "0/h"},
		{math.NaN(), "—"},
	} {
		got := Rate(tc.perHour)
		if got != tc.want {
			t.Errorf("Rate(%g) = %q, want %q", tc.perHour, got, tc.want)
		}
		if got == "—" {
			continue
		}
		// The text reads back within the rounding to three digits.
		if back, err := ParseRate(got); err != nil || math.Abs(back-tc.perHour) > 0.005*tc.perHour {
			t.Errorf("Rate(%g) = %q reads back as %v, %v", tc.perHour, got, back, err)
		}
	}
}

func TestSpan(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		h    float64
		want string
	}{
		{8760, "1y"},
		{4380, "6mo"},
		{2190, "3mo"},
		{1680, "70d"},
		{4320, "180d"},
		{1.5, "90m"},
		{1855.2, "77.3d"},     // 77.3 days, not exact
		{26.4321, "26.4h"},    // below two days: hours
		{0.20833333, "12.5m"}, // below an hour: minutes
		{0, "0h"},
		{-1680, "-70d"},
		{math.Inf(1), "—"},
	} {
		got := Span(tc.h)
		if got != tc.want {
			t.Errorf("Span(%g) = %q, want %q", tc.h, got, tc.want)
		}
		if tc.h >= 0 && got != "—" {
			if back, err := ParseHours(got); err != nil || math.Abs(back-tc.h) > 0.005*tc.h {
				t.Errorf("Span(%g) = %q reads back as %v, %v", tc.h, got, back, err)
			}
		}
	}
}

func TestScale(t *testing.T) {
	t.Parallel()
	labels := func(top float64, u metric.Unit, vs ...float64) []string {
		f := Scale(top, u)
		var out []string
		for _, v := range vs {
			out = append(out, f(v))
		}
		return out
	}
	for _, tc := range []struct {
		name string
		got  []string
		want []string
	}{
		{"money millions", labels(2.5e6, metric.Money, 0, 0.5e6, 1e6, 2.5e6), []string{"0", "0.5M", "1M", "2.5M"}},
		{"money thousands", labels(800e3, metric.Money, 0, 200e3, 800e3), []string{"0", "200k", "800k"}},
		{"counts in k from 10k", labels(10e3, metric.Tasks, 0, 2500, 7500, 10e3), []string{"0", "2.5k", "7.5k", "10k"}},
		{"counts below 10k", labels(1250, metric.Leads, 250, 1250), []string{"250", "1250"}},
		{"hours as counts", labels(12000, metric.Hours, 3000, 12000), []string{"3k", "12k"}},
		{"small", labels(1, metric.Tasks, 0.25, 0.1+0.2), []string{"0.25", "0.3"}},
		{"percent", labels(1, metric.Share, 0, 0.25, 0.1+0.2, 1), []string{"0%", "25%", "30%", "100%"}},
		{"negative", labels(-1e6, metric.Money, -1e6, -0.5e6), []string{"-1M", "-0.5M"}},
		{"billions", labels(3e9, metric.Money, 2.5e9), []string{"2.5G"}},
	} {
		if !slices.Equal(tc.got, tc.want) {
			t.Errorf("%s: %q, want %q", tc.name, tc.got, tc.want)
		}
	}
}

// TestNoPrefix checks that errors of the unit grammar, which reach the
// author of a scenario and the command line, carry no package prefix.
func TestNoPrefix(t *testing.T) {
	t.Parallel()
	for _, f := range []func() error{
		func() error { _, err := ParseHours("3x"); return err },
		func() error { _, err := ParseRate("3"); return err },
		func() error { _, err := ParseFraction("x"); return err },
		func() error { _, err := ParseMoney("x"); return err },
		func() error { _, _, err := ParseValue("x"); return err },
	} {
		if err := f(); err == nil || strings.Contains(err.Error(), "quantity:") || strings.Contains(err.Error(), "dist:") {
			t.Errorf("error %v: want one without a package prefix", err)
		}
	}
}
