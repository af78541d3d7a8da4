package scenario

import (
	"testing"

	"github.com/salesim/salesim/scenarios"
	"github.com/salesim/salesim/sim/org"
)

// TestShippedScenarios loads every built-in scenario and each of its
// variants, and checks that org.Compile accepts the result.
func TestShippedScenarios(t *testing.T) {
	for _, name := range scenarios.Names() {
		s, err := Builtin(name, Options{})
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		for _, w := range s.Warnings {
			t.Logf("%s: warning: %v", name, w)
		}
		if _, err := org.Compile(s.Config); err != nil {
			t.Errorf("%s: org.Compile: %v", name, err)
		}
		for _, v := range s.Variants {
			vs, err := Builtin(name, Options{Variant: v})
			if err != nil {
				t.Errorf("%s#%s: %v", name, v, err)
				continue
			}
			if _, err := org.Compile(vs.Config); err != nil {
				t.Errorf("%s#%s: org.Compile: %v", name, v, err)
			}
		}
	}
}

// TestMMC checks the conversion of the M/M/c validation design, whose
// numbers the engine's validation depends on.
func TestMMC(t *testing.T) {
	s, err := Builtin("validation/mmc", Options{})
	if err != nil {
		t.Fatal(err)
	}
	c := s.Config
	if len(c.Inbound) != 1 || c.Inbound[0].Rate != 9 || c.Inbound[0].Open != nil {
		t.Errorf("inbound %+v: want 9 per hour around the clock", c.Inbound)
	}
	if m := c.Activities[0].Duration.Mean(); m != 1 {
		t.Errorf("mean service %v h, want 1", m)
	}
	r := c.Roles[0]
	if r.Headcount != 10 || len(r.Shifts) != 1 || r.Shifts[0].Hours() != org.HoursPerWeek || r.Setup != 0 || r.Attrition != 0 || len(r.Absence) != 0 {
		t.Errorf("role %+v", r)
	}
	if st := c.Stages[0]; st.Convert != 0 || st.NurtureShare != 0 || st.Next != 0 {
		t.Errorf("stage %+v", st)
	}
}
