package study

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/salesim/salesim/sim/metric"
	"github.com/salesim/salesim/sim/quantity"
)

// WriteText prints, for each response, the inputs from the one that moves
// it most, with μ* and its interval, μ, σ and the noise flag, and the
// response's replication noise. units and currency format the values.
func (r *MorrisResult) WriteText(w io.Writer, units []metric.Unit, currency string) error {
	ew := &errWriter{w: w}
	o := r.Options
	ew.printf("sensitivity: Morris screening of %d inputs, %d trajectories on %d levels, %d replications a point (common random numbers), base point repeated %d times\n",
		len(r.Inputs), o.Trajectories, o.Levels, o.Replications, o.Repeats)
	ew.printf("  %d points, %d replications\n", r.Points, r.Replications)
	ew.printf("  μ*: mean absolute change of the response when the input alone moves across its whole range (95 %% bootstrap interval over trajectories);\n")
	ew.printf("  μ: mean change (its sign is the direction); σ: spread of the changes (interactions, non-linearity);\n")
	ew.printf("  noise: the μ* that replication noise alone would reach in 95 %% of cases; an input not above it is flagged\n")
	for ri, name := range r.Responses {
		u := metric.Unit("")
		if ri < len(units) {
			u = units[ri]
		}
		f := func(x float64) string { return quantity.Format(x, u, currency) }
		ew.printf("\nwhat moves %s most:\n", name)
		n := r.Noise[ri]
		if !math.IsNaN(n.SD) {
			ew.printf("  replication noise at the base point (%s): SD of a point's mean over %d replications %s %s, of one replication %s\n",
				f(n.Base), o.Replications, f(n.SD), quantity.Interval(n.SDLo, n.SDHi, u, currency), f(n.RepSD))
		}
		ew.printf("%s\n", strings.TrimRight(fmt.Sprintf("  %-4s %-36s %12s %-26s %12s %12s %12s", "rank", "input", "μ*", "95% interval", "μ", "σ", "noise"), " "))
		for k, i := range r.Ranked(ri) {
			e := r.Effects[ri][i]
			flag := ""
			if e.Noise {
				flag = "not distinguishable from noise"
			}
			line := fmt.Sprintf("  %-4d %-36s %12s %-26s %12s %12s %12s  %s", k+1, r.Inputs[i].Key, f(e.MuStar),
				quantity.Interval(e.MuStarLo, e.MuStarHi, u, currency), quantity.Signed(e.Mu, u, currency), f(e.Sigma), f(e.NoiseLevel), flag)
			ew.printf("%s\n", strings.TrimRight(line, " "))
		}
	}
	return ew.err
}

// WriteCSV writes sensitivity.csv: one row per response and input, with
// the rank by μ*.
func (r *MorrisResult) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	if err := cw.Write([]string{"response", "rank", "input", "min", "max", "mu_star", "mu_star_lo", "mu_star_hi", "mu", "sigma", "sigma_lo", "sigma_hi", "noise_se", "noise_level", "noise", "effects"}); err != nil {
		return err
	}
	f := func(x float64) string {
		if math.IsNaN(x) {
			return ""
		}
		return strconv.FormatFloat(x, 'g', -1, 64)
	}
	for ri, name := range r.Responses {
		for k, i := range r.Ranked(ri) {
			e, in := r.Effects[ri][i], r.Inputs[i]
			if err := cw.Write([]string{name, strconv.Itoa(k + 1), in.Key, f(in.Min), f(in.Max), f(e.MuStar), f(e.MuStarLo), f(e.MuStarHi),
				f(e.Mu), f(e.Sigma), f(e.SigmaLo), f(e.SigmaHi), f(e.NoiseSE), f(e.NoiseLevel), strconv.FormatBool(e.Noise), strconv.Itoa(e.N)}); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

// WriteJSON writes sensitivity.json: the options, the noise of each
// response and every effect.
func (r *MorrisResult) WriteJSON(w io.Writer) error {
	num := func(x float64) *float64 {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return nil
		}
		return &x
	}
	type effect struct {
		Input    string   `json:"input"`
		Rank     int      `json:"rank"`
		MuStar   *float64 `json:"mu_star"`
		MuStarLo *float64 `json:"mu_star_lo"`
		MuStarHi *float64 `json:"mu_star_hi"`
		Mu       *float64 `json:"mu"`
		Sigma    *float64 `json:"sigma"`
		NoiseSE  *float64 `json:"noise_se"`
		Level    *float64 `json:"noise_level"`
		Noise    bool     `json:"noise"`
		N        int      `json:"effects"`
	}
	type response struct {
		Name    string   `json:"response"`
		Base    *float64 `json:"base_mean"`
		NoiseSD *float64 `json:"noise_sd"`
		NoiseLo *float64 `json:"noise_sd_lo"`
		NoiseHi *float64 `json:"noise_sd_hi"`
		RepSD   *float64 `json:"replication_sd"`
		Effects []effect `json:"effects"`
	}
	out := struct {
		Trajectories int           `json:"trajectories"`
		Levels       int           `json:"levels"`
		Repeats      int           `json:"repeats"`
		Replications int           `json:"replications_per_point"`
		Seed         uint64        `json:"seed"`
		Inputs       []MorrisInput `json:"inputs"`
		Points       int           `json:"points"`
		Spent        int           `json:"replications"`
		Responses    []response    `json:"responses"`
	}{r.Options.Trajectories, r.Options.Levels, r.Options.Repeats, r.Options.Replications, r.Options.Seed, r.Inputs, r.Points, r.Replications, nil}
	for ri, name := range r.Responses {
		n := r.Noise[ri]
		rs := response{Name: name, Base: num(n.Base), NoiseSD: num(n.SD), NoiseLo: num(n.SDLo), NoiseHi: num(n.SDHi), RepSD: num(n.RepSD)}
		for k, i := range r.Ranked(ri) {
			e := r.Effects[ri][i]
			rs.Effects = append(rs.Effects, effect{r.Inputs[i].Key, k + 1, num(e.MuStar), num(e.MuStarLo), num(e.MuStarHi), num(e.Mu), num(e.Sigma), num(e.NoiseSE), num(e.NoiseLevel), e.Noise, e.N})
		}
		out.Responses = append(out.Responses, rs)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
