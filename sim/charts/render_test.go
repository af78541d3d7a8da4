package charts

import (
	"bytes"
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"

	"github.com/salesim/salesim/sim/labels"
	"github.com/salesim/salesim/sim/metric"
	"github.com/salesim/salesim/sim/quantity"
	"github.com/salesim/salesim/sim/results"
)

// fullTable returns a table with every metric the figures use, for the
// design of testMeta with a target, over its three months.
func fullTable() *results.Table {
	m := testMeta()
	var rows []row
	roles := append([]string{metric.Department}, m.Roles...)
	periods := []string{metric.Total, "m01", "m02", "m03"}
	for ri, r := range roles {
		scale := float64(ri) // manager (1) is emptied below
		if r == metric.Department {
			scale = 3
		}
		for pi, p := range periods {
			f := scale * float64(1+pi%2)
			for _, x := range []struct {
				metric string
				v      float64
			}{
				{"margin", 1.2e6 * f}, {"cost", 3e5 * f}, {"profit", 9e5 * f},
				{"cost_salary", 2e5 * f}, {"cost_hourly", 1e4 * f}, {"cost_commission", 8e4 * f}, {"cost_bonus", 1e4 * f},
				{"first_orders", 6 * f}, {"passed", 3 * f}, {"handovers", 1 * f}, {"orders", 70 * f},
				{"new_clients", 6 * f}, {"churned_clients", 5 * f},
				{"time_productive_h", 400 * f}, {"time_switching_h", 20 * f}, {"time_fatigue_h", 10 * f},
				{"time_idle_h", 900 * f}, {"time_absence_h", 40 * f}, {"time_internal_h", 8 * f},
				{"headcount", 4 * f},
			} {
				v := x.v
				if r == "manager" {
					v = 0
				}
				rows = append(rows, row{x.metric, r, p, v, v / 10})
			}
		}
		for _, a := range m.Activities {
			rows = append(rows, tot("done."+a, r, 100*scale, 5))
		}
	}
	for i, s := range m.Stages {
		rows = append(rows, tot("entered."+s.Name, metric.Department, 1000/float64(i+1), 20))
	}
	rows = append(rows, tot("leads_lost", metric.Department, 800, 20), tot("leads_cold", metric.Department, 30, 5), tot("leads_nurtured", metric.Department, 60, 5))
	rows = append(rows, tot("baseline", metric.Department, 1e6, 1e5), tot("p_target", metric.Department, 0.3, 0.15))
	rows = append(rows, serviceRows...)
	for i, p := range periods[1:] {
		rows = append(rows, row{"p_target", metric.Department, p, 0.1 * float64(i+1), 0.1})
	}
	return table(rows...)
}

func targetMeta(name string) *Meta {
	m := testMeta()
	m.Design = name
	m.Currency = "EUR"
	m.Target = &Target{Metric: "margin", Growth: 1, By: 3, Window: 2}
	m.People = testPeople()
	m.ServiceTimes = []float64{0, 20.0 / 3600, 0}
	return m
}

// TestRenderSmoke draws every figure as PNG and SVG into a temporary
// folder and checks the files are well formed.
func TestRenderSmoke(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	tab := fullTable()
	figs, err := RunFigures(tab, targetMeta("test"))
	if err != nil {
		t.Fatal(err)
	}
	if len(figs) != 8 {
		t.Errorf("RunFigures gave %d figures, want 8", len(figs))
	}
	plain, err := RunFigures(tab, testMeta())
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range plain {
		if err := f.Render("svg", &bytes.Buffer{}); err != nil {
			t.Errorf("%s without a target: %v", f.Name, err)
		}
	}
	cmp, err := CompareFigures([]Design{{Meta: targetMeta("a"), Table: tab}, {Meta: targetMeta("b"), Table: tab, Diff: tab}})
	if err != nil {
		t.Fatal(err)
	}
	figs = append(figs, cmp...)
	names := map[string]bool{}
	for _, f := range figs {
		if names[f.Name] {
			t.Errorf("two figures named %s", f.Name)
		}
		names[f.Name] = true
		for _, format := range Formats {
			path := filepath.Join(dir, f.Name+"."+format)
			var b bytes.Buffer
			if err := f.Render(format, &b); err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			switch format {
			case "png":
				img, err := png.Decode(&b)
				if err != nil {
					t.Fatalf("%s: %v", path, err)
				}
				// PNGDPI pixels per inch, to a pixel.
				if w, want := img.Bounds().Dx(), int(float64(f.Width/vg.Inch)*PNGDPI+0.5); w != want {
					t.Errorf("%s is %d px wide, want %d", path, w, want)
				}
			case "svg":
				s := b.String()
				if !strings.Contains(s, "<svg") || !strings.HasSuffix(strings.TrimSpace(s), "</svg>") {
					t.Errorf("%s is not an SVG document", path)
				}
				if strings.Contains(s, "font-family:Liberation Sans;") || !strings.Contains(s, "Arial") {
					t.Errorf("%s: font family without fallback", path)
				}
			}
		}
	}
	if err := f0(figs).Render("gif", &bytes.Buffer{}); err == nil {
		t.Error("Render to gif: no error")
	}
}

func f0(fs []*Figure) *Figure { return fs[0] }

func TestRenderPlot(t *testing.T) {
	t.Parallel()
	g := Group{Title: "x", Bars: []Bar{{"a", 0, Estimate{1, 0.5, 1.5}}}}
	var b bytes.Buffer
	if err := Render(barsPanel(g, "count", countTicks, quantity.Count), 3*vg.Inch, 2*vg.Inch, "png", &b); err != nil {
		t.Fatal(err)
	}
	if _, err := png.Decode(&b); err != nil {
		t.Fatal(err)
	}
}

// TestLayoutAligns checks that the data areas of a column share their
// left and right edges however long the tick labels of each panel are.
func TestLayoutAligns(t *testing.T) {
	t.Parallel()
	short := barsPanel(Group{Title: "a", Bars: []Bar{{"x", 0, Estimate{1, 0.9, 1.1}}}}, "n", countTicks, quantity.Count)
	long := barsPanel(Group{Title: "b", Bars: []Bar{{"a much longer label", 1, Estimate{2e6, 1e6, 3e6}}}}, "n", moneyTicks, (&Meta{}).money)
	c := draw.New(vgimg.New(8*vg.Inch, 6*vg.Inch))
	panels := [][]*plot.Plot{{short, long}, {long, short}}
	cs := layout(panels, []float64{2, 1}, nil, c)
	for i := range 2 {
		d0, d1 := panels[0][i].DataCanvas(cs[0][i]), panels[1][i].DataCanvas(cs[1][i])
		if !near(d0.Min.X, d1.Min.X) || !near(d0.Max.X, d1.Max.X) {
			t.Errorf("column %d: data x [%v, %v] and [%v, %v] differ", i, d0.Min.X, d0.Max.X, d1.Min.X, d1.Max.X)
		}
	}
	w0 := panels[0][0].DataCanvas(cs[0][0])
	w1 := panels[0][1].DataCanvas(cs[0][1])
	if r := float64((w0.Max.X - w0.Min.X) / (w1.Max.X - w1.Min.X)); r < 1.99 || r > 2.01 {
		t.Errorf("data widths in ratio %.3f, want 2", r)
	}
}

// near compares lengths to a hundredth of a point.
func near(a, b vg.Length) bool { return fmt.Sprintf("%.2f", a) == fmt.Sprintf("%.2f", b) }

// TestCurrencyTheFontCanDraw: the rouble sign, which Liberation Sans lacks,
// is written RUB (руб. in Russian) in the figures.
func TestCurrencyTheFontCanDraw(t *testing.T) {
	for _, tc := range []struct {
		cur  string
		lang labels.Lang
		want string
	}{{"₽", labels.English, "1.2M RUB"}, {"₽", labels.Russian, "1.2M руб."}, {"€", labels.English, "1.2M €"}, {"", labels.English, "1.2M"}} {
		m := &Meta{Currency: tc.cur, Lang: tc.lang}
		if got := m.money(1.2e6); got != tc.want {
			t.Errorf("%q in %v: %q, want %q", tc.cur, tc.lang, got, tc.want)
		}
	}
}
