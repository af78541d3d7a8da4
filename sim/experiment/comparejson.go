package experiment

import (
	"encoding/json"
	"io"
	"math"
	"strconv"

	"github.com/salesim/salesim/sim/results"
)

// jsonFloat writes NaN and infinities as null.
type jsonFloat float64

func (f jsonFloat) MarshalJSON() ([]byte, error) {
	x := float64(f)
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return []byte("null"), nil
	}
	return strconv.AppendFloat(nil, x, 'g', -1, 64), nil
}

type jsonDesign struct {
	Name      string   `json:"name"`
	File      string   `json:"file"`
	SHA256    string   `json:"sha256"`
	Variant   string   `json:"variant,omitempty"`
	Overrides []string `json:"overrides"`
	// SameDemand is nil for the reference.
	SameDemand        *bool    `json:"same_demand,omitempty"`
	DemandDifferences []string `json:"demand_differences,omitempty"`
}

type jsonDiff struct {
	Mean jsonFloat   `json:"mean"`
	CI   []jsonFloat `json:"ci95"`
}

type jsonRow struct {
	Metric string      `json:"metric"`
	Role   string      `json:"role"`
	Period string      `json:"period"`
	Design string      `json:"design"`
	Unit   string      `json:"unit,omitempty"`
	Mean   jsonFloat   `json:"mean"`
	CI     []jsonFloat `json:"ci95"`
	N      int         `json:"n"`
	Diff   *jsonDiff   `json:"diff"`
}

// WriteJSON writes comparison.json: the designs (name, scenario file,
// SHA-256 of the scenario text, variant, overrides, and whether each
// shares the reference's demand), common_demand (true when every design
// does: the paired differences are on common random numbers), and the
// rows of comparison.csv with the difference against the reference as
// {"mean", "ci95"} or null.
func (c *Comparison) WriteJSON(w io.Writer) error {
	out := struct {
		Reference    string       `json:"reference"`
		Confidence   float64      `json:"confidence"`
		CommonDemand bool         `json:"common_demand"`
		Designs      []jsonDesign `json:"designs"`
		Rows         []jsonRow    `json:"rows"`
	}{CommonDemand: c.CommonDemand(), Confidence: results.Confidence, Designs: []jsonDesign{}, Rows: []jsonRow{}}
	if len(c.Designs) > 0 {
		out.Reference = c.Designs[0].Name
	}
	for i, d := range c.Designs {
		sc := d.Scenario
		jd := jsonDesign{Name: d.Name, SHA256: sc.SHA256, Variant: sc.Variant, Overrides: sc.Set}
		if len(sc.Sources) > 0 {
			jd.File = sc.Sources[0].Name
		}
		if jd.Overrides == nil {
			jd.Overrides = []string{}
		}
		if i > 0 {
			same := len(c.Demand[i]) == 0
			jd.SameDemand, jd.DemandDifferences = &same, c.Demand[i]
		}
		out.Designs = append(out.Designs, jd)
	}
	units := make([]func(string) string, len(c.Designs))
	for i, d := range c.Designs {
		u := d.Units()
		units[i] = func(m string) string { return string(u(m)) }
	}
	for _, r := range c.Rows {
		s := r.Summary
		jr := jsonRow{Metric: r.Key.Metric, Role: r.Key.Role, Period: r.Key.Period, Design: r.Design, Unit: units[r.design](r.Key.Metric),
			Mean: jsonFloat(s.Mean), CI: []jsonFloat{jsonFloat(s.Lo), jsonFloat(s.Hi)}, N: s.N}
		if r.HasRef {
			jr.Diff = &jsonDiff{Mean: jsonFloat(r.Diff.Mean), CI: []jsonFloat{jsonFloat(r.Diff.Lo), jsonFloat(r.Diff.Hi)}}
		}
		out.Rows = append(out.Rows, jr)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
