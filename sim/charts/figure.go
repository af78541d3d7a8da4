package charts

import (
	"bytes"
	"fmt"
	"image/color"
	"io"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgsvg"
)

// Figure is a chart as people see it: a title and subtitle, a legend
// strip above the panels (so that it covers no data), a grid of aligned
// panels and footnotes.
type Figure struct {
	Name     string // a file base name: "cost", "funnel"
	Title    string
	Caption  string // what the figure shows, for a page around it
	Subtitle string
	Legend   []LegendEntry
	// Panels are rows of plots; a nil plot leaves its cell empty. The
	// data areas of a column share their left and right edges, those of
	// a row their top and bottom.
	Panels [][]*plot.Plot
	// ColWeights and RowWeights are the relative widths of the columns
	// and heights of the rows; nil means equal.
	ColWeights, RowWeights []float64
	// Bottom, if not nil, is a panel across the whole width under the
	// grid, BottomHeight points high.
	Bottom       *plot.Plot
	BottomHeight vg.Length
	Notes        []string // lines under the panels
	// Width and Height are the size the figure is meant to be drawn at.
	Width, Height vg.Length
}

// LegendKind is how a legend entry's key is drawn.
type LegendKind int

const (
	KeyBar     LegendKind = iota // a filled square
	KeyLine                      // a solid line
	KeyDash                      // a dashed line
	KeyBand                      // a light band with a line through it
	KeyWhisker                   // an interval whisker
	KeyDot                       // a dotted line
	KeyPoint                     // a filled dot
)

// LegendEntry is one key of a figure's legend strip.
type LegendEntry struct {
	Label string
	Color color.Color
	Kind  LegendKind
}

// PNGDPI is the resolution of PNG output, for slides: a figure 9 in wide
// is 1800 pixels wide.
const PNGDPI = 200

// Formats lists the formats Render and Figure.Render write.
var Formats = []string{"png", "svg"}

// Render writes one plot of size w×h in format "png" or "svg" to out.
func Render(p *plot.Plot, w, h vg.Length, format string, out io.Writer) error {
	return render(w, h, format, out, func(c draw.Canvas) { p.Draw(c) })
}

// Render writes the figure at its size in format "png" or "svg" to out.
func (f *Figure) Render(format string, out io.Writer) error {
	return render(f.Width, f.Height, format, out, f.Draw)
}

func render(w, h vg.Length, format string, out io.Writer, drawFn func(draw.Canvas)) error {
	switch format {
	case "png":
		c := vgimg.NewWith(vgimg.UseWH(w, h), vgimg.UseDPI(PNGDPI), vgimg.UseBackgroundColor(color.White))
		drawFn(draw.New(c))
		_, err := vgimg.PngCanvas{Canvas: c}.WriteTo(out)
		return err
	case "svg":
		c := vgsvg.New(w, h)
		drawFn(draw.New(c))
		var buf bytes.Buffer
		if _, err := c.WriteTo(&buf); err != nil {
			return err
		}
		_, err := out.Write(fixSVG(buf.Bytes()))
		return err
	}
	return fmt.Errorf("charts: unknown format %q (want png or svg)", format)
}

// fixSVG gives the font families of vgsvg's output a fallback chain
// (Arial has the metrics of Liberation Sans) and makes the drawing scale
// with its container.
func fixSVG(b []byte) []byte {
	b = bytes.ReplaceAll(b, []byte("font-family:Liberation Sans;"),
		[]byte("font-family:'Liberation Sans',Arial,Helvetica,sans-serif;"))
	return b
}

// Margins and gaps of a figure, in points.
const (
	figMargin  = 12
	legendGap  = 14 // between legend entries
	keyWidth   = 18
	keyGap     = 5 // between a key and its label
	panelGapX  = 18
	panelGapY  = 14
	blockGap   = 8 // between title, legend, panels and notes
	lineFactor = 1.3
)

// Draw draws the figure onto c.
func (f *Figure) Draw(c draw.Canvas) {
	c.SetColor(color.White)
	c.Fill(c.Rectangle.Path())
	c = draw.Crop(c, figMargin, -figMargin, figMargin, -figMargin)
	top := c.Max.Y
	if f.Title != "" {
		st := textStyle(titleSize, inkColor)
		st.YAlign = draw.YTop
		c.FillText(st, vg.Point{X: c.Min.X, Y: top}, f.Title)
		top -= st.Height(f.Title) * lineFactor
	}
	if f.Subtitle != "" {
		st := textStyle(subtitleSize, mutedColor)
		st.YAlign = draw.YTop
		for _, line := range wrap(st, f.Subtitle, c.Max.X-c.Min.X) {
			c.FillText(st, vg.Point{X: c.Min.X, Y: top}, line)
			top -= st.Height(line) * lineFactor
		}
	}
	if len(f.Legend) > 0 {
		top -= blockGap / 2
		top = drawLegend(c, top, f.Legend)
	}
	top -= blockGap
	bottom := c.Min.Y
	if len(f.Notes) > 0 {
		st := textStyle(noteSize, mutedColor)
		st.YAlign = draw.YBottom
		var lines []string
		for _, n := range f.Notes {
			lines = append(lines, wrap(st, n, c.Max.X-c.Min.X)...)
		}
		for i := len(lines) - 1; i >= 0; i-- {
			c.FillText(st, vg.Point{X: c.Min.X, Y: bottom}, lines[i])
			bottom += st.Height(lines[i]) * lineFactor
		}
		bottom += blockGap
	}
	grid := c
	grid.Max.Y, grid.Min.Y = top, bottom
	if f.Bottom != nil {
		below := grid
		below.Max.Y = bottom + f.BottomHeight
		grid.Min.Y = below.Max.Y + panelGapY
		f.Bottom.Draw(layout([][]*plot.Plot{{f.Bottom}}, nil, nil, below)[0][0])
	}
	canvases := layout(f.Panels, f.ColWeights, f.RowWeights, grid)
	for j, row := range f.Panels {
		for i, p := range row {
			if p != nil {
				p.Draw(canvases[j][i])
			}
		}
	}
}

// wrap splits s into lines no wider than w.
func wrap(st textStyleWidther, s string, w vg.Length) []string {
	words := strings.Fields(s)
	var lines []string
	cur := ""
	for _, wd := range words {
		try := wd
		if cur != "" {
			try = cur + " " + wd
		}
		if cur != "" && st.Width(try) > w {
			lines = append(lines, cur)
			cur = wd
			continue
		}
		cur = try
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	return lines
}

type textStyleWidther interface {
	Width(string) vg.Length
}
