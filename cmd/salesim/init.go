package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/salesim/salesim/sim/scenario"
)

func init() {
	register(&command{
		Name:      "init",
		Args:      argBuiltin,
		UsageLine: "NAME [FILE]",
		Short:     "write a built-in scenario out to edit",
		Long: `Init writes the built-in scenario NAME (see "salesim scenarios") to FILE,
by default NAME.toml in the current directory (for validation/mmc, mmc.toml),
together with the files it includes and, unless one is there already,
salesim.schema.json beside it for editors. Init never overwrites a file:
an included file that is there already with the same content is shared
(so several designs can be written into one folder: "salesim init
growth-plan", then "salesim init cascade"), one with other content is an
error.`,
		Run: func(ctx context.Context, env *cmdEnv, _ any, args []string) error {
			if len(args) < 1 || len(args) > 2 {
				return usagef("init: want NAME [FILE]")
			}
			file := ""
			if len(args) == 2 {
				if file = args[1]; file == "" {
					return usagef("init: FILE is empty: give the file to write, such as %s.toml, or leave it out for that default", path.Base(args[0]))
				}
			}
			return initCmd(env, args[0], file)
		},
	})
}

func initCmd(env *cmdEnv, name, file string) error {
	name = strings.TrimSuffix(strings.TrimPrefix(name, "builtin:"), ".toml")
	if strings.Contains(name, "#") {
		return usagef("init: %s: variants are chosen when running (FILE#variant); give the scenario's name alone", name)
	}
	sc, err := scenario.Builtin(name, scenario.Options{})
	if err != nil {
		var fe *scenario.FieldError
		if errors.As(err, &fe) && fe.Line == 0 && fe.Key == "" {
			return fmt.Errorf("init: %w", err)
		}
		return fmt.Errorf("init: built-in scenario %s does not load: %w", name, err)
	}
	if file == "" {
		file = path.Base(name) + ".toml"
	}
	// The files to write: the scenario, its includes at the same paths
	// relative to it, and the schema.
	type out struct {
		path    string
		data    []byte
		include bool // an included file, shared if it exists with the same content
	}
	main := sc.Sources[0]
	mainDir := path.Dir(strings.TrimPrefix(main.Name, "builtin:"))
	outs := []out{{file, retargetSchema(main.Text), false}}
	dir := filepath.Dir(file)
	for _, src := range sc.Sources[1:] {
		p := strings.TrimPrefix(src.Name, "builtin:")
		rel, err := filepath.Rel(filepath.FromSlash(mainDir), filepath.FromSlash(p))
		if err != nil {
			return fmt.Errorf("init: %s: %w", p, err)
		}
		outs = append(outs, out{filepath.Join(dir, rel), src.Text, true})
	}
	var shared []string
	for i := 0; i < len(outs); i++ {
		o := outs[i]
		_, err := os.Lstat(o.path)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			continue
		case err != nil:
			return fmt.Errorf("init: %w", err)
		case !o.include:
			if fi, err := os.Stat(o.path); err == nil && fi.IsDir() {
				return fmt.Errorf("init: %s is a folder: give the file to write, such as %s", o.path, filepath.Join(o.path, path.Base(name)+".toml"))
			}
			return fmt.Errorf("init: %s already exists: not overwriting it", o.path)
		}
		if have, err := os.ReadFile(o.path); err != nil || !bytes.Equal(have, o.data) {
			return fmt.Errorf("init: %s already exists with other content than %s includes: not overwriting it; write %s into another folder (salesim init %s DIR/%s)",
				o.path, name, name, name, filepath.Base(file))
		}
		shared = append(shared, o.path)
		outs = append(outs[:i], outs[i+1:]...)
		i--
	}
	schema := filepath.Join(dir, "salesim.schema.json")
	if _, err := os.Lstat(schema); errors.Is(err, fs.ErrNotExist) {
		outs = append(outs, out{schema, scenario.Schema(), false})
	}
	for _, o := range outs {
		if err := os.MkdirAll(filepath.Dir(o.path), 0o777); err != nil {
			return fmt.Errorf("init: %w", err)
		}
		if err := writeNew(o.path, o.data); err != nil {
			return fmt.Errorf("init: %w", err)
		}
		fmt.Fprintf(env.stdout, "wrote %s\n", o.path)
	}
	for _, p := range shared {
		fmt.Fprintf(env.stdout, "kept %s (the same as %s's)\n", p, name)
	}
	return nil
}

// retargetSchema points the file's "#:schema" directive at a schema in the
// same directory (built-ins in subdirectories point one level up).
func retargetSchema(b []byte) []byte {
	line, rest, _ := bytes.Cut(b, []byte("\n"))
	if !bytes.HasPrefix(line, []byte("#:schema ")) {
		return b
	}
	return append([]byte("#:schema ./salesim.schema.json\n"), rest...)
}

// writeNew writes a new file atomically: the data goes to a temporary file
// in the same directory, which is then linked to path, failing if path
// exists (a rename would replace it).
func writeNew(path string, data []byte) (err error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		// The temporary file's name means nothing to the user.
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	tmp := f.Name()
	defer os.Remove(tmp)
	if _, err = f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err = f.Sync(); err != nil {
		f.Close()
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	if err = os.Chmod(tmp, 0o644); err != nil {
		return err
	}
	if err = os.Link(tmp, path); err == nil {
		return nil
	}
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%s already exists: not overwriting it", path)
	}
	// No hard links on this file system: check, then rename.
	if _, serr := os.Lstat(path); serr == nil {
		return fmt.Errorf("%s already exists: not overwriting it", path)
	}
	return os.Rename(tmp, path)
}
