package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestCompletionBash sources the bash script and completes command names,
// flags (after the arguments too), flag values and built-in scenarios.
func TestCompletionBash(t *testing.T) {
	t.Parallel()
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("no bash")
	}
	script := filepath.Join(t.TempDir(), "salesim.bash")
	if err := os.WriteFile(script, []byte(salesimOK(t, "completion", "bash")), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		words []string
		want  string
	}{
		{[]string{"salesim", "ru"}, "run"},
		{[]string{"salesim", "run", "growth-plan", "-re"}, "-records -report -reps"},
		{[]string{"salesim", "compare", "-ra"}, "-rank-by"},
		{[]string{"salesim", "run", "-records", ""}, "auto csv parquet both"},
		{[]string{"salesim", "compare", "gro"}, "growth-plan"},
		{[]string{"salesim", "init", "validation/m"}, "validation/mmc"},
		{[]string{"salesim", "completion", ""}, "bash zsh"},
		{[]string{"salesim", "help", "mer"}, "merge"},
	} {
		var words []string
		for _, w := range tc.words {
			words = append(words, "'"+w+"'")
		}
		prog := "source " + script + "; COMP_WORDS=(" + strings.Join(words, " ") + "); COMP_CWORD=" +
			strconv.Itoa(len(tc.words)-1) + `; _salesim; echo "${COMPREPLY[*]}"`
		cmd := exec.Command(bash, "--norc", "-c", prog)
		cmd.Dir = t.TempDir()
		out, err := cmd.CombinedOutput()
		if err != nil || strings.TrimSpace(string(out)) != tc.want {
			t.Errorf("%q: %q (%v), want %q", tc.words, out, err, tc.want)
		}
	}
}

// TestCompletionZsh checks the zsh script's syntax and that it registers
// its function with compinit (where zsh is installed: .ci/run installs
// it).
func TestCompletionZsh(t *testing.T) {
	t.Parallel()
	zsh, err := exec.LookPath("zsh")
	if err != nil {
		t.Skip("no zsh")
	}
	script := filepath.Join(t.TempDir(), "_salesim")
	if err := os.WriteFile(script, []byte(salesimOK(t, "completion", "zsh")), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(zsh, "-n", script).CombinedOutput(); err != nil {
		t.Fatalf("zsh -n: %v\n%s", err, out)
	}
	cmd := exec.Command(zsh, "-f", "-c", "autoload -U compinit; compinit -u -D; source "+script+"; print -r -- $_comps[salesim]")
	cmd.Env = append(os.Environ(), "HOME="+t.TempDir())
	out, err := cmd.CombinedOutput()
	if err != nil || strings.TrimSpace(string(out)) != "_salesim" {
		t.Errorf("compdef: %q, %v", out, err)
	}
	if stderr := salesimFails(t, 2, "completion", "fish"); !strings.Contains(stderr, "want bash or zsh") {
		t.Errorf("completion fish: %s", stderr)
	}
}
