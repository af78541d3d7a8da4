package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/salesim/salesim/scenarios"
	"github.com/salesim/salesim/sim/scenario"
)

// TestEveryBuiltinRuns runs every shipped scenario and every variant of
// each, for two replications, through the CLI: they must check, run and
// write their results.
func TestEveryBuiltinRuns(t *testing.T) {
	t.Parallel()
	var args []string
	for _, name := range scenarios.Names() {
		args = append(args, name)
		sc, err := scenario.Builtin(name, scenario.Options{})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, v := range sc.Variants {
			args = append(args, name+"#"+v)
		}
	}
	if len(args) < 9 {
		t.Fatalf("only %d built-in designs and variants: %v", len(args), args)
	}
	for _, a := range args {
		t.Run(strings.ReplaceAll(a, "/", "_"), func(t *testing.T) {
			t.Parallel()
			var stdout, stderr bytes.Buffer
			out := filepath.Join(t.TempDir(), "out")
			err := run(context.Background(), []string{"run", "-reps", "2", "-no-plots", "-q", "-out", out, a}, &stdout, &stderr)
			if err != nil {
				t.Fatalf("salesim run %s: %v\n%s", a, err, stderr.String())
			}
			if strings.Contains(stderr.String(), "warning") {
				t.Errorf("salesim run %s warns:\n%s", a, stderr.String())
			}
		})
	}
}
