package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var updateGolden = flag.Bool("update", false, "rewrite the golden files in testdata")

// goldenCmd runs salesim with args and compares its standard output and
// error with testdata/NAME.stdout and testdata/NAME.stderr (rewritten with
// -update), and its exit status with code.
func goldenCmd(t *testing.T, name string, code int, args ...string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	err := run(context.Background(), args, &stdout, &stderr)
	if got := exitCode(err, &stderr); got != code {
		t.Errorf("salesim %v: exit %d, want %d\nstderr:\n%s", args, got, code, stderr.String())
	}
	for _, f := range []struct {
		ext string
		got []byte
	}{{".stdout", stdout.Bytes()}, {".stderr", stderr.Bytes()}} {
		path := filepath.Join("testdata", name+f.ext)
		if *updateGolden {
			if err := os.WriteFile(path, f.got, 0o666); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(f.got, want) {
			got := filepath.Join("testdata", name+".got"+f.ext)
			os.WriteFile(got, f.got, 0o666)
			t.Errorf("salesim %v: %s differs from %s (written to %s; -update to accept)", args, f.ext[1:], path, got)
		}
	}
}

func TestCheckGolden(t *testing.T) {
	for _, tc := range []struct {
		name string
		code int
		args []string
	}{
		{"check_ok", 0, []string{"check", "testdata/check/ok.toml"}},
		{"check_variant", 0, []string{"check", "testdata/check/ok.toml#more"}},
		{"check_builtins", 0, []string{"check", "growth-plan", "validation/mmc"}},
		{"check_bad", 1, []string{"check", "testdata/check/bad.toml", "validation/mmc"}},
		{"check_set", 0, []string{"check", "-set", "roles.agent.headcount=12", "-set", "run.seed=7", "validation/mmc"}},
		{"check_set_bad", 1, []string{"check", "-set", "roles.agnt.headcount=12", "-set", "stages[0].convert=120%", "validation/mmc"}},
		{"check_missing", 1, []string{"check", "testdata/check/nope.toml"}},
		{"check_noargs", 2, []string{"check"}},
		{"scenarios", 0, []string{"scenarios"}},
	} {
		t.Run(tc.name, func(t *testing.T) { goldenCmd(t, tc.name, tc.code, tc.args...) })
	}
}

func TestSchemaCommand(t *testing.T) {
	for _, tc := range []struct {
		args []string
		file string
	}{
		{[]string{"schema"}, "../../scenarios/salesim.schema.json"},
		{[]string{"schema", "-reference"}, "../../scenarios/REFERENCE.md"},
	} {
		var stdout, stderr bytes.Buffer
		if err := run(context.Background(), tc.args, &stdout, &stderr); err != nil {
			t.Fatalf("salesim %v: %v", tc.args, err)
		}
		want, err := os.ReadFile(tc.file)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(stdout.Bytes(), want) {
			t.Errorf("salesim %v differs from %s", tc.args, tc.file)
		}
	}
}

func TestInitCommand(t *testing.T) {
	t.Chdir(t.TempDir())
	var stdout, stderr bytes.Buffer
	err := run(context.Background(), []string{"init", "validation/mmc"}, &stdout, &stderr)
	if err != nil || stdout.String() != "wrote mmc.toml\nwrote salesim.schema.json\n" {
		t.Fatalf("init: %v\nstdout:\n%s\nstderr:\n%s", err, stdout.String(), stderr.String())
	}
	b, err := os.ReadFile("mmc.toml")
	if err != nil || !bytes.HasPrefix(b, []byte("#:schema ./salesim.schema.json\n")) {
		t.Fatalf("mmc.toml: %v\n%.60s", err, b)
	}
	// The written file checks.
	stdout.Reset()
	if err := run(context.Background(), []string{"check", "mmc.toml"}, &stdout, &stderr); err != nil {
		t.Errorf("check of the written file: %v\n%s", err, stderr.String())
	}
	// No overwriting, and no temporary files left behind.
	stdout.Reset()
	stderr.Reset()
	err = run(context.Background(), []string{"init", "validation/mmc"}, &stdout, &stderr)
	if code := exitCode(err, &stderr); code != 1 || stderr.String() != "salesim: init: mmc.toml already exists: not overwriting it\n" {
		t.Errorf("second init: exit %d, stderr %q", code, stderr.String())
	}
	ents, _ := os.ReadDir(".")
	if len(ents) != 2 {
		t.Errorf("files after init: %v", ents)
	}
	// Another name, into a subdirectory given as FILE.
	stdout.Reset()
	if err := run(context.Background(), []string{"init", "builtin:growth-plan", "plans/plan.toml"}, &stdout, &stderr); err != nil {
		t.Fatal(err)
	}
	if stdout.String() != "wrote plans/plan.toml\nwrote plans/common/company.toml\nwrote plans/common/today.toml\nwrote plans/salesim.schema.json\n" {
		t.Errorf("stdout %q", stdout.String())
	}
	for _, bad := range [][]string{{"init"}, {"init", "growth-plan#veterans_leave"}, {"init", "a", "b", "c"}} {
		err := run(context.Background(), bad, &stdout, &stderr)
		if code := exitCode(err, &stderr); code != 2 {
			t.Errorf("salesim %v: exit %d, want 2", bad, code)
		}
	}
	stderr.Reset()
	err = run(context.Background(), []string{"init", "nope"}, &stdout, &stderr)
	if code := exitCode(err, &stderr); code != 1 || !strings.HasPrefix(stderr.String(), "salesim: init: builtin:nope: no built-in scenario nope; built-ins: ") {
		t.Errorf("init nope: exit %d, stderr %q", code, stderr.String())
	}
}

// TestInitErrorsNameTheFile: init names the file it cannot write, not
// the temporary file beside it (the audit found 'salesim init today
// /proc/nope.toml' failing with "open /proc/.nope.toml.tmp-3013033044: no
// such file or directory"), and a folder given as FILE is named as one
// ('salesim init today DIR' said "DIR already exists: not overwriting
// it").
func TestInitErrorsNameTheFile(t *testing.T) {
	t.Parallel()
	stderr := salesimFails(t, 1, "init", "today", "/proc/salesim-nope.toml")
	if !strings.Contains(stderr, "cannot write /proc/salesim-nope.toml: ") || strings.Contains(stderr, ".tmp-") {
		t.Errorf("stderr: %q", stderr)
	}
	dir := t.TempDir()
	stderr = salesimFails(t, 1, "init", "today", dir)
	if want := fmt.Sprintf("salesim: init: %s is a folder: give the file to write, such as %s\n", dir, filepath.Join(dir, "today.toml")); stderr != want {
		t.Errorf("stderr %q, want %q", stderr, want)
	}
}
