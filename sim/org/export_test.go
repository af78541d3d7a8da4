package org

import (
	"fmt"
	"strings"
)

// DebugState describes queues and people, for tests.
func (s *Sim) DebugState() string {
	var b strings.Builder
	for r, ro := range s.roles {
		fmt.Fprintf(&b, "role %s: waiting=%d inSys=%d paused=%v absent=%d target=%d\n", s.cfg.Roles[r].Name, ro.waiting, ro.inSys, ro.paused, ro.absent, ro.target)
		for a := range ro.q {
			n, dead := 0, 0
			for i := 0; i < ro.q[a].Len(); i++ {
				if s.tasks[ro.q[a].At(i)].dead {
					dead++
				} else {
					n++
				}
			}
			if n+dead > 0 {
				fmt.Fprintf(&b, "  pool %s: %d live %d dead\n", s.cfg.Activities[a].Name, n, dead)
			}
		}
		for _, m := range ro.members {
			p := &s.people[m]
			fmt.Fprintf(&b, "  person %d employed=%v absent=%d busy=%v run=%v slack=%v waiting=%d owned=%d group=%d\n", m, p.employed, p.absent, p.busy, p.run, p.slack, p.waiting, p.owned, p.group)
			for a := 0; a < s.p.nAct; a++ {
				q := &s.pq[int(m)*s.p.nAct+a]
				if q.Len() > 0 {
					fmt.Fprintf(&b, "    personal %s: %d\n", s.cfg.Activities[a].Name, q.Len())
				}
			}
		}
	}
	return b.String()
}
