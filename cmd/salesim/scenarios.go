package main

import (
	"context"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/salesim/salesim/scenarios"
	"github.com/salesim/salesim/sim/scenario"
)

func init() {
	register(&command{
		Name:  "scenarios",
		Short: "list the built-in scenarios",
		Long: `Scenarios lists the built-in scenarios with the first line of their
description and their variants. Run one by name ("salesim run growth-plan"),
check it ("salesim check growth-plan") or write it out to edit
("salesim init growth-plan").`,
		Run: func(ctx context.Context, env *cmdEnv, _ any, args []string) error {
			if len(args) > 0 {
				return usagef("scenarios takes no arguments")
			}
			tw := tabwriter.NewWriter(env.stdout, 0, 0, 2, ' ', 0)
			for _, name := range scenarios.Names() {
				sc, err := scenario.Builtin(name, scenario.Options{})
				if err != nil {
					first, _, _ := strings.Cut(err.Error(), "\n")
					fmt.Fprintf(tw, "%s\t(does not load: %s)\n", name, first)
					continue
				}
				line, _, _ := strings.Cut(strings.TrimSpace(sc.Config.Description), "\n")
				if len(sc.Variants) > 0 {
					line += " [variants: " + strings.Join(sc.Variants, ", ") + "]"
				}
				fmt.Fprintf(tw, "%s\t%s\n", name, line)
			}
			return tw.Flush()
		},
	})
}
