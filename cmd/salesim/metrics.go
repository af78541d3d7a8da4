package main

import (
	"context"
	"fmt"
	"text/tabwriter"

	"github.com/salesim/salesim/sim/org"
)

func init() {
	register(&command{
		Name:  "metrics",
		Short: "list the metrics a run reports",
		Long: `
Metrics lists every metric in summary.csv and replications.csv: its name,
unit, whether it is reported for the department (role "all"), per role and
per month, and what it measures. The names are stable; scripts may rely on
them. done.<activity> and entered.<stage> stand for one metric per activity
and per stage of the scenario. Scope "person": the metric is also reported
per post of a role, over the whole horizon, in people.csv and
people-summary.csv (the post's own tasks, deals, clients' margin, pay,
hours and attainment).`,
		Run: func(ctx context.Context, env *cmdEnv, _ any, args []string) error {
			if len(args) > 0 {
				return usagef("metrics takes no arguments")
			}
			tw := tabwriter.NewWriter(env.stdout, 0, 0, 2, ' ', 0)
			fmt.Fprintln(tw, "metric\tunit\tscope\tmeaning")
			for _, m := range org.Metrics {
				scope := ""
				if m.Dept {
					scope += "dept"
				}
				if m.PerRole {
					if scope != "" {
						scope += "+"
					}
					scope += "role"
				}
				if m.PerPerson {
					if scope != "" {
						scope += "+"
					}
					scope += "person"
				}
				if m.Monthly {
					scope += ", monthly"
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", m.Name, m.Unit, scope, m.Doc)
			}
			return tw.Flush()
		},
	})
}
