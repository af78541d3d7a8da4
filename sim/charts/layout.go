package charts

import (
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// layout returns the canvases of the panels in grid so that the data
// areas of a column share their left and right edges and those of a row
// their top and bottom, the columns' and rows' data sizes in proportion
// to the weights.
func layout(panels [][]*plot.Plot, colW, rowW []float64, grid draw.Canvas) [][]draw.Canvas {
	rows := len(panels)
	cols := 0
	for _, r := range panels {
		cols = max(cols, len(r))
	}
	out := make([][]draw.Canvas, rows)
	if rows == 0 || cols == 0 {
		return out
	}
	colW = weights(colW, cols)
	rowW = weights(rowW, rows)
	gw := grid.Max.X - grid.Min.X - panelGapX*vg.Length(cols-1)
	gh := grid.Max.Y - grid.Min.Y - panelGapY*vg.Length(rows-1)
	// First pass: tiles in proportion to the weights, to measure insets.
	tile := func(x0, y1, w, h vg.Length) draw.Canvas {
		return draw.Canvas{Canvas: grid.Canvas, Rectangle: vg.Rectangle{Min: vg.Point{X: x0, Y: y1 - h}, Max: vg.Point{X: x0 + w, Y: y1}}}
	}
	type inset struct{ l, r, b, t vg.Length }
	own := make([][]inset, rows)
	colL, colR := make([]vg.Length, cols), make([]vg.Length, cols)
	rowB, rowT := make([]vg.Length, rows), make([]vg.Length, rows)
	y := grid.Max.Y
	for j := range rows {
		own[j] = make([]inset, cols)
		h := gh * vg.Length(rowW[j])
		x := grid.Min.X
		for i := range cols {
			w := gw * vg.Length(colW[i])
			if i < len(panels[j]) && panels[j][i] != nil {
				t := tile(x, y, w, h)
				d := panels[j][i].DataCanvas(t)
				in := inset{d.Min.X - t.Min.X, t.Max.X - d.Max.X, d.Min.Y - t.Min.Y, t.Max.Y - d.Max.Y}
				own[j][i] = in
				colL[i], colR[i] = max(colL[i], in.l), max(colR[i], in.r)
				rowB[j], rowT[j] = max(rowB[j], in.b), max(rowT[j], in.t)
			}
			x += w + panelGapX
		}
		y -= h + panelGapY
	}
	// Second pass: data areas, then canvases whose data area is that.
	var sumL, sumB vg.Length
	for i := range cols {
		sumL += colL[i] + colR[i]
	}
	for j := range rows {
		sumB += rowB[j] + rowT[j]
	}
	dw, dh := gw-sumL, gh-sumB
	y = grid.Max.Y
	for j := range rows {
		out[j] = make([]draw.Canvas, cols)
		h := dh * vg.Length(rowW[j])
		x := grid.Min.X
		for i := range cols {
			w := dw * vg.Length(colW[i])
			data := vg.Rectangle{Min: vg.Point{X: x + colL[i], Y: y - rowT[j] - h}, Max: vg.Point{X: x + colL[i] + w, Y: y - rowT[j]}}
			in := own[j][i]
			c := draw.Canvas{Canvas: grid.Canvas, Rectangle: vg.Rectangle{
				Min: vg.Point{X: data.Min.X - in.l, Y: data.Min.Y - in.b},
				Max: vg.Point{X: data.Max.X + in.r, Y: data.Max.Y + in.t},
			}}
			if i < len(panels[j]) && panels[j][i] != nil {
				// Insets depend a little on the size (labels kept inside
				// the canvas): correct twice.
				for range 2 {
					d := panels[j][i].DataCanvas(c)
					c.Min.X += data.Min.X - d.Min.X
					c.Max.X += data.Max.X - d.Max.X
					c.Min.Y += data.Min.Y - d.Min.Y
					c.Max.Y += data.Max.Y - d.Max.Y
				}
			}
			out[j][i] = c
			x += colL[i] + w + colR[i] + panelGapX
		}
		y -= rowT[j] + h + rowB[j] + panelGapY
	}
	return out
}

// weights returns w normalised to sum 1, or n equal weights if w does
// not have n positive entries.
func weights(w []float64, n int) []float64 {
	out := make([]float64, n)
	var s float64
	for i := range n {
		if i < len(w) && w[i] > 0 {
			out[i] = w[i]
		} else {
			out[i] = 1
		}
		s += out[i]
	}
	for i := range out {
		out[i] /= s
	}
	return out
}
