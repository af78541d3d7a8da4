package org

// Coasting after quota (research/domain.md E4): once a person's margin
// in the month reaches the quota, they drop Quota.Drop of their
// prospecting, in blocks of an hour; an accelerator above 1 keeps them
// working (Chung, Steenburgh and Sudhir 2014: overachievement commissions
// keep the best reps working after quota). Drop 0, the default, is no
// coasting: there is no published elasticity to set it by.

type coasting struct {
	s *Sim
	q *Quota
}

func newCoasting(s *Sim, r int) rule {
	q := s.cfg.Roles[r].Quota
	if q == nil || q.Drop == 0 || q.Accelerator > 1 {
		return nil
	}
	return &coasting{s: s, q: q}
}

func (c *coasting) name() string { return "coasting after quota" }

// prospect lets p prospect at full effort below the month's quota, and
// with probability 1 − Drop for the next hour once it is met.
func (c *coasting) prospect(p int32, now float64) (bool, float64) {
	if c.s.judge.margin[p] < c.q.Margin {
		return true, now + 1
	}
	if c.s.rnd.out.Float64() < c.q.Drop {
		c.s.rules.idle(p, 1)
		return false, 0
	}
	return true, now + 1
}
