package main

import (
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/salesim/salesim/sim/labels"
)

// defaultWidth is the width tables fit in: 100 columns, or $COLUMNS when
// it is set to a number of at least 60.
const defaultWidth = 100

// tableWidth returns the width terminal tables must fit in.
func tableWidth(env *cmdEnv) int {
	if n, err := strconv.Atoi(env.getenv("COLUMNS")); err == nil && n >= 60 {
		return n
	}
	return defaultWidth
}

// A grid is a table of text printed in aligned columns that fit a width:
// if its columns are wider together, they are printed in blocks of as
// many columns as fit, one under the other, each block repeating the
// first keep columns (the row labels).
type grid struct {
	head []string
	rows [][]string
	keep int // leading label columns, left-aligned and repeated in every block
}

// gap separates columns; indent starts every line.
const (
	gap    = "  "
	indent = "  "
)

func (g *grid) add(cells ...string) { g.rows = append(g.rows, cells) }

// print writes the grid in blocks that fit width runes.
func (g *grid) print(w io.Writer, width int) {
	n := len(g.head)
	wid := make([]int, n)
	for _, r := range append([][]string{g.head}, g.rows...) {
		for i := range min(n, len(r)) {
			wid[i] = max(wid[i], utf8.RuneCountInString(r[i]))
		}
	}
	lead := len(indent)
	for i := range g.keep {
		lead += wid[i] + len(gap)
	}
	var blocks [][2]int
	for from := g.keep; from < n; {
		to, used := from, lead
		for to < n && (to == from || used+wid[to] <= width) {
			used += wid[to] + len(gap)
			to++
		}
		blocks = append(blocks, [2]int{from, to})
		from = to
	}
	if len(blocks) == 0 {
		blocks = [][2]int{{n, n}}
	}
	for bi, bl := range blocks {
		if bi > 0 {
			io.WriteString(w, "\n")
		}
		cols := append(seq(0, g.keep), seq(bl[0], bl[1])...)
		for _, r := range append([][]string{g.head}, g.rows...) {
			var b strings.Builder
			b.WriteString(indent)
			for j, c := range cols {
				cell := ""
				if c < len(r) {
					cell = r[c]
				}
				pad := strings.Repeat(" ", wid[c]-utf8.RuneCountInString(cell))
				if j > 0 {
					b.WriteString(gap)
				}
				switch {
				case c >= g.keep:
					b.WriteString(pad + cell)
				case j < len(cols)-1:
					b.WriteString(cell + pad)
				default:
					b.WriteString(cell)
				}
			}
			b.WriteString("\n")
			io.WriteString(w, b.String())
		}
	}
}

func seq(from, to int) []int {
	s := make([]int, 0, to-from)
	for i := from; i < to; i++ {
		s = append(s, i)
	}
	return s
}

// wrapText breaks text into lines of at most width runes at spaces (see
// [labels.Wrap]).
func wrapText(text string, width int, indent string) string {
	return labels.Wrap(text, width, indent)
}
