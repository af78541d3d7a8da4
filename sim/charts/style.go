package charts

import (
	"image/color"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

func rgb(hex uint32) color.RGBA {
	return color.RGBA{R: uint8(hex >> 16), G: uint8(hex >> 8), B: uint8(hex), A: 0xff}
}

// palette is the qualitative palette of roles and designs (Tableau 10,
// reordered so that the first colours differ most).
var palette = []color.RGBA{
	rgb(0x4E79A7), // blue
	rgb(0xE15759), // red
	rgb(0x76B7B2), // teal
	rgb(0xB07AA1), // purple
	rgb(0xF28E2B), // orange
	rgb(0x9C755F), // brown
	rgb(0xFF9DA7), // pink
	rgb(0xEDC948), // yellow
	rgb(0x59A14F), // green
	rgb(0xBAB0AC), // grey
}

// RoleColor returns the colour of the role with index i in Meta.Roles, or
// of the design with index i in a comparison. Indices beyond the palette
// wrap around.
func RoleColor(i int) color.Color {
	if i < 0 {
		return departmentColor
	}
	return palette[i%len(palette)]
}

// Colours of categories, the same in every figure.
var (
	departmentColor = rgb(0x555555)

	salaryColor     = rgb(0x4C5B75)
	hourlyColor     = rgb(0x8DA0BF)
	commissionColor = rgb(0xE3A33B)
	bonusColor      = rgb(0xF2D38A)
	marginColor     = rgb(0x5A9E4B)

	productiveColor = marginColor
	switchingColor  = commissionColor
	fatigueColor    = rgb(0xD1603D)
	idleColor       = rgb(0xD9D9D9)
	absenceColor    = rgb(0x9C755F)
	internalColor   = rgb(0x8E7CC3)

	stageColor    = salaryColor
	wonColor      = marginColor
	lostColor     = rgb(0xC0504D)
	coldColor     = rgb(0x8DB8D8)
	nurturedColor = internalColor

	medianColor    = rgb(0x2F4B7C)
	bandColor      = rgb(0xC9D6EA)
	baselineColor  = rgb(0x7F7F7F)
	statusQuoColor = rgb(0x2A9D8F)
	referenceColor = rgb(0xA6A6A6)
	targetColor    = lostColor

	inkColor   = rgb(0x222222)
	mutedColor = rgb(0x666666)
	gridColor  = rgb(0xE6E6E6)
	axisColor  = rgb(0x999999)
)

// Font sizes, in points.
const (
	titleSize    = 14
	subtitleSize = 9.5
	panelSize    = 10.5
	axisSize     = 9
	tickSize     = 8.5
	labelSize    = 8
	legendSize   = 9
	noteSize     = 8
)

// sans is the typeface of every text.
var sans = font.Font{Typeface: "Liberation", Variant: "Sans"}

func textStyle(size vg.Length, c color.Color) text.Style {
	return text.Style{
		Color:   c,
		Font:    font.From(sans, size),
		Handler: plot.DefaultTextHandler,
	}
}

// newPanel returns a plot styled as a panel of a figure: a small title,
// light axes, sans-serif text and no legend (figures draw their own).
func newPanel(title string) *plot.Plot {
	p := plot.New()
	p.Title.Text = title
	p.Title.TextStyle = textStyle(panelSize, inkColor)
	p.Title.TextStyle.XAlign = draw.XCenter
	p.Title.TextStyle.YAlign = draw.YTop
	p.Title.Padding = 6
	for _, a := range []*plot.Axis{&p.X, &p.Y} {
		restyle(&a.Label.TextStyle, axisSize, mutedColor)
		restyle(&a.Tick.Label, tickSize, mutedColor)
		a.LineStyle.Color = axisColor
		a.LineStyle.Width = 0.5
		a.Tick.LineStyle.Color = axisColor
		a.Tick.LineStyle.Width = 0.5
		a.Tick.Length = 3
		a.Padding = 2
	}
	return p
}

// valueGrid returns grid lines across the value axis only.
func valueGrid(horizontalBars bool) *plotter.Grid {
	g := plotter.NewGrid()
	g.Vertical.Color = gridColor
	g.Vertical.Width = 0.5
	g.Horizontal.Color = gridColor
	g.Horizontal.Width = 0.5
	if horizontalBars {
		g.Horizontal.Color = nil
	} else {
		g.Vertical.Color = nil
	}
	return g
}

// categoryY makes the Y axis of p nominal with names from top to bottom:
// names[i] sits at y = len(names)−1−i.
func categoryY(p *plot.Plot, names []string) {
	n := len(names)
	ticks := make([]plot.Tick, n)
	for i, s := range names {
		ticks[i] = plot.Tick{Value: float64(n - 1 - i), Label: s}
	}
	p.Y.Tick.Marker = plot.ConstantTicks(ticks)
	p.Y.Min, p.Y.Max = -0.5, float64(n)-0.5
	p.Y.Tick.Length = 0
	p.Y.LineStyle.Width = 0
	p.Y.Padding = 0
	p.Y.Tick.Label.Color = inkColor
	p.Y.Tick.Label.Font.Size = axisSize
}

// rowY returns the y position of row i of n, the first at the top.
func rowY(i, n int) float64 { return float64(n - 1 - i) }

// restyle sets the font size and colour of st, keeping its alignment and
// rotation.
func restyle(st *text.Style, size vg.Length, c color.Color) {
	st.Font = font.From(sans, size)
	st.Color = c
}
