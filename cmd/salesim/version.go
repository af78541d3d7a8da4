package main

import (
	"context"
	"fmt"
	"runtime"

	"github.com/salesim/salesim/sim/experiment"
)

func init() {
	register(&command{
		Name:  "version",
		Short: "print the salesim and Go versions",
		Long:  "Version prints the salesim module version (or the VCS revision of a development build) and the Go version it was built with.",
		Run: func(ctx context.Context, env *cmdEnv, _ any, args []string) error {
			if len(args) > 0 {
				return usagef("version takes no arguments")
			}
			fmt.Fprintf(env.stdout, "salesim %s %s\n", experiment.Version(), runtime.Version())
			return nil
		},
	})
}
