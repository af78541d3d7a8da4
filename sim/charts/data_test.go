package charts

import (
	"errors"
	"math"
	"slices"
	"testing"

	"github.com/salesim/salesim/sim/labels"
	"github.com/salesim/salesim/sim/metric"
)

func TestThroughputData(t *testing.T) {
	t.Parallel()
	rows := append([]row{
		tot("done.cold_call", "manager", 0, 0),
		tot("done.cold_call", "hunter", 10400, 20),
		tot("done.cold_call", "farmer", 0, 0),
		// meeting: a t interval below 0 is clipped.
		tot("done.meeting", "hunter", 0.2, 0.5),
		tot("done.meeting", "farmer", 569, 19),
		// order: nobody did any, so no panel.
		tot("done.order", "hunter", 0, 0),
		tot("done.order", "farmer", 0, 0),
	}, headcounts...)
	got := ThroughputData(table(rows...), testMeta())
	want := []Group{
		{Metric: "done.cold_call", Title: "cold call", Bars: []Bar{
			{"hunter", 1, Estimate{10400, 10380, 10420}},
			{"farmer", 2, Estimate{0, 0, 0}},
		}},
		{Metric: "done.meeting", Title: "meeting", Bars: []Bar{
			{"hunter", 1, Estimate{0.2, 0, 0.7}},
			{"farmer", 2, Estimate{569, 550, 588}},
		}},
	}
	checkGroups(t, "ThroughputData", got, want)
}

func TestOutcomeData(t *testing.T) {
	t.Parallel()
	rows := append([]row{
		tot("first_orders", "hunter", 1.2, 0.36),
		tot("first_orders", "farmer", 66, 3.5),
		tot("handovers", "hunter", 0.87, 0.35),
		tot("handovers", "farmer", 0, 0),
	}, headcounts...)
	got, none := OutcomeData(table(rows...), testMeta())
	if len(none) != 0 {
		t.Errorf("outcomes none = %q, want none", none)
	}
	want := []Group{
		{Metric: "first_orders", Title: "deals won", Bars: []Bar{
			{"hunter", 1, Estimate{1.2, 0.84, 1.56}},
			{"farmer", 2, Estimate{66, 62.5, 69.5}},
		}},
		{Metric: "handovers", Title: "clients handed over", Bars: []Bar{
			{"hunter", 1, Estimate{0.87, 0.52, 1.22}},
			{"farmer", 2, Estimate{0, 0, 0}},
		}},
	}
	checkGroups(t, "OutcomeData", got, want)
}

func TestActiveRolesWithoutHeadcount(t *testing.T) {
	t.Parallel()
	// A table without headcount shows every role; an outcome nobody
	// achieved is listed apart.
	got, none := OutcomeData(table(tot("orders", "manager", 1, 0), tot("orders", "hunter", 2, 0), tot("orders", "farmer", 3, 0),
		tot("passed", "hunter", 0, 0)), testMeta())
	if len(got) != 1 || len(got[0].Bars) != 3 {
		t.Fatalf("OutcomeData = %+v, want one group of 3 bars", got)
	}
	if !slices.Equal(none, []string{"leads passed on"}) {
		t.Errorf("outcomes none = %q, want [leads passed on]", none)
	}
}

func checkGroups(t *testing.T, name string, got, want []Group) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d groups %+v, want %d", name, len(got), got, len(want))
	}
	for i := range want {
		g, w := got[i], want[i]
		if g.Metric != w.Metric || g.Title != w.Title || len(g.Bars) != len(w.Bars) {
			t.Errorf("%s group %d = %+v, want %+v", name, i, g, w)
			continue
		}
		for j := range w.Bars {
			if g.Bars[j].Label != w.Bars[j].Label || g.Bars[j].Index != w.Bars[j].Index {
				t.Errorf("%s %s bar %d = %+v, want %+v", name, w.Metric, j, g.Bars[j], w.Bars[j])
			}
			checkEstimate(t, name+" "+w.Metric+" "+w.Bars[j].Label, g.Bars[j].Estimate, w.Bars[j].Estimate)
		}
	}
}

func TestCostData(t *testing.T) {
	t.Parallel()
	rows := append([]row{
		tot("cost", "hunter", 1.06e6, 0.01e6),
		tot("cost_salary", "hunter", 1.05e6, 0.01e6),
		tot("cost_bonus", "hunter", 6000, 1800),
		tot("margin", "hunter", 32000, 40000), // interval below 0 kept: margin can be negative
		tot("first_orders", "hunter", 1.2, 0.3),
		tot("handovers", "hunter", 0.8, 0.3),
		tot("passed", "hunter", 0, 0),
		tot("cost", "farmer", 2.95e6, 0.13e6),
		tot("cost_salary", "farmer", 1.47e6, 0.01e6),
		tot("cost_commission", "farmer", 1.48e6, 0.13e6),
		tot("margin", "farmer", 14.8e6, 1.3e6),
		tot("first_orders", "farmer", 66, 3.5),
	}, headcounts...)
	got := CostData(table(rows...), testMeta())
	if len(got) != 2 || got[0].Role != "hunter" || got[1].Role != "farmer" || got[0].Index != 1 || got[1].Index != 2 {
		t.Fatalf("CostData roles = %+v, want hunter (1) and farmer (2)", got)
	}
	h, f := got[0], got[1]
	checkEstimate(t, "hunter cost", h.Cost, Estimate{1.06e6, 1.05e6, 1.07e6})
	checkEstimate(t, "hunter margin", h.Margin, Estimate{32000, -8000, 72000})
	checkEstimate(t, "hunter salary", h.Parts[0], Estimate{1.05e6, 1.04e6, 1.06e6})
	checkEstimate(t, "hunter hourly (absent)", h.Parts[1], Estimate{})
	checkEstimate(t, "hunter bonus", h.Parts[3], Estimate{6000, 4200, 7800})
	checkEstimate(t, "farmer commission", f.Parts[2], Estimate{1.48e6, 1.35e6, 1.61e6})
	for _, tc := range []struct {
		name      string
		got, want float64
	}{
		{"hunter per deal", h.Per[0], 1.06e6 / 1.2},
		{"hunter per handover", h.Per[1], 1.06e6 / 0.8},
		{"hunter per passed (none)", h.Per[2], math.NaN()},
		{"farmer per deal", f.Per[0], 2.95e6 / 66},
		{"farmer per handover (absent)", f.Per[1], math.NaN()},
	} {
		if !same(tc.got, tc.want) {
			t.Errorf("%s = %g, want %g", tc.name, tc.got, tc.want)
		}
	}
}

func TestMonthlyData(t *testing.T) {
	t.Parallel()
	rows := []row{
		// Out of order on purpose: months come out sorted.
		{"margin", metric.Department, "m02", 1.1e6, 0.4e6},
		{"margin", metric.Department, "m01", 1.2e6, 0.3e6},
		{"margin", metric.Department, "m03", 1.3e6, 0.5e6},
		{"p_target", metric.Department, "m01", 0, 0.05},
		{"p_target", metric.Department, "m02", 0.1, 0.05},
		{"p_target", metric.Department, "m03", 0.4, 0.1},
		tot("p_target", metric.Department, 0.4, 0.1),
		tot("baseline", metric.Department, 1.4e6, 0.1e6),
		tot("margin", metric.Department, 3.6e6, 1e6),
	}
	m := testMeta()
	m.Target = &Target{Metric: "margin", Growth: 1, By: 3, Window: 2}
	d, err := MonthlyData(table(rows...), m)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(d.Months, []int{1, 2, 3}) || d.Metric != "margin" {
		t.Fatalf("months %v of %s, want [1 2 3] of margin", d.Months, d.Metric)
	}
	for i, w := range []struct{ p10, p50, p90 float64 }{{0.9e6, 1.2e6, 1.5e6}, {0.7e6, 1.1e6, 1.5e6}, {0.8e6, 1.3e6, 1.8e6}} {
		if !same(d.P10[i], w.p10) || !same(d.P50[i], w.p50) || !same(d.P90[i], w.p90) {
			t.Errorf("month %d: P10/P50/P90 = %g/%g/%g, want %g/%g/%g", i+1, d.P10[i], d.P50[i], d.P90[i], w.p10, w.p50, w.p90)
		}
	}
	if !same(d.Baseline, 1.4e6) || !same(d.Goal, 2.8e6) {
		t.Errorf("baseline %g, goal %g; want 1.4e6 and 2.8e6", d.Baseline, d.Goal)
	}
	checkEstimate(t, "reached by month 2", d.Reached[1], Estimate{0.1, 0.05, 0.15})
	checkEstimate(t, "P(target)", d.PTarget, Estimate{0.4, 0.3, 0.5})

	// Without a target: margin, no baseline, no probabilities.
	m.Target = nil
	d, err = MonthlyData(table(rows...), m)
	if err != nil {
		t.Fatal(err)
	}
	if !math.IsNaN(d.Baseline) || !math.IsNaN(d.Goal) || d.Reached != nil || !math.IsNaN(d.PTarget.Mean) {
		t.Errorf("without a target: baseline %g, goal %g, reached %v, P %v; want NaN, NaN, nil, NaN", d.Baseline, d.Goal, d.Reached, d.PTarget)
	}
	if _, err := MonthlyData(table(tot("margin", metric.Department, 1, 0)), m); !errors.Is(err, ErrNoData) {
		t.Errorf("no monthly rows: err = %v, want ErrNoData", err)
	}
}

func TestTimeSplitData(t *testing.T) {
	t.Parallel()
	rows := append([]row{
		tot("time_productive_h", "hunter", 25, 1),
		tot("time_idle_h", "hunter", 70, 1),
		tot("time_absence_h", "hunter", 5, 1),
		tot("time_productive_h", "farmer", 0, 0),
		tot("time_productive_h", metric.Department, 25, 1),
		tot("time_idle_h", metric.Department, 70, 1),
		tot("time_absence_h", metric.Department, 5, 1),
	}, headcounts...)
	got := TimeSplitData(table(rows...), testMeta())
	if len(got) != 3 {
		t.Fatalf("TimeSplitData = %+v, want hunter, farmer, department", got)
	}
	h, f, d := got[0], got[1], got[2]
	if h.Label != "hunter" || h.Index != 1 || d.Label != "department" || d.Index != -1 {
		t.Errorf("labels %q (%d), %q (%d); want hunter (1), department (-1)", h.Label, h.Index, d.Label, d.Index)
	}
	want := []float64{0.25, 0, 0, 0.7, 0.05, 0}
	for k := range want {
		if !same(h.Shares[k], want[k]) || !same(d.Shares[k], want[k]) {
			t.Errorf("share of %s: hunter %g, department %g, want %g", TimeParts[k], h.Shares[k], d.Shares[k], want[k])
		}
	}
	if h.Scheduled != 100 {
		t.Errorf("hunter scheduled %g h, want 100", h.Scheduled)
	}
	if f.Scheduled != 0 || !math.IsNaN(f.Shares[0]) {
		t.Errorf("farmer with no hours: scheduled %g, share %g; want 0 and NaN", f.Scheduled, f.Shares[0])
	}
}

func TestFunnelData(t *testing.T) {
	t.Parallel()
	rows := []row{
		tot("entered.contact", metric.Department, 10000, 20),
		tot("entered.request", metric.Department, 1000, 30),
		tot("entered.meeting", metric.Department, 550, 50),
		tot("entered.close", metric.Department, 110, 15),
		tot("new_clients", metric.Department, 44, 10),
		tot("leads_lost", metric.Department, 1200, 30),
		tot("leads_cold", metric.Department, 3, 4), // clipped at 0
	}
	f, err := FunnelData(table(rows...), testMeta())
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		name string
		from []string
		rate float64
	}{
		{"contact", nil, math.NaN()},
		{"request", nil, math.NaN()},
		{"meeting", []string{"contact", "request"}, 550.0 / 11000},
		{"close", []string{"meeting"}, 110.0 / 550},
		{"won", []string{"close"}, 44.0 / 110},
	}
	if len(f.Stages) != len(want) {
		t.Fatalf("stages %+v, want %d", f.Stages, len(want))
	}
	for i, w := range want {
		s := f.Stages[i]
		if s.Name != w.name || !slices.Equal(s.From, w.from) || !same(s.Rate, w.rate) || s.Won != (w.name == "won") {
			t.Errorf("stage %d = %s from %v at %g (won %t), want %s from %v at %g", i, s.Name, s.From, s.Rate, s.Won, w.name, w.from, w.rate)
		}
	}
	if len(f.Fates) != 3 || f.Fates[0].Label != "won (new clients)" || f.Fates[2].Label != "gone cold waiting" {
		t.Fatalf("fates %+v, want won, lost, cold", f.Fates)
	}
	checkEstimate(t, "cold", f.Fates[2].Estimate, Estimate{3, 0, 7})
	if _, err := FunnelData(table(), testMeta()); !errors.Is(err, ErrNoData) {
		t.Errorf("empty table: err = %v, want ErrNoData", err)
	}
}

func TestCompareData(t *testing.T) {
	t.Parallel()
	a := table(tot("margin", metric.Department, 10, 1), tot("profit", metric.Department, -2, 3), tot("p_target", metric.Department, 0.2, 0.1))
	b := table(tot("margin", metric.Department, 12, 1), tot("profit", metric.Department, 1, 3))
	ma, mb := testMeta(), testMeta()
	ma.Design, mb.Design = "a", "b"
	got := CompareData([]Design{{Meta: ma, Table: a}, {Meta: mb, Table: b}})
	want := []Group{
		{Metric: "margin", Title: "margin", Bars: []Bar{{"a", 0, Estimate{10, 9, 11}}, {"b", 1, Estimate{12, 11, 13}}}},
		// Profit may be negative: its interval is not clipped.
		{Metric: "profit", Title: "profit (margin − cost)", Bars: []Bar{{"a", 0, Estimate{-2, -5, 1}}, {"b", 1, Estimate{1, -2, 4}}}},
		{Metric: "p_target", Title: "P(target reached)", Bars: []Bar{{"a", 0, Estimate{0.2, 0.1, 0.3}}}},
	}
	checkGroups(t, "CompareData", got, want)
	if _, err := Compare([]Design{{Meta: ma, Table: a}}); !errors.Is(err, ErrNoData) {
		t.Errorf("Compare of one design: err = %v, want ErrNoData", err)
	}
}

func TestDiffData(t *testing.T) {
	t.Parallel()
	a := table(tot("margin", metric.Department, 10, 1), tot("p_target", metric.Department, 0.2, 0.1))
	b := table(tot("margin", metric.Department, 12, 1), tot("p_target", metric.Department, 0.5, 0.1))
	db := table(tot("margin", metric.Department, 2, 0.5), tot("p_target", metric.Department, 0.3, 0.1))
	ma, mb, mc := testMeta(), testMeta(), testMeta()
	ma.Design, mb.Design, mc.Design = "a", "b", "c"
	ds := []Design{{Meta: ma, Table: a}, {Meta: mb, Table: b, Diff: db}, {Meta: mc, Table: b}}
	got := DiffData(ds)
	want := []Group{
		// c has no differences (Diff nil): left out; a is the reference.
		{Metric: "margin", Title: "margin", Bars: []Bar{{"b", 1, Estimate{2, 1.5, 2.5}}}},
		{Metric: "p_target", Title: "P(target reached)", Bars: []Bar{{"b", 1, Estimate{0.3, 0.2, 0.4}}}},
	}
	checkGroups(t, "DiffData", got, want)
	f, err := Differences(ds)
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Panels) != 1 || len(f.Panels[0]) != 2 || f.Panels[0][0].Title.Text != "margin" {
		t.Errorf("Differences: %d rows of panels, want one row: margin, P(target)", len(f.Panels))
	}
	ma.Lang = labels.Russian
	if got := DiffData(ds); got[0].Title != "маржа" || got[1].Title != "P(цель достигнута)" {
		t.Errorf("DiffData in Russian: titles %q, %q", got[0].Title, got[1].Title)
	}
	if _, err := Differences(ds[:1]); !errors.Is(err, ErrNoData) {
		t.Errorf("Differences of one design: err = %v, want ErrNoData", err)
	}
}

func TestSpread(t *testing.T) {
	t.Parallel()
	st := func(v ...float64) []FunnelStage {
		var out []FunnelStage
		for _, x := range v {
			out = append(out, FunnelStage{Entered: Estimate{Mean: x}})
		}
		return out
	}
	for _, tc := range []struct {
		stages []FunnelStage
		lo, hi float64
		log    bool
	}{
		{st(70300, 2648, 711, 73.3), 73.3, 70300, true},
		{st(1269, 583, 304, 140, 67.3), 67.3, 1269, false},
		{st(0, 10, 0), 10, 10, false},
		{st(0), 1, 1, false},
	} {
		lo, hi := spread(tc.stages)
		if lo != tc.lo || hi != tc.hi || (hi > logSpread*lo) != tc.log {
			t.Errorf("spread = %g, %g (log %t), want %g, %g (log %t)", lo, hi, hi > logSpread*lo, tc.lo, tc.hi, tc.log)
		}
	}
}

func TestWeights(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		w    []float64
		n    int
		want []float64
	}{
		{nil, 2, []float64{0.5, 0.5}},
		{[]float64{3, 1}, 2, []float64{0.75, 0.25}},
		{[]float64{2}, 3, []float64{0.5, 0.25, 0.25}}, // missing weights are 1
		{[]float64{-1, 1}, 2, []float64{0.5, 0.5}},
	} {
		got := weights(tc.w, tc.n)
		for i := range tc.want {
			if !same(got[i], tc.want[i]) {
				t.Errorf("weights(%v, %d) = %v, want %v", tc.w, tc.n, got, tc.want)
				break
			}
		}
	}
}
