package org

// Pay for work done and for what a person's leads bring later (the
// forum's question of seed 000: how to pay the hunters for their legwork):
// a piece rate per completed task of an activity (a call, a meeting), and
// a bonus per repeat order of a client the person found and passed on,
// within the source commission's months. A piece rate may speed the paid
// work up (Pay.PieceSpeedup): Lazear (2000, AER, "Performance pay and
// productivity", the Safelite glass installers) measured output per worker
// 44 % higher after a switch from hourly pay to piece rates, about half of
// it the incentive effect on the same workers (≈ 1.22); no speed-up by
// default, as the figure comes from another trade.

// TaskPay is a piece rate: an amount per completed task of an activity.
type TaskPay struct {
	Activity ActivityRef
	Amount   float64
}

func (tp *TaskPay) check(v *checker, f string) {
	v.activity(f+".Activity", tp.Activity, true)
	v.money(f+".Amount", tp.Amount, 0, false)
}

// pieceRates returns, per role and activity, the piece rate paid and the
// speed-up of the work (1: none).
func pieceRates(c *Config) (rate [][]float64, speed [][]float64) {
	rate = make([][]float64, len(c.Roles))
	speed = make([][]float64, len(c.Roles))
	for r, ro := range c.Roles {
		rate[r] = make([]float64, len(c.Activities))
		speed[r] = make([]float64, len(c.Activities))
		for a := range speed[r] {
			speed[r][a] = 1
		}
		for _, tp := range ro.Pay.PerTask {
			a := tp.Activity.Index()
			rate[r][a] += tp.Amount
			if ro.Pay.PieceSpeedup > 0 {
				speed[r][a] = ro.Pay.PieceSpeedup
			}
		}
	}
	return rate, speed
}

// paid records the piece rate of n tasks of activity act completed by
// person p of role r.
func (c *clients) paid(p int32, r int, act int32, n float64) {
	if v := c.s.p.pieceRate[r][act]; v > 0 {
		c.bonus(p, int32(r), v*n)
	}
}

// sourcedOrder pays the bonus per repeat order of client a to the person
// who found and passed it on, within its source months.
func (c *clients) sourcedOrder(a *account) {
	if a.srcRole < 0 {
		return
	}
	pay := &c.s.cfg.Roles[a.srcRole].Pay
	if pay.PerSourcedOrder > 0 && c.s.env.Now()-a.wonAt <= pay.SourceMonths*Month {
		c.bonus(a.src, a.srcRole, pay.PerSourcedOrder)
	}
}
