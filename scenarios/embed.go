// Package scenarios holds the built-in scenario library: the designs
// shipped with salesim, the JSON Schema of the scenario format and its
// Markdown reference, embedded in the binary.
package scenarios

import (
	"embed"
	"io/fs"
	"slices"
	"strings"
)

// FS holds the built-in scenario files (*.toml and validation/*.toml),
// the fragments they include (common/*.toml), salesim.schema.json and
// REFERENCE.md.
//
//go:embed *.toml common/*.toml validation/*.toml salesim.schema.json REFERENCE.md
var FS embed.FS

// Names returns the names of the built-in scenarios, sorted: their paths
// in FS without .toml, such as "growth-plan" and "validation/mmc". The
// fragments in common/ are not scenarios of their own.
func Names() []string {
	var names []string
	_ = fs.WalkDir(FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".toml") && !strings.HasPrefix(p, "common/") {
			names = append(names, strings.TrimSuffix(p, ".toml"))
		}
		return nil
	})
	slices.Sort(names)
	return names
}

// Experiments holds the built-in experiment files (experiments/*.toml,
// for salesim sweep, seek and sensitivity) and experiment.schema.json,
// their JSON Schema, and EXPERIMENTS.md, their reference.
//
//go:embed experiments/*.toml experiment.schema.json EXPERIMENTS.md
var Experiments embed.FS

// ExperimentNames returns the names of the built-in experiment files,
// sorted: their names in experiments/ without .toml.
func ExperimentNames() []string {
	var names []string
	es, _ := fs.ReadDir(Experiments, "experiments")
	for _, e := range es {
		if n, ok := strings.CutSuffix(e.Name(), ".toml"); ok && !e.IsDir() {
			names = append(names, n)
		}
	}
	slices.Sort(names)
	return names
}
