// Command salesim simulates sales departments: it runs Monte Carlo
// replications of an organisation described in a TOML scenario and reports
// throughput, cost and revenue per role with confidence intervals.
//
// Usage:
//
//	salesim <command> [arguments and flags]
//
// Flags may come before or after the arguments; "--" ends the flags.
// Run "salesim help" for the list of commands, "salesim help <command>"
// for one command's flags, and "salesim --version" for the version.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/pprof"
	"sort"
	"strings"
	"syscall"
)

func main() {
	// SIGTERM too: Slurm's time limits and scancel, and Kubernetes, stop a
	// job with it, and a shard should still write what finished.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	// SALESIM_CPUPROFILE=FILE writes a CPU profile of the command, for
	// developers (.ci/pgo-profile makes default.pgo from such profiles).
	var prof *os.File
	if path := os.Getenv("SALESIM_CPUPROFILE"); path != "" {
		if f, err := os.Create(path); err == nil && pprof.StartCPUProfile(f) == nil {
			prof = f
		}
	}
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	if prof != nil {
		pprof.StopCPUProfile()
		prof.Close()
	}
	os.Exit(exitCode(err, os.Stderr))
}

// A command is one subcommand (cmd/go's base.Command, reduced).
type command struct {
	Name      string
	UsageLine string // arguments after the name
	Short     string // one line for the command list
	Long      string // paragraphs for "salesim help <name>"
	// Flags registers the command's flags on fs; it may be nil.
	Flags func(fs *flag.FlagSet) any
	// Run runs the command with its parsed flags (the value Flags returned)
	// and remaining arguments.
	Run func(ctx context.Context, env *cmdEnv, flags any, args []string) error
	// Args says what the arguments are, for shell completion: argScenario,
	// argDir, argBuiltin, argCommand, argShell, or "" for none.
	Args string
}

// args returns what the command's arguments are: Args, or for a command
// that does not say, what its usage line names (DIR, FILE).
func (c *command) args() string {
	switch {
	case c.Args != "":
		return c.Args
	case strings.Contains(c.UsageLine, "DIR"):
		return argDir
	case strings.Contains(c.UsageLine, "FILE"):
		return argScenario
	}
	return ""
}

// What a command's arguments are, for shell completion.
const (
	argScenario = "scenario" // scenario files or built-in names
	argDir      = "dir"      // a folder
	argBuiltin  = "builtin"  // built-in scenario names
	argCommand  = "command"  // command names
	argShell    = "shell"    // bash or zsh
	// argExperiment: experiment files or built-in experiment names.
	argExperiment = "experiment"
)

// cmdEnv is what a command may touch of the outside world.
type cmdEnv struct {
	stdout, stderr io.Writer
	getenv         func(string) string
	stderrIsTTY    bool
}

// commands is filled by the init functions of the files defining them.
var commands = map[string]*command{}

func register(c *command) {
	if _, dup := commands[c.Name]; dup {
		panic("salesim: duplicate command " + c.Name)
	}
	commands[c.Name] = c
}

// usageError marks errors in the command line: they exit with status 2.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

func usagef(format string, args ...any) error {
	return usageError{fmt.Errorf(format, args...)}
}

// errSilent is returned when the command has already reported the failure.
var errSilent = errors.New("")

func exitCode(err error, stderr io.Writer) int {
	if err == nil {
		return 0
	}
	if err != errSilent && !errors.Is(err, flag.ErrHelp) {
		fmt.Fprintln(stderr, "salesim:", err)
	}
	var ue usageError
	if errors.As(err, &ue) || errors.Is(err, flag.ErrHelp) {
		return 2
	}
	return 1
}

// run is the whole program behind main: it parses args and runs one
// command, writing to stdout and stderr.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	env := &cmdEnv{stdout: stdout, stderr: stderr, getenv: os.Getenv, stderrIsTTY: isTerminal(stderr)}
	return runEnv(ctx, env, args)
}

func runEnv(ctx context.Context, env *cmdEnv, args []string) error {
	if len(args) == 0 {
		printCommands(env.stderr)
		return usagef("no command given")
	}
	name, args := args[0], args[1:]
	switch name {
	case "help", "-h", "-help", "--help":
		return help(env.stdout, args)
	case "-v", "-version", "--version":
		if len(args) > 0 {
			return usagef("%s takes no arguments", name)
		}
		printVersion(env.stdout)
		return nil
	}
	c, ok := commands[name]
	if !ok {
		msg := "salesim " + name + ": unknown command"
		if strings.HasPrefix(name, "-") {
			msg = "salesim: unknown flag " + name + " (flags come after the command: salesim <command> [flags])"
		}
		return usagef("%s\nRun 'salesim help' for usage.", msg)
	}
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	// The flag package's own messages and usage are silenced: a bad flag
	// is one line on stderr (exitCode prints it), help goes to stdout.
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	var flags any
	if c.Flags != nil {
		flags = c.Flags(fs)
	}
	pos, err := parseInterspersed(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		commandUsage(env.stdout, c, fs)
		return nil
	}
	if err != nil {
		return usagef("%s: %s; see 'salesim help %s'", name, flagError(err, fs), name)
	}
	return c.Run(ctx, env, flags, pos)
}

// parseInterspersed parses the flags in args wherever they are, before,
// between or after the arguments ("run growth-plan -reps 5"), and
// returns the arguments in order. "--" ends the flags: what follows it is
// arguments, even if it starts with "-".
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if used := len(args) - len(rest); used > 0 && args[used-1] == "--" {
			return append(pos, rest...), nil
		}
		if len(rest) == 0 {
			return pos, nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// flagError rewords the flag package's errors, suggesting the nearest
// flag for one that is not defined.
func flagError(err error, fs *flag.FlagSet) string {
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: -"); ok {
		var names []string
		fs.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
		msg = "unknown flag -" + name
		if s := nearest(name, names); s != "" {
			msg += " (did you mean -" + s + "?)"
		}
	}
	return msg
}

// nearest returns the name in names closest to s by edit distance, if it
// is close enough to be a likely typo, else "".
func nearest(s string, names []string) string {
	best, bestD := "", -1
	for _, n := range names {
		if d := editDistance(s, n); bestD < 0 || d < bestD {
			best, bestD = n, d
		}
	}
	if bestD < 0 || bestD > max(1, len(s)/3) {
		return ""
	}
	return best
}

// editDistance is the edit distance of a and b, by bytes, counting the
// swap of two neighbours as one edit ("rpes" is one from "reps").
func editDistance(a, b string) int {
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(a)][len(b)]
}

func printCommands(w io.Writer) {
	fmt.Fprint(w, "salesim simulates sales departments.\n\nUsage:\n\n\tsalesim <command> [arguments and flags]\n\nThe commands are:\n\n")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	width := 0
	for _, n := range names {
		width = max(width, len(n))
	}
	for _, n := range names {
		fmt.Fprintf(w, "\t%-*s  %s\n", width, n, commands[n].Short)
	}
	fmt.Fprint(w, "\nUse \"salesim help <command>\" for more information about a command,\n\"salesim --version\" (or -v) for the version.\n")
}

func help(w io.Writer, args []string) error {
	if len(args) == 0 {
		printCommands(w)
		return nil
	}
	if len(args) > 1 {
		return usagef("help takes one command, got %d arguments: %s", len(args), strings.Join(args, " "))
	}
	if args[0] == "help" {
		fmt.Fprint(w, "usage: salesim help [COMMAND]\n\nHelp lists salesim's commands, or explains COMMAND: what it does, its\narguments and its flags.\n")
		return nil
	}
	c, ok := commands[args[0]]
	if !ok {
		return usagef("salesim help %s: unknown command", args[0])
	}
	fs := flag.NewFlagSet(c.Name, flag.ContinueOnError)
	if c.Flags != nil {
		c.Flags(fs)
	}
	commandUsage(w, c, fs)
	return nil
}

func commandUsage(w io.Writer, c *command, fs *flag.FlagSet) {
	fmt.Fprintf(w, "usage: salesim %s %s\n\n%s\n", c.Name, c.UsageLine, strings.TrimSpace(c.Long))
	if c.Flags != nil {
		fmt.Fprint(w, "\nFlags may come before or after the arguments.\n")
	}
	n := 0
	fs.VisitAll(func(*flag.Flag) { n++ })
	if n > 0 {
		fmt.Fprint(w, "\nFlags:\n")
		fs.SetOutput(w)
		fs.PrintDefaults()
	}
}

// multiFlag is a repeatable string flag (-set k=v -set k2=v2).
type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, " ") }
func (m *multiFlag) Set(s string) error { *m = append(*m, s); return nil }
