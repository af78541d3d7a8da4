package charts

import (
	"slices"
	"testing"
)

func TestTicks(t *testing.T) {
	t.Parallel()
	labels := func(tk ticks, min, max float64) []string {
		var out []string
		for _, x := range tk.Ticks(min, max) {
			out = append(out, x.Label)
		}
		return out
	}
	for _, tc := range []struct {
		name     string
		tk       ticks
		min, max float64
		want     []string
	}{
		{"money millions", moneyTicks, 0, 2.8e6, []string{"0", "0.5M", "1M", "1.5M", "2M", "2.5M"}},
		{"money mixed takes the largest suffix", moneyTicks, 0, 1.2e6, []string{"0", "0.25M", "0.5M", "0.75M", "1M"}},
		{"money thousands", moneyTicks, 0, 900e3, []string{"0", "200k", "400k", "600k", "800k"}},
		{"counts in k from 10k", countTicks, 0, 10500, []string{"0", "2.5k", "5k", "7.5k", "10k"}},
		{"counts below 10k", countTicks, 0, 1300, []string{"0", "250", "500", "750", "1000", "1250"}},
		{"small counts", countTicks, 0, 1.2, []string{"0", "0.25", "0.5", "0.75", "1"}},
		{"percent", percentTicks, 0, 1, []string{"0%", "25%", "50%", "75%", "100%"}},
		{"sparse percent", sparse(percentTicks), 0, 1, []string{"0%", "50%", "100%"}},
		{"negative", moneyTicks, -1e6, 1e6, []string{"-1M", "-0.5M", "0", "0.5M", "1M"}},
	} {
		if got := labels(tc.tk, tc.min, tc.max); !slices.Equal(got, tc.want) {
			t.Errorf("%s: ticks(%g, %g) = %q, want %q", tc.name, tc.min, tc.max, got, tc.want)
		}
	}
}

func TestLogTicks(t *testing.T) {
	t.Parallel()
	var labels []string
	minor := 0
	for _, tk := range (logTicks{}).Ticks(10, 1e5) {
		if tk.Label == "" {
			minor++
			continue
		}
		labels = append(labels, tk.Label)
	}
	if want := []string{"10", "100", "1000", "10k", "100k"}; !slices.Equal(labels, want) || minor != 8 {
		t.Errorf("log ticks %q with %d minor, want %q with 8 (2 and 5 times 10, 100, 1000 and 10k)", labels, minor, want)
	}
}

func TestNiceTicksCoverRange(t *testing.T) {
	t.Parallel()
	for _, r := range [][2]float64{{0, 1}, {0, 3.7}, {-2, 17}, {0.001, 0.0013}, {5, 5.5}, {0, 1e7}} {
		v := niceTicks(r[0], r[1], 5)
		if len(v) < 2 || len(v) > 11 {
			t.Errorf("niceTicks(%g, %g) = %v: want 2 to 11 ticks", r[0], r[1], v)
		}
		for _, x := range v {
			if x < r[0]-1e-12 || x > r[1]+1e-12 {
				t.Errorf("niceTicks(%g, %g): tick %g outside", r[0], r[1], x)
			}
		}
	}
}

func TestMoneyLabels(t *testing.T) {
	t.Parallel()
	m := &Meta{Currency: "EUR"}
	if got, want := m.money(12.34e6), "12.3M EUR"; got != want {
		t.Errorf("money label %q, want %q", got, want)
	}
	if got, want := m.moneyLabel("cost"), "cost, EUR"; got != want {
		t.Errorf("axis label %q, want %q", got, want)
	}
	if got, want := (&Meta{}).money(950), "950"; got != want {
		t.Errorf("money label without a currency %q, want %q", got, want)
	}
}
