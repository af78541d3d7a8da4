// Package labels holds the texts people read in the report and the
// figures, in English and Russian: the human label of every metric, the
// phrases of titles, axes, legends, notes and table headers, and the
// plural forms of the few nouns that are counted.
//
// A [Lang] translates: [Lang.Tr] a phrase, [Lang.Trf] a format, both keyed
// by their English text, and [Lang.Metric] a metric name. Every key lives
// in one table (phrases.go) with its Russian text; a test fails when a
// phrase used anywhere in salesim has none, or when a metric has no label.
// English is the default and the fallback.
//
// It is a leaf package: it imports only metric, so that charts, report
// and the command can all use it.
package labels
