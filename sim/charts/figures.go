package charts

import (
	"errors"

	"github.com/salesim/salesim/sim/results"
)

// RunFigures returns every figure of one design's results that has data,
// in reading order: the monthly target metric, cost, throughput,
// outcomes, utilisation, the funnel, the service per activity and the
// results per person (from Meta.People). Figures without data are left
// out; any other error is returned.
func RunFigures(t *results.Table, m *Meta) ([]*Figure, error) {
	var out []*Figure
	for _, fn := range []func(*results.Table, *Meta) (*Figure, error){
		MonthlyFigure, Cost, Throughput, Outcome, Utilisation, FunnelFigure, Service, PeopleFigure,
	} {
		f, err := fn(t, m)
		if errors.Is(err, ErrNoData) {
			continue
		}
		if err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	return out, nil
}

// CompareFigures returns the figures comparing designs: the paired
// differences against the first design, the monthly target metric of each
// design in small multiples, and the key totals side by side. It returns
// ErrNoData for fewer than two designs.
func CompareFigures(ds []Design) ([]*Figure, error) {
	var out []*Figure
	for _, fn := range []func([]Design) (*Figure, error){Differences, MonthlyCompare, Compare} {
		f, err := fn(ds)
		if errors.Is(err, ErrNoData) {
			continue
		}
		if err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	if len(out) == 0 {
		return nil, ErrNoData
	}
	return out, nil
}
