package charts

import (
	"math"

	"github.com/salesim/salesim/sim/labels"
	"github.com/salesim/salesim/sim/metric"
	"github.com/salesim/salesim/sim/quantity"
	"gonum.org/v1/plot"
)

// money formats an amount in the design's currency, as every money label
// of the figures shows it: 12.3M ₽, 450k ₽.
func (m *Meta) money(x float64) string { return quantity.Money(x, m.currency()) }

// unprintable are currency signs the figures' font (Liberation Sans) has no
// glyph for, with what the figures write instead, in English and Russian.
var unprintable = map[string][2]string{
	"₽": {"RUB", "руб."},
	"₴": {"UAH", "грн"},
	"₸": {"KZT", "тнг"},
	"₹": {"INR", "INR"},
}

// currency returns the design's currency as the figures can draw it.
func (m *Meta) currency() string {
	if alt, ok := unprintable[m.Currency]; ok {
		if m.Lang == labels.Russian {
			return alt[1]
		}
		return alt[0]
	}
	return m.Currency
}

// tr translates a phrase into the design's language.
func (m *Meta) tr(en string) string { return m.Lang.Tr(en) }

// trf formats args with a format translated into the design's language.
func (m *Meta) trf(en string, args ...any) string { return m.Lang.Trf(en, args...) }

// ticks is a plot.Ticker placing about five labelled ticks at round
// values (1, 2, 2.5 or 5 times a power of ten), five unless n says,
// labelled by quantity.Scale in the unit: all labels take the suffix of the
// largest (0, 2.5k, 5k, 7.5k, 10k), and shares are percentages.
type ticks struct {
	unit  metric.Unit
	n     int     // about how many ticks; 0 means 5
	scale float64 // labels show the value times scale; 0 means 1
}

// Ticks implements plot.Ticker.
func (tk ticks) Ticks(min, max float64) []plot.Tick {
	n := tk.n
	if n == 0 {
		n = 5
	}
	k := tk.scale
	if k == 0 {
		k = 1
	}
	vals := niceTicks(min*k, max*k, n)
	top := 0.0
	for _, v := range vals {
		top = math.Max(top, math.Abs(v))
	}
	label := quantity.Scale(top, tk.unit)
	ts := make([]plot.Tick, len(vals))
	for i, v := range vals {
		ts[i] = plot.Tick{Value: v / k, Label: label(v)}
	}
	return ts
}

// niceTicks returns round values covering [min, max], their number as
// close to n as the steps 1, 2, 2.5 and 5 times a power of ten allow
// (the larger step on a tie).
func niceTicks(min, max float64, n int) []float64 {
	if !(max > min) || math.IsInf(max-min, 0) {
		return []float64{min}
	}
	count := func(step float64) int {
		return int(math.Floor(max/step+1e-9) - math.Ceil(min/step-1e-9) + 1)
	}
	e := math.Floor(math.Log10((max - min) / float64(n)))
	best, bestD := 0.0, math.MaxInt
	for _, p := range []float64{e - 1, e, e + 1} {
		for _, s := range []float64{1, 2, 2.5, 5} {
			step := s * math.Pow(10, p)
			d := count(step) - n
			if d < 0 {
				d = -d
			}
			if d < bestD || (d == bestD && step > best) {
				best, bestD = step, d
			}
		}
	}
	var out []float64
	for k := math.Ceil(min/best - 1e-9); k*best <= max+best*1e-9; k++ {
		v := k * best
		if math.Abs(v) < best*1e-9 {
			v = 0
		}
		out = append(out, v)
	}
	return out
}

var (
	moneyTicks   = ticks{unit: metric.Money}
	countTicks   = ticks{unit: metric.Tasks}
	percentTicks = ticks{unit: metric.Share}             // 0%, 25%
	pointTicks   = ticks{unit: metric.Tasks, scale: 100} // a difference of shares in points: -25, 0
)

// moneyLabel returns an axis label for an amount of money: "cost, ₽",
// or the bare name without a currency.
func (m *Meta) moneyLabel(name string) string {
	if m.Currency == "" {
		return name
	}
	return name + ", " + m.currency()
}

// pretty turns a snake_case name into words: cold_call → cold call.
func pretty(s string) string { return labels.Pretty(s) }

// capitalize returns s with its first letter in upper case.
func capitalize(s string) string { return labels.Capitalize(s) }

// sparse returns tk with about three ticks, for narrow panels.
func sparse(tk ticks) ticks {
	tk.n = 3
	return tk
}

// logTicks labels the powers of ten in range, with unlabelled ticks at 2
// and 5 times them: 1, 10, 100, 1000, 10k.
type logTicks struct{}

// Ticks implements plot.Ticker.
func (logTicks) Ticks(min, max float64) []plot.Tick {
	var ts []plot.Tick
	for e := math.Floor(math.Log10(min)); e <= math.Ceil(math.Log10(max)); e++ {
		p := math.Pow(10, e)
		for _, k := range []float64{1, 2, 5} {
			v := k * p
			if v < min*(1-1e-9) || v > max*(1+1e-9) {
				continue
			}
			t := plot.Tick{Value: v}
			if k == 1 {
				t.Label = quantity.Scale(v, metric.Tasks)(v)
			}
			ts = append(ts, t)
		}
	}
	return ts
}
