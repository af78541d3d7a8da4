package main

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"path"
	"strings"
	"testing/fstest"

	"github.com/salesim/salesim/sim/org"
	"github.com/salesim/salesim/sim/results"
	"github.com/salesim/salesim/sim/scenario"
)

func sha256hex(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// syntheticRoot is where designFromSources places the files it rebuilds,
// deep enough that includes reaching up with ".." stay inside.
const syntheticRoot = "s/a/l/e/s/i/m/r/o/o/t"

// designFromSources rebuilds a design from the text of the files it was
// read from (as shards and manifests record them), with the same variant
// and overrides, and checks that the text is what was run.
func designFromSources(srcs []results.Source, variant string, set []string, sha string) (*design, error) {
	if len(srcs) == 0 {
		return nil, errors.New("no scenario text recorded: the files were written by an older salesim")
	}
	key := func(name string) string {
		name = strings.TrimPrefix(name, "builtin:")
		name = strings.TrimLeft(name, "/")
		return path.Join(syntheticRoot, name)
	}
	fsys := fstest.MapFS{}
	for _, s := range srcs {
		fsys[key(s.Name)] = &fstest.MapFile{Data: s.Text}
	}
	sc, err := scenario.Load(fsys, key(srcs[0].Name), scenario.Options{Variant: variant, Set: set})
	if err != nil {
		return nil, fmt.Errorf("rebuilding the design from its recorded text: %w", err)
	}
	if sha != "" && sc.SHA256 != sha {
		return nil, fmt.Errorf("the recorded scenario text does not match its SHA-256 (%s)", sha)
	}
	// Report the names as they were originally given.
	for i := range sc.Sources {
		if i < len(srcs) {
			sc.Sources[i].Name = srcs[i].Name
		}
	}
	plan, err := org.Compile(sc.Config)
	if err != nil {
		return nil, err
	}
	name := sc.Name
	if variant != "" {
		name += "#" + variant
	}
	return &design{sc: sc, plan: plan, name: name}, nil
}

// designFromHeader rebuilds the design of merged shards.
func designFromHeader(h results.Header, env *cmdEnv) (*design, error) {
	return designFromSources(h.Sources, h.Variant, h.Set, h.SHA256)
}
