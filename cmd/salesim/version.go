package main

import (
	"context"
	"fmt"
	"runtime"
	"runtime/debug"
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
			fmt.Fprintf(env.stdout, "salesim %s %s\n", version(), runtime.Version())
			return nil
		},
	})
}

// version returns the module version, or the VCS revision (with "+dirty")
// of a development build, or "devel".
func version() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "devel"
	}
	if v := bi.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	var rev, dirty string
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				dirty = "+dirty"
			}
		}
	}
	if rev == "" {
		return "devel"
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	return "devel-" + rev + dirty
}
