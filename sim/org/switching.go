package org

import "sort"

// Switching cost (research/domain.md A5): activities are grouped into
// kinds ([Activity.Kind]); a person who starts work of another kind than
// their last loses the role's setup time first ([Role.Setup], or
// [Role.SetupPair] for a given pair of kinds), counted as switching time.
// The first work of a shift, of a new hire or of a person moved to another
// role costs nothing.

// setupTime returns the setup hours of role r changing from kind last
// (−1: none) to kind next.
func (p *Plan) setupTime(r int32, last, next int32) float64 {
	if last < 0 || last == next {
		return 0
	}
	return p.setup[r][int(last)*len(p.kinds)+int(next)]
}

// compileKinds derives the kinds, each role's setup matrix and the
// activities each role performs, by priority.
func (p *Plan) compileKinds() {
	cfg := &p.cfg
	idx := map[string]int{}
	p.actKind = make([]int, p.nAct)
	for a, act := range cfg.Activities {
		k := act.Kind
		if k == "" {
			k = act.Name
		}
		i, ok := idx[k]
		if !ok {
			i = len(p.kinds)
			idx[k] = i
			p.kinds = append(p.kinds, k)
		}
		p.actKind[a] = i
	}
	nk := len(p.kinds)
	p.setup = make([][]float64, p.nRole)
	p.roleActs = make([][]int32, p.nRole)
	for r, ro := range cfg.Roles {
		m := make([]float64, nk*nk)
		for i := range nk {
			for j := range nk {
				if i != j {
					m[i*nk+j] = ro.Setup
				}
			}
		}
		for _, sp := range ro.SetupPair {
			i, ok1 := idx[sp.A]
			j, ok2 := idx[sp.B]
			if ok1 && ok2 && i != j {
				m[i*nk+j], m[j*nk+i] = sp.Hours, sp.Hours
			}
		}
		p.setup[r] = m
		for a := range p.nAct {
			if ro.Speed[a] > 0 {
				p.roleActs[r] = append(p.roleActs[r], int32(a))
			}
		}
		sort.SliceStable(p.roleActs[r], func(i, j int) bool {
			return cfg.Activities[p.roleActs[r][i]].Priority < cfg.Activities[p.roleActs[r][j]].Priority
		})
	}
}
