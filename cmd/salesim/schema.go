package main

import (
	"context"
	"flag"

	"github.com/salesim/salesim/sim/scenario"
)

type schemaFlags struct {
	reference bool
}

func init() {
	register(&command{
		Name:      "schema",
		UsageLine: "[-reference]",
		Short:     "print the JSON Schema or the reference of scenario files",
		Long: `Schema prints the JSON Schema (draft 2020-12) of scenario files, for
editors: Taplo and the VS Code "Even Better TOML" extension read it from a
first line "#:schema ./salesim.schema.json". With -reference it prints the
Markdown reference of every key instead. Both are generated from the Go
types of package scenario, and shipped as scenarios/salesim.schema.json and
scenarios/REFERENCE.md.`,
		Flags: func(fs *flag.FlagSet) any {
			f := new(schemaFlags)
			fs.BoolVar(&f.reference, "reference", false, "print the Markdown reference instead of the schema")
			return f
		},
		Run: func(ctx context.Context, env *cmdEnv, flags any, args []string) error {
			if len(args) > 0 {
				return usagef("schema takes no arguments")
			}
			out := scenario.Schema()
			if flags.(*schemaFlags).reference {
				out = scenario.Reference()
			}
			_, err := env.stdout.Write(out)
			return err
		},
	})
}
