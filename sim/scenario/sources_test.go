package scenario

import (
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// sameScenario fails the test unless got is want loaded again: same
// name, variant, overrides, sources, SHA-256 and configuration.
func sameScenario(t *testing.T, got, want *Scenario) {
	t.Helper()
	if got.Name != want.Name || got.Variant != want.Variant || got.SHA256 != want.SHA256 || !slices.Equal(got.Set, want.Set) {
		t.Errorf("rebuilt %s#%s %v sha %.8s, want %s#%s %v sha %.8s", got.Name, got.Variant, got.Set, got.SHA256, want.Name, want.Variant, want.Set, want.SHA256)
	}
	if !reflect.DeepEqual(got.Sources, want.Sources) {
		t.Errorf("rebuilt sources %v, want %v", names(got.Sources), names(want.Sources))
	}
	if !reflect.DeepEqual(got.Config, want.Config) {
		t.Errorf("rebuilt configuration differs from the loaded one")
	}
}

func names(srcs []Source) []string {
	var n []string
	for _, s := range srcs {
		n = append(n, s.Name)
	}
	return n
}

// TestFromSourcesBuiltins rebuilds every built-in design, with a variant
// where it has one and an override, from its recorded sources.
func TestFromSourcesBuiltins(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"growth-plan", "validation/mmc", "hunters-farmers"} {
		opt := Options{Set: []string{"run.seed=7"}}
		sc, err := Builtin(name, opt)
		if err != nil {
			t.Fatal(err)
		}
		if len(sc.Variants) > 0 {
			opt.Variant = sc.Variants[0]
			if sc, err = Builtin(name, opt); err != nil {
				t.Fatal(err)
			}
		}
		got, err := FromSources(sc.Sources, sc.SHA256, opt)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		sameScenario(t, got, sc)
	}
}

// TestFromSourcesPaths rebuilds a design loaded from a path outside the
// current folder whose includes reach up with "..", as a command line
// names it.
func TestFromSourcesPaths(t *testing.T) {
	t.Parallel()
	fsys := fstest.MapFS{
		"home/u/plans/a.toml":        {Data: []byte("include = \"../common/company.toml\"\n" + base)},
		"home/u/common/company.toml": {Data: []byte("[run]\nseed = 3\n")},
	}
	for _, display := range []string{"../plans/a.toml", "/home/u/plans/a.toml", "plans/a.toml"} {
		sc, err := LoadAs(fsys, "home/u/plans/a.toml", display, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if want := strings.TrimSuffix(display, "plans/a.toml") + "common/company.toml"; sc.Sources[1].Name != want {
			t.Errorf("%s: include named %q, want %q", display, sc.Sources[1].Name, want)
		}
		got, err := FromSources(sc.Sources, sc.SHA256, Options{})
		if err != nil {
			t.Fatalf("%s: %v", display, err)
		}
		sameScenario(t, got, sc)
	}
}

func TestFromSourcesRefuses(t *testing.T) {
	t.Parallel()
	sc, err := Builtin("growth-plan", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := FromSources(nil, "", Options{}); err == nil {
		t.Error("no sources: no error")
	}
	// Text changed after it was recorded.
	changed := slices.Clone(sc.Sources)
	changed[0].Text = append([]byte("# edited\n"), changed[0].Text...)
	changed[0].SHA256 = ""
	if _, err := FromSources(changed, sc.SHA256, Options{}); !errors.Is(err, ErrTextChanged) {
		t.Errorf("changed text: %v, want ErrTextChanged", err)
	}
	changed[0].SHA256 = sc.Sources[0].SHA256
	if _, err := FromSources(changed, "", Options{}); !errors.Is(err, ErrTextChanged) || !strings.Contains(err.Error(), sc.Sources[0].Name) {
		t.Errorf("changed text against its own SHA-256: %v, want ErrTextChanged naming %s", err, sc.Sources[0].Name)
	}
	// An include not recorded.
	_, err = FromSources(sc.Sources[:1], "", Options{})
	if err == nil || !strings.Contains(err.Error(), `include "common/company.toml": common/company.toml: file does not exist`) {
		t.Errorf("missing include: %v", err)
	}
	// The variant or the overrides of the first load are checked again.
	if _, err := FromSources(sc.Sources, sc.SHA256, Options{Variant: "nope"}); err == nil || !strings.Contains(err.Error(), `no variant "nope"`) {
		t.Errorf("unknown variant: %v", err)
	}
}

func TestBuiltin(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"growth-plan", "growth-plan.toml", "builtin:growth-plan", "validation/mmc"} {
		sc, err := Builtin(name, Options{})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !strings.HasPrefix(sc.Sources[0].Name, "builtin:") || !IsBuiltin(strings.TrimPrefix(name, "builtin:")) {
			t.Errorf("%s: first source %q", name, sc.Sources[0].Name)
		}
	}
	_, err := Builtin("growth-plna", Options{})
	if err == nil || !strings.HasPrefix(err.Error(), "builtin:growth-plna: no built-in scenario growth-plna (did you mean growth-plan?); built-ins: ") {
		t.Errorf("unknown built-in: %v", err)
	}
	if IsBuiltin("common/company") || IsBuiltin("nope") {
		t.Error("IsBuiltin accepts a fragment or an unknown name")
	}
	if got := NotFound("growth-plna.toml", nil).Error(); got != "growth-plna.toml: no such file, and no built-in scenario of that name (did you mean growth-plan?)" {
		t.Errorf("NotFound: %s", got)
	}
}

// TestRestatedFunnelsMatchTheCompany: a built-in design that restates the
// company's funnel to add stages of its own (TOML replaces arrays whole)
// keeps the company's stages as they are, in the same order, so that it
// runs on the same funnel as the designs it is compared with.
func TestRestatedFunnelsMatchTheCompany(t *testing.T) {
	ref, err := Builtin("full-cycle", Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"sdr-ae-cs"} {
		s, err := Builtin(name, Options{})
		if err != nil {
			t.Fatal(err)
		}
		want := ref.Config.Stages
		if len(s.Config.Stages) < len(want) {
			t.Fatalf("%s has %d stages, the company %d", name, len(s.Config.Stages), len(want))
		}
		for i, st := range want {
			if !reflect.DeepEqual(s.Config.Stages[i], st) {
				t.Errorf("%s: stage %d is %+v, the company's %+v", name, i, s.Config.Stages[i], st)
			}
		}
	}
}
