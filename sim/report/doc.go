// Package report writes report.html: one self-contained page per run or
// comparison, to read in a browser or print.
//
// A page holds everything in itself: the figures as inline SVG, their
// font as a data: URL, the styles inline, and no script, so that it opens
// offline and from an e-mail attachment. Sections break to a new page
// when printed and figures are never split or clipped.
//
// The caller hands over what to show, already computed: a [Run] (the
// design summary, the results table, the figures rendered as SVG, the
// scenario text and the manifest) for [Write], or a [Comparison] (rows of
// values and paired differences against the first design) for
// [WriteCompare]. Values are formatted by unit with package quantity, as
// in the terminal and the charts: money compactly (12.3M, 450k), shares as
// percentages, hours with "h"; every mean comes with its 95 % confidence
// interval.
package report
