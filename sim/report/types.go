package report

import (
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
	Sources     []Source // the scenario text as run
	Manifest    []byte   // manifest.json
	Fonts       []Font   // fonts the figures name, embedded once
	Notes       []string // warnings about the run
}

// Fact is a labelled value in a report's header.
type Fact struct{ Label, Value string }

// Metric is a metric as a report shows it.
type Metric struct {
	Name string
	Unit string // "money", "share", "hours", or a count noun: "tasks", "clients"...
	Doc  string // shown as a tooltip
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
	Manifest []byte // optional
	Fonts    []Font
	Notes    []string
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
