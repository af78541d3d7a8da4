package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/salesim/salesim/sim/charts"
	"github.com/salesim/salesim/sim/experiment"
	"github.com/salesim/salesim/sim/labels"
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
the summaries are recomputed from replications.csv (or, for a run too
large for it, replications.parquet) and the results per person from
people.csv (or people.parquet), and the design is rebuilt from the
scenario text recorded in manifest.json. The page is
self-contained (figures as inline SVG, no scripts, no network) and prints
on A4 with one section per page; the scenario text and the manifest are
in a collapsed appendix, printed only when opened. -lang ru writes the
page and its figures in Russian.

'salesim run -report' and 'salesim merge -report' write the same page.`,
		Flags: func(fs *flag.FlagSet) any {
			f := &reportFlags{}
			langFlag(fs, &f.lang)
			return f
		},
		Run: func(ctx context.Context, env *cmdEnv, flags any, args []string) error {
			if len(args) != 1 {
				return usagef("report takes one results folder")
			}
			return reportCmd(env, args[0], flags.(*reportFlags).lang)
		},
	})
}

type reportFlags struct {
	lang labels.Lang
}

func reportCmd(env *cmdEnv, dir string, l labels.Lang) error {
	if err := runFolderCheck(dir); err != nil {
		return err
	}
	d, man, recs, people, err := readRunFolder(dir)
	if err != nil {
		return err
	}
	var vs *experiment.Comparison
	if _, err := os.Stat(filepath.Join(dir, statusQuoDir, "manifest.json")); err == nil {
		sq, _, sqRecs, _, err := readRunFolder(filepath.Join(dir, statusQuoDir))
		if err != nil {
			return err
		}
		vs = experiment.Versus(experiment.Result{Design: d, Records: recs}, experiment.Result{Design: sq, Records: sqRecs})
	}
	var pt *results.PeopleTable
	if people {
		pt = results.AggregatePeople(d.PeopleKeys(), recs)
	}
	if err := writeReport(dir, d, results.Aggregate(d.Keys(), recs), pt, man, vs, l); err != nil {
		return err
	}
	fmt.Fprintf(env.stdout, "wrote %s\n", filepath.Join(dir, "report.html"))
	return nil
}

// runFolderCheck says what dir is if it is not a run's folder (one with
// a manifest.json): missing, a comparison's folder, or another folder.
func runFolderCheck(dir string) error {
	if _, err := os.Stat(filepath.Join(dir, "manifest.json")); err == nil || !errors.Is(err, fs.ErrNotExist) {
		return nil // readRunFolder reads it, or reports why it cannot
	}
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return fmt.Errorf("%s: no such folder", dir)
	}
	if _, err := os.Stat(filepath.Join(dir, "comparison.json")); err == nil {
		msg := fmt.Sprintf("%s is the folder of a comparison: report rewrites the page of one run; give a design's subfolder", dir)
		if subs, _ := filepath.Glob(filepath.Join(dir, "*", "manifest.json")); len(subs) > 0 {
			msg += ", such as " + filepath.Dir(subs[0])
		}
		return errors.New(msg + " ('salesim compare -report' writes the comparison's page)")
	}
	return fmt.Errorf("%s: no manifest.json: not the folder of a run ('salesim run' or 'salesim merge' writes one)", dir)
}

// readRunFolder reads the design, manifest and records of a run's folder:
// the records from replications.csv, or from replications.parquet where
// only that was written (a run of more than experiment.CSVRowLimit rows,
// or -records parquet), and their measures per post from people.csv or
// people.parquet; people is false for a folder without either (written
// by an older salesim).
func readRunFolder(dir string) (d *experiment.Design, man *experiment.Manifest, recs []results.Record, people bool, err error) {
	if man, err = readManifest(filepath.Join(dir, "manifest.json")); err != nil {
		return nil, nil, nil, false, err
	}
	var ks []metric.Key
	var name string
	err = readEither(dir, "replications", func(r io.Reader, n string) (err error) {
		name = n
		ks, recs, err = results.ReadReplicationsCSV(r, n)
		return err
	}, func(r io.ReaderAt, size int64, n string) (err error) {
		name = n
		ks, recs, err = results.ReadReplicationsParquet(r, size, n)
		return err
	})
	if err != nil {
		return nil, nil, nil, false, err
	}
	// Every file the manifest lists must be there: a folder that lacks
	// one is not the whole of a run (report.html comes after the manifest).
	for _, name := range man.Files {
		// The files per person are optional (older runs have none).
		if name == "report.html" || strings.HasPrefix(name, "people") || name != filepath.Base(name) {
			continue
		}
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(name))); err != nil {
			return nil, nil, nil, false, fmt.Errorf("%s is not a whole run: manifest.json lists %s, which is missing (%v)", dir, name, err)
		}
	}
	if len(recs) != man.Replications {
		return nil, nil, nil, false, fmt.Errorf("%s holds %d replications but manifest.json says %d: the folder mixes two runs", name, len(recs), man.Replications)
	}
	if d, err = man.Design(); err != nil {
		return nil, nil, nil, false, fmt.Errorf("%s: %w", dir, err)
	}
	if results.KeysDigest(d.Keys()) != results.KeysDigest(ks) {
		return nil, nil, nil, false, fmt.Errorf("%s does not hold the measures of %s as this salesim version defines them", name, d.Name)
	}
	pk := d.PeopleKeys()
	if len(pk) == 0 {
		return d, man, recs, false, nil
	}
	err = readEither(dir, "people", func(r io.Reader, n string) error {
		return results.ReadPeopleCSV(r, n, pk, recs)
	}, func(r io.ReaderAt, size int64, n string) error {
		return results.ReadPeopleParquet(r, size, n, pk, recs)
	})
	if errors.Is(err, fs.ErrNotExist) {
		for i := range recs {
			recs[i].People = nil
		}
		return d, man, recs, false, nil
	}
	if err != nil {
		return nil, nil, nil, false, err
	}
	return d, man, recs, true, nil
}

// readEither reads dir/base.csv with readCSV, or, if there is none,
// dir/base.parquet with readParquet. If neither exists, the error wraps
// fs.ErrNotExist and names both.
func readEither(dir, base string, readCSV func(io.Reader, string) error, readParquet func(io.ReaderAt, int64, string) error) error {
	name := filepath.Join(dir, base+".csv")
	f, err := openRegular(name)
	if err == nil {
		defer f.Close()
		return readCSV(f, name)
	}
	if !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	name = filepath.Join(dir, base+".parquet")
	if f, err = openRegular(name); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("%s: neither %s.csv nor %s.parquet: %w", dir, base, base, fs.ErrNotExist)
		}
		return err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return err
	}
	if !fi.Mode().IsRegular() {
		return fmt.Errorf("%s: not a regular file", name)
	}
	return readParquet(f, fi.Size(), name)
}

func readManifest(path string) (*experiment.Manifest, error) {
	f, err := openRegular(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// A manifest holds the scenario's text (at most 4 MiB) and a little
	// more; a larger file is not one salesim wrote.
	return experiment.ReadManifest(io.LimitReader(f, 64<<20), path)
}

// openRegular opens a result file for reading, refusing anything but a
// regular file before opening it: a named pipe would block the open, a
// device such as /dev/zero never ends.
func openRegular(path string) (*os.File, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: not a regular file (%s): a result file is a regular file written by salesim", path, fi.Mode().Type())
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	if fi, err = f.Stat(); err != nil || !fi.Mode().IsRegular() {
		f.Close()
		return nil, fmt.Errorf("%s: not a regular file: a result file is a regular file written by salesim", path)
	}
	return f, nil
}

// reportDeptMetrics are the rows of the department table of a report:
// the terminal's, and a few more.
var reportDeptMetrics = append(append([]string(nil), deptMetrics...), metric.OrdersDone, metric.OrdersLost, metric.LeadsNurtured, metric.Headcount)

// reportRoleMetrics are the columns of the per-role table of a report.
var reportRoleMetrics = []string{metric.Headcount, metric.Throughput, metric.FirstOrders, metric.Passed, metric.Handovers, metric.OrdersDone, metric.ChurnedClients, metric.Utilisation, metric.QueueWait, metric.Cost, metric.Margin, metric.Profit}

// writeReport writes dir/report.html for a run of design d with results
// t, results per person people (nil: none) and manifest man, in language
// l.
func writeReport(dir string, d *experiment.Design, t *results.Table, people *results.PeopleTable, man *experiment.Manifest, vs *experiment.Comparison, l labels.Lang) error {
	meta := chartMeta(d, l)
	meta.People = people
	if vs != nil {
		meta.StatusQuo = vs.Tables[0]
	}
	figs, err := charts.RunFigures(t, meta)
	if err != nil {
		return err
	}
	r, err := reportRun(d, t, man, figs, l)
	if err != nil {
		return err
	}
	if vs != nil {
		r.StatusQuo = statusQuoReport(vs)
	}
	return writeFile(filepath.Join(dir, "report.html"), func(w io.Writer) error { return report.Write(w, r) })
}

func reportRun(d *experiment.Design, t *results.Table, man *experiment.Manifest, figs []*charts.Figure, l labels.Lang) (*report.Run, error) {
	cfg := d.Plan.Config()
	cat := d.Plan.Catalog()
	var summary bytes.Buffer
	summarize(&summary, d.Scenario)
	manJSON, err := man.JSON()
	if err != nil {
		return nil, err
	}
	r := &report.Run{
		Title:       d.Name,
		Description: strings.TrimSpace(cfg.Description),
		Design:      summary.String(),
		Table:       t,
		Manifest:    manJSON,
		SHA256:      d.Scenario.SHA256,
		Lang:        l,
		Currency:    d.Currency(),
	}
	r.Facts = runFacts(d, t, man, l)
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
		r.Notes = append(r.Notes, l.Trf("Not shown per role, as nobody held them after the warm-up: %s.", strings.Join(idle, ", ")))
	}
	if man.Partial {
		r.Notes = append(r.Notes, l.Tr("The run was interrupted: these results cover only the replications that finished."))
	}
	if t.N < 10 {
		r.Notes = append(r.Notes, l.Trf("Only %s: the intervals are rough.", l.Plural(t.N, "replication")))
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
	for _, s := range d.Scenario.Sources {
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
func runFacts(d *experiment.Design, t *results.Table, man *experiment.Manifest, l labels.Lang) []report.Fact {
	cfg := d.Plan.Config()
	var fs []report.Fact
	add := func(label, value string) {
		if value != "" {
			fs = append(fs, report.Fact{Label: label, Value: value})
		}
	}
	src := ""
	if len(d.Scenario.Sources) > 0 {
		src = d.Scenario.Sources[0].Name
	}
	add(l.Tr("scenario"), src)
	add(l.Tr("variant"), d.Scenario.Variant)
	add(l.Tr("overrides"), strings.Join(d.Scenario.Set, " "))
	add(l.Tr("simulated"), l.Trf("%s after a %s warm-up", l.Plural(d.Plan.Months(), "month"), checkHours(cfg.Run.Warmup)))
	reps := strconv.Itoa(t.N)
	if man.Partial {
		reps += " (" + l.Tr("interrupted") + ")"
	}
	add(l.Tr("replications"), reps)
	add(l.Tr("seed"), strconv.FormatUint(man.Seed, 10))
	add(l.Tr("currency"), d.Currency())
	add("salesim", strings.TrimSpace(man.Salesim+" "+man.Go))
	add(l.Tr("started"), man.Started)
	if man.WallSeconds > 0 {
		add(l.Tr("wall time"), l.Trf("%.1f s", man.WallSeconds))
	}
	return fs
}

// writeCompareReport writes dir/report.html for a comparison: the
// designs, the paired differences of rows against the first design, and
// the comparison figures, in language l. Each design's own report, if
// written, is linked from its folder.
func writeCompareReport(dir string, cm *experiment.Comparison, man *experiment.Manifest, l labels.Lang) error {
	if len(cm.Designs) == 0 {
		return nil
	}
	c := &report.Comparison{Title: l.Trf("Comparison of %d designs", len(cm.Designs)), Lang: l, Currency: cm.Designs[0].Currency()}
	cat := cm.Designs[0].Plan.Catalog()
	for _, m := range cat.MetricNames() {
		info, _ := cat.Metric(m)
		c.Metrics = append(c.Metrics, report.Metric{Name: m, Unit: string(info.Unit), Doc: info.Doc})
	}
	for _, d := range cm.Designs {
		var summary bytes.Buffer
		summarize(&summary, d.Scenario)
		cd := report.CompareDesign{Name: d.Name, Description: strings.TrimSpace(d.Plan.Config().Description), Design: summary.String()}
		if _, err := os.Stat(filepath.Join(dir, safeName(d.Name), "report.html")); err == nil {
			cd.Dir = safeName(d.Name)
		}
		c.Designs = append(c.Designs, cd)
	}
	if tg := cm.Designs[0].Plan.Config().Target; tg != nil {
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
		for _, r := range cm.Rows {
			if r.Key.Metric != m || r.Key.Role != metric.Department || r.Key.Period != metric.Total {
				continue
			}
			row := report.Row{Metric: m, Role: r.Key.Role, Period: r.Key.Period, Design: r.Design, Value: r.Summary}
			if r.HasRef {
				d := r.Diff
				row.Diff = &d
			}
			c.Rows = append(c.Rows, row)
		}
	}
	figs, err := charts.CompareFigures(chartDesigns(cm, l))
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
		if c.Manifest, err = man.JSON(); err != nil {
			return err
		}
	}
	c.Facts = append(c.Facts,
		report.Fact{Label: l.Tr("replications"), Value: l.Trf("%d per design, common random numbers", cm.Tables[0].N)},
		report.Fact{Label: l.Tr("seed"), Value: strconv.FormatUint(cm.Designs[0].Seed(), 10)})
	if cur := cm.Designs[0].Currency(); cur != "" {
		c.Facts = append(c.Facts, report.Fact{Label: l.Tr("currency"), Value: cur})
	}
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
