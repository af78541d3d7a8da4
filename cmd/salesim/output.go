package main

import (
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"runtime"

	"github.com/salesim/salesim/sim/results"
)

type ioWriter = io.Writer

// manifest is manifest.json: what was run, how, and how fast.
type manifest struct {
	Salesim      string           `json:"salesim"`
	Go           string           `json:"go"`
	Command      []string         `json:"command,omitempty"`
	Started      string           `json:"started,omitempty"`
	Scenario     string           `json:"scenario"`
	Variant      string           `json:"variant,omitempty"`
	SHA256       string           `json:"sha256"`
	Overrides    []string         `json:"overrides"`
	Seed         uint64           `json:"seed"`
	Replications int              `json:"replications"`
	Requested    int              `json:"requested,omitempty"`
	Precision    float64          `json:"precision,omitempty"`
	Partial      bool             `json:"partial"`
	Shards       int              `json:"shards"`
	Workers      int              `json:"workers,omitempty"`
	Events       uint64           `json:"kernel_events"`
	WallSeconds  float64          `json:"wall_seconds,omitempty"`
	EventsPerSec float64          `json:"kernel_events_per_second,omitempty"`
	RepsPerSec   float64          `json:"replications_per_second,omitempty"`
	Files        []string         `json:"files"`
	Sources      []manifestSource `json:"sources"`
}

type manifestSource struct {
	Name   string `json:"name"`
	SHA256 string `json:"sha256"`
	Text   string `json:"text"`
}

type outputOptions struct {
	plots, report, quiet bool
	design               *design // the design, if loaded; else rebuilt from the shards
}

// mergeAndWrite merges shards and writes every result file of a run into
// dir, then prints the key results. run and merge both end here, so a
// single-machine run and a merged cluster run cannot drift apart.
func mergeAndWrite(env *cmdEnv, dir string, shards []*results.Shard, man *manifest, opt outputOptions) error {
	m, err := results.Merge(shards)
	if err != nil {
		return err
	}
	if partial := anyPartial(shards); partial {
		man.Partial = true
	}
	d := opt.design
	if d == nil {
		if d, err = designFromHeader(m.Header, env); err != nil {
			return err
		}
	}
	table := results.Aggregate(m.Keys, m.Records)
	h := m.Header
	man.Salesim, man.Go = version(), runtime.Version()
	man.Scenario, man.Variant, man.SHA256 = h.Scenario, h.Variant, h.SHA256
	man.Overrides = h.Set
	if man.Overrides == nil {
		man.Overrides = []string{}
	}
	man.Seed, man.Replications, man.Shards = h.Seed, len(m.Records), len(shards)
	man.Events = table.Events
	if man.WallSeconds > 0 {
		man.EventsPerSec = float64(man.Events) / man.WallSeconds
		man.RepsPerSec = float64(man.Replications) / man.WallSeconds
	}
	for _, s := range h.Sources {
		man.Sources = append(man.Sources, manifestSource{Name: s.Name, SHA256: sha256hex(s.Text), Text: string(s.Text)})
	}
	files := []struct {
		name  string
		write func(w io.Writer) error
	}{
		{"summary.csv", func(w io.Writer) error { return results.WriteSummaryCSV(w, table) }},
		{"replications.csv", func(w io.Writer) error { return results.WriteReplicationsCSV(w, m.Keys, m.Records) }},
		{"timeseries.csv", func(w io.Writer) error { return results.WriteTimeseriesCSV(w, table) }},
		{"summary.json", func(w io.Writer) error { return results.WriteSummaryJSON(w, d.name, table) }},
	}
	for _, f := range files {
		if err := writeFile(filepath.Join(dir, f.name), f.write); err != nil {
			return err
		}
		man.Files = append(man.Files, f.name)
	}
	if opt.plots {
		names, err := writePlots(dir, d, table)
		if err != nil {
			return fmt.Errorf("plots: %w", err)
		}
		man.Files = append(man.Files, names...)
	}
	if opt.report {
		man.Files = append(man.Files, "report.html")
	}
	man.Files = append(man.Files, "manifest.json")
	if err := writeFile(filepath.Join(dir, "manifest.json"), func(w io.Writer) error {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(man)
	}); err != nil {
		return err
	}
	if opt.report {
		if err := writeReport(dir, d, table, man); err != nil {
			return fmt.Errorf("report: %w", err)
		}
	}
	if !opt.quiet {
		cfg := d.plan.Config()
		fmt.Fprintf(env.stdout, "%s: %d replications, seed %d, %d months after a %.0f-day warm-up",
			d.name, len(m.Records), h.Seed, d.plan.Months(), cfg.Run.Warmup/24)
		if man.WallSeconds > 0 {
			fmt.Fprintf(env.stdout, " (%.2fs, %.0f replications/s, %.3g M kernel events/s)", man.WallSeconds, man.RepsPerSec, man.EventsPerSec/1e6)
		}
		fmt.Fprintf(env.stdout, "\n\n")
		printRunTable(env.stdout, d, table)
		fmt.Fprintf(env.stdout, "\nresults in %s\n", dir)
	}
	return nil
}

func anyPartial(shards []*results.Shard) bool {
	for _, s := range shards {
		if s.Header.Partial {
			return true
		}
	}
	return false
}
