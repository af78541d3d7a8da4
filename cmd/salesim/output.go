package main

import (
	"bytes"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/salesim/salesim/sim/experiment"
	"github.com/salesim/salesim/sim/labels"
	"github.com/salesim/salesim/sim/metric"
	"github.com/salesim/salesim/sim/quantity"
)

// outputOptions say what writeRun writes and prints.
type outputOptions struct {
	plots, report, quiet bool
	json                 bool               // print summary.json instead of the tables
	records              experiment.Records // the formats of the per-replication records
	lang                 labels.Lang        // of the plots and the report
	// statusQuo is the run's status quo, merged, or nil: its files go to
	// the status-quo subfolder, the plan's differences against it to
	// status-quo.csv, the plots, the report and the terminal.
	statusQuo *experiment.Merged
	// interrupted: the run was stopped (Ctrl-C, SIGTERM) and writes only
	// its data files and manifest, not the plots and the page, which take
	// seconds (tens under the race detector) when the user asked to stop
	// within one; 'salesim report DIR' draws the page and its figures.
	interrupted bool
	// shownDir is the folder named to the user, if not the one written
	// (a temporary folder renamed into place at the end: outdir.go).
	shownDir string
}

// heldStdout returns env with its standard output held until flush is
// called, for a command to print its tables only once its files are in
// place: a reader that stops early ('salesim run | head') ends salesim
// (SIGPIPE) at the first write after it has gone, which must not cost the
// run its files.
func heldStdout(env *cmdEnv) (held *cmdEnv, flush func()) {
	var b bytes.Buffer
	h := *env
	h.stdout = &b
	return &h, func() { env.stdout.Write(b.Bytes()) }
}

// writeRun writes every result file of a merged run into dir, each
// atomically, the manifest last but for the report, then prints the key
// results, or with -json the summary as JSON. run, compare and merge all
// end here, so a single-machine run and a merged cluster run cannot
// drift apart.
func writeRun(env *cmdEnv, dir string, m *experiment.Merged, man *experiment.Manifest, opt outputOptions) error {
	man.Describe(m)
	d := m.Design
	var vs *experiment.Comparison // the plan against its status quo
	if sq := opt.statusQuo; sq != nil {
		vs = experiment.Versus(experiment.Result{Design: d, Records: m.Run.Records},
			experiment.Result{Design: sq.Design, Records: sq.Run.Records})
	}
	var summary experiment.File
	for _, f := range m.Files(opt.records) {
		if err := writeFile(filepath.Join(dir, f.Name), f.Write); err != nil {
			return err
		}
		man.Files = append(man.Files, f.Name)
		if f.Name == "summary.json" {
			summary = f
		}
	}
	if opt.interrupted {
		opt.plots, opt.report = false, false
	}
	if opt.plots {
		names, err := writePlots(dir, d, m.Table, m.People, vs, opt.lang)
		if err != nil {
			return fmt.Errorf("plots: %w", err)
		}
		man.Files = append(man.Files, names...)
	}
	if opt.report {
		man.Files = append(man.Files, "report.html")
	}
	man.Files = append(man.Files, "manifest.json")
	if err := writeFile(filepath.Join(dir, "manifest.json"), man.WriteJSON); err != nil {
		return err
	}
	if opt.report {
		if err := writeReport(dir, d, m.Table, m.People, man, vs, opt.lang); err != nil {
			return fmt.Errorf("report: %w", err)
		}
	}
	switch {
	case opt.json:
		if err := summary.Write(env.stdout); err != nil {
			return err
		}
	case !opt.quiet:
		printRun(env, m, man)
	}
	if vs != nil {
		if err := writeStatusQuo(env, dir, opt.statusQuo, vs, opt.quiet || opt.json, opt.records); err != nil {
			return err
		}
	}
	if !opt.quiet && !opt.json {
		shown := dir
		if opt.shownDir != "" {
			shown = opt.shownDir
		}
		fmt.Fprintf(env.stdout, "\nresults in %s\n", shown)
	}
	return nil
}

// printRun prints what a run was, how fast, the file it read and its key
// results.
func printRun(env *cmdEnv, m *experiment.Merged, man *experiment.Manifest) {
	w, width := env.stdout, tableWidth(env)
	d := m.Design
	head := fmt.Sprintf("%s: %d replications, seed %d, %d months after a %s warm-up",
		d.Name, len(m.Run.Records), m.Run.Header.Seed, d.Plan.Months(), quantity.Span(d.Plan.Config().Run.Warmup))
	if man.WallSeconds > 0 {
		head += fmt.Sprintf(" (%.2fs, %.0f replications/s, %s kernel events/s)", man.WallSeconds, man.RepsPerSec, quantity.Count(man.EventsPerSec))
	}
	fmt.Fprint(w, wrapText(head, width, "  "))
	fmt.Fprint(w, wrapText(sourceLine(man.File, man.SHA256, len(man.Sources)-1, man.Overrides), width, "  "))
	fmt.Fprintln(w)
	printRunTable(w, d, m.Table, width)
	if !slices.Contains(man.Files, "replications.csv") {
		fmt.Fprint(w, "\n"+wrapText(fmt.Sprintf("replications.csv not written: %s rows (more than %s); the records are in replications.parquet (-records both writes both)",
			quantity.Count(float64(len(m.Run.Keys)*len(m.Run.Records))), quantity.Count(experiment.CSVRowLimit)), width, "  "))
	}
}

// sourceLine names the scenario file a design was read from, how many
// files it includes, the SHA-256 of the text read (12 hex digits; the
// manifest has all 64) and the overrides.
func sourceLine(file, sum string, includes int, set []string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "read %s", file)
	if includes > 0 {
		fmt.Fprintf(&b, " + %d included file%s", includes, plural(includes))
	}
	fmt.Fprintf(&b, ", SHA-256 %.12s", sum)
	if len(set) > 0 {
		fmt.Fprintf(&b, "; overrides -set %s", strings.Join(set, " -set "))
	}
	return b.String()
}

// suggestMetric suggests the nearest department metric of design d to
// name, and where to find them all.
func suggestMetric(d *experiment.Design, name string) string {
	var names []string
	for _, k := range d.Plan.Catalog().Keys {
		if k.Role == metric.Department && k.Period == metric.Total {
			names = append(names, k.Metric)
		}
	}
	if s := nearest(name, names); s != "" {
		return fmt.Sprintf(" (did you mean %s? 'salesim metrics' lists them)", s)
	}
	return " ('salesim metrics' lists them)"
}
