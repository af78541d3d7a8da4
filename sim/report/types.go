package report

import (
	"github.com/salesim/salesim/sim/labels"
	"github.com/salesim/salesim/sim/results"
	"github.com/salesim/salesim/sim/stats"
)

// Run is what the report of one design's run shows.
type Run struct {
	Title       string // the design's name
	Description string
	Facts       []Fact // the run at a glance: replications, seed, horizon, version...
	// Design is the summary of the design as preformatted text: roles,
	// headcount, calendars, activities, funnel, handoffs, reorganisations.
	Design string
	// Table is the run's results; DeptMetrics are the rows of the
	// department table and RoleMetrics the columns of the table per role,
	// for Roles in order.
	Table       *results.Table
	DeptMetrics []Metric
	RoleMetrics []Metric
	Roles       []string
	Target      *Target // nil: no target section
	Figures     []Figure
	Sources     []Source // the scenario text as run, for the appendix
	SHA256      string   // the SHA-256 of the scenario text
	Manifest    []byte   // manifest.json, for the appendix
	Fonts       []Font   // fonts the figures name, embedded once
	Notes       []string // warnings about the run
	// Lang is the language of the page; "" is English. Currency is the
	// scenario's (market.currency): it follows money values and labels.
	Lang     labels.Lang
	Currency string
	// StatusQuo compares the run with its status quo (the design without
	// its reorganisations, on the same random numbers), or is nil.
	StatusQuo *StatusQuo
}

// StatusQuo is a plan's paired comparison with its status quo.
type StatusQuo struct {
	Name string // the status quo design's name
	N    int    // paired replications
	Rows []StatusQuoRow
}

// StatusQuoRow is one department total of the plan against its status quo.
type StatusQuoRow struct {
	Metric          Metric
	Plan, StatusQuo float64       // the means
	Diff            stats.Summary // plan − status quo, paired by replication
}

// Fact is a labelled value in a report's header, in the page's language.
type Fact struct{ Label, Value string }

// Metric is a metric as a report shows it: under its human label in the
// page's language (package labels), with its unit.
type Metric struct {
	Name string
	Unit string // "money", "share", "hours", or a count noun: "tasks", "clients"...
	Doc  string // in English, shown as a tooltip (in Russian, labels' translation)
}

// Target is the growth goal of a design: Metric per month over a rolling
// window of Window months reaching (1+Growth) times the baseline by month
// By.
type Target struct {
	Metric string
	Growth float64
	By     int
	Window int
}

// Figure is a rendered figure.
type Figure struct {
	Name    string // anchor and file base name: "cost"
	Title   string
	Caption string // what the figure shows, a sentence or two
	SVG     []byte // an SVG document, as written by charts
}

// Source is a scenario file as run.
type Source struct{ Name, Text string }

// Font is a font the SVG figures name, embedded with @font-face.
type Font struct {
	Family, Weight, Style string
	TTF                   []byte
}

// Comparison is what the report of a comparison of designs shows.
type Comparison struct {
	Title   string
	Facts   []Fact
	Designs []CompareDesign // the first is the reference
	Target  *Target         // the first design's target, or nil
	Metrics []Metric        // units and docs of the metrics in Rows
	// Rows are values per metric and design, in the order to show them.
	Rows     []Row
	Figures  []Figure
	Manifest []byte // optional, for the appendix
	Fonts    []Font
	Notes    []string
	Lang     labels.Lang
	Currency string
}

// CompareDesign is one design of a comparison.
type CompareDesign struct {
	Name        string
	Description string
	Design      string // summary as preformatted text
	Dir         string // where its own files and report are, relative to the comparison's report
}

// Row is a design's value of a metric and its paired difference against
// the first design.
type Row struct {
	Metric, Role, Period string
	Design               string
	Value                stats.Summary
	// Diff is the paired difference Value − first design's value,
	// replication by replication; nil for the first design.
	Diff *stats.Summary
}
