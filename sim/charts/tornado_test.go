package charts

import (
	"bytes"
	"errors"
	"math"
	"testing"

	"github.com/salesim/salesim/sim/metric"
)

// TestTornado: a panel per response, in rows of three; no panel or an
// empty one is ErrNoData; a NaN μ* (an input that never moved) draws an
// empty bar rather than failing; the figure renders as PNG and SVG.
func TestTornado(t *testing.T) {
	t.Parallel()
	if _, err := Tornado("t", "", "", nil, nil); !errors.Is(err, ErrNoData) {
		t.Errorf("no panels: %v, want ErrNoData", err)
	}
	if _, err := Tornado("t", "", "", []TornadoPanel{{Title: "margin"}}, nil); !errors.Is(err, ErrNoData) {
		t.Errorf("empty panel: %v, want ErrNoData", err)
	}
	bars := []TornadoBar{
		{Label: "close rate", Estimate: Estimate{Mean: 4.7e6, Lo: 3.9e6, Hi: 5.5e6}, Mu: 4.7e6},
		{Label: "churn", Estimate: Estimate{Mean: 4.4e6, Lo: 4e6, Hi: 4.9e6}, Mu: -4.4e6},
		{Label: "attempts", Estimate: Estimate{Mean: math.NaN(), Lo: math.NaN(), Hi: math.NaN()}, Noise: true},
	}
	var ps []TornadoPanel
	for _, u := range []metric.Unit{metric.Money, metric.Money, metric.Share, metric.Hours} {
		ps = append(ps, TornadoPanel{Title: string(u), Unit: u, Bars: bars})
	}
	f, err := Tornado("What moves it", "sub", "₽", ps, []string{"note"})
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Panels) != 2 || len(f.Panels[0]) != 3 || f.Panels[1][1] != nil {
		t.Errorf("panels %d rows, want 2 rows of 3 (the second with one)", len(f.Panels))
	}
	if got := f.Panels[0][0].X.Max; math.Abs(got-1.3*5.5e6) > 1 {
		t.Errorf("x max %g, want room past the longest whisker (%g)", got, 1.3*5.5e6)
	}
	for _, format := range Formats {
		var b bytes.Buffer
		if err := f.Render(format, &b); err != nil || b.Len() == 0 {
			t.Errorf("%s: %v, %d bytes", format, err, b.Len())
		}
	}
}
