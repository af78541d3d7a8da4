package main

import (
	"bytes"
	"errors"
	"flag"
	"io"
	"path/filepath"

	"github.com/salesim/salesim/sim/charts"
	"github.com/salesim/salesim/sim/experiment"
	"github.com/salesim/salesim/sim/labels"
	"github.com/salesim/salesim/sim/results"
)

// langFlag registers -lang, the language of the report and the figures.
func langFlag(fs *flag.FlagSet, l *labels.Lang) {
	*l = labels.English
	fs.Func("lang", "`language` of the report and the figures: en (English) or ru (Russian) (default en)", func(s string) error {
		v, err := labels.Parse(s)
		if err != nil {
			return err
		}
		*l = v
		return nil
	})
}

// chartMeta describes a design for the charts, in language l.
func chartMeta(d *experiment.Design, l labels.Lang) *charts.Meta {
	cfg := d.Plan.Config()
	m := &charts.Meta{Design: d.Name, Months: d.Plan.Months(), Currency: d.Currency(), Lang: l}
	for _, r := range cfg.Roles {
		m.Roles = append(m.Roles, r.Name)
	}
	for _, a := range cfg.Activities {
		m.Activities = append(m.Activities, a.Name)
		m.ServiceTimes = append(m.ServiceTimes, a.ServiceTime)
	}
	for _, s := range cfg.Stages {
		st := charts.Stage{Name: s.Name}
		if s.Next != 0 {
			st.Next = cfg.Stages[s.Next.Index()].Name
		}
		m.Stages = append(m.Stages, st)
	}
	if t := cfg.Target; t != nil {
		m.Target = &charts.Target{Metric: t.Metric, Growth: t.Growth, By: t.By, Window: t.Window}
	}
	return m
}

// writePlots writes every figure of a run into dir as PNG and SVG, each
// file atomically, and returns the file names.
func writePlots(dir string, d *experiment.Design, t *results.Table, people *results.PeopleTable, vs *experiment.Comparison, l labels.Lang) ([]string, error) {
	meta := chartMeta(d, l)
	meta.People = people
	if vs != nil {
		meta.StatusQuo = vs.Tables[0]
	}
	figs, err := charts.RunFigures(t, meta)
	if err != nil {
		return nil, err
	}
	return writeFigures(dir, figs)
}

// writeComparePlots writes the figures comparing the designs of a
// comparison into dir and returns the file names.
func writeComparePlots(dir string, c *experiment.Comparison, l labels.Lang) ([]string, error) {
	figs, err := charts.CompareFigures(chartDesigns(c, l))
	if errors.Is(err, charts.ErrNoData) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return writeFigures(dir, figs)
}

// chartDesigns returns the designs of a comparison for the charts, each
// after the first with its paired differences against the first.
func chartDesigns(c *experiment.Comparison, l labels.Lang) []charts.Design {
	diffs := make([]*results.Table, len(c.Designs))
	pos := map[string]int{}
	for i, d := range c.Designs {
		pos[d.Name] = i
	}
	for _, r := range c.Rows {
		i, ok := pos[r.Design]
		if !ok || !r.HasRef {
			continue
		}
		if diffs[i] == nil {
			diffs[i] = &results.Table{N: r.Diff.N}
		}
		diffs[i].Keys = append(diffs[i].Keys, r.Key)
		diffs[i].Summaries = append(diffs[i].Summaries, r.Diff)
	}
	var ds []charts.Design
	for i, d := range c.Designs {
		ds = append(ds, charts.Design{Meta: chartMeta(d, l), Table: c.Tables[i], Diff: diffs[i]})
	}
	return ds
}

func writeFigures(dir string, figs []*charts.Figure) ([]string, error) {
	var names []string
	for _, f := range figs {
		for _, format := range charts.Formats {
			name := f.Name + "." + format
			if err := writeFile(filepath.Join(dir, name), func(w io.Writer) error { return f.Render(format, w) }); err != nil {
				return names, err
			}
			names = append(names, name)
		}
	}
	return names, nil
}

// svgFigures renders figures as SVG for a report.
func svgFigures(figs []*charts.Figure) ([]svgFigure, error) {
	var out []svgFigure
	for _, f := range figs {
		var b bytes.Buffer
		if err := f.Render("svg", &b); err != nil {
			return nil, err
		}
		out = append(out, svgFigure{fig: f, svg: b.Bytes()})
	}
	return out, nil
}

type svgFigure struct {
	fig *charts.Figure
	svg []byte
}
