package dist_test

import (
	"fmt"

	"github.com/salesim/salesim/sim/dist"
)

func ExampleParse() {
	for _, spec := range []string{
		"4h",
		"exp(rate=12/h)",
		"triangular(5m, 15m, 1h)",
		"lognormal(median=70d, p90=180d)",
		"gamma(shape=2, scale=2h)",
		"empirical(20k:3, 150k:1)",
		"lognormal(median=70d)",
	} {
		d, err := dist.Parse(spec)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%-33s unit=%-4v mean=%.4g\n", spec, d.Unit(), d.Mean())
	}
	// Output:
	// 4h                                unit=time mean=4
	// exp(rate=12/h)                    unit=time mean=0.08333
	// triangular(5m, 15m, 1h)           unit=time mean=0.4444
	// lognormal(median=70d, p90=180d)   unit=time mean=2204
	// gamma(shape=2, scale=2h)          unit=time mean=4
	// empirical(20k:3, 150k:1)          unit=none mean=5.25e+04
	// dist: "lognormal(median=70d)": lognormal median=70d needs a second parameter: p90 (or another pNN), sigma or top20
}

// String gives the canonical spec, which Parse reads back.
func ExampleDist_String() {
	for _, spec := range []string{"exp(rate=12/h)", "uniform(0, 1.5h)", "gamma(shape=2, scale=1d)", "const(150k)"} {
		fmt.Println(dist.MustParse(spec))
	}
	// Output:
	// exp(mean=5m)
	// uniform(min=0h, max=90m)
	// gamma(shape=2, mean=2d)
	// 150000
}

// Company sizes with the Pareto ratio of research/domain.md D1: the largest
// 20% of companies hold 67% of the total.
func ExampleDist_Quantile() {
	size := dist.MustParse("lognormal(mean=100k, top20=0.67)")
	fmt.Printf("mean %.0f, median %.0f, p80 %.0f, p99 %.0f\n",
		size.Mean(), size.Quantile(0.5), size.Quantile(0.8), size.Quantile(0.99))
	// Output:
	// mean 100000, median 43992, p80 129356, p99 867226
}

// A rep who works 25% faster takes 1/1.25 of the time.
func ExampleDist_Scale() {
	call := dist.MustParse("lognormal(median=20m, p90=45m)")
	fast := call.Scale(1 / 1.25)
	fmt.Printf("median %.0f min → %.0f min\n", call.Quantile(0.5)*60, fast.Quantile(0.5)*60)
	// Output:
	// median 20 min → 16 min
}

// Each replication gets its own stream per input, keyed by the input's
// name: the same seed gives the same draws however replications are spread
// over workers, and a design that adds inputs leaves these draws alone.
func ExampleStream() {
	const seed = 2024
	gap := dist.MustParse("exp(rate=12/h)")
	for rep := range 3 {
		r := dist.Stream(seed, rep, dist.StreamID("inbound:web"))
		fmt.Printf("rep %d: %.2f %.2f %.2f min\n", rep, 60*gap.Sample(r), 60*gap.Sample(r), 60*gap.Sample(r))
	}
	// Output:
	// rep 0: 2.05 0.17 11.49 min
	// rep 1: 4.94 2.71 3.90 min
	// rep 2: 1.03 2.37 35.50 min
}
