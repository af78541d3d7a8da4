package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"strings"

	"github.com/salesim/salesim/sim/org"
	"github.com/salesim/salesim/sim/scenario"
)

type checkFlags struct {
	set multiFlag
}

func init() {
	register(&command{
		Name:      "check",
		Args:      argScenario,
		UsageLine: "[-set key=value]... FILE...",
		Short:     "validate scenarios and summarise their designs",
		Long: `Check loads each scenario, validates it and prints a one-screen summary
of its design: the roles with their headcount, calendars, the activities
each does and their pay (salary, hourly pay, commissions, bonuses), the
funnel (stage, activity, conversion, next stage), the handoff rules, the
demand, the reorganisations and the target.

A FILE is a path, a path followed by #variant, or the name of a built-in
scenario (see "salesim scenarios"). A file's variants are checked too.
Every problem is printed, as file:line: key: message, on standard error;
check exits with status 1 if there was any. Warnings do not fail the check.

-set key=value overrides a value after the file and its variant are
merged, as in "salesim run"; it may be repeated.`,
		Flags: func(fs *flag.FlagSet) any {
			f := new(checkFlags)
			fs.Var(&f.set, "set", "override `key=value` (repeatable)")
			return f
		},
		Run: func(ctx context.Context, env *cmdEnv, flags any, args []string) error {
			return checkCmd(env, flags.(*checkFlags), args)
		},
	})
}

func checkCmd(env *cmdEnv, f *checkFlags, args []string) error {
	if len(args) == 0 {
		return usagef("check: no scenario given")
	}
	failed := false
	for i, arg := range args {
		if i > 0 {
			fmt.Fprintln(env.stdout)
		}
		if !checkOne(env, arg, f.set) {
			failed = true
		}
	}
	if failed {
		return errSilent
	}
	return nil
}

// checkOne checks one scenario argument and its variants, printing the
// summary to stdout and the problems to stderr. It reports success.
func checkOne(env *cmdEnv, arg string, set []string) bool {
	warned := map[string]bool{}
	sc, ok := checkLoad(env, arg, set, warned)
	if !ok {
		fmt.Fprintf(env.stdout, "%s: FAIL\n", arg)
		return false
	}
	summarize(env.stdout, sc)
	if sc.Variant != "" || len(sc.Variants) == 0 {
		return true
	}
	var results []string
	for _, v := range sc.Variants {
		if _, vok := checkLoad(env, arg+"#"+v, set, warned); vok {
			results = append(results, v+" ok")
		} else {
			results = append(results, v+" FAIL")
			ok = false
		}
	}
	fmt.Fprintf(env.stdout, "variants  %s\n", strings.Join(results, ", "))
	return ok
}

// checkLoad loads and compiles a scenario, printing its problems and the
// warnings not in warned to stderr.
func checkLoad(env *cmdEnv, arg string, set []string, warned map[string]bool) (*scenario.Scenario, bool) {
	sc, err := loadScenario(arg, scenario.Options{Set: set})
	if err != nil {
		note := ""
		if ne, ok := err.(*notedError); ok {
			err, note = ne.err, ne.note+"\n"
		}
		probs := scenario.Problems(err)
		for _, p := range probs {
			fmt.Fprintln(env.stderr, p)
		}
		fmt.Fprint(env.stderr, note)
		n := scenario.CountProblems(err)
		fmt.Fprintf(env.stderr, "%s: %d problem%s\n", arg, n, plural(n))
		return nil, false
	}
	for _, w := range sc.Warnings {
		msg := warningText(w)
		if !warned[msg] {
			warned[msg] = true
			fmt.Fprintln(env.stderr, msg)
		}
	}
	if _, err := org.Compile(sc.Config); err != nil {
		var probs []error
		if j, ok := err.(interface{ Unwrap() []error }); ok {
			probs = j.Unwrap()
		} else {
			probs = []error{err}
		}
		for i, p := range probs {
			if i == scenario.MaxProblems {
				fmt.Fprintf(env.stderr, "%s: ... and %d more problems (the first %d are shown)\n", arg, len(probs)-i, i)
				break
			}
			fmt.Fprintf(env.stderr, "%s: %v\n", arg, p)
		}
		fmt.Fprintf(env.stderr, "%s: %d problem%s in the compiled design\n", arg, len(probs), plural(len(probs)))
		return nil, false
	}
	return sc, true
}

// warningText formats a warning as "file:line: warning: key: message".
func warningText(w error) string {
	var fe *scenario.FieldError
	if !errors.As(w, &fe) {
		return "warning: " + w.Error()
	}
	c := *fe
	c.Key = "warning: " + c.Key
	if fe.Key == "" {
		c.Key = "warning"
	}
	return c.Error()
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
