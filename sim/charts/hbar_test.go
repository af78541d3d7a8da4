package charts

import (
	"image/color"
	"math"
	"testing"
	"time"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

// TestHBarsNonFinite: bars whose values are infinite or NaN (a cost that
// overflowed: the audit's 'salesim run growth-plan -set
// roles.farmer.pay.salary=1e308' hung for minutes in the rasteriser
// drawing cost.png) are left out of the range and the drawing, and the
// finite bars are drawn at once.
func TestHBarsNonFinite(t *testing.T) {
	t.Parallel()
	ink := color.Gray{Y: 80}
	for _, bad := range []float64{math.Inf(1), math.Inf(-1), math.NaN()} {
		p := plot.New()
		h := newHBars([]hbar{
			{y: 0, thick: 0.8, segs: []seg{{v: 5, color: ink}}, lo: 4, hi: 6, label: "5"},
			{y: 1, thick: 0.8, segs: []seg{{v: 3, color: ink}, {v: bad, color: ink}}, lo: bad, hi: bad, label: "∞"},
		})
		p.Add(h)
		xmin, xmax, _, _ := h.DataRange()
		if xmin != 0 || xmax != 6 {
			t.Errorf("%v: x range [%v, %v], want [0, 6]", bad, xmin, xmax)
		}
		done := make(chan struct{})
		go func() {
			defer close(done)
			c := vgimg.New(4*vg.Inch, 3*vg.Inch)
			p.Draw(draw.New(c))
		}()
		select {
		case <-done:
		case <-time.After(20 * time.Second): // a finite drawing takes milliseconds
			t.Fatalf("%v: drawing did not finish in 20 s", bad)
		}
	}
}
