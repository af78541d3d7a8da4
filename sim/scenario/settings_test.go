package scenario

import (
	"slices"
	"testing"
)

// TestSettingsRoundTrip: every value Settings lists for a built-in design
// with reorganisations is a key -set takes, and setting it to the value
// listed leaves the design as it was; the keys people look for are there.
func TestSettingsRoundTrip(t *testing.T) {
	t.Parallel()
	sc, err := Builtin("growth-plan", Options{Variant: "five_hunters"})
	if err != nil {
		t.Fatal(err)
	}
	ss := sc.Settings()
	byKey := map[string]Setting{}
	for _, s := range ss {
		if _, dup := byKey[s.Key]; dup {
			t.Errorf("%s listed twice", s.Key)
		}
		byKey[s.Key] = s
	}
	for key, want := range map[string]string{
		"reorg[0].headcount.hunter": "3", "reorg[0].headcount.farmer": "3", "roles.hunter.headcount": "0",
		"stages[1].convert": `"4.6%"`, "handoffs[0].delay": `"2d"`, "run.horizon": `"12mo"`,
	} {
		if s, ok := byKey[key]; !ok || s.Value != want || s.Default {
			t.Errorf("%s: %+v, want the value %s as written", key, s, want)
		}
	}
	if s := byKey["handoffs[0].at_won"]; !s.Default {
		t.Errorf("handoffs[0].at_won, which growth-plan leaves out: %+v, want its default", s)
	}
	for _, s := range ss {
		if s.Default {
			continue
		}
		// roles.R.headcount needs its reorganisation's key beside it.
		set := []string{s.Key + "=" + s.Value}
		if s.Key == "roles.hunter.headcount" || s.Key == "roles.farmer.headcount" || s.Key == "roles.manager.headcount" ||
			s.Key == "roles.closer.headcount" || s.Key == "roles.senior.headcount" {
			set = append(set, "reorg[0].headcount."+s.Key[len("roles."):len(s.Key)-len(".headcount")]+"="+byKey["reorg[0].headcount."+s.Key[len("roles."):len(s.Key)-len(".headcount")]].Value)
		}
		again, err := Builtin("growth-plan", Options{Variant: "five_hunters", Set: set})
		if err != nil {
			t.Errorf("-set %q: %v", set, err)
			continue
		}
		if got := again.Settings(); len(got) != len(ss) || !slices.EqualFunc(got, ss, func(a, b Setting) bool { return a.Key == b.Key && a.Value == b.Value }) {
			t.Errorf("-set %q changed the settings", set)
		}
	}
}
