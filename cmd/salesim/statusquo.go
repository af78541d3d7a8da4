package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"text/tabwriter"

	"github.com/salesim/salesim/sim/experiment"
	"github.com/salesim/salesim/sim/metric"
	"github.com/salesim/salesim/sim/quantity"
	"github.com/salesim/salesim/sim/report"
	"github.com/salesim/salesim/sim/results"
)

// The status quo of a run: a design with reorganisations is run beside
// its status quo (experiment.StatusQuo: the same design without them) on
// common random numbers. Its files go to the run's folder's status-quo/
// subfolder (its shards too, for merge), the paired differences of the
// plan against it to status-quo.csv, and the key ones to the terminal.

// statusQuoDir is the subfolder of a run's folder holding its status quo.
const statusQuoDir = "status-quo"

// statusQuoFile holds the paired differences of the plan against it.
const statusQuoFile = "status-quo.csv"

// withStatusQuo returns the designs to run for d: d and, unless off, its
// status quo if it has one.
func withStatusQuo(d *experiment.Design, off bool) ([]*experiment.Design, error) {
	if off {
		return []*experiment.Design{d}, nil
	}
	sq, ok, err := experiment.StatusQuo(d)
	if err != nil {
		return nil, fmt.Errorf("the status quo of %s: %w", d.Name, err)
	}
	if !ok {
		return []*experiment.Design{d}, nil
	}
	return []*experiment.Design{d, sq}, nil
}

// writeStatusQuoShard writes the status quo's shard of a sharded run
// beside the plan's.
func writeStatusQuoShard(dir string, sh *results.Shard) error {
	sub := filepath.Join(dir, statusQuoDir)
	if err := os.MkdirAll(sub, 0o755); err != nil {
		return err
	}
	path := filepath.Join(sub, results.ShardName(sh.Header.Shard, sh.Header.Shards))
	return writeFile(path, func(w io.Writer) error { return results.WriteShard(w, sh) })
}

// writeStatusQuo writes the status quo's results under dir and the
// plan's paired differences against it (vs), and prints the key ones;
// its per-replication records are in the format the run's -records says.
func writeStatusQuo(env *cmdEnv, dir string, sq *experiment.Merged, vs *experiment.Comparison, quiet bool, records experiment.Records) error {
	sub := filepath.Join(dir, statusQuoDir)
	if err := os.MkdirAll(filepath.Join(sub, "shards"), 0o755); err != nil {
		return err
	}
	if err := writeFile(filepath.Join(sub, "shards", results.ShardName(0, 1)), func(w io.Writer) error { return results.WriteShard(w, sq.Run) }); err != nil {
		return err
	}
	man := experiment.Manifest{Command: []string{"salesim", "run"}}
	if err := writeRun(env, sub, sq, &man, outputOptions{quiet: true, records: records}); err != nil {
		return err
	}
	if err := writeFile(filepath.Join(dir, statusQuoFile), vs.WriteCSV); err != nil {
		return err
	}
	if !quiet {
		printStatusQuo(env.stdout, vs, tableWidth(env))
	}
	return nil
}

// mergeStatusQuo merges the status quo's shards of a sharded run in dir,
// or returns nil if the run has none.
func mergeStatusQuo(dir string) (*experiment.Merged, error) {
	sub := filepath.Join(dir, statusQuoDir)
	if _, err := os.Stat(sub); err != nil {
		return nil, nil // a run without a status quo
	}
	shards, err := readShards(sub)
	if err != nil {
		return nil, fmt.Errorf("status quo: %w", err)
	}
	sq, err := experiment.Merge(shards, experiment.MergeOptions{})
	if err != nil {
		return nil, fmt.Errorf("status quo: %w", err)
	}
	return sq, nil
}

// statusQuoReport is the report's section of the plan against its
// status quo.
func statusQuoReport(vs *experiment.Comparison) *report.StatusQuo {
	r := &report.StatusQuo{Name: vs.Designs[0].Name, N: vs.Tables[1].N}
	for _, m := range experiment.StatusQuoMetrics {
		row, ok := vs.Get(1, m)
		ref, ok2 := vs.Get(0, m)
		if !ok || !ok2 || !row.HasRef {
			continue
		}
		info, _ := vs.Designs[1].Plan.Catalog().Metric(m)
		r.Rows = append(r.Rows, report.StatusQuoRow{Metric: report.Metric{Name: m, Unit: string(info.Unit), Doc: info.Doc},
			Plan: row.Summary.Mean, StatusQuo: ref.Summary.Mean, Diff: row.Diff})
	}
	return r
}

// printStatusQuo prints the plan's key differences against its status
// quo, its heading wrapped to width.
func printStatusQuo(w io.Writer, c *experiment.Comparison, width int) {
	sq := c.Designs[0]
	fmt.Fprint(w, "\n"+wrapText(fmt.Sprintf("against the status quo (%s: the same demand, no reorganisation), paired over %d replications:",
		sq.Name, c.Tables[0].N), width, "  ")+"\n")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "metric\tplan\tstatus quo\tplan − status quo\t95%% interval\t\n")
	for _, m := range experiment.StatusQuoMetrics {
		row, ok := c.Get(1, m)
		ref, ok2 := c.Get(0, m)
		if !ok || !ok2 || !row.HasRef {
			continue
		}
		info, _ := c.Designs[1].Plan.Catalog().Metric(m)
		unit, cur := info.Unit, c.Designs[1].Currency()
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t\n", m,
			quantity.Format(row.Summary.Mean, unit, cur), quantity.Format(ref.Summary.Mean, unit, cur),
			quantity.Signed(row.Diff.Mean, unit, cur), quantity.Interval(row.Diff.Lo, row.Diff.Hi, unit, cur))
	}
	tw.Flush()
	if row, ok := c.Get(1, metric.Margin); ok && row.HasRef {
		if ref, ok := c.Get(0, metric.Margin); ok && ref.Summary.Mean != 0 {
			fmt.Fprintf(w, "\nthe plan's own effect on margin: %s of the status quo's\n", quantity.Signed(row.Diff.Mean/ref.Summary.Mean, metric.Share, ""))
		}
	}
}
