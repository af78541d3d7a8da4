package study

import (
	"fmt"
	"io"
	"math"
	"slices"
	"sort"
	"strings"

	"gonum.org/v1/plot/vg"

	"github.com/salesim/salesim/sim/charts"
	"github.com/salesim/salesim/sim/experiment"
	"github.com/salesim/salesim/sim/metric"
)

// maxCurves is the most curves a response's figure draws, one per
// combination of the other factors (and base designs); beyond it, as in
// a Latin hypercube, the figure draws the points in the order of the
// first factor as one curve.
const maxCurves = 8

// Curves returns response r against the first factor: a curve per
// combination of the other factors and base designs, each with the mean
// and 95 % interval at every level; nil if the file has no factor.
func (s *Swept) Curves(r Response) []charts.Curve {
	if len(s.File.Factors) == 0 {
		return nil
	}
	// Curves are named by the other factors' values, each factor by the
	// last part of its key (farmer=3) if those tell them apart.
	names := make([]string, len(s.File.Factors))
	seen := map[string]bool{}
	short := true
	for i, fc := range s.File.Factors {
		n := fc.Key
		if j := strings.LastIndexAny(n, ".]"); j >= 0 && j < len(n)-1 {
			n = strings.TrimPrefix(n[j+1:], ".")
		}
		names[i] = n
		short = short && !seen[n]
		seen[n] = true
	}
	if !short {
		for i, fc := range s.File.Factors {
			names[i] = fc.Key
		}
	}
	groups := map[string][]int{}
	var order []string
	for i, p := range s.Points {
		var parts []string
		if len(s.File.Designs) > 1 {
			parts = append(parts, s.File.Designs[p.Design])
		}
		for j, fc := range s.File.Factors[1:] {
			parts = append(parts, names[j+1]+"="+format(p.Values[j+1], fc.Integer))
		}
		k := strings.Join(parts, " ")
		if _, ok := groups[k]; !ok {
			order = append(order, k)
		}
		groups[k] = append(groups[k], i)
	}
	if len(order) > maxCurves {
		all := make([]int, len(s.Points))
		for i := range all {
			all[i] = i
		}
		groups, order = map[string][]int{"all points": all}, []string{"all points"}
	}
	var cs []charts.Curve
	for _, k := range order {
		idx := slices.Clone(groups[k])
		sort.SliceStable(idx, func(a, b int) bool { return s.Points[idx[a]].Values[0] < s.Points[idx[b]].Values[0] })
		c := charts.Curve{Name: k}
		for _, i := range idx {
			sum, ok := s.Response(i, r)
			if !ok {
				continue
			}
			c.X = append(c.X, s.Points[i].Values[0])
			c.Mean, c.Lo, c.Hi = append(c.Mean, sum.Mean), append(c.Lo, sum.Lo), append(c.Hi, sum.Hi)
		}
		if len(c.X) > 0 {
			cs = append(cs, c)
		}
	}
	return cs
}

// Grid returns response r over the first two factors: at each pair of
// their values, the mean over the points there (the other factors'
// levels and the base designs); NaN where there is none.
func (s *Swept) Grid(r Response) (charts.Grid, bool) {
	if len(s.File.Factors) < 2 {
		return charts.Grid{}, false
	}
	var xs, ys []float64
	for _, p := range s.Points {
		if !slices.Contains(xs, p.Values[0]) {
			xs = append(xs, p.Values[0])
		}
		if !slices.Contains(ys, p.Values[1]) {
			ys = append(ys, p.Values[1])
		}
	}
	slices.Sort(xs)
	slices.Sort(ys)
	g := charts.Grid{X: xs, Y: ys, Z: make([][]float64, len(xs))}
	n := make([][]int, len(xs))
	for i := range xs {
		g.Z[i] = make([]float64, len(ys))
		n[i] = make([]int, len(ys))
	}
	for i, p := range s.Points {
		sum, ok := s.Response(i, r)
		if !ok {
			continue
		}
		a, b := slices.Index(xs, p.Values[0]), slices.Index(ys, p.Values[1])
		g.Z[a][b] += sum.Mean
		n[a][b]++
	}
	for i := range xs {
		for j := range ys {
			if n[i][j] == 0 {
				g.Z[i][j] = math.NaN()
			} else {
				g.Z[i][j] /= float64(n[i][j])
			}
		}
	}
	return g, true
}

// figureName names a response's figure file: curve-margin.png,
// curve-margin-farmer.png.
func figureName(prefix string, r Response) string {
	name := prefix + "-" + r.Metric
	if r.Role != metric.Department {
		name += "-" + r.Role
	}
	return strings.Map(func(c rune) rune {
		if strings.ContainsRune(`/\:*?"<>| `, c) {
			return '_'
		}
		return c
	}, name) + ".png"
}

// Figures returns the sweep's figures as PNG files: for each response,
// its curves against the first factor (curve-<metric>.png); and if
// there are two factors or more, a heat map over the first two of
// p_target if it is a response, else of the first response
// (heatmap-<metric>.png).
func (s *Swept) Figures() []experiment.File {
	if len(s.File.Factors) == 0 {
		return nil
	}
	xlabel := s.File.Factors[0].Key
	var fs []experiment.File
	for _, r := range s.File.Responses {
		r := r
		fs = append(fs, experiment.File{Name: figureName("curve", r), Write: func(w io.Writer) error {
			p, err := charts.SweepCurves(fmt.Sprintf("%s: %s", s.File.Name, responseTitle(r)), xlabel, responseTitle(r), s.unit(r), s.Curves(r))
			if err != nil {
				return err
			}
			return charts.Render(p, 6*vg.Inch, 4*vg.Inch, "png", w)
		}})
	}
	if len(s.File.Factors) >= 2 && len(s.File.Responses) > 0 {
		r := s.File.Responses[0]
		for _, x := range s.File.Responses {
			if x.Metric == metric.PTarget && x.Role == metric.Department {
				r = x
			}
		}
		fs = append(fs, experiment.File{Name: figureName("heatmap", r), Write: func(w io.Writer) error {
			g, _ := s.Grid(r)
			p, err := charts.SweepHeatMap(fmt.Sprintf("%s: %s (mean)", s.File.Name, responseTitle(r)), xlabel, s.File.Factors[1].Key, s.unit(r), g)
			if err != nil {
				return err
			}
			return charts.Render(p, 6*vg.Inch, 4.5*vg.Inch, "png", w)
		}})
	}
	return fs
}

// responseTitle names a response: "margin", "margin of farmer".
func responseTitle(r Response) string {
	if r.Role == metric.Department {
		return r.Metric
	}
	return r.Metric + " of " + r.Role
}

// unit returns the unit of a response's metric.
func (s *Swept) unit(r Response) metric.Unit {
	if len(s.Designs) == 0 {
		return ""
	}
	return s.Designs[0].Units()(r.Metric)
}
