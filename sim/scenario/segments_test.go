package scenario

import (
	"strings"
	"testing"

	"github.com/salesim/salesim/sim/org"
)

// segmented adds to base an extra stage, a segment that takes it, a team
// and a handoff that refer to them.
const segmented = base + `[[stages]]
name = "discovery"
activity = "meet"
next = "won"
[[segments]]
name = "enterprise"
min_size = "100k"
sources = ["web"]
next = { contact = "discovery", meeting = "won" }
from = "6mo"
[[segments]]
name = "rest"
[teams.pod]
members = { hunter = 2, farmer = 1 }
route = "pool"
[[handoffs]]
from = "hunter"
to = "farmer"
at_stage = "meeting"
segment = "rest"
route = "team"
[activities.service]
duration = "20m"
size_elasticity = 0.5
size_reference = "30k"
`

func TestLoadSegmentsAndTeams(t *testing.T) {
	src := strings.Replace(segmented, `does = ["meet"]`, `does = ["meet", "service"]`, 1)
	s, errs := load(t, map[string]string{"t.toml": src}, "t.toml", Options{})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	c := s.Config
	want := []org.Segment{
		{Name: "enterprise", MinSize: 100e3, From: 6 * 730, Sources: []org.Source{{Inbound: org.InboundAt(0)}},
			Next: []org.SegmentStep{{Stage: org.StageAt(0), Next: org.StageAt(2)}, {Stage: org.StageAt(1)}}},
		{Name: "rest"},
	}
	if len(c.Segments) != 2 || c.Segments[0].Name != want[0].Name || c.Segments[0].MinSize != want[0].MinSize || c.Segments[0].From != want[0].From ||
		len(c.Segments[0].Sources) != 1 || c.Segments[0].Sources[0] != want[0].Sources[0] ||
		len(c.Segments[0].Next) != 2 || c.Segments[0].Next[0] != want[0].Next[0] || c.Segments[0].Next[1] != want[0].Next[1] ||
		c.Segments[1].Name != "rest" || len(c.Segments[1].Next) != 0 {
		t.Errorf("segments %+v, want %+v", c.Segments, want)
	}
	if len(c.Teams) != 1 || !c.Teams[0].Pool || len(c.Teams[0].Members) != 2 ||
		c.Teams[0].Members[0] != (org.TeamMember{Role: org.RoleAt(0), Size: 2}) || c.Teams[0].Members[1] != (org.TeamMember{Role: org.RoleAt(1), Size: 1}) {
		t.Errorf("teams %+v", c.Teams)
	}
	if h := c.Handoffs[0]; h.Segment != org.SegmentAt(1) || h.Route != org.RouteTeam {
		t.Errorf("handoff segment %d route %d, want segment 2 (rest) routed within the team", h.Segment, h.Route)
	}
	if a := c.Activities[2]; a.SizeElasticity != 0.5 || a.SizeReference != 30e3 {
		t.Errorf("size elasticity %g reference %g", a.SizeElasticity, a.SizeReference)
	}
	if _, err := org.Compile(c); err != nil {
		t.Error(err)
	}
}

// TestSegmentErrors: problems of segments and teams, from the converter
// and from org's rules, at the file, line and key they concern.
func TestSegmentErrors(t *testing.T) {
	for _, tc := range []struct {
		name       string
		old, new   string
		want       string
		wantPrefix bool
	}{
		{"unknown next", `meeting = "won" }`, `meeting = "wonn" }`, `t.toml:32: segments[0].next.meeting: unknown stage "wonn"; known: contact, meeting, discovery`, false},
		{"unknown stage key", `next = { contact =`, `next = { contract =`, `t.toml:32: segments[0].next.contract: unknown stage "contract" (did you mean contact?); known: contact, meeting, discovery`, false},
		{"empty next", `meeting = "won" }`, `meeting = "" }`, `t.toml:32: segments[0].next.meeting: empty: give the stage success leads to, or "won"`, false},
		{"loop", `next = { contact = "discovery"`, `next = { discovery = "discovery"`, `t.toml:32: segments[0].next.discovery: stage discovery leads to itself with convert 100%: a lead would loop forever`, false},
		{"unknown source", `sources = ["web"]`, `sources = ["wbe"]`, `t.toml:31: segments[0].sources[0]: unknown source "wbe" (did you mean web?); known: web`, false},
		{"range", `min_size = "100k"`, "min_size = \"100k\"\nmax_size = \"50k\"", `t.toml:31: segments[0].max_size: max_size 50000 is not above min_size 100000: no company fits`, false},
		{"duplicate name", `name = "rest"`, `name = "enterprise"`, `t.toml:35: segments[1].name: duplicate segment name "enterprise" (also segment 0)`, false},
		{"unknown segment", `segment = "rest"`, `segment = "smb"`, `t.toml:43: handoffs[0].segment: unknown segment "smb"; known: enterprise, rest`, false},
		{"team of one role", `members = { hunter = 2, farmer = 1 }`, `members = { hunter = 2 }`, `t.toml:37: teams.pod.members: 1 roles: a team groups people of several roles, give at least two`, false},
		{"team size", `members = { hunter = 2, farmer = 1 }`, `members = { hunter = 2, farmer = 0 }`, `t.toml:37: teams.pod.members.farmer: 0 out of range: want >= 1`, false},
		{"team unknown role", `members = { hunter = 2, farmer = 1 }`, `members = { hunter = 2, famer = 1 }`, `t.toml:37: teams.pod.members.famer: unknown role "famer" (did you mean farmer?); known: hunter, farmer`, false},
		{"team pool role", "[roles.farmer]\n", "[roles.farmer]\nassign = \"pool\"\n", `teams.pod.members.farmer: role farmer keeps a shared pool`, true},
		{"route", `route = "team"`, `route = "pod"`, `t.toml:44: handoffs[0].route: "pod" is not allowed: want team or pool (did you mean pool?)`, false},
		{"elasticity", `size_elasticity = 0.5`, `size_elasticity = 1.5`, `t.toml:47: activities.service.size_elasticity: 1.5 out of range: want from 0 to 1`, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := strings.Replace(segmented, `does = ["meet"]`, `does = ["meet", "service"]`, 1)
			if !strings.Contains(src, tc.old) {
				t.Fatalf("design lacks %q", tc.old)
			}
			src = strings.Replace(src, tc.old, tc.new, 1)
			_, errs := load(t, map[string]string{"t.toml": src}, "t.toml", Options{})
			found := false
			for _, e := range errs {
				found = found || tc.wantPrefix && strings.Contains(e, tc.want) || e == tc.want
			}
			if !found {
				t.Errorf("want %s\ngot %s", tc.want, strings.Join(errs, "\n"))
			}
		})
	}
}
