package main

import (
	"context"
	"flag"
	"fmt"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/salesim/salesim/sim/scenario"
)

type keysFlags struct {
	set     multiFlag
	written bool
}

func init() {
	register(&command{
		Name:      "keys",
		UsageLine: "[FILE[#variant]] [WORD] [flags]",
		Args:      argScenario,
		Short:     "list every key -set takes, with its value in the design",
		Long: `
Keys lists every key of a scenario that -set (of run, compare, check) and
the factors of an experiment file (salesim sweep) take, with its current
value and where it is written: the values of the file and its includes,
variant and -set overrides applied, and for the tables the design has,
the keys it leaves out with their defaults ("default"). Tables and arrays
the design does not have are not listed: set them whole, such as
-set 'roles.x.pause={...}'.

Keys are written as -set takes them: roles.hunter.headcount,
reorg[0].headcount.hunter (the headcount after the reorganisation),
stages[2].convert, handoffs[0].delay, "roles.\"key account\".headcount"
for a name that needs quotes.

WORD, if given, keeps only the keys that contain it (hunter, convert,
reorg). The scenario is a file or a built-in name, as for run (default
` + defaultScenario + `).`,
		Flags: func(fs *flag.FlagSet) any {
			f := &keysFlags{}
			fs.Var(&f.set, "set", "override a scenario value first, `key=value` (repeatable)")
			fs.BoolVar(&f.written, "written", false, "list only the keys the design writes, not the defaults")
			return f
		},
		Run: func(ctx context.Context, env *cmdEnv, flags any, args []string) error {
			return keysCmd(env, flags.(*keysFlags), args)
		},
	})
}

func keysCmd(env *cmdEnv, f *keysFlags, args []string) error {
	if len(args) > 2 {
		return usagef("keys takes a scenario and at most one word to look for (got %d arguments: %s)", len(args), strings.Join(args, " "))
	}
	arg, word := defaultScenario, ""
	if len(args) >= 1 {
		arg = args[0]
	}
	if len(args) == 2 {
		word = args[1]
	}
	sc, err := loadScenario(arg, scenario.Options{Set: f.set})
	if err != nil {
		return err
	}
	var rows []string
	for _, s := range sc.Settings() {
		if (f.written && s.Default) || !strings.Contains(s.Key, word) {
			continue
		}
		at := "default"
		switch {
		case !s.Default && s.Line > 0:
			at = s.File + ":" + strconv.Itoa(s.Line)
		case !s.Default:
			at = s.File
		}
		rows = append(rows, s.Key+"\t"+s.Value+"\t"+at)
	}
	if len(rows) == 0 {
		return fmt.Errorf("no key of %s contains %q", arg, word)
	}
	tw := tabwriter.NewWriter(env.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "key\tvalue\twritten at")
	for _, r := range rows {
		fmt.Fprintln(tw, r)
	}
	return tw.Flush()
}
