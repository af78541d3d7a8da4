package scenario

import (
	"strings"
	"testing"
)

// TestVariantSet: a variant's overrides reach one key of one stage, apply
// before the command line's, and their problems name the file, the line
// and the override.
func TestVariantSet(t *testing.T) {
	src := base + `[variants.slow]
description = "a weaker first stage"
set = ["stages[0].convert=5%", "roles.hunter.headcount=3"]
`
	files := map[string]string{"t.toml": src}
	s, errs := load(t, files, "t.toml", Options{Variant: "slow"})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if got := s.Config.Stages[0].Convert; got != 0.05 {
		t.Errorf("stages[0].convert = %g, want 0.05", got)
	}
	if got := s.Config.Roles[0].Headcount; got != 3 {
		t.Errorf("headcount %d, want 3", got)
	}
	s, errs = load(t, files, "t.toml", Options{Variant: "slow", Set: []string{"stages[0].convert=7%"}})
	if len(errs) > 0 || s.Config.Stages[0].Convert != 0.07 {
		t.Errorf("the command line should win: %v, convert %g", errs, s.Config.Stages[0].Convert)
	}
	// Without the variant, the base is untouched.
	s, errs = load(t, files, "t.toml", Options{})
	if len(errs) > 0 || s.Config.Stages[0].Convert != 0.1 {
		t.Errorf("base: %v, convert %g", errs, s.Config.Stages[0].Convert)
	}

	for _, tc := range []struct{ src, variant, want string }{
		// A bad override is reported whether or not the variant is selected.
		{`[variants.bad]
set = ["stages[5].convert=5%"]
`, "", `t.toml:25: variants.bad.set[0]: stages[5]: no such element: stages has 2`},
		{`[variants.bad]
set = ["stages[0].convert=150%"]
`, "bad", `t.toml:25: stages[0].convert: 150% out of range: want from 0% to 100%`},
		{`[variants.bad]
set = [5]
`, "", `t.toml:25: variants.bad.set[0]: want one of overrides "key=value" such as "roles.hunter.headcount=5", got integer 5`},
		{`[variants.bad]
set = "stages[0].convert=5%"
`, "", `t.toml:25: variants.bad.set: want an array of overrides "key=value", got string`},
	} {
		_, errs := load(t, map[string]string{"t.toml": base + tc.src}, "t.toml", Options{Variant: tc.variant})
		if len(errs) != 1 || !strings.HasPrefix(errs[0], tc.want) {
			t.Errorf("%s\ngot  %q\nwant %q", tc.src, errs, tc.want)
		}
	}
	_, errs = load(t, map[string]string{"t.toml": "set = [\"stages[0].convert=5%\"]\n" + base}, "t.toml", Options{})
	if want := "t.toml:1: set: set belongs in a variant"; len(errs) != 1 || !strings.HasPrefix(errs[0], want) {
		t.Errorf("set in the design: got %q, want %q", errs, want)
	}
}

// TestVariantUnset: a variant removes an optional table, so the mechanism
// it configures is off; removing what the design does not have, or an
// element of an array, is refused with the file, line and key.
func TestVariantUnset(t *testing.T) {
	src := strings.Replace(base, "[roles.farmer]", `pause = { watch = "farmer", above = 5 }
[roles.farmer]`, 1) + `[variants.free]
unset = ["roles.hunter.pause"]
set = ["roles.hunter.pause.above=7"]
[variants.nopause]
unset = ["roles.hunter.pause"]
`
	files := map[string]string{"t.toml": src}
	s, errs := load(t, files, "t.toml", Options{})
	if len(errs) > 0 || s.Config.Roles[0].Pause == nil {
		t.Fatalf("base: %v", errs)
	}
	s, errs = load(t, files, "t.toml", Options{Variant: "nopause"})
	if len(errs) > 0 || s.Config.Roles[0].Pause != nil {
		t.Errorf("variant nopause: %v, pause %+v", errs, s.Config.Roles[0].Pause)
	}
	// Removals come first: the override then writes a pause of its own,
	// which lacks the required watch.
	_, errs = load(t, files, "t.toml", Options{Variant: "free"})
	if len(errs) != 1 || !strings.Contains(errs[0], "roles.hunter.pause.watch: missing") {
		t.Errorf("variant free: %q", errs)
	}
	for _, tc := range []struct{ src, want string }{
		{"[variants.bad]\nunset = [\"roles.farmer.pause\"]\n", `t.toml:25: variants.bad.unset[0]: roles.farmer.pause: not in the design: nothing to remove`},
		{"[variants.bad]\nunset = [\"stages[0]\"]\n", `t.toml:25: variants.bad.unset[0]: stages[0]: an element of an array cannot be removed`},
		{"[variants.bad]\nunset = [\"roles.hunter.paws\"]\n", `t.toml:25: variants.bad.unset[0]: roles.hunter.paws: unknown key (did you mean pause?)`},
	} {
		_, errs := load(t, map[string]string{"t.toml": base + tc.src}, "t.toml", Options{})
		if len(errs) != 1 || !strings.HasPrefix(errs[0], tc.want) {
			t.Errorf("%s\ngot  %q\nwant %q", tc.src, errs, tc.want)
		}
	}
}
