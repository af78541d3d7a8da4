package stats

// p2 estimates one quantile of a stream by the P² algorithm of Jain and
// Chlamtac, "The P² algorithm for dynamic calculation of quantiles and
// histograms without storing observations", CACM 28(10), 1985. Five
// markers track the minimum, the p/2-, p- and (1+p)/2-quantiles and the
// maximum: heights q and actual positions pos (1-based, as in the paper).
// After each observation the three middle markers that have drifted at
// least one position from their desired positions 1 + (n−1)·f move one
// position, their heights adjusted by the piecewise-parabolic (P²)
// formula, or linearly when the parabola would leave the neighbours'
// heights. The estimate is the middle height q[2].
//
// The desired positions are computed from the count rather than by adding
// increments as the paper does, so they carry no rounding error.
type p2 struct {
	q   [5]float64
	pos [5]int
}

// init starts the estimator from the first five observations, sorted.
func (e *p2) init(sorted *[5]float64) {
	e.q = *sorted
	e.pos = [5]int{1, 2, 3, 4, 5}
}

// add adds x, the n-th observation (n > 5), to the estimator of the
// p-quantile.
func (e *p2) add(x float64, n int, p float64) {
	q, pos := &e.q, &e.pos
	// Find the cell k with q[k] ≤ x < q[k+1], extending the extremes.
	var k int
	switch {
	case x < q[0]:
		q[0] = x
		k = 0
	case x >= q[4]:
		q[4] = x
		k = 3
	default:
		for x >= q[k+1] {
			k++
		}
	}
	for i := k + 1; i < 5; i++ {
		pos[i]++
	}
	m := float64(n - 1)
	desired := [3]float64{
		1 + float64(m*p/2),
		1 + float64(m*p),
		1 + float64(m*(1+p)/2),
	}
	for i := 1; i <= 3; i++ {
		d := desired[i-1] - float64(pos[i])
		var s int
		switch {
		case d >= 1 && pos[i+1]-pos[i] > 1:
			s = 1
		case d <= -1 && pos[i-1]-pos[i] < -1:
			s = -1
		default:
			continue
		}
		if h := e.parabolic(i, s); q[i-1] < h && h < q[i+1] {
			q[i] = h
		} else {
			q[i] = e.linear(i, s)
		}
		pos[i] += s
	}
}

// parabolic returns the P² height of marker i moved by s (±1) positions.
func (e *p2) parabolic(i, s int) float64 {
	q, d := &e.q, float64(s)
	n0, n1, n2 := float64(e.pos[i-1]), float64(e.pos[i]), float64(e.pos[i+1])
	up := float64((n1-n0+d)*(q[i+1]-q[i])) / (n2 - n1)
	down := float64((n2-n1-d)*(q[i]-q[i-1])) / (n1 - n0)
	return q[i] + float64(d/(n2-n0)*(up+down))
}

// linear returns the linearly interpolated height of marker i moved by s
// (±1) positions towards its neighbour.
func (e *p2) linear(i, s int) float64 {
	q := &e.q
	return q[i] + float64(float64(s)*(q[i+s]-q[i]))/float64(e.pos[i+s]-e.pos[i])
}
