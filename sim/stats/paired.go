package stats

// Paired summarises the differences x − y of paired replications: two
// scenarios run with the same random numbers (common random numbers), so
// that replication i of each sees the same arrivals and service times.
// The interval of the mean difference is then much narrower than that of
// two independent summaries, by the positive correlation the pairing
// induces.
//
// The zero value is empty and ready to use; Add is O(1) and does not
// allocate. A pair with a NaN gives a NaN difference, counted and excluded
// as by [Accumulator].
type Paired struct {
	d Accumulator
}

// Add adds the pair (x, y): the difference x − y.
func (p *Paired) Add(x, y float64) { p.d.Add(x - y) }

// N returns the number of pairs added, those with a NaN difference
// excluded.
func (p *Paired) N() int { return p.d.N() }

// Summary returns the [Accumulator.Summary] of the differences x − y.
func (p *Paired) Summary(confidence float64) Summary {
	return p.d.Summary(confidence)
}
