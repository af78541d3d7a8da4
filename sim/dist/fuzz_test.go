package dist

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

// FuzzParse checks that Parse never panics, that every error is a
// non-empty "dist:" message, and that every accepted spec round-trips
// through String and gives sane moments and samples.
func FuzzParse(f *testing.F) {
	for _, s := range sampleSpecs {
		f.Add(s)
	}
	for _, s := range []string{
		"", "15000", "150 000", "1.2M", "0", "exp(4h)", "exp(rate=40/week)", "exp(rate=every 2d)",
		"lognormal(median=70d)", "lognormal(mu=1, sigma=0.5)", "lognormal(mean=10, cv=50%)",
		"lognormal(median=1, p10=0.5)", "triangular(1h, 5h, 2h)", "uniform(2h, 1h)",
		"exp(mean=4h, rate=2/h)", "expo(mean=4h)", "exp(mean=4h", "normal(0, 1h)",
		"weibull(shape=2, mean=1h30m)", "empirical(1h:1, 2h:30%)", "const(0.1d)",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := Parse(s)
		if err != nil {
			if msg := err.Error(); !strings.HasPrefix(msg, "dist: ") || len(msg) <= len("dist: ") {
				t.Fatalf("Parse(%q) error %q: want a non-empty dist: message", s, msg)
			}
			return
		}
		if d.IsZero() {
			t.Fatalf("Parse(%q) returned the zero Dist without an error", s)
		}
		str := d.String()
		back, err := Parse(str)
		if err != nil {
			t.Fatalf("Parse(%q) = %v; String() = %q does not parse: %v", s, d, str, err)
		}
		if !equal(d, back) || back.String() != str {
			t.Fatalf("Parse(%q): String() = %q parses back as %q (%+v, want %+v)", s, str, back.String(), back, d)
		}
		if m := d.Mean(); !(m >= 0) || math.IsInf(m, 0) {
			t.Fatalf("Parse(%q): Mean() = %v", s, m)
		}
		if q := d.Quantile(0.5); !(q >= 0) {
			t.Fatalf("Parse(%q): Quantile(0.5) = %v", s, q)
		}
		r := rand.New(rand.NewPCG(1, 2))
		for range 10 {
			if x := d.Sample(r); !(x >= 0) {
				t.Fatalf("Parse(%q): Sample() = %v", s, x)
			}
		}
	})
}
