// Command salesim simulates sales departments: it runs Monte Carlo
// replications of an organisation described in a TOML scenario and reports
// throughput, cost and revenue per role with confidence intervals.
//
// Usage:
//
//	salesim <command> [flags] [arguments]
//
// Run "salesim help" for the list of commands and "salesim help <command>"
// for one command's flags.
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
}

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
	}
	c, ok := commands[name]
	if !ok {
		return usagef("salesim %s: unknown command\nRun 'salesim help' for usage.", name)
	}
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(env.stderr)
	fs.Usage = func() { commandUsage(env.stderr, c, fs) }
	var flags any
	if c.Flags != nil {
		flags = c.Flags(fs)
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usageError{err}
	}
	return c.Run(ctx, env, flags, fs.Args())
}

func printCommands(w io.Writer) {
	fmt.Fprint(w, "salesim simulates sales departments.\n\nUsage:\n\n\tsalesim <command> [flags] [arguments]\n\nThe commands are:\n\n")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "\t%-10s %s\n", n, commands[n].Short)
	}
	fmt.Fprint(w, "\nUse \"salesim help <command>\" for more information about a command.\n")
}

func help(w io.Writer, args []string) error {
	if len(args) == 0 {
		printCommands(w)
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
