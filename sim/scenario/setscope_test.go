package scenario

import (
	"strings"
	"testing"
)

// TestSetHeadcountReorg: overriding a role's headcount that a
// reorganisation also sets is refused, naming the reorganisation's key
// (issue 15: -set roles.hunter.headcount=5 changed only the warm-up of
// growth-plan, silently); giving that key too states the scope.
func TestSetHeadcountReorg(t *testing.T) {
	t.Parallel()
	_, err := Builtin("growth-plan", Options{Set: []string{"roles.hunter.headcount=5"}})
	if err == nil {
		t.Fatal("roles.hunter.headcount=5 on growth-plan was accepted")
	}
	for _, want := range []string{"-set roles.hunter.headcount=5: roles.hunter.headcount:", "reorg[0] (at 1y) sets the headcount of hunter to 1",
		"only the warm-up", "set reorg[0].headcount.hunter=5"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
	for _, set := range [][]string{
		{"roles.hunter.headcount=5", "reorg[0].headcount.hunter=5"},
		{"reorg[0].headcount.hunter=5", "roles.hunter.headcount=5"},
		{"roles.hunter.headcount=5", `reorg=[{at="12mo", headcount={hunter=5}}]`},
		{"reorg[0].headcount.hunter=4"},
		{"roles.hunter.pay.salary=35000"},
	} {
		sc, err := Builtin("growth-plan", Options{Set: set})
		if err != nil {
			t.Errorf("%q: %v", set, err)
			continue
		}
		if set[0] == "roles.hunter.headcount=5" {
			hunter := -1
			for i, r := range sc.Config.Roles {
				if r.Name == "hunter" {
					hunter = i
				}
			}
			if sc.Config.Roles[hunter].Headcount != 5 || sc.Config.Reorgs[0].Headcount[hunter] != 5 {
				t.Errorf("%q: headcount %d at 0 and %d at the reorganisation, want 5 and 5", set, sc.Config.Roles[hunter].Headcount, sc.Config.Reorgs[0].Headcount[hunter])
			}
		}
	}
	// Without a reorganisation the headcount holds for the whole run.
	if _, err := Builtin("validation/mmc", Options{Set: []string{"roles.agent.headcount=11"}}); err != nil {
		t.Error(err)
	}
	// A variant's reorganisation counts, and so does a quoted role name.
	if _, err := Builtin("growth-plan", Options{Variant: "five_hunters", Set: []string{`roles."farmer".headcount=1`}}); err == nil || !strings.Contains(err.Error(), "reorg[0].headcount.farmer=1") {
		t.Errorf("five_hunters, farmer headcount: %v", err)
	}
}

// TestSetWithoutValueOneProblem: an override without "=" is one problem,
// "want key=value", not also a reorganisation's scope with an empty value
// (the audit found 'salesim run -set roles.hunter.headcount' suggesting
// "set reorg[0].headcount.hunter= (give both to change both)").
func TestSetWithoutValueOneProblem(t *testing.T) {
	t.Parallel()
	_, err := Builtin("growth-plan", Options{Set: []string{"roles.hunter.headcount"}})
	if err == nil {
		t.Fatal("roles.hunter.headcount without a value was accepted")
	}
	if ps := Problems(err); len(ps) != 1 || !strings.Contains(err.Error(), "want key=value") {
		t.Errorf("%d problems: %v", len(ps), err)
	}
}
