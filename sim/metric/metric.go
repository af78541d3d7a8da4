// Package metric names what a run measures: the metric names, the key of
// one measure (metric, role, period, and for results per person the
// post), the names of the department and of the periods, and the units.
//
// It is a leaf package: the model (package org) defines how each metric is
// computed, in one table beside the recorder it reads; results, charts,
// report and the command refer to metrics only through the constants
// here, so that a metric is named in exactly one place. A test checks that
// no other Go file spells a metric name as a string literal.
package metric

import (
	"fmt"
	"strconv"
	"strings"
)

// Key names one measure of a replication.
type Key struct {
	Metric string
	Role   string // a role name, or [Department]
	Period string // [Total] for the whole horizon, or a month: "m01", "m02", ...
	// Post is 0 for a measure of the role (or the department) as a
	// whole; 1, 2, ... for a measure of one post of the role: its
	// position in the role's staff list ("hunter 2"), held by one person
	// after another as people leave and vacancies are refilled. Results
	// per person are kept per post.
	Post int
}

// String returns "metric:role:period", the column name in shard files,
// followed by ":post" for a post's measure ("margin:hunter:total:2").
// A character of a part that would make the name ambiguous or break a
// line of comma-separated text — ':', ',', '"', '%' and control
// characters — is written as %XX (its bytes in hexadecimal), so a role
// named "sales, north" is "margin:sales%2C north:total". Ordinary names
// are written as they are.
func (k Key) String() string {
	s := escape(k.Metric) + ":" + escape(k.Role) + ":" + escape(k.Period)
	if k.Post > 0 {
		s += ":" + strconv.Itoa(k.Post)
	}
	return s
}

// ParseKey is the inverse of [Key.String].
func ParseKey(s string) (Key, bool) {
	parts := strings.Split(s, ":")
	if len(parts) != 3 && len(parts) != 4 {
		return Key{}, false
	}
	var k Key
	var ok [3]bool
	k.Metric, ok[0] = unescape(parts[0])
	k.Role, ok[1] = unescape(parts[1])
	k.Period, ok[2] = unescape(parts[2])
	if len(parts) == 4 {
		n, err := strconv.Atoi(parts[3])
		if err != nil || n < 1 || strconv.Itoa(n) != parts[3] {
			return Key{}, false
		}
		k.Post = n
	}
	return k, ok[0] && ok[1] && ok[2]
}

// needsEscape reports whether byte c of a key's part is written %XX.
func needsEscape(c byte) bool {
	return c == ':' || c == ',' || c == '"' || c == '%' || c < 0x20 || c == 0x7f
}

func escape(s string) string {
	n := 0
	for i := 0; i < len(s); i++ {
		if needsEscape(s[i]) {
			n++
		}
	}
	if n == 0 {
		return s
	}
	const hex = "0123456789ABCDEF"
	b := make([]byte, 0, len(s)+2*n)
	for i := 0; i < len(s); i++ {
		if c := s[i]; needsEscape(c) {
			b = append(b, '%', hex[c>>4], hex[c&15])
		} else {
			b = append(b, c)
		}
	}
	return string(b)
}

func unescape(s string) (string, bool) {
	if !strings.ContainsRune(s, '%') {
		return s, !strings.ContainsFunc(s, func(r rune) bool { return r < 0x80 && needsEscape(byte(r)) })
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '%':
			if i+3 > len(s) {
				return "", false
			}
			v, err := strconv.ParseUint(s[i+1:i+3], 16, 8)
			if err != nil || !needsEscape(byte(v)) {
				return "", false
			}
			b = append(b, byte(v))
			i += 2
		case needsEscape(c):
			return "", false
		default:
			b = append(b, c)
		}
	}
	return string(b), true
}

// Department is the Role of department-wide measures; Total the Period of
// whole-horizon measures; EveryPost names, in the post column of
// people-summary.csv, the distribution of a role's measure across its
// people and the replications.
const (
	Department = "all"
	Total      = "total"
	EveryPost  = "all"
)

// Month returns the name of month m (1-based) of a horizon of the given
// number of months: "m01" ... "m12"; at least two digits, more when the
// horizon needs them, so that the names sort in time order.
func Month(m, months int) string {
	return fmt.Sprintf("m%0*d", max(2, len(strconv.Itoa(months))), m)
}

// MonthOf returns the month number of a period such as "m07", and false
// for [Total] or anything else.
func MonthOf(period string) (int, bool) {
	if len(period) < 2 || period[0] != 'm' {
		return 0, false
	}
	n, err := strconv.Atoi(period[1:])
	if err != nil || n < 1 {
		return 0, false
	}
	return n, true
}

// Unit is the unit of a metric.
type Unit string

// Units.
const (
	Money   Unit = "money"   // the scenario's currency
	Hours   Unit = "hours"   // simulated hours
	Share   Unit = "share"   // a fraction: 0.25 is 25 %
	Tasks   Unit = "tasks"   // pieces of work
	Clients Unit = "clients" // companies that ordered
	Leads   Unit = "leads"   // companies in the funnel
	Orders  Unit = "orders"  // repeat orders
	People  Unit = "people"  // staff
)

// Metric names. They are stable: result files, charts and scripts rely on
// them. Package org documents each (salesim metrics lists them).
const (
	Revenue        = "revenue"
	Margin         = "margin"
	Cost           = "cost"
	CostSalary     = "cost_salary"
	CostHourly     = "cost_hourly"
	CostCommission = "cost_commission"
	CostBonus      = "cost_bonus"
	CostMarketing  = "cost_marketing"
	Profit         = "profit"
	Throughput     = "throughput"
	Handovers      = "handovers"
	Passed         = "passed"
	FirstOrders    = "first_orders"
	NewClients     = "new_clients"
	OrdersDone     = "orders"
	OrdersLost     = "orders_lost"
	ChurnedClients = "churned_clients"
	ActiveClients  = "active_clients"
	ChurnedTop20   = "churned_top20"
	ActiveTop20    = "active_top20"
	MarginTop20    = "margin_top20"
	LeadsIn        = "leads_in"
	LeadsCold      = "leads_cold"
	LeadsLost      = "leads_lost"
	LeadsNurtured  = "leads_nurtured"
	LeadsIgnored   = "leads_ignored"
	TimeProductive = "time_productive_h"
	TimeSwitching  = "time_switching_h"
	TimeFatigue    = "time_fatigue_h"
	TimeIdle       = "time_idle_h"
	TimeAbsence    = "time_absence_h"
	TimeInternal   = "time_internal_h"
	Utilisation    = "utilisation"
	QueueWait      = "queue_wait_h"
	InSystem       = "in_system"
	Headcount      = "headcount"
	LeadResponse   = "lead_response_h"
	Escalated      = "escalated"
	Joined         = "joined"
	JoinMissed     = "join_missed"
	Growth         = "growth"
	Baseline       = "baseline"
	PTarget        = "p_target"
	DonePrefix     = "done."    // done.<activity>
	EnteredPrefix  = "entered." // entered.<stage>
	DonePattern    = DonePrefix + "<activity>"
	EnteredPattern = EnteredPrefix + "<stage>"
)

// Families of metrics named after an activity or a handoff: a prefix and
// the activity's name (or the handoff's, from Handoff).
const (
	WaitPrefix         = "wait_h."        // mean wait of the activity's queued work
	WaitP50Prefix      = "wait_p50_h."    // its median wait
	WaitP90Prefix      = "wait_p90_h."    // its 90th percentile wait
	ServiceLevelPrefix = "service_level." // share started within the activity's service time
	AbandonedPrefix    = "abandoned."     // tasks that waited past their patience
	PassedViaPrefix    = "passed_via."    // accounts passed through the handoff
	WonAfterPrefix     = "won_after."     // share of leads passed through it later won
	HandoffTimePrefix  = "handoff_h."     // hours from the handoff to the receiver's first work

	NormAttainmentPrefix = "norm_attainment." // mean attainment of a norm, by the norm's name
	NormMetPrefix        = "norm_met."        // share of person-periods that met it
	NormReachedPrefix    = "norm_reached."    // per person: 1 if the mean attainment over the horizon reached 100 %
)

// Quota metrics.
const (
	QuotaAttainment = "quota_attainment"
	QuotaMet        = "quota_met"
	QuotaReached    = "quota_reached" // per person: 1 if the mean attainment over the horizon reached 100 %
)

// Families of metrics named after a segment (org.Segment): a prefix and
// the segment's name.
const (
	SegmentLeadsPrefix  = "segment_leads."   // new leads of the segment
	SegmentWonPrefix    = "segment_won."     // its leads won
	SegmentCyclePrefix  = "segment_cycle_h." // mean hours from a lead's arrival to its first order
	SegmentMarginPrefix = "segment_margin."  // margin booked from its clients
)

// Of returns the metric of a family for an activity or a handoff:
// Of(ServiceLevelPrefix, "inbound_call") is "service_level.inbound_call".
func Of(prefix, name string) string { return prefix + name }

// Handoff returns the name of a handoff in metric names: from_to_to, with
// "any" when no role gives the account, and "_2", "_3", ... for the
// second and later handoffs between the same roles.
func Handoff(from, to string, nth int) string {
	n := from + "_to_" + to
	if nth > 1 {
		n += "_" + strconv.Itoa(nth)
	}
	return n
}

// Done returns the name of the metric counting completed tasks of an
// activity.
func Done(activity string) string { return DonePrefix + activity }

// Entered returns the name of the metric counting leads entering a stage.
func Entered(stage string) string { return EnteredPrefix + stage }
