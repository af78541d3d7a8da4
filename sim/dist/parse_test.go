package dist

import (
	"math"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	t.Parallel()
	// mean and q50 are computed by hand from the formulas in the comments;
	// tol is relative and covers the rounding of the parameter conversions.
	for _, tc := range []struct {
		spec, want string // want is the canonical String
		unit       Unit
		mean, q50  float64
		tol        float64
	}{
		{"4h", "4h", Time, 4, 4, 0},
		{"15000", "15000", None, 15000, 15000, 0},
		{"150k", "150000", None, 150000, 150000, 0},
		{"const(90m)", "90m", Time, 1.5, 1.5, 0},
		{"constant(value=2)", "2", None, 2, 2, 0},
		{"0", "0", None, 0, 0, 0},
		// Exponential: median = mean·ln 2.
		{"exp(mean=4h)", "exp(mean=4h)", Time, 4, 4 * math.Ln2, 1e-15},
		{"exp(4h)", "exp(mean=4h)", Time, 4, 4 * math.Ln2, 1e-15},
		{"Exponential(mean=4h)", "exp(mean=4h)", Time, 4, 4 * math.Ln2, 1e-15},
		{"exp(rate=12/h)", "exp(mean=5m)", Time, 1.0 / 12, math.Ln2 / 12, 1e-15},
		{"exp(rate=40/week)", "exp(mean=4.2h)", Time, 4.2, 4.2 * math.Ln2, 1e-15},
		{"exp(rate=every 2d)", "exp(mean=2d)", Time, 48, 48 * math.Ln2, 1e-15},
		{"exp(rate=0.5)", "exp(mean=2)", None, 2, 2 * math.Ln2, 1e-15},
		{"uniform(min=1h, max=3h)", "uniform(min=1h, max=3h)", Time, 2, 2, 0},
		{"uniform(0, 4h)", "uniform(min=0h, max=4h)", Time, 2, 2, 0},
		{"uniform(1h, max=3h)", "uniform(min=1h, max=3h)", Time, 2, 2, 0},
		// Triangular(0, 1, 3): mean 4/3; F(1) = 1/3, so the median solves
		// 1 − (3−x)²/6 = 1/2: x = 3 − √3.
		{"triangular(0, 1, 3)", "triangular(min=0, mode=1, max=3)", None, 4.0 / 3, 3 - math.Sqrt(3), 1e-15},
		{"triangular(min=1h, mode=1h, max=2h)", "triangular(min=1h, mode=1h, max=2h)", Time, 4.0 / 3, 2 - math.Sqrt(0.5), 1e-15},
		// Normal truncated at 0 with mean 0: the half-normal, mean σ√(2/π),
		// median σ·Φ⁻¹(0.75) = 0.6744897501960817σ.
		{"normal(0, 1h)", "normal(mean=0h, sd=1h)", Time, math.Sqrt(2 / math.Pi), 0.6744897501960817, 1e-15},
		// Truncation 4σ below the mean: the mean is μ + σφ(4)/Φ(4) and the
		// median μ + σΦ⁻¹(1/2 + Φ(−4)/2), with φ(4) = 1.3383022576488537e-4
		// and Φ(−4) = 3.167124183311998e-5 from tables (Python's
		// statistics.NormalDist).
		{"normal(mean=2h, sd=30m)", "normal(mean=2h, sd=30m)", Time, 2 + 0.5*1.3383022576488537e-4/(1-3.167124183311998e-5), 2.000019847007573, 1e-15},
		// Lognormal: median m, mean m·exp(σ²/2), pNN/median = exp(σ·Φ⁻¹(NN/100)).
		// Values of σ are from Python's statistics.NormalDist. Canonical
		// strings are checked only where every parameter is exact: derived
		// values (σ from p90 or top20, a median from a mean) may differ in
		// the last bit between architectures (the compiler may fuse
		// multiply-adds, and math.Exp has assembly versions), so those are
		// checked through Mean and Quantile, with a tolerance.
		{"lognormal(median=70d, p90=180d)", "", Time, 1680 * math.Exp(0.7369673091847058*0.7369673091847058/2), 1680, 1e-15},
		{"lognormal(median=70d, p10=30d)", "", Time, 1680 * math.Exp(0.6611500334183906*0.6611500334183906/2), 1680, 1e-15},
		{"lognormal(median=2, sigma=0.5)", "lognormal(median=2, sigma=0.5)", None, 2 * math.Exp(0.125), 2, 1e-15},
		{"lognormal(mu=0, sigma=1)", "lognormal(median=1, sigma=1)", None, math.Exp(0.5), 1, 1e-15},
		{"lognormal(mean=10, sd=10)", "", None, 10, 10 / math.Sqrt2, 1e-15}, // cv = 1: median = mean/√2
		{"lognormal(mean=10, cv=100%)", "", None, 10, 10 / math.Sqrt2, 1e-15},
		{"lognormal(mean=10, sigma=1)", "", None, 10, 10 * math.Exp(-0.5), 1e-15},
		// top20 = 0.67: σ = Φ⁻¹(0.8) − Φ⁻¹(0.33) = 1.2815343992461483.
		{"lognormal(mean=100k, top20=0.67)", "", None, 100000, 100000 * math.Exp(-1.2815343992461483*1.2815343992461483/2), 1e-15},
		{"lognormal(median=50k, top20=67%)", "", None, 50000 * math.Exp(1.2815343992461483*1.2815343992461483/2), 50000, 1e-15},
		// Gamma(2, scale 2): median from tables, 3.356693980033322.
		{"gamma(shape=2, mean=4h)", "gamma(shape=2, mean=4h)", Time, 4, 3.356693980033322, 1e-12},
		{"gamma(shape=2, scale=2h)", "gamma(shape=2, mean=4h)", Time, 4, 3.356693980033322, 1e-12},
		{"erlang(k=3, mean=6h)", "erlang(k=3, mean=6h)", Time, 6, 5.348120627447123, 1e-12},
		{"erlang(k=1, scale=2)", "erlang(k=1, mean=2)", None, 2, 2 * math.Ln2, 1e-12},
		// Weibull: mean λΓ(1+1/k), median λ(ln 2)^(1/k).
		{"weibull(shape=1.5, scale=10d)", "weibull(shape=1.5, scale=10d)", Time, 240 * math.Gamma(1+1/1.5), 240 * math.Pow(math.Ln2, 1/1.5), 1e-15},
		{"weibull(shape=2, mean=10)", "", None, 10, 10 / math.Gamma(1.5) * math.Sqrt(math.Ln2), 1e-15},
		// Pareto: mean αx/(α−1), median x·2^(1/α).
		{"pareto(min=10k, alpha=2.5)", "pareto(min=10000, alpha=2.5)", None, 2.5 * 10000 / 1.5, 10000 * math.Pow(2, 1/2.5), 1e-15},
		{"empirical(4h, 1h, 2h)", "empirical(1h, 2h, 4h)", Time, 7.0 / 3, 2, 1e-15},
		{"empirical(1h:1, 2h:3)", "empirical(1h:1, 2h:3)", Time, 1.75, 2, 1e-15},
		{"empirical(2:30%, 1:70%)", "empirical(1:0.7, 2:0.3)", None, 1.3, 1, 1e-15},
		{"empirical(5)", "empirical(5)", None, 5, 5, 0},
		{"  exp ( mean = 4h )  ", "exp(mean=4h)", Time, 4, 4 * math.Ln2, 1e-15},
	} {
		t.Run(tc.spec, func(t *testing.T) {
			d, err := Parse(tc.spec)
			if err != nil {
				t.Fatal(err)
			}
			if tc.want != "" && d.String() != tc.want {
				t.Errorf("String() = %q, want %q", d.String(), tc.want)
			}
			if d.Unit() != tc.unit {
				t.Errorf("Unit() = %v, want %v", d.Unit(), tc.unit)
			}
			checkClose(t, "Mean()", d.Mean(), tc.mean, tc.tol)
			checkClose(t, "Quantile(0.5)", d.Quantile(0.5), tc.q50, tc.tol)
			checkRoundTrip(t, d)
		})
	}
}

// checkClose reports got and want differing by more than tol relative to want.
func checkClose(t *testing.T, what string, got, want, tol float64) {
	t.Helper()
	if math.Abs(got-want) > tol*math.Abs(want) {
		t.Errorf("%s = %v, want %v (relative tolerance %g)", what, got, want, tol)
	}
}

// checkRoundTrip checks that d.String() parses back to an equal Dist.
func checkRoundTrip(t *testing.T, d Dist) {
	t.Helper()
	back, err := Parse(d.String())
	if err != nil {
		t.Fatalf("Parse(%q) = %v", d.String(), err)
	}
	if !equal(d, back) {
		t.Errorf("Parse(%q) = %+v, want %+v", d.String(), back, d)
	}
}

// equal reports whether a and b are the same distribution, bit for bit.
func equal(a, b Dist) bool {
	if a.emp == nil || b.emp == nil {
		return a == b
	}
	ae, be := *a.emp, *b.emp
	a.emp, b.emp = nil, nil
	return a == b && slicesEqual(ae.vals, be.vals) && slicesEqual(ae.w, be.w) && slicesEqual(ae.cum, be.cum)
}

func slicesEqual(a, b []float64) bool {
	if len(a) != len(b) || (a == nil) != (b == nil) {
		return false
	}
	for i := range a {
		if math.Float64bits(a[i]) != math.Float64bits(b[i]) {
			return false
		}
	}
	return true
}

func TestParseErrors(t *testing.T) {
	t.Parallel()
	// Each error must contain every listed fragment: the family, the key,
	// the value as written and the allowed range.
	for _, tc := range []struct {
		spec string
		want []string
	}{
		{"", []string{"dist: empty spec", "exp(mean=4h)"}},
		{"   ", []string{"empty spec"}},
		{"exp(mean=-1h)", []string{`dist: "exp(mean=-1h)"`, "exp mean=-1h must be > 0"}},
		{"exp(mean=0h)", []string{"exp mean=0h must be > 0"}},
		{"exp(rate=0/h)", []string{"exp rate=0/h must be > 0"}},
		{"exp(rate=12)", nil}, // valid: a plain rate
		{"lognormal(median=70d)", []string{"lognormal median=70d needs a second parameter", "p90", "sigma", "top20"}},
		{"lognormal(sigma=1)", []string{"lognormal needs median, mean or mu"}},
		{"lognormal(median=1, mean=2, sigma=1)", []string{"not both mean and median"}},
		{"lognormal(median=1, sigma=1, top20=0.6)", []string{"not both sigma and top20"}},
		{"lognormal(mu=1, p90=3)", []string{"lognormal mu takes sigma, not p90"}},
		{"lognormal(median=70d, p90=60d)", []string{"lognormal p90=60d must be > median=70d"}},
		{"lognormal(median=70d, p10=80d)", []string{"lognormal p10=80d must be < median=70d"}},
		{"lognormal(median=1, p50=2)", []string{`no parameter "p50"`}},
		{"lognormal(mean=1, top20=0.2)", []string{"lognormal top20=0.2 must be in (0.2, 1)"}},
		{"lognormal(mean=1, top20=100%)", []string{"top20=100% must be in (0.2, 1)"}},
		{"lognormal(median=1, sigma=0)", []string{"lognormal sigma=0 must be a finite number > 0"}},
		{"lognormal(median=1, sigma=1h)", []string{"lognormal sigma=1h must be a plain number"}},
		{"lognormal(median=1, sigma=40)", []string{"lognormal has an infinite mean"}},
		{"lognormal(mu=1000, sigma=1)", []string{"mu=1000 is out of range"}},
		{"lognormal(median=70d, p90=180)", []string{`mixed units in "lognormal(median=70d, p90=180)"`, "median=70d has a time unit but p90=180 has none"}},
		{"lognormal(70d, 1)", []string{"lognormal takes named parameters", "lognormal(median=70d, p90=180d)"}},
		{"triangular(1h, 5h, 2h)", []string{"triangular mode=5h must be in [min, max] = [1h, 2h]"}},
		{"triangular(1h, 2h)", []string{"triangular needs max"}},
		{"triangular(1h, 1h, 1h)", []string{"triangular max=1h must be > min=1h"}},
		{"uniform(2h, 1h)", []string{"uniform max=1h must be > min=2h"}},
		{"uniform(-1h, 1h)", []string{"uniform min=-1h must be >= 0"}},
		{"uniform(1h, 2)", []string{"mixed units", "min=1h has a time unit but max=2 has none"}},
		{"uniform(1h, 2h, 3h)", []string{"uniform takes at most 2 positional values (min, max)"}},
		{"uniform(min=1h, 2h)", []string{`positional value "2h" after a named parameter`}},
		{"uniform(1h, min=2h)", []string{"uniform min given twice"}},
		{"exp(mean=4h, rate=2/h)", []string{"exp takes mean or rate, not both mean and rate"}},
		{"exp(maen=4h)", []string{`exp has no parameter "maen" (did you mean mean?)`, "mean or rate"}},
		{"exp(mean=)", []string{"exp mean= has no value"}},
		{"exp(mean=4h,)", []string{"empty parameter"}},
		{"exp()", []string{"exp needs parameters, as in exp(mean=4h)"}},
		{"exp", []string{"exp needs parameters, as in exp(mean=4h)"}},
		{"exp(mean=4x)", []string{`exp mean=4x: unknown unit "x" in "4x"`, "use s, m, h, d, w, mo or y"}},
		{"expo(mean=4h)", []string{`unknown distribution "expo" (did you mean exp?)`, "known: const, exp, uniform"}},
		{"lognorm(median=1, sigma=1)", []string{"did you mean lognormal?"}},
		{"unifrom(1, 2)", []string{"did you mean uniform?"}},
		{"expon(mean=1)", []string{"did you mean exp?"}}, // a prefix of the alias "exponential"
		{"gama", []string{`unknown distribution "gama" (did you mean gamma?)`}},
		{"foo(x=1)", []string{`unknown distribution "foo"; known:`}},
		{"exp(mean=4h", []string{`dist: "exp(mean=4h": missing ")"`}},
		{"exp(mean=4h))", []string{`unexpected text ")" after ")"`}},
		{"exp(mean=4h) x", []string{`unexpected text " x" after ")"`}},
		{"exp mean=4h)", []string{`unexpected ")" without "("`}},
		{"exp(mean=(4h))", []string{`unexpected "(" inside the parameters of exp`}},
		{"(4h)", []string{"missing distribution name"}},
		{"4 h(1)", []string{`invalid distribution name "4 h"`}},
		{"normal(mean=-1h, sd=1h)", []string{"normal mean=-1h must be >= 0 (the normal is truncated at 0)"}},
		{"normal(mean=1h, sd=0h)", []string{"normal sd=0h must be > 0"}},
		{"gamma(shape=0, mean=1h)", []string{"gamma shape=0 must be a finite number >= 0.01"}},
		{"gamma(shape=2)", []string{"gamma needs mean or scale"}},
		{"gamma(mean=2h)", []string{"gamma needs shape"}},
		{"gamma(shape=2h, mean=2h)", []string{"gamma shape=2h must be a plain number"}},
		{"erlang(k=2.5, mean=1h)", []string{"erlang k=2.5 must be a whole number in [1, 1000000]"}},
		{"weibull(shape=1, scale=1h, mean=1h)", []string{"weibull takes scale or mean, not both scale and mean"}},
		{"weibull(shape=0.01, scale=1e300)", []string{"weibull has an infinite mean"}},
		{"pareto(min=10k, alpha=1)", []string{"pareto alpha=1 must be a finite number > 1"}},
		{"pareto(min=0, alpha=2)", []string{"pareto min=0 must be > 0"}},
		{"empirical(1h, 2)", []string{"mixed units", "1h has a time unit but 2 has none"}},
		{"empirical(1h:1, 2h)", []string{"give a weight to every value or to none"}},
		{"empirical(1h:0)", []string{`empirical weight in "1h:0" must be > 0`}},
		{"empirical(1h:1h)", []string{`empirical weight in "1h:1h" must be a plain number`}},
		{"empirical(-1h)", []string{"empirical value -1h must be >= 0"}},
		{"empirical(x=1)", []string{"empirical takes values"}},
		{"-4h", []string{"negative value"}},
		{"12/h", []string{"a rate is not a distribution: write exp(rate=12/h)"}},
		{"4x", []string{`dist: unknown unit "x" in "4x"`}},
		{"1.2m", []string{}}, // valid: 1.2 minutes
	} {
		_, err := Parse(tc.spec)
		if len(tc.want) == 0 {
			if err != nil {
				t.Errorf("Parse(%q) = %v, want no error", tc.spec, err)
			}
			continue
		}
		if err == nil {
			t.Errorf("Parse(%q) succeeded, want an error", tc.spec)
			continue
		}
		msg := err.Error()
		if !strings.HasPrefix(msg, "dist: ") || strings.HasSuffix(msg, ".") {
			t.Errorf("Parse(%q) error %q: want a dist: prefix and no final period", tc.spec, msg)
		}
		for _, w := range tc.want {
			if !strings.Contains(msg, w) {
				t.Errorf("Parse(%q) error = %q, want it to contain %q", tc.spec, msg, w)
			}
		}
	}
}

func TestTextMarshaling(t *testing.T) {
	t.Parallel()
	var d Dist
	if err := d.UnmarshalText([]byte("lognormal(median=70d, p90=180d)")); err != nil {
		t.Fatal(err)
	}
	b, err := d.MarshalText()
	if err != nil || string(b) != d.String() {
		t.Fatalf("MarshalText() = %q, %v; want %q", b, err, d.String())
	}
	before := d
	if err := d.UnmarshalText([]byte("lognormal(median=70d)")); err == nil || d != before {
		t.Errorf("UnmarshalText of a bad spec: err = %v, d = %v; want an error and d unchanged", err, d)
	}
	if b, err := (Dist{}).MarshalText(); err != nil || len(b) != 0 {
		t.Errorf("zero Dist MarshalText() = %q, %v; want empty", b, err)
	}
}

func TestConstructors(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		d    Dist
		want string
	}{
		{Const(2, Time), "2h"},
		{Const(0.5, Time), "30m"},
		{Const(150000, None), "150000"},
		{Exp(4, Time), "exp(mean=4h)"},
		{Exp(2.5, None), "exp(mean=2.5)"},
	} {
		if got := tc.d.String(); got != tc.want {
			t.Errorf("String() = %q, want %q", got, tc.want)
		}
		checkRoundTrip(t, tc.d)
	}
	for name, f := range map[string]func(){
		"Const(-1)":        func() { Const(-1, Time) },
		"Const(NaN)":       func() { Const(math.NaN(), None) },
		"Const(Inf)":       func() { Const(math.Inf(1), None) },
		"Const(1, Unit 7)": func() { Const(1, 7) },
		"Exp(0)":           func() { Exp(0, Time) },
		"MustParse(bad)":   func() { MustParse("exp") },
	} {
		if !panics(f) {
			t.Errorf("%s did not panic", name)
		}
	}
}

func TestZeroDist(t *testing.T) {
	t.Parallel()
	var d Dist
	if !d.IsZero() || d.String() != "" || d.Unit() != None || !d.Scale(2).IsZero() {
		t.Errorf("zero Dist: IsZero %v, String %q, Unit %v", d.IsZero(), d.String(), d.Unit())
	}
	if MustParse("0").IsZero() {
		t.Error("Const 0 reports IsZero")
	}
	r := Stream(1, 0, 1)
	for name, f := range map[string]func(){
		"Sample":   func() { d.Sample(r) },
		"Mean":     func() { d.Mean() },
		"Quantile": func() { d.Quantile(0.5) },
	} {
		if !panics(f) {
			t.Errorf("%s of the zero Dist did not panic", name)
		}
	}
}

func panics(f func()) (p bool) {
	defer func() { p = recover() != nil }()
	f()
	return false
}
