// Package arch holds the tests of salesim's code shape (no Go code):
// files short enough to read, types small enough to understand
// (research/code-review.md; issue 10).
package arch
