package scenario

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strings"

	"github.com/salesim/salesim/scenarios"
)

// builtinPrefix marks the names of built-in files in messages and in
// [Scenario.Sources]: "builtin:growth-plan.toml".
const builtinPrefix = "builtin:"

// IsBuiltin reports whether name is the name of a built-in scenario (see
// [scenarios.Names]), with or without ".toml".
func IsBuiltin(name string) bool { return builtinPath(name) != "" }

// builtinPath returns the path in [scenarios.FS] of a built-in scenario
// name, or "".
func builtinPath(name string) string {
	name = strings.TrimSuffix(name, ".toml")
	if slices.Contains(scenarios.Names(), name) {
		return name + ".toml"
	}
	return ""
}

// Builtin loads the built-in scenario name, such as "growth-plan" or
// "validation/mmc" (see [scenarios.Names]; a "builtin:" prefix and
// ".toml" may be given). Its file is named "builtin:NAME.toml" in
// messages and in [Scenario.Sources].
func Builtin(name string, opt Options) (*Scenario, error) {
	name = strings.TrimPrefix(name, builtinPrefix)
	p := builtinPath(name)
	if p == "" {
		return nil, &FieldError{File: builtinPrefix + name, Msg: fmt.Sprintf("no built-in scenario %s%s; built-ins: %s", name, suggest(name, scenarios.Names()), strings.Join(scenarios.Names(), ", "))}
	}
	return LoadAs(scenarios.FS, p, builtinPrefix+p, opt)
}

// NotFound returns the error for a scenario named by a path that does
// not exist and is not the name of a built-in scenario either; err is the
// file system's error. It suggests the nearest built-in name.
func NotFound(path string, err error) error {
	return &FieldError{File: path, Msg: "no such file, and no built-in scenario of that name" + suggest(strings.TrimSuffix(path, ".toml"), scenarios.Names()), Err: err}
}

// ErrTextChanged is wrapped by the error [FromSources] returns when the
// recorded text does not hash to the recorded SHA-256.
var ErrTextChanged = errors.New("the recorded scenario text does not match its SHA-256")

// FromSources rebuilds a scenario from the text of the files it was read
// from, as shard files and manifests record them: srcs[0] is the scenario
// file and the others its includes, each named as in [Scenario.Sources]
// when it was first loaded. opt selects the variant and overrides, as
// then. If sum is not "", the text must have that SHA-256 (the
// [Scenario.SHA256] recorded with it), else the error wraps
// [ErrTextChanged]; a source whose SHA256 field is set must match it too.
//
// Includes are resolved among srcs by name, as [Load] resolves them in a
// file system; an include not recorded is an error. The scenario's Name
// and Sources are those of the first load, so a design rebuilt this way
// writes the same results.
func FromSources(srcs []Source, sum string, opt Options) (*Scenario, error) {
	if len(srcs) == 0 {
		return nil, errors.New("scenario: no recorded sources")
	}
	// A built-in's includes are recorded relative to its path in
	// scenarios.FS, without the prefix: key the texts the same way.
	key := func(name string) string { return strings.TrimPrefix(name, builtinPrefix) }
	text := make(map[string][]byte, len(srcs))
	for _, s := range srcs {
		if s.SHA256 != "" {
			h := sha256.Sum256(s.Text)
			if hex.EncodeToString(h[:]) != s.SHA256 {
				return nil, fmt.Errorf("%w: %s (%s)", ErrTextChanged, s.Name, s.SHA256)
			}
		}
		text[key(s.Name)] = s.Text
	}
	l := &loader{anyPath: true, read: func(p string, limit int64) ([]byte, error) {
		if b, ok := text[p]; ok {
			if int64(len(b)) > limit {
				return nil, tooBig(sizeText(int64(len(b))), limit)
			}
			return b, nil
		}
		return nil, fs.ErrNotExist
	}}
	sc, err := l.scenario(key(srcs[0].Name), srcs[0].Name, opt)
	if err != nil {
		return nil, err
	}
	if sum != "" && sc.SHA256 != sum {
		return nil, fmt.Errorf("%w (%s)", ErrTextChanged, sum)
	}
	return sc, nil
}
