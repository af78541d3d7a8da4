// Package charts draws the figures of a salesim run with gonum/plot.
//
// Every figure is built from a [results.Table] and a [Meta] describing the
// design in two steps: a data function (such as [ThroughputData]) picks and
// derives the numbers, and a figure function (such as [Throughput]) draws
// them into a [Figure]: a title, a legend strip that covers no data, one or
// more aligned panels and footnotes. [Figure.Render] writes a figure as PNG
// or SVG to an io.Writer; [Render] does the same for a single plot.
//
// Money is in the scenario's currency (Meta.Currency names it), times in
// hours, shares in [0, 1] and drawn as percentages. Whiskers are the 95 %
// confidence intervals of the mean over replications; bands are the 10th
// to 90th percentiles of the replications.
//
// Colours mean the same in every figure: a role keeps its colour (by its
// index in Meta.Roles), a design its colour (by its position in a
// comparison), and a cost or time category its colour. All text is set in
// Liberation Sans; [Fonts] returns it for pages that inline the SVG.
//
// charts is the only package of salesim that imports gonum.org/v1/plot.
package charts
