package org

import (
	"strings"
	"testing"

	"github.com/salesim/salesim/sim/dist"
)

// blockDay returns Monday 9:00-17:00 with a block of the given kind over
// 9:00-11:00 for the listed activities.
func blockDay(kind SpanKind, sp Span, only ...int) Week {
	var w Week
	if err := w.Work(1, 9, 17); err != nil {
		panic(err)
	}
	sp.Kind = kind
	sp.Name = "block"
	for _, a := range only {
		sp.Only = append(sp.Only, ActivityAt(a))
	}
	if err := w.Lay(1, 9, 11, sp); err != nil {
		panic(err)
	}
	return w
}

// meetingsAndDocs is one person's day: constant 30-minute meetings
// (activity 0) and documents (activity 1), no switching cost.
func meetingsAndDocs(week Week) Config {
	return oneRole(1, week,
		Activity{Name: "meeting", Duration: dist.MustParse("30m"), Kind: "selling"},
		Activity{Name: "docs", Duration: dist.MustParse("30m"), Kind: "paper"})
}

// TestPreferredBlockUsesUnbookedTime: a two-hour meeting block with no
// meeting booked. Strict, the block idles and only the six hours after it
// hold documents; preferred, the documents fill the block: 16 done, no
// idle time.
func TestPreferredBlockUsesUnbookedTime(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		kind       SpanKind
		done, idle float64
	}{{Block, 12, 2}, {Preferred, 16, 0}} {
		s := manual(t, meetingsAndDocs(blockDay(tc.kind, Span{}, 0)))
		s.pushTurns(20, 1)
		r := s.finishRun(t)
		done := value(t, s.p, r, "done.docs", "all", "total")
		idle := value(t, s.p, r, "time_idle_h", "all", "total")
		if done != tc.done || !near(idle, tc.idle) {
			t.Fatalf("%s block: %g documents, %g h idle; want %g and %g", tc.kind, done, idle, tc.done, tc.idle)
		}
	}
}

// TestPreferredBlockTakesItsOwnWorkFirst: documents have waited longer
// than the meetings, so a mixed day does the documents first; a preferred
// meeting block does its four meetings first (by 11:00 all four, and
// documents only once none is left), and after the block the documents
// come first again.
func TestPreferredBlockTakesItsOwnWorkFirst(t *testing.T) {
	t.Parallel()
	s := manual(t, meetingsAndDocs(blockDay(Preferred, Span{}, 0)))
	s.pushTurns(4, 1) // documents first in line
	for i := range 4 {
		id := s.work.newTask(tkSale, 0, -1)
		s.work.push(id, 0, -1)
		s.work.tasks[id].avail = 1 + float64(i)*1e-3
	}
	s.env.RunUntil(11)
	meetings, docs := s.rec.done[0], s.rec.done[1]
	if meetings != 4 || docs != 0 {
		t.Fatalf("by 11:00: %g meetings, %g documents; want the 4 meetings first, then documents from 11:00", meetings, docs)
	}
	s.finishRun(t)
	if got := s.rec.done[1]; got != 4 {
		t.Fatalf("%g documents by the end of the day, want 4", got)
	}
}

// TestPreferredBlockCallsBeforeOtherWork: in a preferred telemarketing
// block the block's pulled calls come before documents that wait; after
// the block the documents come first and calls fill the rest of the day.
// Constant 4-minute calls: 30 in the block, 60 more after the documents.
func TestPreferredBlockCallsBeforeOtherWork(t *testing.T) {
	t.Parallel()
	cfg := oneRole(1, blockDay(Preferred, Span{}, 0),
		Activity{Name: "dial", Duration: dist.MustParse("4m"), Kind: "phone"},
		Activity{Name: "docs", Duration: dist.MustParse("30m"), Kind: "paper"})
	cfg.Databases = []Database{{Name: "db", Contacts: 1000, Cooloff: 1000, Stage: StageAt(0)}}
	cfg.Roles[0].Pull = []DatabaseRef{DatabaseAt(0)}
	s := manual(t, cfg)
	s.pushTurns(4, 1)
	s.env.RunUntil(11)
	s.calls.settleRun(0, 11, false)
	if calls, docs := s.rec.done[0], s.rec.done[1]; calls != 30 || docs != 0 {
		t.Fatalf("in the block: %g calls, %g documents; want 30 calls and no documents", calls, docs)
	}
	r := s.finishRun(t)
	if calls, docs := value(t, s.p, r, "done.dial", "all", "total"), value(t, s.p, r, "done.docs", "all", "total"); calls != 90 || docs != 4 {
		t.Fatalf("in the day: %g calls, %g documents; want 90 and 4", calls, docs)
	}
}

// TestBlockGains: a block that speeds its work up by 25 % fits five
// 30-minute documents into its two hours instead of four, and not the
// documents after it; a conversion gain of 100 % makes a stage of 50 %
// convert every lead worked in the block.
func TestBlockGains(t *testing.T) {
	t.Parallel()
	s := manual(t, meetingsAndDocs(blockDay(Block, Span{Speed: 0.25}, 1)))
	s.pushTurns(40, 1)
	s.env.RunUntil(11.01) // the fifth ends at 11:00
	if got := s.rec.done[1]; got != 5 {
		t.Fatalf("%g documents in the faster block, want 5", got)
	}
	r := s.finishRun(t)
	if got := value(t, s.p, r, "done.docs", "all", "total"); got != 5+12 {
		t.Fatalf("%g documents in the day, want 5 in the block and 12 after", got)
	}

	for _, tc := range []struct {
		gain float64
		all  bool
	}{{1, true}, {0, false}} {
		cfg := meetingsAndDocs(blockDay(Block, Span{Convert: tc.gain}, 0))
		cfg.Stages = []Stage{
			{Name: "meet", Activity: ActivityAt(0), Convert: 0.5, Next: StageAt(1)},
			{Name: "write", Activity: ActivityAt(1)},
		}
		cfg.Clients = Clients{Plan: 1}
		s := manual(t, cfg)
		s.pushLeads(4, 0)
		r := s.finishRun(t)
		won := value(t, s.p, r, "entered.write", "all", "total")
		if tc.all && won != 4 || !tc.all && won == 4 {
			t.Fatalf("gain %g: %g of 4 leads converted", tc.gain, won)
		}
	}
}

// TestBlockRules: a preferred block names its work, and only a block has
// gains.
func TestBlockRules(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		week Week
		want string
	}{
		{blockDay(Preferred, Span{}), "Only: a preferred block lists no activities"},
		{blockDay(Internal, Span{Speed: 0.1}), "not of internal time"},
		{blockDay(Block, Span{Convert: -1}, 0), "Convert: -100% out of range"},
	} {
		cfg := meetingsAndDocs(tc.week)
		err := cfg.Validate()
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("got %v, want %q", err, tc.want)
		}
	}
}
