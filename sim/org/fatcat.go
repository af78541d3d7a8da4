package org

import "math"

// The fat-cat rule (research/domain.md E4; seed 004): once a manager's own
// clients pay enough commission, the manager prospects less. A person's
// prospecting effort is max(Floor, 1 − (income/Target)^Shape), where
// income is the monthly commission the person's own clients pay at their
// current volume. Free time is spent in blocks of Slack hours, each
// prospecting with probability effort and idle otherwise, so that effort
// is the share of free time spent prospecting. Configured by [FatCat]
// (scenario key roles.<role>.fat_cat).

// FatCat is the fat-cat rule: a person's prospecting effort is
// max(Floor, 1 − (income/Target)^Shape), where income is the monthly
// commission the person's own clients pay at their current volume; free
// time is spent in blocks of Slack hours.
type FatCat struct {
	Target float64
	Floor  float64
	Shape  float64
	Slack  float64
	// Inbound extends the rule to the follow-up of new inbound leads: a
	// person follows one up with probability effort, and the others are
	// never worked (leads_ignored).
	Inbound bool
}

func (fc *FatCat) check(v *checker, f string, commission float64) {
	v.money(f+".Target", fc.Target, 0, true)
	v.prob(f+".Floor", fc.Floor)
	v.number(f+".Shape", fc.Shape, 0, true)
	v.hours(f+".Slack", fc.Slack, 0, true)
	if commission == 0 {
		v.warn(f, "pay.commission is 0: no income from own clients, so the fat-cat rule never applies")
	}
}

type fatCat struct {
	s   *Sim
	cfg *FatCat
	pay *Pay
}

func newFatCat(s *Sim, r int) rule {
	ro := &s.cfg.Roles[r]
	if ro.FatCat == nil {
		return nil
	}
	return &fatCat{s: s, cfg: ro.FatCat, pay: &ro.Pay}
}

func (f *fatCat) name() string { return "fat cat" }

// effort returns person p's prospecting effort.
func (f *fatCat) effort(p int32) float64 {
	inc := f.s.staff.people[p].portfol * f.pay.Commission
	return math.Max(f.cfg.Floor, 1-math.Pow(math.Max(0, inc/f.cfg.Target), f.cfg.Shape))
}

// followsUp draws whether p follows up a new inbound lead given to them:
// with probability effort (the same effort as for prospecting: the lead
// black hole of research/domain.md C6, about 70 % of marketing leads never
// pursued by unmanaged reps with full books). The draw is keyed by the lead.
func (f *fatCat) followsUp(p int32, acct int32) bool {
	if !f.cfg.Inbound {
		return true
	}
	return unit(f.s.accts.list[acct].key, drawFollowUp, 0) < f.effort(p)
}

// prospect draws whether p prospects for the next block or idles through
// it.
func (f *fatCat) prospect(p int32, now float64) (bool, float64) {
	if f.s.rnd.out.Float64() >= f.effort(p) {
		f.s.rules.idle(p, f.cfg.Slack)
		return false, 0
	}
	return true, now + f.cfg.Slack
}
