package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/salesim/salesim/sim/charts"
	"github.com/salesim/salesim/sim/metric"
	"github.com/salesim/salesim/sim/report"
	"github.com/salesim/salesim/sim/results"
)

func init() {
	register(&command{
		Name:      "report",
		UsageLine: "DIR",
		Short:     "write report.html for the results in a folder",
		Long: `
Report (re)writes DIR/report.html from the result files of a run in DIR:
the summaries are recomputed from replications.csv, and the design is
rebuilt from the scenario text recorded in manifest.json. The page is
self-contained (figures as inline SVG, no scripts, no network) and prints
with one section per page.

'salesim run -report' and 'salesim merge -report' write the same page.`,
		Run: func(ctx context.Context, env *cmdEnv, flags any, args []string) error {
			if len(args) != 1 {
				return usagef("report takes one results folder")
			}
			return reportCmd(env, args[0])
		},
	})
}

func reportCmd(env *cmdEnv, dir string) error {
	man, err := readManifest(filepath.Join(dir, "manifest.json"))
	if err != nil {
		return err
	}
	name := filepath.Join(dir, "replications.csv")
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	ks, recs, err := results.ReadReplicationsCSV(f, name)
	f.Close()
	if err != nil {
		return err
	}
	h := results.Header{Scenario: man.Scenario, SHA256: man.SHA256, Seed: man.Seed, Variant: man.Variant, Set: man.Overrides}
	if len(h.Set) == 0 {
		h.Set = nil
	}
	for _, s := range man.Sources {
		h.Sources = append(h.Sources, results.Source{Name: s.Name, Text: []byte(s.Text)})
	}
	d, err := designFromHeader(h, env)
	if err != nil {
		return fmt.Errorf("%s: %w", dir, err)
	}
	if want := keys(d.plan); results.KeysDigest(want) != results.KeysDigest(ks) {
		return fmt.Errorf("%s: replications.csv does not hold the measures of %s as this salesim version defines them", dir, d.name)
	}
	if err := writeReport(dir, d, results.Aggregate(ks, recs), man); err != nil {
		return err
	}
	fmt.Fprintf(env.stdout, "wrote %s\n", filepath.Join(dir, "report.html"))
	return nil
}

func readManifest(path string) (*manifest, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var m manifest
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &m, nil
}

// reportDeptMetrics are the rows of the department table of a report:
// the terminal's, and a few more.
var reportDeptMetrics = append(append([]string(nil), deptMetrics...), metric.OrdersDone, metric.OrdersLost, metric.LeadsNurtured, metric.Headcount)

// reportRoleMetrics are the columns of the per-role table of a report.
var reportRoleMetrics = []string{metric.Headcount, metric.Throughput, metric.FirstOrders, metric.Passed, metric.Handovers, metric.OrdersDone, metric.ChurnedClients, metric.Utilisation, metric.QueueWait, metric.Cost, metric.Margin, metric.Profit}

// writeReport writes dir/report.html for a run of design d with results
// t and manifest man.
func writeReport(dir string, d *design, t *results.Table, man *manifest) error {
	meta := chartMeta(d)
	figs, err := charts.RunFigures(t, meta)
	if err != nil {
		return err
	}
	r, err := reportRun(d, t, man, figs)
	if err != nil {
		return err
	}
	return writeFile(filepath.Join(dir, "report.html"), func(w io.Writer) error { return report.Write(w, r) })
}

func reportRun(d *design, t *results.Table, man *manifest, figs []*charts.Figure) (*report.Run, error) {
	cfg := d.plan.Config()
	cat := d.plan.Catalog()
	var summary bytes.Buffer
	summarize(&summary, d.sc)
	manJSON, err := json.MarshalIndent(man, "", "  ")
	if err != nil {
		return nil, err
	}
	r := &report.Run{
		Title:       d.name,
		Description: strings.TrimSpace(cfg.Description),
		Design:      summary.String(),
		Table:       t,
		Manifest:    manJSON,
	}
	r.Facts = runFacts(d, t, man)
	describe := func(name string) report.Metric {
		info, _ := cat.Metric(name)
		return report.Metric{Name: name, Unit: string(info.Unit), Doc: info.Doc}
	}
	for _, m := range reportDeptMetrics {
		r.DeptMetrics = append(r.DeptMetrics, describe(m))
	}
	for _, m := range reportRoleMetrics {
		r.RoleMetrics = append(r.RoleMetrics, describe(m))
	}
	var idle []string
	for _, role := range cat.Roles {
		if s, ok := t.Get(metric.Key{Metric: metric.Headcount, Role: role, Period: metric.Total}); ok && s.Mean == 0 {
			idle = append(idle, role)
			continue
		}
		r.Roles = append(r.Roles, role)
	}
	if len(idle) > 0 {
		r.Notes = append(r.Notes, "Not shown per role, as nobody held them after the warm-up: "+strings.Join(idle, ", ")+".")
	}
	if man.Partial {
		r.Notes = append(r.Notes, "The run was interrupted: these results cover only the replications that finished.")
	}
	if t.N < 10 {
		r.Notes = append(r.Notes, fmt.Sprintf("Only %d replications: the intervals are rough.", t.N))
	}
	if tg := cfg.Target; tg != nil {
		r.Target = &report.Target{Metric: tg.Metric, Growth: tg.Growth, By: tg.By, Window: tg.Window}
	}
	svgs, err := svgFigures(figs)
	if err != nil {
		return nil, err
	}
	for _, s := range svgs {
		r.Figures = append(r.Figures, report.Figure{Name: s.fig.Name, Title: s.fig.Title, Caption: s.fig.Caption, SVG: s.svg})
	}
	for _, s := range d.sc.Sources {
		r.Sources = append(r.Sources, report.Source{Name: s.Name, Text: string(s.Text)})
	}
	if r.Fonts, err = reportFonts(); err != nil {
		return nil, err
	}
	return r, nil
}

func reportFonts() ([]report.Font, error) {
	fs, err := charts.Fonts()
	if err != nil {
		return nil, err
	}
	var out []report.Font
	for _, f := range fs {
		out = append(out, report.Font{Family: f.Family, Weight: f.Weight, Style: f.Style, TTF: f.TTF})
	}
	return out, nil
}

// runFacts lists the run at a glance for a report's header.
func runFacts(d *design, t *results.Table, man *manifest) []report.Fact {
	cfg := d.plan.Config()
	var fs []report.Fact
	add := func(label, value string) {
		if value != "" {
			fs = append(fs, report.Fact{Label: label, Value: value})
		}
	}
	src := ""
	if len(d.sc.Sources) > 0 {
		src = d.sc.Sources[0].Name
	}
	add("scenario", src)
	add("variant", d.sc.Variant)
	add("overrides", strings.Join(d.sc.Set, " "))
	add("simulated", fmt.Sprintf("%d months after a %s warm-up", d.plan.Months(), checkHours(cfg.Run.Warmup)))
	reps := strconv.Itoa(t.N)
	if man.Partial {
		reps += " (interrupted)"
	}
	add("replications", reps)
	add("seed", strconv.FormatUint(man.Seed, 10))
	add("salesim", strings.TrimSpace(man.Salesim+" "+man.Go))
	add("started", man.Started)
	if man.WallSeconds > 0 {
		add("wall time", fmt.Sprintf("%.1f s", man.WallSeconds))
	}
	return fs
}

// writeCompareReport writes dir/report.html for a comparison: the
// designs, the paired differences of rows against the first design, and
// the comparison figures. Each design's own report, if written, is
// linked from its folder.
func writeCompareReport(dir string, runs []*compared, rows []pairRow, man *manifest) error {
	if len(runs) == 0 {
		return nil
	}
	c := &report.Comparison{Title: "Comparison of " + strconv.Itoa(len(runs)) + " designs"}
	cat := runs[0].d.plan.Catalog()
	for _, m := range cat.MetricNames() {
		info, _ := cat.Metric(m)
		c.Metrics = append(c.Metrics, report.Metric{Name: m, Unit: string(info.Unit), Doc: info.Doc})
	}
	for _, r := range runs {
		var summary bytes.Buffer
		summarize(&summary, r.d.sc)
		cd := report.CompareDesign{Name: r.d.name, Description: strings.TrimSpace(r.d.plan.Config().Description), Design: summary.String()}
		if _, err := os.Stat(filepath.Join(dir, safeName(r.d.name), "report.html")); err == nil {
			cd.Dir = safeName(r.d.name)
		}
		c.Designs = append(c.Designs, cd)
	}
	if tg := runs[0].d.plan.Config().Target; tg != nil {
		c.Target = &report.Target{Metric: tg.Metric, Growth: tg.Growth, By: tg.By, Window: tg.Window}
	}
	show := map[string]bool{metric.PTarget: true}
	for _, m := range compareMetrics {
		show[m] = true
	}
	for _, m := range []string{metric.Revenue, metric.ActiveClients, metric.LeadsLost, metric.OrdersLost, metric.Throughput, metric.LeadResponse, metric.Growth} {
		show[m] = true
	}
	// Department totals of the compared metrics, in compareMetrics order
	// first, then the others in catalog order.
	order := append(append([]string(nil), compareMetrics...), metric.PTarget)
	for _, m := range cat.MetricNames() {
		if show[m] && !contains(order, m) {
			order = append(order, m)
		}
	}
	for _, m := range order {
		for _, r := range rows {
			if r.key.Metric != m || r.key.Role != metric.Department || r.key.Period != metric.Total {
				continue
			}
			row := report.Row{Metric: m, Role: r.key.Role, Period: r.key.Period, Design: r.design, Value: r.s}
			if r.hasRef {
				d := r.diff
				row.Diff = &d
			}
			c.Rows = append(c.Rows, row)
		}
	}
	figs, err := charts.CompareFigures(chartDesigns(runs))
	if err != nil && !errors.Is(err, charts.ErrNoData) {
		return err
	}
	svgs, err := svgFigures(figs)
	if err != nil {
		return err
	}
	for _, s := range svgs {
		c.Figures = append(c.Figures, report.Figure{Name: s.fig.Name, Title: s.fig.Title, Caption: s.fig.Caption, SVG: s.svg})
	}
	if man != nil {
		if c.Manifest, err = json.MarshalIndent(man, "", "  "); err != nil {
			return err
		}
	}
	c.Facts = append(c.Facts,
		report.Fact{Label: "replications", Value: strconv.Itoa(runs[0].tab.N) + " per design, common random numbers"},
		report.Fact{Label: "seed", Value: strconv.FormatUint(runs[0].d.plan.Config().Run.Seed, 10)})
	if c.Fonts, err = reportFonts(); err != nil {
		return err
	}
	return writeFile(filepath.Join(dir, "report.html"), func(w io.Writer) error { return report.WriteCompare(w, c) })
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}
