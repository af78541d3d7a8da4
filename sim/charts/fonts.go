package charts

import (
	"bytes"
	"fmt"

	"golang.org/x/image/font/sfnt"
	"gonum.org/v1/plot/font"
)

// Font is a font the figures use, for pages that inline their SVG and
// declare it with @font-face.
type Font struct {
	Family string // the CSS font-family the SVG names, "Liberation Sans"
	Weight string // CSS font-weight: "normal"
	Style  string // CSS font-style: "normal"
	TTF    []byte // the TrueType data
}

// Fonts returns the fonts of every text in the figures: Liberation Sans
// Regular (SIL Open Font License 1.1), about 400 kB.
func Fonts() ([]Font, error) {
	face := font.DefaultCache.Lookup(sans, 10)
	if face.Face == nil {
		return nil, fmt.Errorf("charts: font %s not found", sans.Name())
	}
	var buf sfnt.Buffer
	family, err := face.Face.Name(&buf, sfnt.NameIDFamily)
	if err != nil {
		return nil, fmt.Errorf("charts: font %s: %w", sans.Name(), err)
	}
	var ttf bytes.Buffer
	if _, err := face.Face.WriteSourceTo(nil, &ttf); err != nil {
		return nil, fmt.Errorf("charts: font %s: %w", sans.Name(), err)
	}
	return []Font{{Family: family, Weight: "normal", Style: "normal", TTF: ttf.Bytes()}}, nil
}
