package study

import (
	"context"
)

// objective returns candidate c's objective in replication j, negated
// for maximisation so that lower is better.
func (sk *seeker) objective(c *SeekCandidate, j int) float64 {
	if sk.p.Goal.Maximise {
		return -c.data[j][0]
	}
	return c.data[j][0]
}

// select_ runs the clean-up stage: KN over the feasible designs.
func (sk *seeker) select_(ctx context.Context) error {
	p := sk.p
	var in []*SeekCandidate
	var idx []int
	for i, c := range sk.res.Candidates {
		if c.Class == "feasible" {
			in = append(in, c)
			idx = append(idx, i)
		}
	}
	k := len(in)
	switch k {
	case 0:
		return nil
	case 1:
		sk.res.Best = idx[0]
		sk.res.Survivors = []int{idx[0]}
		return sk.ensure(ctx, in[0], p.Initial)
	}
	for _, c := range in {
		if err := sk.ensure(ctx, c, p.Initial); err != nil {
			return err
		}
	}
	n0 := p.Initial
	// The error rate of a pair is α/(N−1) for the N designs within the
	// bounds, not the k classed feasible: which designs are in the
	// selection depends on the data, and the guarantee is about the truly
	// best feasible design against any design it could meet (Bonferroni
	// over every other design of the box).
	h2 := hSquared(n0, sk.res.SelectionAlpha/float64(max(sk.res.Designs, k)-1))
	// h2s2[i][l] and the running sums of differences, over the first r
	// replications.
	h2s2 := make([][]float64, k)
	sum := make([][]float64, k)
	d := make([]float64, n0)
	for i := range k {
		h2s2[i] = make([]float64, k)
		sum[i] = make([]float64, k)
		for l := range k {
			if l == i {
				continue
			}
			for j := range n0 {
				d[j] = sk.objective(in[i], j) - sk.objective(in[l], j)
				sum[i][l] += d[j]
			}
			h2s2[i][l] = h2 * variance(d)
		}
	}
	alive := make([]bool, k)
	for i := range alive {
		alive[i] = true
	}
	r := n0
	for {
		// Eliminate simultaneously against the designs alive at r.
		var out []int
		for i := range k {
			if !alive[i] {
				continue
			}
			for l := range k {
				if l == i || !alive[l] {
					continue
				}
				tie := h2s2[i][l] == 0 && sum[i][l] == 0 && l < i // identical designs: keep the first
				if knElim(sum[i][l], h2s2[i][l], p.Goal.Delta, r) || tie {
					out = append(out, i)
					break
				}
			}
		}
		for _, i := range out {
			alive[i] = false
			in[i].Eliminated = r
		}
		var left []int
		for i := range k {
			if alive[i] {
				left = append(left, i)
			}
		}
		sk.progress("selection: %d of %d designs in the running after %d replications", len(left), k, r)
		if len(left) == 1 {
			sk.res.Best = idx[left[0]]
			sk.res.Survivors = []int{idx[left[0]]}
			return nil
		}
		if r >= p.Max {
			sk.res.Capped = true
			best := left[0]
			for _, i := range left {
				sk.res.Survivors = append(sk.res.Survivors, idx[i])
				if sk.objMean(in[i]) < sk.objMean(in[best]) {
					best = i
				}
			}
			sk.res.Best = idx[best]
			return nil
		}
		// One more replication for every design in the running, run in
		// batches.
		for _, i := range left {
			if len(in[i].data) <= r {
				if err := sk.ensure(ctx, in[i], min(p.Max, r+sk.batch(r))); err != nil {
					return err
				}
			}
		}
		for _, i := range left {
			for _, l := range left {
				if l != i {
					sum[i][l] += sk.objective(in[i], r) - sk.objective(in[l], r)
				}
			}
		}
		r++
	}
}

// objMean returns the mean of a candidate's objective, negated for
// maximisation.
func (sk *seeker) objMean(c *SeekCandidate) float64 {
	var s float64
	for j := range c.data {
		s += sk.objective(c, j)
	}
	return s / float64(len(c.data))
}
