package main

import (
	"io"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// isTerminal reports whether w is a terminal (progress bars go only there).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// progressTo returns where progress bars go: stderr if it is a terminal,
// the command is not quiet, and not under CI; else nil.
func progressTo(env *cmdEnv, quiet, noProgress bool) io.Writer {
	if env.stderrIsTTY && !quiet && !noProgress && env.getenv("CI") == "" {
		return env.stderr
	}
	return nil
}

// A progress bar counts replications on a terminal. A nil *progress
// draws nothing.
type progress struct{ bar *progressbar.ProgressBar }

// newProgress returns a bar of n replications on w, or nil if w is nil.
func newProgress(w io.Writer, label string, n int) *progress {
	if w == nil {
		return nil
	}
	return &progress{progressbar.NewOptions(n,
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetDescription(label),
		progressbar.OptionShowCount(),
		progressbar.OptionShowIts(),
		progressbar.OptionSetItsString("reps"),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionClearOnFinish(),
	)}
}

// report is the experiment.Options.Progress of the bar.
func (p *progress) report() func(done, total int) {
	if p == nil {
		return nil
	}
	return func(int, int) { p.bar.Add(1) }
}

// finish clears the bar.
func (p *progress) finish() {
	if p != nil {
		p.bar.Finish()
	}
}
