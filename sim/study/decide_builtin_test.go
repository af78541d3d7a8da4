package study

import (
	"io/fs"
	"strings"
	"testing"

	"github.com/salesim/salesim/scenarios"
)

// shorten makes a built-in experiment's runs tiny: growth-plan's target
// is 12 months on, so the change, the target and the horizon move to the
// first months (as TestBuiltinExperiments does for growth-staffing).
func shorten(f *File) {
	if f.Designs[0] == "growth-plan" {
		f.Set = append(f.Set, `run.warmup="1mo"`, `reorg[0].at="1mo"`, `target.by="2mo"`, `run.horizon="2mo"`)
	}
}

// TestBuiltinDecisionExperiments: every built-in seek and sensitivity
// experiment loads and builds its problem; seek-mmc returns Erlang C's
// answer (4 agents); the growth-plan ones run a tiny version (two
// designs, a few short replications; the figures of README.md come from
// the full runs).
func TestBuiltinDecisionExperiments(t *testing.T) {
	t.Parallel()
	ran := 0
	for _, n := range scenarios.ExperimentNames() {
		if !strings.HasPrefix(n, "seek-") && !strings.HasPrefix(n, "sensitivity-") {
			continue
		}
		ran++
		b, err := fs.ReadFile(scenarios.Experiments, "experiments/"+n+".toml")
		if err != nil {
			t.Fatal(err)
		}
		f, err := Parse(b, "builtin:experiments/"+n+".toml", Options{})
		if err != nil {
			t.Errorf("%s: %v", n, err)
			continue
		}
		if strings.HasPrefix(n, "seek-") {
			if n != "seek-mmc" {
				shorten(f)
			}
			p, s, _, err := f.SeekProblem(2)
			if err != nil {
				t.Errorf("%s: %v", n, err)
				continue
			}
			if n != "seek-mmc" {
				for i := range p.Factors {
					p.Factors[i].Max = p.Factors[i].Min + 1
				}
				p.Initial, p.Max = 2, 4
			}
			// One design at a time: this test checks the files, and
			// TestSeekBatchSameAnswer the batched first stage.
			res, err := Seek(t.Context(), p, plainSampler{s})
			if err != nil {
				t.Errorf("%s: %v", n, err)
				continue
			}
			if n == "seek-mmc" && (res.Best < 0 || res.Candidates[res.Best].X[0] != 4) {
				t.Errorf("seek-mmc: answer %+v, want 4 agents", res.Candidates)
			}
			continue
		}
		shorten(f)
		in, err := f.SensitivityInputs()
		if err != nil {
			t.Errorf("%s: %v", n, err)
			continue
		}
		if n == "sensitivity-growth-plan" && len(in) < 15 {
			t.Errorf("%s: %d inputs, want at least 15 (issue 13)", n, len(in))
		}
		s, names, _, _, err := f.SensitivitySampler(2)
		if err != nil {
			t.Errorf("%s: %v", n, err)
			continue
		}
		res, err := Morris(t.Context(), in, names, MorrisOptions{Trajectories: 2, Levels: 4, Replications: 1, Seed: 1}, s)
		if err != nil {
			t.Errorf("%s: %v", n, err)
			continue
		}
		if res.Points < len(in)+1 {
			t.Errorf("%s: %d points, want at least %d", n, res.Points, len(in)+1)
		}
	}
	if ran < 4 {
		t.Errorf("%d built-in seek and sensitivity experiments, want 4", ran)
	}
}
