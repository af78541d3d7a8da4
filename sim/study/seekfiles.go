package study

import (
	"encoding/csv"
	"encoding/json"
	"io"
	"math"
	"strconv"

	"github.com/salesim/salesim/sim/stats"
)

// seekJSON is the layout of seek.json.
type seekJSON struct {
	Objective    string           `json:"objective"`
	Maximise     bool             `json:"maximise"`
	Delta        float64          `json:"delta"`
	Constraints  []constraintJSON `json:"constraints"`
	Factors      []SeekFactor     `json:"factors"`
	Monotone     bool             `json:"monotone"`
	Feasible     bool             `json:"feasible"`
	Answer       map[string]int   `json:"answer,omitempty"`
	Guarantee    string           `json:"guarantee"`
	Assumptions  []string         `json:"assumptions"`
	Alpha        float64          `json:"alpha"`
	Designs      int              `json:"designs"`
	Explored     int              `json:"explored"`
	Simulated    int              `json:"simulated"`
	Replications int              `json:"replications"`
	Capped       bool             `json:"selection_capped"`
	Candidates   []candidateJSON  `json:"candidates"`
}

type constraintJSON struct {
	Metric    string  `json:"metric"`
	AtLeast   bool    `json:"at_least"`
	Bound     float64 `json:"bound"`
	Delta     float64 `json:"delta"`
	Alpha     float64 `json:"alpha"`
	Bernoulli bool    `json:"bernoulli"`
}

type summaryJSON struct {
	Mean float64 `json:"mean"`
	Lo   float64 `json:"lo"`
	Hi   float64 `json:"hi"`
	N    int     `json:"n"`
}

func sumJSON(s stats.Summary) *summaryJSON {
	if s.N == 0 {
		return nil
	}
	clean := func(x float64) float64 {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return 0
		}
		return x
	}
	return &summaryJSON{Mean: clean(s.Mean), Lo: clean(s.Lo), Hi: clean(s.Hi), N: s.N}
}

type candidateJSON struct {
	Design       map[string]int `json:"design"`
	Class        string         `json:"class"`
	Answer       bool           `json:"answer,omitempty"`
	ImpliedBy    map[string]int `json:"implied_by,omitempty"`
	Tests        []SeekTest     `json:"tests,omitempty"`
	Replications int            `json:"replications"`
	Objective    *summaryJSON   `json:"objective,omitempty"`
	Constraints  []*summaryJSON `json:"constraints,omitempty"`
	Diff         *summaryJSON   `json:"minus_answer,omitempty"`
	Eliminated   int            `json:"eliminated_after,omitempty"`
}

func (r *SeekResult) point(x []int) map[string]int {
	m := map[string]int{}
	for i, f := range r.problem.Factors {
		m[f.Key] = x[i]
	}
	return m
}

// WriteJSON writes seek.json: the answer, its guarantee and every design
// explored.
func (r *SeekResult) WriteJSON(w io.Writer) error {
	p := r.problem
	j := seekJSON{
		Objective: p.Goal.Name, Maximise: p.Goal.Maximise, Delta: p.Goal.Delta,
		Factors: p.Factors, Monotone: p.Monotone, Feasible: r.Best >= 0,
		Guarantee: r.Guarantee, Assumptions: r.Assumptions, Alpha: r.Alpha,
		Designs: r.Designs, Explored: len(r.Candidates), Simulated: r.Simulated,
		Replications: r.Replications, Capped: r.Capped,
	}
	for i, c := range p.Constraints {
		j.Constraints = append(j.Constraints, constraintJSON{c.Name, c.AtLeast, c.Bound, c.Delta, p.constraintAlpha(i), c.Bernoulli})
	}
	if r.Best >= 0 {
		j.Answer = r.point(r.Candidates[r.Best].X)
	}
	for i, c := range r.Candidates {
		cj := candidateJSON{Design: r.point(c.X), Class: c.Class, Answer: i == r.Best, Tests: c.Tests,
			Replications: c.Replications, Objective: sumJSON(c.Objective), Eliminated: c.Eliminated}
		if c.ImpliedBy != nil {
			cj.ImpliedBy = r.point(c.ImpliedBy)
		}
		for _, s := range c.Constraints {
			cj.Constraints = append(cj.Constraints, sumJSON(s))
		}
		if c.Diff != nil {
			cj.Diff = sumJSON(*c.Diff)
		}
		j.Candidates = append(j.Candidates, cj)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(j)
}

// WriteCSV writes seek.csv: one row per design explored, with a column
// per factor.
func (r *SeekResult) WriteCSV(w io.Writer) error {
	p := r.problem
	cw := csv.NewWriter(w)
	var head []string
	for _, f := range p.Factors {
		head = append(head, f.Key)
	}
	head = append(head, "class", "answer", "implied", "replications", "objective", "objective_mean", "objective_lo", "objective_hi")
	for _, c := range p.Constraints {
		head = append(head, c.Name+"_mean", c.Name+"_lo", c.Name+"_hi")
	}
	head = append(head, "minus_answer_mean", "minus_answer_lo", "minus_answer_hi", "eliminated_after")
	if err := cw.Write(head); err != nil {
		return err
	}
	f := func(x float64) string {
		if math.IsNaN(x) {
			return ""
		}
		return strconv.FormatFloat(x, 'g', -1, 64)
	}
	for i, c := range r.Candidates {
		var row []string
		for _, v := range c.X {
			row = append(row, strconv.Itoa(v))
		}
		row = append(row, c.Class, strconv.FormatBool(i == r.Best), strconv.FormatBool(c.ImpliedBy != nil), strconv.Itoa(c.Replications), p.Goal.Name)
		if c.Replications > 0 {
			row = append(row, f(c.Objective.Mean), f(c.Objective.Lo), f(c.Objective.Hi))
			for _, s := range c.Constraints {
				row = append(row, f(s.Mean), f(s.Lo), f(s.Hi))
			}
		} else {
			row = append(row, "", "", "")
			for range p.Constraints {
				row = append(row, "", "", "")
			}
		}
		if c.Diff != nil {
			row = append(row, f(c.Diff.Mean), f(c.Diff.Lo), f(c.Diff.Hi))
		} else {
			row = append(row, "", "", "")
		}
		el := ""
		if c.Eliminated > 0 {
			el = strconv.Itoa(c.Eliminated)
		}
		row = append(row, el)
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
