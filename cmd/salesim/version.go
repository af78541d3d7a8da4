package main

import (
	"context"
	"fmt"
	"io"
	"runtime"

	"github.com/salesim/salesim/sim/experiment"
)

func init() {
	register(&command{
		Name:  "version",
		Short: "print the salesim and Go versions",
		Long: `Version prints the salesim version and the Go version it was built with:
the module version of a build by "go install ...@vX.Y.Z" or from a tagged
checkout, else the release this source tree is (the last tag), followed by
its VCS revision when the build recorded one. "salesim --version" and
"salesim -v" do the same. Manifests and shard files record the version.`,
		Run: func(ctx context.Context, env *cmdEnv, _ any, args []string) error {
			if len(args) > 0 {
				return usagef("version takes no arguments")
			}
			printVersion(env.stdout)
			return nil
		},
	})
}

func printVersion(w io.Writer) {
	fmt.Fprintf(w, "salesim %s %s\n", experiment.Version(), runtime.Version())
}
