package main

import (
	"fmt"
	"io"
	"path/filepath"

	"github.com/salesim/salesim/sim/experiment"
	"github.com/salesim/salesim/sim/labels"
)

type outputOptions struct {
	plots, report, quiet bool
	lang                 labels.Lang // of the plots and the report
	// statusQuo is the run's status quo, merged, or nil: its files go to
	// the status-quo subfolder, the plan's differences against it to
	// status-quo.csv, the plots, the report and the terminal.
	statusQuo *experiment.Merged
}

// writeRun writes every result file of a merged run into dir, each
// atomically, the manifest last but for the report, then prints the key
// results. run, compare and merge all end here, so a single-machine run
// and a merged cluster run cannot drift apart.
func writeRun(env *cmdEnv, dir string, m *experiment.Merged, man *experiment.Manifest, opt outputOptions) error {
	man.Describe(m)
	d := m.Design
	var vs *experiment.Comparison // the plan against its status quo
	if sq := opt.statusQuo; sq != nil {
		vs = experiment.Versus(experiment.Result{Design: d, Records: m.Run.Records},
			experiment.Result{Design: sq.Design, Records: sq.Run.Records})
	}
	for _, f := range m.Files() {
		if err := writeFile(filepath.Join(dir, f.Name), f.Write); err != nil {
			return err
		}
		man.Files = append(man.Files, f.Name)
	}
	if opt.plots {
		names, err := writePlots(dir, d, m.Table, vs, opt.lang)
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
		if err := writeReport(dir, d, m.Table, man, vs, opt.lang); err != nil {
			return fmt.Errorf("report: %w", err)
		}
	}
	if !opt.quiet {
		printRun(env.stdout, dir, m, man)
	}
	if vs != nil {
		return writeStatusQuo(env, dir, opt.statusQuo, vs, opt.quiet)
	}
	return nil
}

// printRun prints what a run was, how fast, its key results and where
// its files are.
func printRun(w io.Writer, dir string, m *experiment.Merged, man *experiment.Manifest) {
	d := m.Design
	fmt.Fprintf(w, "%s: %d replications, seed %d, %d months after a %.0f-day warm-up",
		d.Name, len(m.Run.Records), m.Run.Header.Seed, d.Plan.Months(), d.Plan.Config().Run.Warmup/24)
	if man.WallSeconds > 0 {
		fmt.Fprintf(w, " (%.2fs, %.0f replications/s, %.3g M kernel events/s)", man.WallSeconds, man.RepsPerSec, man.EventsPerSec/1e6)
	}
	fmt.Fprintf(w, "\n\n")
	printRunTable(w, d, m.Table)
	fmt.Fprintf(w, "\nresults in %s\n", dir)
}
