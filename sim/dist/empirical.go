package dist

import (
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/salesim/salesim/sim/quantity"
)

// table holds the values of an empirical distribution. It is never modified
// after construction, so Dists share it freely.
type table struct {
	vals []float64 // in increasing order
	w    []float64 // weights as written, in the order of vals; nil if equal
	cum  []float64 // cum[i] = w[0] + … + w[i] (i+1 for equal weights)
}

// newTable sorts the values (carrying their weights, ties in the order
// given) and accumulates the weights. w is nil for equal weights.
func newTable(vals, w []float64) *table {
	idx := make([]int, len(vals))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		switch {
		case vals[a] < vals[b]:
			return -1
		case vals[a] > vals[b]:
			return 1
		}
		return 0
	})
	t := &table{vals: make([]float64, len(vals)), cum: make([]float64, len(vals))}
	if w != nil {
		t.w = make([]float64, len(vals))
	}
	sum := 0.0
	for i, j := range idx {
		t.vals[i] = vals[j]
		if w != nil {
			t.w[i] = w[j]
			sum += w[j]
		} else {
			sum++
		}
		t.cum[i] = sum
	}
	return t
}

// scale returns a table with every value multiplied by k > 0; order and
// weights are unchanged and shared.
func (t *table) scale(k float64) *table {
	s := &table{vals: make([]float64, len(t.vals)), w: t.w, cum: t.cum}
	for i, v := range t.vals {
		s.vals[i] = k * v
	}
	return s
}

func (t *table) sample(r *rand.Rand) float64 {
	n := len(t.vals)
	if t.w == nil {
		return t.vals[r.IntN(n)]
	}
	return t.vals[t.search(r.Float64()*t.cum[n-1], false)]
}

// search returns the first i with cum[i] > u (or >= u if orEqual), or the
// last index if there is none. A hand-written binary search: sort.Search
// would take a closure.
func (t *table) search(u float64, orEqual bool) int {
	lo, hi := 0, len(t.cum)-1
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if c := t.cum[mid]; c > u || (orEqual && c == u) {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo
}

func (t *table) quantile(p float64) float64 {
	return t.vals[t.search(p*t.cum[len(t.cum)-1], true)]
}

func (t *table) mean() float64 {
	total := t.cum[len(t.cum)-1]
	m := 0.0
	for i, v := range t.vals {
		if t.w == nil {
			m += v / total
		} else {
			m += v * (t.w[i] / total)
		}
	}
	return m
}

func (t *table) format(u Unit) string {
	var b strings.Builder
	b.WriteString("empirical(")
	for i, v := range t.vals {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(formatValue(v, u))
		if t.w != nil {
			b.WriteByte(':')
			b.WriteString(quantity.Number(t.w[i]))
		}
	}
	b.WriteByte(')')
	return b.String()
}
