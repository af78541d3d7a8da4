package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/salesim/salesim/sim/experiment"
	"github.com/salesim/salesim/sim/scenario"
)

// loadScenario loads a scenario named on the command line: a file path,
// or the name of a built-in scenario ("growth-plan", "validation/mmc", or
// with the prefix "builtin:"), optionally followed by "#variant". A file
// on disk takes precedence over a built-in of the same name, and so does
// NAME.toml for a NAME without the extension (salesim init NAME writes
// it): "run growth-plan" after "init growth-plan" runs the edited copy.
func loadScenario(arg string, opt scenario.Options) (*scenario.Scenario, error) {
	file := arg
	if i := strings.LastIndexByte(arg, '#'); i >= 0 {
		file, opt.Variant = arg[:i], arg[i+1:]
	}
	if name, ok := strings.CutPrefix(file, "builtin:"); ok {
		return scenario.Builtin(name, opt)
	}
	if file == "" {
		msg := "no scenario: give a file or the name of a built-in scenario ('salesim scenarios' lists them)"
		if arg != "" {
			msg = "no scenario before the variant: want FILE#variant or NAME#variant, such as growth-plan#no_push"
		}
		return nil, &scenario.FieldError{File: strconv.Quote(arg), Msg: msg}
	}
	file = localFile(file)
	// A folder named like a built-in (mkdir growth-plan) is not a
	// scenario file: the name is the built-in's.
	if fi, err := os.Stat(file); err != nil || fi.IsDir() && scenario.IsBuiltin(file) {
		if scenario.IsBuiltin(file) {
			return scenario.Builtin(file, opt)
		}
		return nil, scenario.NotFound(file, err)
	}
	// Load from the root of the file system, so that includes reaching up
	// with ".." stay inside it; messages name the file as given.
	abs, err := filepath.Abs(file)
	if err != nil {
		return nil, &scenario.FieldError{File: file, Msg: err.Error(), Err: err}
	}
	root := filepath.VolumeName(abs) + string(filepath.Separator)
	rel, err := filepath.Rel(root, abs)
	if err != nil {
		return nil, &scenario.FieldError{File: file, Msg: err.Error(), Err: err}
	}
	sc, err := scenario.LoadAs(os.DirFS(root), filepath.ToSlash(rel), file, opt)
	if err != nil {
		return nil, otherKind(err, experimentKeys, experimentNote)
	}
	return sc, nil
}

// localFile returns the file a scenario argument names on disk: arg if it
// exists or ends in .toml, else arg.toml if that exists, else arg.
func localFile(arg string) string {
	if strings.HasSuffix(arg, ".toml") {
		return arg
	}
	if fi, err := os.Stat(arg); err == nil && !fi.IsDir() {
		return arg
	}
	if _, err := os.Stat(arg + ".toml"); err == nil {
		return arg + ".toml"
	}
	return arg
}

// loadDesign loads and compiles one scenario argument with overrides,
// printing its warnings to stderr.
func loadDesign(arg string, set []string, stderr io.Writer) (*experiment.Design, error) {
	sc, err := loadScenario(arg, scenario.Options{Set: set})
	if err != nil {
		return nil, err
	}
	for _, w := range sc.Warnings {
		fmt.Fprintln(stderr, "salesim: warning:", w)
	}
	// A bare name that found a local file gets a note; NAME.toml names
	// the file.
	if name, _, _ := strings.Cut(arg, "#"); scenario.IsBuiltin(name) && !strings.HasSuffix(name, ".toml") && !strings.HasPrefix(sc.Sources[0].Name, "builtin:") {
		fmt.Fprintf(stderr, "salesim: note: %s is the file %s, not the built-in scenario (builtin:%s names that)\n", name, sc.Sources[0].Name, strings.TrimSuffix(name, ".toml"))
	}
	d, err := experiment.NewDesign(sc)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", arg, err)
	}
	return d, nil
}
